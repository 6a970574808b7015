"""The translation job: a document in, one translated segment at a time out.

Each non-empty block of the document is a segment (``segments.py``). With
``parallel`` 1 segments are translated one by one, each with its neighbours as context (the previous
segment and its translation, the next segment), and with only the glossary
terms that occur in it. Every segment's text streams as ``Delta`` events and
ends with a ``Section`` event: ``index`` is the block's index in
``document.blocks`` and ``text`` the cleaned translation; ``meta`` has
``source`` (the original text), ``kind``, ``location``, ``missing_terms``
(glossary terms whose translation is absent from the output, as
``{"source", "target"}`` dicts), ``truncated`` (the length limit cut it) and
``flags`` (why a person should look: "marks", "empty", "truncated"; see
``translate_marks``).

A block with inline structure (``Block.marked``: formatting, links, fields,
tabs, breaks as marks) is translated as marked text, and its ``Section.text``
is the marked translation that ``writers.write_translated_docx`` maps back
onto the runs; a reply whose marks are damaged is replaced by a piece-by-piece
translation around the source's own marks. A block with marks but no words
(a line that is only a merge field) is not sent to the model and comes back
as its source text. With several segments and ``parallel`` other than 1 (the
default), ``translate_together`` sends them to the model together; what each
segment's prompt is and how its reply is judged stay the same.

inputs:
  ``document``: ``Document.to_dict()``;
  ``glossary``: ``[[source, target(, note)], ...]`` (optional);
  ``translations``: translations the user already has, as ``{block index: text}``
  (optional; used as context when re-translating single segments).
options:
  ``source``: "auto" or a language code; ``target``: a language code;
  ``register``: "desu_masu" or "de_aru" (Japanese output);
  ``max_tokens`` (a cap per segment piece; without it, twice the piece's tokens + 64),
  ``temperature``; ``seed`` (repeatable sampling; default random);
  ``only``: block indexes to translate (default: all).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.documents.model import Document
from desktop.engine.protocol import (
    BAD_INPUT, CONTEXT_OVERFLOW, Delta, Message, Progress, Section, TranslateSectionMeta, TranslateStats,
)
from desktop.glossary import Term, missing_terms, select_terms, terms_from_pairs
from desktop.contracts import ChatMessage, ChatModel, JobError
from desktop.documents import marks
from desktop.documents.segments import Segment, join_pieces, segment_document, split_long
from desktop.jobs.defaults import TRANSLATE_TEMPERATURE as DEFAULT_TEMPERATURE
from desktop.jobs.translate_marks import (
    CUT_SHORT, FLAG_TRUNCATED, has_words, judge_reply, mark_rules, piece_context, plain_reply,
)
from desktop.languages import LANGUAGES_BY_CODE, LanguageError, is_cjk, resolve_pair
from desktop.messages import message

DESU_MASU = "desu_masu"
DE_ARU = "de_aru"
_REGISTER_ALIASES = {
    "desu_masu": DESU_MASU, "desu-masu": DESU_MASU, "です・ます": DESU_MASU, "敬体": DESU_MASU,
    "de_aru": DE_ARU, "de-aru": DE_ARU, "である": DE_ARU, "常体": DE_ARU,
}
#: How much of a neighbouring segment goes into the prompt as context (characters).
CONTEXT_CHARS = 300
#: Tokens kept free in the context for the instructions and the chat format.
PROMPT_RESERVE = 400
MIN_PIECE_TOKENS = 48
MIN_REPLY_TOKENS = 16
PROGRESS_LABEL = "translate.segment"  # a catalogue code (desktop/messages/translate.py)


@dataclass
class Plan:
    """What to translate and how, checked before the model is asked for anything."""

    document: Document
    segments: list[Segment]          # every segment of the document, in order
    wanted: list[Segment]            # the ones to translate this time
    source: str
    target: str
    register: str
    terms: list[Term]
    known: dict[int, str] = field(default_factory=dict)  # block index -> translation
    missing: dict[int, list[Term]] = field(default_factory=dict)  # block index -> glossary terms not used
    max_tokens: int | None = None
    temperature: float = DEFAULT_TEMPERATURE
    seed: int | None = None


def run(model: ChatModel, inputs: dict[str, Any], options: dict[str, Any]) -> Iterator[Message]:
    """Translate the document segment by segment; see the module docstring for inputs and options.

    ``options["parallel"]`` 1 translates one segment after another, each with the
    previous segment's fresh translation as context; otherwise (0 automatic, or N)
    the segments are handed to the model together (``translate_together.run_together``).
    """
    plan = make_plan(inputs, options)
    parallel = int(options.get("parallel") or 0)
    if parallel != 1 and len(plan.wanted) > 1:
        from desktop.jobs.translate_together import run_together

        return (yield from run_together(model, plan, parallel))
    total = len(plan.wanted)
    flagged = 0
    for number, segment in enumerate(plan.wanted):
        yield Progress(done=number, total=total, label=PROGRESS_LABEL)
        translation, flags = yield from _translate_segment(model, plan, segment)
        yield section_for(plan, segment, translation, flags)
        flagged += bool(flags) or bool(plan.missing.get(segment.index))
    yield Progress(done=total, total=total, label=PROGRESS_LABEL)
    stats: TranslateStats = {"segments": total, "flagged": flagged, "source_language": plan.source,
                             "target_language": plan.target}
    return stats


# ---------------------------------------------------------------- the plan

def make_plan(inputs: dict[str, Any], options: dict[str, Any]) -> Plan:
    """The checked request; raises ``JobError(BAD_INPUT, message for the user)``."""
    try:
        document = Document.from_dict(inputs["document"])
    except (KeyError, TypeError, AttributeError):
        raise JobError(BAD_INPUT, message("translate.no_document")) from None
    segments = segment_document(document)
    if not segments:
        raise JobError(BAD_INPUT, message("translate.nothing"))
    try:
        source, target = resolve_pair(str(options.get("source") or "auto"), str(options.get("target") or ""),
                                      document.text())
    except LanguageError as exc:
        raise JobError(BAD_INPUT, exc.message) from None
    register = _REGISTER_ALIASES.get(str(options.get("register") or DESU_MASU))
    if register is None:
        raise JobError(BAD_INPUT, message("translate.bad_register", value=options.get("register")))
    wanted = segments
    if options.get("only") is not None:
        only = {int(i) for i in options["only"]}
        wanted = [segment for segment in segments if segment.index in only]
        if not wanted:
            raise JobError(BAD_INPUT, message("translate.segment_not_found"))
    max_tokens = options.get("max_tokens")
    return Plan(
        document=document, segments=segments, wanted=wanted, source=source, target=target,
        register=register, terms=terms_from_pairs(inputs.get("glossary") or []),
        known=_known_translations(inputs.get("translations")),
        max_tokens=int(max_tokens) if max_tokens else None,
        temperature=float(options.get("temperature", DEFAULT_TEMPERATURE)),
        seed=int(options["seed"]) if options.get("seed") is not None else None,
    )


def _known_translations(given: Any) -> dict[int, str]:
    """``{block index: text}`` from a dict (JSON keys are strings) or a list parallel to the blocks."""
    if isinstance(given, dict):
        items = given.items()
    elif isinstance(given, list):
        items = enumerate(given)
    else:
        return {}
    return {int(index): str(text) for index, text in items if text}


# ------------------------------------------------------- one segment at a time

def _neighbours(plan: Plan, segment: Segment) -> tuple[Segment | None, Segment | None]:
    position = next(i for i, s in enumerate(plan.segments) if s.index == segment.index)
    previous = plan.segments[position - 1] if position > 0 else None
    following = plan.segments[position + 1] if position + 1 < len(plan.segments) else None
    return previous, following


def section_for(plan: Plan, segment: Segment, translation: str, flags: list[str],
                error: JobError | None = None) -> Section:
    """The ``Section`` that ends ``segment`` (see the module docstring); records it in ``plan``.

    With ``error`` the segment failed alone: its text is empty and ``meta["error"]`` says why.
    """
    plan.known[segment.index] = translation
    missing = [] if error is not None else missing_terms(marks.readable(translation, segment.marked is not None),
                                                           select_terms(plan.terms, segment.text))
    plan.missing[segment.index] = missing
    meta: TranslateSectionMeta = {
        "source": segment.text,
        "kind": segment.kind,
        "location": segment.location,
        "missing_terms": [{"source": t.source, "target": t.target} for t in missing],
        "truncated": FLAG_TRUNCATED in flags,
        "flags": flags,
    }
    if error is not None:
        meta["error"] = {"code": error.code, "message": error.message}
    return Section(index=segment.index, text=translation, meta=dict(meta))


#: Characters Python counts as letters that are marks on their own: the long-vowel mark
#: (full and half width, a rule typed with the - key is ー…) and the iteration marks.
NOT_WORDS_ALONE = frozenset("ーｰ々〃ゝゞヽヾ")


def passes_through(segment: Segment) -> bool:
    """True when ``segment`` has nothing to translate and is copied as it is: marks with no
    words between them, or no letter or digit at all (a rule of dashes or of ー, "＊＊＊", "・・・").
    〇 counts as a digit, so a placeholder "〇〇〇" is sent."""
    if segment.marked is not None and not has_words(segment.marked):
        return True
    return not any(character.isalnum() and character not in NOT_WORDS_ALONE for character in segment.text)


def _translate_segment(model: ChatModel, plan: Plan, segment: Segment):
    """Stream the translation of ``segment`` as Deltas; returns (translation, flags)."""
    if passes_through(segment):
        return segment.text, []
    previous, following = _neighbours(plan, segment)
    terms = select_terms(plan.terms, segment.text)
    limit = _piece_limit(model)
    if segment.carries_marks:
        source = segment.words
        flags: list[str] = []
        if model.count_tokens(source) <= limit:
            reply, truncated = yield from _ask(model, plan, source, segment, terms,
                                               _context_text(plan, previous, following), mark_rules(source))
            verdict = judge_reply(source, reply)
            flags = verdict.flags + ([FLAG_TRUNCATED] if truncated else [])
            if verdict.translation is not None:
                return verdict.translation, flags
        # damaged marks, or too long to send whole: piece by piece
        translation, truncated = yield from _translate_pieces(model, plan, segment, terms)
        return translation, [f for f in flags if f != FLAG_TRUNCATED] + ([FLAG_TRUNCATED] if truncated else [])
    source = segment.plain_words
    pieces = split_long(source, limit, model.count_tokens)
    translated: list[str] = []
    truncated = False
    for number, piece in enumerate(pieces):
        if number and not is_cjk(plan.target):
            yield Delta(text=" ", part=segment.index)
        context = _context_text(plan, previous, following) if number == 0 else _context_text(
            plan, None, None, earlier=(pieces[number - 1], translated[-1]))
        text, cut = yield from _ask(model, plan, piece, segment, terms, context)
        truncated |= cut
        translated.append(text)
    verdict = judge_reply(source, join_pieces(translated, plan.target), marked=False)
    return segment.in_block_form(verdict.translation), verdict.flags + ([FLAG_TRUNCATED] if truncated else [])


def _spaced(text: str, *, first: bool, last: bool) -> str:
    """A piece's translation with the spaces a Latin-script sentence needs around it (Japanese has none)."""
    if not first and text[:1].isalnum():
        text = " " + text
    if not last and text[-1:] not in (" ", "("):
        text += " "
    return text


