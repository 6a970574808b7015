"""The drafting job: a template and the user's field values in, the draft streamed out.

inputs:
  ``template``  the whole template as plain data (``Template.to_dict()``); the UI or
                the command line resolved it, so the engine needs no template files
  ``fields``    {field name: text}; a document field holds the document's text
options:
  ``length``    short | medium | long (reply budget and an instruction)
  ``tone``      auto | desu | dearu;  ``manner``  auto | polite | concise
  ``max_tokens`` overrides the length's budget; ``temperature`` the template's; ``seed``
  ``continue_from``  text already produced: the model continues it (``assistant_prefix``)

The same inputs and options always give exactly the same messages, so a
regenerate starts at once from the engine's cached prompt.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.engine.protocol import BAD_INPUT, CONTEXT_OVERFLOW, Delta, Message
from desktop.contracts import ChatModel, JobError
from desktop.templates import LENGTHS, MissingFieldError, Template, TemplateError, build_messages
from desktop.templates.render import DEFAULT_LENGTH

DEFAULT_TEMPERATURE = 0.7
#: The smallest reply worth starting; below it the input is too long for the context.
MIN_REPLY_TOKENS = 64


def run(model: ChatModel, inputs: dict[str, Any], options: dict[str, Any]) -> Iterator[Message]:
    """Yield ``Delta`` events of the draft; returns {"finish_reason": "stop" | "length"}."""
    template = _template(inputs)
    fields = inputs.get("fields") or {}
    if not isinstance(fields, dict):
        raise JobError(BAD_INPUT, "入力項目の形式が正しくありません。")
    length = str(options.get("length") or DEFAULT_LENGTH)
    try:
        messages = build_messages(
            template, fields, length=length,
            tone=str(options.get("tone") or "auto"), manner=str(options.get("manner") or "auto"),
        )
    except MissingFieldError as exc:
        raise JobError(BAD_INPUT, str(exc)) from None

    prefix = str(options.get("continue_from") or "")
    wanted = int(options.get("max_tokens") or LENGTHS.get(length, LENGTHS[DEFAULT_LENGTH]).max_tokens)
    max_tokens = _fit_reply(model, template, fields, messages, prefix, wanted)
    temperature = options.get("temperature")
    if temperature is None:
        temperature = template.temperature if template.temperature is not None else DEFAULT_TEMPERATURE

    for piece in model.stream_chat(
        messages, max_tokens=max_tokens, temperature=float(temperature),
        assistant_prefix=prefix, seed=options.get("seed"),
    ):
        yield Delta(text=piece)
    return {"finish_reason": model.last_finish_reason}


def _template(inputs: dict[str, Any]) -> Template:
    data = inputs.get("template")
    if not isinstance(data, dict):
        raise JobError(BAD_INPUT, "テンプレートが指定されていません。")
    try:
        return Template.from_dict(data)
    except TemplateError as exc:
        raise JobError(BAD_INPUT, f"テンプレートに誤りがあります: {exc.message}") from None


def _fit_reply(model: ChatModel, template: Template, fields: dict[str, Any], messages: list, prefix: str, wanted: int) -> int:
    """The reply budget: ``wanted``, cut to what the context has left after the prompt.

    Raises ``JobError(CONTEXT_OVERFLOW)`` with advice naming the longest
    document field when even a short reply does not fit.
    """
    used = model.count_chat_tokens(messages) + (model.count_tokens(prefix) if prefix else 0)
    room = model.n_ctx - used
    if room >= min(wanted, MIN_REPLY_TOKENS):
        return max(1, min(wanted, room))
    if prefix:
        raise JobError(CONTEXT_OVERFLOW, "文章が長くなり、これ以上続きを書けません。"
                       "書けたところまでを使うか、入力を短くしてもう一度作成してください。")
    documents = [f for f in template.fields if f.kind in ("document", "text") and fields.get(f.name)]
    limit = max(0, model.n_ctx - MIN_REPLY_TOKENS)
    if documents:
        longest = max(documents, key=lambda f: len(str(fields.get(f.name, ""))))
        raise JobError(CONTEXT_OVERFLOW,
                       f"「{longest.label_for('ja')}」の文章が長すぎて、このモデルで一度に扱える量"
                       f"（約{limit}トークン、入力全体で約{used}トークン）を超えています。"
                       "文章を短くするか、先に「要約」で要約してから使ってください。")
    raise JobError(CONTEXT_OVERFLOW, f"入力が長すぎます（約{used}トークン、上限約{limit}トークン）。入力を短くしてください。")
