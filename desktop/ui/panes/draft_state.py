"""What the drafting pane keeps: earlier versions, its state for autosave, a past run, unsaved output.

``DraftKeeping`` is a part of ``DraftPane`` (a mixin: its ``tr()`` texts belong to
the pane's translation context, "DraftPane"). It offers the ``Pane`` protocol's
``autosave_state``/``restore_autosave_state``, ``reopen_run``,
``has_unsaved_output`` and ``mark_exported``; a reopened run's request is
handed to the controller (``reuse_request``), never written into it.

Nothing typed is lost: a new run, a reopened run or an autosave restore never
overwrites the draft on screen; it stays an earlier version
(``kept_result.KeptResult``, 「◀ 1/3 ▶」 above the draft, shared with the
summarize pane). An edited version is written back to its history run
(``KeepsEdits.note_recorded``) shortly after the last keystroke, and all
versions are in the autosave.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox

from desktop.history import Run
from desktop.ui.panes.result_versions import ResultVersions
from desktop.templates import Template
from desktop.templates.model import TemplateError


class DraftKeeping:
    """Autosave, history and unsaved-output support for ``DraftPane`` (see the module docstring)."""

    def has_unsaved_output(self) -> bool:
        """True when the draft text is not empty and differs from what was last exported, copied or reopened."""
        text = self.output.text()
        return bool(text.strip()) and text != self._saved_output

    def mark_exported(self) -> None:
        """The draft as it is now is kept elsewhere (exported, copied): closing need not ask about it."""
        self._saved_output = self.output.text()

    # ------------------------------------------------------------ versions
    @property
    def versions(self) -> ResultVersions:
        """The drafts on screen and before (``self.result``, a ``kept_result.KeptResult``)."""
        return self.result.versions

    @Slot()
    def _new_version(self) -> None:
        """A new run starts: the draft on screen (with edits) becomes an earlier version."""
        self.result.begin()

    @Slot(int)
    def show_version(self, step: int) -> bool:
        """Show the version ``step`` away (-1 earlier, 1 later); the shown one keeps its edits."""
        return self.result.show(step)

    def take_result(self, run: Run) -> bool:
        """A result chosen in 比較 (``TakesResult``) becomes the newest version; the draft on screen stays
        as an earlier one. A draft's template and fields come with it; a free prompt's text comes alone.

        Stored in the history (edits follow it there); False while a draft is being written.
        """
        from desktop.ui.panes.chosen_result import keep_in_history

        if self.controller.running or self.result.writing:
            return False
        inputs = run.inputs if isinstance(run.inputs, dict) else {}
        template_data = inputs.get("template")
        if run.pane == "draft" and self._put_back(run.template, template_data, inputs.get("fields"), {}, run.output):
            self.controller.reuse_request(inputs, {})
        else:
            self.result.put(run.output)
        if self.versions.current is not None:
            self.versions.current.run_id = keep_in_history(self.context.history, run)
        self._update_buttons()
        self.status_label.setText(self.tr("The result of %1, chosen in Compare. Check the draft before you use it.")
                                  .replace("%1", run.model))
        return True

    def comparison_job(self) -> tuple[str, dict[str, Any]] | None:
        """The template and fields on screen, for 比較."""
        if self.template is None:
            return None
        return "draft", {"template_id": self.template.id, "fields": self.form.values() if self.form else {}}

    def _update_versions(self) -> None:
        self.result.update_navigator()

    @Slot()
    def keep_edit_in_history(self) -> bool:
        """Write the shown version's edits to its history run; True when a run was updated."""
        return self.result.keep_edit_in_history()

    def note_recorded(self, request_id: str, run_id: int) -> None:
        """The history stored the run of ``request_id`` as ``run_id`` (``KeepsEdits``)."""
        self.result.note_recorded(request_id, run_id)

    def _remember_typed(self) -> dict[str, str]:
        """Keep the form's fields for the session and the autosave: per template id those changed from
        the template's defaults, per field id the last text typed (choices and dates stay with their
        template). Returns the form's values ({} without a form)."""
        if self.form is None:
            return {}
        template, values = self.form.template, self.form.values()
        typed = {k: v for k, v in values.items() if v != self._default_fields.get(k)}
        if typed:
            self._typed[template.id] = typed
        else:
            self._typed.pop(template.id, None)
        for name, value in values.items():
            if _carries(template, name):
                if value.strip():
                    self._carried[name] = value
                else:
                    self._carried.pop(name, None)
        return values

    def _typed_for(self, template: Template) -> dict[str, str]:
        """The values ``template``'s form gets: its own from earlier, then the text fields last typed elsewhere."""
        carried = {k: v for k, v in self._carried.items() if _carries(template, k)}
        return {**self._typed.get(template.id, {}), **carried}

    def _set_choice(self, box: QComboBox, key: Any) -> None:
        index = box.findData(key)
        if index >= 0:
            box.setCurrentIndex(index)

    def _show_template_by_id(self, template_id: str, template_data: Any = None) -> bool:
        """Select ``template_id`` in the list; a template no longer in the list is rebuilt from ``template_data``."""
        if template_id and self.select_template(template_id):
            return True
        if not isinstance(template_data, dict):
            return False
        try:
            template = Template.from_dict(template_data)
        except (TemplateError, TypeError, ValueError, KeyError):
            return False
        self.template_list.setCurrentItem(None)
        self.show_template(template)
        return True

    def _put_back(self, template_id: str, template_data: Any, fields: Any, choices: dict[str, Any],
                  output: str) -> bool:
        if not self._show_template_by_id(template_id, template_data):
            return False
        if isinstance(fields, dict) and self.form is not None:
            self.form.set_values({str(k): str(v) for k, v in fields.items()})
        for box, key in ((self.length_box, "length"), (self.tone_box, "tone"), (self.manner_box, "manner")):
            if choices.get(key):
                self._set_choice(box, choices[key])
        self.result.put(output)
        return True

    def reopen_run(self, run: Run) -> bool:
        """Put a past run (a ``desktop.history.Run`` of this pane) back: template, fields, choices and draft.

        False (the window then shows the run read-only) while a draft is being
        written, or when the run's template can no longer be shown.
        """
        if self.controller.running:
            return False
        inputs = run.inputs if isinstance(run.inputs, dict) else {}
        template_data = inputs.get("template")
        template_id = run.template or (template_data.get("id", "") if isinstance(template_data, dict) else "")
        options = run.options if isinstance(run.options, dict) else {}
        if not self._put_back(str(template_id), template_data, inputs.get("fields"), options, run.output):
            return False
        # 再作成 works on a reopened run: the same request again
        reusable = isinstance(template_data, dict) and isinstance(inputs.get("fields"), dict)
        self.controller.reuse_request(inputs if reusable else None, options)
        if self.versions.current is not None:
            self.versions.current.run_id = run.id
        self._saved_output = self.output.text()  # it is in the history already
        self._update_buttons()
        self.status_label.setText(self.tr("Reopened from the history. Check the draft before you use it."))
        return True

    def autosave_state(self) -> dict[str, Any]:
        """Everything typed or written: template, field values, length/style/manner, the draft ({} when nothing)."""
        fields = self._remember_typed()
        output = self.output.text()
        versions = self.result.to_state()
        if not self._typed and not output.strip() and len(self.versions) < 2:
            return {}
        template = self.template
        return {
            "template": template.id if template else "",
            "template_data": template.to_dict() if template and not template.read_only else None,
            "fields": fields,
            "length": self._choice(self.length_box),
            "tone": self._choice(self.tone_box),
            "manner": self._choice(self.manner_box),
            "output": output,
            "versions": versions,
            "typed": {k: dict(v) for k, v in self._typed.items()},
            "carried": dict(self._carried),
        }

    def restore_autosave_state(self, state: dict[str, Any]) -> None:
        """Put back what ``autosave_state`` gave (after a crash)."""
        if not state:
            return
        output = str(state.get("output") or "")
        typed, carried = state.get("typed"), state.get("carried")
        if isinstance(typed, dict):
            self._typed.update({str(k): {str(n): str(v) for n, v in fields.items()}
                                for k, fields in typed.items() if isinstance(fields, dict)})
        if isinstance(carried, dict):
            self._carried.update({str(k): str(v) for k, v in carried.items()})
        if self.form is not None:  # the form on screen shows what is remembered for it
            self.form.set_values(self._typed_for(self.form.template))
        self._put_back(str(state.get("template") or ""), state.get("template_data"), state.get("fields"),
                       state, output)
        self.result.restore(state.get("versions"), output)  # the autosave's draft is the one shown
        self._update_buttons()


def _carries(template: Template, name: str) -> bool:
    """A field whose text goes along to same-named fields of other templates (not a choice or a date)."""
    field = template.field_named(name)
    return field is not None and field.kind not in ("choice", "date")
