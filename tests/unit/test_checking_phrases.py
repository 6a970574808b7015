"""Short phrases each rule must flag, and near misses it must leave alone (one check each)."""

from __future__ import annotations

import pytest

from desktop.checking import Checker

# (text, rule that must flag it or None for "nothing may flag this span", the span)
CASES = [
 # (text, rule expected or None for must-not, span)
 ("関係者に周知する事とします。", "formal-noun", "事"),
 ("その事について説明します。", "formal-noun", "事"),
 ("申請があった時は、速やかに審査する。", "formal-noun", "時"),
 ("上記の通りです。", "formal-noun", "通り"),
 ("説明した通り、期限は月末です。", "formal-noun", "通り"),
 ("報告書を提出する物とする。", "formal-noun", "物"),
 ("調べた所、誤りがありました。", "formal-noun", "所"),
 ("確認した所です。", "formal-noun", "所"),
 ("次の様に改めます。", "formal-noun", "様"),
 ("事前に連絡します。", None, "事"),
 ("時間どおりに始めます。", None, "時"),
 ("物品を購入します。", None, "物"),
 ("担当する所管課", None, "所"),
 ("住所を記入", None, "所"),
 ("記入して下さい。", "auxiliary-verb", "下さい"),
 ("お待ち下さい。", "auxiliary-verb", "下さい"),
 ("ご協力頂きますよう", "auxiliary-verb", "頂き"),
 ("お越し頂き、", "auxiliary-verb", "頂き"),
 ("連絡して頂けますか。", "auxiliary-verb", "頂け"),
 ("確認させて頂きます。", "auxiliary-verb", "頂き"),
 ("案内させて頂く。", "auxiliary-verb", "頂く"),
 ("実施して行きます。", "auxiliary-verb", "行き"),
 ("増えて来ました。", "auxiliary-verb", "来"),
 ("書類を保管して置きます。", "auxiliary-verb", "置き"),
 ("ご連絡致します。", "auxiliary-verb", "致し"),
 ("お願い致します。", "auxiliary-verb", "致し"),
 ("会場に行きます。", None, "行き"),
 ("お茶を頂く。", None, "頂く"),
 ("見本を下さい。", None, "下さい"),
 ("但し書きを付ける。", None, "但し"),
 ("又は", None, "又"),
 ("更に検討します。", None, "更に"),
 ("及び", None, "及び"),
 ("尚、", "conjunction-kana", "尚"),
 ("尚更", None, "尚"),
 ("且つ", "conjunction-kana", "且つ"),
 ("即ち、", "conjunction-kana", "即ち"),
 ("AならびにB", "conjunction-kanji", "ならびに"),
 ("AもしくはB", "conjunction-kanji", "もしくは"),
 ("概ね良好", "adverb-kana", "概ね"),
 ("色々な意見", "adverb-kana", "色々"),
 ("沢山の参加", "adverb-kana", "沢山"),
 ("宜しくお願いします。", "adverb-kana", "宜しく"),
 ("お問合せ", None, "問合せ"),
 ("申込み", None, "申込み"),
 ("行なわれた", "okurigana", "行なわ"),
 ("表わす", "okurigana", "表わす"),
 ("断わり", "okurigana", "断わり"),
 ("生れた", "okurigana", "生れ"),
 ("変った", "okurigana", "変っ"),
 ("変更", None, "変"),
 ("ＰＤＦ形式", "fullwidth-alnum", "ＰＤＦ"),
 ("１２月", "fullwidth-alnum", "１２"),
 ("ﾃｽﾄ", "halfwidth-kana", "ﾃｽﾄ"),
 ("㈲", "machine-dependent", "㈲"),
 ("㍻", "machine-dependent", "㍻"),
 ("⑩", "machine-dependent-circled", "⑩"),
 ("Ⅰ", None, "Ⅰ"),
 ("見れない", "ra-nuki", "見れ"),
 ("寝れる", "ra-nuki", "寝れる"),
 ("考えれる", "ra-nuki", "考えれる"),
 ("受けれる", "ra-nuki", "受けれる"),
 ("決めれない", "ra-nuki", "決めれ"),
 ("読める", None, "読める"),
 ("入れる", None, "入れる"),
 ("帰れる", None, "帰れる"),
 ("お見えになられる", "double-honorific", "になられる"),
 ("ご出席になられる", "double-honorific", "になられる"),
 ("お越しになられます", "double-honorific", "になられます"),
 ("拝見させていただく", None, "拝見"),
 ("約3割程度", "redundant", "約3割程度"),
 ("約半数程度", "redundant", "約半数程度"),
 ("約1か月程度", "redundant", "約1か月程度"),
 ("各部署毎に", "redundant-each", "各部署毎に"),
 ("各自ごとに", "redundant-each", "各自ごとに"),
 ("一番最初に", "redundant-phrase", "一番最初"),
 ("後で後悔", "redundant-phrase", "後で後悔"),
 ("いまだに未解決", "redundant-phrase", "いまだに未解決"),
 ("被害を被った", "redundant-phrase", "被害を被"),
 ("あらかじめ予約", "redundant-phrase", "あらかじめ予約"),
 ("まだ未定", "redundant-phrase", "まだ未定"),
 ("過半数以上", "redundant-phrase", "過半数以上"),
 ("にに", "doubled-particle", "にに"),
 ("ものの", None, "のの"),
 ("ことと", None, "とと"),
 ("ないこともない", "double-negative", "ないこともない"),
 ("ないとも限らない", "double-negative", "ないとも限らない"),
 ("しないではいられない", None, "ない"),
 ("少なくない", None, "なくない"),
 ("なければならない", None, "ない"),
 ("なくてはならない", None, "ない"),
]


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize("text, rule, span", CASES)
def test_phrase(checker, text, rule, span) -> None:
    findings = checker.check(text, "tsuchi").findings
    overlapping = [f for f in findings if span in f.text or f.text in span]
    if rule is None:
        assert [(f.rule, f.text) for f in overlapping if f.rule != "style-mix"] == []
    else:
        assert rule in [f.rule for f in overlapping], [(f.rule, f.text) for f in findings]
