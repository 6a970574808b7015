"""Turning a conversation into the model's tokens, with the model file's own chat template.

Promises:
- The template comes from the file (``tokenizer.chat_template``) and is rendered
  in jinja2's ``ImmutableSandboxedEnvironment``: a hostile template cannot reach
  Python objects (CVE-2024-34359).
- A template that refuses a system message (Gemma raises) gets the system text
  folded into the first user message.
- A file without a usable template gets a family default (ChatML, Gemma turns or
  Llama-3 headers) and ``warning`` says so, for the user to see.
- Text of the messages never becomes control tokens: the template is rendered
  with a sentinel in place of each message's text; the template's own pieces are
  tokenized with special tokens recognised, the message texts without.

No llama_cpp here: the tokenizer is a callable given by ``llm.Model``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from desktop.messages import message

log = logging.getLogger(__name__)

#: (text, special, at_start) -> token ids, without BOS. ``at_start`` is true for the
#: prompt's first piece (a SentencePiece tokenizer adds its space prefix only there).
Tokenize = Callable[[str, bool, bool], list[int]]

CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
GEMMA_TEMPLATE = (
    "{{ bos_token }}"
    "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}"
    "{% for message in messages %}"
    "{% set role = 'model' if message['role'] == 'assistant' else message['role'] %}"
    "{{ '<start_of_turn>' + role + '\n' + message['content'] + '<end_of_turn>\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<start_of_turn>model\n' }}{% endif %}"
)
LLAMA3_TEMPLATE = (
    "{{ bos_token }}"
    "{% for message in messages %}"
    "{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n' + message['content'] + '<|eot_id|>' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}"
)
FAMILY_TEMPLATES = {"chatml": CHATML_TEMPLATE, "gemma": GEMMA_TEMPLATE, "llama3": LLAMA3_TEMPLATE}

_SENTINEL = "\ue000fumi-content-{}\ue001"
_SENTINEL_PATTERN = re.compile("\ue000fumi-content-(\\d+)\ue001")
_PROBE = [{"role": "user", "content": "hello"}]


class ChatTemplateError(Exception):
    """The template cannot format this conversation."""


class TemplateRefused(ChatTemplateError):
    """The template itself refused (``raise_exception``), e.g. Gemma on a system role."""


def _raise_exception(text: str) -> None:
    raise TemplateRefused(text)


def _strftime_now(fmt: str) -> str:
    return datetime.now().strftime(fmt)


def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.loopcontrols"],
    )
    env.globals["raise_exception"] = _raise_exception
    env.globals["strftime_now"] = _strftime_now
    return env


def family_for(architecture: str, has_token: Callable[[str], bool]) -> str:
    """The default chat format for a model without a usable template."""
    arch = architecture.lower()
    if arch.startswith("gemma"):
        return "gemma"
    if has_token("<|start_header_id|>") and has_token("<|eot_id|>"):
        return "llama3"
    return "chatml"


@dataclass
class Piece:
    """A stretch of the rendered prompt: template text (``special``) or a message's text."""

    text: str
    special: bool


class ChatFormat:
    """Formats conversations for one model.

    ``template`` is the file's template or None; ``has_token(text)`` says whether
    ``text`` is a single special token of the vocabulary (for choosing a default).
    ``warning`` is "" when the file's own template is used.
    """

    def __init__(
        self,
        template: str | None,
        *,
        bos_token: str = "",
        eos_token: str = "",
        architecture: str = "",
        has_token: Callable[[str], bool] = lambda text: False,
    ) -> None:
        self.bos_token = bos_token
        self.eos_token = eos_token
        self._env = _environment()
        self.warning = ""
        self.family = ""
        compiled = None
        if template:
            try:
                compiled = self._env.from_string(template)
                self._render_with(compiled, _PROBE, add_generation_prompt=True)
            except Exception as exc:  # a template that cannot even format "hello" is unusable
                log.warning("the model's chat template is unusable: %s", exc)
                compiled = None
                reason = "chat_template_unusable"
        else:
            reason = "chat_template_missing"
        if compiled is None:
            self.family = family_for(architecture, has_token)
            compiled = self._env.from_string(FAMILY_TEMPLATES[self.family])
            self.warning = message(reason, family=self.family)
        self._template = compiled

    @property
    def uses_file_template(self) -> bool:
        return not self.warning

    def _render_with(self, template, messages: Sequence[dict], *, add_generation_prompt: bool) -> str:
        try:
            return template.render(
                messages=list(messages),
                add_generation_prompt=add_generation_prompt,
                bos_token=self.bos_token,
                eos_token=self.eos_token,
            )
        except TemplateRefused:
            raise
        except (TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
            raise ChatTemplateError(str(exc)) from exc

    def render(self, messages: Sequence[dict], *, add_generation_prompt: bool = True) -> str:
        """The prompt as text (for logs and tests); message texts appear as they are."""
        return "".join(piece.text for piece in self.pieces(messages, add_generation_prompt=add_generation_prompt))

    def pieces(self, messages: Sequence[dict], *, add_generation_prompt: bool = True) -> list[Piece]:
        """The rendered prompt split into template pieces and message-text pieces."""
        messages = [{"role": str(m["role"]), "content": str(m["content"])} for m in messages]
        try:
            rendered = self._render_sentinels(messages, add_generation_prompt)
        except TemplateRefused:
            folded = fold_system(messages)
            if folded == messages:
                raise
            messages = folded
            rendered = self._render_sentinels(messages, add_generation_prompt)
        result: list[Piece] = []
        position = 0
        for match in _SENTINEL_PATTERN.finditer(rendered):
            if match.start() > position:
                result.append(Piece(rendered[position:match.start()], True))
            index = int(match.group(1))
            if index < len(messages) and messages[index]["content"]:
                result.append(Piece(messages[index]["content"], False))
            position = match.end()
        if position < len(rendered):
            result.append(Piece(rendered[position:], True))
        return result

    def _render_sentinels(self, messages: list[dict], add_generation_prompt: bool) -> str:
        stand_ins = [{"role": m["role"], "content": _SENTINEL.format(i)} for i, m in enumerate(messages)]
        return self._render_with(self._template, stand_ins, add_generation_prompt=add_generation_prompt)

    def tokenize(
        self,
        messages: Sequence[dict],
        tokenize: Tokenize,
        *,
        bos_id: int | None = None,
        assistant_prefix: str = "",
    ) -> list[int]:
        """Token ids of the prompt for ``messages``, generation prompt included.

        ``bos_id`` is prepended unless the template already put it first.
        ``assistant_prefix`` follows as plain text (the reply continues from it).
        """
        tokens: list[int] = []
        for index, piece in enumerate(self.pieces(messages, add_generation_prompt=True)):
            tokens += tokenize(piece.text, piece.special, index == 0)
        if assistant_prefix:
            tokens += tokenize(assistant_prefix, False, not tokens)
        if bos_id is not None and bos_id >= 0 and tokens[:1] != [bos_id]:
            tokens.insert(0, bos_id)
        return tokens


def fold_system(messages: list[dict]) -> list[dict]:
    """The conversation with system messages joined into the first user message (for Gemma)."""
    system_texts = [m["content"] for m in messages if m["role"] == "system"]
    rest = [dict(m) for m in messages if m["role"] != "system"]
    if not system_texts:
        return [dict(m) for m in messages]
    system_text = "\n\n".join(text for text in system_texts if text)
    for turn in rest:
        if turn["role"] == "user":
            turn["content"] = f"{system_text}\n\n{turn['content']}" if system_text else turn["content"]
            return rest
    return [{"role": "user", "content": system_text}, *rest]
