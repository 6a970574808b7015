"""The library's user-facing sentences, in Japanese (default) and English.

Kept here, without Qt, because the command line, the probe process and the
window all show them. ``text(key, lang, **values)``.
"""

from __future__ import annotations

#: key -> (Japanese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # GGUFFormatError reasons
    "empty": ("ファイルが空です（0 バイト）。", "The file is empty (0 bytes)."),
    "not_a_file": ("ファイルではありません。", "This is not a file."),
    "unreadable": ("ファイルを読み取れません（{detail}）。", "The file cannot be read ({detail})."),
    "bad_magic": ("GGUF 形式のモデルファイルではありません。", "This is not a GGUF model file."),
    "unsupported_version": (
        "対応していない GGUF のバージョンです（{detail}）。",
        "This GGUF version is not supported ({detail}).",
    ),
    "too_many_tensors": ("ファイルが壊れています（テンソル数が異常です）。", "The file is corrupt (impossible tensor count)."),
    "too_many_keys": ("ファイルが壊れています（メタデータ数が異常です）。", "The file is corrupt (impossible metadata count)."),
    "string_too_long": ("ファイルが壊れています（文字列の長さが異常です）。", "The file is corrupt (impossible string length)."),
    "array_too_long": ("ファイルが壊れています（配列の長さが異常です）。", "The file is corrupt (impossible array length)."),
    "header_too_large": ("ファイルのヘッダーが大きすぎます。", "The file's header is too large."),
    "truncated": (
        "ファイルが途中で切れています（コピーやダウンロードが完了していない可能性があります）。",
        "The file is cut short (the copy or download may not have finished).",
    ),
    "bad_value_type": ("ファイルが壊れています（不正な値）。", "The file is corrupt (invalid value)."),
    "bad_tensor": ("ファイルが壊れています（不正なテンソル情報）。", "The file is corrupt (invalid tensor info)."),
    "duplicate": ("ファイルが壊れています（項目が重複しています）。", "The file is corrupt (duplicated entries)."),
    "missing_architecture": (
        "モデルの種類（アーキテクチャ）が書かれていません。",
        "The file does not say which kind of model it is (architecture).",
    ),
    # probe failures
    "probe_timeout": (
        "ファイルの確認が時間内に終わりませんでした。壊れているか、不正なファイルの可能性があります。",
        "Checking the file did not finish in time; it may be broken or malicious.",
    ),
    "probe_crashed": (
        "ファイルの確認中に確認用プロセスが異常終了しました。壊れているか、不正なファイルの可能性があります。",
        "The checking process stopped abnormally on this file; it may be broken or malicious.",
    ),
    "probe_failed": ("ファイルを確認できませんでした（{detail}）。", "The file could not be checked ({detail})."),
    # checksums and catalog
    "checksum_mismatch": (
        "SHA-256 が推奨モデル一覧（catalog.toml）の値と一致しないため、使用できません。ファイルが改変されたか、別のファイルです。",
        "Refused: the SHA-256 does not match the one in the catalog (catalog.toml); the file was altered or is a different file.",
    ),
    "catalog_unreadable": (
        "推奨モデル一覧（catalog.toml）を読み取れないため、安全のためモデルを使用できません（{detail}）。",
        "For safety, models cannot be used because the catalog (catalog.toml) cannot be read ({detail}).",
    ),
    # finding models
    "model_not_found": (
        "モデル「{name}」が見つかりません。見つかったモデル: {available}",
        "Model '{name}' was not found. Models found: {available}",
    ),
    "model_ambiguous": (
        "「{name}」に当てはまるモデルが複数あります: {candidates}。ファイル名で指定してください。",
        "'{name}' matches several models: {candidates}. Give the file name.",
    ),
    "no_models": (
        "モデルファイル（.gguf）が見つかりません。次のフォルダーに置いてください: {folders}",
        "No model files (.gguf) were found. Put one in: {folders}",
    ),
    "none": ("なし", "none"),
    # RAM fit
    "ram_ok": (
        "必要なメモリの見積もり {estimate} に対し、空きメモリは {available} です。",
        "Estimated memory {estimate}; {available} available.",
    ),
    "ram_tight": (
        "メモリに余裕がありません（見積もり {estimate}、空き {available}）。ほかのアプリを閉じるか、コンテキストを小さくしてください。",
        "Memory is tight (estimate {estimate}, available {available}). Close other applications or use a smaller context.",
    ),
    "ram_too_large": (
        "このモデルはメモリに収まりません（見積もり {estimate}、空き {available}）。より小さいモデルを選ぶか、コンテキストを小さくしてください。",
        "This model will not fit in memory (estimate {estimate}, available {available}). Choose a smaller model or context.",
    ),
    "ram_unknown": (
        "必要なメモリの見積もりは {estimate} です（空きメモリは不明）。",
        "Estimated memory {estimate} (available memory unknown).",
    ),
}


def text(key: str, lang: str | None = None, **values: object) -> str:
    """The sentence for ``key`` in ``lang`` ("ja" or "en"; default: ``FUMI_LANG``, else Japanese),
    with ``{placeholders}`` filled."""
    if lang not in ("ja", "en"):
        from desktop.messages import current_language

        lang = current_language()
    japanese, english = MESSAGES.get(key, (key, key))
    template = english if lang == "en" else japanese
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def format_bytes(size: int | None) -> str:
    """``4_683_000_000`` -> ``"4.4 GB"`` (binary units, as Windows shows them)."""
    if size is None:
        return "?"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
