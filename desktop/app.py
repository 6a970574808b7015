"""Starting the window: Qt application, offline guard, logging, translations, style, main window."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

import desktop
from desktop.resources import resource_path
from desktop.settings import Paths, Settings

log = logging.getLogger(__name__)


def apply_look(app: QApplication, settings: Settings) -> None:
    """System font at the user's size, Fumi's style sheet and icon."""
    font = QFont(app.font())
    font.setPointSize(int(settings.get("font_size")))
    app.setFont(font)
    style_file = resource_path("styles", "fumi.qss")
    try:
        app.setStyleSheet(style_file.read_text(encoding="utf-8"))
    except OSError as exc:
        log.warning("style sheet not loaded: %s", exc)
    icon_file = resource_path("icons", "fumi.svg")
    if icon_file.is_file():
        app.setWindowIcon(QIcon(str(icon_file)))


def has_display(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Whether a window can be shown: always on Windows and macOS; on Linux a display or a Qt platform is set."""
    environ = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_app(argv: list[str] | None = None) -> int:
    """Open Fumi's window and run until it is closed; returns the exit code."""
    from desktop import offline

    offline.install()
    if not has_display():
        from desktop.messages import message

        print(f"fumi: {message('no_display')}", file=sys.stderr)
        return 2
    paths = Paths.default().ensure()
    from desktop.logsetup import install_excepthook, setup_logging

    setup_logging(paths.log_file)
    install_excepthook(paths.log_file)
    log.info("Fumi %s starting", desktop.__version__)
    settings = Settings.load(paths)

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "fumi", *(argv or [])])
    app.setOrganizationName(desktop.APP_NAME)
    app.setApplicationName(desktop.APP_NAME)
    app.setApplicationDisplayName("文 Fumi")
    app.setApplicationVersion(desktop.__version__)
    app.setDesktopFileName("fumi")

    from desktop.i18n import install_translators

    from desktop.messages import use_language

    translators = install_translators(app, use_language(settings.get("language")), paths.cache)
    apply_look(app, settings)

    from desktop.engine.client import EngineClient
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

    engine = EngineClient(app)
    history = _open_history(settings, paths)
    window = MainWindow(AppContext(settings=settings, paths=paths, engine=engine, history=history))
    window.show()
    engine.start()
    QTimer.singleShot(0, window.start)
    code = app.exec()
    app._fumi_translators = translators  # keep them alive until the loop ends
    log.info("Fumi exiting with %s", code)
    return int(code)


def _open_history(settings: Settings, paths: Paths):
    """The history store (recording only while history is on); None when it cannot be opened."""
    try:
        from desktop.history import HistoryStore

        return HistoryStore(
            paths.history_db,
            enabled=bool(settings.get("history_enabled")),
            retention_days=int(settings.get("history_days")),
        )
    except Exception:  # history is a convenience; the app runs without it
        log.exception("history not available")
        return None
