"""Nothing typed is lost: every pane's text is autosaved, and offered back after a crash.

``AutosaveController`` looks at every pane once a second and writes what
changed to the ``AutosaveStore`` (one JSON text per pane key, atomic, the
previous copy kept), so the saved copy is at most about two seconds behind.

What a pane's state is:
- a pane may say itself: ``autosave_state() -> dict`` and
  ``restore_autosave_state(dict)``;
- otherwise it is the text of every ``QPlainTextEdit``, ``QTextEdit`` and
  ``QLineEdit`` in the pane that has an object name (``{objectName: text}``);
  a widget with the property ``autosave`` set to False is left out.

At start (``start``): if the last session did not end cleanly and left text
behind, the user is asked whether to restore it (復元 / 破棄); then a new
session begins. On a clean exit (``finish``) the autosaved copies are removed.
``unsaved_panes`` tells the window which panes hold output that was not saved,
so it can ask before closing.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QTextEdit, QWidget,
)

from desktop.autosave import AutosaveStore
from desktop.ui.panes.protocol import Autosaves, MarksExported, TracksOutput

log = logging.getLogger(__name__)

AUTOSAVE_INTERVAL_MS = 1000


# ---------------------------------------------------------------------- a pane's text
def text_widgets(pane: QWidget) -> dict[str, QWidget]:
    """The pane's named text widgets, by object name (a repeated name gets "#2", "#3", ...)."""
    found: dict[str, QWidget] = {}
    for widget in pane.findChildren(QWidget):
        if not isinstance(widget, (QPlainTextEdit, QTextEdit, QLineEdit)):
            continue
        name = widget.objectName()
        if not name or name.startswith("qt_") or widget.property("autosave") is False:
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue
        key, count = name, 1
        while key in found:
            count += 1
            key = f"{name}#{count}"
        found[key] = widget
    return found


def widget_text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    text = getattr(widget, "text", None)  # StreamingTextView: includes text not yet flushed
    if callable(text) and isinstance(widget, QPlainTextEdit):
        return str(text())
    return widget.toPlainText()


def set_widget_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        widget.setPlainText(text)


def pane_state(pane: QWidget) -> dict[str, Any]:
    """What is autosaved for ``pane``: its own ``autosave_state()``, or its named text widgets."""
    if isinstance(pane, Autosaves):
        return dict(pane.autosave_state() or {})
    return {name: widget_text(widget) for name, widget in text_widgets(pane).items()}


def restore_pane(pane: QWidget, state: dict[str, Any]) -> None:
    """Put an autosaved ``state`` back into ``pane``."""
    if isinstance(pane, Autosaves):
        pane.restore_autosave_state(state)
        return
    widgets = text_widgets(pane)
    for name, text in state.items():
        if name in widgets and isinstance(text, str):
            set_widget_text(widgets[name], text)


def has_content(value: Any) -> bool:
    """True if ``value`` holds any non-blank text (searched through dicts and lists)."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(has_content(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(has_content(item) for item in value)
    return False


def output_text(pane: QWidget) -> str:
    """The text of the pane's read-only text views (its results), for panes that do not say themselves."""
    texts = [widget_text(widget) for widget in text_widgets(pane).values()
             if isinstance(widget, (QPlainTextEdit, QTextEdit)) and widget.isReadOnly()]
    return "\n".join(text for text in texts if text)


