"""The history view: find a past run, read it, reopen it in its pane, or erase it.

``HistoryView`` is a dialog over a ``HistoryStore``: a search box, the list of
runs (newest first: date, pane, title, the output's first line), a preview of
the chosen run's output, and the buttons Open, Delete and Delete all (both
deletes ask first; delete-all rewrites the file so nothing deleted remains).
A note at the top says how long runs are kept, with a link to the settings,
or that history is off. The view never touches panes itself: Open emits
``reopen_requested(run)`` and the main window passes the run to its pane
(``reopen_run_in``), or shows it read-only (``RunViewer``) when the pane
cannot take it.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.history import HistoryStore, Run
from desktop.ui.history_recorder import first_line
from desktop.ui.panes.protocol import Reopens

SEARCH_DELAY_MS = 200
LIST_LIMIT = 500


def pane_name(key: str) -> str:
    """The pane a run belongs to, in the user's language (下書き / 要約 / 翻訳)."""
    names = {
        "draft": QCoreApplication.translate("Panes", "Draft"),
        "summarize": QCoreApplication.translate("Panes", "Summarize"),
        "translate": QCoreApplication.translate("Panes", "Translate"),
        "generate": QCoreApplication.translate("HistoryView", "Free prompt"),
    }
    return names.get(key, key)


def format_date(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds))


def reopen_run_in(pane: QWidget | None, run: Run) -> bool:
    """Give ``run`` to ``pane`` if it can take it (``pane.reopen_run(run)``); False when it cannot."""
    if not isinstance(pane, Reopens):
        return False
    result = pane.reopen_run(run)
    return result is None or bool(result)


def history_menu_title() -> str:
    """The title of the window's History menu (履歴)."""
    return QCoreApplication.translate("HistoryView", "Hi&story")


def history_action(parent: QWidget) -> QAction:
    """The menu action that opens the history view (Ctrl+H)."""
    action = QAction(QCoreApplication.translate("HistoryView", "&History…"), parent)
    action.setShortcut(QKeySequence("Ctrl+H"))
    return action


