"""Messages for documents that cannot be read or written, in Japanese or English.

Every ``DocumentError`` raised by the readers and writers is made here, so the
wording stays in one place. Japanese is the default; ``lang="en"`` or the
environment variable ``FUMI_LANG=en`` gives English.
"""

from __future__ import annotations

import os
from pathlib import Path

from .model import DocumentError

#: Size limits, in bytes, checked before a file is opened.
MAX_BINARY_BYTES = 50 * 1024 * 1024   # .docx, .pdf
MAX_TEXT_BYTES = 20 * 1024 * 1024     # .txt, .md
SUPPORTED_SUFFIXES = (".docx", ".txt", ".md", ".pdf")

_MESSAGES: dict[str, dict[str, str]] = {
    "missing": {
        "ja": "ファイルが見つかりません: {name}。移動または削除されていないか確認してください。",
        "en": "File not found: {name}. Check that it has not been moved or deleted.",
    },
    "not_a_file": {
        "ja": "{name} はファイルではありません（フォルダーです）。",
        "en": "{name} is not a file (it is a folder).",
    },
    "unreadable": {
        "ja": "{name} を開けません（アクセスが拒否されました）。他のアプリで開いていないか、読み取り権限があるか確認してください。",
        "en": "Cannot open {name} (access denied). Check that no other program holds it and that you may read it.",
    },
    "empty": {
        "ja": "{name} は空です（文字が含まれていません）。",
        "en": "{name} is empty (it contains no text).",
    },
    "too_large": {
        "ja": "{name} は大きすぎます（{size}）。{kind} は {limit} までです。ファイルを分割してください。",
        "en": "{name} is too large ({size}). {kind} files are limited to {limit}. Please split the file.",
    },
    "unsupported": {
        "ja": "{name} の形式（{suffix}）には対応していません。.docx、.txt、.md、.pdf のファイルを選んでください。",
        "en": "The format of {name} ({suffix}) is not supported. Choose a .docx, .txt, .md or .pdf file.",
    },
    "unsupported_doc": {
        "ja": "{name} は古い Word 形式（.doc）です。Word で開き「名前を付けて保存」で .docx にしてからご利用ください。",
        "en": "{name} is in the old Word format (.doc). Open it in Word and save it as .docx first.",
    },
    "encrypted_docx": {
        "ja": "{name} はパスワードで保護されています。Word でパスワードを解除して保存し直してから開いてください。",
        "en": "{name} is password-protected. Remove the password in Word, save it, and open it again.",
    },
    "encrypted_pdf": {
        "ja": "{name} はパスワードで保護（暗号化）された PDF です。保護を解除した PDF をご利用ください。",
        "en": "{name} is a password-protected (encrypted) PDF. Please use a copy without protection.",
    },
    "corrupt_docx": {
        "ja": "{name} は Word 文書（.docx）として読み取れません。ファイルが壊れているか、別の形式のファイルに .docx という名前が付いています。",
        "en": "{name} cannot be read as a Word document (.docx). The file is damaged, or it is another kind of file named .docx.",
    },
    "corrupt_pdf": {
        "ja": "{name} は PDF として読み取れません。ファイルが壊れている可能性があります。",
        "en": "{name} cannot be read as a PDF. The file may be damaged.",
    },
    "corrupt_text": {
        "ja": "{name} の文字コードを判別できません（{bad} か所が読み取れません）。文字コードが混在しているか、ファイルが壊れています。UTF-8 で保存し直してください。",
        "en": "The text encoding of {name} cannot be determined ({bad} places are unreadable). Encodings are mixed or the file is damaged. Please save it again as UTF-8.",
    },
    "replaced_chars": {
        "ja": "{name} の一部の文字を読み取れませんでした（{bad} か所を「\ufffd」に置き換えました）。文字コードが混在している可能性があります。",
        "en": "Some characters of {name} could not be read ({bad} places were replaced by \"\ufffd\"). The file may mix text encodings.",
    },
    "binary": {
        "ja": "{name} は文字のファイルではありません（画像やプログラムなどのデータのようです）。",
        "en": "{name} is not a text file (it looks like an image, a program or other data).",
    },
    "no_text": {
        "ja": "この PDF には文字情報がありません（スキャン画像の可能性があります）。OCR 済みの PDF か Word ファイルをご利用ください。",
        "en": "This PDF has no text layer (it may be a scanned image). Please use an OCR-processed PDF or a Word file.",
    },
    "unwritable": {
        "ja": "{name} に保存できません（{detail}）。ファイルが Word などで開かれていないか、保存先に書き込めるか確認してください。元のファイルはそのままです。",
        "en": "Cannot save {name} ({detail}). Check that it is not open in Word or another program and that the folder is writable. Any existing file is unchanged.",
    },
    "unaligned": {
        "ja": "訳文の数（{got}）が元の文書の段落数（{expected}）と一致しません。元の文書が変更された可能性があります。",
        "en": "The number of translations ({got}) does not match the paragraphs of the source ({expected}). The source may have changed.",
    },
}

#: Which ``DocumentError.reason`` each message belongs to.
_REASONS = {
    "not_a_file": "missing",
    "unreadable": "missing",
    "unsupported_doc": "unsupported",
    "encrypted_docx": "encrypted",
    "encrypted_pdf": "encrypted",
    "corrupt_docx": "corrupt",
    "corrupt_pdf": "corrupt",
    "corrupt_text": "corrupt",
    "unaligned": "corrupt",
}

_KIND_NAMES = {
    "ja": {".docx": "Word 文書", ".pdf": "PDF", ".txt": "テキストファイル", ".md": "Markdown ファイル"},
    "en": {".docx": "Word", ".pdf": "PDF", ".txt": "Text", ".md": "Markdown"},
}


def resolve_lang(lang: str | None = None) -> str:
    """"en" when asked for (argument, else ``FUMI_LANG``), otherwise "ja"."""
    chosen = lang or os.environ.get("FUMI_LANG") or "ja"
    return "en" if chosen.lower().startswith("en") else "ja"


def message_text(key: str, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in the user's language, with ``values`` filled in."""
    return _MESSAGES[key][resolve_lang(lang)].format(**values)


def document_error(key: str, path: Path | str | None = None, lang: str | None = None, **values: object) -> DocumentError:
    """A ``DocumentError`` for message ``key``; ``{name}`` is the file's name."""
    if path is not None:
        values.setdefault("name", Path(path).name or str(path))
    return DocumentError(_REASONS.get(key, key), message_text(key, lang, **values))


def too_large_error(path: Path, size: int, limit: int, lang: str | None = None) -> DocumentError:
    """The "too_large" error, naming the file's size and the limit for its kind."""
    chosen = resolve_lang(lang)
    kind = _KIND_NAMES[chosen].get(path.suffix.lower(), path.suffix)
    return document_error("too_large", path, lang, size=format_size(size), limit=format_size(limit), kind=kind)


def format_size(size: int) -> str:
    """A size in bytes as people say it: "512 KB", "50 MB"."""
    if size >= 1024 * 1024:
        value = size / (1024 * 1024)
        return f"{value:.0f} MB" if value >= 10 or value.is_integer() else f"{value:.1f} MB"
    if size >= 1024:
        return f"{size // 1024} KB"
    return f"{size} B"
