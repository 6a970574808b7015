"""The summarize job: a document of any length, summarized whole, with the way back to the source.

If the document fits the model's context with room for the answer, it is
summarized in one pass. Otherwise it is split at structure boundaries
(``desktop.documents.parts``), each part is summarized once (the map step: a ``section`` event
per part, carrying where it came from), and the partial summaries, each
labelled with its source, are combined into the final summary (the reduce
step). When they do not fit one prompt together, they are combined in rounds,
the independent groups of a round decoded together as the parts are.
The final pass is streamed as ``delta`` events and cites its sources.

Budgets come from the model's context: ``n_ctx`` minus the prompt's own
tokens (measured on the real chat format) minus the answer, minus a margin
(``budget_for``; the arithmetic and the plan are ``desktop.documents.summary_plan``,
which the summarize pane's preview uses with the same budgets, asked of the
engine in a ``count_tokens`` request).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from desktop.documents.model import Document
from desktop.documents.pasted import document_from_pasted_text
from desktop.engine.protocol import (
    BAD_INPUT, CONTEXT_OVERFLOW, Delta, Message, Progress, Section, SectionMeta, SummarizeStats,
)
from desktop.jobs import prompts_summarize as prompts
from desktop.contracts import ChatMessage, ChatModel, ChatRequest, JobError
from desktop.documents.parts import Part
from desktop.documents.summary_plan import PromptOverheads, SummaryBudget, plan_summary_steps, summary_budget
from desktop.documents.token_steps import run_counting
from desktop.jobs.citations import CitationChecker, SourceIndex, refs_by_label
from desktop.languages import summary_language
from desktop.jobs.defaults import SUMMARIZE_TEMPERATURE as DEFAULT_TEMPERATURE
from desktop.messages import message

#: Default answer length (tokens) for each length option.
ANSWER_TOKENS = {"short": 256, "medium": 512, "long": 1024}

# Progress labels: codes of the catalogue (desktop/messages/summarize.py); the CLI prints
# their text with "done/total", the pane shows its own words for them.
PART_LABEL = "summarize.part"
COMBINE_LABEL = "summarize.combine"
SUMMARY_LABEL = "summarize.summary"


@dataclass(frozen=True)
class Plan:
    """How a document will be summarized: one pass, or these parts and these budgets."""

    lang: str
    compact: bool
    source_tokens: int
    answer_tokens: int
    one_pass: bool
    parts: list[Part]
    partial_tokens: int = 0
    combine_budget: int = 0


def document_from_inputs(inputs: dict[str, Any]) -> Document:
    """The document to summarize: ``inputs["document"]`` (a ``Document.to_dict()``) or ``inputs["text"]``.

    Pasted text becomes one paragraph per line, so its text is kept exactly.
    Raises ``JobError(BAD_INPUT)`` when there is nothing to summarize.
    """
    if isinstance(inputs.get("document"), dict):
        try:
            document = Document.from_dict(inputs["document"])
        except (TypeError, ValueError) as exc:
            raise JobError(BAD_INPUT, message("summarize.bad_document", detail=exc)) from exc
    else:
        document = document_from_pasted_text(str(inputs.get("text", "")))
    if not document.text().strip():
        raise JobError(BAD_INPUT, message("summarize.nothing"))
    return document


def request_from_options(options: dict[str, Any], document: Document | None) -> prompts.SummaryRequest:
    """Validate the user's options; ``output_language`` "auto" writes in the document's language.

    Without a document (a budget asked for before the document is sent) "auto"
    is refused: the caller decides the language (``desktop.languages.summary_language``).
    """
    length = str(options.get("length", "medium"))
    style = str(options.get("style", "bullets")).replace("-", "_")
    if length not in prompts.LENGTHS:
        raise JobError(BAD_INPUT, message("summarize.bad_length", value=length))
    if style not in prompts.STYLES:
        raise JobError(BAD_INPUT, message("summarize.bad_style", value=style))
    lang = str(options.get("output_language", "auto") or "auto")
    if lang == "auto" and document is not None:
        lang = summary_language(document.text())
    if lang not in ("ja", "en"):
        raise JobError(BAD_INPUT, message("summarize.bad_language", value=lang))
    return prompts.SummaryRequest(length=length, style=style, focus=str(options.get("focus", "") or ""), lang=lang)


def requested_answer_tokens(options: dict[str, Any], request: prompts.SummaryRequest) -> int:
    """The final answer's limit the user asked for: ``max_tokens``, or the length option's default."""
    return int(options.get("max_tokens") or ANSWER_TOKENS[request.length])


def budget_for(model: ChatModel, request: prompts.SummaryRequest, requested_answer_tokens: int) -> SummaryBudget:
    """The summary's budgets at the model's context: its prompts (full, then compact) measured on the real chat format."""
    def overhead(messages: list[ChatMessage]) -> int:
        return model.count_chat_tokens(messages)

    overheads = [PromptOverheads(
        compact=compact,
        one_pass=overhead(prompts.one_pass_messages("", request, compact=compact)),
        part=overhead(prompts.part_messages("", request, compact=compact)),
        combine=max(overhead(prompts.combine_messages([], request, final=final, compact=compact))
                    for final in (True, False)),
    ) for compact in (False, True)]
    return summary_budget(model.n_ctx, requested_answer_tokens, overheads)


def budget_for_options(model: ChatModel, options: dict[str, Any]) -> SummaryBudget:
    """``budget_for`` the summarize options a job would get (``output_language`` must be "ja" or "en").

    Answers the ``summary`` of a ``count_tokens`` request; raises ``JobError(BAD_INPUT)`` for bad options.
    """
    request = request_from_options(options, None)
    return budget_for(model, request, requested_answer_tokens(options, request))


def make_plan(model: ChatModel, document: Document, request: prompts.SummaryRequest,
              requested_answer_tokens: int, count=None) -> Plan:
    """Decide between one pass and map/reduce, and split the document if needed.

    ``count`` is the token counter to use (a cached ``model.count_tokens``).
    Raises ``JobError(CONTEXT_OVERFLOW)`` when the context is too small to
    hold even a compact prompt and a little text.
    """
    budget = budget_for(model, request, requested_answer_tokens)
    planned = run_counting(plan_summary_steps(document, budget), count or model.count_tokens)
    if planned is None:
        raise JobError(CONTEXT_OVERFLOW, message("summarize.context_too_small", n_ctx=model.n_ctx))
    return Plan(request.lang, planned.prompt.compact, planned.source_tokens, budget.answer_tokens, planned.one_pass,
                planned.parts, partial_tokens=planned.prompt.partial_tokens,
                combine_budget=planned.prompt.combine_budget)


def _generate(model: ChatModel, messages: list[ChatMessage], max_tokens: int, options: dict[str, Any]) -> Iterator[str]:
    """The reply to ``messages``, piece by piece, with the answer limit cut to what the context leaves."""
    room = model.n_ctx - model.count_chat_tokens(messages)
    yield from model.stream_chat(
        messages,
        max_tokens=max(1, min(max_tokens, room)),
        temperature=float(options.get("temperature", DEFAULT_TEMPERATURE)),
        seed=options.get("seed"),
    )


def _request(model: ChatModel, messages: list[ChatMessage], max_tokens: int, options: dict[str, Any]) -> ChatRequest:
    """``messages`` as a request for ``stream_chat_many``, the answer limit cut as in ``_generate``."""
    room = model.n_ctx - model.count_chat_tokens(messages)
    return ChatRequest(messages, max_tokens=max(1, min(max_tokens, room)),
                       temperature=float(options.get("temperature", DEFAULT_TEMPERATURE)), seed=options.get("seed"))


def _map_parts(model: ChatModel, plan: Plan, request: prompts.SummaryRequest,
               options: dict[str, Any]) -> Iterator[Message]:
    """The map step: every part summarized once, several at a time (``options["parallel"]``).

    Streams each part's text as ``Delta`` events carrying the part's index and ends
    each part with its ``Section`` (parts may finish in any order). A part whose
    prompt does not fit the context gets a ``Section`` with empty text and
    ``meta["error"]`` (code and message) while the others go on. Returns the
    partial summaries in document order (None for a failed part).
    """
    total = len(plan.parts)
    requests = [_request(model, prompts.part_messages(part.text, request, compact=plan.compact),
                         plan.partial_tokens, options) for part in plan.parts]
    texts: list[str | None] = [""] * total
    done = 0
    for piece in model.stream_chat_many(requests, parallel=int(options.get("parallel") or 0)):
        part = plan.parts[piece.index]
        if not piece.finish_reason:
            texts[piece.index] += piece.text
            yield Delta(text=piece.text, part=part.index)
            continue
        meta = cast(SectionMeta, part.meta(plan.lang))
        if piece.error is not None:
            texts[piece.index] = None
            meta["error"] = {"code": piece.error.code, "message": piece.error.message}
        else:
            texts[piece.index] = texts[piece.index].strip()
        yield Section(index=part.index, text=texts[piece.index] or "", meta=dict(meta))
        done += 1
        yield Progress(done=done, total=total, label=PART_LABEL)
    return texts


def _combine_round(model: ChatModel, groups: list[list[str]], plan: Plan, request: prompts.SummaryRequest,
                   options: dict[str, Any]) -> Iterator[Message]:
    """One reduce round: every group of two or more items combined, several groups at a time
    (``options["parallel"]``, as in the map step).

    Yields ``Progress`` ("summarize.combine" done/total over the round's groups, counting
    groups finished; a group of one item is passed on as it is and counts at once). Returns
    the combined texts in group order (None for a group passed on). A combine prompt too
    long for the context fails the job (``JobError``), as it does one group at a time.
    """
    total = len(groups)
    to_combine = [number for number, group in enumerate(groups) if len(group) > 1]
    requests = [_request(model, prompts.combine_messages(groups[number], request, final=False,
                                                         compact=plan.compact),
                         plan.partial_tokens * 2, options) for number in to_combine]
    merged: list[str | None] = [None] * total
    yield Progress(done=0, total=total, label=COMBINE_LABEL)
    done = total - len(to_combine)
    if done:
        yield Progress(done=done, total=total, label=COMBINE_LABEL)
    for piece in model.stream_chat_many(requests, parallel=int(options.get("parallel") or 0)):
        number = to_combine[piece.index]
        if piece.error is not None:
            raise JobError(piece.error.code, piece.error.message)
        if not piece.finish_reason:
            merged[number] = (merged[number] or "") + piece.text
            continue
        merged[number] = (merged[number] or "").strip()
        done += 1
        yield Progress(done=done, total=total, label=COMBINE_LABEL)
    return merged


def fit_tokens(text: str, limit: int, count) -> str:
    """``text`` cut (at the end) to at most ``limit`` tokens; unchanged when it fits."""
    if count(text) <= limit:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if count(text[:middle] + "…") <= limit:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


def group_items(items: list[str], budget: int, count) -> list[list[str]]:
    """Consecutive items grouped so that each group's items add up to at most ``budget`` tokens.

    Items should be at most half the budget each (``fit_tokens``), so that every
    group but the last holds two or more and each round shrinks the list.
    """
    groups: list[list[str]] = []
    current: list[str] = []
    used = 0
    for item in items:
        tokens = count(item) + 2  # the blank line between items
        if current and used + tokens > budget:
            groups.append(current)
            current, used = [], 0
        current.append(item)
        used += tokens
    if current:
        groups.append(current)
    return groups


def _span_label(labels: list[str]) -> str:
    """The source label of a combined summary: from where its first source starts to where its last ends."""
    first, last = labels[0].split(" 〜 ")[0], labels[-1].split(" 〜 ")[-1]
    return first if first == last else f"{first} 〜 {last}"


def run(model: ChatModel, inputs: dict[str, Any], options: dict[str, Any]) -> Iterator[Message]:
    """inputs: ``document`` (``Document.to_dict()``) or ``text``.

    options: ``length`` (short/medium/long), ``style`` (bullets/prose/three_lines),
    ``focus`` (free text), ``output_language`` (auto/ja/en), ``max_tokens`` (the
    final answer's limit), ``temperature``, ``seed``.

    ``parallel``: parts summarized at once in the map step, and groups combined at once
    in each reduce round (0 automatic, 1 one by one).

    Events: ``progress`` ("summarize.part" i/N during the map step, counting parts
    finished, "summarize.combine" j/M per round, counting groups finished,
    "summarize.summary" for the final pass); during the map step ``delta`` events carrying the ``part`` and one
    ``section`` per partial summary, in the order parts finish (meta: source,
    part, blocks, start, end, heading_path, pages; ``error`` for a part that
    failed alone); ``delta`` without a part for the final summary, its source
    pointers checked (``_final``). Returns stats: parts, rounds, source_tokens,
    one_pass, output_language, citations, invalid_citations, and ``failed_parts``
    when a part failed alone.
    """
    document = document_from_inputs(inputs)
    request = request_from_options(options, document)
    count = functools.lru_cache(maxsize=None)(model.count_tokens)
    plan = make_plan(model, document, request, requested_answer_tokens(options, request), count)
    stats: SummarizeStats = {"parts": 1 if plan.one_pass else len(plan.parts), "rounds": 0,
                             "source_tokens": plan.source_tokens, "one_pass": plan.one_pass,
                             "output_language": plan.lang}

    index = SourceIndex(document)
    if plan.one_pass:
        yield Progress(done=0, total=1, label=SUMMARY_LABEL)
        messages = prompts.one_pass_messages(document.text(), request, compact=plan.compact)
        yield from _final(model, messages, plan, options, index, stats)
        yield Progress(done=1, total=1, label=SUMMARY_LABEL)
        return stats

    # Map: every part read exactly once.
    total = len(plan.parts)
    yield Progress(done=0, total=total, label=PART_LABEL)
    items: list[str] = []
    labels: list[str] = []
    spans: list[tuple[int, int]] = []
    item_limit = plan.combine_budget // 2 - 2
    summaries = yield from _map_parts(model, plan, request, options)
    failed = [part.index for part, summary in zip(plan.parts, summaries) if summary is None]
    if failed:
        stats["failed_parts"] = failed
    for part, summary in zip(plan.parts, summaries):
        if summary is None:
            continue
        source = part.meta(plan.lang)["source"]
        items.append(fit_tokens(prompts.cited_item(source, summary, plan.lang), item_limit, count))
        labels.append(source)
        spans.append((part.first_block, part.last_block))
        index.add_label(source, part.first_block, part.last_block)
    if not items:
        raise JobError(CONTEXT_OVERFLOW, message("summarize.context_too_small", n_ctx=model.n_ctx))

    # Reduce: combine in rounds until one prompt holds them all, then write the final summary.
    while True:
        stats["rounds"] += 1
        groups = group_items(items, plan.combine_budget, count)
        if len(groups) == 1:
            break
        merged = yield from _combine_round(model, groups, plan, request, options)
        next_items: list[str] = []
        next_labels: list[str] = []
        next_spans: list[tuple[int, int]] = []
        position = 0
        for group, text in zip(groups, merged):
            group_labels = labels[position:position + len(group)]
            group_spans = spans[position:position + len(group)]
            position += len(group)
            next_labels.append(_span_label(group_labels))
            next_spans.append((group_spans[0][0], group_spans[-1][1]))
            if text is None:
                next_items.append(group[0])
            else:
                next_items.append(fit_tokens(prompts.cited_item(next_labels[-1], text, plan.lang), item_limit, count))
            index.add_label(next_labels[-1], *next_spans[-1])
        items, labels, spans = next_items, next_labels, next_spans

    yield Progress(done=0, total=1, label=SUMMARY_LABEL)
    messages = prompts.combine_messages(items, request, final=True, compact=plan.compact)
    yield from _final(model, messages, plan, options, index, stats)
    yield Progress(done=1, total=1, label=SUMMARY_LABEL)
    return stats


def _final(model: ChatModel, messages: list[ChatMessage], plan: Plan, options: dict[str, Any],
           index: SourceIndex, stats: SummarizeStats) -> Iterator[Message]:
    """Stream the final summary with every source pointer checked against the document.

    Adds to ``stats``: ``citations`` (a ``SourceRef`` per label cited, that
    exists) and ``invalid_citations`` (labels that name nothing in the
    document; the text shows the catalogue's mark in their place).
    """
    checker = CitationChecker(index, plan.lang)
    for piece in _generate(model, messages, plan.answer_tokens, options):
        text = checker.feed(piece)
        if text:
            yield Delta(text=text)
    rest = checker.finish()
    if rest:
        yield Delta(text=rest)
    stats["citations"] = refs_by_label(checker.found)
    stats["invalid_citations"] = checker.invalid
