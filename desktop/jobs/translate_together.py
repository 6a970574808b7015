"""Translating the wanted segments together (``model.stream_chat_many``): the default for several segments.

The first attempt at every segment goes into one batch: a segment with inline
marks is sent whole with the marks explained (as the one-by-one path does), a
plain one in pieces where it is long. Deltas carry the segment's block index;
sections come in the order segments finish. A marked segment whose reply has
damaged marks, or that is too long to send whole, is then translated piece by
piece around its own marks, one request at a time, exactly as the one-by-one
path does. A segment that does not fit the context fails alone (its section
has empty text and ``meta["error"]``) and the others go on.

Context is the neighbours' source text, and the previous segment's
translation only where the user already has one: the fresh one is not made
yet (``parallel`` 1 gives each segment its predecessor's fresh translation).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop.contracts import ChatModel, ChatRequest, JobError
from desktop.documents.segments import Segment, join_pieces, split_long
from desktop.engine.protocol import Delta, Message, Progress, TranslateStats
from desktop.glossary import select_terms
from desktop.jobs import translate as one_by_one
from desktop.jobs.translate_marks import CUT_SHORT, FLAG_MARKS, FLAG_TRUNCATED, judge_reply, mark_rules
from desktop.languages import is_cjk


@dataclass
class _Pending:
    """One wanted segment in the batch: its source pieces, their replies so far, and how it ends."""

    segment: Segment
    marked: bool
    pieces: list[str]
    texts: list[str] = field(default_factory=list)
    ended: list[bool] = field(default_factory=list)
    shown: int = 0             # pieces already streamed whole
    truncated: bool = False
    flags: list[str] = field(default_factory=list)


def run_together(model: ChatModel, plan: one_by_one.Plan, parallel: int) -> Iterator[Message]:
    """Translate ``plan.wanted`` with one ``stream_chat_many``; returns the job's stats."""
    total = len(plan.wanted)
    limit = one_by_one._piece_limit(model)
    pending: dict[int, _Pending] = {}
    owners: list[tuple[int, int]] = []        # request -> (position in plan.wanted, piece number)
    requests: list[ChatRequest] = []
    deferred: dict[int, list[str]] = {}       # marked segments to translate piece by piece afterwards: flags so far
    failed: dict[int, JobError] = {}
    flagged: set[int] = set()
    finished = 0
    yield Progress(done=0, total=total, label=one_by_one.PROGRESS_LABEL)

    def done(section) -> Iterator[Message]:
        nonlocal finished
        finished += 1
        if section.meta.get("flags") or section.meta.get("missing_terms"):
            flagged.add(section.index)
        yield section
        yield Progress(done=finished, total=total, label=one_by_one.PROGRESS_LABEL)

    for position, segment in enumerate(plan.wanted):
        marked = segment.carries_marks
        source = segment.words if marked else segment.plain_words
        if one_by_one.passes_through(segment):
            yield from done(one_by_one.section_for(plan, segment, segment.text, []))
            continue
        if marked and model.count_tokens(source) > limit:
            deferred[position] = [FLAG_MARKS]
            continue
        pieces = [source] if marked else split_long(source, limit, model.count_tokens)
        try:
            built = _requests_for(model, plan, segment, pieces, mark_rules(source) if marked else "")
        except JobError as exc:
            failed[position] = exc
            yield from done(one_by_one.section_for(plan, segment, "", [], error=exc))
            continue
        pending[position] = _Pending(segment, marked, pieces, [""] * len(pieces), [False] * len(pieces))
        owners += [(position, number) for number in range(len(pieces))]
        requests += built

    for piece in model.stream_chat_many(requests, parallel=parallel) if requests else ():
        position, number = owners[piece.index]
        state = pending.get(position)
        if state is None:
            continue
        if not piece.finish_reason:
            state.texts[number] += piece.text
            if number == state.shown:
                yield Delta(text=piece.text, part=state.segment.index)
            continue
        if piece.error is not None:
            del pending[position]
            failed[position] = piece.error
            yield from done(one_by_one.section_for(plan, state.segment, "", [], error=piece.error))
            continue
        state.ended[number] = True
        state.truncated |= piece.finish_reason in CUT_SHORT
        yield from _stream_finished_pieces(state, plan.target)
        if all(state.ended):
            del pending[position]
            translation = _verdict(state, plan.target)
            if translation is None:
                deferred[position] = [f for f in state.flags if f != FLAG_TRUNCATED]
            else:
                yield from done(one_by_one.section_for(plan, state.segment, translation, state.flags))

    for position, earlier in sorted(deferred.items()):
        segment = plan.wanted[position]
        terms = select_terms(plan.terms, segment.text)
        try:
            translation, truncated = yield from one_by_one._translate_pieces(model, plan, segment, terms)
        except JobError as exc:
            failed[position] = exc
            yield from done(one_by_one.section_for(plan, segment, "", [], error=exc))
            continue
        flags = earlier + ([FLAG_TRUNCATED] if truncated else [])
        yield from done(one_by_one.section_for(plan, segment, translation, flags))

    stats: TranslateStats = {"segments": total, "flagged": len(flagged), "source_language": plan.source,
                             "target_language": plan.target}
    if failed:
        stats["failed_segments"] = sorted(plan.wanted[position].index for position in failed)
    return stats


def _requests_for(model: ChatModel, plan: one_by_one.Plan, segment: Segment, pieces: list[str],
                  rules: str) -> list[ChatRequest]:
    """One request per piece; raises ``JobError`` when a piece cannot fit the context."""
    previous, following = one_by_one._neighbours(plan, segment)
    terms = select_terms(plan.terms, segment.text)
    built: list[ChatRequest] = []
    for number, piece in enumerate(pieces):
        context = one_by_one._context_text(plan, previous, following) if number == 0 else \
            one_by_one._context_text(plan, None, None, earlier=(pieces[number - 1], ""))
        messages = one_by_one.build_messages(plan, piece, segment.kind, terms, context, rules)
        messages, max_tokens = one_by_one._fit(model, plan, piece, segment.kind, terms, messages, rules)
        built.append(ChatRequest(messages, max_tokens=max_tokens, temperature=plan.temperature,
                                     seed=plan.seed))
    return built


def _stream_finished_pieces(state: _Pending, target: str) -> Iterator[Message]:
    """Stream, in order, the pieces after the shown one whose requests have ended."""
    while state.shown < len(state.ended) and state.ended[state.shown]:
        state.shown += 1
        if state.shown < len(state.texts):
            spacer = "" if is_cjk(target) else " "
            yield Delta(text=spacer + state.texts[state.shown], part=state.segment.index)


def _verdict(state: _Pending, target: str) -> str | None:
    """The segment's translation, or None when its marks came back damaged (then ``state.flags`` says so)."""
    cleaned = [one_by_one.clean_translation(text, piece) for text, piece in zip(state.texts, state.pieces)]
    if state.marked:
        verdict = judge_reply(state.segment.words, cleaned[0])
    else:
        verdict = judge_reply(state.segment.plain_words, join_pieces(cleaned, target), marked=False)
        verdict.translation = state.segment.in_block_form(verdict.translation)
    state.flags = verdict.flags + ([FLAG_TRUNCATED] if state.truncated else [])
    return verdict.translation