# ---------------------------------------------------------------------- the questions
def build_recovery_box(parent: QWidget | None, pane_titles: list[str]) -> tuple[QMessageBox, Any]:
    """The question shown after a crash, and its Restore button."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setObjectName("recoveryQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("AutosaveController", "Restore your work"))
    box.setText(translate(
        "AutosaveController",
        "Fumi did not close normally last time. Restore the text you were working on?"))
    if pane_titles:
        box.setInformativeText(
            translate("AutosaveController", "Saved text from: {panes}").format(
                panes=translate("AutosaveController", ", ").join(pane_titles)))
    restore = box.addButton(translate("AutosaveController", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("AutosaveController", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    return box, restore


def ask_to_restore(parent: QWidget | None, pane_titles: list[str]) -> bool:
    """Ask whether to restore the text of the last session; True for Restore."""
    box, restore = build_recovery_box(parent, pane_titles)
    box.exec()
    return box.clickedButton() is restore


def build_unsaved_box(parent: QWidget | None, pane_titles: list[str]) -> tuple[QMessageBox, Any]:
    """The question asked before closing with results that were not saved, and its Quit button."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setObjectName("unsavedQuestion")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("AutosaveController", "Unsaved results"))
    box.setText(translate("AutosaveController", "There are results that have not been saved. Quit anyway?"))
    if pane_titles:
        box.setInformativeText(
            translate("AutosaveController", "Not saved: {panes}").format(
                panes=translate("AutosaveController", ", ").join(pane_titles)))
    quit_button = box.addButton(
        translate("AutosaveController", "Quit without saving"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(translate("AutosaveController", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, quit_button


def ask_to_quit_unsaved(parent: QWidget | None, pane_titles: list[str]) -> bool:
    """Ask whether to quit although results are not saved; True for Quit without saving."""
    box, quit_button = build_unsaved_box(parent, pane_titles)
    box.exec()
    return box.clickedButton() is quit_button


# ---------------------------------------------------------------------- the controller
class AutosaveController(QObject):
    """Autosaves ``panes`` ({key: pane widget}) into ``store``; recovery at start, clean end at exit.

    ``titles`` gives each pane's name for the questions (the key when missing).
    """

    restored = Signal(list)  # the keys of the panes whose text was put back

    def __init__(self, store: AutosaveStore, panes: dict[str, QWidget], parent: QObject | None = None,
                 *, titles: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.panes = dict(panes)
        self.titles = dict(titles or {})
        self._last_saved: dict[str, str] = {}
        self._exported: dict[str, str] = {}
        self._new_results: set[str] = set()
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.timer.timeout.connect(self.save_changes)

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def title(self, key: str) -> str:
        return self.titles.get(key, key)

    # ------------------------------------------------------------------ start and end
    def start(self, dialog_parent: QWidget | None = None) -> list[str]:
        """Offer back the last session's text if it crashed, begin a session, start autosaving.

        Returns the keys of the panes that were restored (empty if none or declined).
        """
        restored: list[str] = []
        found = self.recoverable() if self.store.previous_session_crashed() else {}
        if found:
            titles = [self.title(key) for key in self.panes if key in found]
            if ask_to_restore(dialog_parent, titles):
                restored = self.restore(found)
            else:
                self.store.discard_all()
        else:
            self.store.discard_all()  # left from a session that ended cleanly: nothing to offer
        self.store.begin_session()
        self._last_saved = {}
        self.timer.start()
        if restored:
            self.restored.emit(restored)
        return restored

    def recoverable(self) -> dict[str, dict[str, Any]]:
        """The autosaved states of known panes that hold some text."""
        found: dict[str, dict[str, Any]] = {}
        for key, text in self.store.recoverable().items():
            if key not in self.panes:
                continue
            try:
                state = json.loads(text)
            except ValueError:
                log.warning("autosaved state of %s is not readable; skipped", key)
                continue
            if isinstance(state, dict) and has_content(state):
                found[key] = state
        return found

    def restore(self, states: dict[str, dict[str, Any]]) -> list[str]:
        """Put ``states`` back into their panes; returns the keys restored."""
        restored = []
        for key, state in states.items():
            pane = self.panes.get(key)
            if pane is None:
                continue
            try:
                restore_pane(pane, state)
            except Exception:  # one pane's problem must not cost the others their text
                log.exception("could not restore the autosaved text of %s", key)
                continue
            restored.append(key)
        return restored

    def finish(self) -> None:
        """A clean exit: stop autosaving and remove the session and its copies."""
        self.timer.stop()
        self.store.end_session()

    # ------------------------------------------------------------------ saving
    @Slot()
    def save_changes(self) -> list[str]:
        """Write every pane whose state changed since the last write; returns their keys."""
        written = []
        for key, pane in self.panes.items():
            try:
                state = pane_state(pane)
                text = json.dumps(state, ensure_ascii=False, sort_keys=True)
            except Exception:
                log.exception("could not read the state of %s for autosave", key)
                continue
            if text == self._last_saved.get(key):
                continue
            try:
                if has_content(state):
                    self.store.save(key, text)
                else:
                    self.store.discard(key)
            except OSError as exc:  # retried at the next tick; logged once per failing spell
                if not self._failing:
                    log.warning("autosave failed: %s", exc)
                self._failing = True
                continue
            self._failing = False
            self._last_saved[key] = text
            written.append(key)
        return written

    # ------------------------------------------------------------------ unsaved results
    @Slot(str)
    def note_result(self, key: str) -> None:
        """A run of the pane ``key`` just produced a result (for panes that do not track it themselves)."""
        if key in self.panes:
            self._new_results.add(key)

    def mark_exported(self, key: str) -> None:
        """The pane's results were just saved to a file (a pane that tracks it itself is told: ``mark_exported()``)."""
        pane = self.panes.get(key)
        if isinstance(pane, MarksExported):
            pane.mark_exported()
        if pane is not None:
            self._exported[key] = output_text(pane)
            self._new_results.discard(key)

    def has_unsaved_output(self, key: str) -> bool:
        """Whether the pane holds results not saved since they were made.

        Uses the pane's own ``has_unsaved_output()`` when it has one; otherwise a
        result noted since the last export (``note_result``), or a non-empty
        read-only text view whose text differs from the last export.
        """
        pane = self.panes.get(key)
        if pane is None:
            return False
        if isinstance(pane, TracksOutput):
            return bool(pane.has_unsaved_output())
        if key in self._new_results:
            return True
        text = output_text(pane)
        return bool(text.strip()) and text != self._exported.get(key)

    def unsaved_panes(self) -> list[str]:
        return [key for key in self.panes if self.has_unsaved_output(key)]

    def confirm_close(self, dialog_parent: QWidget | None = None) -> bool:
        """True when closing may go ahead: nothing unsaved, or the user chose to quit without saving."""
        unsaved = self.unsaved_panes()
        if not unsaved:
            return True
        return ask_to_quit_unsaved(dialog_parent, [self.title(key) for key in unsaved])
