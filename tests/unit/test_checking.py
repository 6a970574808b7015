"""The 公用文 rule engine: every rule of issue 13, the words it must not flag, and bad rule files."""

from __future__ import annotations

import time

import pytest

from desktop.checking import Checker, RuleFileError, apply_findings, guess_profile
from desktop.checking.rules import parse_rules


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def found(checker: Checker, text: str, profile: str = "tsuchi") -> list[tuple[str, str, str | None]]:
    result = checker.check(text, profile)
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [(f.rule, f.text, f.suggestion) for f in result.findings]


@pytest.mark.parametrize("text, expected", [
    ("確認する事が大切です。", ("formal-noun", "事", "こと")),
    ("不明な時は連絡します。", ("formal-noun", "時", "とき")),
    ("次の通り定めます。", ("formal-noun", "通り", "とおり")),
    ("提出するものとする。", None),
    ("書類を提出して下さい。", ("auxiliary-verb", "下さい", "ください")),
    ("ご確認下さい。", ("auxiliary-verb", "下さい", "ください")),
    ("回答して頂きます。", ("auxiliary-verb", "頂き", "いただき")),
    ("一度試して見る。", ("auxiliary-verb", "見る", "みる")),
    ("準備して置く。", ("auxiliary-verb", "置く", "おく")),
    ("但し、期限後は受け付けません。", ("conjunction-kana", "但し", "ただし")),
    ("尚、詳細は別紙のとおりです。", ("conjunction-kana", "尚", "なお")),
    ("申請書または届出書を出す。", ("conjunction-kanji", "または", "又は")),
    ("予め連絡します。", ("adverb-kana", "予め", "あらかじめ")),
    ("調査を行なう。", ("okurigana", "行なう", "行う")),
    ("会議が終る。", ("okurigana", "終る", "終わる")),
])
def test_writing_forms(checker, text, expected) -> None:
    result = found(checker, text)
    if expected is None:
        assert not [r for r in result if r[0] in ("formal-noun", "auxiliary-verb")]
    else:
        assert expected in result


@pytest.mark.parametrize("text", [
    "事故の当時の状況と事業の概要、災害時の対応を報告します。",
    "資料を下さい。",
    "記念品を頂いた。",
    "申請書及び添付書類並びに届出書又は報告書若しくは記録を提出する。",
    "中央通りの工事は終わりました。",
])
def test_real_words_are_not_flagged(checker, text) -> None:
    assert [r for r in found(checker, text) if r[0] in ("formal-noun", "auxiliary-verb", "conjunction-kana",
                                                          "conjunction-kanji", "okurigana")] == []


@pytest.mark.parametrize("text, expected", [
    ("ＡＢＣ１２３を使う。", ("fullwidth-alnum", "ＡＢＣ１２３", "ABC123")),
    ("ｶﾀｶﾅを使う。", ("halfwidth-kana", "ｶﾀｶﾅ", "カタカナ")),
    ("①申請書", ("machine-dependent-circled", "①", "（1）")),
    ("㈱フミ", ("machine-dependent", "㈱", "（株）")),
    ("資料，会議．", ("punctuation", "，", "、")),
    ("（案）と(案)", ("bracket-mix", "(案)", "（案）")),
    ("2026年度と令和8年度", ("era-mix", "2026年度", "2026年度（令和8年度）")),
    ("サーバの設定とサーバーの管理", ("katakana-long-vowel", "サーバ", "サーバー")),
])
def test_characters(checker, text, expected) -> None:
    assert expected in found(checker, text)


def test_circled_numbers_are_allowed_in_public_relations(checker) -> None:
    assert not [r for r in found(checker, "①申請書", "koho") if r[0].startswith("machine-dependent")]
    assert found(checker, "㈱フミ", "koho")


def test_years_given_both_ways_are_not_flagged(checker) -> None:
    assert not [r for r in found(checker, "2026年（令和8年）の計画と令和7年（2025年）の実績") if r[0] == "era-mix"]


@pytest.mark.parametrize("text, rule, span, suggestion", [
    ("本市では、" + "市民の皆さまからいただいた意見を踏まえて" * 5 + "検討します。", "sentence-length", None, None),
    ("まず、次に、さらに、最後に、確認する。", "too-many-commas", "、", None),
    ("明日なら見れる。", "ra-nuki", "見れる", "見られる"),
    ("市長がご覧になられました。", "double-honorific", "になられました", "になりました"),
    ("約100人程度が参加した。", "redundant", "約100人程度", "約100人"),
    ("各課ごとに集計する。", "redundant-each", "各課ごとに", "各課"),
    ("過半数を超える賛成", "redundant-phrase", "過半数を超える", "半数を超える"),
    ("会議のの資料", "doubled-particle", "のの", "の"),
    ("調べたが、見つからなかったが、続ける。", "adversative-ga", "が", None),
    ("できないことはない。", "double-negative", "ないことはない", None),
    ("これは案です。これは案である。あれも案です。", "style-mix", "である", "です"),
])
def test_sentences(checker, text, rule, span, suggestion) -> None:
    hits = [r for r in found(checker, text) if r[0] == rule]
    assert hits, found(checker, text)
    if span is not None:
        assert (rule, span, suggestion) in hits


