"""Turning the bytes of a text file into text, whatever Japanese encoding it uses.

Order of evidence: a byte-order mark (UTF-8, UTF-16 LE/BE); NUL bytes that
line up like UTF-16 without a mark; then strict decodes as UTF-8, CP932
(Shift_JIS with the Windows extensions) and EUC-JP. When more than one decodes
cleanly, the one whose characters look most like Japanese wins.

A file that no candidate decodes cleanly is decoded with the candidate that
needs the fewest replacement characters: a handful (at most 1 in 200
characters) is accepted and reported as a warning on the document; more makes
the file "corrupt". NUL bytes not explained by UTF-16, or many control
characters, make it "binary".
"""

from __future__ import annotations

from dataclasses import dataclass, field

REPLACEMENT = "\ufffd"

#: Candidates tried, in order, when there is no byte-order mark.
_CANDIDATES = ("utf-8", "cp932", "euc-jp")

#: Control characters that ordinary text files contain.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v", "\x1a", "\x1b"}

#: At most this share of characters may be replaced before the file is "corrupt".
MAX_REPLACED_SHARE = 1 / 200


class UndecodableText(Exception):
    """Raised with ``reason`` "binary" or "corrupt" (and ``bad``, the count of unreadable places)."""

    def __init__(self, reason: str, bad: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.bad = bad


@dataclass
class DecodedText:
    """Text (newlines normalised to "\\n"), the encoding used, and how many characters were replaced."""

    text: str
    encoding: str
    replaced: int = 0
    newline: str = "\n"
    notes: list[str] = field(default_factory=list)


def decode_text_bytes(data: bytes) -> DecodedText:
    """Decode a text file's bytes; raises ``UndecodableText`` for binary or hopelessly mixed data."""
    text, encoding, replaced = _decode(data)
    if _looks_binary(text):
        raise UndecodableText("binary")
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\x1a"):
        text = text[:-1]
    return DecodedText(text=text, encoding=encoding, replaced=replaced, newline=newline)


def _decode(data: bytes) -> tuple[str, str, int]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _lenient(data[3:], "utf-8", label="utf-8-sig")
    if data.startswith(b"\xff\xfe"):
        return _lenient(data[2:], "utf-16-le")
    if data.startswith(b"\xfe\xff"):
        return _lenient(data[2:], "utf-16-be")
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is None:
            raise UndecodableText("binary")
        return _lenient(data, guess)
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    # Mojibake can decode "cleanly" as CP932 or EUC-JP, so a UTF-8 file with one bad byte
    # (cut in the middle of a character, say) competes with them on how Japanese it looks.
    options = []
    nearly_utf8 = data.decode("utf-8", errors="replace")
    replaced = nearly_utf8.count(REPLACEMENT)
    if replaced <= max(1, len(nearly_utf8) * MAX_REPLACED_SHARE):
        options.append((japanese_score(nearly_utf8), nearly_utf8, "utf-8", replaced))
    for encoding in _CANDIDATES[1:]:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        options.append((japanese_score(text), text, encoding, 0))
    if options:
        _, text, encoding, replaced = max(options, key=lambda option: option[0])
        return text, encoding, replaced
    return _best_lenient(data)


def _lenient(data: bytes, encoding: str, label: str | None = None) -> tuple[str, str, int]:
    """Decode with replacement; too many replacements make the data corrupt."""
    text = data.decode(encoding, errors="replace")
    replaced = text.count(REPLACEMENT) - data.decode(encoding, errors="ignore").count(REPLACEMENT)
    _check_replaced(text, replaced)
    return text, label or encoding, replaced


def _best_lenient(data: bytes) -> tuple[str, str, int]:
    """The candidate needing the fewest replacements (ties: the most Japanese-looking)."""
    results = []
    for encoding in _CANDIDATES:
        text = data.decode(encoding, errors="replace")
        replaced = text.count(REPLACEMENT)
        results.append((replaced, -japanese_score(text), encoding, text))
    replaced, _, encoding, text = min(results)
    _check_replaced(text, replaced)
    return text, encoding, replaced


def _check_replaced(text: str, replaced: int) -> None:
    if replaced and replaced > max(1, len(text) * MAX_REPLACED_SHARE):
        raise UndecodableText("corrupt", replaced)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the NUL bytes sit where UTF-16 puts them, else None."""
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    total = even_nuls + odd_nuls
    for encoding, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nuls >= total * 0.9:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return encoding
    return None


def _looks_binary(text: str) -> bool:
    """True when NULs or more than 1 in 100 characters are unusual control characters."""
    if "\x00" in text:
        return True
    sample = text[:200_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return controls > max(2, len(sample) // 100)


def japanese_score(text: str) -> float:
    """How much ``text`` looks like Japanese: kana and common kanji count up, half-width kana and oddities down."""
    score = 0.0
    for ch in text[:100_000]:
        code = ord(ch)
        if 0x3040 <= code <= 0x30FF or 0x3000 <= code <= 0x303F:
            score += 1.0
        elif 0x4E00 <= code <= 0x9FFF:
            score += 0.5
        elif 0xFF01 <= code <= 0xFF5E:
            score += 0.3
        elif code < 0x80:
            continue
        elif 0xFF61 <= code <= 0xFF9F:
            score -= 1.0
        elif 0xE000 <= code <= 0xF8FF or code == 0xFFFD:
            score -= 2.0
        else:
            score -= 0.5
    return score
