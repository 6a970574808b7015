"""Unpacking a .docx (a zip archive) within limits that hold on what the archive really holds.

A zip member's declared size can lie: a 1 MB member may claim 2,000 bytes and
inflate to gigabytes. ``unpack`` inflates every member as a stream, 1 MB at a
time, with a running byte cap per member and for the whole archive, so it
stops within the cap whatever the archive says. Parts that reading does not
need (images, embedded objects) can be left empty without being inflated.

The result is a new archive with the same parts stored uncompressed, which
python-docx then opens without inflating anything itself.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

#: XML parts (document, styles, footnotes, ...) may inflate to this much in total. A 500-page report has
#: 5-15 MB; 32 MB of XML is ~240,000 paragraphs, which python-docx parses in ~0.5 GB and ~10 s.
MAX_XML_BYTES = 32 * 1024 * 1024
#: All parts, images included, may inflate to this much in total (only when media are kept).
MAX_TOTAL_BYTES = 400 * 1024 * 1024
#: At most this many members (a zip can list millions of empty ones).
MAX_MEMBERS = 5000
_CHUNK = 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")


class ArchiveTooLarge(Exception):
    """The archive inflates past ``limit`` bytes (or holds too many members)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def is_xml_part(name: str) -> bool:
    return name.lower().endswith(_XML_SUFFIXES)


def unpack(data: bytes, *, keep_media: bool) -> bytes:
    """The archive ``data`` rebuilt with stored (uncompressed) members.

    Without ``keep_media`` only XML parts are inflated and other parts are kept
    as empty members. Raises ``ArchiveTooLarge``, or ``zipfile.BadZipFile`` /
    ``ValueError`` / ``OSError`` / ``EOFError`` / ``zlib.error`` for a damaged archive (a CRC error
    included: a member that inflates past its declared size fails it).
    """
    out = BytesIO()
    xml_total = 0
    total = 0
    with zipfile.ZipFile(BytesIO(data)) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as rebuilt:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ArchiveTooLarge(MAX_TOTAL_BYTES)
        for info in members:
            if info.is_dir():
                continue
            xml = is_xml_part(info.filename)
            if not xml and not keep_media:
                rebuilt.writestr(info.filename, b"")
                continue
            limit = (MAX_XML_BYTES - xml_total) if xml else (MAX_TOTAL_BYTES - total)
            body = _inflate(archive, info, min(limit, MAX_TOTAL_BYTES - total))
            total += len(body)
            if xml:
                xml_total += len(body)
            rebuilt.writestr(info.filename, body)
    return out.getvalue()


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    pieces: list[bytes] = []
    size = 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > budget:
                raise ArchiveTooLarge(MAX_XML_BYTES if is_xml_part(info.filename) else MAX_TOTAL_BYTES)
            pieces.append(chunk)
    return b"".join(pieces)
