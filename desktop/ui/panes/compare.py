"""The 比較 pane: the same job on 2–4 models, side by side, with fair settings.

The left side chooses the models (from the library), the job (a template's
draft, a summary of a document, a translation of a short text, or a free
prompt) and what every model gets alike (seed, temperature, maximum length).
The right side has two tabs: 入力 (the job's inputs, with the room of the
right half) and 結果 (one column per model, sharing the width, that fills in as
it runs, with its figures, under a line stating the fair settings); 「この結果を使う」 hands a result to its pane, and the comparison
can be exported as a Word table or Markdown. ``CompareController`` runs it;
the 入力 tab's pages and the request they make are ``compare_inputs.CompareInputs``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSpinBox, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from desktop.compare.export import settings_line, write_comparison
from desktop.compare.settings import (
    DEFAULT_MAX_TOKENS, DEFAULT_SEED, DEFAULT_TEMPERATURE, JOB_KINDS, MAX_MODELS, ModelResult, model_titles,
)
from desktop.messages import message
from desktop.ui.context import AppContext
from desktop.ui.file_dialogs import save_file_name
from desktop.ui.panes.compare_columns import ResultColumns
from desktop.ui.panes.compare_controller import CompareController
from desktop.ui.panes.compare_inputs import CompareInputs
from desktop.ui.panes.compare_models import ModelChooser
from desktop.ui.widgets import NoticeBar, column_splitter, pane_header, run_and_stop_shortcuts


class ComparePane(CompareInputs, QWidget):
    """Models and job on the left; 比較 (Ctrl+Enter), 停止 (Esc), 書き出し (Ctrl+S); columns on the right."""

    models_requested = Signal()
    #: a chosen result, for its own pane: a ``desktop.history.Run`` (``chosen_result.chosen_run``)
    result_chosen = Signal(object)
    #: the user asks for the inputs of the pane of this job kind (the window answers with ``set_job``)
    inputs_requested = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePane")
        self.context = context
        self.controller = CompareController(context.engine, self)
        self._input_sources: dict[str, str] = {}
        self._start_inputs()
        self._build()
        self._connect()
        self._set_running(False)
        self._models_listed = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """List the library's models the first time the pane is shown (not when merely built)."""
        super().showEvent(event)
        if not self._models_listed:
            self._models_listed = True
            self.models.look()

    @property
    def lang(self) -> str:
        return str(self.context.settings.get("language") or "ja")

    # ------------------------------------------------------------ view
    def _build(self) -> None:
        heading, subtitle = pane_header(
            self, self.tr("Compare"),
            self.tr("Run the same job on several models, one after another, with the same settings, "
                    "and choose the model that suits each kind of work."),
        )
        self.notice = NoticeBar(self, closable=True)
        self.models = ModelChooser(self.context.settings, self.context.paths.user_models, self)
        self.models.listed.connect(self._update_run_button)
        self.model_list = self.models.list
        self.model_list.itemChanged.connect(self._update_run_button)
        self.job_box = QComboBox(self)
        for kind, label in zip(JOB_KINDS, (self.tr("Draft from a template"), self.tr("Summary of a document"),
                                           self.tr("Translation of a short text"), self.tr("Free prompt"))):
            self.job_box.addItem(label, kind)
        self.take_inputs_button = QPushButton(self.tr("Use the inputs of the previous pane"), self)
        self.take_inputs_button.setToolTip(self.tr("Take the template and fields, the document or the text "
                                                   "from the pane you were in"))
        self.take_inputs_button.setEnabled(False)
        self.take_inputs_button.clicked.connect(lambda: self.inputs_requested.emit(self.job_box.currentData()))
        self.inputs = QStackedWidget(self)
        self.inputs.addWidget(self._build_draft_inputs())
        self.inputs.addWidget(self._build_summary_inputs())
        self.inputs.addWidget(self._build_translate_inputs())
        self.prompt_text = QPlainTextEdit(self)
        self.prompt_text.setPlaceholderText(self.tr("Write the instruction every model gets"))
        self.inputs.addWidget(self.prompt_text)
        self.job_box.currentIndexChanged.connect(self.inputs.setCurrentIndex)
        self.job_box.currentIndexChanged.connect(self._update_take_button)
        self.job_box.activated.connect(self._show_inputs)

        self.seed_box = QSpinBox(self)
        self.seed_box.setRange(0, 2**31 - 1)
        self.seed_box.setValue(DEFAULT_SEED)
        self.temperature_box = QDoubleSpinBox(self)
        self.temperature_box.setRange(0.0, 2.0)
        self.temperature_box.setSingleStep(0.1)
        self.temperature_box.setValue(DEFAULT_TEMPERATURE)
        self.max_tokens_box = QSpinBox(self)
        self.max_tokens_box.setRange(16, 8192)
        self.max_tokens_box.setValue(DEFAULT_MAX_TOKENS)
        fair = QFormLayout()
        fair.addRow(self.tr("Seed"), self.seed_box)
        fair.addRow(self.tr("Randomness (temperature)"), self.temperature_box)
        fair.addRow(self.tr("Longest output (tokens)"), self.max_tokens_box)

        self.run_button = QPushButton(self.tr("Compare"), self)
        self.run_button.setObjectName("primaryButton")
        self.run_button.setToolTip(self.tr("Run the job on every ticked model (Ctrl+Enter)"))
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setToolTip(self.tr("Stop the comparison (Esc)"))
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Save the comparison as Word (.docx) or Markdown (.md) (Ctrl+S)"))
        self.export_button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.run_button, self.stop_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Models"), left))
        left_layout.addWidget(self.models, 1)
        left_layout.addWidget(QLabel(self.tr("Job"), left))
        left_layout.addWidget(self.job_box)
        left_layout.addWidget(self.take_inputs_button)
        left_layout.addLayout(fair)
        left_layout.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        left_layout.addWidget(self.status)

        self.columns = ResultColumns(self)
        self.sides = QTabWidget(self)
        self.sides.setDocumentMode(True)
        self.sides.addTab(self.inputs, self.tr("Inputs"))
        self.sides.addTab(self.columns, self.tr("Results"))
        splitter = column_splitter(self, left, self.sides)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 960])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        run_and_stop_shortcuts(self, self.run, self.controller.stop)
        self.run_button.clicked.connect(self.run)
        self.stop_button.clicked.connect(self.controller.stop)
        self.export_button.clicked.connect(self.save_file)
        c = self.controller
        c.running_changed.connect(self._set_running)
        c.message.connect(self.status.setText)
        c.column_state.connect(self._on_column_state)
        c.column_progress.connect(self._on_column_progress)
        c.column_delta.connect(self._on_column_delta)
        c.column_finished.connect(self._on_column_finished)
        self.columns.use_requested.connect(self._use_result)

    # ------------------------------------------------------------ inputs
    def chosen_models(self) -> list[tuple[str, str, dict | None]]:
        """(name, path, facts) of every ticked model (``ModelChoice.chosen``)."""
        return self.model_list.chosen()

    def set_input_sources(self, titles: dict[str, str]) -> None:
        """Job kind -> title of the pane giving its inputs; 「…の入力を使う」 names the chosen job's pane."""
        self._input_sources = dict(titles)
        self._update_take_button()

    @Slot()
    def _update_take_button(self) -> None:
        title = self._input_sources.get(self.job_box.currentData(), "")
        self.take_inputs_button.setEnabled(bool(title))
        self.take_inputs_button.setText(self.tr("Use the inputs of 「%1」").replace("%1", title) if title
                                        else self.tr("Use the inputs of the previous pane"))

    @Slot()
    def _show_inputs(self) -> None:
        self.sides.setCurrentWidget(self.inputs)

    def note_no_inputs(self, pane_title: str) -> None:
        """「…の入力を使う」 found nothing to take in 「``pane_title``」 (the window calls this)."""
        self.status.setText(self.tr("「%1」 has nothing to compare yet.").replace("%1", pane_title))

    @Slot()
    def _update_run_button(self) -> None:
        count = len(self.chosen_models())
        self.run_button.setEnabled(not self.controller.running and 2 <= count <= MAX_MODELS)
        if count > MAX_MODELS:
            self.status.setText(self.tr("Choose at most 4 models."))

    @Slot()
    def run(self) -> None:
        """Start the comparison with what the form shows now (Ctrl+Enter)."""
        if self.controller.running:
            return
        request = self._request()
        if request is None:
            return
        self.columns.reset(model_titles([(name, path) for name, path, _facts in request.models]),
                           settings_line(request.settings, request.label, self.lang))
        self.sides.setCurrentWidget(self.columns)
        self.export_button.setEnabled(False)
        self.controller.start(request)

    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        self.stop_button.setEnabled(running)
        self._update_run_button()
        results = self.controller.results
        if not running and results:
            self.export_button.setEnabled(self._exportable())
            request = self.controller.last_request
            if request is not None:
                self.columns.set_settings(settings_line(request.settings.with_context(results), request.label,
                                                        self.lang))
            self.status.setText(self.tr("Comparison stopped.") if self.controller.stopped
                                else self.tr("Comparison finished."))

    def _exportable(self) -> bool:
        """Not running, and at least one model gave text (a run that produced nothing exports nothing)."""
        return not self.controller.running and any(r.ok and r.text.strip() for r in self.controller.results)

    @Slot(int, str, str)
    def _on_column_state(self, index: int, state: str, detail: str) -> None:
        if index < len(self.columns.columns):
            self.columns.columns[index].set_state(state, detail)

    @Slot(int, int, int)
    def _on_column_progress(self, index: int, done: int, total: int) -> None:
        if index < len(self.columns.columns):
            self.columns.columns[index].set_progress(done, total)

    @Slot(int, str)
    def _on_column_delta(self, index: int, text: str) -> None:
        if index < len(self.columns.columns):
            self.columns.columns[index].append(text)

    @Slot(int, object)
    def _on_column_finished(self, index: int, result: ModelResult) -> None:
        if index < len(self.columns.columns):
            self.columns.columns[index].show_result(result)

    @Slot(int)
    def _use_result(self, index: int) -> None:
        """「この結果を使う」: the result goes to its pane as a run of that pane (``result_chosen``)."""
        from desktop.ui.panes.chosen_result import chosen_run

        results = self.controller.results
        request = self.controller.last_request
        if request is None or index >= len(results) or self.controller.running:
            return
        run = chosen_run(request.kind, request.inputs, request.options, request.settings, results[index],
                         request.label)
        self.result_chosen.emit(run)

    def note_handoff(self, model: str, pane_title: str, taken: bool) -> None:
        """Say whether the result of ``model`` went to 「``pane_title``」 (the window calls this)."""
        if taken:
            self.status.setText(self.tr("The result of %1 is now in 「%2」.").replace("%1", model)
                                .replace("%2", pane_title))
        else:
            self.status.setText(self.tr("「%1」 did not take the result (it is busy, or you kept its own result).")
                                .replace("%1", pane_title))

    # ------------------------------------------------------------ files
    def save_file(self, path: str | None = None) -> bool:
        """Export the comparison as .docx (a table) or .md (Ctrl+S); True when written."""
        if self.controller.last_request is None or not self._exportable():
            return False
        if not path:
            path = save_file_name(self, self.tr("Export the comparison"), self.tr("comparison.docx"),
                                  self.tr("Word (*.docx);;Markdown (*.md)"))
        return bool(path) and self.export_to(Path(path))

    # ------------------------------------------------------------ the window's helpers (Pane protocol)
    def autosave_state(self) -> dict[str, Any]:
        """The job and its typed inputs (results are not kept: they are re-run, not edited)."""
        state = {"kind": self.job_box.currentData(), "prompt": self.prompt_text.toPlainText(),
                 "translate": self.translate_text.toPlainText()}
        return state if state["prompt"] or state["translate"] else {}

    def restore_autosave_state(self, state: dict[str, Any]) -> None:
        if state.get("kind") in JOB_KINDS:
            self.job_box.setCurrentIndex(JOB_KINDS.index(state["kind"]))
        self.prompt_text.setPlainText(str(state.get("prompt", "")))
        self.translate_text.setPlainText(str(state.get("translate", "")))

    def has_unsaved_output(self) -> bool:
        """A comparison is a look at models, not a document: closing never asks for it."""
        return False

    def mark_exported(self) -> None:
        """Nothing to mark: see ``has_unsaved_output``."""

    def reopen_run(self, run: Any) -> bool:
        """Comparisons are not kept in the history."""
        return False

    def export_to(self, path: Path) -> bool:
        """Write the last comparison to ``path``; False (with a notice) if it could not be written."""
        from desktop.documents import DocumentError

        request = self.controller.last_request
        if request is None:
            return False
        try:
            results = self.controller.results
            write_comparison(path, results, request.settings.with_context(results), request.label,
                             ai_notice=bool(self.context.settings.get("ai_notice")), lang=self.lang)
        except (DocumentError, OSError, ValueError) as exc:
            self.notice.show_notice(getattr(exc, "message", str(exc)))
            return False
        self.status.setText(message("compare.saved", self.lang, name=str(path)))
        return True
