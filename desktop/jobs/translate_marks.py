"""The translation job's side of inline marks: what the prompt says about them, and what a reply is worth.

A paragraph with inline structure goes to the model as marked text
(``desktop.documents.marks``). ``mark_rules`` is the instruction that names
only the marks the paragraph has; ``judge_reply`` decides what to do with the
model's reply:

- words and marks all there: the reply is the translation;
- no words (empty, or only a label such as "Translation:" that
  ``clean_translation`` removed): the source is kept and the segment flagged
  ``FLAG_EMPTY``;
- words, but marks missing, repeated, invented or moved: the paragraph is
  translated again piece by piece (``fallback_pieces``, each piece with the
  whole paragraph as context) and put together around the source's own
  marks (``compose``); the segment is flagged ``FLAG_MARKS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.documents import marks

#: Segment flags (``Section.meta["flags"]``): why a person should look at a translated segment.
FLAG_MARKS = "marks"          # the reply's marks were damaged: translated piece by piece
FLAG_EMPTY = "empty"          # the reply had no words: the source was kept
FLAG_TRUNCATED = "truncated"  # the reply stopped at the length limit (or was stopped looping)
#: Finish reasons of a reply that did not end by itself: its translation gets ``FLAG_TRUNCATED``.
CUT_SHORT = ("length", "repetition")

_SPAN_WORDS = {
    "b": "bold words", "i": "italic words", "u": "underlined words",
    "s": "formatted words", "v": "formatted words",
    "a": "a link's words", "m": "a bookmark's words", "c": "an input field's words",
}
_ATOM_WORDS = {
    "f": "fields (page number, date, a name filled in later)", "tab": "tabs", "br": "page breaks",
    "sym": "symbols such as check boxes, each before its words", "n": "footnote numbers",
    "img": "pictures", "x": "anchors",
}
_PREFIX = re.compile(r"^[a-z]+")


def mark_names(marked: str) -> list[str]:
    """The span and atom names of ``marked``, each once, in order of first appearance."""
    names: list[str] = []
    for match in marks.MARK.finditer(marked):
        name = match.group(2) or match.group(3)
        if name not in names:
            names.append(name)
    return names


def mark_rules(marked: str) -> str:
    """The prompt lines that explain the marks of ``marked`` ("" when it has none): one line per
    kind of atom (all its names), one per span."""
    atoms = {m.group(3) for m in marks.MARK.finditer(marked) if m.group(3)}
    kinds: dict[str, list[str]] = {}
    lines = ["The text contains marks. Translate only the words and keep every mark:"]
    for name in mark_names(marked):
        prefix = _PREFIX.match(name).group(0)
        if name in atoms:
            kinds.setdefault(prefix, []).append("{" + name + "}")
        else:
            lines.append(f"- <{name}>…</{name}>: {_SPAN_WORDS.get(prefix, 'words')}; "
                         "put it around the same words translated.")
    for prefix, names in kinds.items():
        lines.append(f"- {' '.join(names)}: {_ATOM_WORDS.get(prefix, 'anchors')}; "
                     "keep each once, where the sentence needs it.")
    if len(lines) == 1:
        return ""
    lines.append("Add no other marks.")
    return "\n".join(lines)


@dataclass
class Verdict:
    """What a reply is worth: ``translation`` (None: translate piece by piece) and the ``flags`` it earned."""

    translation: str | None
    flags: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def has_words(text: str) -> bool:
    return bool(marks.strip_marks(text).strip())


def plain_reply(reply: str, source: str) -> str:
    """A reply to plain ``source`` without the marks the model invented; text that looks like a mark
    and is in ``source`` too ("<b>タグ") is words and stays."""
    return marks.MARK.sub(lambda m: m.group(0) if m.group(0) in source else "", reply)


def judge_reply(source: str, reply: str, *, marked: bool = True) -> Verdict:
    """The verdict on cleaned ``reply`` as a translation of ``source``: marked text when ``marked``
    (the block carries marks), else plain words, where nothing that looks like a mark is parsed."""
    if not marked:
        words = plain_reply(reply, source)
        return Verdict(words) if words.strip() else Verdict(source, [FLAG_EMPTY])
    if not has_words(reply):
        return Verdict(source, [FLAG_EMPTY])
    problems = marks.check_reply(source, reply)
    if problems:
        return Verdict(None, [FLAG_MARKS], problems)
    return Verdict(reply)


def piece_context(paragraph: str) -> str:
    """The context given with each piece of a paragraph translated piece by piece."""
    return ("The whole paragraph (context only; translate only the part asked for below, "
            f"with no marks):\n{paragraph}\n\n")
