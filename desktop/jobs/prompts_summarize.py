"""The words the summarize job says to the model, in Japanese and in English.

Every prompt tells the model to use only what the text says. The Japanese
prompts are the main ones (the users are city-government staff); the English
ones are used when the summary is to be written in English.

Each prompt exists in a full and a compact form: the compact form is chosen
when the model's context is so small that the full instructions would leave
little room for the document (e.g. a 512-token context).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.contracts import ChatMessage
from desktop.jobs.citations import CITE

LENGTHS = ("short", "medium", "long")
STYLES = ("bullets", "prose", "three_lines")


_SYSTEM = {
    ("ja", False): (
        "あなたは自治体職員の文書作業を手伝うアシスタントです。"
        "与えられた文章に書かれている内容だけに基づいて、正確で分かりやすい要約を作ります。"
        "文章にない事実・数字・固有名詞を付け加えたり、推測で補ったりしてはいけません。"
        "数字、日付、金額、固有名詞は原文どおりに書き写してください。"
        "文体は公用文にふさわしい、簡潔な「です・ます」調にしてください。"
    ),
    ("ja", True): "文章の内容だけで正確に要約する。書かれていないことは書かない。",
    ("en", False): (
        "You help local-government staff with their documents. "
        "You write accurate, clear summaries based only on the text you are given. "
        "Never add facts, figures or names that are not in the text, and do not guess. "
        "Copy numbers, dates, amounts and names exactly as written."
    ),
    ("en", True): "Summarize accurately using only the text. Add nothing.",
}

_LENGTH = {
    ("ja", "short"): "要点は3つ程度、全体で200字程度にしてください。",
    ("ja", "medium"): "要点は5〜7つ程度、全体で400字程度にしてください。",
    ("ja", "long"): "要点は10個程度、全体で800字程度にし、重要な数字や条件も含めてください。",
    ("en", "short"): "Give about 3 key points, about 80 words in all.",
    ("en", "medium"): "Give 5 to 7 key points, about 150 words in all.",
    ("en", "long"): "Give about 10 key points, about 300 words in all, with the important figures and conditions.",
}

_STYLE = {
    ("ja", "bullets"): "箇条書きで書き、各項目は「・」で始めて1〜2文にしてください。",
    ("ja", "prose"): "箇条書きは使わず、段落に分けた文章で書いてください。",
    ("ja", "three_lines"): "ちょうど3行で書いてください。1行目に結論、2行目と3行目に大切な補足を、各行1文で書いてください。",
    ("en", "bullets"): "Write bullet points, each starting with \"- \" and one or two sentences long.",
    ("en", "prose"): "Write in paragraphs, without bullet points.",
    ("en", "three_lines"): "Write exactly three lines, one sentence each: the conclusion first, then the two most important details.",
}

_COMPACT_STYLE = {
    ("ja", "bullets"): "箇条書きで。",
    ("ja", "prose"): "文章で。",
    ("ja", "three_lines"): "3行で。",
    ("en", "bullets"): "Use bullets.",
    ("en", "prose"): "Use prose.",
    ("en", "three_lines"): "Use three lines.",
}


@dataclass(frozen=True)
class SummaryRequest:
    """What the user asked for: length, style, focus, and the language to write in ("ja" or "en")."""

    length: str = "medium"
    style: str = "bullets"
    focus: str = ""
    lang: str = "ja"


def _focus(request: SummaryRequest, *, partial: bool) -> str:
    focus = request.focus.strip()
    if not focus:
        return ""
    if request.lang == "ja":
        if partial:
            return f"特に「{focus}」に関係する記述は、細かくても必ず残してください。"
        return f"特に「{focus}」に関する内容を優先してまとめてください。関係する記述がなければ、そのことを一言書いてください。"
    if partial:
        return f"Keep everything about \"{focus}\", even small details."
    return f"Concentrate on \"{focus}\". If the text says nothing about it, say so in one sentence."


def _language(request: SummaryRequest) -> str:
    return "日本語で書いてください。" if request.lang == "ja" else "Write in English, whatever the language of the text."


def _system(request: SummaryRequest, compact: bool) -> ChatMessage:
    return {"role": "system", "content": _SYSTEM[(request.lang, compact)]}


def _framed(instructions: str, body: str) -> str:
    """Instructions, then the material between two rules, so the two cannot be confused."""
    return f"{instructions}\n\n-----\n{body}\n-----"


def one_pass_messages(text: str, request: SummaryRequest, *, compact: bool = False) -> list[ChatMessage]:
    """Summarize the whole document in one go."""
    lang = request.lang
    if compact:
        head = ("次の文書を要約してください。" if lang == "ja" else "Summarize this document. ") + _COMPACT_STYLE[(lang, request.style)]
        head += _focus(request, partial=False) if request.focus else ""
    elif lang == "ja":
        head = (
            "次の文書を要約してください。"
            + ("" if request.style == "three_lines" else _LENGTH[(lang, request.length)])
            + _STYLE[(lang, request.style)]
            + _focus(request, partial=False)
            + "文書に見出しがある場合は、各要点の末尾に根拠となった見出しを【出典: 見出し】の形で付けてください。"
            + "文書に書かれていないことは書かないでください。"
            + _language(request)
        )
    else:
        head = " ".join(filter(None, (
            "Summarize the following document.",
            "" if request.style == "three_lines" else _LENGTH[(lang, request.length)],
            _STYLE[(lang, request.style)],
            _focus(request, partial=False),
            "If the document has headings, end each point with the heading it comes from, as [Source: heading].",
            "Do not write anything the document does not say.",
            _language(request),
        )))
    return [_system(request, compact), {"role": "user", "content": _framed(head, text)}]


def part_messages(text: str, request: SummaryRequest, *, compact: bool = False) -> list[ChatMessage]:
    """Summarize one part of a long document (the map step)."""
    lang = request.lang
    if compact:
        head = "次の部分の要点を短く。" if lang == "ja" else "Key points of this part, briefly."
        head += _focus(request, partial=True) if request.focus else ""
    elif lang == "ja":
        head = (
            "次の文章は、長い文書の一部です。この部分に書かれている要点を、"
            "「・」で始まる箇条書きで簡潔にまとめてください。"
            "数字・日付・金額・固有名詞は正確に残し、書かれていないことは補わないでください。"
            + _focus(request, partial=True)
            + _language(request)
        )
    else:
        head = " ".join(filter(None, (
            "The following text is one part of a long document.",
            "List its key points briefly as bullet points starting with \"- \".",
            "Keep numbers, dates, amounts and names exact, and add nothing the text does not say.",
            _focus(request, partial=True),
            _language(request),
        )))
    return [_system(request, compact), {"role": "user", "content": _framed(head, text)}]


def cited_item(label: str, summary: str, lang: str) -> str:
    """One partial summary, headed by where it came from, as the combine step reads it."""
    return f"{CITE[lang].format(label=label)}\n{summary.strip()}"


def combine_messages(items: list[str], request: SummaryRequest, *, final: bool, compact: bool = False) -> list[ChatMessage]:
    """Combine partial summaries (each headed by its source) into one.

    ``final`` is the last step, written as the user asked (length, style,
    focus); an intermediate step merges without losing points or sources.
    """
    lang = request.lang
    body = "\n\n".join(items)
    if compact:
        if lang == "ja":
            head = "次の部分要約を一つにまとめ、各点に【出典: …】を残す。"
        else:
            head = "Merge these partial summaries; keep each [Source: …]."
        if final:
            head += _COMPACT_STYLE[(lang, request.style)] + (_focus(request, partial=False) if request.focus else "")
    elif lang == "ja":
        if final:
            head = (
                "次は、長い文書を部分ごとに要約したものです。【出典: …】は、その要約が文書のどこから来たかを示します。"
                "これらをもとに、文書全体の要約を作ってください。"
                + ("" if request.style == "three_lines" else _LENGTH[(lang, request.length)])
                + _STYLE[(lang, request.style)]
                + _focus(request, partial=False)
                + "各要点の末尾に、根拠となった部分の出典を【出典: …】の形で、下の表記のまま付けてください。"
                + "部分要約に書かれていないことは加えないでください。"
                + _language(request)
            )
        else:
            head = (
                "次は、長い文書の各部分の要約です。【出典: …】は、その要約が文書のどこから来たかを示します。"
                "重複をまとめながら、大切な点を落とさずに一つの箇条書きにまとめてください。"
                "各項目の末尾には、元の【出典: …】をそのまま残してください（複数なら並べてください）。"
                "書かれていないことは加えないでください。"
                + _focus(request, partial=True)
                + _language(request)
            )
    else:
        if final:
            head = " ".join(filter(None, (
                "Below are summaries of the parts of a long document; [Source: …] says where each came from.",
                "Write a summary of the whole document from them.",
                "" if request.style == "three_lines" else _LENGTH[(lang, request.length)],
                _STYLE[(lang, request.style)],
                _focus(request, partial=False),
                "End each point with the source of the part it comes from, as [Source: …], written as below.",
                "Add nothing the partial summaries do not say.",
                _language(request),
            )))
        else:
            head = " ".join(filter(None, (
                "Below are summaries of the parts of a long document; [Source: …] says where each came from.",
                "Merge them into one bullet list, joining repeated points but losing none of importance.",
                "End each bullet with its original [Source: …] (several if merged).",
                "Add nothing they do not say.",
                _focus(request, partial=True),
                _language(request),
            )))
    return [_system(request, compact), {"role": "user", "content": _framed(head, body)}]
