"""The one decoder for documents and glossaries: every encoding staff meet, and never silent mojibake."""

from __future__ import annotations

import pytest

from desktop.documents.japanese_codecs import decode_eucjp_ms
from desktop.documents.noise import is_noise
from desktop.documents.textdecode import UndecodableText, decode_text_bytes

NOTICE = "防災訓練のお知らせ\n集合場所は市役所です。①から③まで、㈱と髙橋さん。\n"

# eucJP-ms bytes as glibc iconv -t EUC-JP-MS writes them: ① ② ③ (NEC row 13), 髙 and ⅰ (IBM extensions).
EUCJP_MS = (b"\xad\xa1\xad\xa2\xad\xa3 \x8f\xf4\xfb\xb6\xb6\xa4\xb5\xa4\xf3\xa4\xce\xb2\xf1\xb5\xc4\xa4\xcf"
            b"\xc3\xe6\xbb\xdf\xa4\xc7\xa4\xb9\xa1\xa3\x8f\xf3\xf3\n")


@pytest.mark.parametrize(("data", "encoding"), [
    (b"\xef\xbb\xbf" + NOTICE.encode("utf-8"), "utf-8-sig"),
    (b"\xff\xfe" + NOTICE.encode("utf-16-le"), "utf-16-le"),
    (b"\xfe\xff" + NOTICE.encode("utf-16-be"), "utf-16-be"),
    (NOTICE.encode("utf-16-le"), "utf-16-le"),
    (NOTICE.encode("utf-8"), "utf-8"),
    (NOTICE.encode("cp932"), "cp932"),
])
def test_encodings_staff_meet(data: bytes, encoding: str) -> None:
    decoded = decode_text_bytes(data)
    assert (decoded.encoding, decoded.text) == (encoding, NOTICE)


def test_euc_jp_and_its_linux_extensions() -> None:
    plain = "防災訓練のお知らせです。\n"
    assert decode_text_bytes(plain.encode("euc-jp")).encoding == "euc-jp"
    decoded = decode_text_bytes(EUCJP_MS)
    assert decoded.encoding == "euc-jp-ms"
    assert decoded.text == "①②③ 髙橋さんの会議は中止です。ⅰ\n"


def test_eucjp_ms_user_defined_area_is_replaced_not_guessed() -> None:
    text, bad = decode_eucjp_ms(b"\xf5\xa1\xa4\xa2")
    assert (text, bad) == ("\ufffdあ", 1)


def test_iso2022jp_with_half_width_kana() -> None:
    data = "件名：ﾃｽﾄ\n".encode("iso2022_jp_ext")
    assert decode_text_bytes(data).text == "件名：ﾃｽﾄ\n"


def test_korean_and_chinese_are_not_read_as_japanese_kanji() -> None:
    korean = "방재 훈련 안내입니다. 모든 주민께서는 참가해 주시기 바랍니다. 시청 본관에서 진행합니다.\n"
    assert decode_text_bytes(korean.encode("euc-kr")).text == korean
    chinese = "市政府關於防災訓練的通知。請所有居民參加。時間：十月一日上午十點。\n"
    assert decode_text_bytes(chinese.encode("big5")).text == chinese


def test_kanji_only_japanese_stays_japanese() -> None:
    names = "東京都千代田区\n大阪府大阪市北区\n愛知県名古屋市中区\n福岡県福岡市博多区\n北海道札幌市中央区\n"
    assert decode_text_bytes(names.encode("cp932")).text == names


def test_many_nuls_are_binary_and_utf16_needs_evidence() -> None:
    with pytest.raises(UndecodableText) as caught:
        decode_text_bytes(b"\x00\x01\x02")
    assert caught.value.reason == "binary"
    with pytest.raises(UndecodableText):
        decode_text_bytes(bytes(range(256)) * 4)


def test_noise_is_refused_not_shown() -> None:
    garbled = "お知らせです。来週の会議は中止です。".encode("utf-8").decode("cp932", errors="replace")
    assert is_noise(garbled)
    assert not is_noise("PDFファイルを開きます。한국어 안내 Tiếng Việt ภาษาไทย नेपाली 中文 Português")
    assert not is_noise("ｱﾊﾟｰﾄの管理について。ﾃｽﾄ用のﾌｧｲﾙです。")
    assert is_noise("ـᐪᴒᮠᩤϸਝֹᇎᩍၖᄐᛍนᬱࢫӴᆐ˜ẊᲲ")


def test_stray_nuls_are_dropped_and_counted() -> None:
    decoded = decode_text_bytes("会議は中止です。\x00\n".encode("utf-8"))
    assert (decoded.encoding, decoded.text, decoded.nuls_dropped) == ("utf-8", "会議は中止です。\n", 1)
