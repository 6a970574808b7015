"""Earlier translations of each segment, so that a re-translation never costs the user's edit of a cell.

``SegmentVersions`` keeps one ``result_versions.ResultVersions`` per block
index (only for blocks that were translated or edited). The translate
controller tells it what the model made (``made``) and what the user typed
(``edited``); the pane's 「◀ 1/2 ▶」 under the table goes through a selected
cell's versions (``go``). Texts are the controller's translations (with their
inline marks), not what a cell displays.
"""

from __future__ import annotations

from typing import Any

from desktop.ui.panes.result_versions import ResultVersions


class SegmentVersions:
    """The versions of every segment's translation, by block index."""

    def __init__(self) -> None:
        self._blocks: dict[int, ResultVersions] = {}

    def of(self, index: int) -> ResultVersions:
        """The versions of block ``index`` (empty when it has none)."""
        return self._blocks.get(index) or ResultVersions()

    def made(self, index: int, before: str, text: str) -> None:
        """The model translated block ``index`` as ``text``; ``before`` (what the cell had) stays an earlier version."""
        versions = self._blocks.setdefault(index, ResultVersions())
        versions.begin(before)
        versions.generated(text)

    def edited(self, index: int, text: str) -> None:
        """The cell of block ``index`` now holds ``text`` (typed, restored, or another version shown)."""
        self._blocks.setdefault(index, ResultVersions()).keep_text(text)

    def go(self, index: int, step: int, text_on_screen: str) -> str | None:
        """The text of block ``index``'s version ``step`` away (keeping ``text_on_screen``); None at either end."""
        versions = self._blocks.get(index)
        return versions.go(step, text_on_screen) if versions is not None else None

    def edited_blocks(self) -> set[int]:
        """Blocks whose shown translation is the user's edit of what the model wrote."""
        return {index for index, versions in self._blocks.items()
                if versions.current is not None and versions.current.edited}

    def clear(self) -> None:
        self._blocks = {}

    def to_state(self) -> dict[str, Any]:
        """Plain JSON for autosave: {"3": ResultVersions.to_state(), ...}, only blocks with an edit or an earlier version."""
        return {str(index): versions.to_state() for index, versions in self._blocks.items()
                if len(versions) > 1 or (versions.current is not None and versions.current.edited)}

    def restore(self, state: Any, shown: dict[int, str]) -> None:
        """Put back what ``to_state`` gave; ``shown`` (block -> the text in its cell) wins over a damaged state."""
        if not isinstance(state, dict):
            return
        for key, item in state.items():
            try:
                index = int(key)
            except (TypeError, ValueError):
                continue
            versions = ResultVersions()
            versions.restore(item)
            if versions.current is None or index not in shown:
                continue
            versions.current.text = shown[index]
            self._blocks[index] = versions
