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
    "draft.context_too_small": {
        "ja": "このテンプレートには、読み込んだモデルのコンテキスト長（{n_ctx}トークン）が足りません。"
              "指示と回答で約{needed}トークン必要です（入力項目は短いので、短くしても収まりません）。"
              "「設定」の「コンテキスト長」を{suggested}以上にしてモデルを読み込み直してください"
              "（コマンドラインでは --ctx {suggested}）。",
        "en": "The context size the model was loaded with ({n_ctx} tokens) is too small for this template: "
              "its instructions and the answer need about {needed} tokens (the fields are short; shortening "
              "them would not be enough). Set Context size in Settings to {suggested} or more and load the "
              "model again (on the command line: --ctx {suggested}).",
    },
    "draft.context_beyond_model": {
        "ja": "このテンプレートの指示と回答には約{needed}トークン必要ですが、このモデルが一度に扱えるのは最大"
              "{trained}トークンです（いまのコンテキスト長は{n_ctx}トークン）。入力項目は短いので、短くしても収まりません。"
              "「長さ」を短くする（コマンドラインでは --length short か --max-tokens）か、"
              "より長い文章を扱えるモデルを使ってください。",
        "en": "This template's instructions and the answer need about {needed} tokens, but this model handles at "
              "most {trained} at once (the context size now is {n_ctx}). The fields are short; shortening them "
              "would not be enough. Choose a shorter Length (on the command line: --length short or "
              "--max-tokens), or use a model that handles longer text.",
    },
    "draft.prompt_beyond_model": {
        "ja": "このテンプレートの指示だけで約{used}トークンあり、このモデルが一度に扱える最大{trained}トークンでは"
              "回答を書く余地がありません。入力項目は短いので、短くしても収まりません。"
              "より長い文章を扱えるモデルを使ってください。",
        "en": "This template's instructions alone are about {used} tokens, which leaves no room for an answer in "
              "the {trained} tokens this model handles at most. The fields are short; shortening them would not "
              "be enough. Use a model that handles longer text.",
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
    # the draft pane's length, tone (文体) and manner (書きぶり) choices (desktop.templates.render)
    "draft.length_template": {"ja": "テンプレートどおり", "en": "As the template says"},
    "draft.length_short": {"ja": "短め", "en": "Short"},
    "draft.length_medium": {"ja": "標準", "en": "Medium"},
    "draft.length_long": {"ja": "長め", "en": "Long"},
    "draft.tone_auto": {"ja": "テンプレートどおり", "en": "As the template says"},
    "draft.tone_desu": {"ja": "です・ます調", "en": "Polite form (desu/masu)"},
    "draft.tone_dearu": {"ja": "である調", "en": "Plain form (de aru)"},
    "draft.manner_auto": {"ja": "テンプレートどおり", "en": "As the template says"},
    "draft.manner_polite": {"ja": "丁寧", "en": "Courteous"},
    "draft.manner_concise": {"ja": "簡潔", "en": "Concise"},
}
