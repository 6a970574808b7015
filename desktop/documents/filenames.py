"""File names Fumi proposes, valid on Windows, and paths longer than Windows' classic limit.

The rules are Windows' own ("Naming Files, Paths, and Namespaces", Win32 docs):
no ``< > : " / \\ | ? *`` and no control characters in a name; no trailing dot
or space (Explorer strips them, so the file would not be found again); not a
reserved device name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, also with an
extension such as ``CON.txt``, and the superscript-digit forms ``COM¹``); a
name at most 255 UTF-16 units; a whole path at most 259 characters
(MAX_PATH 260 with its terminating NUL) unless written as ``\\\\?\\C:\\...``.
The same names work on Linux and macOS, so one rule serves every platform.
"""

from __future__ import annotations

import os
import re

MAX_NAME_UNITS = 255   # NTFS: 255 UTF-16 code units per name; ext4/APFS: 255 bytes (checked too)
MAX_PATH_CHARS = 259   # MAX_PATH (260) less the terminating NUL
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)
_FALLBACK_STEM = "fumi"


def safe_file_name(stem: str, suffix: str = "", *, replacement: str = "_") -> str:
    """``stem + suffix`` made valid as a file name on Windows (and so everywhere).

    Forbidden characters become ``replacement``; trailing dots and spaces go;
    a reserved device name gets ``_`` appended; an empty stem becomes "fumi";
    the stem is shortened (never inside a character) until the name fits 255
    UTF-16 units and 255 UTF-8 bytes. ``suffix`` (".docx") is kept as given.
    """
    name = _FORBIDDEN.sub(replacement, stem).strip().rstrip(". ")
    if not name:
        name = _FALLBACK_STEM
    if _RESERVED.match(name.split(".")[0]):
        name = name + "_"
    while name and not _fits(name + suffix):
        name = name[:-1].rstrip(". ")
    return (name or _FALLBACK_STEM) + suffix


def _fits(name: str) -> bool:
    return len(name.encode("utf-16-le")) // 2 <= MAX_NAME_UNITS and len(name.encode("utf-8")) <= MAX_NAME_UNITS


def long_path(path: str | os.PathLike[str], *, os_name: str | None = None) -> str:
    """``path`` in a form the OS can open: on Windows, an absolute path past 259 characters gets the
    ``\\\\?\\`` prefix (``\\\\?\\UNC\\`` for a network share); elsewhere, and for short paths, unchanged."""
    text = os.fspath(path)
    if (os_name or os.name) != "nt" or len(text) <= MAX_PATH_CHARS or text.startswith("\\\\?\\"):
        return text
    text = text.replace("/", "\\")
    if text.startswith("\\\\"):
        return "\\\\?\\UNC\\" + text[2:]
    if re.match(r"^[A-Za-z]:\\", text):
        return "\\\\?\\" + text
    return text
