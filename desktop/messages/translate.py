"""The translate job's texts: its errors, its progress label, and why a translated segment needs a look."""

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
    "translate.flag_marks": {
        "ja": "確認: {where}: 書式・リンク・フィールドなどの印が訳文で崩れたため、区切りごとに訳し直しました。",
        "en": "check: {where}: the marks for formatting, links or fields came back damaged; "
              "the paragraph was translated piece by piece.",
    },
    "translate.flag_empty": {
        "ja": "確認: {where}: モデルの返答に訳文がなかったため、原文のままにしました。",
        "en": "check: {where}: the model's reply had no translation; the source text was kept.",
    },
    "translate.flag_truncated": {
        "ja": "確認: {where}: 訳文が長さの上限で途切れています。--max-tokens を大きくして翻訳し直してください。",
        "en": "check: {where}: the translation stopped at the length limit. "
              "Translate it again with a larger --max-tokens.",
    },
    "translate.flag_terms": {
        "ja": "確認: {where}: 用語集の訳語が使われていません（{terms}）",
        "en": "check: {where}: a glossary term is not used ({terms})",
    },
}
