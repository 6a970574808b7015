"""Logging for the window process: a rotating file in the user's log folder.

A windowed executable may have no console at all (``sys.stdout`` and
``sys.stderr`` can be None), so nothing here assumes they exist. Uncaught
exceptions are logged and, when a Qt application is running, shown to the
user in a dialog instead of silently ending the program.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

log = logging.getLogger("desktop")

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


def setup_logging(log_file: Path, level: int = logging.INFO) -> logging.Handler | None:
    """Send the ``desktop`` loggers (and warnings from libraries) to ``log_file``.

    The file rotates at about 1 MB, keeping three old ones. If it cannot be
    opened, logging goes to stderr when there is one, and the app still starts.
    Returns the file handler (None if the file could not be opened).
    """
    root = logging.getLogger()
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    formatter = logging.Formatter(LOG_FORMAT)
    file_handler: logging.Handler | None = None
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
        file_handler.setFormatter(formatter)
        file_handler.setLevel(level)
        root.addHandler(file_handler)
    except OSError as exc:
        _warn_on_stderr(f"Fumi: cannot open log file {log_file}: {exc}")
    if sys.stderr is not None and not any(_is_stderr_handler(h) for h in root.handlers):
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(formatter)
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    logging.captureWarnings(True)
    return file_handler


def _is_stderr_handler(handler: logging.Handler) -> bool:
    return isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) is sys.stderr


def _warn_on_stderr(text: str) -> None:
    if sys.stderr is not None:
        try:
            print(text, file=sys.stderr)
        except (OSError, ValueError):
            pass


def install_excepthook(log_file: Path | None = None) -> None:
    """Log every uncaught exception (main and worker threads) and tell the user.

    In the UI thread a dialog says that something went wrong and where the log
    is; the program keeps running, so the user's text stays on screen.
    """

    def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        _show_error_dialog(exc, "".join(traceback.format_exception(exc_type, exc, tb)), log_file)

    def handle_thread(args: threading.ExceptHookArgs) -> None:
        log.critical(
            "uncaught exception in thread %s",
            getattr(args.thread, "name", "?"),
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    sys.excepthook = handle
    threading.excepthook = handle_thread


_showing_dialog = False


def _show_error_dialog(exc: BaseException, details: str, log_file: Path | None) -> None:
    """A modal message box about ``exc``, only in the UI thread and never two at once."""
    global _showing_dialog
    from PySide6.QtCore import QCoreApplication, QThread
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if app is None or _showing_dialog or QThread.currentThread() is not app.thread():
        return
    _showing_dialog = True
    try:
        box = QMessageBox()
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
        text = QCoreApplication.translate(
            "ErrorDialog",
            "Something unexpected went wrong. Your text is still in the window; "
            "please save it and tell your IT contact.",
        )
        if log_file is not None:
            text += "\n\n" + QCoreApplication.translate("ErrorDialog", "Log file: {path}").format(path=log_file)
        box.setText(text)
        box.setInformativeText(str(exc)[:500])
        box.setDetailedText(details)
        box.exec()
    except Exception:  # the dialog must never raise from inside the excepthook
        log.exception("could not show the error dialog")
    finally:
        _showing_dialog = False
