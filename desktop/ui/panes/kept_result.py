"""A pane's result text with its earlier versions, the user's edits and its history run: nothing typed is lost.

``KeptResult`` ties a ``ResultVersions`` (``result_versions``) to the pane's
``StreamingTextView`` and its 「◀ 2/3 ▶」 ``VersionNavigator``; the drafting
and summarize panes share it. The pane tells it when a run starts
(``begin`` before the view is written, ``started`` with the request id) and
ends (``finished``); everything else follows:

- a new run, a result taken from 比較 or a reopened run (``put``) keeps the
  text on screen, with its edits, as an earlier version;
- ◀ ▶ show another version (never while a run writes into the view);
- an edited version is written back to the history run it was recorded as
  (``HistoryStore.update_output``) 1.5 s after the last keystroke
  (``EDIT_PAUSE_MS``), and before the view shows something else;
- ``mark_exported`` notes that the shown version, as it is now, was exported
  or copied; ``lost_if_forgotten`` names the versions that live nowhere else
  (no history run that keeps them, not exported as they are), so that a pane
  asks before ``forget`` drops them;
- ``to_state``/``restore`` give and take plain JSON for the autosave.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.history import HistoryStore
from desktop.ui.panes.result_versions import ResultVersions, Version, VersionNavigator
from desktop.ui.panes.unsaved_result import history_keeps
from desktop.ui.widgets import StreamingTextView

#: The pause in typing after which an edit is written to the history (ms).
EDIT_PAUSE_MS = 1500


class KeptResult(QObject):
    """The versions of the text in ``view``; ``history()`` is the store (or None), ``busy()`` true while a run writes.

    ``shown`` is emitted after ◀ ▶ (or ``restore``) put another version in the view.
    """

    shown = Signal()

    def __init__(self, view: StreamingTextView, navigator: VersionNavigator,
                 history: Callable[[], HistoryStore | None], busy: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.navigator = navigator
        self.versions = ResultVersions()
        self.writing = False          # a run of the pane is writing into the shown version
        self._history = history
        self._busy = busy
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(EDIT_PAUSE_MS)
        self._timer.timeout.connect(self.keep_edit_in_history)
        view.textChanged.connect(self._edited)
        navigator.step.connect(self.show)
        self.update_navigator()

    @property
    def current(self) -> Version | None:
        return self.versions.current

    @property
    def idle(self) -> bool:
        return not self._busy() and not self.writing

    # ------------------------------------------------------------ runs
    def begin(self) -> None:
        """A new result comes: the text on screen (with edits) becomes an earlier version; the view is cleared."""
        self.keep_edit_in_history()
        self.view.flush()
        self.versions.begin(self.view.text())
        self.view.clear()
        self.update_navigator()

    def started(self, request_id: str) -> None:
        """The run ``request_id`` writes into the shown version."""
        self.writing = True
        if self.versions.current is None:
            self.versions.begin("")
        self.versions.current.request_id = request_id
        self.update_navigator()

    def finished(self) -> None:
        """The run ended (done, stopped or failed): what it wrote is the shown version's generated text.

        A run that wrote nothing (rejected by the engine, stopped before its first
        word) leaves no empty version: the one before is shown again, as ``take_back``.
        """
        self.view.flush()
        if self.writing:
            self.writing = False
            if not self.view.text().strip() and len(self.versions) > 1:
                self.take_back()
                return
            self.versions.generated(self.view.text())
        self.update_navigator()

    def put(self, text: str, run_id: int | None = None, extra: dict[str, Any] | None = None) -> None:
        """Show ``text`` (a reopened run ``run_id``, a result from 比較) as the newest version."""
        self.begin()
        self.view.setPlainText(text)
        self.versions.generated(text)
        current = self.versions.current
        if current is not None:
            current.run_id = run_id
            current.extra = dict(extra or {})
        self.update_navigator()

    def take_back(self) -> None:
        """The run announced by ``begin`` did not start: the empty version goes, the one before is shown again."""
        if self.writing or self.versions.current is None or self.versions.current.text.strip():
            return
        self.versions.versions.pop(self.versions.index)
        self.versions.index = len(self.versions) - 1
        if self.versions.current is not None:
            self.view.setPlainText(self.versions.current.text)
        self.update_navigator()
        self.shown.emit()

    def forget(self) -> None:
        """The result belongs to something else now (another document): edits go to the history, versions go."""
        self.keep_edit_in_history()
        self.versions.clear()
        self.update_navigator()

    def mark_exported(self) -> None:
        """The shown version, as on screen now, was exported or copied: it is kept elsewhere."""
        if self.idle:
            self.versions.keep_text(self.view.text())
        if self.versions.current is not None:
            self.versions.current.exported = self.versions.current.text

    def kept_elsewhere(self, version: Version) -> bool:
        """Whether ``version`` lives on when the pane forgets it: its history run keeps it (edits are
        written there by ``forget``), or it was exported or copied as it is now."""
        return history_keeps(self._history(), version.run_id) or version.exported == version.text

    def lost_if_forgotten(self, *, earlier_only: bool = False) -> list[Version]:
        """The versions with text that ``forget`` would lose (``earlier_only``: not counting the shown one)."""
        if self.idle:
            self.versions.keep_text(self.view.text())
        current = self.versions.current
        return [version for version in self.versions.versions
                if version.text.strip() and not self.kept_elsewhere(version)
                and not (earlier_only and version is current)]

    # ------------------------------------------------------------ versions
    def show_version(self, version: Version) -> bool:
        """Show ``version`` (one of ``versions``), as ◀ ▶ would."""
        if version not in self.versions.versions:
            return False
        step = self.versions.versions.index(version) - self.versions.index
        return step == 0 or self.show(step)

    @Slot(int)
    def show(self, step: int) -> bool:
        """Show the version ``step`` away (-1 earlier, 1 later); the shown one keeps its edits."""
        if not self.idle:
            return False
        self.keep_edit_in_history()
        text = self.versions.go(step, self.view.text())
        if text is None:
            return False
        self.view.setPlainText(text)
        self.update_navigator()
        self.shown.emit()
        return True

    def file_name_suffix(self) -> str:
        """"_N" for version N (1-based) when there are several, so exporting each in turn suggests a
        different file name and never the previous version's; "" for a single version."""
        return f"_{self.versions.index + 1}" if len(self.versions) > 1 and self.versions.index >= 0 else ""

    def update_navigator(self) -> None:
        self.navigator.show_position(self.versions.index, len(self.versions), enabled=self.idle)

    # ------------------------------------------------------------ history
    @Slot()
    def _edited(self) -> None:
        if self.idle:
            self._timer.start()

    @Slot()
    def keep_edit_in_history(self) -> bool:
        """Write the shown version's edits to its history run; True when a run was updated."""
        self._timer.stop()
        if not self.idle:
            return False
        self.versions.keep_text(self.view.text())
        version = self.versions.current
        history = self._history()
        if version is None or version.run_id is None or history is None or not version.edited:
            return False
        try:
            return history.update_output(version.run_id, version.text)
        except Exception:  # the history must never cost the text on screen
            return False

    def note_recorded(self, request_id: str, run_id: int) -> None:
        """The history stored the run of ``request_id`` as ``run_id`` (``KeepsEdits``)."""
        version = self.versions.recorded(request_id, run_id)
        if version is not None and version is self.versions.current:
            self.keep_edit_in_history()

    # ------------------------------------------------------------ autosave
    def to_state(self) -> dict[str, Any]:
        """Every version, with the text on screen in the shown one (plain JSON)."""
        if self.idle:
            self.versions.keep_text(self.view.text())
        return self.versions.to_state()

    def restore(self, state: Any, shown: str) -> None:
        """Put back what ``to_state`` gave; ``shown`` (the autosave's text on screen) is the shown version's text."""
        self.versions.restore(state)
        if self.versions.current is not None:
            self.versions.current.text = shown
        elif shown.strip():
            self.versions.keep_text(shown)
        self.update_navigator()
