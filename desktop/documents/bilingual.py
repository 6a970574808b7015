"""Source and translation side by side, with each paragraph's links and fields in both columns.

``add_structured_rows(document, table, source, translations, lang)`` fills a
two-column table from a source .docx: the left cell holds a copy of each
source paragraph, the right cell a copy with the translation written back
(``docx_runs``), so links (with their targets), fields, tabs, breaks,
symbols and formatting are in both. What a copy cannot carry into another
document is left out: pictures and other parts it points to, note and
comment references, paragraph styles and numbering; bookmarks are kept in
the left column only (names must be unique).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from . import marks
from .docx_runs import MarkedParagraph
from .docx_walk import walk_docx

_R_ID = qn("r:id")
_LEFT_OUT = {qn(f"w:{name}") for name in (
    "drawing", "pict", "object", "footnoteReference", "endnoteReference", "commentReference",
    "commentRangeStart", "commentRangeEnd", "footnoteRef", "endnoteRef")}
_BOOKMARKS = {qn("w:bookmarkStart"), qn("w:bookmarkEnd")}


def _parts_by_root(source: Any) -> dict[int, Any]:
    """The document part and every part it relates to that has an XML root, by ``id(root)``."""
    parts = {id(source.part.element): source.part}
    for part in source.part.related_parts.values():
        element = getattr(part, "element", None)
        if element is not None:
            parts[id(element)] = part
    return parts


def _portable(p: Any, part: Any, out: Any, *, bookmarks: bool) -> Any:
    """A copy of paragraph ``p`` (of ``part``) that can live in document ``out``."""
    twin = copy.deepcopy(p)
    ppr = twin.find(qn("w:pPr"))
    if ppr is not None:
        twin.remove(ppr)
    for element in list(twin.iter()):
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag in _LEFT_OUT or (not bookmarks and element.tag in _BOOKMARKS):
            parent.remove(element)
        elif element.tag == qn("w:hyperlink") and element.get(_R_ID):
            relationship = part.rels.get(element.get(_R_ID)) if part is not None else None
            if relationship is not None and relationship.is_external:
                element.set(_R_ID, out.part.relate_to(relationship.target_ref, RT.HYPERLINK, is_external=True))
            else:
                del element.attrib[_R_ID]
        elif element.get(_R_ID) is not None:
            parent.remove(element)
    return twin


def add_structured_rows(out: Any, table: Any, source: Any, translations: Sequence[str | None], lang: str) -> None:
    """One row per block of python-docx document ``source``: the source paragraph | its translation.

    ``translations`` is parallel to the source's blocks (None or "": the right cell stays empty).
    """
    parts = _parts_by_root(source)
    for (block, targets), translation in zip(walk_docx(source), translations):
        p = targets[0]
        part = parts.get(id(p.getroottree().getroot()))
        cells = table.add_row().cells
        left = _portable(p, part, out, bookmarks=True)
        cells[0]._tc.remove(cells[0].paragraphs[0]._p)
        cells[0]._tc.append(left)
        if not translation:
            continue
        right = _portable(p, part, out, bookmarks=False)
        MarkedParagraph(right).write(marks.in_marked_form(translation.strip(), bool(block.marked)), lang)
        cells[1]._tc.remove(cells[1].paragraphs[0]._p)
        cells[1]._tc.append(right)
