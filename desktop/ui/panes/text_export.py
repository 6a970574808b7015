"""Copy and export of a pane's streamed text, shared by the drafting and summarizing panes.

``export_text`` asks where (in ``file_dialogs.start_folder()``), writes .docx
(with the Japanese fonts and an optional letterhead), .txt or .md through
``desktop.documents.writers.write_text``, and shows why when it cannot. Texts
are looked up in the calling pane's translation context (``pane.tr``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.messages import describe
from desktop.ui.file_dialogs import save_file_name

SUFFIXES = (".docx", ".txt", ".md")


def copy_text(text: str) -> None:
    """Put ``text`` on the clipboard."""
    QGuiApplication.clipboard().setText(text)


def export_text(pane: QWidget, text: str, path: str | None, *, caption: str, suggested: str = "", title: str = "",
                ai_notice: bool = False, letterhead: Path | None = None,
                letterhead_body: bool = False) -> Path | None:
    """Write ``text`` to ``path`` (None: ask, starting from ``suggested``); the file written, or None.

    A name without .docx, .txt or .md gets .docx. None when the user cancelled
    or the file could not be written (then a message box says why).
    """
    if path is None:
        path = save_file_name(pane, caption, suggested, pane.tr("Word (*.docx);;Text (*.txt);;Markdown (*.md)"))
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in SUFFIXES:
        target = target.with_suffix(".docx")
    from desktop.documents import DocumentError
    from desktop.documents.writers import write_text

    try:
        write_text(target, text, title=title, ai_notice=ai_notice, letterhead=letterhead,
                   letterhead_body=letterhead_body)
    except (DocumentError, OSError, ValueError) as exc:  # ValueError: text Word cannot hold
        QMessageBox.warning(pane, pane.tr("Cannot save"), describe(exc))
        return None
    return target
