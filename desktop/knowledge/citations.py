"""Citations in an answer, checked against the passages it was given (#18: never an invented source).

The answer cites with 【出典: N】 or 【出典: file, location】. ``check_citations``
rewrites every citation it can match to a passage as 【出典: file, location】
(the file's name without folders) and collects the matched passages' indices;
a citation that matches no passage given is replaced by the catalogue's
"source removed" mark. Matching: a number 1..len(passages); else the file
name and location as given (spaces and brackets ignored); else a location
that is unique among the passages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

from desktop.messages import message

CITATION = re.compile(r"[【\[]\s*出典\s*[:：]\s*([^】\]]{0,200})[】\]]")


@dataclass
class CheckedAnswer:
    """``text`` with citations rewritten; ``sources`` are 0-based passage indices in order of first citation."""

    text: str
    sources: list[int] = field(default_factory=list)
    invalid: int = 0


def short_name(file: str) -> str:
    return PurePath(file.replace("\\", "/")).name


def citation_label(passage: dict) -> str:
    return f"【出典: {short_name(passage['file'])}, {passage['location']}】"


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s,、，()（）>＞・]", "", text)


def _match(reference: str, passages: list[dict]) -> int | None:
    reference = reference.strip()
    number = unicodedata.normalize("NFKC", reference).strip("#No. 番")
    if number.isdigit() and 1 <= int(number) <= len(passages):
        return int(number) - 1
    key = _key(reference)
    if not key:
        return None
    for index, passage in enumerate(passages):
        name = short_name(passage["file"])
        full = _key(name + passage["location"])
        stem = _key(PurePath(name).stem + passage["location"])
        if key in (full, stem):
            return index
    by_location = [i for i, p in enumerate(passages) if _key(p["location"]) and _key(p["location"]) in key]
    if len(by_location) == 1:
        return by_location[0]
    return None


def check_citations(answer: str, passages: list[dict], lang: str | None = None) -> CheckedAnswer:
    """The answer with every citation either tied to one of ``passages`` or marked as removed."""
    result = CheckedAnswer(answer)

    def replace(found: re.Match) -> str:
        index = _match(found.group(1), passages)
        if index is None:
            result.invalid += 1
            return message("knowledge.invalid_citation", lang)
        if index not in result.sources:
            result.sources.append(index)
        return citation_label(passages[index])

    result.text = CITATION.sub(replace, answer)
    return result
