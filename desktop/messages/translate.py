"""The translate job's texts: its errors and its progress label."""

MESSAGES: dict[str, dict[str, str]] = {
    "translate.segment": {"ja": "翻訳", "en": "translating"},
    "translate.no_document": {
        "ja": "翻訳する文書が渡されていません。",
        "en": "No document to translate was given.",
    },
    "translate.nothing": {
        "ja": "翻訳する文章がありません。文書が空か、文字が含まれていません。",
        "en": "There is no text to translate: the document is empty.",
    },
    "translate.bad_register": {
        "ja": "文体「{value}」は指定できません（desu_masu または de_aru）。",
        "en": "Unknown style \"{value}\" (desu_masu or de_aru).",
    },
    "translate.segment_not_found": {
        "ja": "再翻訳する段落が見つかりません。",
        "en": "The segment to translate again was not found.",
    },
    "translate.segment_too_long": {
        "ja": "段落が長すぎて、読み込んだモデルのコンテキスト長に収まりません。「コンテキスト長」を大きくして読み込み直してから、もう一度実行してください。",
        "en": "A paragraph is too long for the loaded model's context. Please use a larger context size.",
    },
}
