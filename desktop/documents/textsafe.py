"""Characters every output format can hold: what the writers do with the ones a format cannot.

XML 1.0 (and so .docx) allows tab, line feed and carriage return among the C0
controls, and no other; nor U+FFFE, U+FFFF or a lone surrogate (XML 1.0 §2.2,
"Char"). UTF-8 cannot encode a lone surrogate either. Text that reaches a
writer comes from documents and models and may hold any of them: Word's
"plain text" export writes a vertical tab (U+000B) for a manual line break and
a form feed (U+000C) for a page break.

The rules, one table for every writer:
- vertical tab, U+2028 (line separator), U+0085 (next line) -> a line break ("\\n");
- form feed -> a page break: ``PAGE_BREAK`` for the .docx composer, a form feed
  kept in .txt (printers and editors honour it), a blank line in .md;
- U+2029 (paragraph separator) -> a blank line;
- a lone surrogate -> U+FFFD (it cannot be encoded at all);
- every other C0/C1 control but tab, and U+FFFE/U+FFFF -> dropped.
"""

from __future__ import annotations

import re

#: What ``for_docx`` leaves where a page break belongs (a form feed; the composer turns it into ``w:br type=page``).
PAGE_BREAK = "\f"

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x85\u2028]")
_SURROGATES = re.compile("[\ud800-\udfff]")
# C0 except tab, line feed and form feed; DEL and C1 except U+0085 (mapped above); the two non-characters.
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff]")


def _common(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text)
    text = text.replace("\u2029", "\n\n")
    text = _SURROGATES.sub("\ufffd", text)
    return _DROPPED.sub("", text)


def for_docx(text: str) -> str:
    """``text`` with only characters XML can hold, plus ``PAGE_BREAK`` where a page break belongs."""
    return _common(text)


def for_xml(text: str) -> str:
    """``text`` safe inside one XML text node: as ``for_docx``, with a page break as a line break."""
    return _common(text).replace(PAGE_BREAK, "\n")


def for_txt(text: str) -> str:
    """``text`` for a UTF-8 .txt file: the form feed kept as the plain-text page break."""
    return _common(text)


def for_markdown(text: str) -> str:
    """``text`` for a .md file: Markdown has no page break, so a form feed becomes a blank line."""
    return _common(text).replace(PAGE_BREAK, "\n\n")
