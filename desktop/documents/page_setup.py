"""The page of a .docx that Fumi writes from scratch: A4 portrait, as a Japanese city office prints.

python-docx starts from US Letter (8.5×11 in); a city office uses A4 (JIS P 0138 /
ISO 216: 210×297 mm). The margins are our choice, in the range Japanese official
documents use: 25 mm top and bottom, 30 mm left and right (room for binding and
stamps on the left). A document written over the user's own file or a letterhead
keeps that file's page; only fresh documents are set here.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.shared import Mm

A4_WIDTH_MM = 210
A4_HEIGHT_MM = 297
MARGIN_TOP_BOTTOM_MM = 25
MARGIN_LEFT_RIGHT_MM = 30


def use_a4_portrait(document: Any) -> None:
    """Give every section of ``document`` (a python-docx Document) an A4 portrait page and our margins."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Mm(A4_WIDTH_MM)
        section.page_height = Mm(A4_HEIGHT_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_TOP_BOTTOM_MM)
        section.left_margin = section.right_margin = Mm(MARGIN_LEFT_RIGHT_MM)
