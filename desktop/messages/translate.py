"""The translate job's texts: its errors, its progress label, why a translated segment needs a look,
the names of the languages and why a language pair cannot be used."""

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
    # the names of the languages Fumi translates between (desktop.languages.LANGUAGES)
    "language.ja": {"ja": "日本語", "en": "Japanese"},
    "language.en": {"ja": "英語", "en": "English"},
    "language.zh-Hans": {"ja": "中国語（簡体字）", "en": "Chinese (Simplified)"},
    "language.zh-Hant": {"ja": "中国語（繁体字）", "en": "Chinese (Traditional)"},
    "language.ko": {"ja": "韓国語", "en": "Korean"},
    # why a language pair cannot be used (desktop.languages.resolve_pair)
    "translate.bad_target": {
        "ja": "翻訳先の言語「{value}」には対応していません。対応している言語: {known}",
        "en": "The target language \"{value}\" is not supported. Supported: {known}",
    },
    "translate.bad_source": {
        "ja": "翻訳元の言語「{value}」には対応していません。対応している言語: {known}",
        "en": "The source language \"{value}\" is not supported. Supported: {known}",
    },
    "translate.undetected": {
        "ja": "原文の言語を判定できませんでした。翻訳元の言語を指定してください。",
        "en": "The language of the text could not be detected. Please choose the source language.",
    },
    "translate.same_language": {
        "ja": "翻訳元と翻訳先が同じ言語（{language}）です。別の翻訳先を選んでください。",
        "en": "The source and target are the same language ({language}). Please choose another target language.",
    },
}
