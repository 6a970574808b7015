"""What the main window, autosave and the history ask of a pane: typed, instead of probed by name.

A pane is a QWidget built as ``Pane(context, parent)`` (see ``PANES``). Each
ability below is optional; a pane offers one by having its methods, and the
window asks with ``isinstance(pane, Ability)`` (runtime-checkable protocols).
A new pane should offer all of them (the existing panes do).

- ``OpensFiles``: File › Open (Ctrl+O) and dropped files; ``open_file(path)``
  with no path asks with a dialog. True when a document was taken.
- ``SavesFiles``: File › Save (Ctrl+S); ``save_file(path)`` with no path asks.
  True when written.
- ``Autosaves``: ``autosave_state()`` is plain JSON ({} when there is nothing
  to keep); ``restore_autosave_state(state)`` puts it back after a crash.
- ``TracksOutput``: ``has_unsaved_output()`` says whether closing should ask
  (without it, autosave compares the pane's read-only text with the last export);
- ``MarksExported``: ``mark_exported()`` is told that the output as it is now
  is kept elsewhere (saved to a file).
- ``Reopens``: ``reopen_run(run)`` puts a ``desktop.history.Run`` of this pane
  back on screen; False (or nothing done) while it is busy.
- ``KeepsEdits``: ``note_recorded(request_id, run_id)`` is told that the run
  of ``request_id`` is in the history as ``run_id``, so the pane can write the
  user's later edits of that result back to it (``HistoryStore.update_output``).
- ``RequestsModels``: the signal ``models_requested`` asks the window to show
  the model page.
- ``FeedsComparison``: ``comparison_job()`` gives the job on screen for 比較 as
  (kind, inputs) in ``ComparePane.set_job``'s terms, or None when there is none.
- ``TakesResult``: ``take_result(run)`` puts a result chosen in 比較 (a
  ``Run`` of this pane's job, not yet stored: ``chosen_result.chosen_run``) on
  screen as this pane's output with its inputs, stores it in the history and
  follows its edits, like a result the pane made. Never over output that is
  not kept elsewhere without keeping it (an earlier version) or asking. False
  when the pane did not take it (busy, or the user kept its own result).
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from desktop.history import Run


@runtime_checkable
class OpensFiles(Protocol):
    def open_file(self, path: str | None = None) -> bool: ...


@runtime_checkable
class SavesFiles(Protocol):
    def save_file(self, path: str | None = None) -> bool: ...


@runtime_checkable
class Autosaves(Protocol):
    def autosave_state(self) -> dict[str, Any]: ...

    def restore_autosave_state(self, state: dict[str, Any]) -> None: ...


@runtime_checkable
class TracksOutput(Protocol):
    def has_unsaved_output(self) -> bool: ...


@runtime_checkable
class MarksExported(Protocol):
    def mark_exported(self) -> None: ...


@runtime_checkable
class Reopens(Protocol):
    def reopen_run(self, run: Run) -> bool: ...


@runtime_checkable
class KeepsEdits(Protocol):
    def note_recorded(self, request_id: str, run_id: int) -> None: ...


@runtime_checkable
class RequestsModels(Protocol):
    models_requested: Any  # a Qt Signal() with no arguments


@runtime_checkable
class FeedsComparison(Protocol):
    def comparison_job(self) -> tuple[str, dict[str, Any]] | None: ...


@runtime_checkable
class TakesResult(Protocol):
    def take_result(self, run: Run) -> bool: ...


class Pane(OpensFiles, SavesFiles, Autosaves, TracksOutput, MarksExported, Reopens, RequestsModels, Protocol):
    """Everything a full pane offers (draft, summarize, translate, and the panes to come)."""
