"""Texts of the drafting templates: why a template file cannot be used, naming its line, key or field.

``{where}`` is "12 行目: " / "line 12: " (``templates.where``) or empty;
``{position}`` names a field: ``templates.field_number`` or ``templates.field_named``.
The texts after "sharing" are about sharing a template as a file (issue #19).
"""

MESSAGES: dict[str, dict[str, str]] = {
    "templates.kind_document": {"ja": "文書", "en": "Documents"},
    "templates.kind_email": {"ja": "メール", "en": "E-mail"},
    "templates.kind_public_relations": {"ja": "広報・広聴", "en": "Public relations"},
    "templates.kind_speech": {"ja": "挨拶・式辞", "en": "Speeches"},
    "templates.kind_review": {"ja": "校正・点検", "en": "Proofreading and review"},
    "templates.where": {"ja": "{line} 行目: ", "en": "line {line}: "},
    "templates.field_number": {"ja": "{where}{number} 番目の入力項目", "en": "{where}field {number}"},
    "templates.field_named": {"ja": "{where}入力項目「{name}」", "en": "{where}field \"{name}\""},
    "templates.none": {"ja": "なし", "en": "none"},
    "templates.not_utf8": {"ja": "{file}: UTF-8 のテキストファイルではありません。",
                           "en": "{file}: this is not a UTF-8 text file."},
    "templates.member_not_utf8": {"ja": "{name}: {member} が UTF-8 のテキストではありません。",
                                  "en": "{name}: {member} is not UTF-8 text."},
    "templates.unreadable": {"ja": "{file}: ファイルを読めません ({reason})。", "en": "{file}: the file cannot be read ({reason})."},
    "templates.in_file": {"ja": "{file}: {message}", "en": "{file}: {message}"},
    "templates.toml_at": {"ja": "{line} 行目 {column} 文字目: TOML の書き方に誤りがあります（{reason}）。",
                          "en": "line {line}, column {column}: the TOML is not written correctly ({reason})."},
    "templates.toml": {"ja": "TOML の書き方に誤りがあります（{reason}）。", "en": "The TOML is not written correctly ({reason})."},
    "templates.text_missing": {"ja": "{where}「{key}」がありません（ja と en の表示名を書いてください）。",
                               "en": "{where}\"{key}\" is missing (write the names shown in ja and en)."},
    "templates.text_shape": {"ja": "{where}「{key}」は {{ ja = \"...\", en = \"...\" }} の形で書いてください。",
                             "en": "{where}write \"{key}\" as {{ ja = \"...\", en = \"...\" }}."},
    "templates.text_language": {"ja": "{where}「{key}」に知らない言語 {languages} があります（ja と en のみ）。",
                                "en": "{where}\"{key}\" has unknown languages {languages} (only ja and en)."},
    "templates.text_empty": {"ja": "{where}「{key}」が空です。", "en": "{where}\"{key}\" is empty."},
    "templates.not_string": {"ja": "{where}「{key}」は文字列で書いてください。", "en": "{where}\"{key}\" must be a string."},
    "templates.bad_shape": {"ja": "テンプレートの形式が正しくありません。", "en": "The template is not in the expected form."},
    "templates.unknown_key": {"ja": "{where}知らない項目「{key}」があります（書き間違いではありませんか）。",
                              "en": "{where}unknown key \"{key}\" (is it misspelt?)."},
    "templates.no_id": {"ja": "「id」がありません（英小文字・数字・-・_ で、例: id = \"my-report\"）。",
                        "en": "\"id\" is missing (lower-case letters, digits, - and _, e.g. id = \"my-report\")."},
    "templates.bad_id": {"ja": "{where}「id」は英小文字・数字・-・_ で 64 文字以内にしてください（今は {value}）。",
                         "en": "{where}\"id\" must be at most 64 lower-case letters, digits, - and _ (now {value})."},
    "templates.no_prompt": {"ja": "{where}「prompt」（AI への指示文）がありません。",
                            "en": "{where}\"prompt\" (the instruction to the AI) is missing."},
    "templates.bad_output": {"ja": "{where}「output」は {choices} のどれかにしてください（今は {value}）。",
                             "en": "{where}\"output\" must be one of {choices} (now {value})."},
    "templates.bad_letterhead": {"ja": "{where}「letterhead」は .docx ファイルを指定してください。",
                                 "en": "{where}\"letterhead\" must name a .docx file."},
    "templates.bad_temperature": {"ja": "{where}「temperature」は 0 から 2 の数にしてください。",
                                  "en": "{where}\"temperature\" must be a number from 0 to 2."},
    "templates.fields_shape": {"ja": "「fields」は [[fields]] の並びで書いてください。",
                               "en": "Write \"fields\" as a list of [[fields]] tables."},
    "templates.duplicate_field": {"ja": "{where}入力項目名「{name}」が重複しています。",
                                  "en": "{where}the field name \"{name}\" is used twice."},
    "templates.unknown_placeholder": {
        "ja": "{where}「{key}」の {{{name}}} に当たる入力項目がありません（入力項目: {known}）。"
              "波かっこそのものを書くときは {{{{ と }}}} にしてください。",
        "en": "{where}\"{key}\" uses {{{name}}}, but there is no such field (fields: {known}). "
              "To write a brace itself, write {{{{ or }}}}.",
    },
    "templates.field_shape": {"ja": "{position}の形式が正しくありません。", "en": "{position} is not in the expected form."},
    "templates.field_name": {"ja": "{position}の「name」は英字で始まる英数字と _ にしてください（今は {value}）。",
                             "en": "{position}: \"name\" must be letters, digits and _, starting with a letter (now {value})."},
    "templates.field_unknown_key": {"ja": "{position}に知らない項目「{key}」があります。",
                                    "en": "{position} has an unknown key \"{key}\"."},
    "templates.field_kind": {"ja": "{position}の「kind」は {choices} のどれかにしてください（今は {value}）。",
                             "en": "{position}: \"kind\" must be one of {choices} (now {value})."},
    "templates.field_required": {"ja": "{position}の「required」は true か false にしてください。",
                                 "en": "{position}: \"required\" must be true or false."},
    "templates.field_default": {"ja": "{position}の「default」は文字列で書いてください。",
                                "en": "{position}: \"default\" must be a string."},
    "templates.field_choices": {"ja": "{position}の「choices」は文字列の並びで書いてください。",
                                "en": "{position}: \"choices\" must be a list of strings."},
    "templates.field_needs_choices": {"ja": "{position}は choice なので「choices」が必要です。",
                                      "en": "{position} is a choice, so it needs \"choices\"."},
    "templates.field_default_choice": {"ja": "{position}の「default」{value} が「choices」にありません。",
                                       "en": "{position}: \"default\" {value} is not among the \"choices\"."},
    "templates.field_text": {"ja": "{position}: {message}", "en": "{position}: {message}"},
    "templates.builtin_id": {"ja": "id「{id}」は組み込みテンプレートで使われています。別の id にしてください。",
                             "en": "The id \"{id}\" belongs to a built-in template. Choose another id."},
    "templates.id_taken": {"ja": "{file}: id「{id}」は既に使われているため読み込みませんでした。",
                           "en": "{file}: not read, because the id \"{id}\" is already used."},
    "templates.builtin_delete": {"ja": "組み込みテンプレートは削除できません。", "en": "Built-in templates cannot be deleted."},
    "templates.import_builtin_id": {
        "ja": "{file}: id「{id}」は組み込みテンプレートと同じです。ファイルの id を変えてから読み込んでください。",
        "en": "{file}: the id \"{id}\" is that of a built-in template. Change the file's id, then import it.",
    },
    "templates.missing_field": {"ja": "「{label}」（{name}）を入力してください。", "en": "Please fill in \"{label}\" ({name})."},
    "templates.field_weekday": {"ja": "{position}の「weekday」は true か false にしてください。",
                                "en": "{position}: \"weekday\" must be true or false."},
    "templates.bad_reply_tokens": {"ja": "{where}「reply_tokens」は {low} から {high} の整数にしてください。",
                                   "en": "{where}\"reply_tokens\" must be a whole number from {low} to {high}."},
    "templates.bad_reply_follows": {"ja": "{where}「reply_follows」の {name} に当たる入力項目がありません。",
                                    "en": "{where}\"reply_follows\" names {name}, but there is no such field."},
    # -- sharing a template (issue #19): the letterhead rule, the limits, import and export
    "templates.letterhead_not_bare": {
        "ja": "{where}「letterhead」には、テンプレートと同じフォルダーにある .docx のファイル名だけを書いてください"
              "（フォルダー名、「..」、ドライブ名、ネットワーク上の場所は使えません。今は「{value}」）。",
        "en": "{where}\"letterhead\" must be the bare name of a .docx in the template's own folder "
              "(no folder, \"..\", drive letter or network path; now \"{value}\").",
    },
    "templates.letterhead_outside": {
        "ja": "{where}「letterhead」の「{value}」は、テンプレートのフォルダーの外にあるファイルを指しています"
              "（シンボリックリンクなどで外を指すものは使えません）。",
        "en": "{where}\"letterhead\" \"{value}\" leads to a file outside the template's folder "
              "(a symbolic link to elsewhere cannot be used).",
    },
    "templates.letterhead_too_large": {
        "ja": "{where}レターヘッド「{value}」が大きすぎます（{size}、上限 {limit}）。",
        "en": "{where}The letterhead \"{value}\" is too large ({size}; the limit is {limit}).",
    },
    "templates.file_too_large": {
        "ja": "{name}: テンプレートのファイルが大きすぎます（{size}、上限 {limit}）。",
        "en": "{name}: the template file is too large ({size}; the limit is {limit}).",
    },
    "templates.too_many_fields": {
        "ja": "{where}入力項目が多すぎます（{count} 個、上限 {limit} 個）。",
        "en": "{where}Too many fields ({count}; the limit is {limit}).",
    },
    "templates.text_too_long": {
        "ja": "{where}「{key}」が長すぎます（{count} 文字、上限 {limit} 文字）。",
        "en": "{where}\"{key}\" is too long ({count} characters; the limit is {limit}).",
    },
    "templates.too_many_choices": {
        "ja": "{where}入力項目「{name}」の選択肢が多すぎます（{count} 個、上限 {limit} 個）。",
        "en": "{where}Field \"{name}\" has too many choices ({count}; the limit is {limit}).",
    },
    "templates.package_bad": {
        "ja": "{name}: Fumi のテンプレート（.toml、または template.toml を収めた .zip）として読めません。",
        "en": "{name}: not a Fumi template (a .toml, or a .zip holding template.toml).",
    },
    "templates.package_member": {
        "ja": "{name}: 想定外のファイル「{member}」が含まれています（入れられるのは template.toml と letterhead.docx だけです）。",
        "en": "{name}: it holds an unexpected file \"{member}\" (only template.toml and letterhead.docx may be in it).",
    },
    "templates.package_too_large": {
        "ja": "{name}: 中のファイル「{member}」を展開すると大きすぎます（上限 {limit}）。",
        "en": "{name}: \"{member}\" is too large when unpacked (the limit is {limit}).",
    },
    "templates.package_letterhead_missing": {
        "ja": "{name}: テンプレートが使うレターヘッド「{value}」が見つかりません。",
        "en": "{name}: the letterhead \"{value}\" the template uses is missing.",
    },
    "templates.package_letterhead_unused": {
        "ja": "{name}: letterhead.docx が入っていますが、テンプレートの「letterhead」が letterhead.docx になっていません。",
        "en": "{name}: it holds letterhead.docx, but the template's \"letterhead\" is not letterhead.docx.",
    },
    "templates.letterhead_unreadable": {
        "ja": "{name}: レターヘッドを Word 文書として読めません（{reason}）。",
        "en": "{name}: the letterhead cannot be read as a Word document ({reason}).",
    },
    "templates.exists": {
        "ja": "id「{id}」のテンプレートは既にあります。置き換えるときは --yes を付けてください。",
        "en": "A template with id \"{id}\" exists already. Add --yes to replace it.",
    },
    "templates.needs_yes": {
        "ja": "このテンプレートにはレターヘッドがあります。上の内容を確認してから、--yes を付けて取り込んでください。",
        "en": "This template has a letterhead. Check what is shown above, then import it with --yes.",
    },
    "templates.imported": {"ja": "取り込みました: {title}（{id}）", "en": "Imported: {title} ({id})"},
    "templates.exported": {"ja": "書き出しました: {path}", "en": "Exported: {path}"},
    "templates.unknown_id": {
        "ja": "テンプレート「{id}」はありません。使えるもの: {known}",
        "en": "There is no template \"{id}\". Available: {known}",
    },
    "templates.preview_title": {"ja": "タイトル", "en": "Title"},
    "templates.preview_fields": {"ja": "入力項目", "en": "Fields"},
    "templates.preview_letterhead": {"ja": "レターヘッド", "en": "Letterhead"},
    "templates.preview_none": {"ja": "なし", "en": "none"},
    "templates.preview_no_body": {
        "ja": "本文なし（ヘッダー、フッター、ページ設定、スタイルだけを使います）",
        "en": "no body text (only its headers, footers, page setup and styles are used)",
    },
    "templates.preview_body": {
        "ja": "本文（1ページ目）: 取り込むと、書き出す文書の先頭にこの文章が入ります。",
        "en": "Body text (first page): once imported, this text starts every exported document.",
    },
    "templates.required": {"ja": "必須", "en": "required"},
}
