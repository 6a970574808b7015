"""The answer to a ``count_tokens`` request, shared by the engine's worker and the tests' stand-in engine."""

from __future__ import annotations

from typing import Any

from desktop.contracts import ChatModel, JobError
from desktop.engine.protocol import BAD_INPUT, CountStats
from desktop.messages import message


def count_stats(model: ChatModel, text: str, texts: list[str] | None = None,
                summary: dict[str, Any] | None = None) -> CountStats:
    """``tokens`` of ``text``; ``counts`` of each of ``texts`` when given; ``summary_budget`` when ``summary``
    (summarize options) is given: what ``desktop.jobs.summarize`` would plan with (``budget_for_options``).

    Raises ``JobError(BAD_INPUT)`` when ``texts`` is not a list or the summary options are bad.
    """
    stats: CountStats = {"tokens": model.count_tokens(str(text))}
    if texts is not None:
        if not isinstance(texts, list):
            raise JobError(BAD_INPUT, message(BAD_INPUT))
        stats["counts"] = [model.count_tokens(str(item)) for item in texts]
    if summary is not None:
        from desktop.jobs.summarize import budget_for_options

        if not isinstance(summary, dict):
            raise JobError(BAD_INPUT, message(BAD_INPUT))
        stats["summary_budget"] = budget_for_options(model, summary).to_dict()
    return stats
