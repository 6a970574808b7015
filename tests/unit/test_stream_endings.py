"""How a reply may end: the repetition guard stops loops, and a cut never leaves half a character."""

from __future__ import annotations

from pathlib import Path

from desktop.engine.repetition import RepetitionGuard

MINUTES = """令和6年度 第3回 地域福祉推進会議 議事録
日時：令和6年10月15日（火）14時00分〜16時00分
1. 開会
事務局より開会の挨拶があった。
2. 議題
(1) 高齢者見守り事業の進捗について
事務局より資料1に基づき説明があった。見守り協力員は前年度比で12名増加した。
委員から、協力員の高齢化が課題であるとの意見があった。
(2) 子ども食堂への支援について
事務局より資料2に基づき説明があった。
以上。
以上。
以上。
"""


def _first_stop(text: str, step: int = 1) -> int | None:
    guard = RepetitionGuard()
    for end in range(step, len(text) + step, step):
        if guard.feed(text[end - step:end]):
            return end
    return None


def test_the_same_sentence_three_times_stops() -> None:
    sentence = "本日は会議の議事録を作成します。"
    stop = _first_stop("前置きです。" + sentence * 5)
    assert stop == len("前置きです。") + 3 * len(sentence)


def test_an_echoed_prompt_stops_like_a_base_model_loops() -> None:
    echo = "You are helpful.\n\nWrite a short notice about the city festival. mendatang\n"
    assert _first_stop(echo * 4, step=3) is not None


def test_a_phrase_loop_without_sentence_ends_stops() -> None:
    stop = _first_stop("はい、" + "ありがとうございます" * 12)
    assert stop is not None and stop < len("はい、" + "ありがとうございます" * 8)


def test_a_reply_of_separator_lines_only_stops_but_a_rule_of_a_table_does_not() -> None:
    """Gemma 3 270M wrote a combine round's partial summary as 1,191 characters of "---" lines."""
    stop = _first_stop("まとめ\n" + "---\n" * 300, step=2)
    assert stop is not None and stop < len("まとめ\n") + 4 * 70
    assert _first_stop("# 見出し\n" + "=" * 120 + "\n本文です。\n" + "-" * 120 + "\n") is None


def test_ordinary_documents_do_not_stop() -> None:
    assert _first_stop(MINUTES) is None                        # "以上。" three times is too short to count
    table = "| 項目 | 内容 |\n|---|---|\n" + "".join(f"| {i} | 説明{i} |\n" for i in range(40))
    assert _first_stop(table) is None
    bullets = "".join(f"・第{i}条の改正について説明があった。\n" for i in range(30))
    assert _first_stop(bullets) is None


def test_the_intake_minutes_case_does_not_stop() -> None:
    case = Path(__file__).resolve().parents[3] / "shared" / "cases" / "intake" / "minutes_for_length_cut.txt"
    if case.exists():
        assert _first_stop(case.read_text(encoding="utf-8")) is None


def test_a_cut_inside_a_character_never_yields_a_replacement_character() -> None:
    from desktop.engine.reply_text import Utf8Stream

    stream = Utf8Stream()
    data = "議事録".encode("utf-8")
    text = stream.feed(data[:4])                  # 議 and the first byte of 事
    assert text == "議"
    assert stream.flush() == ""                   # the half character is dropped, not U+FFFD
    assert stream.feed("録".encode("utf-8")) == "録"  # and the stream is usable again
    assert Utf8Stream().feed(b"a\xffb") == "a\ufffdb"   # invalid bytes inside still show
    broken = Utf8Stream()
    assert broken.feed(b"a\xff") == "a" and broken.flush() == ""   # ... but never as the last character
    garbage = Utf8Stream()
    assert garbage.feed(b"\xff\xfe") == "" and garbage.flush() == "\ufffd\ufffd"  # nothing else: shown as it is


def test_a_cycle_of_sentences_stops_but_a_recurring_contact_line_does_not() -> None:
    cycle = "会議の日程を決めました。次回は来月です。資料を配布しました。"
    assert _first_stop(cycle * 4) is not None
    contact = "詳しくは市民課（電話 03-1234-5678）にお問い合わせください。"
    qa = "".join(f"Q{i} 第{i}の手続きについて教えてください。\nA{i} 窓口で第{i}の申請ができます。{contact}\n"
                 for i in range(1, 13))
    assert _first_stop(qa) is None
