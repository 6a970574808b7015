"""Sharing a template as one file, and reading a shared one with bounds (issue #19).

A template without a letterhead is shared as its ``.toml``. One with a
letterhead is shared as a ``.zip`` with a fixed layout::

    template.toml      the template; its letterhead = "letterhead.docx"
    letterhead.docx    the letterhead

and nothing else: any other member is refused by name. ``read_package`` reads
either form (or a ``.toml`` with its letterhead beside it, as earlier versions
exported) without trusting the archive's own size fields: each member is
inflated in chunks under a running byte cap. What comes in is returned as an
``ImportPackage`` for the import preview; nothing is written until the store's
``install``.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.messages import message

from . import limits
from .model import Template, TemplateError, load_template_file, parse_template

TEMPLATE_MEMBER = "template.toml"
LETTERHEAD_MEMBER = "letterhead.docx"
#: The whole shared file: a template, a letterhead and the archive's own overhead.
MAX_PACKAGE_BYTES = limits.MAX_TEMPLATE_BYTES + limits.MAX_LETTERHEAD_BYTES + 64 * 1024
#: How much of the letterhead's body the preview shows, when no page break comes first.
PREVIEW_CHARS = 1200
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class ImportPackage:
    """A shared template as read, before anything is written.

    ``template.path`` is None; ``letterhead`` the .docx bytes or None;
    ``letterhead_text`` the body text of its first page ("" when it has none).
    """

    source: Path
    template: Template
    letterhead: bytes | None = None
    letterhead_text: str = ""

    @property
    def has_letterhead(self) -> bool:
        return self.letterhead is not None

    def preview_lines(self, lang: str = "ja") -> list[str]:
        """The preview as text lines: title, fields, the letterhead's first page (or "none")."""
        t = self.template
        named = message("named", lang, name=t.title_for(lang), detail=t.id)
        lines = [f"{message('templates.preview_title', lang)}: {named}",
                 f"{message('templates.preview_fields', lang)}:"]
        required = message("templates.required", lang)
        for item in t.fields:
            mark = f" [{required}]" if item.required else ""
            lines.append(f"  - {message('named', lang, name=item.label_for(lang), detail=item.name)}{mark}")
        head = message("templates.preview_letterhead", lang)
        if not self.has_letterhead:
            lines.append(f"{head}: {message('templates.preview_none', lang)}")
        elif not self.letterhead_text:
            lines.append(f"{head}: {message('templates.preview_no_body', lang)}")
        else:
            lines.append(f"{head}: {message('templates.preview_body', lang)}")
            lines.extend(f"  | {line}" for line in self.letterhead_text.splitlines())
        return lines


def digest(data: bytes) -> str:
    """SHA-256 hex digest: how the store remembers which letterhead body the user saw and accepted."""
    return hashlib.sha256(data).hexdigest()


def read_package(source: str | Path) -> ImportPackage:
    """Read a shared template (.toml or .zip); raises ``TemplateError`` naming the file and the problem."""
    source = Path(source)
    try:
        size = source.stat().st_size
        with source.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise TemplateError(message("templates.unreadable", file=source.name, reason=exc.strerror or exc)) from None
    if magic.startswith(b"PK") or source.suffix.lower() == ".zip":
        if size > MAX_PACKAGE_BYTES:
            raise TemplateError(message("templates.file_too_large", name=source.name, size=limits.human_size(size),
                                        limit=limits.human_size(MAX_PACKAGE_BYTES)))
        return _read_zip(source)
    template = load_template_file(source, source="user")  # bounded size, letterhead rule
    letterhead = None
    path = template.letterhead_path()
    if path is not None:
        letterhead = _read_capped(path.open("rb"), limits.MAX_LETTERHEAD_BYTES, source.name, path.name)
    return _package(source, replace(template, path=None), letterhead)


