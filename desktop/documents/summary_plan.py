"""How a document will be summarized: in one pass, or in which parts. Numbers in, a plan out.

The summarize job and the summarize pane's preview plan with this module, so
the preview shows the parts the job will make. Neither holds the other's
tools: the budgets come from ``summary_budget`` (the context size and the
prompts' own token counts, measured by the job's prompts on the loaded model:
``desktop.jobs.summarize.budget_for``), and the document's token counts are
asked for in steps (``desktop.documents.token_steps``).

Budgets (all in tokens of the loaded model): the answer is at most a third of
``n_ctx``; a margin of ``8 + n_ctx / 32`` is kept free, because counts of
pieces summed are close to, not exactly, the count of the whole. For each
prompt set (full, then compact):

- one pass: ``n_ctx`` minus the one-pass prompt, the answer and the margin;
- combine: ``n_ctx`` minus the larger combine prompt (final or not), the answer and the margin;
- a partial summary: the answer, but at most a quarter of the combine budget (at least 4);
- a part: ``n_ctx`` minus the part prompt, a partial summary and the margin.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .model import Document
from .parts import Part, document_tokens_steps, split_document_steps
from .token_steps import CountSteps, TokenCounts

#: Below this many tokens of room for the document per part, the compact prompts are used.
MIN_FULL_PROMPT_ROOM = 256
#: The least room for source text per part before the context is called too small.
MIN_PART_TOKENS = 24


@dataclass(frozen=True)
class PromptOverheads:
    """Tokens the prompts of one set take with an empty document (chat format included)."""

    compact: bool
    one_pass: int
    part: int
    combine: int  # the larger of the final and the intermediate combine prompt


@dataclass(frozen=True)
class PromptBudget:
    """Room, in tokens, left by one prompt set (full or compact) at the loaded context."""

    compact: bool
    one_pass_room: int
    part_budget: int
    partial_tokens: int
    combine_budget: int


@dataclass(frozen=True)
class SummaryBudget:
    """The budgets of a summary at one context: the full prompts first, then the compact ones."""

    n_ctx: int
    answer_tokens: int
    prompts: tuple[PromptBudget, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON (the ``summary_budget`` of a ``count_tokens`` answer)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummaryBudget:
        """The budget ``to_dict`` wrote; raises ValueError/TypeError/KeyError for anything else."""
        prompts = tuple(PromptBudget(compact=bool(p["compact"]), one_pass_room=int(p["one_pass_room"]),
                                     part_budget=int(p["part_budget"]), partial_tokens=int(p["partial_tokens"]),
                                     combine_budget=int(p["combine_budget"])) for p in data["prompts"])
        return cls(n_ctx=int(data["n_ctx"]), answer_tokens=int(data["answer_tokens"]), prompts=prompts)


def margin(n_ctx: int) -> int:
    """Room kept free at a context of ``n_ctx`` tokens (see the module docstring)."""
    return 8 + n_ctx // 32


def summary_budget(n_ctx: int, requested_answer_tokens: int, overheads: list[PromptOverheads]) -> SummaryBudget:
    """The budgets at ``n_ctx`` for an answer of ``requested_answer_tokens``, one per prompt set, in order."""
    free = margin(n_ctx)
    answer = max(8, min(requested_answer_tokens, n_ctx // 3))
    prompts = []
    for overhead in overheads:
        combine_budget = n_ctx - overhead.combine - answer - free
        partial = max(4, min(answer, combine_budget // 4))
        prompts.append(PromptBudget(
            compact=overhead.compact,
            one_pass_room=n_ctx - overhead.one_pass - answer - free,
            part_budget=n_ctx - overhead.part - partial - free,
            partial_tokens=partial,
            combine_budget=combine_budget,
        ))
    return SummaryBudget(n_ctx=n_ctx, answer_tokens=answer, prompts=tuple(prompts))


@dataclass(frozen=True)
class PartPlan:
    """One pass (``parts`` empty), or these parts; ``prompt`` is the budget of the prompt set chosen."""

    source_tokens: int
    one_pass: bool
    prompt: PromptBudget
    parts: list[Part] = field(default_factory=list)

    @property
    def part_count(self) -> int:
        """How many times the document is read: 1 for one pass."""
        return 1 if self.one_pass else len(self.parts)


def plan_summary_steps(document: Document, budget: SummaryBudget,
                       counts: TokenCounts | None = None) -> CountSteps[PartPlan | None]:
    """The plan for ``document`` within ``budget``, or None when the context is too small.

    One pass with the first prompt set whose one-pass room holds the whole
    document; otherwise parts with the first set that leaves a part room for at
    least ``MIN_FULL_PROMPT_ROOM`` tokens (or a third of ``n_ctx``; the compact
    set needs only ``MIN_PART_TOKENS``) and room to combine four partial
    summaries. ``counts`` may hold counts known already (e.g. of ``block_texts``).
    """
    counts = counts or TokenCounts()
    source_tokens = yield from document_tokens_steps(document, counts)
    for prompt in budget.prompts:
        if source_tokens <= prompt.one_pass_room:
            return PartPlan(source_tokens, True, prompt)
        if not prompt.compact and prompt.part_budget < min(MIN_FULL_PROMPT_ROOM, budget.n_ctx // 3):
            continue
        if prompt.part_budget < MIN_PART_TOKENS or prompt.combine_budget < 4 * prompt.partial_tokens:
            break
        parts = yield from split_document_steps(document, prompt.part_budget, counts)
        return PartPlan(source_tokens, False, prompt, parts)
    return None
