"""The 質問 pane (マニュアルに聞く): ask the office's rules and manuals, get an answer with its sources.

A passive view over ``AskController``: the library bar (files, last update,
files that failed, folders, update with progress and cancel), the question
box (Ctrl+Enter asks, Esc stops), the streamed answer (Ctrl+C / Copy), and
the sources: clicking one shows the passage, highlighted, with its file and
location, and a button opening the file itself.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
    QProgressBar, QPushButton, QTextBrowser, QToolButton, QVBoxLayout, QWidget,
)

from desktop.knowledge.bigrams import query_terms
from desktop.knowledge.folders import user_folders
from desktop.ui.context import AppContext
from desktop.ui.file_dialogs import folder_name, save_file_name
from desktop.ui.panes.ask_controller import AskController
from desktop.ui.widgets import StreamingTextView, column_splitter, menu_button, pane_header, run_and_stop_shortcuts
from desktop.ui.widgets.run_controls import run_controls


class AskPane(QWidget):
    """Question, answer and sources, with the library's state above them."""

    models_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("askPane")
        self.context = context
        self.controller = AskController(context, self)
        self._sources: list[dict] = []
        self._saved_answer = ""
        self._build()
        self._connect()
        self._set_running(False)
        self._set_indexing(False)
        self.controller.refresh_state()

    # ------------------------------------------------------------ view
    def _build(self) -> None:
        heading, subtitle = pane_header(self, self.tr("Ask"), self.tr(
            "Ask about the office's rules and manuals. Answers come only from the library, with their sources."))

        self.library_label = QLabel(self)
        self.library_label.setObjectName("libraryState")
        self.failed_button = QToolButton(self)
        self.failed_button.setObjectName("failedFilesButton")
        self.folders_button = menu_button(self, self.tr("Folders"))
        self.folders_menu = self.folders_button.menu()
        self.update_button = QPushButton(self.tr("Update library"), self)
        self.cancel_update_button = QPushButton(self.tr("Stop update"), self)
        self.index_progress = QProgressBar(self)
        self.index_progress.setObjectName("indexProgress")
        self.index_progress.setFixedWidth(160)
        library_bar = QHBoxLayout()
        library_bar.addWidget(self.library_label, 1)
        library_bar.addWidget(self.failed_button)
        library_bar.addWidget(self.index_progress)
        library_bar.addWidget(self.folders_button)
        library_bar.addWidget(self.update_button)
        library_bar.addWidget(self.cancel_update_button)

        self.question_edit = QPlainTextEdit(self)
        self.question_edit.setObjectName("questionEdit")
        self.question_edit.setPlaceholderText(self.tr("e.g. 出張の日当はいくらですか (Ctrl+Enter to ask)"))
        self.question_edit.setTabChangesFocus(True)
        self.question_edit.setMaximumHeight(90)
        controls = run_controls(self, self.tr("Ask"), self.tr("Ask (Ctrl+Enter)"))
        self.ask_button, self.stop_button = controls.run_button, controls.stop_button
        self.busy, self.status_label = controls.busy, controls.status_label
        self.status_label.setWordWrap(True)
        actions = controls.layout

        answer_label = QLabel(self.tr("Answer"), self)
        answer_label.setObjectName("sectionLabel")
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy the answer and its sources (Ctrl+C)"))
        self.output = StreamingTextView(self)
        self.output.setObjectName("answerView")
        self.output.setPlaceholderText(self.tr("The answer appears here, with 【出典: file, location】 after each point."))
        answer_header = QHBoxLayout()
        answer_header.addWidget(answer_label)
        answer_header.addStretch(1)
        answer_header.addWidget(self.copy_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(answer_header)
        left_layout.addWidget(self.output, 1)

        sources_label = QLabel(self.tr("Sources"), self)
        sources_label.setObjectName("sectionLabel")
        self.sources_list = QListWidget(self)
        self.sources_list.setObjectName("sourcesList")
        self.sources_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.sources_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.passage_view = QTextBrowser(self)
        self.passage_view.setObjectName("passageView")
        self.passage_view.setOpenLinks(False)
        self.passage_view.setPlaceholderText(self.tr("Click a source to read its passage."))
        self.open_source_button = QPushButton(self.tr("Open file"), self)
        self.open_source_button.setEnabled(False)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(sources_label)
        right_layout.addWidget(self.sources_list, 2)
        right_layout.addWidget(self.passage_view, 3)
        right_layout.addWidget(self.open_source_button, 0, Qt.AlignmentFlag.AlignRight)

        splitter = column_splitter(self, left, right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addLayout(library_bar)
        layout.addWidget(self.question_edit)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

        run_and_stop_shortcuts(self, self._ask_clicked, self._escape)

    def _connect(self) -> None:
        c = self.controller
        self.ask_button.clicked.connect(self._ask_clicked)
        self.stop_button.clicked.connect(c.stop)
        self.copy_button.clicked.connect(self.copy_output)
        self.update_button.clicked.connect(c.update_library)
        self.cancel_update_button.clicked.connect(c.cancel_update)
        self.failed_button.clicked.connect(self._show_failed)
        self.sources_list.currentRowChanged.connect(self._show_source)
        self.open_source_button.clicked.connect(self._open_source_file)
        self.folders_menu.aboutToShow.connect(self._fill_folders_menu)
        c.delta.connect(self.output.append_delta)
        c.answer_started.connect(self._on_answer_started)
        c.answer_replaced.connect(self._replace_answer)
        c.sources_changed.connect(self._set_sources)
        c.library_state.connect(self._set_library_state)
        c.library_progress.connect(self._on_library_progress)
        c.indexing_changed.connect(self._set_indexing)
        c.message.connect(self.status_label.setText)
        c.running_changed.connect(self._set_running)

    # ------------------------------------------------------------ library
    @Slot(dict)
    def _set_library_state(self, state: dict) -> None:
        self._library = state
        if not self.controller.folders():
            text = self.tr("No folder in the library yet. Add the folder of your rules and manuals.")
        else:
            text = self.tr("Library: {files} files, {passages} passages · last update {when}").format(
                files=state.get("files", 0), passages=state.get("passages", 0),
                when=state.get("last_update") or self.tr("never"))
        self.library_label.setText(text)
        self.library_label.setToolTip("\n".join(self.controller.folders()))
        failed = state.get("failed") or []
        self.failed_button.setText(self.tr("Could not read: {n}").format(n=len(failed)))
        self.failed_button.setVisible(bool(failed))
        if state.get("notice"):
            self.status_label.setText(state["notice"])

    @Slot(int, int, str)
    def _on_library_progress(self, done: int, total: int, label: str) -> None:
        self.index_progress.setRange(0, max(total, 0))
        self.index_progress.setValue(done)
        self.index_progress.setFormat(f"{done}/{total}" if total else "")
        self.index_progress.setToolTip(label)

    @Slot(bool)
    def _set_indexing(self, indexing: bool) -> None:
        self.index_progress.setVisible(indexing)
        self.cancel_update_button.setVisible(indexing)
        self.update_button.setEnabled(not indexing)
        if indexing:
            self.index_progress.setRange(0, 0)
            self.status_label.setText(self.tr("Updating the library in the background…"))

    @Slot()
    def _show_failed(self) -> None:
        failed = (getattr(self, "_library", None) or {}).get("failed") or []
        lines = [f"{Path(f['file']).name}: {f['reason']}" for f in failed]
        QMessageBox.information(self, self.tr("Files that could not be read"), "\n\n".join(lines))

    @Slot()
    def _fill_folders_menu(self) -> None:
        menu = self.folders_menu
        menu.clear()
        menu.addAction(self.tr("Add a folder…"), self.choose_folder)
        mine = set(user_folders(self.context.settings))
        for folder in self.controller.folders():
            action = menu.addAction(self.tr("Remove {folder}").format(folder=folder),
                                    lambda f=folder: self.controller.remove_folder(f))
            action.setEnabled(folder in mine)  # IT's folders stay

    def choose_folder(self) -> None:
        folder = folder_name(self, self.tr("Choose a folder of rules and manuals"))
        if folder:
            self.controller.add_folder(folder)

    def open_file(self, path: str | None = None) -> bool:
        """File › Open (Ctrl+O) and drops: the library holds folders, so a folder is added as it is and
        a file adds the folder it is in. With no path, asks for a folder. True when a folder was added."""
        from pathlib import Path

        if not path:
            folder = folder_name(self, self.tr("Choose a folder of rules and manuals"))
        else:
            folder = str(Path(path) if Path(path).is_dir() else Path(path).parent)
        if not folder:
            return False
        self.controller.add_folder(folder)
        return True

    # ------------------------------------------------------------ asking
    @Slot()
    def _ask_clicked(self) -> None:
        self.controller.ask(self.question_edit.toPlainText())

    @Slot()
    def _escape(self) -> None:
        if self.controller.indexing and not self.controller.running:
            self.controller.cancel_update()
        else:
            self.controller.stop()

    @Slot(str)
    def _on_answer_started(self, question: str) -> None:
        self.output.clear()
        self.passage_view.clear()
        self._question_terms = query_terms(question)

    @Slot(str)
    def _replace_answer(self, text: str) -> None:
        self.output.clear()
        self.output.append_delta(text)
        self.output.flush()

    @Slot(list)
    def _set_sources(self, sources: list) -> None:
        self._sources = list(sources)
        self.sources_list.clear()
        for number, source in enumerate(sources, start=1):
            mark = "★ " if source.get("cited") else ""
            item = QListWidgetItem(f"{mark}{number}. {Path(source['file']).name} — {source['location']}")
            item.setToolTip(source["file"])
            self.sources_list.addItem(item)
        self.open_source_button.setEnabled(False)

    @Slot(int)
    def _show_source(self, row: int) -> None:
        if not 0 <= row < len(self._sources):
            return
        source = self._sources[row]
        self.passage_view.setHtml(passage_html(source, getattr(self, "_question_terms", [])))
        self.open_source_button.setEnabled(Path(source["file"]).is_file())

    @Slot()
    def _open_source_file(self) -> None:
        row = self.sources_list.currentRow()
        if 0 <= row < len(self._sources):
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._sources[row]["file"]))

    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        if not running:
            self.output.flush()
        self.busy.setVisible(running)
        self.stop_button.setEnabled(running)
        self.ask_button.setEnabled(not running)

    # ------------------------------------------------------------ copy, save, history, autosave
    def answer_with_sources(self) -> str:
        text = self.output.text()
        cited = [s for s in self._sources if s.get("cited")] or self._sources
        if cited:
            text += "\n\n" + self.tr("Sources") + "\n" + "\n".join(
                f"- {Path(s['file']).name} — {s['location']}" for s in cited)
        return text

    @Slot()
    def copy_output(self) -> None:
        QGuiApplication.clipboard().setText(self.answer_with_sources())
        self.status_label.setText(self.tr("Copied."))

    def save_file(self, path: str | None = None) -> bool:
        """Save the answer and its sources as .docx, .txt or .md."""
        if not self.output.text().strip():
            self.status_label.setText(self.tr("There is no answer to save yet."))
            return False
        if path is None:
            path = save_file_name(self, self.tr("Save"), "", self.tr("Word (*.docx);;Text (*.txt);;Markdown (*.md)"))
        if not path:
            return False
        from desktop.documents import DocumentError
        from desktop.documents.writers import write_text

        try:
            write_text(Path(path), self.answer_with_sources(), ai_notice=bool(self.context.settings.get("ai_notice")))
        except (DocumentError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), getattr(exc, "message", str(exc)))
            return False
        self.mark_exported()
        self.status_label.setText(self.tr("Saved: {name}").format(name=Path(path).name))
        return True

    def has_unsaved_output(self) -> bool:
        return False  # every answer is kept in the history; nothing is lost on closing

    def mark_exported(self) -> None:
        self._saved_answer = self.output.text()

    def reopen_run(self, run: Any) -> bool:
        """Show a past question, its answer and its sources again."""
        if self.controller.running:
            return False
        inputs = run.inputs if isinstance(run.inputs, dict) else {}
        passages = [p for p in inputs.get("passages") or [] if isinstance(p, dict)]
        self.question_edit.setPlainText(str(inputs.get("question") or ""))
        self.controller.restore(str(inputs.get("question") or ""), str(run.output or ""), passages)
        return True

    def autosave_state(self) -> dict[str, Any]:
        question = self.question_edit.toPlainText()
        if not question.strip() and not self.output.text().strip():
            return {}
        return {"question": question, "answer": self.output.text(), "passages": self.controller.passages}

    def restore_autosave_state(self, state: dict[str, Any]) -> None:
        if not state or self.controller.running:
            return
        self.question_edit.setPlainText(str(state.get("question") or ""))
        self.controller.restore(str(state.get("question") or ""), str(state.get("answer") or ""),
                                [p for p in state.get("passages") or [] if isinstance(p, dict)])

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.controller.shutdown()
        super().closeEvent(event)


def passage_html(source: dict, terms: list[str]) -> str:
    """The passage as HTML: file and location on top, the passage on a highlight, the question's terms in bold."""
    from desktop.knowledge.bigrams import normalize

    text = source["text"]
    marks = [False] * len(text)
    folded = normalize(text)
    if len(folded) == len(text):
        for term in terms:
            start = folded.find(term)
            while start >= 0:
                for i in range(start, start + len(term)):
                    marks[i] = True
                start = folded.find(term, start + 1)
    pieces, bold = [], False
    for char, marked in zip(text, marks):
        if marked != bold:
            pieces.append("<b>" if marked else "</b>")
            bold = marked
        pieces.append("<br>" if char == "\n" else html.escape(char))
    if bold:
        pieces.append("</b>")
    title = html.escape(f"{Path(source['file']).name} — {source['location']}")
    return (f"<p style='color:#555'>{title}</p>"
            f"<p style='background-color:#fff3b0; padding:6px'>{''.join(pieces)}</p>")
