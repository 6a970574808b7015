"""Walking a .docx in reading order: the one walk the reader and the translation writer share.

``walk_docx`` yields ``(Block, [w:p elements])`` pairs: headers first, then the
body (paragraphs and tables in true document order, content controls opened,
text boxes after the paragraph that anchors them, footnotes and endnotes
after the paragraph that cites them), then footers. A header or
footer paragraph that repeats across sections (same kind, same text) is one
block with several target paragraphs, so it is read and translated once.
Paragraphs without text give no block. The reader keeps the blocks; the
writer puts each translation into the block's paragraphs.

Paragraph text is gathered by ``paragraph_text_elements``: runs, hyperlinks,
fields, smart tags, content controls (w:sdt, at every level, a table row's
included), symbols (w:sym) and tracked insertions count; tracked deletions,
field codes, ruby readings (w:rt: only the base text is read), text boxes
(walked on their own) and VML fallbacks do not.

Footnote and endnote blocks carry ``part`` and ``note``; their paragraphs live
in the footnotes/endnotes part, which is registered as an ``XmlPart`` so that
changes to those paragraphs are saved with the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.ns import qn

from . import locations, marks
from .docx_runs import MarkedParagraph
from .model import ENDNOTE, FOOTER, FOOTNOTE, HEADER, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_NOBREAK_HYPHEN = qn("w:noBreakHyphen")
W_SYM, W_PTAB, W_SDT, W_SDT_CONTENT = qn("w:sym"), qn("w:ptab"), qn("w:sdt"), qn("w:sdtContent")
W_FOOTNOTE_REF, W_ENDNOTE_REF = qn("w:footnoteReference"), qn("w:endnoteReference")
W_TXBX_CONTENT = qn("w:txbxContent")
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"

#: Subtrees that never hold the paragraph's own text.
_PRUNED_FOR_TEXT = {
    qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:moveFrom"), W_TXBX_CONTENT, MC_FALLBACK,
    qn("w:drawing"), qn("w:pict"), qn("w:object"), MC_ALTERNATE,
    qn("w:instrText"), qn("w:delText"), qn("w:fldData"),
    qn("w:rt"), qn("w:rubyPr"), qn("w:sdtPr"), qn("w:sdtEndPr"),
}
TEXT_TAGS = {W_T, W_TAB, W_BR, W_CR, W_NOBREAK_HYPHEN, W_SYM, W_PTAB}

#: Symbol-font code points (w:sym w:char, F0xx) that have a plain Unicode twin; others are kept as they are.
_SYMBOLS = {
    ("symbol", 0xB7): "•", ("symbol", 0xAE): "→", ("symbol", 0xAC): "←", ("symbol", 0xAD): "↑",
    ("symbol", 0xAF): "↓", ("symbol", 0xB4): "×", ("symbol", 0xB8): "÷", ("symbol", 0xB1): "±",
    ("symbol", 0xA3): "≤", ("symbol", 0xB3): "≥", ("symbol", 0xB9): "≠", ("symbol", 0xD7): "·",
    ("symbol", 0xE0): "◊", ("wingdings", 0x9F): "•", ("wingdings", 0xA7): "▪", ("wingdings", 0xFC): "✓",
    ("wingdings", 0xFB): "✗", ("wingdings", 0xD8): "➢", ("wingdings", 0xE8): "➔", ("wingdings", 0x6C): "●",
    ("wingdings", 0x6E): "■", ("wingdings", 0x71): "❑", ("wingdings", 0xA8): "◻",
}



def register_note_parts() -> None:
    """Make python-docx load footnotes and endnotes as XML parts, so the paragraphs a walk yields are the ones saved.

    Call before opening a document (``readers.open_docx_bytes`` does).
    """
    PartFactory.part_type_for.setdefault(CONTENT_TYPE.WML_FOOTNOTES, XmlPart)
    PartFactory.part_type_for.setdefault(CONTENT_TYPE.WML_ENDNOTES, XmlPart)


def symbol_text(sym: Any) -> str:
    """The character a w:sym shows: its Unicode twin for common Symbol/Wingdings glyphs, else its code point."""
    try:
        code = int(sym.get(qn("w:char")) or "", 16)
    except ValueError:
        return ""
    font = (sym.get(qn("w:font")) or "").strip().lower()
    low = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
    known = _SYMBOLS.get((font.split()[0] if font else "", low))
    if known:
        return known
    try:
        return chr(code)
    except ValueError:
        return ""
_HEADING_NAME = re.compile(r"^(?:heading|見出し)\s*([1-9])$", re.IGNORECASE)
_LIST_NAME = re.compile(r"^list (?:bullet|number)(?: ([1-9]))?$", re.IGNORECASE)
_TITLE_NAMES = {"title", "表題"}


def paragraph_text_elements(p: Any) -> Iterator[Any]:
    """The text-bearing elements (w:t, w:tab, w:br, w:cr, w:noBreakHyphen) of paragraph ``p``, in order."""
    for child in p:
        tag = child.tag
        if not isinstance(tag, str) or tag in _PRUNED_FOR_TEXT:
            continue
        if tag in TEXT_TAGS:
            yield child
        else:
            yield from paragraph_text_elements(child)


def paragraph_text(p: Any) -> str:
    """The visible text of paragraph ``p`` (tracked insertions in, deletions out)."""
    parts = []
    for element in paragraph_text_elements(p):
        tag = element.tag
        if tag == W_T:
            parts.append(element.text or "")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag == W_BR:
            if element.get(qn("w:type")) in (None, "textWrapping"):
                parts.append("\n")
        elif tag == W_CR:
            parts.append("\n")
        elif tag == W_NOBREAK_HYPHEN:
            parts.append("-")
        elif tag == W_PTAB:
            parts.append("\t")
        elif tag == W_SYM:
            parts.append(symbol_text(element))
    return "".join(parts)


def _text_boxes(p: Any) -> Iterator[tuple[Any, Any | None]]:
    """The w:txbxContent elements anchored in ``p`` (not nested ones), each with its VML-fallback twin or None.

    Word writes a text box twice: as DrawingML (mc:Choice) and as VML (mc:Fallback). The box is read
    from the choice; the twin is returned so a writer can change both.
    """
    for child in p:
        tag = child.tag
        if not isinstance(tag, str) or tag == MC_FALLBACK:
            continue
        if tag == W_TXBX_CONTENT:
            yield child, None
        elif tag == MC_ALTERNATE:
            choices = [box for box, _ in _text_boxes(child)]
            fallback = child.find(MC_FALLBACK)
            twins = list(fallback.iter(W_TXBX_CONTENT)) if fallback is not None else []
            if len(twins) != len(choices):
                twins = [None] * len(choices)
            yield from zip(choices, twins)
        else:
            yield from _text_boxes(child)


@dataclass
class _StyleFacts:
    name: str = ""
    outline_level: int | None = None
    list_level: int | None = None


class _Styles:
    """Paragraph style facts (name, outline level, numbering) with basedOn inheritance resolved."""

    def __init__(self, styles_element: Any | None) -> None:
        self._by_id: dict[str, Any] = {}
        self._default_id = ""
        self._cache: dict[str, _StyleFacts] = {}
        if styles_element is None:
            return
        for style in styles_element.findall(qn("w:style")):
            if style.get(qn("w:type")) not in (None, "paragraph"):
                continue
            style_id = style.get(qn("w:styleId")) or ""
            self._by_id[style_id] = style
            if style.get(qn("w:default")) in ("1", "true", "on"):
                self._default_id = style_id

    def facts(self, style_id: str | None) -> _StyleFacts:
        style_id = style_id or self._default_id
        if style_id not in self._cache:
            self._cache[style_id] = self._resolve(style_id, depth=0)
        return self._cache[style_id]

    def _resolve(self, style_id: str, depth: int) -> _StyleFacts:
        style = self._by_id.get(style_id)
        if style is None or depth > 20:
            return _StyleFacts()
        name_element = style.find(qn("w:name"))
        raw_name = name_element.get(qn("w:val")) if name_element is not None else style_id
        from docx.styles import BabelFish

        facts = _StyleFacts(name=BabelFish.internal2ui(raw_name or ""))
        ppr = style.find(qn("w:pPr"))
        if ppr is not None:
            facts.outline_level = _outline_level(ppr)
            facts.list_level = _numbering(ppr)
        based_on = style.find(qn("w:basedOn"))
        if based_on is not None:
            parent = self._resolve(based_on.get(qn("w:val")) or "", depth + 1)
            if facts.outline_level is None:
                facts.outline_level = parent.outline_level
            if ppr is None or ppr.find(qn("w:numPr")) is None:
                facts.list_level = parent.list_level
        return facts


def _outline_level(ppr: Any) -> int | None:
    element = ppr.find(qn("w:outlineLvl"))
    if element is None:
        return None
    try:
        value = int(element.get(qn("w:val")) or "9")
    except ValueError:
        return None
    return value if 0 <= value < 9 else None


def _numbering(ppr: Any) -> int | None:
    """The list level from a w:numPr (0 when absent), or None when the paragraph is not numbered (numId 0)."""
    num_pr = ppr.find(qn("w:numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(qn("w:numId"))
    if num_id is not None and num_id.get(qn("w:val")) == "0":
        return None
    ilvl = num_pr.find(qn("w:ilvl"))
    try:
        return int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
    except (TypeError, ValueError):
        return 0


@dataclass
class _Walk:
    """Counters and modes while walking one document."""

    styles: _Styles
    lang: str | None
    paragraphs: int = 0
    tables: int = 0
    cell_stack: list[tuple[int, int, int]] = field(default_factory=list)
    area: str = "body"  # "body", "header", "footer", "footnote", "endnote"
    in_text_box: int = 0
    notes: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    note_id: int | None = None

    def container(self, element: Any) -> Iterator[tuple[Block, list[Any]]]:
        for child in element:
            tag = child.tag
            if tag == W_P:
                yield from self.paragraph(child)
            elif tag == W_TBL:
                yield from self.table(child)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    yield from self.container(content)
            elif tag == qn("w:customXml"):
                yield from self.container(child)

    def table(self, tbl: Any) -> Iterator[tuple[Block, list[Any]]]:
        number = self.tables
        self.tables += 1
        for row_index, tr in enumerate(_rows(tbl)):
            col = 0
            for tc in _row_cells(tr):
                span = _grid_span(tc)
                if not _continues_vertical_merge(tc):
                    self.cell_stack.append((number, row_index, col))
                    yield from self.container(tc)
                    self.cell_stack.pop()
                col += span

    def paragraph(self, p: Any) -> Iterator[tuple[Block, list[Any]]]:
        text = paragraph_text(p).strip()
        if text:
            yield self._block(p, text), [p]
        if self.area == "body" and self.notes:
            yield from self._cited_notes(p)
        for box, twin in _text_boxes(p):
            twins = _twin_paragraphs(box, twin)
            self.in_text_box += 1
            for block, targets in self.container(box):
                yield block, targets + [twins[id(t)][1] for t in targets if id(t) in twins]
            self.in_text_box -= 1

    def _cited_notes(self, p: Any) -> Iterator[tuple[Block, list[Any]]]:
        """The footnotes and endnotes ``p`` cites, each read once, right after the citing paragraph."""
        for reference in p.iter(W_FOOTNOTE_REF, W_ENDNOTE_REF):
            kind = "footnote" if reference.tag == W_FOOTNOTE_REF else "endnote"
            part_name, notes = self.notes.get(kind, ("", {}))
            note = notes.pop(reference.get(qn("w:id")) or "", None)
            if note is None:
                continue
            self.area, self.note_id = kind, _int(reference.get(qn("w:id")))
            for block, targets in self.container(note):
                block.part, block.note = part_name, self.note_id
                yield block, targets
            self.area, self.note_id = "body", None

    def _block(self, p: Any, text: str) -> Block:
        block = self._plain_block(p, text)
        try:
            marked = MarkedParagraph(p)
        except (ValueError, TypeError, AttributeError, IndexError, KeyError):  # a shape we do not know: plain text
            return block
        if marked.marked.strip() != marks.escape(text) or marked.atoms:   # words alone stay unmarked
            block.marked, block.atoms = marked.marked.strip(), marked.atoms
        return block

    def _plain_block(self, p: Any, text: str) -> Block:
        ppr = p.find(qn("w:pPr"))
        style_element = ppr.find(qn("w:pStyle")) if ppr is not None else None
        facts = self.styles.facts(style_element.get(qn("w:val")) if style_element is not None else None)
        if self.area == "header":
            return Block(HEADER, text, location=locations.header(self.lang), style=facts.name)
        if self.area == "footer":
            return Block(FOOTER, text, location=locations.footer(self.lang), style=facts.name)
        if self.area in ("footnote", "endnote"):
            kind = FOOTNOTE if self.area == "footnote" else ENDNOTE
            return Block(kind, text, style=facts.name, location=locations.note(self.area, self.note_id, self.lang))
        if self.cell_stack:
            table, row, col = self.cell_stack[-1]
            return Block(TABLE_CELL, text, table=table, row=row, col=col, style=facts.name,
                         location=locations.table_cell(table, row, col, self.lang))
        level = _heading_level(facts, ppr)
        if level:
            return Block(HEADING, text, level=level, style=facts.name, location=locations.heading(text, self.lang))
        self.paragraphs += 1
        where = locations.text_box(self.lang) if self.in_text_box else None
        list_level = _list_level(facts, ppr)
        if list_level is not None:
            return Block(LIST_ITEM, text, level=list_level, style=facts.name,
                         location=where or locations.list_item(self.paragraphs, self.lang))
        return Block(PARAGRAPH, text, style=facts.name, location=where or locations.paragraph(self.paragraphs, self.lang))


def _twin_paragraphs(box: Any, twin: Any | None) -> dict[int, tuple[Any, Any]]:
    """Paragraphs of a text box, by id, with the same paragraph in its VML twin.

    The box's own paragraph is kept in the value: lxml reuses a live element proxy, so ids
    stay valid while the mapping exists.
    """
    if twin is None:
        return {}
    mine, theirs = list(box.iter(W_P)), list(twin.iter(W_P))
    if len(mine) != len(theirs):
        return {}
    return {id(a): (a, b) for a, b in zip(mine, theirs)}


def _heading_level(facts: _StyleFacts, ppr: Any | None) -> int:
    match = _HEADING_NAME.match(facts.name.strip())
    if match:
        return int(match.group(1))
    if facts.name.strip().lower() in _TITLE_NAMES:
        return 1
    direct = _outline_level(ppr) if ppr is not None else None
    level = direct if direct is not None else facts.outline_level
    return level + 1 if level is not None else 0


def _list_level(facts: _StyleFacts, ppr: Any | None) -> int | None:
    """The list nesting level (0 = top) from direct or style numbering, None for a non-list paragraph."""
    if ppr is not None and ppr.find(qn("w:numPr")) is not None:
        return _numbering(ppr)
    match = _LIST_NAME.match(facts.name.strip())
    by_name = int(match.group(1) or 1) - 1 if match else None
    if facts.list_level is not None:
        return max(facts.list_level, by_name or 0)
    return by_name


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


def _children_through_controls(element: Any, tag: str) -> Iterator[Any]:
    """The children of ``element`` with ``tag``, including those wrapped in content controls or custom XML (any depth)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (W_SDT, qn("w:customXml")):
            content = child.find(W_SDT_CONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from _children_through_controls(content, tag)


def _rows(tbl: Any) -> Iterator[Any]:
    """The w:tr of a table, a row wrapped in a content control included."""
    return _children_through_controls(tbl, W_TR)


def _row_cells(tr: Any) -> Iterator[Any]:
    """The w:tc of a row, cells wrapped in content controls included."""
    return _children_through_controls(tr, W_TC)


def _grid_span(tc: Any) -> int:
    tcpr = tc.find(qn("w:tcPr"))
    span = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
    try:
        return max(1, int(span.get(qn("w:val")))) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _continues_vertical_merge(tc: Any) -> bool:
    """True for the lower parts of a vertically merged cell (read once, at its top)."""
    tcpr = tc.find(qn("w:tcPr"))
    merge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
    return merge is not None and merge.get(qn("w:val")) in (None, "continue")


def _header_footer_parts(document: Any, kind: str) -> list[Any]:
    """The header (or footer) parts the sections refer to, each once, in section order."""
    reference_tag = qn(f"w:{kind}Reference")
    seen: set[str] = set()
    parts = []
    body = document.element.body
    for sect_pr in body.iter(qn("w:sectPr")):
        for reference in sect_pr.iterchildren(reference_tag):
            r_id = reference.get(qn("r:id"))
            try:
                part = document.part.related_parts[r_id]
            except KeyError:
                continue
            name = str(part.partname)
            if name not in seen:
                seen.add(name)
                parts.append(part)
    return parts


def _walk_area(walk: _Walk, document: Any, area: str) -> Iterator[tuple[Block, list[Any]]]:
    """Header or footer blocks, one per distinct text, each with every paragraph showing that text."""
    walk.area = area
    grouped: dict[str, tuple[Block, list[Any]]] = {}
    for part in _header_footer_parts(document, area):
        for block, targets in walk.container(part.element):
            if block.text in grouped:
                grouped[block.text][1].extend(targets)
            else:
                grouped[block.text] = (block, list(targets))
    walk.area = "body"
    yield from grouped.values()


def walk_docx(document: Any, lang: str | None = None) -> Iterator[tuple[Block, list[Any]]]:
    """(block, target paragraphs) for ``document`` (a python-docx Document): headers, body, footers."""
    styles_element = None
    try:
        styles_element = document.styles.element
    except (KeyError, AttributeError, ValueError):
        styles_element = None
    walk = _Walk(_Styles(styles_element), lang)
    walk.notes = _notes(document)
    yield from _walk_area(walk, document, "header")
    yield from walk.container(document.element.body)
    yield from _walk_area(walk, document, "footer")


def _notes(document: Any) -> dict[str, tuple[str, dict[str, Any]]]:
    """Footnotes and endnotes by kind: (part name, {w:id: w:footnote element}), separators left out."""
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for kind, reltype in (("footnote", RELATIONSHIP_TYPE.FOOTNOTES), ("endnote", RELATIONSHIP_TYPE.ENDNOTES)):
        for rel in document.part.rels.values():
            if rel.reltype != reltype or rel.is_external:
                continue
            element = getattr(rel.target_part, "element", None)
            if element is None:
                continue
            notes = {
                note.get(qn("w:id")) or "": note
                for note in element.iterchildren(qn(f"w:{kind}"))
                if note.get(qn("w:type")) in (None, "normal")
            }
            found[kind] = (str(rel.target_part.partname), notes)
            break
    return found
