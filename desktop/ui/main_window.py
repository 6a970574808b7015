"""The main window: a sidebar of panes (下書き / 要約 / 翻訳) and the model page, menus, status bar.

The window only arranges things. Panes come from the registry
(``desktop.ui.panes``), the model page from ``ModelPanel``; everything that
involves the model goes through ``EngineClient`` signals, so the window never
waits. Geometry and the last page are window *state* (``state.json``), not
settings. It also wires the helpers that watch the panes: the history
recorder (every finished run goes to the history; Ctrl+H opens it) and
autosave (text offered back after a crash; unsaved output asked about on close).
A file dropped anywhere on the window opens in the current pane.
"""

from __future__ import annotations

import base64
import logging
import os

from PySide6.QtCore import QByteArray, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import desktop
from desktop.autosave import AutosaveStore
from desktop.ui import file_dialogs
from desktop.ui.autosave_controller import AutosaveController
from desktop.ui.context import AppContext
from desktop.ui.file_drops import FileDropRouter, is_document
from desktop.ui.history_recorder import HistoryRecorder
from desktop.ui.history_view import HistoryView, RunViewer, history_action, history_menu_title, reopen_run_in
from desktop.ui.model_panel import ModelPanel
from desktop.ui.comparison_link import ComparisonLink
from desktop.ui.panes import PANES, create_pane, pane_title
from desktop.ui.panes.protocol import KeepsEdits, OpensFiles, RequestsModels, SavesFiles
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.status import StatusBar
from desktop.ui.widgets import NoticeBar
from desktop.ui.window_state import load_state, save_state

log = logging.getLogger(__name__)

MODEL_PAGE = "models"


