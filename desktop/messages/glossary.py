"""Texts for glossary files that cannot be read or written (``desktop.glossary``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "glossary.not_text": {
        "ja": "用語集のファイルが文字のファイルではありません（TSV または CSV を選んでください）。",
        "en": "The glossary is not a text file. Please choose a TSV or CSV file.",
    },
    "glossary.bad_encoding": {
        "ja": "用語集の文字コードを読み取れませんでした（UTF-8 または Shift_JIS で保存してください）。",
        "en": "The glossary's encoding could not be read. Please save it as UTF-8 or Shift_JIS.",
    },
    "glossary.too_large": {
        "ja": "用語集「{name}」が大きすぎます（{limit} まで）。",
        "en": "The glossary {name} is too large ({limit} at most).",
    },
    "glossary.missing": {
        "ja": "用語集「{name}」が見つかりません。",
        "en": "The glossary {name} was not found.",
    },
    "glossary.folder": {
        "ja": "「{name}」はフォルダーです。用語集のファイルを選んでください。",
        "en": "{name} is a folder. Please choose a glossary file.",
    },
    "glossary.unreadable": {
        "ja": "用語集「{name}」を読み込めませんでした: {detail}",
        "en": "The glossary {name} could not be read: {detail}",
    },
    "glossary.unsaved": {
        "ja": "用語集「{name}」を保存できませんでした: {detail}",
        "en": "The glossary {name} could not be saved: {detail}",
    },
    "glossary.unclosed_quote": {
        "ja": "用語集「{name}」の {line} 行目: 「\"」で始まる項目が閉じられていません。"
              "引用符を消すか、項目の終わりにも「\"」を付けてください。",
        "en": "The glossary {name}, line {line}: a cell that starts with \" is never closed. "
              "Remove the quote or close the cell with another \".",
    },
    "glossary.text_after_quote": {
        "ja": "用語集「{name}」の {line} 行目: 「\"」で囲んだ項目の後に文字が続いています。"
              "項目の中の「\"」は「\"\"」と2つ重ねて書いてください。",
        "en": "The glossary {name}, line {line}: text follows a quoted cell. "
              "Write a quote inside a cell as two quotes (\"\").",
    },
    "glossary.cell_too_long": {
        "ja": "用語集「{name}」の {line} 行目: 項目が長すぎます（{limit} 文字まで）。区切り（タブまたはカンマ）や引用符の誤りがないか確認してください。",
        "en": "The glossary {name}, line {line}: a cell is too long ({limit} characters at most). "
              "Check the separators (tab or comma) and quotes.",
    },
}
