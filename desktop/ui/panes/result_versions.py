"""Earlier versions of a pane's result, as chat apps keep regenerations: nothing written or typed is lost.

A new generation does not overwrite the text on screen: ``begin`` keeps it
(with the user's edits) as a version and opens a new, empty one.
``ResultVersions`` holds no Qt; ``VersionNavigator`` is the small
「◀ 2/3 ▶」 control a pane shows next to its result.

Each version remembers the text as the model wrote it (``generated``) and the
history run it was recorded as (``run_id``), so that an edited version can be
written back to that run (``desktop.history.HistoryStore.update_output``), and
what a pane needs to show it again (``extra``, plain JSON: e.g. a summary's
checked sources). ``kept_result.KeptResult`` ties them to a pane's text view.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

#: The oldest versions beyond this many are dropped (a day's regenerations of one draft fit).
MAX_VERSIONS = 20


@dataclass
class Version:
    """One result: ``text`` as on screen now, ``generated`` as the model wrote it, ``exported`` as
    last exported or copied (None: never)."""

    text: str = ""
    generated: str = ""
    request_id: str = ""
    run_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    exported: str | None = None

    @property
    def edited(self) -> bool:
        return self.text != self.generated


class ResultVersions:
    """The versions of one pane's result and which one is shown (``index``; -1 when there is none)."""

    def __init__(self) -> None:
        self.versions: list[Version] = []
        self.index = -1

    def __len__(self) -> int:
        return len(self.versions)

    @property
    def current(self) -> Version | None:
        return self.versions[self.index] if 0 <= self.index < len(self.versions) else None

    def keep_text(self, text: str) -> None:
        """The text on screen now belongs to the shown version (a first text typed by hand makes one)."""
        if self.current is not None:
            self.current.text = text
        elif text.strip():
            self.versions.append(Version(text=text, generated=text))
            self.index = 0

    def begin(self, text_on_screen: str, request_id: str = "") -> None:
        """A new generation starts: keep ``text_on_screen`` in the shown version, show a new empty one.

        An empty shown version is reused instead of kept.
        """
        self.keep_text(text_on_screen)
        current = self.current
        if current is not None and not current.text.strip():
            self.versions.pop(self.index)
        self.versions.append(Version(request_id=request_id))
        del self.versions[:-MAX_VERSIONS]
        self.index = len(self.versions) - 1

    def generated(self, text: str) -> None:
        """The model finished (or was stopped): ``text`` is what it wrote into the shown version."""
        if self.current is not None:
            self.current.text = self.current.generated = text

    def recorded(self, request_id: str, run_id: int) -> Version | None:
        """The history stored the run of ``request_id`` as ``run_id``; the version it made, if any."""
        for version in self.versions:
            if request_id and version.request_id == request_id:
                version.run_id = run_id
                return version
        return None

    def clear(self) -> None:
        """Forget every version (the result belongs to something else now)."""
        self.versions, self.index = [], -1

    def go(self, step: int, text_on_screen: str) -> str | None:
        """Show the version ``step`` away (keeping ``text_on_screen``); its text, or None at either end."""
        target = self.index + step
        if not 0 <= target < len(self.versions):
            return None
        self.keep_text(text_on_screen)
        self.index = target
        return self.versions[target].text

    def to_state(self) -> dict[str, Any]:
        """Plain JSON for autosave: {"versions": [...], "index": n}."""
        return {"versions": [asdict(v) for v in self.versions], "index": self.index}

    def restore(self, state: Any) -> None:
        """Put back what ``to_state`` gave; anything damaged is left out."""
        self.versions, self.index = [], -1
        if not isinstance(state, dict) or not isinstance(state.get("versions"), list):
            return
        for item in state["versions"][-MAX_VERSIONS:]:
            if isinstance(item, dict):
                run_id, extra, exported = item.get("run_id"), item.get("extra"), item.get("exported")
                self.versions.append(Version(str(item.get("text") or ""), str(item.get("generated") or ""),
                                             str(item.get("request_id") or ""),
                                             run_id if isinstance(run_id, int) else None,
                                             extra if isinstance(extra, dict) else {},
                                             exported if isinstance(exported, str) else None))
        index = state.get("index")
        self.index = index if isinstance(index, int) and 0 <= index < len(self.versions) else len(self.versions) - 1


class VersionNavigator(QWidget):
    """「◀ 2/3 ▶」: ``step(-1)`` or ``step(1)`` when a button is pressed; hidden while there is one version."""

    step = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back_button = QToolButton(self)
        self.back_button.setText("◀")
        self.back_button.setToolTip(self.tr("Show the earlier version"))
        self.label = QLabel(self)
        self.label.setObjectName("versionLabel")
        self.forward_button = QToolButton(self)
        self.forward_button.setText("▶")
        self.forward_button.setToolTip(self.tr("Show the later version"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.back_button)
        layout.addWidget(self.label)
        layout.addWidget(self.forward_button)
        self.back_button.clicked.connect(self._back)
        self.forward_button.clicked.connect(self._forward)
        self.setToolTip(self.tr("Earlier versions of the result are kept, with your edits"))
        self.show_position(-1, 0, enabled=True)

    def show_position(self, index: int, count: int, *, enabled: bool) -> None:
        """Show version ``index`` (0-based) of ``count``; ``enabled`` False while a run is writing."""
        self.setVisible(count > 1)
        self.label.setText(f"{index + 1}/{count}")
        self.back_button.setEnabled(enabled and index > 0)
        self.forward_button.setEnabled(enabled and index < count - 1)

    @Slot()
    def _back(self) -> None:
        self.step.emit(-1)

    @Slot()
    def _forward(self) -> None:
        self.step.emit(1)
