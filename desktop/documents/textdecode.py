"""Turning the bytes of a text file into text: the one decoder for documents and glossaries.

Order of evidence:

1. a byte-order mark (UTF-8, UTF-16 LE/BE);
2. ISO-2022-JP escapes in 7-bit data (saved e-mails);
3. NUL bytes: a few stray NULs in otherwise valid UTF-8 (a broken export) are
   dropped with a note; NULs that line up like UTF-16 without a mark are
   UTF-16 only when that decoding is clean and reads as text (strong evidence);
   other NULs make the file "binary";
4. strict UTF-8;
5. CP932, EUC-JP, eucJP-ms (①②③ and IBM kanji as Linux tools write them) and
   UTF-8 with a handful of bad bytes compete on how Japanese the text looks;
6. nothing Japanese fits, or the best Japanese reading is long and has no kana
   (Korean EUC-KR and Chinese GBK decode "cleanly" as EUC-JP/CP932 into
   kanji): charset-normalizer's best guess, if it reads as text.

Never silent mojibake: a decoding whose letters change script letter by letter
(``noise.is_noise``) is refused ("garbled"). A few replaced characters (at most
1 in 200) are accepted and counted; more make the file "corrupt".
charset-normalizer is not the first judge: on the intake cases it keeps a
stray NUL as text and reads eucJP-ms as EUC-JIS-2004 (髙 as 翏).
"""

from __future__ import annotations

from dataclasses import dataclass

from .japanese_codecs import decode_eucjp_ms, iso2022jp_to_euc, looks_iso2022jp
from .noise import is_noise

REPLACEMENT = "\ufffd"

#: Control characters that ordinary text files contain.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v", "\x1a", "\x1b"}

#: At most this share of characters may be replaced before the file is "corrupt".
MAX_REPLACED_SHARE = 1 / 200
#: At most this share of bytes may be stray NULs in a UTF-8 file.
MAX_STRAY_NUL_SHARE = 1 / 100
#: charset-normalizer names for the encodings ``_best_japanese`` already tried.
_JAPANESE_CODEC_PREFIXES = ("cp932", "shift", "euc-jp", "euc-jis", "iso2022-jp", "iso-2022-jp", "utf-8")
#: Quick checks look at this many bytes first.
_SAMPLE_BYTES = 64 * 1024
#: charset-normalizer looks at this many bytes at most (it is slow on large inputs).
_DETECTOR_SAMPLE = 256 * 1024


