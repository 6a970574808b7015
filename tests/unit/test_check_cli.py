"""``fumi check``: the JSON contract, offsets into the text Fumi reads, -o, rule files and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from desktop.cli import main
from desktop.documents import read_document

TEXT = "会議の開催について（通知）\r\n確認する事が必要な時は、次の通り提出して下さい。\r\n\r\n資料を下さい。ＡＢＣ\r\n"


def run_json(capsys, *argv: str) -> dict:
    assert main(["check", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_offsets_index_the_decoded_text_with_lf(tmp_path: Path, capsys) -> None:
    source = tmp_path / "notice.txt"
    source.write_bytes(TEXT.encode("cp932"))
    data = run_json(capsys, str(source))
    assert set(data) == {"file", "profile", "findings"} and data["profile"] == "tsuchi"
    text = TEXT.replace("\r\n", "\n")
    assert data["findings"]
    for finding in data["findings"]:
        assert set(finding) == {"rule", "start", "end", "text", "suggestion", "message", "severity", "source"}
        assert text[finding["start"]:finding["end"]] == finding["text"]
    rules = [f["rule"] for f in data["findings"]]
    assert rules.count("auxiliary-verb") == 1  # 「資料を下さい」 is a main verb


def test_profile_option_and_unknown_profile(tmp_path: Path, capsys) -> None:
    source = tmp_path / "a.txt"
    source.write_text("申請書または届出書", encoding="utf-8")
    assert "conjunction-kanji" in [f["rule"] for f in run_json(capsys, str(source), "--profile", "reiki")["findings"]]
    assert "conjunction-kanji" not in [f["rule"] for f in run_json(capsys, str(source), "--profile", "広報・お知らせ")["findings"]]
    assert main(["check", str(source), "--profile", "nonsense"]) == 2


def test_unreadable_file_exits_4(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path / "missing.txt"), "--json"]) == 4
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    assert main(["check", str(broken)]) == 4


def test_bad_rule_file_is_named_and_the_check_still_runs(tmp_path: Path, capsys) -> None:
    source = tmp_path / "a.txt"
    source.write_text("確認する事", encoding="utf-8")
    rules = tmp_path / "office.toml"
    rules.write_text('[[rule]]\nid = "x"\nkind = "table"\nmessage_ja = "x"\nentries = "oops"\n', encoding="utf-8")
    assert main(["check", str(source), "--json", "--rules", str(rules)]) == 0
    captured = capsys.readouterr()
    assert "office.toml" in captured.err and "1 行目" in captured.err
    assert "formal-noun" in [f["rule"] for f in json.loads(captured.out)["findings"]]


def test_missing_rule_file_is_named_without_a_line_and_the_check_still_runs(tmp_path: Path, capsys) -> None:
    source = tmp_path / "a.txt"
    source.write_text("確認する事", encoding="utf-8")
    assert main(["check", str(source), "--json", "--rules", str(tmp_path / "missing.toml")]) == 0
    captured = capsys.readouterr()
    assert "missing.toml" in captured.err and "0 行目" not in captured.err
    assert "rule file refused" not in captured.err  # no English log line for Japanese staff
    assert "formal-noun" in [f["rule"] for f in json.loads(captured.out)["findings"]]


def test_office_rules_folder_is_used(tmp_path: Path, capsys, fumi_home: Path) -> None:
    from desktop.settings import Paths

    folder = Paths.default().check_rules
    folder.mkdir(parents=True)
    (folder / "terms.toml").write_text('[[rule]]\nid = "terms"\nkind = "table"\nmessage_ja = "用字"\n'
                                       'entries = [["子供", "子ども"]]\n', encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text("子供の事故", encoding="utf-8")
    assert [f["suggestion"] for f in run_json(capsys, str(source))["findings"] if f["rule"] == "terms"] == ["子ども"]


def test_output_text_is_the_corrected_document(tmp_path: Path, capsys) -> None:
    source = tmp_path / "a.txt"
    source.write_text("確認する事が必要な時は提出して下さい。\n資料を下さい。", encoding="utf-8")
    out = tmp_path / "fixed.txt"
    assert main(["check", str(source), "-o", str(out)]) == 0
    fixed = out.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert fixed.startswith("確認することが必要なときは提出してください。\n資料を下さい。")


def test_output_docx_keeps_structure(tmp_path: Path, capsys) -> None:
    source = tmp_path / "report.docx"
    document = docx.Document()
    document.add_heading("調査の結果について", level=1)
    document.add_paragraph("確認する事が必要な時は連絡して下さい。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ＡＢＣ"
    table.cell(0, 1).text = "資料を下さい。"
    document.save(source)
    data = run_json(capsys, str(source))
    text = read_document(source).text()
    for finding in data["findings"]:
        assert text[finding["start"]:finding["end"]] == finding["text"]
    out = tmp_path / "fixed.docx"
    assert main(["check", str(source), "-o", str(out)]) == 0
    result = docx.Document(out)
    assert result.paragraphs[0].style.name == "Heading 1"
    assert result.paragraphs[1].text == "確認することが必要なときは連絡してください。"
    assert [c.text for c in result.tables[0].rows[0].cells] == ["ABC", "資料を下さい。"]


@pytest.mark.parametrize("suffix", [".pdf2", ".html"])
def test_unknown_output_suffix_is_a_usage_error(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "a.txt"
    source.write_text("確認する事", encoding="utf-8")
    assert main(["check", str(source), "-o", str(tmp_path / f"x{suffix}")]) == 2


def test_problem_text_names_the_line_or_the_whole_file() -> None:
    from desktop.checking.configured import problem_text
    from desktop.checking.rules import RuleFileError

    assert "3 行目" in problem_text(RuleFileError("課.toml", 3, "bad"), "ja")
    whole = problem_text(RuleFileError("課.toml", 0, "No such file or directory"), "ja")
    assert "課.toml" in whole and "行目" not in whole
    assert "sentence-length" in problem_text("sentence-length", "en")
