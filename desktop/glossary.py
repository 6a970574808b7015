"""The office's glossary: fixed translations of terms (区市町村 → municipalities).

A glossary is a TSV or CSV file of rows ``source, target[, note]``, as staff
keep them in Excel: tab or comma separated (detected), quoted by the usual
rules (``glossary_parse``: a problem names its line), in any encoding the
document decoder reads (UTF-8 with or without BOM, Excel's "Unicode text"
UTF-16, CP932, EUC-JP, ...), an optional header row. The user's glossaries live
in ``Paths.glossaries``; the default one is ``glossary.tsv`` there. Saving is
atomic (UTF-8 TSV with a header row).

For translation, ``select_terms`` picks only the terms that occur in a
segment (so a prompt carries a handful of terms, not the whole list), and
``missing_terms`` says which selected terms' translations are absent from
the output, so the segment can be flagged for a person to check.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.documents.errors import format_size
from desktop.documents.textdecode import UndecodableText, decode_text_bytes
from desktop.glossary_parse import MAX_CELL_CHARS, RowError, rows
from desktop.messages import message
from desktop.settings import Paths, atomic_write_text

DEFAULT_GLOSSARY_NAME = "glossary.tsv"
HEADER = ("原語", "訳語", "メモ")
#: First cells that mark a header row rather than a term.
_HEADER_WORDS = {"原語", "用語", "原文", "source", "term", "src", "見出し語"}
MAX_GLOSSARY_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Term:
    """One glossary entry: ``source`` is always translated as ``target``."""

    source: str
    target: str
    note: str = ""

    def as_pair(self) -> list[str]:
        return [self.source, self.target]


class GlossaryError(Exception):
    """A glossary file that cannot be read or written.

    ``code`` and ``params`` name the problem in the catalogue (``glossary.*``);
    ``message`` is its text in the user's language.
    """

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        self.message = message(code, **params)
        super().__init__(self.message)


def default_glossary_path(paths: Paths | None = None) -> Path:
    """Where the user's glossary is kept: ``<data>/glossaries/glossary.tsv``."""
    return (paths or Paths.default()).glossaries / DEFAULT_GLOSSARY_NAME


# ------------------------------------------------------------------ reading

def decode_bytes(data: bytes) -> str:
    """Glossary file bytes as text, by the same decoder as documents (``textdecode``)."""
    try:
        return decode_text_bytes(data).text
    except UndecodableText as exc:
        raise GlossaryError("glossary.not_text" if exc.reason == "binary" else "glossary.bad_encoding") from None


def parse_glossary(text: str, delimiter: str | None = None, *, name: str = "") -> list[Term]:
    """The terms in TSV or CSV ``text``.

    The separator is ``delimiter`` if given, else a tab if the first row has
    one, else a comma. Blank rows, rows starting with ``#``, a header row, and
    rows without a source or a target are skipped; a later row for the same
    source replaces an earlier one. A quoting mistake or an oversized cell
    raises ``GlossaryError`` naming the line (``name`` names the file).
    """
    text = text.lstrip("\ufeff")
    if delimiter is None:
        first_row = next((line for line in text.splitlines() if line.strip()), "")
        delimiter = "\t" if "\t" in first_row else ","
    terms: dict[str, Term] = {}
    try:
        for number, (_, row) in enumerate(rows(text, delimiter)):
            cells = [cell.strip() for cell in row]
            if not cells or not cells[0] or cells[0].startswith("#"):
                continue
            if number == 0 and cells[0].lower() in _HEADER_WORDS:
                continue
            if len(cells) < 2 or not cells[1]:
                continue
            note = cells[2] if len(cells) > 2 else ""
            terms[cells[0]] = Term(cells[0], cells[1], note)
    except RowError as exc:
        raise GlossaryError(f"glossary.{exc.kind}", name=name or "?", line=exc.line, limit=MAX_CELL_CHARS) from None
    return list(terms.values())


def load_glossary(path: Path | str) -> list[Term]:
    """The terms of the glossary file at ``path``; raises ``GlossaryError`` with a message for the user."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_GLOSSARY_BYTES:
            raise GlossaryError("glossary.too_large", name=path.name, limit=format_size(MAX_GLOSSARY_BYTES))
        data = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError("glossary.missing", name=str(path)) from None
    except IsADirectoryError:
        raise GlossaryError("glossary.folder", name=str(path)) from None
    except OSError as exc:
        raise GlossaryError("glossary.unreadable", name=path.name, detail=exc.strerror or exc) from None
    delimiter = {".csv": ",", ".tsv": "\t"}.get(path.suffix.lower())
    return parse_glossary(decode_bytes(data), delimiter, name=path.name)


def load_default_glossary(paths: Paths | None = None) -> list[Term]:
    """The user's default glossary; empty if there is none yet."""
    path = default_glossary_path(paths)
    return load_glossary(path) if path.exists() else []


def terms_from_pairs(pairs: list[Any]) -> list[Term]:
    """Terms from ``[[source, target(, note)], ...]`` (the job's input form); malformed rows are skipped."""
    terms = []
    for pair in pairs or []:
        if isinstance(pair, (list, tuple)) and len(pair) >= 2:
            source, target = str(pair[0]).strip(), str(pair[1]).strip()
            if source and target:
                terms.append(Term(source, target, str(pair[2]) if len(pair) > 2 else ""))
    return terms


# ------------------------------------------------------------------ writing

def format_glossary(terms: list[Term], delimiter: str = "\t") -> str:
    """``terms`` as TSV (or CSV with ``delimiter=","``) text with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(HEADER)
    for term in terms:
        writer.writerow([term.source, term.target, term.note])
    return buffer.getvalue()


def save_glossary(path: Path | str, terms: list[Term]) -> None:
    """Write ``terms`` to ``path`` atomically: TSV, or CSV if the name ends in .csv."""
    path = Path(path)
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    try:
        atomic_write_text(path, format_glossary(terms, delimiter))
    except OSError as exc:
        raise GlossaryError("glossary.unsaved", name=path.name, detail=exc.strerror or exc) from None


# ------------------------------------------------------------- translating

def _normalized(text: str) -> str:
    """``text`` for matching: full-width letters as ASCII (NFKC), lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def select_terms(terms: list[Term], text: str) -> list[Term]:
    """The terms whose source occurs in ``text``, longest first.

    A term found only inside a longer selected term (市町村 inside 区市町村)
    is left out, so that the prompt does not contradict itself.
    """
    remaining = _normalized(text)
    selected = []
    for term in sorted(terms, key=lambda t: len(t.source), reverse=True):
        key = _normalized(term.source)
        if key and key in remaining:
            selected.append(term)
            remaining = remaining.replace(key, "\x00")
    return selected


def missing_terms(output: str, selected: list[Term]) -> list[Term]:
    """The selected terms whose target does not occur in ``output`` (ignoring case and width)."""
    found = _normalized(output)
    return [term for term in selected if _normalized(term.target) not in found]