def _piece_limit(model: ChatModel) -> int:
    return max(MIN_PIECE_TOKENS, (model.n_ctx - PROMPT_RESERVE) // 4)


def _ask(model: ChatModel, plan: Plan, text: str, segment: Segment, terms: list[Term], context: str,
         rules: str = ""):
    """Stream one reply for ``text`` (of ``segment``) as Deltas; returns (cleaned reply, cut at the length limit)."""
    messages = build_messages(plan, text, segment.kind, terms, context, rules)
    messages, max_tokens = _fit(model, plan, text, segment.kind, terms, messages, rules)
    parts: list[str] = []
    for piece in model.stream_chat(messages, max_tokens=max_tokens, temperature=plan.temperature,
                                   seed=plan.seed):
        parts.append(piece)
        yield Delta(text=piece, part=segment.index)
    return clean_translation("".join(parts), text), model.last_finish_reason in CUT_SHORT


def _translate_pieces(model: ChatModel, plan: Plan, segment: Segment, terms: list[Term]):
    """The marked paragraph translated piece by piece around its own marks; returns (marked translation, cut)."""
    source = segment.words
    context = piece_context(marks.strip_marks(source))
    pieces = marks.fallback_pieces(source)
    translations: list[str | None] = []
    truncated = False
    spaced = not is_cjk(plan.target)
    for number, piece in enumerate(pieces):
        if not piece.translate:
            translations.append(None)
            continue
        parts: list[str] = []
        for part in split_long(piece.text, _piece_limit(model), model.count_tokens):
            text, cut = yield from _ask(model, plan, part, segment, terms, context)
            truncated |= cut
            parts.append(plain_reply(text, part))
        text = join_pieces(parts, plan.target)
        if not text:
            translations.append(None)
            continue
        if spaced and not piece.inside:
            text = _spaced(text, first=number == 0, last=number + 1 == len(pieces))
        translations.append(text)
    return marks.compose(source, translations), truncated


def _fit(model: ChatModel, plan: Plan, piece: str, kind: str, terms: list[Term],
         messages: list[ChatMessage], rules: str = "") -> tuple[list[ChatMessage], int]:
    """The messages and reply length that fit the model's context: context is dropped first, then the reply shortened."""
    wanted = 2 * model.count_tokens(piece) + 64
    if plan.max_tokens:
        wanted = min(wanted, plan.max_tokens)
    prompt = model.count_chat_tokens(messages)
    if prompt + wanted > model.n_ctx:
        messages = build_messages(plan, piece, kind, terms, "", rules)
        prompt = model.count_chat_tokens(messages)
    room = model.n_ctx - prompt
    if room < MIN_REPLY_TOKENS:
        raise JobError(CONTEXT_OVERFLOW, message("translate.segment_too_long"))
    return messages, min(wanted, room)


# ------------------------------------------------------------------ prompts

def _language_en(code: str) -> str:
    return LANGUAGES_BY_CODE[code].name_en


def build_messages(plan: Plan, text: str, kind: str, terms: list[Term], context: str,
                   rules_for_marks: str = "") -> list[ChatMessage]:
    """The chat for translating ``text``: instructions (with the terms and ``rules_for_marks``, the
    explanation of the text's inline marks) as system, context and text as user."""
    target = _language_en(plan.target)
    rules = [
        f"You are a professional translator at a Japanese city office. Translate the user's text "
        f"from {_language_en(plan.source)} into {target}.",
        "Keep the meaning, names, numbers and dates exactly. Keep line breaks.",
        "Reply with ONLY the translation: no explanations, no notes, no quotation marks, "
        "no labels such as \"Translation:\".",
    ]
    if plan.target == "ja":
        rules.append("Write in the polite です・ます style." if plan.register == DESU_MASU
                     else "Write in the plain である style (常体) of official documents.")
    if kind == "heading":
        rules.append("The text is a heading: translate it as a short heading.")
    elif kind == "table_cell":
        rules.append("The text is one cell of a table: translate it as such, briefly.")
    if rules_for_marks:
        rules.append(rules_for_marks)
    if terms:
        rules.append("Translate these terms exactly as given:\n"
                     + "\n".join(f"- {term.source} → {term.target}" for term in terms))
    user = f"{context}Translate into {target}:\n{text}" if context else text
    return [{"role": "system", "content": "\n".join(rules)}, {"role": "user", "content": user}]


def _clip(text: str, keep_end: bool = False) -> str:
    if len(text) <= CONTEXT_CHARS:
        return text
    return "…" + text[-CONTEXT_CHARS:] if keep_end else text[:CONTEXT_CHARS] + "…"


def _context_text(plan: Plan, previous: Segment | None, following: Segment | None,
                  earlier: tuple[str, str] | None = None) -> str:
    """The neighbouring text for the prompt, marked as context only; empty when there is none."""
    lines: list[str] = []
    if earlier is not None:
        previous_text, previous_translation = earlier
    elif previous is not None:
        known = plan.known.get(previous.index, "")
        previous_text, previous_translation = previous.text, marks.readable(known, previous.marked is not None)
    else:
        previous_text = previous_translation = ""
    if previous_text:
        lines.append(f"Previous paragraph (context only, do not translate):\n{_clip(previous_text, True)}")
        if previous_translation:
            lines.append(f"Its translation:\n{_clip(previous_translation, True)}")
    if following is not None:
        lines.append(f"Next paragraph (context only, do not translate):\n{_clip(following.text)}")
    return "\n\n".join(lines) + "\n\n" if lines else ""


# ------------------------------------------------------------- the output

_LABEL = re.compile(
    r"^\s*(?:here(?: is|'s) the translation[^:：\n]*|translation|translated text|english|japanese|chinese|korean"
    r"|訳文|翻訳|翻訳文|日本語訳|英訳|和訳|译文|翻譯|번역)\s*[:：]\s*",
    re.IGNORECASE,
)
#: Control characters (other than tab and line feed) that no translation contains and XML cannot hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_QUOTES = (('"', '"'), ("“", "”"), ("「", "」"), ("『", "』"), ("'", "'"), ("«", "»"))


def clean_translation(output: str, source: str) -> str:
    """The model's ``output`` without a leading label ("Translation:"), quotes the source did not
    have, or control characters."""
    text = _CONTROL.sub("", output.replace("\r\n", "\n")).strip()
    if text.startswith("```") and text.endswith("```") and len(text) > 6:
        text = text[3:-3].strip()
    text = _LABEL.sub("", text, count=1).strip()
    source = source.strip()
    for opening, closing in _QUOTES:
        quoted_whole = len(text) > 2 and text.startswith(opening) and text.endswith(closing)
        inner = text[len(opening):-len(closing)]
        if quoted_whole and opening not in inner and closing not in inner and not source.startswith(opening):
            text = inner.strip()
            break
    return text
