"""Reading documents off the UI thread: the one loader every pane uses.

``DocumentLoader.load(path)`` reads the file from Qt's thread pool in a
limited child process (``desktop.reading.read_isolated``: bounded memory and
time) and answers on the UI thread by signal: ``document_loaded(path,
Document)`` (blocks, format, encoding and ``warnings``, each ``{"code",
"params"}`` for ``desktop.messages.warning_texts``) and then ``loaded(path,
text)`` when it was read; ``failed(path, message)`` when it cannot be (the
message names what is wrong, in the user's language); ``unreadable(path,
reason)`` when the operating system could not open it (``reason`` is its
error text). A reader's bug reaches ``failed`` with its text rather than
ending the thread silently. An answer for a loader deleted meanwhile (its pane
was closed) is dropped (``desktop.ui.background``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.ui.background import Reply


class DocumentLoader(QObject):
    """Reads documents off the UI thread; see the module docstring for its signals."""

    loaded = Signal(str, str)
    document_loaded = Signal(str, object)
    failed = Signal(str, str)
    unreadable = Signal(str, str)

    def load(self, path: str | Path) -> None:
        QThreadPool.globalInstance().start(_ReadTask(str(path), Reply(self)))


class _ReadTask(QRunnable):
    def __init__(self, path: str, reply: Reply) -> None:
        super().__init__()
        self._path = path
        self._reply = reply

    def run(self) -> None:
        from desktop.documents import DocumentError
        from desktop.messages import describe
        from desktop.reading import read_isolated

        try:
            document = read_isolated(Path(self._path))
        except DocumentError as exc:
            self._reply.send("failed", self._path, describe(exc))
            return
        except OSError as exc:
            self._reply.send("unreadable", self._path, exc.strerror or str(exc))
            return
        except Exception as exc:  # a reader bug must not kill the thread silently
            self._reply.send("failed", self._path, str(exc))
            return
        self._reply.send("document_loaded", self._path, document)
        self._reply.send("loaded", self._path, document.text())
