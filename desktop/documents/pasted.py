"""Text pasted into a pane, as a ``Document``."""

from __future__ import annotations

import re

from .model import HEADING, PARAGRAPH, Block, Document
from .plaintext import japanese_heading_level


def document_from_pasted_text(text: str) -> Document:
    """Pasted text as a document whose ``text()`` is exactly ``text`` (line breaks normalised to "\\n").

    One block per line; lines that read as Japanese numbered headings (第1章,
    1., (1), 【…】) or Markdown headings (# …) are headings, so parts can be
    cut and labelled at them. Unlike the reader's paste parsing, wrapped lines
    are never joined: offsets into the text stay the user's own.
    """
    blocks = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        markdown = re.match(r"(#{1,6})\s+\S", line)
        level = len(markdown.group(1)) if markdown else japanese_heading_level(line)
        blocks.append(Block(HEADING, line, level) if level else Block(PARAGRAPH, line))
    return Document(blocks=blocks, format="paste")
