"""The optional AI pass of 文書チェック: rewrites for sentences the rules flag but cannot fix.

The rules find a sentence that is too long, has too many 読点, or joins
clauses with 「が」 twice; they cannot say how to rewrite it. This job asks the
model for one rewrite per sentence, in the same style (です・ます or である),
keeping every fact, and sends it back as a suggestion: a ``Section`` with
``index`` (the sentence's index in ``inputs.sentences``) and ``text`` (the
rewrite), ``meta`` {"start", "end", "source"}. Nothing is applied here: the
window shows it and a person accepts it with a click.

inputs:  ``sentences``: ``[{"start", "end", "text", "reasons": [rule ids]}, ...]``
options: ``max_tokens`` (per sentence; default 2 × its length in tokens + 64), ``temperature`` (default 0.2)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.contracts import ChatMessage, ChatModel, JobError
from desktop.engine.protocol import BAD_INPUT, Delta, Message, Progress, Section
from desktop.messages import message

PROGRESS_LABEL = "check.sentence"  # a catalogue code (desktop/messages/check.py)
MAX_SENTENCES = 200
MAX_SENTENCE_CHARS = 2000

_SYSTEM = ("あなたは地方自治体の公用文を校正する担当者です。"
           "「公用文作成の考え方」（2022年）に沿って、読みやすく正確な文に直します。")
_REASONS = {
    "sentence-length": "一文が長い（一文は50〜60字程度を目安に、2〜3文に分ける）",
    "too-many-commas": "読点が多い",
    "adversative-ga": "逆接の「が」が2回以上ある",
    "double-negative": "二重否定がある（肯定の形にする）",
}


def rewrite_messages(sentence: str, reasons: list[str]) -> list[ChatMessage]:
    """The chat for one sentence: the problems the rules found, then the sentence between two rules."""
    problems = "、".join(_REASONS.get(r, r) for r in reasons) or "分かりにくい"
    instructions = (f"次の文には問題があります（{problems}）。意味と事実（数字、日付、名称）を一つも変えずに、"
                    "同じ文体（です・ます／である）で書き直してください。書き直した文だけを出力してください。")
    return [{"role": "system", "content": _SYSTEM},
            {"role": "user", "content": f"{instructions}\n\n-----\n{sentence}\n-----"}]


def clean_rewrite(text: str) -> str:
    """The model's reply without the rules it may echo, quotes around it or blank lines."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip() and set(line.strip()) != {"-"}]
    out = "".join(lines)
    if len(out) >= 2 and out[0] in "「『\"" and out[-1] in "」』\"":
        out = out[1:-1]
    return out


def _sentences(inputs: dict[str, Any]) -> list[dict[str, Any]]:
    sentences = inputs.get("sentences")
    if not isinstance(sentences, list) or not sentences:
        raise JobError(BAD_INPUT, message("check.no_sentences"))
    if len(sentences) > MAX_SENTENCES:
        raise JobError(BAD_INPUT, message("check.too_many_sentences", limit=MAX_SENTENCES))
    for item in sentences:
        if (not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip()
                or len(item["text"]) > MAX_SENTENCE_CHARS):
            raise JobError(BAD_INPUT, message("check.bad_sentence", limit=MAX_SENTENCE_CHARS))
    return sentences


def run(model: ChatModel, inputs: dict[str, Any], options: dict[str, Any]) -> Iterator[Message]:
    """One rewrite per sentence, streamed, each closed by a ``Section`` (see the module docstring)."""
    sentences = _sentences(inputs)
    temperature = float(options.get("temperature", 0.2))
    total = len(sentences)
    for index, item in enumerate(sentences):
        yield Progress(done=index, total=total, label=PROGRESS_LABEL)
        text = item["text"]
        limit = int(options.get("max_tokens") or 2 * model.count_tokens(text) + 64)
        pieces = []
        for piece in model.stream_chat(rewrite_messages(text, list(item.get("reasons") or [])),
                                       max_tokens=limit, temperature=temperature):
            pieces.append(piece)
            yield Delta(text=piece)
        rewrite = clean_rewrite("".join(pieces))
        yield Section(index=index, text=rewrite, meta={"start": item.get("start"), "end": item.get("end"),
                                                      "source": text, "truncated": model.last_finish_reason == "length"})
    yield Progress(done=total, total=total, label=PROGRESS_LABEL)
