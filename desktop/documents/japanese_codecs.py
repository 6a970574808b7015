"""EUC-JP as Linux tools write it (eucJP-ms) and ISO-2022-JP, decoded without silent mojibake.

Python's "euc-jp" knows JIS X 0208 and JIS X 0212 only, so ①②③ (NEC row 13,
written 0xADA1...) and the IBM extension kanji (髙, 﨑) that glibc's iconv and
nkf write as EUC-JP-MS fail to decode, and "euc_jis_2004" decodes them
silently as other characters (髙 as 翏). ``decode_eucjp_ms`` follows the
eucJP-ms definition (TOG/JVC CDE/Motif technical committee, 1996-2002):

- two bytes 0xA1-0xFE: JIS X 0208 rows 1-84, plus NEC row 13 through its CP932
  twin; rows 85-94 are the user-defined area (not text: replaced);
- 0x8E + byte: half-width katakana;
- 0x8F + two bytes: JIS X 0212, plus the IBM extensions that JIS X 0212 lacks
  at 0x8FF3F3-0x8FF4FE (``_IBM_EXTENSIONS``, in eucJP-ms order; checked
  against glibc iconv's EUC-JP-MS table).

``iso2022jp_to_euc`` turns ISO-2022-JP (RFC 1468, with the JIS X 0201 kana and
JIS X 0212 escapes, as mail programs write it) into the same EUC bytes, so one
decoder serves both.
"""

from __future__ import annotations

import codecs

REPLACEMENT = "\ufffd"

#: The IBM extension characters at 0x8FF3F3 onward (rows 0xF3 from 0xF3, 0xF4 from 0xA1).
_IBM_EXTENSIONS = (
    "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ＇＂㈱№℡炻仼僴凬匇匤﨎咊坙﨏塚增寬峵嵓﨑德悅愠敎昻晥晴朗栁﨓﨔橫櫢淸淲瀨凞猪甁皂皞益礰"
    "礼神祥福竧靖精綠緖羽荢﨟薰蘒﨡蠇諸譿賴赶﨣﨤逸郞都鄕﨧﨨閒隆﨩霻靍靑飯飼館馞髙魲鶴黑"
)

_ESCAPES = {
    b"\x1b(B": "ascii", b"\x1b(J": "ascii", b"\x1b(I": "kana",
    b"\x1b$@": "jis0208", b"\x1b$B": "jis0208", b"\x1b$(B": "jis0208", b"\x1b&@\x1b$B": "jis0208",
    b"\x1b$(D": "jis0212",
}


def _ibm_extension(second: int, third: int) -> str | None:
    if second == 0xF3 and third >= 0xF3:
        index = third - 0xF3
    elif second == 0xF4 and 0xA1 <= third <= 0xFE:
        index = 12 + third - 0xA1
    else:
        return None
    return _IBM_EXTENSIONS[index] if index < len(_IBM_EXTENSIONS) else None


def _row13(first: int, second: int) -> str | None:
    """NEC row 13 (0xADA1-0xADFE) through the same character's CP932 code (0x8740-0x879E)."""
    cell = second - 0xA0
    trail = 0x3F + cell if cell <= 63 else 0x40 + cell
    try:
        return bytes([0x87, trail]).decode("cp932")
    except UnicodeDecodeError:
        return None


def _eucjp_ms_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the eucJP-ms character Python's "euc-jp" could not decode at ``error.start``."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    data, i = error.object, error.start
    byte = data[i]
    char: str | None = None
    width = 1
    if byte == 0x8F and i + 2 < len(data):
        char, width = _ibm_extension(data[i + 1], data[i + 2]), 3
    elif byte == 0xAD and i + 1 < len(data) and 0xA1 <= data[i + 1] <= 0xFE:
        char, width = _row13(byte, data[i + 1]), 2
    elif 0xA1 <= byte <= 0xFE and i + 1 < len(data) and 0xA1 <= data[i + 1] <= 0xFE:
        width = 2  # the user-defined area (rows 85-94) or an unassigned cell: one character, replaced
    return (char if char is not None else REPLACEMENT), i + width


codecs.register_error("fumi-eucjp-ms", _eucjp_ms_fallback)


def decode_eucjp_ms(data: bytes) -> tuple[str, int]:
    """``data`` decoded as eucJP-ms; returns the text and how many characters had to be replaced.

    Python's "euc-jp" decodes everything it knows at C speed; only the cells it lacks reach
    ``_eucjp_ms_fallback``.
    """
    text = data.decode("euc-jp", errors="fumi-eucjp-ms")
    return text, text.count(REPLACEMENT)  # EUC-JP cannot hold U+FFFD itself: every one is a replacement


def looks_iso2022jp(data: bytes) -> bool:
    """True for 7-bit data with ISO-2022-JP designations (ESC $ B, ESC $ @, ...)."""
    return b"\x1b$" in data and max(data, default=0) < 0x80


def iso2022jp_to_euc(data: bytes) -> bytes:
    """ISO-2022-JP bytes as EUC-JP bytes (lines reset to ASCII, as RFC 1468 says)."""
    out = bytearray()
    mode = "ascii"
    i, n = 0, len(data)
    while i < n:
        if data[i] == 0x1B:
            for escape, new_mode in _ESCAPES.items():
                if data.startswith(escape, i):
                    mode = new_mode
                    i += len(escape)
                    break
            else:
                out.append(0x1B)
                i += 1
            continue
        byte = data[i]
        if byte in (0x0A, 0x0D):
            mode = "ascii" if mode != "ascii" else mode
            out.append(byte)
            i += 1
        elif mode == "ascii" or byte < 0x21:
            out.append(byte)
            i += 1
        elif mode == "kana":
            out += bytes([0x8E, byte | 0x80])
            i += 1
        elif i + 1 < n:
            pair = bytes([byte | 0x80, data[i + 1] | 0x80])
            out += (b"\x8f" + pair) if mode == "jis0212" else pair
            i += 2
        else:
            out.append(byte)
            i += 1
    return bytes(out)
