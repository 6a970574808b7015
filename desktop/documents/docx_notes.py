"""What a .docx holds that reading leaves out, said as ``Document.warnings``.

- Comments (w:comment in the comments part) are not part of the text staff
  want summarized or translated; their number is reported.
- w:altChunk imports another file (HTML, RTF, another .docx) that Word merges
  only when it opens and saves the document; Fumi does not read it and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

from .errors import notice


def docx_warnings(document: Any, path: Path) -> list[dict[str, Any]]:
    """``Document.warnings`` entries for ``document`` (a python-docx Document)."""
    warnings = []
    comments = _comment_count(document)
    if comments:
        warnings.append(notice("has_comments", path, count=comments))
    chunks = sum(1 for _ in document.element.body.iter(qn("w:altChunk")))
    if chunks:
        warnings.append(notice("alt_chunk", path, count=chunks))
    return warnings


def _comment_count(document: Any) -> int:
    for rel in document.part.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.COMMENTS and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is not None:
                return sum(1 for _ in element.iterchildren(qn("w:comment")))
    return 0