class MainWindow(QMainWindow):
    """Fumi's one window. ``pages`` maps keys ("draft", ..., "models") to their widgets."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.setWindowTitle(self.tr("文 Fumi"))
        self.pages: dict[str, QWidget] = {}
        self._page_keys: list[str] = []
        self.history_view: HistoryView | None = None
        self._build()
        self.history_recorder = HistoryRecorder(context.engine, context.history, self)
        pane_keys = [key for key, _title, _target in PANES]
        self.autosave = AutosaveController(
            AutosaveStore(context.paths.autosave),
            {key: self.pages[key] for key in pane_keys},
            self,
            titles={key: pane_title(key) for key in pane_keys},
        )
        self.history_recorder.result_made.connect(self.autosave.note_result)
        for key in pane_keys:
            if isinstance(self.pages[key], KeepsEdits):
                self.history_recorder.run_recorded.connect(self.pages[key].note_recorded)
        self._build_menus()
        self.file_drops = FileDropRouter(self, self.open_dropped_files)
        self.status = StatusBar(context.engine, self)
        self.setStatusBar(self.status)
        self._restore_state()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pageStack")

        for key, _title, _target in PANES:
            pane = create_pane(key, self.context, self.stack)
            self._add_page(key, pane_title(key), pane)
            if isinstance(pane, RequestsModels):
                pane.models_requested.connect(self.show_models)
        self.comparison = ComparisonLink(self.pages, self.show_page, self)
        self.model_panel = ModelPanel(self.context, self.stack)
        self._add_page(MODEL_PAGE, self.tr("Model"), self.model_panel)
        self.model_panel.discovery_finished.connect(self._on_models_discovered)
        self.model_panel.last_model_available.connect(self._offer_last_model)
        self.model_panel.model_loaded.connect(self._on_model_loaded)
        self.sidebar.currentRowChanged.connect(self._on_page_changed)

        brand = QLabel(self.tr("文 Fumi"), self)
        brand.setObjectName("brand")
        tagline = QLabel(self.tr("Writing help on this PC"), self)
        tagline.setObjectName("brandTagline")
        side = QFrame(self)
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(12, 18, 12, 12)
        side_layout.setSpacing(2)
        side_layout.addWidget(brand)
        side_layout.addWidget(tagline)
        side_layout.addSpacing(14)
        side_layout.addWidget(self.sidebar, 1)

        self.notice = NoticeBar(self)
        self.notice.action_clicked.connect(self._notice_action)
        self._notice_action_slot = None
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.stack, 1)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

    def _add_page(self, key: str, title: str, widget: QWidget) -> None:
        self.pages[key] = widget
        self._page_keys.append(key)
        self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(0, 40))
        if key == MODEL_PAGE:
            self.sidebar.addItem(self._separator_item())
        self.sidebar.addItem(item)

    def _separator_item(self) -> QListWidgetItem:
        item = QListWidgetItem("")
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setSizeHint(QSize(0, 14))
        item.setData(Qt.ItemDataRole.UserRole, "")
        return item

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_file)
        self.save_action = QAction(self.tr("&Save…"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_file)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("S&ettings"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        models_action = QAction(self.tr("&Models"), self)
        models_action.triggered.connect(self.show_models)
        settings_menu.addAction(self.settings_action)
        settings_menu.addAction(models_action)

        history_menu = self.menuBar().addMenu(history_menu_title())
        self.history_action = history_action(self)
        self.history_action.triggered.connect(self.open_history)
        history_menu.addAction(self.history_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Fumi"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    # ------------------------------------------------------------------ pages
    def current_key(self) -> str:
        item = self.sidebar.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def show_page(self, key: str) -> None:
        """Switch to the page named ``key``."""
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)
                return

    @Slot()
    def show_models(self) -> None:
        self.show_page(MODEL_PAGE)

    @Slot(int)
    def _on_page_changed(self, row: int) -> None:
        item = self.sidebar.item(row)
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        self.comparison.page_shown(key)
        if key in self.pages:
            self.stack.setCurrentWidget(self.pages[key])
        pane = self.pages.get(key)
        self.open_action.setEnabled(isinstance(pane, OpensFiles))
        self.save_action.setEnabled(isinstance(pane, SavesFiles))

    @Slot()
    def open_file(self) -> None:
        """File › Open: forwarded to the current pane when it can open files."""
        pane = self.stack.currentWidget()
        if isinstance(pane, OpensFiles):
            pane.open_file()

    def open_dropped_files(self, paths: list[str]) -> bool:
        """A file was dropped on the window: open the first one in the current pane, or say why not."""
        path = next(iter(paths), "")
        if not path:
            return False
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        pane = self.stack.currentWidget()
        if not is_document(path):
            message = self.tr("Fumi cannot open “{name}”. Drop a Word (.docx), text (.txt), "
                              "Markdown (.md) or PDF (.pdf) file.").format(name=name)
        elif not isinstance(pane, OpensFiles):
            message = self.tr("Choose Draft, Summarize or Translate first, then drop “{name}” again.").format(name=name)
        else:
            self._notice_action_slot = None
            self.notice.hide()
            return bool(pane.open_file(path))
        self._notice_action_slot = None
        self.notice.show_notice(message, "error")
        return False

    @Slot()
    def save_file(self) -> None:
        """File › Save: forwarded to the current pane when it can save."""
        pane = self.stack.currentWidget()
        if isinstance(pane, SavesFiles):
            pane.save_file()

    # ------------------------------------------------------------------ models
    def start(self) -> None:
        """Offer back text from a crashed session, start autosaving, look for models (off the UI thread).

        Call once the window is shown.
        """
        self.autosave.start(self)
        self.model_panel.refresh()

    @Slot(list)
    def _on_models_discovered(self, entries: list) -> None:
        if not entries:
            self.show_models()

    @Slot(str)
    def _offer_last_model(self, name: str) -> None:
        self._notice_action_slot = self.model_panel.load_last_model
        self.notice.show_notice(
            self.tr("Load the model you used last time ({name})?").format(name=name),
            "info",
            self.tr("Load"),
        )

    @Slot()
    def _notice_action(self) -> None:
        action, self._notice_action_slot = self._notice_action_slot, None
        self.notice.hide()
        if action is not None:
            action()

    @Slot(dict)
    def _on_model_loaded(self, _facts: dict) -> None:
        if self._notice_action_slot is not None:
            self._notice_action_slot = None
            self.notice.hide()

    # ------------------------------------------------------------------ dialogs
    @Slot()
    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.context.settings, self)
        dialog.settings_saved.connect(self._on_settings_saved)
        dialog.open()
        return dialog

    @Slot(list)
    def _on_settings_saved(self, changed: list) -> None:
        if "font_size" in changed:
            app = QApplication.instance()
            font = app.font()
            font.setPointSize(int(self.context.settings.get("font_size")))
            app.setFont(font)
        if "model_folders" in changed:
            self.model_panel.refresh()
        elif "parallel" in changed:
            self.model_panel.update_memory_estimate()
        history = self.context.history
        if history is not None:
            history.enabled = bool(self.context.settings.get("history_enabled"))
            history.retention_days = int(self.context.settings.get("history_days"))

    @Slot()
    def open_history(self) -> HistoryView:
        """Show the history of past runs (one view, raised if already open)."""
        if self.history_view is None:
            self.history_view = HistoryView(self.context.history, self)
            self.history_view.reopen_requested.connect(self._reopen_run)
            self.history_view.settings_requested.connect(self.open_settings)
        else:
            self.history_view.refresh()
        self.history_view.show()
        self.history_view.raise_()
        self.history_view.activateWindow()
        return self.history_view

    @Slot(object)
    def _reopen_run(self, run) -> None:
        """Put a past run back into its pane, or show it read-only when the pane cannot take it."""
        pane = self.pages.get(run.pane)
        if pane is not None:
            self.show_page(run.pane)
        if not reopen_run_in(pane, run):
            RunViewer(run, self).show()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Fumi"),
            self.tr(
                "<h3>文 Fumi {version}</h3>"
                "<p>Drafts, summaries and translations with a language model that runs on this PC.</p>"
                "<p>Fumi works offline: nothing you type or open leaves this computer.</p>"
                "<p>A person must check every result before it is used.</p>"
            ).format(version=desktop.__version__),
        )

    # ------------------------------------------------------------------ state
    def _restore_state(self) -> None:
        state = load_state(self.context.paths.state_file)
        geometry = state.get("geometry")
        restored = False
        if isinstance(geometry, str):
            try:
                restored = self.restoreGeometry(QByteArray(base64.b64decode(geometry)))
            except ValueError:
                restored = False
        if not restored:  # a first start: a comfortable size that still fits a small laptop screen
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            width, height = 1100, 740
            if screen is not None and screen.width() > 0 and screen.height() > 0:
                width, height = min(width, screen.width()), min(height, screen.height())
            self.resize(width, height)
        last_folder = state.get("last_folder")
        if isinstance(last_folder, str) and last_folder and os.path.isdir(last_folder):
            file_dialogs.remember(last_folder)
        page = state.get("page")
        self.show_page(page if page in self.pages else PANES[0][0])

    def window_state(self) -> dict:
        """What is remembered between runs (window geometry, the page shown, the folder dialogs start in)."""
        return {
            "geometry": base64.b64encode(bytes(self.saveGeometry())).decode("ascii"),
            "page": self.current_key(),
            "last_folder": file_dialogs.last_folder(),
        }

    def request_close(self) -> bool:
        """Close as the user would (asking about unsaved output first); True when the window closed."""
        return self.close()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.file_drops.attach()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.autosave.confirm_close(self):
            event.ignore()
            return
        self.file_drops.detach()
        self.model_panel.stop_discovery()   # a closed window takes no more results: it may be deleted any time
        if self.autosave.running:
            self.autosave.finish()
        save_state(self.context.paths.state_file, self.window_state())
        try:
            self.context.engine.shutdown()
        except Exception:  # closing must always succeed
            log.exception("engine shutdown failed")
        super().closeEvent(event)
