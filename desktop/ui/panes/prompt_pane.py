"""A generic prompt box that streams the model's answer (the ``generate`` job).

It stands in for the draft, summarize and translate panes until their own
modules exist, and is the simplest example of a pane: a passive view
(``PromptPane``) and a controller (``PromptController``) that holds the state
and talks to the engine, testable without clicking.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.document_loader import DocumentLoader
from desktop.ui.job_runner import GenerationController
from desktop.ui.panes.text_export import copy_text, export_text
from desktop.ui.widgets import NoticeBar, StreamingTextView, pane_header, run_and_stop_shortcuts
from desktop.ui.widgets.run_controls import run_controls
from desktop.ui.file_dialogs import open_file_name

log = logging.getLogger(__name__)


class PromptController(GenerationController):
    """Runs one prompt at a time and reports what the view should show.

    ``message`` carries a short status line for the user; ``ready_changed``
    says whether a model is loaded (running is impossible without one).
    """

    progress = Signal(int, int, str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(context.engine, parent)
        self._context = context
        self.runner.progress.connect(self.progress)

    def problem_with(self, prompt: str) -> str:
        """Why ``prompt`` cannot run now ("" when it can)."""
        if not self.model_loaded:
            return self.tr("No model is loaded. Load one on the Model page first.")
        if not prompt.strip():
            return self.tr("Type an instruction first.")
        if self.running:
            return self.tr("Already running. Press Esc to stop.")
        return ""

    @Slot(str)
    def run(self, prompt: str) -> bool:
        """Start generating for ``prompt``; False (with a message) when it cannot start."""
        problem = self.problem_with(prompt)
        if problem:
            self.message.emit(problem)
            return False
        settings = self._context.settings
        options: dict[str, Any] = {
            "max_tokens": settings.get("max_tokens"),
            "temperature": settings.get("temperature"),
        }
        return self.start_stream("generate", {"prompt": prompt}, options)

    @Slot(dict)
    def _on_finished(self, stats: dict) -> None:
        tokens = stats.get("generated_tokens")
        speed = stats.get("tokens_per_s")
        if stats.get("finish_reason") == "length":
            self.message.emit(self.tr("Stopped at the length limit ({tokens} tokens). Raise “Longest answer” "
                                      "in Settings for the rest.").format(tokens=tokens))
        elif stats.get("finish_reason") == "repetition":
            self.message.emit(self.tr("Stopped: the same sentence kept repeating. Run it again."))
        elif tokens is not None and speed:
            self.message.emit(self.tr("Done: {tokens} tokens, {speed:.1f} tokens/s").format(tokens=tokens, speed=speed))
        else:
            self.message.emit(self.tr("Done."))



class PromptPane(QWidget):
    """Prompt editor, 実行 (Ctrl+Enter), 停止 (Esc), streamed output, copy and save."""

    models_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("promptPane")
        self.context = context
        self.controller = PromptController(context, self)
        self._loader = DocumentLoader(self)
        self._loader.loaded.connect(lambda _path, text: self.prompt_edit.setPlainText(text))
        self._loader.failed.connect(self._cannot_open)
        self._loader.unreadable.connect(self._cannot_open)
        self._build(title or self.tr("Prompt"))
        self._connect()
        self._set_ready(self.controller.model_loaded)
        self._set_running(False)

    # ------------------------------------------------------------ view
    def _build(self, title: str) -> None:
        heading, subtitle = pane_header(self, title, self.tr("Give the model an instruction. Check every answer before you use it."))

        self.notice = NoticeBar(self, closable=False)
        self.prompt_edit = QPlainTextEdit(self)
        self.prompt_edit.setObjectName("promptEdit")
        self.prompt_edit.setPlaceholderText(self.tr("Type your instruction here (Ctrl+Enter to run)"))
        self.prompt_edit.setTabChangesFocus(True)

        controls = run_controls(self, self.tr("Run"), self.tr("Run (Ctrl+Enter)"))
        self.run_button, self.stop_button = controls.run_button, controls.stop_button
        self.busy, self.status_label = controls.busy, controls.status_label
        actions = controls.layout

        output_label = QLabel(self.tr("Answer"), self)
        output_label.setObjectName("sectionLabel")
        self.output = StreamingTextView(self)
        self.output.setPlaceholderText(self.tr("The answer appears here as it is written."))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy the answer to the clipboard"))
        output_header = QHBoxLayout()
        output_header.addWidget(output_label)
        output_header.addStretch(1)
        output_header.addWidget(self.copy_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addWidget(self.notice)
        layout.addWidget(self.prompt_edit, 2)
        layout.addLayout(actions)
        layout.addSpacing(6)
        layout.addLayout(output_header)
        layout.addWidget(self.output, 3)

        run_and_stop_shortcuts(self, self._run_clicked, self.controller.stop)

    def _connect(self) -> None:
        self.run_button.clicked.connect(self._run_clicked)
        self.stop_button.clicked.connect(self.controller.stop)
        self.copy_button.clicked.connect(self.copy_output)
        self.notice.action_clicked.connect(self.models_requested)
        self.controller.delta.connect(self.output.append_delta)
        self.controller.output_cleared.connect(self.output.clear)
        self.controller.message.connect(self.status_label.setText)
        self.controller.running_changed.connect(self._set_running)
        self.controller.ready_changed.connect(self._set_ready)

    @Slot()
    def _run_clicked(self) -> None:
        self.controller.run(self.prompt_edit.toPlainText())

    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        if not running:
            self.output.flush()
        self.busy.setVisible(running)
        self.stop_button.setEnabled(running)
        self.run_button.setEnabled(not running and self.controller.model_loaded)

    @Slot(bool)
    def _set_ready(self, ready: bool) -> None:
        self.run_button.setEnabled(ready and not self.controller.running)
        if ready:
            self.notice.hide()
        else:
            self.notice.show_notice(
                self.tr("No model is loaded yet. Choose one on the Model page."),
                "info",
                self.tr("Choose a model"),
            )

    # ------------------------------------------------------------ actions
    @Slot()
    def copy_output(self) -> None:
        copy_text(self.output.text())
        self.status_label.setText(self.tr("Copied."))

    def open_file(self, path: str | None = None) -> bool:
        """Put a document's text into the prompt box, read off the UI thread (asks for a file when
        ``path`` is None). True when reading started."""
        if path is None:
            path = open_file_name(self, self.tr("Open"), self.tr("Documents (*.docx *.txt *.md *.pdf);;All files (*)"))
        if not path:
            return False
        self._loader.load(path)
        return True

    @Slot(str, str)
    def _cannot_open(self, _path: str, message: str) -> None:
        QMessageBox.warning(self, self.tr("Cannot open"), message)

    def save_file(self, path: str | None = None) -> bool:
        """Save the answer as .docx, .txt or .md (asks for a name when ``path`` is None)."""
        text = self.output.text()
        if not text.strip():
            self.status_label.setText(self.tr("There is no answer to save yet."))
            return False
        target = export_text(self, text, path, caption=self.tr("Save"),
                             ai_notice=bool(self.context.settings.get("ai_notice")))
        if target is None:
            return False
        self.status_label.setText(self.tr("Saved: {name}").format(name=target.name))
        return True
