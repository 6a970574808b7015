"""The draft job's errors."""

MESSAGES: dict[str, dict[str, str]] = {
    "draft.bad_fields": {
        "ja": "入力項目の形式が正しくありません。",
        "en": "The fields are not in the expected form.",
    },
    "draft.no_template": {
        "ja": "テンプレートが指定されていません。",
        "en": "No template was given.",
    },
    "draft.bad_template": {
        "ja": "テンプレートに誤りがあります: {detail}",
        "en": "The template has an error: {detail}",
    },
    "draft.cannot_continue": {
        "ja": "文章が長くなり、これ以上続きを書けません。書けたところまでを使うか、入力を短くしてもう一度作成してください。",
        "en": "The text has grown too long to continue. Use what was written, or shorten the input and draft again.",
    },
    "draft.field_too_long": {
        "ja": "「{field}」の文章が長すぎて、このモデルで一度に扱える量（約{limit}トークン、入力全体で約{used}トークン）を"
              "超えています。文章を短くするか、先に「要約」で要約してから使ってください。",
        "en": "The text of \"{field}\" is too long for this model at once (about {limit} tokens; the whole input is "
              "about {used}). Shorten it, or summarize it first with Summarize.",
    },
    "draft.input_too_long": {
        "ja": "入力が長すぎます（約{used}トークン、上限約{limit}トークン）。入力を短くしてください。",
        "en": "The input is too long (about {used} tokens; the limit is about {limit}). Please shorten it.",
    },
    "draft.unknown_template": {
        "ja": "テンプレート「{name}」はありません。使えるもの: {known}",
        "en": "There is no template \"{name}\". Available: {known}",
    },
    "draft.field_form": {
        "ja": "--field は 項目=値 の形で指定してください（項目は入力項目のIDか名前）: {pair}",
        "en": "Give --field as NAME=VALUE (NAME is a field's id or its label): {pair}",
    },
    "draft.unknown_field": {
        "ja": "テンプレート「{template}」に入力項目「{name}」はありません。使える入力項目（ID（名前））: {known}",
        "en": "The template \"{template}\" has no field \"{name}\". Its fields (id (label)): {known}",
    },
}
