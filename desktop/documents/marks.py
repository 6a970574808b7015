"""Inline marks: a paragraph's formatting, links and fields as light marks in its text, and back.

A translation model sees a Word paragraph as text with two kinds of mark:

- spans ``<NAME>…</NAME>`` around words: ``b``, ``i``, ``u`` (bold, italic,
  underline added to the surrounding text), ``sN`` (other formatting: colour,
  highlight, size…), ``vN`` (formatting that must stay on its own words:
  hidden, superscript/subscript, 縦中横), ``aN`` (a link), ``mN`` (a bookmark),
  ``cN`` (a content control);
- atoms ``{NAME}`` that keep their place among the words: ``fN`` (a field:
  page number, merge field, cross-reference…), ``tabN`` (a tab or alignment
  tab), ``brN`` (a page or column break), ``symN`` (a symbol such as a check
  box), ``nN`` (a footnote or endnote reference), ``imgN`` (a picture or
  drawing), ``xN`` (anything else: a comment anchor, a formula).

Spans and atoms other than formatting appear exactly once; formatting spans
may repeat. Formatting names are relative to the span they are in (``b``
inside a link means "the link's own format, bold").

Words that merely look like a mark (a paragraph that says "<b>タグ" or
"{f1}") are escaped in the marked form with a backslash inside the brackets
(``<\\b>``, ``<\\/a1>``, ``{\\f1}``; a look-alike that already has backslashes
gets one more), so ``parse`` reads them back as words; ``escape`` and
``unescape`` are the two directions for words alone. Text of a block without
marks is never in marked form: it is sent, translated and written as it is.

This module knows only the text form: parsing, checking a reply against its
source, removing marks, and cutting a marked paragraph into the pieces that
are translated one by one when a reply's marks are damaged (``fallback_pieces``
and ``compose``). Where the marks come from and go is ``docx_runs``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: One mark: a span opening or closing (groups 1-2) or an atom (group 3).
MARK = re.compile(r"<(/?)((?:b|i|u)|(?:[svamc]\d{1,3}))>|\{((?:f|tab|br|sym|n|img|x)\d{1,3})\}")
#: A mark or an escaped look-alike: the backslashes after the opening bracket are groups 1 and 3.
_LOOKALIKE = re.compile(r"<(\\*)(/?(?:b|i|u|[svamc]\d{1,3}))>|\{(\\*)((?:f|tab|br|sym|n|img|x)\d{1,3})\}")
FORMAT_NAMES = re.compile(r"^(?:b|i|u|[sv]\d+)$")
#: Formatting that never spreads to words that were not in its run (fallback keeps it on its own piece).
STICKY_PREFIX = "v"
_LETTERS = re.compile(r"[^\W\d_]")
_URL = re.compile(r"^\s*(?:https?://|www\.|mailto:)\S+\s*$", re.IGNORECASE)


class MarksError(ValueError):
    """A marked text whose marks do not parse (an unclosed or crossing span)."""


@dataclass
class Node:
    """One piece of a marked text: ``kind`` is "text", "atom" or "span"; spans have ``children``."""

    kind: str
    name: str = ""
    text: str = ""
    children: list[Node] = field(default_factory=list)


def is_format(name: str) -> bool:
    """True for a formatting span name (b, i, u, sN, vN), False for links, bookmarks, controls."""
    return bool(FORMAT_NAMES.match(name))


def parse(text: str) -> list[Node]:
    """The nodes of marked ``text``; raises ``MarksError`` for unbalanced or crossing spans."""
    root: list[Node] = []
    stack: list[tuple[str, list[Node]]] = [("", root)]
    position = 0
    for match in MARK.finditer(text):
        if match.start() > position:
            _add_text(stack[-1][1], unescape(text[position:match.start()]))
        position = match.end()
        closing, span, atom = match.group(1), match.group(2), match.group(3)
        if atom:
            stack[-1][1].append(Node("atom", atom))
        elif not closing:
            node = Node("span", span)
            stack[-1][1].append(node)
            stack.append((span, node.children))
        elif stack[-1][0] == span:
            stack.pop()
        else:
            raise MarksError(f"</{span}> closes nothing open")
    if position < len(text):
        _add_text(stack[-1][1], unescape(text[position:]))
    if len(stack) > 1:
        raise MarksError(f"<{stack[-1][0]}> is not closed")
    return root


def _add_text(nodes: list[Node], text: str) -> None:
    if nodes and nodes[-1].kind == "text":
        nodes[-1].text += text
    else:
        nodes.append(Node("text", text=text))


def render(nodes: list[Node]) -> str:
    """The marked text of ``nodes`` (the inverse of ``parse``)."""
    out: list[str] = []
    for node in nodes:
        if node.kind == "text":
            out.append(escape(node.text))
        elif node.kind == "atom":
            out.append("{" + node.name + "}")
        else:
            out.append(f"<{node.name}>{render(node.children)}</{node.name}>")
    return "".join(out)


def has_marks(text: str) -> bool:
    """Whether marked ``text`` has a real mark (an escaped look-alike is words, not a mark)."""
    return MARK.search(text) is not None


def escape(words: str) -> str:
    """``words`` (plain text) in marked form: every look-alike of a mark gets one more backslash."""
    return _LOOKALIKE.sub(lambda m: _rebracket(m, +1), words)


def unescape(words: str) -> str:
    """The inverse of ``escape``: words from marked form (only the words between marks, never whole marked text)."""
    return _LOOKALIKE.sub(lambda m: _rebracket(m, -1), words)


def _rebracket(match: re.Match[str], change: int) -> str:
    if match.group(4) is not None:
        slashes, name, opening, closing = match.group(3), match.group(4), "{", "}"
    else:
        slashes, name, opening, closing = match.group(1), match.group(2), "<", ">"
    count = max(0, len(slashes) + change)
    return opening + "\\" * count + name + closing


def strip_marks(text: str, atoms: dict[str, str] | None = None) -> str:
    """Marked ``text`` as words: marks removed, an atom replaced by its text from ``atoms`` (a field's
    result, a tab) or else nothing, escaped look-alikes given back as they were."""
    atoms = atoms or {}
    out: list[str] = []
    position = 0
    for match in MARK.finditer(text):
        out.append(unescape(text[position:match.start()]))
        if match.group(3):
            out.append(atoms.get(match.group(3), ""))
        position = match.end()
    out.append(unescape(text[position:]))
    return "".join(out)


def readable(text: str, marked: bool, atoms: dict[str, str] | None = None) -> str:
    """A block's translation as words: ``strip_marks`` when the block is marked (``Block.marked`` or
    ``Block.atoms`` set, so the translation is marked text), else ``text`` itself, look-alikes and all."""
    return strip_marks(text, atoms) if marked else text


def in_marked_form(text: str, marked: bool) -> str:
    """A block's translation as marked text: ``text`` when the block is marked, else ``escape(text)``."""
    return text if marked else escape(text)


