"""Open and save dialogs that start where the user keeps documents, never in the program's folder.

A dialog starts in the folder last used in any dialog of this session (or of
the last one: the main window keeps it in its window state, ``state.json``,
as ``last_folder``), else in the user's documents folder
(``QStandardPaths.DocumentsLocation``), else the home folder. Qt itself
would start in the current working directory, which for an installed Fumi is
the program's folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_last_folder = ""


def documents_folder() -> str:
    """The user's documents folder, else their home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and os.path.isdir(found) else str(Path.home())


def start_folder() -> str:
    """Where the next dialog starts: the last folder used while it still exists, else ``documents_folder()``."""
    if _last_folder and os.path.isdir(_last_folder):
        return _last_folder
    return documents_folder()


def remember(path: str | os.PathLike[str]) -> None:
    """``path`` (a file or a folder) was chosen: dialogs start in its folder from now on."""
    global _last_folder
    if not str(path):
        return
    chosen = Path(path)
    _last_folder = str(chosen if chosen.is_dir() else chosen.parent)


def last_folder() -> str:
    """The folder remembered so far ("" when none): for the window state."""
    return _last_folder


def open_file_name(parent: QWidget | None, caption: str, file_filter: str) -> str:
    """Ask for a file to open ("" when cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, start_folder(), file_filter)
    if path:
        remember(path)
    return path


def folder_name(parent: QWidget | None, caption: str) -> str:
    """Ask for a folder ("" when cancelled)."""
    folder = QFileDialog.getExistingDirectory(parent, caption, start_folder())
    if folder:
        remember(folder)
    return folder


def save_file_name(parent: QWidget | None, caption: str, suggested: str, file_filter: str) -> str:
    """Ask where to save; ``suggested`` is a file name (started in ``start_folder()``) or a full path."""
    start = suggested if os.path.isabs(suggested) else os.path.join(start_folder(), suggested)
    path, _ = QFileDialog.getSaveFileName(parent, caption, start, file_filter)
    if path:
        remember(path)
    return path