class HistoryView(QDialog):
    """Past runs of ``store`` (None: the history could not be opened). Modeless; one per window."""

    reopen_requested = Signal(object)   # the Run to reopen
    settings_requested = Signal()

    def __init__(self, store: HistoryStore | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setWindowTitle(self.tr("History"))
        self.store = store
        self.runs: list[Run] = []
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._build()
        self.resize(900, 600)
        self.refresh()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.note = QLabel(self)
        self.note.setObjectName("historyNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.linkActivated.connect(lambda _link: self.settings_requested.emit())

        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText(self.tr("Search titles, inputs and results"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)

        self.list = QTreeWidget(self)
        self.list.setObjectName("historyList")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Pane"), self.tr("Title"), self.tr("Result")])
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.list.setColumnWidth(2, 200)
        self.list.currentItemChanged.connect(self._show_selected)
        self.list.itemActivated.connect(lambda _item, _column: self.reopen_selected())

        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("historyPreview")
        self.preview.setReadOnly(True)
        self.details = QLabel(self)
        self.details.setObjectName("paneSubtitle")
        self.details.setTextFormat(Qt.TextFormat.PlainText)   # a title may contain "<b>" as words
        self.details.setWordWrap(True)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.details)
        preview_layout.addWidget(self.preview, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("primaryButton")
        self.open_button.setToolTip(self.tr("Open this run again in its pane"))
        self.open_button.clicked.connect(self.reopen_selected)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.delete_all_button = QPushButton(self.tr("Delete all…"), self)
        self.delete_all_button.clicked.connect(self.delete_all)
        close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_box.rejected.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_all_button)
        buttons.addWidget(close_box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._search_timer.stop()  # a closed view does not search
        super().hideEvent(event)

    # ------------------------------------------------------------------ contents
    def _update_note(self) -> None:
        link_text = self.tr("Change in Settings")
        link = f'<a href="settings">{link_text}</a>'
        if self.store is None:
            text = self.tr("The history could not be opened. Fumi works without it.")
        elif not self.store.enabled:
            text = self.tr("History is off: new runs are not kept.") + " " + link
        else:
            text = self.tr("Runs are kept on this PC for {days} days, then deleted.").format(
                days=self.store.retention_days) + " " + link
        self.note.setText(text)

    @Slot()
    def refresh(self) -> None:
        """Show the runs matching the search box, newest first, keeping the selection if it is still there."""
        self._update_note()
        selected = self.selected_run()
        selected_id = selected.id if selected is not None else None
        self.runs = self.store.search(self.search.text().strip(), limit=LIST_LIMIT) if self.store else []
        self.list.clear()
        for run in self.runs:
            item = QTreeWidgetItem([
                format_date(run.created_at), pane_name(run.pane), run.title or run.template,
                first_line(run.output, 80),
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, run.id)
            item.setToolTip(2, run.title)
            self.list.addTopLevelItem(item)
            if run.id == selected_id:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.runs:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._show_selected()
        self.delete_all_button.setEnabled(self.store is not None and self.store.count() > 0)
        self.search.setEnabled(self.store is not None)
        if not self.runs:
            self.preview.setPlaceholderText(
                self.tr("No runs match the search.") if self.search.text().strip() else self.tr("No runs yet."))

    def selected_run(self) -> Run | None:
        item = self.list.currentItem()
        if item is None:
            return None
        run_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((run for run in self.runs if run.id == run_id), None)

    def select_run(self, run_id: int) -> bool:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item.data(0, Qt.ItemDataRole.UserRole) == run_id:
                self.list.setCurrentItem(item)
                return True
        return False

    @Slot()
    def _show_selected(self, *_args: Any) -> None:
        run = self.selected_run()
        self.open_button.setEnabled(run is not None)
        self.delete_button.setEnabled(run is not None)
        if run is None:
            self.preview.clear()
            self.details.clear()
            return
        self.preview.setPlainText(run.output)
        self.details.setText(describe_run(run))

    # ------------------------------------------------------------------ actions
    @Slot()
    def reopen_selected(self) -> None:
        run = self.selected_run()
        if run is not None:
            self.reopen_requested.emit(run)

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def delete_selected(self) -> bool:
        """Delete the chosen run after asking; True if it was deleted."""
        run = self.selected_run()
        if run is None or self.store is None:
            return False
        if not self._confirm(self.tr("Delete run"),
                             self.tr("Delete this run from the history? This cannot be undone.")):
            return False
        row = self.list.indexOfTopLevelItem(self.list.currentItem())
        self.store.delete(run.id)
        self.list.setCurrentItem(None)
        self.refresh()
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(min(row, self.list.topLevelItemCount() - 1)))
        return True

    @Slot()
    def delete_all(self) -> bool:
        """Erase the whole history after asking (the file is rewritten); True if it was erased."""
        if self.store is None:
            return False
        if not self._confirm(self.tr("Delete all runs"),
                             self.tr("Delete every run in the history? The text is erased from this PC "
                                     "and cannot be recovered.")):
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store.delete_all()
        finally:
            QApplication.restoreOverrideCursor()
        self.refresh()
        return True


def describe_run(run: Run) -> str:
    """One line under the preview: when, which pane and template, which model, how long."""
    parts = [format_date(run.created_at), pane_name(run.pane)]
    if run.title:
        parts.append(run.title)
    if run.model:
        parts.append(QCoreApplication.translate("HistoryView", "Model: {name}").format(name=run.model))
    seconds = run.stats.get("seconds")
    if isinstance(seconds, (int, float)):
        parts.append(QCoreApplication.translate("HistoryView", "{seconds:.1f} s").format(seconds=seconds))
    if run.stats.get("stopped"):
        parts.append(QCoreApplication.translate("HistoryView", "stopped before the end"))
    if run.inputs.get("omitted"):
        parts.append(QCoreApplication.translate("HistoryView", "the document was too large to keep"))
    return " · ".join(parts)


class RunViewer(QDialog):
    """A past run's output, read-only and copyable: for a pane that cannot reopen runs."""

    def __init__(self, run: Run, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runViewer")
        self.setWindowTitle(self.tr("{pane}: {title}").format(pane=pane_name(run.pane), title=run.title))
        details = QLabel(describe_run(run), self)
        details.setTextFormat(Qt.TextFormat.PlainText)
        details.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(run.output)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy_button.clicked.connect(lambda: QApplication.clipboard().setText(run.output))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(details)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(700, 500)
