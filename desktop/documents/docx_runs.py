"""A Word paragraph as marked text (``marks``), and a marked translation written back onto its runs.

``MarkedParagraph(p)`` reads a ``w:p``: its ``marked`` text is what a
translation model sees (formatting, links, bookmarks and content controls as
spans, fields, tabs, breaks, symbols, note references and pictures as atoms;
see ``marks``), ``atoms`` what each atom shows in plain text.

Atoms at the very start or end of a paragraph (a page break before the text,
a note reference after it, a tab and page number after a table-of-contents
entry) and a link, bookmark or control around the whole text are kept out of
the marked text: they keep their place whatever the translation says. A
field next to the words is always shown, because a translation may need it
elsewhere in the sentence (「{氏名}　様」 → "Dear {name}").

``write(p, translation, lang)`` rebuilds the paragraph from the marked
translation: words go into new runs that copy the properties of the source
runs of the same format (``w:lang`` and fonts set for ``lang``), atoms and
spans are the source's own elements, moved. It returns False when the
translation's marks did not match (then the words are put in the longest piece
of the paragraph and every atom and span keeps its source place and words).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from . import marks
from .textsafe import for_xml
from .docx_fonts import font_choice, is_cjk, set_rpr_fonts
from .docx_leaves import (
    W_BOOKMARK_END, W_BOOKMARK_START, W_HYPERLINK, W_PPR, W_R, W_RPR, W_SDT_CONTENT,
    Group, Leaf, LinkEdge, group_fields, paragraph_leaves,
)

_IGNORED_PROPERTIES = {qn(f"w:{name}") for name in (
    "lang", "rFonts", "noProof", "rPrChange", "kern", "szCs", "bCs", "iCs", "cs", "rtl", "snapToGrid")}
_OFF = {"0", "false", "off", "none"}
_STICKY = {qn("w:vanish"), qn("w:specVanish"), qn("w:webHidden"), qn("w:eastAsianLayout")}
_LETTERS = {qn("w:b"): "b", qn("w:i"): "i", qn("w:u"): "u"}
#: Elements that follow w:lang inside w:rPr (ECMA-376 CT_RPr order).
_AFTER_LANG = {qn("w:eastAsianLayout"), qn("w:specVanish"), qn("w:oMath"), qn("w:rPrChange")}
LANGUAGE_TAGS = {"ja": "ja-JP", "en": "en-US", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "ko": "ko-KR"}


def format_key(run: Any | None) -> tuple:
    """What makes a run look different, as a hashable value (language, fonts, proofing and rsids left out)."""
    rpr = run.find(W_RPR) if run is not None else None
    if rpr is None:
        return ()
    items = []
    for child in rpr:
        if not isinstance(child.tag, str) or child.tag in _IGNORED_PROPERTIES:
            continue
        attrs = tuple(sorted((k, v) for k, v in child.attrib.items() if "rsid" not in k))
        if len(attrs) == 1 and attrs[0][0] == qn("w:val") and attrs[0][1] in _OFF:
            continue
        if child.tag == qn("w:vertAlign") and attrs == ((qn("w:val"), "baseline"),):
            continue
        items.append((child.tag, attrs))
    return tuple(sorted(items))


def is_sticky(key: tuple) -> bool:
    """Hidden, superscript/subscript or 縦中横: formatting that must not reach other words."""
    return any(tag in _STICKY or tag == qn("w:vertAlign") for tag, _attrs in key)


@dataclass
class Part:
    """A node of the paragraph tree: "text" (one leaf), "atom" (leaves that move together) or "span"."""

    kind: str
    name: str = ""
    text: str = ""
    run: Any = None
    key: tuple = ()
    leaves: list[Leaf] = field(default_factory=list)
    atom: str = ""
    whole: bool = True
    shown: str = ""
    wrapper: Any = None
    opening: list[Leaf] = field(default_factory=list)
    closing: list[Leaf] = field(default_factory=list)
    children: list[Part] = field(default_factory=list)
    formats: dict[str, Any] = field(default_factory=dict)   # span/paragraph: format name -> template run
    names: dict[tuple, str] = field(default_factory=dict)   # span/paragraph: format key -> name ("" = base)


def _tree(sequence: list[Leaf | Group | LinkEdge]) -> list[Part]:
    root: list[Part] = []
    stack = [root]
    for item in sequence:
        if isinstance(item, Group):
            stack[-1].append(Part("atom", leaves=item.leaves, atom=item.atom, whole=item.whole, shown=item.shown))
        elif isinstance(item, LinkEdge):
            if item.closing:
                if len(stack) > 1:
                    stack.pop()
            else:
                span = Part("span", name="a", opening=item.group.opening, closing=item.group.closing)
                stack[-1].append(span)
                stack.append(span.children)
        elif item.kind == "open":
            span = Part("span", name="a" if item.element.tag == W_HYPERLINK else "c", wrapper=item.element)
            stack[-1].append(span)
            stack.append(span.children)
        elif item.kind == "close":
            if len(stack) > 1:
                stack.pop()
        elif item.kind == "text":
            stack[-1].append(Part("text", text=item.text, run=item.run, key=format_key(item.run), leaves=[item]))
        elif item.kind == "marker":
            stack[-1].append(Part("atom", leaves=[item], atom="x"))
        else:
            stack[-1].append(Part("atom", leaves=[item], atom=item.atom, shown=item.text))
    _pair_bookmarks(root)
    return root


def _words(parts: list[Part]) -> bool:
    return any((p.kind == "text" and p.text.strip()) or (p.kind == "span" and _words(p.children)) for p in parts)


def _bookmark(part: Part, tag: str) -> str | None:
    if part.kind == "atom" and len(part.leaves) == 1 and part.leaves[0].element.tag == tag:
        return part.leaves[0].element.get(qn("w:id"))
    return None


def _pair_bookmarks(parts: list[Part]) -> None:
    """Bookmarks whose start and end enclose words in the same list become "m" spans."""
    index = 0
    while index < len(parts):
        ident = _bookmark(parts[index], W_BOOKMARK_START)
        end = next((j for j in range(index + 1, len(parts)) if _bookmark(parts[j], W_BOOKMARK_END) == ident),
                   None) if ident is not None else None
        if end is not None and _words(parts[index + 1:end]):
            span = Part("span", name="m", opening=parts[index].leaves, closing=parts[end].leaves,
                        children=parts[index + 1:end])
            parts[index:end + 1] = [span]
        index += 1
    for part in parts:
        if part.kind == "span":
            _pair_bookmarks(part.children)


def _pinnable(part: Part) -> bool:
    return part.kind == "atom"


def _edges(parts: list[Part]) -> tuple[int, int]:
    """How many atoms at the start and at the end stay out of the marked text."""
    lead = 0
    while lead < len(parts) and _pinnable(parts[lead]):
        lead += 1
    if lead == len(parts):
        return lead, 0
    while lead and parts[lead - 1].atom == "f" and parts[lead - 1].whole:
        lead -= 1
    tail = 0
    while tail < len(parts) - lead and _pinnable(parts[len(parts) - 1 - tail]):
        tail += 1
    while tail and parts[len(parts) - tail].atom == "f" and parts[len(parts) - tail].whole:
        tail -= 1
    return lead, tail


class MarkedParagraph:
    """Paragraph element ``p`` read as marked text; see the module docstring."""

    def __init__(self, p: Any) -> None:
        self.p = p
        leaves = paragraph_leaves(p)
        self._runs: dict[int, set[int]] = {}
        for leaf in leaves:
            if leaf.run is not None:
                self._runs.setdefault(id(leaf.run), set()).add(id(leaf.element))
        root = _tree(group_fields(leaves))
        self.levels: list[tuple[list[Part], int, int]] = []
        parts = root
        while True:
            lead, tail = _edges(parts)
            self.levels.append((parts, lead, tail))
            inner = parts[lead:len(parts) - tail]
            if len(inner) == 1 and inner[0].kind == "span":
                parts = inner[0].children
                continue
            break
        self.body_owner = Part("span")
        self.atoms: dict[str, str] = {}
        self.by_name: dict[str, Part] = {}
        self._counters: dict[str, int] = {}
        self.nodes = self._nodes(self.body, self.body_owner)
        self.marked = marks.render(self.nodes)

    @property
    def body(self) -> list[Part]:
        parts, lead, tail = self.levels[-1]
        return parts[lead:len(parts) - tail]

    def _name(self, prefix: str) -> str:
        self._counters[prefix] = self._counters.get(prefix, 0) + 1
        return f"{prefix}{self._counters[prefix]}"

    def _format_names(self, parts: list[Part], owner: Part) -> None:
        sizes: dict[tuple, int] = {}
        for part in parts:
            if part.kind == "text":
                sizes[part.key] = sizes.get(part.key, 0) + len(part.text.strip()) + 1
                owner.formats.setdefault(part.key, part.run)
        calm = {key: size for key, size in sizes.items() if not is_sticky(key)} or sizes
        base = max(calm, key=calm.get) if calm else ()
        owner.names = {base: ""}
        owner.formats = {"": owner.formats.get(base)} | {k: v for k, v in owner.formats.items() if k != base}
        for key in sizes:
            if key == base:
                continue
            added = set(key) - set(base)
            letter = _LETTERS.get(next(iter(added))[0]) if len(added) == 1 and set(base) <= set(key) else None
            if letter and letter not in owner.names.values():
                name = letter
            else:
                name = self._name("v" if is_sticky(key) and not is_sticky(base) else "s")
            owner.names[key] = name
            owner.formats[name] = owner.formats.pop(key)

    def _nodes(self, parts: list[Part], owner: Part) -> list[marks.Node]:
        self._format_names(parts, owner)
        nodes: list[marks.Node] = []
        for part in parts:
            if part.kind == "text":
                name = owner.names.get(part.key, "")
                if not name:
                    nodes.append(marks.Node("text", text=part.text))
                elif nodes and nodes[-1].kind == "span" and nodes[-1].name == name:
                    nodes[-1].children[-1].text += part.text
                else:
                    nodes.append(marks.Node("span", name, children=[marks.Node("text", text=part.text)]))
            elif part.kind == "atom":
                part.name = self._name(part.atom)
                self.atoms[part.name] = part.shown
                self.by_name[part.name] = part
                nodes.append(marks.Node("atom", part.name))
            else:
                part.name = self._name(part.name[0])
                self.by_name[part.name] = part
                nodes.append(marks.Node("span", part.name, children=self._nodes(part.children, part)))
        merged: list[marks.Node] = []
        for node in nodes:
            if node.kind == "text" and merged and merged[-1].kind == "text":
                merged[-1].text += node.text
            else:
                merged.append(node)
        return merged

    # ------------------------------------------------------------ writing back

    def write(self, translation: str, lang: str) -> bool:
        """Rebuild the paragraph from marked ``translation`` in language ``lang``; False if its marks were damaged."""
        exact = not marks.check_reply(self.marked, translation, formats=False)
        if not exact:
            translation = _lenient(self.marked, translation)
        nodes = marks.parse(translation)
        for child in list(self.p):
            if child.tag != W_PPR:
                self.p.remove(child)
        self._lang = lang
        self._level(self.p, 0, nodes)
        return exact

    def _level(self, target: Any, depth: int, nodes: list[marks.Node]) -> None:
        parts, lead, tail = self.levels[depth]
        for part in parts[:lead]:
            self._emit_leaves(target, part.leaves)
        if depth + 1 < len(self.levels):
            span = parts[lead]
            inner = self._open(target, span)
            self._level(inner, depth + 1, nodes)
            self._emit_leaves(target, span.closing)
        else:
            self._emit(target, nodes, self.body_owner, None)
        for part in parts[len(parts) - tail:]:
            self._emit_leaves(target, part.leaves)

    def _open(self, target: Any, span: Part) -> Any:
        """Put ``span``'s start into ``target``; returns where its content goes."""
        if span.wrapper is None:
            self._emit_leaves(target, span.opening)
            return target
        content = span.wrapper.find(W_SDT_CONTENT) if span.wrapper.tag != W_HYPERLINK else span.wrapper
        for child in list(content):
            content.remove(child)
        target.append(span.wrapper)
        return content

    def _emit(self, target: Any, nodes: list[marks.Node], owner: Part, template: Any | None) -> None:
        for node in nodes:
            if node.kind == "text":
                self._text(target, node.text, template if template is not None else owner.formats.get(""))
            elif node.kind == "atom":
                part = self.by_name.get(node.name)
                if part is not None:
                    self._emit_leaves(target, part.leaves)
            elif marks.is_format(node.name):
                self._emit(target, node.children, owner, owner.formats.get(node.name, owner.formats.get("")))
            else:
                span = self.by_name.get(node.name)
                if span is None:
                    self._emit(target, node.children, owner, template)
                    continue
                inner = self._open(target, span)
                self._emit(inner, node.children, span, None)
                self._emit_leaves(target, span.closing)

    def _emit_leaves(self, target: Any, leaves: list[Leaf]) -> None:
        ids = {id(leaf.element) for leaf in leaves}
        moved: set[int] = set()
        for leaf in leaves:
            if leaf.run is None:
                target.append(leaf.element)
            elif id(leaf.run) in moved:
                continue
            elif self._runs.get(id(leaf.run), set()) <= ids and leaf.run.tag == W_R:
                moved.add(id(leaf.run))
                target.append(leaf.run)
            else:
                run = OxmlElement("w:r")
                rpr = leaf.run.find(W_RPR)
                if rpr is not None:
                    run.append(copy.deepcopy(rpr))
                run.append(leaf.element)
                target.append(run)

    def _text(self, target: Any, text: str, template: Any | None) -> None:
        if not text:
            return
        run = OxmlElement("w:r")
        rpr = template.find(W_RPR) if template is not None else None
        run.append(copy.deepcopy(rpr) if rpr is not None else OxmlElement("w:rPr"))
        set_language(run.find(W_RPR), self._lang)
        for line_number, line in enumerate(for_xml(text).split("\n")):
            if line_number:
                run.append(OxmlElement("w:br"))
            for piece_number, piece in enumerate(line.split("\t")):
                if piece_number:
                    run.append(OxmlElement("w:tab"))
                if piece:
                    t = OxmlElement("w:t")
                    t.text = piece
                    t.set(qn("xml:space"), "preserve")
                    run.append(t)
        target.append(run)


