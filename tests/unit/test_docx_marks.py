"""Marks for one paragraph at a time: shapes written by Word, Google Docs and LibreOffice, and the mark language."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml

from desktop.documents import marks
from desktop.documents.docx_runs import MarkedParagraph

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraph(inner: str):
    return parse_xml(f"<w:p {NS}>{inner}</w:p>")


def run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>' if props else \
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def words(p) -> list[tuple[str, tuple[str, ...]]]:
    """(text, property tags) of every run with text."""
    out = []
    for r in p.iter(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        rpr = r.find(f"{W}rPr")
        tags = tuple(sorted(c.tag.replace(W, "") for c in rpr if c.tag.replace(W, "") not in ("lang", "rFonts"))) \
            if rpr is not None else ()
        if text:
            out.append((text, tags))
    return out


def test_formatting_becomes_short_marks_and_comes_back_on_the_translated_words():
    p = paragraph(run("締切は") + run("5月1日", "<w:b/>") + run("です。") + run("必ず", "<w:i/>")
                  + run("提出", '<w:color w:val="FF0000"/>') + run("してください。"))
    marked = MarkedParagraph(p)
    assert marked.marked == "締切は<b>5月1日</b>です。<i>必ず</i><s1>提出</s1>してください。"
    assert marked.write("The deadline is <b>1 May</b>. <i>Be sure</i> to <s1>submit</s1> it.", "en")
    assert words(p) == [("The deadline is ", ()), ("1 May", ("b",)), (". ", ()), ("Be sure", ("i",)),
                        (" to ", ()), ("submit", ("color",)), (" it.", ())]


def test_tate_chu_yoko_and_hidden_text_are_sticky_spans():
    p = paragraph(run("第") + run("12", '<w:eastAsianLayout w:id="1" w:combine="1"/>') + run("条の規定による。"))
    marked = MarkedParagraph(p)
    assert marked.marked == "第<v1>12</v1>条の規定による。"
    assert marked.write("Under Article <v1>12</v1>.", "en")
    assert words(p) == [("Under Article ", ()), ("12", ("eastAsianLayout",)), (".", ())]


def test_google_docs_zero_width_bookmark_and_a_break_inside_a_text_run():
    p = paragraph('<w:bookmarkStart w:colFirst="0" w:colLast="0" w:name="h.abc" w:id="0"/><w:bookmarkEnd w:id="0"/>'
                  '<w:r><w:rPr><w:rtl w:val="0"/></w:rPr><w:t>前半です。</w:t><w:br w:type="page"/>'
                  '<w:t>後半です。</w:t></w:r>')
    marked = MarkedParagraph(p)
    assert marked.marked == "前半です。{br1}後半です。"
    assert marked.write("First half.{br1}Second half.", "en")
    tags = [el.tag.replace(W, "") for el in p.iter() if el.tag in (f"{W}bookmarkStart", f"{W}bookmarkEnd",
                                                                     f"{W}br", f"{W}t")]
    assert tags == ["bookmarkStart", "bookmarkEnd", "t", "br", "t"]


def test_libreoffice_field_with_its_instruction_split_over_runs():
    field = ('<w:r><w:fldChar w:fldCharType="begin"></w:fldChar></w:r>'
             '<w:r><w:instrText> DATE \\@ </w:instrText></w:r><w:r><w:instrText>"yyyy/MM/dd" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024/04/01</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    p = paragraph(run("作成日：") + field + run("（自動）"))
    marked = MarkedParagraph(p)
    assert marked.marked == "作成日：{f1}（自動）" and marked.atoms == {"f1": "2024/04/01"}
    assert marked.write("Created: {f1} (automatic)", "en")
    instruction = "".join(t.text for t in p.iter(f"{W}instrText"))
    assert instruction == ' DATE \\@ "yyyy/MM/dd" '
    assert "".join(t.text for t in p.iter(f"{W}t")) == "Created: 2024/04/01 (automatic)"


def test_a_bookmark_around_some_words_and_a_hyperlink_field_are_spans():
    p = paragraph(run("詳細は") + '<w:bookmarkStart w:id="3" w:name="ref"/>' + run("別表") + '<w:bookmarkEnd w:id="3"/>'
                  + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                  + '<w:r><w:instrText> HYPERLINK "https://example.jp/" </w:instrText></w:r>'
                  + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("市のサイト")
                  + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run("にあります。"))
    marked = MarkedParagraph(p)
    assert marked.marked == "詳細は<m1>別表</m1><a1>市のサイト</a1>にあります。"
    assert marked.write("Details are in <m1>the annex</m1> on <a1>the city site</a1>.", "en")
    order = [el.tag.replace(W, "") + (":" + el.text if el.tag == f"{W}t" else "") for el in p.iter()
             if el.tag in (f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}t", f"{W}fldChar")]
    assert order == ["t:Details are in ", "bookmarkStart", "t:the annex", "bookmarkEnd", "t: on ", "fldChar",
                     "fldChar", "t:the city site", "fldChar", "t:."]


def test_translated_runs_carry_the_target_language_and_cjk_fonts():
    p = paragraph(run("Notice", '<w:rFonts w:hint="eastAsia"/><w:lang w:val="en-US"/>'))
    MarkedParagraph(p).write("お知らせ", "ja")
    lang = p.find(f"{W}r/{W}rPr/{W}lang")
    fonts = p.find(f"{W}r/{W}rPr/{W}rFonts")
    assert lang.get(f"{W}eastAsia") == "ja-JP" and fonts.get(f"{W}eastAsia") == "游明朝"


def test_a_damaged_translation_still_keeps_every_atom_in_order():
    p = paragraph(run("出欠：") + '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>' + run("出席　")
                  + '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>' + run("欠席"))
    assert not MarkedParagraph(p).write("Attendance: present / absent", "en")
    assert len(list(p.iter(f"{W}sym"))) == 2
    children = [el.tag.replace(W, "") for el in p.iter() if el.tag in (f"{W}sym", f"{W}t")]
    assert children[0] == "t" and children.count("sym") == 2


@pytest.mark.parametrize("source, reply, problem", [
    ("A<a1>B</a1>{f1}", "x<a1>y</a1>", "f1 is missing"),
    ("A<a1>B</a1>{f1}", "x<a1>y</a1>{f1}{f1}", "f1 appears twice"),
    ("A<a1>B</a1>{f1}", "x<a1>y{f1}</a1>", "f1 moved to another span"),
    ("A<a1>B</a1>", "x<a1></a1>y", "a1 lost its words"),
    ("A<b>B</b>", "x y", "<b> is missing"),
    ("A<b>B</b>", "x <b>y</b> <i>z</i>", "<i> was not in the source"),
    ("A<a1>B</a1>", "x<a1>y", "<a1> is not closed"),
])
def test_check_reply_names_what_is_wrong(source, reply, problem):
    assert problem in marks.check_reply(source, reply)


def test_pieces_for_the_fallback_and_their_composition():
    source = "<b>【重要】</b>締切は{f1}です。<a1>申請書</a1>を{tab1}123"
    pieces = marks.fallback_pieces(source)
    assert [(p.text, p.format, p.translate, p.inside) for p in pieces] == [
        ("【重要】", "b", True, False), ("締切は", "", True, False), ("です。", "", True, False),
        ("申請書", "", True, True), ("を", "", True, False), ("123", "", False, False)]
    composed = marks.compose(source, ["[Important]", "The deadline is ", ".", "the form", "", None])
    assert composed == "<b>[Important]</b>The deadline is {f1}.<a1>the form</a1>{tab1}123"
    assert not marks.check_reply(source, composed)
    assert marks.strip_marks(composed, {"f1": "5/1", "tab1": "\t"}) == "[Important]The deadline is 5/1.the form\t123"
    mixed = "<b>【重要】</b>この事業は<i>特に</i>優先します。"
    composed = marks.compose(mixed, ["[Important]", "This project has priority."])
    assert composed == "<b>[Important]</b>This project has priority."
    assert marks.check_reply(mixed, composed) == ["<i> is missing"]
    assert not marks.check_reply(mixed, composed, formats=False)
    assert marks.check_reply("<v1>※</v1>印", "Marked items", formats=False) == ["<v1> is missing"]


def test_a_field_and_a_symbol_sharing_runs_with_text_are_split_into_runs_of_their_own():
    p = paragraph('<w:r><w:t xml:space="preserve">ページ </w:t><w:fldChar w:fldCharType="begin"/>'
                  '<w:instrText> PAGE </w:instrText><w:fldChar w:fldCharType="separate"/><w:t>7</w:t>'
                  '<w:fldChar w:fldCharType="end"/><w:t xml:space="preserve"> 頁 </w:t>'
                  '<w:sym w:font="Wingdings" w:char="F0A8"/><w:t>確認済</w:t></w:r>')
    marked = MarkedParagraph(p)
    assert marked.marked == "ページ {f1} 頁 {sym1}確認済"
    assert marked.write("Page {f1} {sym1}Checked", "en")
    sequence = [el.tag.replace(W, "") + (":" + (el.text or "") if el.tag in (f"{W}t", f"{W}instrText") else "")
                for el in p.iter() if el.tag in (f"{W}t", f"{W}fldChar", f"{W}instrText", f"{W}sym")]
    assert sequence == ["t:Page ", "fldChar", "instrText: PAGE ", "fldChar", "t:7", "fldChar", "t: ", "sym",
                        "t:Checked"]


def test_an_edit_without_marks_never_goes_into_hidden_text():
    p = paragraph(run("【記入例：申請者の氏名と住所】", "<w:vanish/>") + run("氏名を記入。"))
    assert not MarkedParagraph(p).write("Write your name.", "en")
    assert words(p) == [("【記入例：申請者の氏名と住所】", ("vanish",)), ("Write your name.", ())]
