"""比較 and the other panes: inputs from the pane the user came from, a chosen result back to its pane.

The window tells the link which page is shown. When 比較 is shown it learns
which panes offer ``FeedsComparison`` for which job: 「『翻訳』の入力を使う」
follows the job chosen in 比較 and fills the comparison from that job's pane. A result chosen in 比較 (a ``desktop.history.Run``)
goes to the pane of its job if that pane offers ``TakesResult`` — a free
prompt's result to the draft pane, where it becomes the newest version of the
draft — and the window shows that pane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from desktop.ui.panes import pane_title
from desktop.ui.panes.protocol import FeedsComparison, TakesResult

COMPARE = "compare"
#: a compared job -> the pane whose inputs it can take
PANE_FOR_JOB = {"draft": "draft", "summarize": "summarize", "translate": "translate"}
#: the chosen run's pane (its engine job) -> the pane that continues with it
PANE_FOR_RUN = {"draft": "draft", "summarize": "summarize", "translate": "translate", "generate": "draft"}


class ComparisonLink(QObject):
    """Connects the 比較 pane (if registered) with the other panes of one window."""

    def __init__(self, pages: dict[str, QWidget], show_page: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pages = pages
        self._show_page = show_page
        self._compare = pages.get(COMPARE)
        if self._compare is not None:
            self._compare.inputs_requested.connect(self._feed)
            self._compare.result_chosen.connect(self._take_result)

    def page_shown(self, key: str) -> None:
        """The window now shows ``key``; on 比較, tell it which job's inputs which pane gives."""
        if key == COMPARE and self._compare is not None:
            self._compare.set_input_sources({kind: pane_title(pane_key) for kind, pane_key in PANE_FOR_JOB.items()
                                             if isinstance(self._pages.get(pane_key), FeedsComparison)})

    @Slot(str)
    def _feed(self, kind: str) -> None:
        key = PANE_FOR_JOB.get(kind, "")
        pane = self._pages.get(key)
        job = pane.comparison_job() if isinstance(pane, FeedsComparison) else None
        if self._compare is None:
            return
        if job is None or job[0] != kind:
            self._compare.note_no_inputs(pane_title(key))
            return
        self._compare.set_job(job[0], **job[1])

    @Slot(object)
    def _take_result(self, run: Any) -> None:
        key = PANE_FOR_RUN.get(getattr(run, "pane", ""), "")
        pane = self._pages.get(key)
        if not isinstance(pane, TakesResult) or self._compare is None:
            return
        taken = pane.take_result(run)
        if taken:
            self._show_page(key)
        self._compare.note_handoff(run.model, pane_title(key), taken)
