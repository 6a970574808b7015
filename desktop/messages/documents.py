"""Texts for documents that cannot be read or written, and for documents read with a caveat.

``desktop.documents`` raises ``DocumentError(reason, code, params)`` and puts
``{"code", "params"}`` entries in ``Document.warnings``; the command line and
the window turn them into text with ``desktop.messages.message(code, **params)``.
``{name}`` is always the file's name.
"""

from __future__ import annotations

_PLEASE_UTF8 = {"ja": "UTF-8 で保存し直してください。", "en": "Please save it again as UTF-8."}

MESSAGES: dict[str, dict[str, str]] = {
    # -- cannot read
    "documents.missing": {
        "ja": "ファイルが見つかりません: {name}。移動または削除されていないか確認してください。",
        "en": "File not found: {name}. Check that it has not been moved or deleted.",
    },
    "documents.not_a_file": {
        "ja": "{name} はファイルではありません（フォルダーです）。",
        "en": "{name} is not a file (it is a folder).",
    },
    "documents.unreadable": {
        "ja": "{name} を開けません（アクセスが拒否されました）。他のアプリで開いていないか、読み取り権限があるか確認してください。",
        "en": "Cannot open {name} (access denied). Check that no other program holds it and that you may read it.",
    },
    "documents.empty": {
        "ja": "{name} は空です（文字が含まれていません）。",
        "en": "{name} is empty (it contains no text).",
    },
    "documents.too_large": {
        "ja": "{name} は大きすぎます（{size}）。{suffix} のファイルは {limit} までです。ファイルを分割してください。",
        "en": "{name} is too large ({size}). {suffix} files are limited to {limit}. Please split the file.",
    },
    "documents.unpacks_too_large": {
        "ja": "{name} は展開すると {limit} を超えるため読み込みを止めました。ファイルが壊れているか、"
              "大きな画像などを含んでいます。Word で開いて保存し直すか、文書を分割してください。",
        "en": "{name} unpacks to more than {limit}, so reading it was stopped. The file is damaged or holds "
              "very large parts. Open it in Word and save it again, or split the document.",
    },
    "documents.took_too_long": {
        "ja": "{name} の読み込みが {seconds} 秒で終わらなかったため停止しました。ファイルが壊れている可能性があります。",
        "en": "Reading {name} did not finish within {seconds} seconds and was stopped. The file may be damaged.",
    },
    "documents.reader_crashed": {
        "ja": "{name} を読み込む処理が途中で止まりました（メモリ不足またはファイルの破損）。ファイルを分割するか、保存し直してください。",
        "en": "Reading {name} stopped part-way (out of memory or a damaged file). Split the file or save it again.",
    },
    "documents.unsupported": {
        "ja": "{name} の形式（{suffix}）には対応していません。.docx、.txt、.md、.pdf のファイルを選んでください。",
        "en": "The format of {name} ({suffix}) is not supported. Choose a .docx, .txt, .md or .pdf file.",
    },
    "documents.unsupported_doc": {
        "ja": "{name} は古い Word 形式（.doc）です。Word で開き「名前を付けて保存」で .docx にしてからご利用ください。",
        "en": "{name} is in the old Word format (.doc). Open it in Word and save it as .docx first.",
    },
    "documents.encrypted_docx": {
        "ja": "{name} はパスワードで保護されています。Word でパスワードを解除して保存し直してから開いてください。",
        "en": "{name} is password-protected. Remove the password in Word, save it, and open it again.",
    },
    "documents.encrypted_pdf": {
        "ja": "{name} はパスワードで保護（暗号化）された PDF です。保護を解除した PDF をご利用ください。",
        "en": "{name} is a password-protected (encrypted) PDF. Please use a copy without protection.",
    },
    "documents.pdf_needs_crypto": {
        "ja": "{name} は暗号化（印刷・コピーの制限など）された PDF ですが、復号に必要な部品（{library}）が"
              "この Fumi に入っていません。制限を解除した PDF を使うか、情報システム担当者に連絡してください。",
        "en": "{name} is an encrypted PDF (e.g. printing or copying restricted), and the component needed to "
              "decrypt it ({library}) is missing from this Fumi. Use a copy without restrictions or contact your IT staff.",
    },
    "documents.missing_library": {
        "ja": "{name} を読むのに必要な部品（{library}）がこの Fumi に入っていません。情報システム担当者に連絡してください。",
        "en": "A component needed to read {name} ({library}) is missing from this Fumi. Please contact your IT staff.",
    },
    "documents.corrupt_docx": {
        "ja": "{name} は Word 文書（.docx）として読み取れません。ファイルが壊れているか、別の形式のファイルに .docx という名前が付いています。",
        "en": "{name} cannot be read as a Word document (.docx). The file is damaged, or it is another kind of file named .docx.",
    },
    "documents.corrupt_pdf": {
        "ja": "{name} は PDF として読み取れません。ファイルが壊れている可能性があります。",
        "en": "{name} cannot be read as a PDF. The file may be damaged.",
    },
    "documents.corrupt_text": {
        "ja": "{name} の文字コードを判別できません（{bad} か所が読み取れません）。文字コードが混在しているか、ファイルが壊れています。"
              + _PLEASE_UTF8["ja"],
        "en": "The text encoding of {name} cannot be determined ({bad} places are unreadable). Encodings are mixed "
              "or the file is damaged. " + _PLEASE_UTF8["en"],
    },
    "documents.garbled_text": {
        "ja": "{name} を読み取ると文字化けします（どの文字コードでも意味のある文字になりません）。"
              "作成したアプリで UTF-8 のテキストとして保存し直してください。",
        "en": "{name} reads as garbled characters in every text encoding Fumi knows. "
              "Save it again as UTF-8 text from the program that made it.",
    },
    "documents.binary": {
        "ja": "{name} は文字のファイルではありません（画像やプログラムなどのデータのようです）。",
        "en": "{name} is not a text file (it looks like an image, a program or other data).",
    },
    "documents.no_text": {
        "ja": "この PDF には文字情報がありません（スキャン画像の可能性があります）。OCR 済みの PDF か Word ファイルをご利用ください。",
        "en": "This PDF has no text layer (it may be a scanned image). Please use an OCR-processed PDF or a Word file.",
    },
    "documents.no_text_mapping": {
        "ja": "{name} の文字は読み取れません。PDF のフォントに文字の対応表がなく、取り出すと意味のない記号になります"
              "（スキャン画像と同じ扱いです）。元の Word ファイルか、OCR 済みの PDF をご利用ください。",
        "en": "The text of {name} cannot be read: its fonts have no character mapping, so what comes out is "
              "meaningless symbols (as with a scanned image). Please use the original Word file or an OCR-processed PDF.",
    },
    "documents.unwritable": {
        "ja": "{name} に保存できません（{detail}）。ファイルが Word などで開かれていないか、保存先に書き込めるか確認してください。元のファイルはそのままです。",
        "en": "Cannot save {name} ({detail}). Check that it is not open in Word or another program and that the folder is writable. Any existing file is unchanged.",
    },
    "documents.unaligned": {
        "ja": "訳文の数（{got}）が元の文書の段落数（{expected}）と一致しません。元の文書が変更された可能性があります。",
        "en": "The number of translations ({got}) does not match the paragraphs of the source ({expected}). The source may have changed.",
    },
    # -- read, with a caveat (Document.warnings)
    "documents.replaced_chars": {
        "ja": "{name} の一部の文字を読み取れませんでした（{bad} か所を「\ufffd」に置き換えました）。文字コードが混在している可能性があります。",
        "en": "Some characters of {name} could not be read ({bad} places were replaced by \"\ufffd\"). The file may mix text encodings.",
    },
    "documents.nul_dropped": {
        "ja": "{name} に不要な制御文字（NUL）が {count} 個含まれていたため、取り除いて読み込みました。",
        "en": "{name} contained {count} stray NUL characters; they were removed.",
    },
    "documents.maybe_garbled": {
        "ja": "{name} の一部（{pages}）は文字化けしているようです。その部分は読み込んでいません。",
        "en": "Part of {name} ({pages}) looks garbled and was left out.",
    },
    "documents.has_comments": {
        "ja": "{name} には Word のコメントが {count} 件あります。コメントは要約・翻訳の対象にしていません。",
        "en": "{name} has {count} Word comments. Comments are not summarized or translated.",
    },
    "documents.alt_chunk": {
        "ja": "{name} には別のファイルから取り込まれた部分が {count} か所あり、読み込んでいません。"
              "Word で開いて保存し直すと読み込めるようになります。",
        "en": "{name} has {count} parts imported from other files that were not read. "
              "Open it in Word and save it again to include them.",
    },
}