#: The start of a mark cut off at the end of text still streaming ("<a", "</", "{f1", "<\\").
_PARTIAL_MARK = re.compile(r"(?:<\\*/?(?:[biu]|[svamc]\d{0,3})?|\{\\*(?:[a-z]{1,3}\d{0,3})?)$")


def visible_text(text: str, atoms: dict[str, str] | None = None, *, streaming: bool = False) -> str:
    """Marked ``text`` as a person reads it: ``strip_marks`` (an atom shows its text from ``atoms``).

    ``streaming``: the text is still arriving, so a mark cut off at its end
    ("<a", "{f1") is hidden too until the rest of it comes.
    """
    if streaming:
        text = _PARTIAL_MARK.sub("", text)
    return strip_marks(text, atoms)


def plain_text(nodes: list[Node]) -> str:
    """The words of ``nodes`` without any mark."""
    return "".join(n.text if n.kind == "text" else plain_text(n.children) for n in nodes)


# ------------------------------------------------------------- checking a reply

def _structure(nodes: list[Node], path: tuple[str, ...], out: dict[str, tuple[str, ...]],
               formats: dict[tuple[str, ...], set[str]], errors: list[str]) -> None:
    for node in nodes:
        if node.kind == "text":
            continue
        if node.kind == "span" and is_format(node.name):
            formats.setdefault(path, set()).add(node.name)
            _structure(node.children, path, out, formats, errors)
            continue
        if node.name in out:
            errors.append(f"{node.name} appears twice")
        out[node.name] = path
        if node.kind == "span":
            _structure(node.children, path + (node.name,), out, formats, errors)


def check_reply(source: str, reply: str, *, formats: bool = True) -> list[str]:
    """What is wrong with the marks of ``reply`` as a translation of ``source`` (empty list: nothing).

    Every link, bookmark, control and atom of the source must appear exactly
    once, inside the same link/bookmark/control as in the source; a link,
    bookmark or control that held words must hold words; with ``formats``,
    every formatting span name must come back at least once in the same
    place and no new one may appear (without it, only the sticky ``vN``
    formatting is checked: words in an unknown or missing format take the
    surrounding one). The words themselves are not checked.
    """
    try:
        source_nodes, reply_nodes = parse(source), parse(reply)
    except MarksError as exc:
        return [str(exc)]
    errors: list[str] = []
    want: dict[str, tuple[str, ...]] = {}
    got: dict[str, tuple[str, ...]] = {}
    want_formats: dict[tuple[str, ...], set[str]] = {}
    got_formats: dict[tuple[str, ...], set[str]] = {}
    _structure(source_nodes, (), want, want_formats, [])
    _structure(reply_nodes, (), got, got_formats, errors)
    for name, path in want.items():
        if name not in got:
            errors.append(f"{name} is missing")
        elif got[name] != path:
            errors.append(f"{name} moved to another span")
    errors.extend(f"{name} was not in the source" for name in got if name not in want)
    for path in set(want_formats) | set(got_formats):
        wanted, given = want_formats.get(path, set()), got_formats.get(path, set())
        if not formats:
            wanted = {name for name in wanted if name.startswith(STICKY_PREFIX)}
            given = {name for name in given if name.startswith(STICKY_PREFIX)}
        errors.extend(f"<{name}> is missing" for name in sorted(wanted - given))
        errors.extend(f"<{name}> was not in the source" for name in sorted(given - wanted))
    errors.extend(f"{name} lost its words" for name in _worded_spans(source_nodes)
                  if name in got and name not in _worded_spans(reply_nodes))
    return errors