def package_bytes(template: Template) -> bytes:
    """The .zip form of ``template`` with its letterhead (if it has one that exists)."""
    letterhead = template.letterhead_path()
    data = replace(template, letterhead=LETTERHEAD_MEMBER if letterhead else "", path=None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(TEMPLATE_MEMBER, data.to_toml().encode("utf-8"))
        if letterhead is not None:
            archive.writestr(LETTERHEAD_MEMBER, letterhead.read_bytes())
    return buffer.getvalue()


# ----------------------------------------------------------------- internals

def _read_zip(source: Path) -> ImportPackage:
    members: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            for info in infos:
                if info.filename not in (TEMPLATE_MEMBER, LETTERHEAD_MEMBER) or info.filename in members:
                    raise TemplateError(message("templates.package_member", name=source.name, member=info.filename))
                cap = limits.MAX_TEMPLATE_BYTES if info.filename == TEMPLATE_MEMBER else limits.MAX_LETTERHEAD_BYTES
                members[info.filename] = _read_capped(archive.open(info), cap, source.name, info.filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, RuntimeError, NotImplementedError, OSError, EOFError):
        raise TemplateError(message("templates.package_bad", name=source.name)) from None
    if TEMPLATE_MEMBER not in members:
        raise TemplateError(message("templates.package_bad", name=source.name))
    try:
        text = members[TEMPLATE_MEMBER].decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError(message("templates.member_not_utf8", name=source.name, member=TEMPLATE_MEMBER)) from None
    try:
        template = parse_template(text, source="user")
    except TemplateError as exc:
        raise TemplateError(message("templates.in_file", file=source.name, message=exc.message),
                            line=exc.line, key=exc.key) from None
    letterhead = members.get(LETTERHEAD_MEMBER)
    if template.letterhead and letterhead is None:
        raise TemplateError(message("templates.package_letterhead_missing", name=source.name, value=template.letterhead))
    if letterhead is not None and template.letterhead != LETTERHEAD_MEMBER:
        raise TemplateError(message("templates.package_letterhead_unused", name=source.name))
    return _package(source, template, letterhead)


def _read_capped(stream, cap: int, name: str, member: str) -> bytes:
    """All of ``stream``, refusing as soon as more than ``cap`` bytes have come out (the sizes an
    archive declares are not trusted)."""
    chunks, total = [], 0
    with stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > cap:
                raise TemplateError(message("templates.package_too_large", name=name, member=member,
                                            limit=limits.human_size(cap)))
            chunks.append(chunk)
    return b"".join(chunks)


def _package(source: Path, template: Template, letterhead: bytes | None) -> ImportPackage:
    text = letterhead_first_page(letterhead, source.name) if letterhead is not None else ""
    return ImportPackage(source=source, template=template, letterhead=letterhead, letterhead_text=text)


def letterhead_first_page(data: bytes, name: str) -> str:
    """The body text of a letterhead's first page: paragraphs and table cells in order, up to the
    first page break or ``PREVIEW_CHARS`` characters. Raises ``TemplateError`` if it is not a .docx."""
    from desktop.documents import DocumentError
    from desktop.documents.readers import open_docx_bytes
    from desktop.messages import describe

    _check_letterhead_parts(data, name)
    try:
        document = open_docx_bytes(Path(LETTERHEAD_MEMBER), data, keep_media=False)
    except DocumentError as exc:
        raise TemplateError(message("templates.letterhead_unreadable", name=name, reason=describe(exc))) from None
    lines: list[str] = []
    total = 0
    for paragraph in document.element.body.iter(_W + "p"):
        text = "".join("\n" if node.tag != _W + "t" else node.text or ""
                       for node in paragraph.iter(_W + "t", _W + "br", _W + "tab")).strip()
        if text:
            lines.append(text)
            total += len(text)
        breaks = paragraph.iter(_W + "br", _W + "lastRenderedPageBreak", _W + "sectPr")
        if total >= PREVIEW_CHARS or any(_is_page_break(node) for node in breaks):
            break
    return "\n".join(lines)[:PREVIEW_CHARS]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The XML a letterhead may inflate to, and its parts: a page of letterhead is a few hundred KB of
#: XML, so python-docx parses it in well under a second and a few tens of MB (``safezip``'s limits
#: for any document are 32 MB and 5,000 parts).
MAX_LETTERHEAD_XML_BYTES = 4 * 1024 * 1024
MAX_LETTERHEAD_PARTS = 500


def _check_letterhead_parts(data: bytes, name: str) -> None:
    """Inflate the letterhead's XML parts under a running cap before python-docx sees them."""
    budget = MAX_LETTERHEAD_XML_BYTES
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_LETTERHEAD_PARTS:
                raise TemplateError(message("templates.package_too_large", name=name, member=LETTERHEAD_MEMBER,
                                            limit=f"{MAX_LETTERHEAD_PARTS} parts"))
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels")):
                    budget -= len(_read_capped(archive.open(info), budget, name, info.filename))
    except TemplateError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, RuntimeError, NotImplementedError, OSError,
            EOFError, ValueError):
        raise TemplateError(message("templates.letterhead_unreadable", name=name, reason="zip")) from None


def _is_page_break(node) -> bool:
    if node.tag == _W + "br":
        return node.get(_W + "type") == "page"
    return True
