"""The summarize pane: a document of any length in, its summary out, with the way back to the source.

``SummarizeController`` holds the state (the document, the plan, the partial
summaries, the final summary) and talks to the engine through ``JobRunner``s:
one for the summary, one for the quick plan (tokens and parts at the loaded
context, counted by the engine with the model's own tokenizer). It is tested
without clicking. ``SummarizePane`` is the view: the source on the left; the
options, the partial summaries as they are made and the final summary
(editable) on the right. Choosing a partial summary, or a point of the final
summary that cites its source, highlights that part of the source.

The pane also works with the window's helpers: ``reopen_run`` puts a past run
from the history back (source, options, partial summaries, summary);
``autosave_state``/``restore_autosave_state`` keep the source, options and
summary across a crash; ``has_unsaved_output`` says whether the summary
changed since it was last exported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QProgressBar, QPushButton, QSplitter, QTextEdit, QVBoxLayout, QWidget,
)

from desktop.documents.model import Document, DocumentError
from desktop.documents.pasted import document_from_pasted_text
from desktop.history import Run
from desktop.messages import LANGUAGES, message
from desktop.ui.context import AppContext
from desktop.ui.history_recorder import partial_summaries
from desktop.ui.file_drops import document_files
from desktop.ui.job_runner import CANCELLED, JobRunner
from desktop.ui.panes.stored_state import document_from
from desktop.ui.widgets import NoticeBar
from desktop.messages import describe

FLUSH_INTERVAL_MS = 40
PLAN_DELAY_MS = 400
HIGHLIGHT_COLOR = QColor("#fff1b8")


class SummarizeController(QObject):
    """One summary: the document, its plan, the partial summaries and the final text.

    ``sections`` are the partial summaries as ``(index, text, meta)`` in the
    order they arrived; ``summary`` is the final summary streamed so far.
    """

    document_changed = Signal()
    plan_changed = Signal()                 # ``plan`` has new stats (or was cleared)
    section_added = Signal(int, str, dict)
    summary_delta = Signal(str)
    progress = Signal(int, int, str)
    message = Signal(str)
    problem = Signal(str)
    running_changed = Signal(bool)
    ready_changed = Signal(bool)
    finished = Signal(dict)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._engine = context.engine
        self.document: Document | None = None
        self.source_path: Path | None = None
        self.plan: dict[str, Any] | None = None
        self.sections: list[tuple[int, str, dict]] = []
        self.summary = ""
        self.stats: dict[str, Any] = {}
        self.options: dict[str, Any] = {}
        self.runner = JobRunner(self._engine, self)
        self.runner.section.connect(self._on_section)
        self.runner.delta.connect(self._on_delta)
        self.runner.progress.connect(self.progress)
        self.runner.running_changed.connect(self.running_changed)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.plan_runner = JobRunner(self._engine, self)
        self.plan_runner.finished.connect(self._on_plan)
        self.plan_runner.failed.connect(self._on_plan_failed)
        self._plan_again = False
        self._engine.loaded.connect(self._on_engine_changed)
        self._engine.state_changed.connect(self._on_engine_changed)

    # ------------------------------------------------------------- state
    @property
    def model_loaded(self) -> bool:
        return self._engine.model_facts is not None

    @property
    def running(self) -> bool:
        return self.runner.running

    def set_document(self, document: Document, path: Path | None = None) -> None:
        """Use ``document``; the summary of the previous one is dropped."""
        if self.running:
            self.runner.cancel()
        self.document = document
        self.source_path = path
        self.sections = []
        self.summary = ""
        self.stats = {}
        self.plan = None
        self.document_changed.emit()
        self.plan_changed.emit()

    def open_path(self, path: Path) -> bool:
        """Read the document at ``path``; on failure emit ``problem`` and keep the current one."""
        from desktop.documents import read_document

        try:
            document = read_document(path)
        except DocumentError as exc:
            self.problem.emit(describe(exc))
            return False
        except OSError as exc:
            self.problem.emit(self.tr("{name} could not be read: {reason}").format(name=path.name, reason=exc.strerror))
            return False
        if not document.text().strip():
            self.problem.emit(self.tr("There is no text to summarize in {name}.").format(name=path.name))
            return False
        self.set_document(document, path)
        self.message.emit(self.tr("Opened {name}.").format(name=path.name))
        return True

    def use_text(self, text: str) -> bool:
        """Summarize pasted ``text``, kept exactly (numbered and # headings are recognised)."""
        if not text.strip():
            self.problem.emit(self.tr("Paste or type some text to summarize first."))
            return False
        self.set_document(document_from_pasted_text(text))
        return True

    # ------------------------------------------------------------- planning
    def request_plan(self, options: dict[str, Any]) -> None:
        """Ask the engine how long the document is and how many parts it takes (answer: ``plan_changed``)."""
        self.options = dict(options)
        if self.document is None or not self.model_loaded:
            return
        if self.plan_runner.running:
            self._plan_again = True
            return
        self.plan_runner.start("summarize", {"document": self.document.to_dict()},
                               {**self.options, "plan_only": True})

    @Slot(dict)
    def _on_plan(self, stats: dict) -> None:
        self.plan = stats
        self.plan_changed.emit()
        self._replan_if_asked()

    @Slot(str, str)
    def _on_plan_failed(self, code: str, message: str) -> None:
        self.plan = None
        self.plan_changed.emit()
        if code != CANCELLED and message:
            self.problem.emit(message)
        self._replan_if_asked()

    def _replan_if_asked(self) -> None:
        if self._plan_again:
            self._plan_again = False
            self.request_plan(self.options)

    # ------------------------------------------------------------- running
    def summarize(self, options: dict[str, Any]) -> bool:
        """Start summarizing with ``options`` (length, style, focus, output_language); False if not possible."""
        if self.running:
            return False
        if not self.model_loaded:
            self.problem.emit(self.tr("No model is loaded yet. Choose one on the Model page."))
            return False
        if self.document is None:
            self.problem.emit(self.tr("Open a document or paste text first."))
            return False
        self.options = dict(options)
        self.sections = []
        self.summary = ""
        self.stats = {}
        max_tokens = int(self._context.settings.get("max_tokens"))
        job_options = {**self.options, "temperature": float(self._context.settings.get("temperature"))}
        if max_tokens:
            job_options["max_tokens"] = max_tokens
        self.runner.start("summarize", {"document": self.document.to_dict()}, job_options)
        return True

    @Slot()
    def stop(self) -> None:
        """Stop summarizing; the partial summaries and the text written so far stay."""
        self.runner.cancel()

    @Slot(int, str, dict)
    def _on_section(self, index: int, text: str, meta: dict) -> None:
        self.sections.append((index, text, meta))
        self.section_added.emit(index, text, meta)

    @Slot(str)
    def _on_delta(self, text: str) -> None:
        self.summary += text
        self.summary_delta.emit(text)

    @Slot(dict)
    def _on_finished(self, stats: dict) -> None:
        self.stats = stats
        self.finished.emit(stats)
        self.message.emit(self.tr("Done. Check the summary against the source before you use it."))

    @Slot(str, str)
    def _on_failed(self, code: str, message: str) -> None:
        if code == CANCELLED:
            total = (self.plan or {}).get("parts") or len(self.sections)
            self.message.emit(self.tr("Stopped. {done} of {total} partial summaries are kept.")
                              .format(done=len(self.sections), total=total))
        else:
            self.problem.emit(message or code)
            self.message.emit(self.tr("Summarizing stopped because of an error. What was done is kept."))

    @Slot()
    def _on_engine_changed(self, *_args: Any) -> None:
        self.ready_changed.emit(self.model_loaded)

    # ------------------------------------------------------------- sources
    def sources(self) -> dict[str, tuple[int, int]]:
        """Every source the summaries point to, as label -> (start, end) characters of the source.

        From data only: the partial summaries' ``meta`` (parts sharing a label
        give the span of all of them) and the final summary's checked pointers
        (``stats["citations"]``, ``SourceRef``s made by the job).
        """
        found: dict[str, tuple[int, int]] = {}
        refs = [(meta.get("source", ""), meta.get("start", 0), meta.get("end", 0)) for _i, _t, meta in self.sections]
        refs += [(ref.get("label", ""), ref.get("start", 0), ref.get("end", 0))
                 for ref in self.stats.get("citations") or [] if isinstance(ref, dict)]
        for label, start, end in refs:
            if not label:
                continue
            if label in found:
                start, end = min(start, found[label][0]), max(end, found[label][1])
            found[label] = (start, end)
        return found

    def source_in(self, line: str) -> tuple[int, int] | None:
        """The source range of the longest known label that ``line`` (of a summary) mentions."""
        known = [(label, span) for label, span in self.sources().items() if label in line]
        return max(known, key=lambda item: len(item[0]))[1] if known else None

    # ------------------------------------------------------------ exporting
    def export(self, path: Path, text: str) -> None:
        """Write ``text`` (the summary as the user edited it) to ``path`` (.docx .txt .md).

        Raises DocumentError with a message for the user.
        """
        from desktop.documents import writers

        name = (self.document.title if self.document and self.document.title else
                self.source_path.stem if self.source_path else "")
        title = self.tr("Summary of {name}").format(name=name) if name else self.tr("Summary")
        writers.write_text(path, text, title=title, ai_notice=bool(self._context.settings.get("ai_notice")))

    def partial_text(self) -> str:
        """The partial summaries, each headed by its source (what is kept after a stop)."""
        return "\n\n".join(f"【出典: {meta.get('source', '')}】\n{text}" for _i, text, meta in self.sections)


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


class SummarizePane(QWidget):
    """Open (Ctrl+O) or drop a document or paste text; 要約 (Ctrl+Enter), 停止 (Esc), 書き出し (Ctrl+S)."""

    models_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summarizePane")
        self.setAcceptDrops(True)
        self._context = context
        self.controller = SummarizeController(context, self)
        self._pending_delta: list[str] = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_INTERVAL_MS)
        self._flush_timer.timeout.connect(self._flush)
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
        self.summary_view = QPlainTextEdit(self)
        self.summary_view.setObjectName("summaryText")
        self.summary_view.setPlaceholderText(self.tr("The summary appears here. You can edit it before exporting."))
        for view in (self.source_view, self.summary_view):
            view.setAcceptDrops(False)  # dropped files go to the pane, which opens them

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
        summary_box = QWidget(self)
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(QLabel(self.tr("Summary (click a point citing a source to see it)"), self))
        summary_layout.addWidget(self.summary_view)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(parts_box)
        right.addWidget(summary_box)
        right.setSizes([200, 400])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(source_box)
        self.splitter.addWidget(right)
        self.splitter.setSizes([500, 600])

        layout = QVBoxLayout(self)
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
        c.summary_delta.connect(self._queue_delta)
        c.progress.connect(self._on_progress)
        c.message.connect(self.status_label.setText)
        c.problem.connect(lambda text: self.notice.show_notice(text, "error"))
        c.running_changed.connect(self._set_running)
        c.ready_changed.connect(self._set_ready)
        c.finished.connect(self._on_finished)
        for keys, slot in ((QKeySequence("Ctrl+Return"), self.summarize), (QKeySequence("Ctrl+Enter"), self.summarize),
                           (QKeySequence("Esc"), c.stop)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

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
        """Open a document to summarize (asks for a file when ``path`` is None). Ctrl+O."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Open"), "",
                                                  self.tr("Documents (*.docx *.txt *.md *.pdf)"))
        if not path:
            return False
        return self.controller.open_path(Path(path))

    def save_file(self, path: str | None = None) -> bool:
        """Export the summary (the partial summaries if there is no final one yet). Ctrl+S."""
        text = self.summary_view.toPlainText().strip() or self.controller.partial_text()
        if not text:
            self.status_label.setText(self.tr("There is no summary to export yet."))
            return False
        if path is None:
            c = self.controller
            stem = (c.source_path.stem if c.source_path else self.tr("document")) + self.tr("_summary")
            folder = c.source_path.parent if c.source_path else Path.home()
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), str(folder / (stem + ".docx")),
                                                  self.tr("Word (*.docx);;Markdown (*.md);;Text (*.txt)"))
        if not path:
            return False
        try:
            self.controller.export(Path(path), text)
        except (DocumentError, OSError) as exc:
            self.notice.show_notice(describe(exc), "error")
            return False
        self._saved_output = text
        self.status_label.setText(self.tr("Saved: {name}").format(name=Path(path).name))
        return True

    @Slot()
    def new_text(self) -> None:
        """Clear the source so text can be pasted or typed."""
        if self.controller.running:
            return
        self.controller.document = None
        self.controller.source_path = None
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
        self.parts_list.clear()
        self.summary_view.clear()
        self.summary_view.setExtraSelections([])
        self._pending_delta.clear()
        self._clear_highlight()
        self._map_done_at = []
        started = c.summarize(self.options())
        if started:
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
        self.parts_list.clear()
        self.summary_view.clear()
        self.summary_view.setExtraSelections([])
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
            c.document = document_from_pasted_text(text)
        if c.document is None:
            return
        if not c.model_loaded:
            self.plan_label.setText(self.tr("Load a model to see the length in tokens"))
            return
        facts = self._context.engine.model_facts or {}
        key = (facts.get("path"), facts.get("n_ctx"), hash(c.document.text()), tuple(sorted(self.options().items())))
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
    @Slot(int, str, dict)
    def _add_section(self, index: int, text: str, meta: dict) -> None:
        source = meta.get("source", "")
        item = QListWidgetItem(f"{meta.get('part', index + 1)}. {source}\n{text.strip()}")
        item.setData(Qt.ItemDataRole.UserRole, (meta.get("start", 0), meta.get("end", 0)))
        item.setToolTip(source)
        self.parts_list.addItem(item)
        self.parts_list.scrollToItem(item)

    @Slot(str)
    def _queue_delta(self, text: str) -> None:
        self._pending_delta.append(text)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    @Slot()
    def _flush(self) -> None:
        self._flush_timer.stop()
        if not self._pending_delta:
            return
        chunk = "".join(self._pending_delta)
        self._pending_delta.clear()
        cursor = QTextCursor(self.summary_view.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(chunk)

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
        self._flush()
        if stats.get("one_pass"):
            self.parts_title.setText(self.tr("Partial summaries (none: the document fitted in one pass)"))
        self._mark_citations()

    def _mark_citations(self) -> None:
        """Underline, as links, the sources the final summary cites that were found in the document;
        show in red the marks of those that were not."""
        selections = []
        document = self.summary_view.document()
        fmt = QTextCharFormat()
        fmt.setFontUnderline(True)
        fmt.setForeground(self.palette().link())
        invalid = QTextCharFormat()
        invalid.setForeground(QColor("#b3261e"))
        stats = self.controller.stats
        found = [(str(ref.get("label", "")), fmt) for ref in stats.get("citations") or [] if isinstance(ref, dict)]
        marks = [(message("summarize.source_not_found", lang, label=label), invalid)
                 for label in stats.get("invalid_citations") or [] for lang in LANGUAGES]
        for text, text_format in found + marks:
            cursor = document.find(text) if text else QTextCursor()
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor, selection.format = cursor, text_format
                selections.append(selection)
                cursor = document.find(text, cursor)
        self.summary_view.setExtraSelections(selections)

    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        if not running:
            self._flush()
            self._clock.stop()
            self._update_progress_label()
        for widget in (self.open_button, self.paste_button, self.length_combo, self.style_combo,
                       self.focus_edit, self.language_combo, self.export_button):
            widget.setEnabled(not running)
        self.summary_view.setReadOnly(running)
        self.stop_button.setEnabled(running)
        self.progress_bar.setVisible(running or self.progress_bar.value() > 0)
        self._update_run_button()

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
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.source_view.document())
        length = len(self.source_view.toPlainText())
        cursor.setPosition(min(start, length))
        cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT_COLOR)
        selection.format = fmt
        selection.cursor = cursor
        self.source_view.setExtraSelections([selection])
        view_cursor = QTextCursor(self.source_view.document())
        view_cursor.setPosition(min(start, length))
        self.source_view.setTextCursor(view_cursor)
        self.source_view.centerCursor()
        self.highlighted = (start, end)

    def _clear_highlight(self) -> None:
        self.source_view.setExtraSelections([])
        self.highlighted = None

    # ------------------------------------------------------------- history, autosave, unsaved text
    def _output_text(self) -> str:
        """What an export would write now: the summary, else the partial summaries."""
        return self.summary_view.toPlainText().strip() or self.controller.partial_text()

    def has_unsaved_output(self) -> bool:
        """True when there is a summary that differs from what was last exported or reopened."""
        text = self._output_text()
        return bool(text) and text != self._saved_output

    def mark_exported(self) -> None:
        """The summary as it is now is kept elsewhere: closing need not ask about it."""
        self._saved_output = self._output_text()

    def _set_options(self, options: dict[str, Any]) -> None:
        for combo, key in ((self.length_combo, "length"), (self.style_combo, "style"),
                           (self.language_combo, "output_language")):
            index = combo.findData(options.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        if isinstance(options.get("focus"), str):
            self.focus_edit.setText(options["focus"])

    def _show_source(self, document: Document | None, path: str = "", text: str = "") -> None:
        """Show ``document`` (read from ``path`` when it came from a file), else pasted ``text``."""
        if document is not None and path:
            self.controller.set_document(document, Path(path))
        elif document is not None:
            self.new_text()
            self.controller.set_document(document)
        else:
            self.new_text()
            self.source_view.setPlainText(text)

    def _show_results(self, sections: list[tuple[int, str, dict]], summary: str,
                      citations: list[dict] | None = None, invalid: list[str] | None = None) -> None:
        c = self.controller
        c.stats = {"citations": [ref for ref in citations or [] if isinstance(ref, dict)],
                   "invalid_citations": [str(label) for label in invalid or []]}
        c.sections = []
        self.parts_list.clear()
        for index, text, meta in sections:
            c._on_section(index, text, meta)  # as if it had just been made: list and links to the source
        c.summary = summary
        self._pending_delta.clear()
        self.summary_view.setPlainText(summary)
        self._mark_citations()

    def reopen_run(self, run: Run) -> bool:
        """Put a past run (a ``desktop.history.Run`` of this pane) back: source, options, partial summaries, summary.

        When the history kept only a preview of a large source, the source box
        stays empty and a note says so. False while a summary is being made.
        """
        if self.controller.running:
            return False
        inputs = run.inputs if isinstance(run.inputs, dict) else {}
        stats = run.stats if isinstance(run.stats, dict) else {}
        document = document_from(inputs.get("document"))
        path = document.path if document is not None else ""
        self._show_source(document, path, str(inputs.get("text") or ""))
        if document is None and "document" in (inputs.get("omitted") or []):
            name = inputs.get("document_path") or inputs.get("document_title") or ""
            name = str(name).replace("\\", "/").rsplit("/", 1)[-1]
            self.document_label.setText(self.tr("The source ({name}) was too large to keep in the history. "
                                                "Open it again to summarize it.").format(name=name) if name else
                                        self.tr("The source was too large to keep in the history. "
                                                "Open it again to summarize it."))
            self.notice.show_notice(self.document_label.text(), "info")
        self._set_options(run.options if isinstance(run.options, dict) else {})
        metas = stats.get("part_meta") if isinstance(stats.get("part_meta"), list) else []
        parts = partial_summaries(stats)
        sections = [(i, text, dict(metas[i]) if i < len(metas) and isinstance(metas[i], dict) else {})
                    for i, text in enumerate(parts)]
        self._show_results(sections, run.output, stats.get("citations"), stats.get("invalid_citations"))
        self._saved_output = self._output_text()  # it is in the history already
        self.status_label.setText(self.tr("Reopened from the history. Check the summary against the source."))
        return True

    def autosave_state(self) -> dict[str, Any]:
        """The source (pasted text, or the document read from a file), the options and the summary.

        {} while nothing has been typed or made.
        """
        c = self.controller
        from_file = c.source_path is not None and c.document is not None
        source = "" if from_file else self.source_view.toPlainText()
        summary = self.summary_view.toPlainText() + "".join(self._pending_delta)
        if not from_file and not source.strip() and not summary.strip() and not self.focus_edit.text().strip():
            return {}
        state: dict[str, Any] = {
            **self.options(),
            "sourceText": source,
            "summaryText": summary,
            "parts": [[index, text, meta] for index, text, meta in c.sections],
            "citations": list(c.stats.get("citations") or []),
            "invalidCitations": list(c.stats.get("invalid_citations") or []),
        }
        if from_file:
            state["document"] = c.document.to_dict()
            state["sourcePath"] = str(c.source_path)
        return state

    def restore_autosave_state(self, state: dict[str, Any]) -> None:
        """Put back what ``autosave_state`` gave (after a crash)."""
        if not state or self.controller.running:
            return
        document = document_from(state.get("document"))
        self._show_source(document, str(state.get("sourcePath") or "") if document else "",
                          str(state.get("sourceText") or ""))
        self._set_options(state)
        sections = [(int(p[0]), str(p[1]), dict(p[2])) for p in state.get("parts") or []
                    if isinstance(p, list) and len(p) == 3 and isinstance(p[2], dict)]
        self._show_results(sections, str(state.get("summaryText") or ""), state.get("citations"),
                           state.get("invalidCitations"))

    # ------------------------------------------------------------- drops
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if document_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = document_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.open_file(paths[0])
