"""The summarize pane (the view): a document of any length in, its summary out, with the way back to the source.

``SummarizePane`` shows a ``SummarizeController`` (``summarize_controller``)
and asks it to act; it never changes the controller's state itself. The
source is on the left; the options, the partial summaries as they are made
and the final summary (a ``StreamingTextView``, editable once finished) on the
right. Choosing a partial summary, or a point of the final summary that cites
a source, highlights that part of the source (``summarize_sources``). Files
are read off the UI thread by the controller's ``DocumentLoader``; dropped
files come from the window's ``FileDropRouter`` through ``open_file``.
Autosave, history and unsaved output: ``summarize_state.SummaryKeeping``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QProgressBar, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from desktop.documents.filenames import safe_file_name
from desktop.documents.model import DocumentError
from desktop.messages import describe
from desktop.ui.context import AppContext
from desktop.ui.panes.summarize_controller import SummarizeController
from desktop.ui.panes.summarize_parts import keep_unfinished, show_part_text, show_section
from desktop.ui.panes.summarize_sources import highlight, mark_citations
from desktop.ui.panes.summarize_result import SummaryResult
from desktop.ui.panes.summarize_state import SummaryKeeping
from desktop.ui.widgets import NoticeBar, column_splitter, pane_header, run_and_stop_shortcuts
from desktop.ui.file_dialogs import open_file_name, save_file_name, start_folder

PLAN_DELAY_MS = 400


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


class SummarizePane(SummaryResult, SummaryKeeping, QWidget):
    """Open (Ctrl+O) or drop a document or paste text; 要約 (Ctrl+Enter), 停止 (Esc), 書き出し (Ctrl+S)."""

    models_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summarizePane")
        self._context = context
        self.controller = SummarizeController(context, self)
        self._plan_timer = QTimer(self)
        self._plan_timer.setSingleShot(True)
        self._plan_timer.setInterval(PLAN_DELAY_MS)
        self._plan_timer.timeout.connect(self._plan)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._update_progress_label)
        self._elapsed = QElapsedTimer()
        self._progress = (0, 0, "")
        self._map_done_at: list[float] = []
        self._ready: bool | None = None
        self._planned_key: tuple | None = None
        self.highlighted: tuple[int, int] | None = None
        self._saved_output = ""   # the summary as last exported or reopened
        self._build()
        self._connect()
        self._set_ready(self.controller.model_loaded)
        self._set_running(False)

    # ------------------------------------------------------------- building
    def _build(self) -> None:
        self.open_button = QPushButton(self.tr("Open…"), self)
        self.open_button.setToolTip(self.tr("Open a document (Ctrl+O): .docx .txt .md .pdf"))
        self.paste_button = QPushButton(self.tr("New (paste text)"), self)
        self.paste_button.setToolTip(self.tr("Clear the source and paste or type text instead"))
        self.document_label = QLabel(self.tr("Open or drop a document, or paste text on the left."), self)
        self.document_label.setObjectName("documentInfo")
        self.document_label.setWordWrap(True)
        self.plan_label = QLabel("", self)
        self.plan_label.setObjectName("planInfo")

        self.length_combo = QComboBox(self)
        for key, text in (("short", self.tr("Short")), ("medium", self.tr("Medium")), ("long", self.tr("Long"))):
            self.length_combo.addItem(text, key)
        self.length_combo.setCurrentIndex(1)
        self.style_combo = QComboBox(self)
        for key, text in (("bullets", self.tr("Bullet points")), ("prose", self.tr("Prose")),
                          ("three_lines", self.tr("Three lines"))):
            self.style_combo.addItem(text, key)
        self.focus_edit = QLineEdit(self)
        self.focus_edit.setPlaceholderText(self.tr("Focus (optional), e.g. what residents must do"))
        self.language_combo = QComboBox(self)
        for key, text in (("auto", self.tr("Same as the document")), ("ja", self.tr("Japanese")),
                          ("en", self.tr("English"))):
            self.language_combo.addItem(text, key)
        self.run_button = QPushButton(self.tr("Summarize"), self)
        self.run_button.setObjectName("primaryButton")
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setToolTip(self.tr("Stop (Esc); what is done is kept"))
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Save the summary as .docx, .md or .txt (Ctrl+S)"))

        self.notice = NoticeBar(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel("", self)
        self.progress_label.setWordWrap(True)
        self.status_label = QLabel("", self)
        self.status_label.setWordWrap(True)

        self.source_view = QPlainTextEdit(self)
        self.source_view.setObjectName("sourceText")
        self.source_view.setPlaceholderText(self.tr("Paste or type the text to summarize here, or drop a document."))
        self.parts_list = QListWidget(self)
        self.parts_list.setObjectName("partialSummaries")
        self.parts_list.setWordWrap(True)
        self.parts_list.setAlternatingRowColors(True)
        self.source_view.setAcceptDrops(False)  # dropped files go to the window's FileDropRouter, which opens them here

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.paste_button)
        top.addWidget(self.document_label, 1)
        top.addWidget(self.plan_label)

        options = QHBoxLayout()
        for label, widget in ((self.tr("Length"), self.length_combo), (self.tr("Style"), self.style_combo)):
            options.addWidget(QLabel(label, self))
            options.addWidget(widget)
        options.addWidget(QLabel(self.tr("Language"), self))
        options.addWidget(self.language_combo)
        options.addWidget(self.focus_edit, 1)

        progress = QHBoxLayout()
        progress.addWidget(self.run_button)
        progress.addWidget(self.stop_button)
        progress.addWidget(self.export_button)
        progress.addWidget(self.progress_bar, 2)
        progress.addWidget(self.progress_label)
        progress.addStretch(1)  # the buttons keep their size while the progress bar is hidden

        source_box = QWidget(self)
        source_layout = QVBoxLayout(source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(QLabel(self.tr("Source"), self))
        source_layout.addWidget(self.source_view)
        parts_box = QWidget(self)
        parts_layout = QVBoxLayout(parts_box)
        parts_layout.setContentsMargins(0, 0, 0, 0)
        self.parts_title = QLabel(self.tr("Partial summaries (choose one to see its source)"), self)
        parts_layout.addWidget(self.parts_title)
        parts_layout.addWidget(self.parts_list)
        summary_box = self._build_summary_box()
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(parts_box)
        right.addWidget(summary_box)
        right.setSizes([300, 300])  # the parts filling in need room as much as the summary
        self.splitter = column_splitter(self, source_box, right)
        self.splitter.setSizes([500, 600])

        heading, subtitle = pane_header(
            self, self.tr("Summarize"),
            self.tr("Open or paste a document: the model summarizes it part by part and names its sources. "
                    "A person checks every summary before it is used."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)  # as the other panes (the draft pane is tighter, for its form)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.notice)
        layout.addLayout(progress)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status_label)

    def _connect(self) -> None:
        c = self.controller
        self.open_button.clicked.connect(lambda: self.open_file())
        self.paste_button.clicked.connect(self.new_text)
        self.run_button.clicked.connect(self.summarize)
        self.stop_button.clicked.connect(c.stop)
        self.export_button.clicked.connect(lambda: self.save_file())
        for combo in (self.length_combo, self.style_combo, self.language_combo):
            combo.currentIndexChanged.connect(self._schedule_plan)
        self.source_view.textChanged.connect(self._source_edited)
        self.parts_list.currentItemChanged.connect(self._part_chosen)
        self.summary_view.cursorPositionChanged.connect(self._summary_cursor_moved)
        self.notice.action_clicked.connect(self.models_requested)
        c.document_changed.connect(self._show_document)
        c.plan_changed.connect(self._show_plan)
        c.section_added.connect(self._add_section)
        c.part_text.connect(self._show_part_text)
        c.summary_delta.connect(self.summary_view.append_delta)
        c.progress.connect(self._on_progress)
        c.message.connect(self.status_label.setText)
        c.problem.connect(lambda text: self.notice.show_notice(text, "error"))
        c.running_changed.connect(self._set_running)
        c.ready_changed.connect(self._set_ready)
        c.finished.connect(self._on_finished)
        run_and_stop_shortcuts(self, self.summarize, c.stop)

    # ------------------------------------------------------------- options
    def options(self) -> dict[str, Any]:
        return {
            "length": self.length_combo.currentData(),
            "style": self.style_combo.currentData(),
            "focus": self.focus_edit.text().strip(),
            "output_language": self.language_combo.currentData(),
        }

    # ------------------------------------------------------------- actions
    def open_file(self, path: str | None = None) -> bool:
        """Open a document to summarize (asks for a file when ``path`` is None). Ctrl+O, drops.

        A summary that would be lost (not exported, not in the history) is asked about first;
        refused (with a status message) while summarizing.
        """
        if self.controller.running:  # the 開く… button is disabled then; Ctrl+O and drops come here
            self.status_label.setText(self.tr("Another document cannot be opened while summarizing. Stop the summary first, then open it."))
            return False
        if path is None:
            path = open_file_name(self, self.tr("Open"), self.tr("Documents (*.docx *.txt *.md *.pdf)"))
        if not path or not self.may_replace_summary():
            return False
        return self.controller.open_path(Path(path))

    def comparison_job(self) -> tuple[str, dict[str, Any]] | None:
        """The document on screen, for 比較."""
        document = self.controller.document
        if document is None:
            return None
        return "summarize", {"document": document.to_dict(), "name": document.title or self.tr("Pasted text")}

    def save_file(self, path: str | None = None) -> bool:
        """Export the summary (the partial summaries if there is no final one yet). Ctrl+S."""
        text = self.summary_view.toPlainText().strip() or self.controller.partial_text()
        if not text:
            self.status_label.setText(self.tr("There is no summary to export yet."))
            return False
        if path is None:
            c = self.controller
            stem = ((c.source_path.stem if c.source_path else self.tr("document")) + self.tr("_summary")
                    + self.result.file_name_suffix())
            folder = c.source_path.parent if c.source_path else Path(start_folder())
            path = save_file_name(self, self.tr("Export"), str(folder / safe_file_name(stem, ".docx")),
                                  self.tr("Word (*.docx);;Markdown (*.md);;Text (*.txt)"))
        if not path:
            return False
        try:
            self.controller.export(Path(path), text)
        except (DocumentError, OSError) as exc:
            self.notice.show_notice(describe(exc), "error")
            return False
        self.mark_exported()
        self.status_label.setText(self.tr("Saved: {name}").format(name=Path(path).name))
        return True

    @Slot()
    def new_text(self) -> None:
        """Clear the source so text can be pasted or typed."""
        if self.controller.running:
            return
        self.controller.clear_document()
        self.source_view.setReadOnly(False)
        self.source_view.clear()
        self.document_label.setText(self.tr("Paste or type text on the left."))
        self.plan_label.clear()
        self.source_view.setFocus()

    @Slot()
    def summarize(self) -> bool:
        """Start summarizing (Ctrl+Enter); pasted text becomes the document first."""
        c = self.controller
        if c.running:
            return False
        if not c.model_loaded:
            self._set_ready(False)
            self.status_label.setText(self.tr("Load a model first."))
            return False
        if c.source_path is None and not self.source_view.isReadOnly():
            if not c.use_text(self.source_view.toPlainText()):
                return False
        self.notice.hide()
        self.let_summary_go()
        self.parts_list.clear()
        self.summary_view.setExtraSelections([])
        self._clear_highlight()
        self._map_done_at = []
        started = c.summarize(self.options())
        if not started:
            self.result.take_back()
        else:
            self.summary_started()
            self._elapsed.start()
            self._progress = (0, 0, "")
            self._clock.start()
            self._update_progress_label()
        return started

    # ------------------------------------------------------------- document and plan
    @Slot()
    def _show_document(self) -> None:
        c = self.controller
        document = c.document
        if document is None:
            return
        if c.source_path is not None:
            self.source_view.blockSignals(True)
            self.source_view.setPlainText(document.text())
            self.source_view.blockSignals(False)
            self.source_view.setReadOnly(True)
            name = c.source_path.name
        else:
            name = self.tr("Pasted text")
            if self.source_view.toPlainText() != document.text():  # keep offsets into the source exact
                self.source_view.blockSignals(True)
                self.source_view.setPlainText(document.text())
                self.source_view.blockSignals(False)
        self.document_label.setText(self.tr("{name}: {chars} characters").format(name=name, chars=len(document.text())))
        if c.source_path is not None:
            self.forget_summaries()  # pasted text changed and summarized again keeps its versions
        self.parts_list.clear()
        self._schedule_plan()

    @Slot()
    def _source_edited(self) -> None:
        if self.source_view.isReadOnly() or self.controller.running:
            return
        text = self.source_view.toPlainText()
        self.document_label.setText(self.tr("Pasted text: {chars} characters").format(chars=len(text)))
        self._plan_timer.start()

    @Slot()
    def _schedule_plan(self) -> None:
        self._plan_timer.start()

    @Slot()
    def _plan(self) -> None:
        c = self.controller
        if c.running:
            return
        if c.source_path is None and not self.source_view.isReadOnly():
            text = self.source_view.toPlainText()
            if not text.strip():
                self.plan_label.clear()
                return
            c.plan_pasted(text)
        if c.document is None:
            return
        if not c.model_loaded:
            self.plan_label.setText(self.tr("Load a model to see the length in tokens"))
            return
        facts = self._context.engine.model_facts or {}
        key = (facts.get("path"), facts.get("n_ctx"), hash(c.document.text()), tuple(sorted(self.options().items())),
               self._context.settings.get("max_tokens"))
        if key == self._planned_key and c.plan is not None:
            return
        self._planned_key = key
        self.plan_label.setText(self.tr("Counting…"))
        c.request_plan(self.options())

    @Slot()
    def _show_plan(self) -> None:
        plan = self.controller.plan
        if not plan:
            self.plan_label.clear()
            return
        tokens = int(plan.get("source_tokens", 0))
        if plan.get("one_pass"):
            self.plan_label.setText(self.tr("About {tokens} tokens, one pass").format(tokens=f"{tokens:,}"))
        else:
            self.plan_label.setText(self.tr("About {tokens} tokens, {parts} parts").format(
                tokens=f"{tokens:,}", parts=plan.get("parts", 0)))

    # ------------------------------------------------------------- running
    @Slot(int, str)
    def _show_part_text(self, index: int, text: str) -> None:
        show_part_text(self.parts_list, index, text)

    @Slot(int, str, dict)
    def _add_section(self, index: int, text: str, meta: dict) -> None:
        if meta.get("error"):
            text = self.tr("(not summarized: {reason})").format(reason=meta["error"].get("message", ""))
        self.parts_list.scrollToItem(show_section(self.parts_list, index, text, meta))

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        self._progress = (done, total, label)
        if label == "summarize.part" and done:
            self._map_done_at.append(self._elapsed.elapsed() / 1000)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self._update_progress_label()

    @Slot()
    def _update_progress_label(self) -> None:
        if not self._elapsed.isValid():
            return
        done, total, label = self._progress
        elapsed = self._elapsed.elapsed() / 1000
        words = {"summarize.part": self.tr("Part {done} of {total}"),
                 "summarize.combine": self.tr("Combining {done} of {total}"),
                 "summarize.summary": self.tr("Writing the summary")}
        if label == "summarize.summary" and total and done >= total:
            text = self.tr("Finished")
        else:
            text = words.get(label, self.tr("Starting…")).format(done=done, total=total)
        text += self.tr(" · elapsed {time}").format(time=format_duration(elapsed))
        if label == "summarize.part" and 0 < done < total:
            per_part = self._map_done_at[-1] / len(self._map_done_at) if self._map_done_at else elapsed / done
            text += self.tr(" · about {time} left").format(time=format_duration(per_part * (total - done)))
        self.progress_label.setText(text)

    @Slot(dict)
    def _on_finished(self, stats: dict) -> None:
        self.summary_view.flush()
        self.keep_summary_sources(stats)
        if stats.get("one_pass"):
            self.parts_title.setText(self.tr("Partial summaries (none: the document fitted in one pass)"))
        self._mark_citations()

    def _mark_citations(self) -> None:
        mark_citations(self.summary_view, self.controller.stats)

    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        if not running:
            self.summary_ended()
            self._clock.stop()
            self._update_progress_label()
            keep_unfinished(self.parts_list, self.tr("(stopped part-way)"), dict(self.controller.unfinished_parts()))
        for widget in (self.open_button, self.paste_button, self.length_combo, self.style_combo,
                       self.focus_edit, self.language_combo, self.export_button):
            widget.setEnabled(not running)
        self.summary_view.setReadOnly(running)
        self.stop_button.setEnabled(running)
        self.progress_bar.setVisible(running or self.progress_bar.value() > 0)
        self._update_run_button()
        self._update_copy_button()

    @Slot(bool)
    def _set_ready(self, ready: bool) -> None:
        self._update_run_button()
        if ready == self._ready:
            return
        self._ready = ready
        if ready:
            if self.notice.property("level") == "info":
                self.notice.hide()
            self._schedule_plan()
        else:
            self.notice.show_notice(self.tr("No model is loaded yet. Choose one on the Model page to summarize."),
                                    "info", self.tr("Choose a model"))

    def _update_run_button(self) -> None:
        c = self.controller
        self.run_button.setEnabled(c.model_loaded and not c.running)
        self.run_button.setToolTip(self.tr("Summarize (Ctrl+Enter)") if c.model_loaded
                                   else self.tr("Load a model first"))

    # ------------------------------------------------------------- back to the source
    @Slot(QListWidgetItem, QListWidgetItem)
    def _part_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is None:
            return
        start, end = item.data(Qt.ItemDataRole.UserRole)
        self.highlight_source(start, end)

    @Slot()
    def _summary_cursor_moved(self) -> None:
        if self.controller.running:
            return
        line = self.summary_view.textCursor().block().text()
        found = self.controller.source_in(line)
        if found:
            self.highlight_source(*found)

    def highlight_source(self, start: int, end: int) -> None:
        """Mark the source characters ``start``..``end`` and scroll them into view."""
        highlight(self.source_view, start, end)
        self.highlighted = (start, end)

    def _clear_highlight(self) -> None:
        self.source_view.setExtraSelections([])
        self.highlighted = None
