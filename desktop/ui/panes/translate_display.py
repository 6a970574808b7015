"""What the translate pane's translation column shows: the translation without its inline marks.

The controller keeps each translation as the model wrote it, with the marks
(``<a1>…</a1>``, ``{f1}``: ``desktop.documents.marks``) that carry a
paragraph's links, fields and formatting back into the .docx. The user reads
clean text: the marks are taken out for display only, an atom shows what it
shows in the document (a field's result, a tab). A paragraph sent without marks
is shown exactly as translated (its "<b>" is text). While a segment streams its
raw text is kept here, so that a mark split across two deltas never shows.
"""

from __future__ import annotations

from typing import Any

from desktop.documents.marks import visible_text


class TranslationDisplay:
    """Raw streamed text per segment (block index) and its clean form for the table.

    ``controller`` is the pane's ``TranslateController``: its ``document`` has the
    blocks whose ``atoms`` say what each atom shows.
    """

    def __init__(self, controller: Any) -> None:
        self._controller = controller
        self._streamed: dict[int, str] = {}

    def _marked(self, index: int) -> tuple[bool, dict[str, str] | None]:
        """Whether block ``index`` was sent with marks, and what its atoms show (as the writers decide it)."""
        document = self._controller.document
        if document is None or not 0 <= index < len(document.blocks):
            return False, None
        block = document.blocks[index]
        return block.marked is not None or block.atoms is not None, block.atoms

    def start(self, index: int) -> None:
        """Segment ``index`` starts streaming from nothing."""
        self._streamed[index] = ""

    def add(self, index: int, text: str) -> str:
        """Append streamed ``text`` to segment ``index``; what its cell shows now."""
        self._streamed[index] = self._streamed.get(index, "") + text
        marked, atoms = self._marked(index)
        return visible_text(self._streamed[index], atoms, streaming=True) if marked else self._streamed[index]

    def finish(self, index: int, text: str) -> str:
        """Segment ``index`` is ``text`` (finished, put back or edited); what its cell shows."""
        self._streamed.pop(index, None)
        marked, atoms = self._marked(index)
        return visible_text(text, atoms) if marked else text
