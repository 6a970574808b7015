"""The messages between the UI process and the engine process.

One JSON object per line. Every message has a ``type``; requests carry an
``id`` and every event names the request it belongs to in its own ``id``.
Jobs yield events without an id; the worker stamps it before sending.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar, NotRequired, TypedDict

# Error codes (DESIGN.md). The message that goes with one is in the user's language.
MODEL_MISSING = "model_missing"
MODEL_CORRUPT = "model_corrupt"
MODEL_TOO_LARGE = "model_too_large"
OUT_OF_MEMORY = "out_of_memory"
CONTEXT_OVERFLOW = "context_overflow"
BAD_INPUT = "bad_input"
CANCELLED = "cancelled"
ENGINE_CRASHED = "engine_crashed"
INTERNAL = "internal"
ERROR_CODES = (
    MODEL_MISSING, MODEL_CORRUPT, MODEL_TOO_LARGE, OUT_OF_MEMORY, CONTEXT_OVERFLOW,
    BAD_INPUT, CANCELLED, ENGINE_CRASHED, INTERNAL,
)


class SourceRef(TypedDict):
    """A place in the source document: ``blocks`` [first, last] (0-based, inclusive, into
    ``Document.blocks``) and ``start``/``end`` (character offsets into ``Document.text()``);
    ``label`` is how a person reads it (「第2章 > 予算」, 「段落 3–17」)."""

    label: str
    blocks: list[int]
    start: int
    end: int


class SectionMeta(TypedDict, total=False):
    """``Section.meta`` of a summarize job: the partial summary's place in the source.

    ``source`` is the part's label, ``part`` its 1-based number, ``heading_path``
    the headings it starts under, ``pages`` [first, last] where the format knows pages.
    """

    source: str
    part: int
    blocks: list[int]
    start: int
    end: int
    heading_path: list[str]
    pages: list[int] | None
    error: PartError  # only on a part that failed alone (its text is empty)


class PartError(TypedDict):
    """Why one part of a multi-part job failed while the others went on: a protocol error code and the user's message."""

    code: str
    message: str


class RequestStats(TypedDict, total=False):
    """``Done.stats`` of every model request (``llm.Model.request_stats``).

    Token counts are tokens of the loaded model; ``seconds`` is wall time;
    ``tokens_per_s`` counts generated tokens over generation time; ``batch_tg_tokens_per_s``
    (only when several sequences were decoded at once) counts the tokens of the decode steps
    that carried no prompt over those steps' time (``batched.BatchedDecoder``);
    ``finish_reason`` is "stop" (end of text), "length" (max_tokens reached) or "repetition" (the
    engine stopped a looping reply: ``desktop.engine.repetition``).
    """

    prompt_tokens: int
    prompt_eval_tokens: int
    generated_tokens: int
    seconds: float
    tokens_per_s: float
    batch_tg_tokens_per_s: float
    ttft_s: float | None
    finish_reason: str


class SummarizeStats(RequestStats, total=False):
    """``Done.stats`` of a summarize job. ``parts`` is always the number of parts (1 for one pass);
    ``citations`` are the final summary's source pointers that exist, ``invalid_citations`` the
    labels of those that did not (shown as the catalogue's mark)."""

    parts: int
    rounds: int
    source_tokens: int
    one_pass: bool
    output_language: str
    citations: list[SourceRef]
    invalid_citations: list[str]
    failed_parts: list[int]  # indexes of parts that failed alone (``SectionMeta.error``)


class CountStats(TypedDict, total=False):
    """``Done.stats`` of a ``count_tokens`` request: ``tokens`` counts its ``text`` (0 for ""),
    ``counts`` its ``texts`` (in order), ``summary_budget`` the budgets for its ``summary`` options."""

    tokens: int
    counts: list[int]
    summary_budget: dict[str, Any]


class TranslateStats(RequestStats, total=False):
    """``Done.stats`` of a translate job: segments translated, how many miss a glossary term, the languages."""

    segments: int
    flagged: int
    source_language: str
    target_language: str
    failed_segments: list[int]  # block indexes of segments that failed alone (``error`` in their meta)


class TranslateSectionMeta(TypedDict):
    """``Section.meta`` of a translate job (the section's ``index`` is the block index)."""

    source: str
    kind: str
    location: str
    missing_terms: list[dict[str, str]]
    truncated: bool
    flags: list[str]          # why to look: "marks", "empty", "truncated" (desktop.jobs.translate_marks)
    error: NotRequired[PartError]  # only on a segment that failed alone (its text is empty)


class ProtocolError(ValueError):
    """A line that is not a message of this protocol."""


_REGISTRY: dict[str, type[Message]] = {}


@dataclass
class Message:
    """Base of every request and event; ``TYPE`` is its name on the wire."""

    TYPE: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.TYPE:
            _REGISTRY[cls.TYPE] = cls


# ---------------------------------------------------------------- requests

@dataclass
class Load(Message):
    """Load a model file, freeing the one loaded before."""

    TYPE: ClassVar[str] = "load"
    path: str = ""
    n_ctx: int | None = None
    n_threads: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    id: str = ""


@dataclass
class Job(Message):
    """Run a job (``generate``, ``draft``, ``summarize``, ``translate``) on the loaded model."""

    TYPE: ClassVar[str] = "job"
    kind: str = ""
    inputs: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    id: str = ""


