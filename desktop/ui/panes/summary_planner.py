"""The summary plan before running: how many tokens, one pass or how many parts, from token counts.

``SummaryPlanner`` asks the engine for what the plan needs and nothing more:
one ``count_tokens`` request with the document's block texts and the summary
options (answered with their counts and the summary's budgets at the loaded
context), then, only for blocks or sentences over a part's budget, further
requests with the texts the planner asks for. The plan itself is
``desktop.documents.summary_plan`` with the job's own budgets, so the preview
shows the parts the job will make. Every request is answered by signal: the UI
thread never waits for the engine.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.documents.model import Document
from desktop.documents.parts import block_texts
from desktop.documents.summary_plan import PartPlan, SummaryBudget, plan_summary_steps
from desktop.documents.token_steps import CountSteps, TokenCounts
from desktop.engine.client import EngineClient
from desktop.engine.protocol import CONTEXT_OVERFLOW, INTERNAL
from desktop.languages import summary_language
from desktop.messages import message


class SummaryPlanner(QObject):
    """Plans one document at a time; ``planned`` gives the same keys as the job's stats
    (``parts``, ``source_tokens``, ``one_pass``, ``output_language``), ``failed`` a code and a message."""

    planned = Signal(dict)
    failed = Signal(str, str)

    def __init__(self, engine: EngineClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._request_id = ""
        self._document: Document | None = None
        self._texts: list[str] = []
        self._lang = ""
        self._steps: CountSteps[PartPlan | None] | None = None
        self._n_ctx = 0
        engine.done.connect(self._on_done)
        engine.error.connect(self._on_error)

    @property
    def running(self) -> bool:
        return bool(self._request_id)

    def start(self, document: Document, options: dict[str, Any]) -> None:
        """Plan ``document`` for a summarize job with ``options`` (the job's own options).

        ``output_language`` "auto" is decided here, from the document, as the job decides it.
        """
        if self.running:
            raise RuntimeError("a plan is already being made")
        lang = str(options.get("output_language", "auto") or "auto")
        self._lang = summary_language(document.text()) if lang == "auto" else lang
        self._document = document
        self._texts = list(dict.fromkeys(text for text in block_texts(document) if text))
        self._steps = None
        self._request_id = self._engine.count_tokens(texts=self._texts,
                                                     summary={**options, "output_language": self._lang})

    def cancel(self) -> None:
        """Forget the plan being made; its answers are ignored."""
        if self._request_id:
            self._engine.cancel(self._request_id)
        self._end()

    def _end(self) -> None:
        self._request_id = ""
        self._steps = None
        self._document = None

    @Slot(str, dict)
    def _on_done(self, request_id: str, stats: dict) -> None:
        if not request_id or request_id != self._request_id:
            return
        try:
            counts = [int(count) for count in stats["counts"]]
            if self._steps is None:
                budget = SummaryBudget.from_dict(stats["summary_budget"])
                self._n_ctx = budget.n_ctx
                self._steps = plan_summary_steps(self._document, budget, TokenCounts(dict(zip(self._texts, counts))))
                texts = next(self._steps)
            else:
                texts = self._steps.send(counts)
        except StopIteration as finished:
            self._finish(finished.value)
        except (KeyError, TypeError, ValueError):
            self._end()
            self.failed.emit(INTERNAL, message(INTERNAL))
        else:
            self._request_id = self._engine.count_tokens(texts=texts)

    def _finish(self, plan: PartPlan | None) -> None:
        self._end()
        if plan is None:
            self.failed.emit(CONTEXT_OVERFLOW, message("summarize.context_too_small", n_ctx=self._n_ctx))
            return
        self.planned.emit({"parts": plan.part_count, "source_tokens": plan.source_tokens,
                           "one_pass": plan.one_pass, "output_language": self._lang})

    @Slot(str, str, str)
    def _on_error(self, request_id: str, code: str, text: str) -> None:
        if request_id and request_id == self._request_id:
            self._end()
            self.failed.emit(code, text)