def _worded_spans(nodes: list[Node]) -> set[str]:
    names: set[str] = set()
    for node in nodes:
        if node.kind == "span":
            if plain_text(node.children).strip():
                names.add(node.name)
            names |= _worded_spans(node.children)
    return names


# ------------------------------------------------- fallback: piece by piece

@dataclass
class Piece:
    """Words between atoms and span edges, translated on their own when a reply's marks are damaged.

    ``text`` is the source words without marks; ``format`` the formatting span
    the translation goes into ("" for the surrounding format); ``translate``
    is False for pieces with no words (spaces, punctuation, numbers, a URL),
    which are kept as they are.
    """

    text: str
    format: str = ""
    translate: bool = True
    inside: bool = False     # inside a link, bookmark or control


def _needs_translation(text: str) -> bool:
    return bool(_LETTERS.search(text)) and not _URL.match(text)


def _is_sticky(node: Node) -> bool:
    return node.kind == "span" and node.name.startswith(STICKY_PREFIX)


def _stretches(group: list[Node]) -> list[list[Node]]:
    """``group`` cut before and after each sticky span, and with formatting spans at the start or
    end of a stretch (a bold 【重要】 label, a trailing note) peeled off as stretches of their own."""
    cut: list[list[Node]] = []
    for node in group:
        if _is_sticky(node) or not cut or _is_sticky(cut[-1][-1]):
            cut.append([node])
        else:
            cut[-1].append(node)
    out: list[list[Node]] = []
    for stretch in cut:
        head: list[list[Node]] = []
        while len(stretch) > 1 and stretch[0].kind == "span" and plain_text(stretch[1:]).strip():
            head.append([stretch.pop(0)])
        tail: list[list[Node]] = []
        while len(stretch) > 1 and stretch[-1].kind == "span" and plain_text(stretch[:-1]).strip():
            tail.insert(0, [stretch.pop()])
        out.extend(head + [stretch] + tail)
    return out


def _group_pieces(group: list[Node]) -> list[tuple[list[Node], Piece]]:
    """A run of text and formatting spans as (nodes, piece) pairs, one per stretch (``_stretches``)."""
    pairs = []
    for stretch in _stretches(group):
        text = plain_text(stretch)
        sizes: dict[str, int] = {}
        for node in stretch:
            name = node.name if node.kind == "span" else ""
            sizes[name] = sizes.get(name, 0) + len(plain_text([node]))
        dominant = max(sizes, key=lambda name: (sizes[name], name == ""))
        pairs.append((stretch, Piece(text, dominant, _needs_translation(text))))
    return pairs


def _walk_groups(nodes: list[Node], inside: bool = False):
    """Yield (group, inside) for each maximal run of text/formatting nodes of ``nodes`` and of every span inside."""
    group: list[Node] = []
    for node in nodes:
        if node.kind == "text" or (node.kind == "span" and is_format(node.name)):
            group.append(node)
            continue
        if group:
            yield group, inside
            group = []
        if node.kind == "span":
            yield from _walk_groups(node.children, True)
    if group:
        yield group, inside


def fallback_pieces(source: str) -> list[Piece]:
    """The pieces of marked ``source``, in order (see ``Piece``)."""
    pieces = []
    for group, inside in _walk_groups(parse(source)):
        for _nodes, piece in _group_pieces(group):
            piece.inside = inside
            pieces.append(piece)
    return pieces


def compose(source: str, translations: list[str | None]) -> str:
    """Marked ``source`` with each piece (``fallback_pieces`` order) replaced by its translation.

    None keeps a piece as it was (with its own marks). Atoms and the
    link/bookmark/control spans stay exactly where they were, so the result
    passes ``check_reply(source, result, formats=False)`` when every span that
    held words still does (formatting inside a translated piece is that of
    the piece's main format).
    """
    nodes = parse(source)
    remaining = list(translations)
    _compose_into(nodes, remaining)
    return render(nodes)


def _compose_into(nodes: list[Node], remaining: list[str | None]) -> None:
    out: list[Node] = []
    group: list[Node] = []

    def flush() -> None:
        for stretch, piece in _group_pieces(group):
            translation = remaining.pop(0) if remaining else None
            if translation is None:
                out.extend(stretch)
            elif piece.format:
                out.append(Node("span", piece.format, children=[Node("text", text=translation)]))
            else:
                out.append(Node("text", text=translation))
        group.clear()

    for node in nodes:
        if node.kind == "text" or (node.kind == "span" and is_format(node.name)):
            group.append(node)
            continue
        flush()
        if node.kind == "span":
            _compose_into(node.children, remaining)
        out.append(node)
    flush()
    nodes[:] = out