def set_language(rpr: Any, lang: str) -> None:
    """Mark run properties ``rpr`` as text in ``lang``: ``w:lang`` and the fonts Word uses for it.

    For a CJK target the East Asian language and font are set; otherwise the
    Latin language is set and the East Asian font hint (which makes Word show
    and proof ambiguous characters as Japanese) is removed.
    """
    tag = LANGUAGE_TAGS.get(lang, lang)
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        after = next((child for child in rpr if child.tag in _AFTER_LANG), None)
        if after is not None:
            after.addprevious(element)
        else:
            rpr.append(element)
    if is_cjk(lang):
        element.set(qn("w:eastAsia"), tag)
        set_rpr_fonts(rpr, east_asia=font_choice(lang).east_asia)
    else:
        element.set(qn("w:val"), tag)
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            fonts.attrib.pop(qn("w:hint"), None)
            if not fonts.attrib:
                rpr.remove(fonts)


def _lenient(source: str, translation: str) -> str:
    """A translation whose marks do not match, made to fit: all its words in the longest piece outside
    links, bookmarks and controls (not hidden or superscript text), the other such pieces emptied; the
    spans and the hidden or superscript pieces keep their source words."""
    words = marks.strip_marks(translation).strip()
    pieces = marks.fallback_pieces(source)
    open_pieces = [n for n, piece in enumerate(pieces) if piece.translate and not piece.inside]
    if not open_pieces:
        return source
    main = max(open_pieces, key=lambda n: (not pieces[n].format.startswith(marks.STICKY_PREFIX), len(pieces[n].text)))
    filled: list[str | None] = [None] * len(pieces)
    for n in open_pieces:
        if n == main:
            filled[n] = words
        elif not pieces[n].format.startswith(marks.STICKY_PREFIX):
            filled[n] = ""
    return marks.compose(source, filled)
