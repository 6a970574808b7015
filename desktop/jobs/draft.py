"""The drafting job: a template and the user's field values in, the draft streamed out.

inputs:
  ``template``  the whole template as plain data (``Template.to_dict()``); the UI or
                the command line resolved it, so the engine needs no template files
  ``fields``    {field name: text}; a document field holds the document's text
  ``organisation``  the organisation's name from the settings (``{organisation}``)
options:
  ``length``    template (the default: the template's own length) | short | medium | long
  ``tone``      auto | desu | dearu;  ``manner``  auto | polite | concise
  ``max_tokens`` overrides the length's budget (``fumi draft --max-tokens``);
  ``longest_reply`` the settings' 「生成する文章の上限」 (tokens): an upper bound on
  whichever budget applies, so a short length stays short and no reply is longer;
  ``temperature`` overrides the template's; ``seed``
  ``continue_from``  text already produced: the model continues it (``assistant_prefix``)

The same inputs and options always give exactly the same messages, so a
regenerate starts at once from the engine's cached prompt.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.engine.protocol import BAD_INPUT, CONTEXT_OVERFLOW, Delta, Message
from desktop.contracts import ChatModel, JobError
from desktop.messages import current_language, message
from desktop.templates import DEFAULT_LENGTH, MissingFieldError, Template, TemplateError, build_messages, reply_budget

DEFAULT_TEMPERATURE = 0.7
#: The smallest reply worth starting; below it the input is too long for the context.
MIN_REPLY_TOKENS = 64


def run(model: ChatModel, inputs: dict[str, Any], options: dict[str, Any]) -> Iterator[Message]:
    """Yield ``Delta`` events of the draft; returns {"finish_reason": "stop" | "length" | "repetition"}."""
    template = _template(inputs)
    fields = inputs.get("fields") or {}
    if not isinstance(fields, dict):
        raise JobError(BAD_INPUT, message("draft.bad_fields"))
    length = str(options.get("length") or DEFAULT_LENGTH)
    try:
        messages = build_messages(
            template, fields, length=length,
            tone=str(options.get("tone") or "auto"), manner=str(options.get("manner") or "auto"),
            organisation=str(inputs.get("organisation") or ""),
        )
    except MissingFieldError as exc:
        raise JobError(BAD_INPUT, str(exc)) from None

    prefix = str(options.get("continue_from") or "")
    follow = str(fields.get(template.reply_follows) or "") if template.reply_follows else ""
    wanted = int(options.get("max_tokens") or reply_budget(template, length, model.count_tokens(follow) if follow else 0))
    longest = int(options.get("longest_reply") or 0)
    if longest > 0:
        wanted = min(wanted, longest)
    max_tokens = _fit_reply(model, template, fields, messages, prefix, wanted)
    temperature = options.get("temperature")
    if temperature is None:
        temperature = template.temperature if template.temperature is not None else DEFAULT_TEMPERATURE

    if template.draft_mark and not prefix:
        yield Delta(text=f"{template.draft_mark}\n\n")
    for piece in model.stream_chat(
        messages, max_tokens=max_tokens, temperature=float(temperature),
        assistant_prefix=prefix, seed=options.get("seed"),
    ):
        yield Delta(text=piece)
    return {"finish_reason": model.last_finish_reason}


def _template(inputs: dict[str, Any]) -> Template:
    data = inputs.get("template")
    if not isinstance(data, dict):
        raise JobError(BAD_INPUT, message("draft.no_template"))
    try:
        return Template.from_dict(data)
    except TemplateError as exc:
        raise JobError(BAD_INPUT, message("draft.bad_template", detail=exc.message)) from None


def _fit_reply(model: ChatModel, template: Template, fields: dict[str, Any], messages: list, prefix: str, wanted: int) -> int:
    """The reply budget: ``wanted``, cut to what the context has left after the prompt.

    Raises ``JobError(CONTEXT_OVERFLOW)`` when even a short reply does not fit,
    blaming what the user can change: the context (``draft.context_too_small``:
    tokens needed vs n_ctx) when the template's own part (the prompt without the
    field values) leaves no room for a reply, or when the field values are
    shorter than that part; else the longest document field (``draft.field_too_long``).
    """
    used = model.count_chat_tokens(messages) + (model.count_tokens(prefix) if prefix else 0)
    room = model.n_ctx - used
    if room >= min(wanted, MIN_REPLY_TOKENS):
        return max(1, min(wanted, room))
    if prefix:
        raise JobError(CONTEXT_OVERFLOW, message("draft.cannot_continue"))
    lang = current_language()
    field_tokens = sum(model.count_tokens(str(value)) for value in fields.values() if value)
    template_part = used - field_tokens
    if template_part + MIN_REPLY_TOKENS > model.n_ctx or field_tokens <= template_part:
        raise _context_too_small(model, used, used + max(wanted, MIN_REPLY_TOKENS), lang)
    documents = [f for f in template.fields if f.kind in ("document", "text") and fields.get(f.name)]
    limit = max(0, model.n_ctx - MIN_REPLY_TOKENS)
    if documents:
        longest = max(documents, key=lambda f: len(str(fields.get(f.name, ""))))
        raise JobError(CONTEXT_OVERFLOW, message("draft.field_too_long", lang, field=longest.label_for(lang),
                                                 limit=limit, used=used))
    raise JobError(CONTEXT_OVERFLOW, message("draft.input_too_long", lang, used=used, limit=limit))


def _context_too_small(model: ChatModel, used: int, needed: int, lang: str) -> JobError:
    """The context advice for a prompt of ``used`` tokens and a prompt plus reply of ``needed``: a context
    to load the model with (``needed`` rounded up to 1024, at most the model's trained context when the
    model states it in ``facts["context_length"]``, as the engine's does); beyond that, a shorter length
    (a reply still fits) or a model that handles longer text (the prompt alone does not)."""
    facts = getattr(model, "facts", None)
    trained = facts.get("context_length") if isinstance(facts, dict) else None
    trained = trained if isinstance(trained, int) and trained > 0 else None
    if trained is not None and used + MIN_REPLY_TOKENS > trained:
        return JobError(CONTEXT_OVERFLOW, message("draft.prompt_beyond_model", lang, used=used, trained=trained))
    if trained is not None and needed > trained:
        return JobError(CONTEXT_OVERFLOW, message("draft.context_beyond_model", lang, needed=needed,
                                                  n_ctx=model.n_ctx, trained=trained))
    suggested = -(-needed // 1024) * 1024
    return JobError(CONTEXT_OVERFLOW, message("draft.context_too_small", lang, needed=needed, n_ctx=model.n_ctx,
                                              suggested=min(suggested, trained or suggested)))