@dataclass
class Cancel(Message):
    """Stop the request named by ``target``; it ends with an ``error`` event of code ``cancelled``."""

    TYPE: ClassVar[str] = "cancel"
    target: str = ""
    id: str = ""


@dataclass
class CountTokens(Message):
    """Count tokens with the loaded model; answered by ``done`` with a ``CountStats``.

    ``text`` alone (the first form) is answered ``{"tokens": n}``. ``texts``, a
    list, adds ``"counts"``: one count per text, in order. ``summary``, the
    options of a summarize job (``output_language`` "ja" or "en", not "auto"),
    adds ``"summary_budget"``: the budgets that job would plan with at the loaded
    context (``desktop.documents.summary_plan.SummaryBudget.to_dict``). Bad
    summary options fail the request with ``bad_input``.
    """

    TYPE: ClassVar[str] = "count_tokens"
    text: str = ""
    texts: list[str] | None = None
    summary: dict[str, Any] | None = None
    id: str = ""


@dataclass
class Embed(Message):
    """Embed ``texts`` with the embedding model at ``path`` (kept loaded beside the chat model).

    Answered by ``done`` with stats ``{"vectors": [[float, ...], ...], "model": file name}``,
    one unit-length vector per text, in order.
    """

    TYPE: ClassVar[str] = "embed"
    path: str = ""
    texts: list[str] = field(default_factory=list)
    id: str = ""


@dataclass
class Unload(Message):
    """Free the loaded model; answered by ``done``."""

    TYPE: ClassVar[str] = "unload"
    id: str = ""


@dataclass
class Shutdown(Message):
    """Free the model and end the engine process."""

    TYPE: ClassVar[str] = "shutdown"
    id: str = ""


# ------------------------------------------------------------------ events

@dataclass
class Loaded(Message):
    """The model is loaded; ``facts`` describe it (name, architecture, n_ctx, chat_template_warning, ...)."""

    TYPE: ClassVar[str] = "loaded"
    facts: dict[str, Any] = field(default_factory=dict)
    id: str = ""


@dataclass
class Progress(Message):
    """``done`` of ``total`` steps of a long request.

    ``label`` is a code of the catalogue (``desktop.messages``): "summarize.part",
    "summarize.combine", "summarize.summary", "translate.segment",
    "progress_checking", "progress_loading", "progress_ready". Each side shows
    it in the user's language (``desktop.messages.progress_text``; the window's
    panes may use their own words for it).
    """

    TYPE: ClassVar[str] = "progress"
    done: int = 0
    total: int = 0
    label: str = ""
    id: str = ""


@dataclass
class Delta(Message):
    """New text of the output, sent once; the receiver appends it.

    ``part`` says which part the text belongs to in a multi-part job, so the
    receiver never has to guess it: a translate job's segment (its block index,
    as in its ``section`` events). None for a job with one output (draft,
    generate, a summary's final text). A summary's map step and a translation
    decode several parts at once: their deltas interleave and carry ``part``.
    """

    TYPE: ClassVar[str] = "delta"
    text: str = ""
    part: int | None = None
    id: str = ""


@dataclass
class Section(Message):
    """One finished part of a multi-part output (a chunk summary, a translated segment).

    ``meta`` is a ``SectionMeta`` (summarize) or a ``TranslateSectionMeta`` (translate).
    """

    TYPE: ClassVar[str] = "section"
    index: int = 0
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    id: str = ""


@dataclass
class Done(Message):
    """The request finished; ``stats`` is a ``RequestStats`` plus the job's own (``SummarizeStats``,
    ``TranslateStats``); a ``count_tokens`` request answers a ``CountStats``."""

    TYPE: ClassVar[str] = "done"
    stats: dict[str, Any] = field(default_factory=dict)
    id: str = ""


@dataclass
class Error(Message):
    """The request failed or was cancelled; ``message`` is for the user, in their language."""

    TYPE: ClassVar[str] = "error"
    code: str = INTERNAL
    message: str = ""
    id: str = ""


REQUEST_TYPES = (Load, Job, Cancel, CountTokens, Embed, Unload, Shutdown)
EVENT_TYPES = (Loaded, Progress, Delta, Section, Done, Error)
FINAL_EVENT_TYPES = (Loaded, Done, Error)


def encode(message: Message) -> str:
    """One line of JSON (with the newline) for ``message``. Non-ASCII text is kept as is."""
    payload = {"type": message.TYPE, **dataclasses.asdict(message)}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


def decode(line: str | bytes) -> Message:
    """The message on one line; raises ProtocolError for anything else."""
    if isinstance(line, bytes):
        line = line.decode("utf-8", errors="replace")
    try:
        payload = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ProtocolError(f"not JSON: {line[:80]!r}") from exc
    if not isinstance(payload, dict):
        raise ProtocolError("not a JSON object")
    cls = _REGISTRY.get(payload.pop("type", None))
    if cls is None:
        raise ProtocolError(f"unknown message type in {line[:80]!r}")
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(payload) - names
    if unknown:
        raise ProtocolError(f"unknown fields {sorted(unknown)} for {cls.TYPE}")
    try:
        return cls(**payload)
    except TypeError as exc:
        raise ProtocolError(str(exc)) from exc
