"""Every finished run goes into the history, without the panes having to do anything.

``HistoryRecorder`` listens to the ``EngineClient``: ``job_started`` tells it
the kind, inputs and options of a request; ``delta`` and ``section`` events
are gathered per request id; on ``done`` (or on an error after some output,
e.g. the user pressed Stop) one ``Run`` is written to the ``HistoryStore``.

What counts as the output:
- ``draft`` and ``generate``: the streamed text (after ``continue_from``, if any);
- ``summarize``: the streamed final summary (the partial summaries are kept in
  ``stats["partials"]``; ``stats["parts"]`` stays the job's count of parts, an
  int, as in every ``done`` event);
- ``translate``: the translated segments, in document order, one per paragraph;
  ``stats["translations"]`` keeps them by block index (``{"3": text}``, with
  the translations the request started from), so the run can be reopened
  segment by segment;
- ``summarize``: ``stats["part_meta"]`` keeps each partial summary's source
  (label and character range), parallel to ``stats["partials"]``. Runs kept
  before this had the texts in ``stats["parts"]``; ``partial_summaries`` reads both.

A job started with ``options["history"] = False`` (e.g. a template editor's
test run) is not recorded at all.

Inputs are stored so a run can be reopened. A document can be large: inputs
whose JSON is over ``MAX_STORED_INPUT_CHARS`` are stored without their large
values (``inputs["omitted"]`` lists them, with a short preview of the text), so
the history file stays small; the output is always kept whole.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.engine.client import EngineClient
from desktop.history import HistoryStore, Run

log = logging.getLogger(__name__)

#: Inputs larger than this (characters of JSON, about 2 MB of Japanese text) are stored trimmed.
MAX_STORED_INPUT_CHARS = 2_000_000
#: Any one input value larger than this is dropped from trimmed inputs.
MAX_KEPT_VALUE_CHARS = 64_000
PREVIEW_CHARS = 1000
TITLE_CHARS = 60

#: Job kinds that are recorded (others, e.g. token counts, never reach run_job).
RECORDED_KINDS = ("draft", "summarize", "translate", "generate", "ask")


@dataclass
class _Pending:
    kind: str
    inputs: dict[str, Any]
    options: dict[str, Any]
    started: float
    request_id: str = ""
    text: list[str] = field(default_factory=list)
    sections: dict[int, tuple[str, dict]] = field(default_factory=dict)


class HistoryRecorder(QObject):
    """Records each run of ``engine`` into ``store`` (a ``HistoryStore``; None records nothing).

    ``recorded`` is emitted with the new run's id after each run is stored (and
    ``run_recorded`` with the request id too);
    ``result_made(kind)`` after every run that produced text, history on or off.
    """

    recorded = Signal(int)
    run_recorded = Signal(str, int)  # request id, run id: lets a pane write the user's edits back to its run
    result_made = Signal(str)

    def __init__(self, engine: EngineClient, store: HistoryStore | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.store = store
        self._pending: dict[str, _Pending] = {}
        engine.job_started.connect(self._on_job_started)
        engine.delta.connect(self._on_delta)
        engine.section.connect(self._on_section)
        engine.done.connect(self._on_done)
        engine.error.connect(self._on_error)

    # ------------------------------------------------------------------ events
    @Slot(str, str, dict, dict)
    def _on_job_started(self, request_id: str, kind: str, inputs: dict, options: dict) -> None:
        if kind not in RECORDED_KINDS or options.get("history") is False:
            return
        self._pending[request_id] = _Pending(kind, dict(inputs), dict(options), time.monotonic(),
                                              request_id)

    @Slot(str, str)
    def _on_delta(self, request_id: str, text: str) -> None:
        pending = self._pending.get(request_id)
        if pending is not None:
            pending.text.append(text)

    @Slot(str, int, str, dict)
    def _on_section(self, request_id: str, index: int, text: str, meta: dict) -> None:
        pending = self._pending.get(request_id)
        if pending is not None:
            pending.sections[int(index)] = (text, dict(meta))

    @Slot(str, dict)
    def _on_done(self, request_id: str, stats: dict) -> None:
        pending = self._pending.pop(request_id, None)
        if pending is not None:
            self._record(pending, dict(stats))

    @Slot(str, str, str)
    def _on_error(self, request_id: str, code: str, _message: str) -> None:
        pending = self._pending.pop(request_id, None)
        if pending is not None:  # stopped or crashed: what was written so far is still worth keeping
            self._record(pending, {"stopped": code})

    # ------------------------------------------------------------------ recording
    def _record(self, pending: _Pending, stats: dict[str, Any]) -> None:
        request_id = pending.request_id
        output = output_of(pending.kind, pending.options, "".join(pending.text), pending.sections)
        if not output.strip():
            return
        self.result_made.emit(pending.kind)
        if self.store is None or not self.store.enabled:
            return
        stats.setdefault("seconds", round(time.monotonic() - pending.started, 2))
        if pending.kind == "summarize" and pending.sections:
            ordered = sorted(pending.sections.items())
            stats["partials"] = [text for _index, (text, _meta) in ordered]
            stats["part_meta"] = [meta for _index, (_text, meta) in ordered]
        if pending.kind == "translate":
            before = pending.inputs.get("translations")
            translations = {str(k): str(v) for k, v in before.items()} if isinstance(before, dict) else {}
            translations.update({str(index): text for index, (text, _meta) in pending.sections.items()})
            stats["translations"] = translations
        facts = self._engine.model_facts or {}
        run = Run(
            pane=pending.kind,
            template=str((pending.inputs.get("template") or {}).get("id", "")),
            title=title_of(pending.kind, pending.inputs),
            inputs=trimmed_inputs(pending.inputs),
            options=pending.options,
            output=output,
            model=str(facts.get("name", "")),
            stats=stats,
        )
        try:
            run_id = self.store.record(run)
        except Exception:  # the history must never break a run; the output is still in the pane
            log.exception("could not record a run in the history")
            return
        if run_id is not None:
            self.recorded.emit(run_id)
            self.run_recorded.emit(request_id, run_id)


def output_of(kind: str, options: dict[str, Any], streamed: str, sections: dict[int, tuple[str, dict]]) -> str:
    """The text a run produced, as the user sees it in the pane."""
    if kind == "translate":
        return "\n\n".join(text for _index, (text, _meta) in sorted(sections.items()) if text)
    if kind == "ask" and sections:
        return sections[max(sections)][0]  # the answer with its citations checked
    if kind == "draft" and options.get("continue_from"):
        return str(options["continue_from"]) + streamed
    return streamed


def title_of(kind: str, inputs: dict[str, Any]) -> str:
    """A short name for the run: the template's title, the document's title, or its first line."""
    template = inputs.get("template")
    if isinstance(template, dict):
        titles = template.get("title")
        if isinstance(titles, dict) and titles:
            return str(titles.get("ja") or next(iter(titles.values())))
        if isinstance(titles, str) and titles:
            return titles
    document = inputs.get("document")
    if isinstance(document, dict):
        if document.get("title"):
            return str(document["title"])[:TITLE_CHARS]
        path = str(document.get("path") or "")
        if path:
            return path.replace("\\", "/").rsplit("/", 1)[-1]
        blocks = document.get("blocks") or []
        text = next((str(b.get("text", "")) for b in blocks if isinstance(b, dict) and b.get("text")), "")
        return first_line(text)
    return first_line(str(inputs.get("text") or inputs.get("prompt") or inputs.get("question") or ""))


def first_line(text: str, limit: int = TITLE_CHARS) -> str:
    """The first non-empty line of ``text``, cut to ``limit`` characters (with "…")."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def trimmed_inputs(inputs: dict[str, Any]) -> dict[str, Any]:
    """``inputs`` as they are when small; else without the large values (named in ``"omitted"``)."""
    if len(json.dumps(inputs, ensure_ascii=False)) <= MAX_STORED_INPUT_CHARS:
        return inputs
    kept: dict[str, Any] = {}
    omitted: list[str] = []
    for key, value in inputs.items():
        if len(json.dumps(value, ensure_ascii=False)) <= MAX_KEPT_VALUE_CHARS:
            kept[key] = value
        else:
            omitted.append(key)
    kept["omitted"] = omitted
    document = inputs.get("document")
    if isinstance(document, dict):
        text = "\n".join(str(b.get("text", "")) for b in document.get("blocks") or [] if isinstance(b, dict))
        kept["preview"] = text[:PREVIEW_CHARS]
        kept["document_title"] = str(document.get("title") or "")
        kept["document_path"] = str(document.get("path") or "")
    return kept


def partial_summaries(stats: dict[str, Any]) -> list[str]:
    """The partial summaries kept with a summarize run: ``stats["partials"]``, or the older
    runs' list in ``stats["parts"]`` (now always the count of parts)."""
    kept = stats.get("partials")
    if not isinstance(kept, list):
        kept = stats.get("parts") if isinstance(stats.get("parts"), list) else []
    return [str(text) for text in kept]
