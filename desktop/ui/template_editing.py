"""The template editor's actions: the fields table's rows, new / duplicate / save / delete, export /
import, and the test run.

``TemplateEditing`` is a part of ``TemplateEditorDialog`` (a mixin: its ``tr()``
texts belong to the dialog's translation context, "TemplateEditorDialog").
An invalid template is refused with the message that names its field or line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMessageBox

from desktop.engine.client import EngineClient
from desktop.templates import Field, Template, TemplateError
from desktop.ui.file_dialogs import open_file_name, save_file_name
from desktop.ui.job_runner import CANCELLED
from desktop.ui.template_import_dialog import import_with_preview


TEST_MAX_TOKENS = 256


def sample_values(template: Template, today: dt.date | None = None) -> dict[str, str]:
    """Values to preview a template with: the default, else the first choice, today, or 〈label〉."""
    values = {}
    for item in template.fields:
        if item.default:
            values[item.name] = item.default
        elif item.kind == "choice" and item.choices:
            values[item.name] = item.choices[0]
        elif item.kind == "date":
            values[item.name] = (today or dt.date.today()).isoformat()
        else:
            values[item.name] = f"〈{item.label_for('ja')}〉"
    return values


class TemplateEditing:
    """Field rows, template files and the test run for ``TemplateEditorDialog`` (see the module docstring)."""

    engine: EngineClient | None   # set by the editor; None when there is no engine to test-run with

    # --------------------------------------------------------------- fields
    @Slot()
    def add_field(self) -> None:
        existing = {self.fields_table.item(r, 0).text() for r in range(self.fields_table.rowCount())
                    if self.fields_table.item(r, 0)}
        number = 1
        while f"field{number}" in existing:
            number += 1
        self._append_field_row(Field(name=f"field{number}", label={"ja": self.tr("New field")}))
        self.fields_table.setCurrentCell(self.fields_table.rowCount() - 1, 0)
        self._edited()

    @Slot()
    def remove_field(self) -> None:
        row = self.fields_table.currentRow()
        if row >= 0:
            self.fields_table.removeRow(row)
            self._edited()

    def _move_field(self, step: int) -> None:
        row = self.fields_table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.fields_table.rowCount():
            return
        rows = self._field_rows()
        rows[row], rows[target] = rows[target], rows[row]
        self.fields_table.setRowCount(0)
        for data in rows:
            self._append_field_row(Field(**data))
        self.fields_table.setCurrentCell(target, 0)
        self._edited()

    # -------------------------------------------------------------- actions
    @Slot()
    def new_template(self) -> None:
        if self.dirty and not self._confirm_discard():
            return
        template = Template(
            id=self.store.unused_id("my-template"), title={"ja": self.tr("New template")}, kind="文書",
            prompt="次のメモをもとに文書を作成してください。\n\n{notes}",
            system="あなたは{organisation}の職員として文書を作成します。\n分量は、800字程度にしてください。",
            fields=[Field(name="notes", label={"ja": "メモ", "en": "Notes"}, kind="document", required=True)],
        )
        self.template_list.clearSelection()
        self.load(template)
        self.dirty = True
        self.status_label.setText(self.tr("A new template. Press Save to keep it."))

    @Slot()
    def duplicate_template(self) -> None:
        """Copy the shown template under a new id (the way to change a built-in)."""
        if self.current is None:
            return
        try:
            base = self.edited_template() if not self.current.read_only else self.current
        except TemplateError:
            base = self.current
        copy_title = {lang: self.tr("{title} (copy)").format(title=text) for lang, text in base.title.items()}
        duplicate = replace(base, id=self.store.unused_id(f"{base.id}-copy"), title=copy_title, source="user")
        self.template_list.clearSelection()
        self.load(duplicate)
        self.dirty = True
        self.status_label.setText(self.tr("A copy. Change it, then press Save."))

    def save_template(self) -> bool:
        """Save to the user templates folder; an invalid template is refused with its problem."""
        if self.current is not None and self.current.read_only:
            return False
        try:
            template = self.edited_template()
            if template.id != self._saved_user_id() and template.id in self.store.ids():
                raise TemplateError(self.tr("The ID “{id}” is already used.").format(id=template.id), key="id")
            saved = self.store.save_user(template)
        except TemplateError as exc:
            self.problem.show_notice(exc.message, "error")
            QMessageBox.warning(self, self.tr("Cannot save"), exc.message)
            return False
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), str(exc))
            return False
        self.dirty = False
        self._fill_list()
        self.select(saved.id)
        self.load(saved)
        self.status_label.setText(self.tr("Saved: {path}").format(path=saved.path))
        self.templates_changed.emit()
        return True

    def _saved_user_id(self) -> str:
        """The id under which the shown template is saved in the user folder ("" if it is not)."""
        current = self.current
        if current and current.source == "user" and current.path and current.path.parent == self.store.user_folder:
            return current.id
        return ""

    def delete_template(self) -> bool:
        if self.current is None or self.current.read_only or self.current.path is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete template"),
            self.tr("Delete the template “{title}”? This cannot be undone.").format(title=self.current.title_for(self.lang)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.store.delete_user(self.current.id)
        except (TemplateError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot delete"), getattr(exc, "message", str(exc)))
            return False
        self.dirty = False
        self._fill_list()
        if self.template_list.count():
            self.template_list.setCurrentRow(0)
        self.status_label.setText(self.tr("Deleted."))
        self.templates_changed.emit()
        return True

    def export_template(self, path: str | None = None) -> bool:
        if self.current is None:
            return False
        try:
            template = self.current if self.current.read_only else self.edited_template()
        except TemplateError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), exc.message)
            return False
        if path is None:
            suffix = ".zip" if template.letterhead_path() else ".toml"
            path = save_file_name(self, self.tr("Export template"), f"{template.id}{suffix}",
                                  self.tr("Fumi template (*.toml *.zip)"))
        if not path:
            return False
        try:
            written = self.store.export(template, Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), str(exc))
            return False
        self.status_label.setText(self.tr("Exported: {path}").format(path=written))
        return True

    def import_template(self, path: str | None = None) -> bool:
        """Import a shared .toml or .zip after its preview (``template_import_dialog``)."""
        if path is None:
            path = open_file_name(self, self.tr("Import template"), self.tr("Fumi template (*.toml *.zip)"))
        if not path:
            return False
        saved = import_with_preview(self.store, path, self.lang, self)
        if saved is None:
            return False
        self._fill_list()
        self.select(saved.id)
        self.status_label.setText(self.tr("Imported: {title}").format(title=saved.title_for(self.lang)))
        self.templates_changed.emit()
        return True

    # ------------------------------------------------------------- test run
    def test_run(self) -> bool:
        """Run the edited template with the sample values, streaming into the preview."""
        if self.runner is None or self.engine is None or self.engine.model_facts is None:
            self.status_label.setText(self.tr("Load a model first to test-run a template."))
            return False
        if self.runner.running:
            return False
        try:
            template = self.edited_template()
        except TemplateError as exc:
            self.problem.show_notice(exc.message, "error")
            return False
        self.preview.clear()
        self.runner.start("draft", {"template": template.to_dict(), "fields": sample_values(template)},
                          {"length": "short", "max_tokens": TEST_MAX_TOKENS,
                           "history": False})  # a test run is not a draft: kept out of the history
        self.status_label.setText(self.tr("Test run: writing…"))
        return True

    @Slot()
    def _stop_test(self) -> None:
        if self.runner is not None:
            self.runner.cancel()

    @Slot(bool)
    def _test_running(self, running: bool) -> None:
        if not running:
            self.preview.flush()
        self.test_button.setEnabled(not running)
        self.stop_button.setEnabled(running)

    @Slot(str, str)
    def _test_failed(self, code: str, message: str) -> None:
        self.status_label.setText(self.tr("Test run stopped.") if code == CANCELLED else (message or code))
