"""The drafting pane's controller: the template list, the last request, why a run cannot start.

再作成 (``regenerate``) sends what the form shows now; 続きを書く continues the last request.

``DraftController`` talks to the engine through the pane kit (``PaneController``
and its ``JobRunner``) and is tested without clicking; the view
(``desktop.ui.panes.draft``) shows it and asks it to act.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.templates import DEFAULT_LENGTH, MissingFieldError, Template, TemplateStore, field_values
from desktop.ui.context import AppContext
from desktop.ui.job_runner import CANCELLED, GenerationController


class DraftController(GenerationController):
    """Runs drafts one at a time; remembers the last request so that it can be continued."""

    can_continue_changed = Signal(bool)
    templates_changed = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(context.engine, parent)
        self._context = context
        self.store = TemplateStore.for_paths(context.paths)
        self.last_request: tuple[dict[str, Any], dict[str, Any]] | None = None
        self.last_finish_reason = ""

    def reuse_request(self, inputs: dict[str, Any] | None, options: dict[str, Any]) -> None:
        """A run was reopened: its ``inputs``/``options`` become the request 再作成 sends again
        (None: the last request stays); 続きを書く waits for a new run."""
        if inputs is not None:
            self.last_request = (dict(inputs), {k: v for k, v in options.items() if k != "continue_from"})
        self.last_finish_reason = ""

    @property
    def can_continue(self) -> bool:
        return self.last_finish_reason in ("length", "cancelled") and self.last_request is not None and not self.running

    def reload_templates(self) -> None:
        self.store.reload()
        self.templates_changed.emit()

    def problem_with(self, template: Template | None, fields: dict[str, str]) -> str:
        """Why this draft cannot start now ("" when it can)."""
        if not self.model_loaded:
            return self.tr("No model is loaded. Load one on the Model page first.")
        if template is None:
            return self.tr("Choose a template first.")
        if self.running:
            return self.tr("Already writing. Press Esc to stop.")
        try:
            field_values(template, fields)
        except MissingFieldError as exc:
            return self.tr("Fill in “{label}” first.").format(label=exc.label)
        return ""

    def options_for(self, length: str, tone: str, manner: str) -> dict[str, Any]:
        """The job's options. The reply budget is the length's own (for "template", the job takes
        the template's), capped by the settings' 「生成する文章の上限」 (``max_tokens``, sent as
        ``longest_reply``): as the settings page says, no answer is longer, and a short length stays short."""
        return {"length": length, "tone": tone, "manner": manner,
                "longest_reply": int(self._context.settings.get("max_tokens"))}

    def run(self, template: Template | None, fields: dict[str, str], *, length: str = DEFAULT_LENGTH,
            tone: str = "auto", manner: str = "auto") -> bool:
        """Start a draft; False (with a message) when it cannot start."""
        problem = self.problem_with(template, fields)
        if problem:
            self.message.emit(problem)
            return False
        inputs = {"template": template.to_dict(), "fields": dict(fields),
                  "organisation": str(self._context.settings.get("organisation") or "")}
        return self._start(inputs, self.options_for(length, tone, manner), clear=True)

    def regenerate(self, template: Template | None, fields: dict[str, str], *, length: str = "medium",
                   tone: str = "auto", manner: str = "auto") -> bool:
        """Write again from what the form shows now (template, fields, length, style), not the last request.

        When nothing changed the request equals the last one, so the engine reuses
        its cached prompt (KV cache) and starts at once. False before a first run.
        """
        if self.last_request is None:
            return False
        return self.run(template, fields, length=length, tone=tone, manner=manner)

    def continue_from(self, text: str) -> bool:
        """Continue ``text`` (the output so far) with the last request's prompt."""
        if not self.can_continue or not self.model_loaded:
            return False
        inputs, options = self.last_request
        return self._start(inputs, {**options, "continue_from": text}, clear=False)

    def _start(self, inputs: dict[str, Any], options: dict[str, Any], *, clear: bool) -> bool:
        self.last_request = (inputs, {k: v for k, v in options.items() if k != "continue_from"})
        self.last_finish_reason = ""
        self.can_continue_changed.emit(False)
        return self.start_stream("draft", inputs, options, clear=clear)

    @Slot(dict)
    def _on_finished(self, stats: dict) -> None:
        self.last_finish_reason = str(stats.get("finish_reason", ""))
        if self.last_finish_reason == "length":
            self.message.emit(self.tr(
                'Stopped at the length limit. Use Continue to write more; the limit is "Longest answer" in Settings.'))
        elif self.last_finish_reason == "repetition":
            self.message.emit(self.tr("Stopped: the same sentence kept repeating. Use Rewrite to write the draft again."))
        else:
            speed = stats.get("tokens_per_s")
            self.message.emit(self.tr("Done ({speed:.1f} tokens/s). Check the draft before you use it.").format(speed=speed)
                              if speed else self.tr("Done. Check the draft before you use it."))
        self.can_continue_changed.emit(self.can_continue)

    @Slot(str, str)
    def _on_failed(self, code: str, message: str) -> None:
        self.last_finish_reason = "cancelled" if code == CANCELLED else ""
        self.can_continue_changed.emit(self.can_continue)
        if code == CANCELLED:
            self.message.emit(self.tr("Stopped. The text so far is kept; Continue goes on from it."))
        else:
            super()._on_failed(code, message)