def test_sentence_limit_depends_on_the_profile(checker) -> None:
    text = "本事業は、" + "あ" * 65 + "とする。"
    assert [r for r in found(checker, text, "koho") if r[0] == "sentence-length"]
    assert not [r for r in found(checker, text, "reiki") if r[0] == "sentence-length"]


def test_profile_is_guessed_from_the_text() -> None:
    assert guess_profile("第1条 この規則は、…\n第2条 …\n附 則") == "reiki"
    assert guess_profile("市民の皆さんへのお知らせ\nお気軽にお問い合わせください。") == "koho"
    assert guess_profile("会議の開催について（通知）\n下記のとおり開催します。") == "tsuchi"


def test_a_rule_can_be_turned_off() -> None:
    assert not [r for r in found(Checker(disabled=["formal-noun"]), "確認する事") if r[0] == "formal-noun"]


def test_office_word_list_matches_whole_words_only(tmp_path) -> None:
    rules = tmp_path / "terms.toml"
    rules.write_text('[[rule]]\nid = "terms"\nkind = "table"\nmessage_ja = "用字用語"\n'
                     'entries = [["子供", "子ども"], ["事", "こと"]]\n', encoding="utf-8")
    hits = found(Checker([rules]), "子供の事故")
    assert ("terms", "子供", "子ども") in hits
    assert not [h for h in hits if h[1] == "事"]


def test_malformed_rule_file_is_refused_with_its_line_and_builtins_still_run(tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nid = "ok"\nkind = "table"\nmessage_ja = "x"\nentries = [["a", "b"]]\n\n'
                   '[[rule]]\nid = "broken"\nkind = "pattern"\nmessage_ja = "x"\npattern = "(unclosed"\n',
                   encoding="utf-8")
    checker = Checker([bad])
    assert len(checker.problems) == 1 and checker.problems[0].line == 7
    assert "formal-noun" in [r[0] for r in found(checker, "確認する事")]
    syntax = tmp_path / "syntax.toml"
    syntax.write_text('[[rule]]\nid = "x"\nkind = = "table"\n', encoding="utf-8")
    problems = Checker([syntax]).problems
    assert isinstance(problems[0], RuleFileError) and problems[0].line == 3


def test_runaway_pattern_is_stopped_at_the_deadline() -> None:
    rules = parse_rules('[[rule]]\nid = "slow"\nkind = "pattern"\nmessage_ja = "x"\npattern = "(a|aa)+$"\n', "t")
    checker = Checker(time_limit_s=0.5)
    checker.rules = checker.rules + rules
    started = time.monotonic()
    result = checker.check("a" * 35 + "b" + "確認する事")
    assert time.monotonic() - started < 5
    assert "slow" in result.problems
    assert "formal-noun" in [f.rule for f in result.findings]


SAMPLE = ("会議の開催について（通知）\n"
          "確認する事が必要な時は、次の通り提出して下さい。但し、申請書または届出書を送付して頂きます。\n"
          "サーバの設定とサーバーの管理とサーバーの更新。ＡＢＣ１２３とｶﾀｶﾅを使う。①㈱フミ，2026年と令和8年と令和7年。\n"
          "約100人程度が見れる資料は、各課ごとに集計し、過半数を超える賛成で、会議のの資料をご覧になられました。\n"
          "これは案です。これは案である。あれも案です。調査を行なう（案）と(案)。\n")


def test_accepting_every_suggestion_introduces_no_new_finding(checker) -> None:
    before = checker.check(SAMPLE, "tsuchi")
    fixed = apply_findings(SAMPLE, before.findings)
    after = checker.check(fixed, "tsuchi")
    old = {(f.rule, f.text) for f in before.findings}
    new = [(f.rule, f.text) for f in after.findings if (f.rule, f.text) not in old]
    assert new == []
    assert not [f for f in after.findings if f.fixable]


def test_accepting_everything_in_the_evaluation_set_introduces_no_new_finding(checker) -> None:
    from benchmarks.checking.evaluate import HERE, load_set

    for item in load_set(HERE / "eval_set.toml"):
        before = checker.check(item["text"], item["profile"])
        after = checker.check(apply_findings(item["text"], before.findings), item["profile"])
        old = {(f.rule, f.text) for f in before.findings}
        assert [(f.rule, f.text) for f in after.findings if (f.rule, f.text) not in old] == [], item["id"]
        assert [f for f in after.findings if f.fixable] == [], item["id"]


def test_compound_nouns_drop_okurigana_in_official_documents_only(checker) -> None:
    text = "参加の申し込みは窓口で受け付けます。窓口で申し込み、料金を払ってください。"
    hits = [h for h in found(checker, text, "tsuchi") if h[0] == "okurigana-noun"]
    assert hits == [("okurigana-noun", "申し込み", "申込み")]  # the noun; the verb 申し込み、 stays
    assert not [h for h in found(checker, text, "koho") if h[0] == "okurigana-noun"]
