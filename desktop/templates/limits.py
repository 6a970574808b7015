"""What a template file may bring with it, and the letterhead rule (issue #19: shared templates are untrusted).

A template is shared as a file by e-mail, on the intranet or by IT copying it
into a template folder, so everything in it is checked the same way whether it
is imported or simply placed in the folder:

- the letterhead is a bare ``.docx`` file name beside the template: no folder
  part, no ``..``, no drive letter, no UNC path, and the file it names must not
  be a link leading out of the folder;
- sizes and counts are bounded (``MAX_*`` below), each with its own message.

The numbers leave generous room for real templates: the biggest built-in is
about 4 KB with 9 fields and at most 4 choices per field.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from desktop.messages import message

#: A template's TOML file (or the template.toml in a shared .zip).
MAX_TEMPLATE_BYTES = 256 * 1024
#: Input fields in one template.
MAX_FIELDS = 40
#: Characters in ``system`` and in ``prompt``, each.
MAX_TEXT_CHARS = 20_000
#: Choices of one ``choice`` field.
MAX_CHOICES = 50
#: The letterhead .docx (a page of letterhead with a logo is typically well under 1 MB).
MAX_LETTERHEAD_BYTES = 5 * 1024 * 1024


def where(line: int | None) -> str:
    """The "N 行目: " prefix of a message, or nothing when the line is unknown."""
    return message("templates.where", line=line) if line else ""


def human_size(size: int) -> str:
    """Bytes as "12 KB" / "3.4 MB" for messages."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def bare_name_problem(value: str) -> bool:
    """True when ``value`` is not a bare file name on both Windows and POSIX (path, .., drive, UNC, ADS)."""
    if not value or value in (".", ".."):
        return True
    if any(ch in value for ch in "/\\:") or "\x00" in value:
        return True
    return PureWindowsPath(value).name != value or PurePosixPath(value).name != value


def check_letterhead_name(value: str, line: int | None) -> str:
    """``value`` if it is a bare .docx name; else the message naming the line (for ``TemplateError``)."""
    if bare_name_problem(value):
        return message("templates.letterhead_not_bare", where=where(line), value=value)
    return ""


def check_letterhead_file(folder: Path, value: str, line: int | None) -> str:
    """A problem with the letterhead file ``value`` in ``folder`` (link out of it, too large), or "".

    A missing file is not a problem here: the template still works without its letterhead.
    """
    candidate = folder / value
    if not candidate.exists() and not candidate.is_symlink():
        return ""
    try:
        inside = candidate.resolve(strict=True).parent == folder.resolve()
    except (OSError, RuntimeError):  # a broken or looping link
        inside = False
    if not inside:
        return message("templates.letterhead_outside", where=where(line), value=value)
    try:
        size = candidate.stat().st_size
    except OSError:
        return ""
    if size > MAX_LETTERHEAD_BYTES:
        return message("templates.letterhead_too_large", where=where(line), value=value,
                       size=human_size(size), limit=human_size(MAX_LETTERHEAD_BYTES))
    return ""


def count_problem(code: str, line: int | None, count: int, limit: int, **fields: object) -> str:
    """The message for a count over its limit, or "" when within it."""
    if count <= limit:
        return ""
    return message(code, where=where(line), count=count, limit=limit, **fields)
