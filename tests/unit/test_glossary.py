"""Glossary files: parsing (TSV/CSV, encodings), saving, selection and the missing-term check."""

from __future__ import annotations

import pytest

from desktop.glossary import (
    GlossaryError, Term, default_glossary_path, load_default_glossary, load_glossary, missing_terms,
    parse_glossary, save_glossary, select_terms, terms_from_pairs,
)
from desktop.settings import Paths


def test_tsv_with_header_note_comments_and_blank_rows():
    text = "原語\t訳語\tメモ\n区市町村\tmunicipalities\t都の用語\n\n# comment\n住民票\tcertificate of residence\n"
    assert parse_glossary(text) == [
        Term("区市町村", "municipalities", "都の用語"),
        Term("住民票", "certificate of residence", ""),
    ]


def test_csv_with_quotes_and_rows_without_a_target_skipped():
    text = 'source,target\n"Tokyo, Japan",東京\nno target,\n住民税,resident tax\n'
    assert [t.as_pair() for t in parse_glossary(text)] == [["Tokyo, Japan", "東京"], ["住民税", "resident tax"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_load_reads_utf8_bom_and_shift_jis(tmp_path, encoding):
    path = tmp_path / "terms.csv"
    path.write_bytes("区市町村,municipalities\n".encode(encoding))
    assert load_glossary(path) == [Term("区市町村", "municipalities")]


def test_unreadable_files_give_a_japanese_message(tmp_path):
    with pytest.raises(GlossaryError, match="見つかりません"):
        load_glossary(tmp_path / "none.tsv")
    binary = tmp_path / "x.tsv"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(GlossaryError, match="文字のファイルではありません"):
        load_glossary(binary)


def test_save_is_tsv_with_header_and_round_trips(tmp_path):
    terms = [Term("区市町村", "municipalities", "メモ"), Term("a\tb", "c", "")]
    path = tmp_path / "g" / "glossary.tsv"
    save_glossary(path, terms)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "原語\t訳語\tメモ"
    assert load_glossary(path) == terms
    csv_path = tmp_path / "g.csv"
    save_glossary(csv_path, terms)
    assert "," in csv_path.read_text(encoding="utf-8").splitlines()[0]
    assert load_glossary(csv_path) == terms


def test_default_glossary_lives_in_the_user_data_folder(fumi_home):
    paths = Paths.default()
    assert default_glossary_path(paths) == fumi_home / "data" / "glossaries" / "glossary.tsv"
    assert load_default_glossary(paths) == []
    save_glossary(default_glossary_path(paths), [Term("市", "city")])
    assert load_default_glossary(paths) == [Term("市", "city")]


def test_select_only_the_terms_present_longest_first():
    terms = [Term("市町村", "towns"), Term("区市町村", "municipalities"), Term("住民票", "resident record"),
             Term("Tokyo", "東京")]
    assert select_terms(terms, "区市町村に通知します。") == [Term("区市町村", "municipalities")]
    assert select_terms(terms, "市町村と区市町村") == [Term("区市町村", "municipalities"), Term("市町村", "towns")]
    assert select_terms(terms, "Welcome to TOKYO") == [Term("Tokyo", "東京")]     # case-insensitive
    assert select_terms(terms, "関係ありません") == []


def test_missing_terms_ignores_case_and_width():
    selected = [Term("区市町村", "municipalities"), Term("住民票", "Resident Record")]
    assert missing_terms("All MUNICIPALITIES and the resident record.", selected) == []
    assert missing_terms("All cities.", selected) == selected
    assert missing_terms("ｍｕｎｉｃｉｐａｌｉｔｉｅｓ", selected[:1]) == []


def test_terms_from_pairs_skips_malformed_rows():
    assert terms_from_pairs([["a", "b"], ["c"], "x", ["", "d"], ["e", "f", "note"]]) == [
        Term("a", "b"), Term("e", "f", "note")]
