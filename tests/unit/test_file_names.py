"""Names Fumi proposes for exports are valid on Windows; long paths get the \\\\?\\ prefix there."""

from __future__ import annotations

import pytest

from desktop.documents.filenames import long_path, safe_file_name


@pytest.mark.parametrize("stem, expected", [
    ('議事録: 4/1 "案"?', "議事録_ 4_1 _案__.docx"),
    ("a<b>c|d*e\\f", "a_b_c_d_e_f.docx"),
    ("報告書. ", "報告書.docx"),
    ("報告書...", "報告書.docx"),
    ("CON", "CON_.docx"),
    ("nul", "nul_.docx"),
    ("com1", "com1_.docx"),
    ("LPT9", "LPT9_.docx"),
    ("COM¹", "COM¹_.docx"),
    ("CON.txt", "CON.txt_.docx"),
    ("CONSOLE", "CONSOLE.docx"),
    ("", "fumi.docx"),
    ("...", "fumi.docx"),
    ("tab\there", "tab_here.docx"),
])
def test_windows_rules(stem: str, expected: str) -> None:
    assert safe_file_name(stem, ".docx") == expected


def test_a_long_name_is_shortened_to_fit_and_keeps_its_suffix() -> None:
    name = safe_file_name("議" * 300, ".docx")
    assert name.endswith(".docx")
    assert len(name.encode("utf-8")) <= 255 and len(name.encode("utf-16-le")) // 2 <= 255
    emoji = safe_file_name("😀" * 200, ".txt")  # two UTF-16 units each: never cut in half
    assert emoji.endswith(".txt") and "\ufffd" not in emoji and len(emoji.encode("utf-16-le")) // 2 <= 255


def test_long_windows_paths_get_the_long_path_prefix() -> None:
    short = "C:\\Users\\職員\\Documents\\要約.docx"
    assert long_path(short, os_name="nt") == short
    deep = "C:\\Users\\職員\\" + "\\".join(["フォルダー" * 10] * 6) + "\\要約.docx"
    assert len(deep) > 260
    assert long_path(deep, os_name="nt") == "\\\\?\\" + deep
    share = "\\\\server\\share\\" + "x" * 300 + ".docx"
    assert long_path(share, os_name="nt") == "\\\\?\\UNC\\server\\share\\" + "x" * 300 + ".docx"
    assert long_path("/home/" + "x" * 300, os_name="posix") == "/home/" + "x" * 300
