"""The ask job (マニュアルに聞く): an answer from the retrieved passages only, every claim cited.

inputs: ``question`` (str), ``passages`` (list of {"file", "location", "text"},
best first, as retrieved by the caller), ``found`` (bool: the retrieval scores
say the passages answer the question; ``desktop.knowledge.search``).
options: ``max_tokens``, ``temperature``.

Events: ``delta`` while the model writes; then one ``section`` (index 0) with
the checked answer: its citations rewritten as 【出典: file, location】 or
marked removed when they name no passage given (``desktop.knowledge.citations``),
and ``meta`` {"sources": [passage indices], "invalid": n}. The final stats
hold ``found`` and ``sources``. When ``found`` is false, or no passage was
given, the model is not asked: the answer is the plain "not found" sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.contracts import ChatMessage, ChatModel, JobError
from desktop.engine.protocol import BAD_INPUT, Delta, Message, Progress, Section
from desktop.knowledge.citations import check_citations, short_name
from desktop.messages import message

DEFAULT_MAX_TOKENS = 512
#: Longest question the job accepts, in characters (the callers refuse longer ones earlier).
MAX_QUESTION_CHARS = 2000
#: Room kept for the answer when passages are fitted into the context, in tokens.
ANSWER_RESERVE = 512

SYSTEM = (
    "あなたは市役所の例規・マニュアルについて答える案内係です。"
    "必ず【資料】に書かれている内容だけを使って、日本語で簡潔に答えてください。"
    "資料に書かれていないことは推測せず、「資料には記載がありません」と答えてください。"
    "文ごとに、根拠にした資料を【出典: 番号】の形で示してください（例: 【出典: 2】）。"
)


def _prompt(question: str, passages: list[dict]) -> str:
    parts = ["【資料】"]
    for number, passage in enumerate(passages, start=1):
        parts.append(f"[{number}] {short_name(passage['file'])}, {passage['location']}\n{passage['text']}")
    parts.append(f"【質問】\n{question}")
    return "\n\n".join(parts)


def _fit(model: ChatModel, question: str, passages: list[dict], max_tokens: int) -> list[dict]:
    """As many passages (best first) as fit in the context with room for the answer."""
    kept = list(passages)
    while kept:
        messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": _prompt(question, kept)}]
        if model.count_chat_tokens(messages) + max_tokens <= model.n_ctx:
            return kept
        kept.pop()
    return kept


def run(model: ChatModel, inputs: dict[str, Any], options: dict[str, Any]) -> Iterator[Message]:
    question = str(inputs.get("question", "")).strip()
    if not question:
        raise JobError(BAD_INPUT, message("knowledge.question_empty"))
    if len(question) > MAX_QUESTION_CHARS:
        raise JobError(BAD_INPUT, message("knowledge.question_too_long", length=len(question),
                                          limit=MAX_QUESTION_CHARS))
    passages = [p for p in inputs.get("passages", []) if isinstance(p, dict) and p.get("text")]
    if not inputs.get("found") or not passages:
        text = message("knowledge.not_found")
        yield Delta(text=text)
        yield Section(index=0, text=text, meta={"sources": [], "invalid": 0})
        return {"found": False, "sources": []}
    max_tokens = int(options.get("max_tokens", DEFAULT_MAX_TOKENS))
    passages = _fit(model, question, passages, min(max_tokens, ANSWER_RESERVE))
    if not passages:
        raise JobError(BAD_INPUT, message("knowledge.question_too_long", length=len(question),
                                          limit=MAX_QUESTION_CHARS))
    yield Progress(done=0, total=1, label=message("knowledge.answering"))
    messages: list[ChatMessage] = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": _prompt(question, passages)},
    ]
    pieces = []
    for piece in model.stream_chat(messages, max_tokens=max_tokens,
                                   temperature=float(options.get("temperature", 0.2))):
        pieces.append(piece)
        yield Delta(text=piece)
    checked = check_citations("".join(pieces), passages)
    yield Section(index=0, text=checked.text, meta={"sources": checked.sources, "invalid": checked.invalid})
    return {"found": True, "sources": checked.sources, "finish_reason": model.last_finish_reason}