class UndecodableText(Exception):
    """Raised with ``reason`` "binary", "corrupt" (``bad`` places unreadable) or "garbled" (reads as noise)."""

    def __init__(self, reason: str, bad: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.bad = bad


@dataclass
class DecodedText:
    """Text (newlines normalised to "\\n"; a vertical tab is a line break, a form feed a paragraph break),
    the encoding used, replaced characters and dropped NULs."""

    text: str
    encoding: str
    replaced: int = 0
    newline: str = "\n"
    nuls_dropped: int = 0


def decode_text_bytes(data: bytes) -> DecodedText:
    """Decode a text file's bytes; raises ``UndecodableText`` for binary, hopelessly mixed or garbled data."""
    nuls = 0
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data, nuls = _without_stray_nuls(data)
    text, encoding, replaced = _decode(data)
    if _looks_binary(text):
        raise UndecodableText("binary")
    if encoding not in ("utf-8", "utf-8-sig") and is_noise(text):
        raise UndecodableText("garbled")
    newline = "\r\n" if "\r\n" in text else "\n"
    # Word's text export writes a manual line break as a vertical tab and a page break as a form feed.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n\n")
    if text.endswith("\x1a"):
        text = text[:-1]
    return DecodedText(text=text, encoding=encoding, replaced=replaced, newline=newline, nuls_dropped=nuls)


def _without_stray_nuls(data: bytes) -> tuple[bytes, int]:
    """``data`` without its NULs when they are a few strays in UTF-8, else unchanged (UTF-16 or binary)."""
    count = data.count(0)
    if count > max(2, len(data) * MAX_STRAY_NUL_SHARE):
        return data, 0
    stripped = data.replace(b"\x00", b"")
    try:
        text = stripped.decode("utf-8")
    except UnicodeDecodeError:
        return data, 0
    if not text.strip() or any(ord(ch) < 32 and ch not in _ALLOWED_CONTROLS for ch in text):
        return data, 0
    return stripped, count


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
    if looks_iso2022jp(data):
        text, replaced = decode_eucjp_ms(iso2022jp_to_euc(data))
        _check_replaced(text, replaced)
        return text, "iso-2022-jp", replaced
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    return _best_japanese(data) or _detected(data)


def _best_japanese(data: bytes) -> tuple[str, str, int] | None:
    """The most Japanese-looking of the clean decodings (or UTF-8 with a few bad bytes); None if none fits.

    Mojibake can decode "cleanly" as CP932 or EUC-JP, so a UTF-8 file with one bad byte
    (cut in the middle of a character, say) competes with them on how Japanese it looks.
    """
    options: list[tuple[float, str, str, int]] = []
    nearly_utf8 = data.decode("utf-8", errors="replace")
    replaced = nearly_utf8.count(REPLACEMENT)
    if replaced <= max(1, len(nearly_utf8) * MAX_REPLACED_SHARE):
        options.append((japanese_score(nearly_utf8), nearly_utf8, "utf-8", replaced))
    for encoding in ("cp932", "euc-jp"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        options.append((japanese_score(text), text, encoding, 0))
    if not any(encoding == "euc-jp" for _, _, encoding, _ in options) and _plausible_eucjp_ms(data):
        text, bad = decode_eucjp_ms(data)
        if bad <= max(1, len(text) * MAX_REPLACED_SHARE):
            options.append((japanese_score(text) - bad, text, "euc-jp-ms", bad))
    if not options:
        cp932 = data.decode("cp932", errors="replace")
        bad = cp932.count(REPLACEMENT)
        if bad <= max(1, len(cp932) * MAX_REPLACED_SHARE):
            options.append((japanese_score(cp932), cp932, "cp932", bad))
    readable = [option for option in options if not is_noise(option[1]) and option[0] > 0]
    if not readable:
        return None
    _, text, encoding, replaced = max(readable, key=lambda option: option[0])
    if encoding != "utf-8" and _without_kana(text):
        # Korean EUC-KR and Chinese GBK decode "cleanly" as EUC-JP or CP932 into kanji without kana.
        other = _detector_guess(data)
        if other is not None and not other[1].startswith(_JAPANESE_CODEC_PREFIXES):
            return other
    return text, encoding, replaced


def _plausible_eucjp_ms(data: bytes) -> bool:
    """True when the first 64 KB decode as eucJP-ms with few replacements (a quick check before the whole file)."""
    sample, bad = decode_eucjp_ms(data[:_SAMPLE_BYTES])
    return bad <= max(2, len(sample) * MAX_REPLACED_SHARE)


def _without_kana(text: str) -> bool:
    """True for a long text with (almost) no kana: rare in Japanese, typical of Korean or Chinese read as Japanese."""
    letters = kana = 0
    for ch in text[:20_000]:
        if ch.isalpha():
            letters += 1
            if 0x3040 <= ord(ch) <= 0x30FF or 0xFF66 <= ord(ch) <= 0xFF9F:
                kana += 1
    return letters >= 30 and kana < letters * 0.03


def _detector_guess(data: bytes) -> tuple[str, str, int] | None:
    """charset-normalizer's best decoding of ``data`` when it reads as text, else None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # the packaged app always has it; a source checkout may not
        return None
    best = from_bytes(data[:_DETECTOR_SAMPLE]).best()
    if best is None or not best.encoding:
        return None
    text = data.decode(best.encoding, errors="replace")
    if is_noise(text):
        return None
    return text, best.encoding.replace("_", "-"), text.count(REPLACEMENT)


def _detected(data: bytes) -> tuple[str, str, int]:
    """charset-normalizer's best guess for a file no Japanese encoding fits, or "corrupt"/"garbled"."""
    guess = _detector_guess(data)
    if guess is not None:
        _check_replaced(guess[0], guess[2])
        return guess
    text = data.decode("utf-8", errors="replace")
    bad = text.count(REPLACEMENT)
    _check_replaced(text, bad)
    raise UndecodableText("garbled", bad)


def _lenient(data: bytes, encoding: str, label: str | None = None) -> tuple[str, str, int]:
    """Decode with replacement; too many replacements make the data corrupt."""
    text = data.decode(encoding, errors="replace")
    replaced = text.count(REPLACEMENT) - data.decode(encoding, errors="ignore").count(REPLACEMENT)
    _check_replaced(text, replaced)
    return text, label or encoding, replaced


def _check_replaced(text: str, replaced: int) -> None:
    if replaced and replaced > max(1, len(text) * MAX_REPLACED_SHARE):
        raise UndecodableText("corrupt", replaced)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the NULs sit where UTF-16 puts them and the text reads as text, else None."""
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    total = even_nuls + odd_nuls
    if total < 2:
        return None
    for encoding, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nuls >= total * 0.9:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text) and not is_noise(text):
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
        elif 0xFF01 <= code <= 0xFF5E or 0x2460 <= code <= 0x24FF or 0x2160 <= code <= 0x217F:
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
