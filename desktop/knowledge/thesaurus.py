"""Paraphrases of office vocabulary, so that lexical search finds a rule asked for in everyday words.

Staff ask in everyday words (日当, 有休, パスワード); rules are written in the
terms of 例規 (旅行雑費, 年次有給休暇, 認証情報). Each group below lists words
that a question and a rule use for the same thing in Japanese local-government
practice; a question holding one word of a group is searched with the others
too, at a lower weight (``search.SYNONYM_WEIGHT``). Groups are written from
general knowledge of 例規 wording, not from any one city's documents.
"""

from __future__ import annotations

from .bigrams import normalize

GROUPS: tuple[tuple[str, ...], ...] = (
    ("日当", "旅行雑費", "雑費"),
    ("出張", "旅行", "公務旅行"),
    ("交通費", "運賃", "鉄道賃", "旅費"),
    ("宿泊費", "宿泊料", "ホテル代"),
    ("有休", "年休", "年次有給休暇", "有給休暇"),
    ("産休", "産前産後休暇", "出産休暇"),
    ("育休", "育児休業"),
    ("介護休暇", "介護休業"),
    ("残業", "時間外勤務", "超過勤務"),
    ("残業代", "時間外勤務手当", "超過勤務手当"),
    ("給料", "給与", "給料月額"),
    ("ボーナス", "期末手当", "勤勉手当"),
    ("通勤手当", "通勤費"),
    ("休み", "休暇", "休日"),
    ("届け出", "届出", "申請", "届"),
    ("締め切り", "締切", "期限", "期日"),
    ("捨てる", "廃棄", "処分"),
    ("保存期間", "保管期間", "保存年限"),
    ("パスワード", "認証情報", "暗証番号"),
    ("usb", "外部記録媒体", "記録媒体", "外部媒体"),
    ("パソコン", "端末", "情報機器", "pc"),
    ("持ち出し", "持出し", "持出", "庁外への持出し"),
    ("ウイルス", "マルウェア", "不正プログラム"),
    ("メール", "電子メール"),
    ("鍵", "施錠", "キー"),
    ("コピー", "複写", "複製"),
    ("印鑑", "押印", "公印", "はんこ"),
    ("上司", "所属長", "課長"),
    ("許可", "承認", "決裁"),
    ("お金", "経費", "費用", "金額"),
    ("払う", "支払", "支出", "支給"),
    ("払い戻し", "精算", "返納"),
    ("領収書", "領収証", "レシート"),
    ("見積もり", "見積書", "見積"),
    ("入札", "競争入札", "契約"),
    ("タクシー", "自動車賃", "車賃"),
    ("飛行機", "航空賃", "航空機"),
    ("新幹線", "特急料金", "急行料金"),
    ("マイカー", "自家用車", "私有車"),
    ("個人情報", "保有個人情報", "特定個人情報"),
    ("漏えい", "漏洩", "流出"),
    ("なくした", "紛失", "亡失"),
    ("いくら", "金額", "額"),
    ("いつまで", "期限", "期間", "日まで"),
    ("誰が", "者", "担当"),
    ("書類", "文書", "公文書"),
    ("ファイル", "文書", "電磁的記録"),
    ("シュレッダー", "裁断", "細断"),
    ("燃やす", "焼却", "溶解"),
    ("クラウド", "外部サービス", "クラウドサービス"),
    ("研修", "教育", "講習"),
    ("異動", "転任", "配置換"),
    ("辞める", "退職", "離職"),
    ("健康診断", "健診", "定期健康診断"),
    ("問い合わせ", "照会", "連絡先"),
    ("会議", "打合せ", "協議"),
    ("議事録", "会議録", "記録"),
    ("食事代", "食卓料", "食費"),
    ("事故", "インシデント", "障害"),
    ("昼休み", "休憩時間", "昼休憩"),
    ("夏休み", "夏季休暇"),
    ("タバコ", "たばこ", "喫煙"),
    ("吸う", "喫煙"),
    ("来客", "来庁者", "来訪者"),
    ("役所", "庁舎", "市役所", "本庁"),
    ("夜", "夜間", "閉庁時間", "深夜"),
    ("chatgpt", "生成ai", "生成aiサービス"),
    ("ハンコ", "押印", "決裁", "公印"),
    ("買い物", "購入", "物品"),
    ("停める", "駐車"),
    ("部屋", "執務室"),
    ("休む", "休暇"),
    ("病気", "疾病", "病気休暇"),
    ("けが", "負傷"),
    ("亡くな", "死亡", "忌引"),
    ("結婚", "婚姻", "結婚休暇"),
    ("引っ越し", "転居", "移転"),
    ("家族", "親族", "扶養親族"),
    ("送る", "送付", "送信"),
    ("間違", "誤って", "誤り"),
    ("返す", "返納", "返還", "還付"),
    ("借りる", "貸出し", "借用", "貸与"),
    ("貸す", "貸出し", "貸与"),
    ("出勤", "始業", "勤務"),
    ("帰る", "終業", "退庁"),
    ("値段", "価格", "金額"),
    ("前もって", "事前", "あらかじめ", "概算払"),
    ("中止", "取りやめ", "キャンセル", "変更"),
    ("報告", "届出", "連絡"),
)


def _index() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for group in GROUPS:
        words = [normalize(word) for word in group]
        for word in words:
            table.setdefault(word, [])
            for other in words:
                if other != word and other not in table[word]:
                    table[word].append(other)
    return {word: tuple(others) for word, others in table.items()}


_TABLE = _index()


def paraphrases(normalized_question: str) -> list[tuple[str, tuple[str, ...]]]:
    """(word, its paraphrases) for every word of the table that occurs in the (normalized) question."""
    return [(word, others) for word, others in _TABLE.items() if word in normalized_question]
