"""Texts of the model library: reading GGUF files, the probe, checksums and the catalog, finding models, RAM fit.

Codes are "library.<reason>"; the reasons of ``GGUFFormatError`` and of the probe
(``ModelEntry.problem_code``) keep their meaning: "library." + reason is their text.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "library.empty": {
        "ja": "ファイルが空です（0 バイト）。",
        "en": "The file is empty (0 bytes).",
    },
    "library.not_a_file": {
        "ja": "ファイルではありません。",
        "en": "This is not a file.",
    },
    "library.unreadable": {
        "ja": "ファイルを読み取れません（{detail}）。",
        "en": "The file cannot be read ({detail}).",
    },
    "library.bad_magic": {
        "ja": "GGUF 形式のモデルファイルではありません。",
        "en": "This is not a GGUF model file.",
    },
    "library.unsupported_version": {
        "ja": "対応していない GGUF のバージョンです（{detail}）。",
        "en": "This GGUF version is not supported ({detail}).",
    },
    "library.too_many_tensors": {
        "ja": "ファイルが壊れています（テンソル数が異常です）。",
        "en": "The file is corrupt (impossible tensor count).",
    },
    "library.too_many_keys": {
        "ja": "ファイルが壊れています（メタデータ数が異常です）。",
        "en": "The file is corrupt (impossible metadata count).",
    },
    "library.string_too_long": {
        "ja": "ファイルが壊れています（文字列の長さが異常です）。",
        "en": "The file is corrupt (impossible string length).",
    },
    "library.array_too_long": {
        "ja": "ファイルが壊れています（配列の長さが異常です）。",
        "en": "The file is corrupt (impossible array length).",
    },
    "library.header_too_large": {
        "ja": "ファイルのヘッダーが大きすぎます。",
        "en": "The file's header is too large.",
    },
    "library.truncated": {
        "ja": "ファイルが途中で切れています（コピーやダウンロードが完了していない可能性があります）。",
        "en": "The file is cut short (the copy or download may not have finished).",
    },
    "library.bad_value_type": {
        "ja": "ファイルが壊れています（不正な値）。",
        "en": "The file is corrupt (invalid value).",
    },
    "library.bad_tensor": {
        "ja": "ファイルが壊れています（不正なテンソル情報）。",
        "en": "The file is corrupt (invalid tensor info).",
    },
    "library.duplicate": {
        "ja": "ファイルが壊れています（項目が重複しています）。",
        "en": "The file is corrupt (duplicated entries).",
    },
    "library.missing_architecture": {
        "ja": "モデルの種類（アーキテクチャ）が書かれていません。",
        "en": "The file does not say which kind of model it is (architecture).",
    },
    "library.probe_timeout": {
        "ja": "ファイルの確認が時間内に終わりませんでした。壊れているか、不正なファイルの可能性があります。",
        "en": "Checking the file did not finish in time; it may be broken or malicious.",
    },
    "library.probe_crashed": {
        "ja": "ファイルの確認中に確認用プロセスが異常終了しました。壊れているか、不正なファイルの可能性があります。",
        "en": "The checking process stopped abnormally on this file; it may be broken or malicious.",
    },
    "library.probe_failed": {
        "ja": "ファイルを確認できませんでした（{detail}）。",
        "en": "The file could not be checked ({detail}).",
    },
    "library.checksum_mismatch": {
        "ja": "SHA-256 が推奨モデル一覧（catalog.toml）の値と一致しないため、使用できません。ファイルが改変されたか、別のファイルです。",
        "en": "Refused: the SHA-256 does not match the one in the catalog (catalog.toml); the file was altered or is a different file.",
    },
    "library.catalog_unreadable": {
        "ja": "推奨モデル一覧（catalog.toml）を読み取れないため、安全のためモデルを使用できません（{detail}）。",
        "en": "For safety, models cannot be used because the catalog (catalog.toml) cannot be read ({detail}).",
    },
    "library.model_not_found": {
        "ja": "モデル「{name}」が見つかりません。見つかったモデル: {available}",
        "en": "Model '{name}' was not found. Models found: {available}",
    },
    "library.model_ambiguous": {
        "ja": "「{name}」に当てはまるモデルが複数あります: {candidates}。ファイル名で指定してください。",
        "en": "'{name}' matches several models: {candidates}. Give the file name.",
    },
    "library.no_models": {
        "ja": "モデルファイル（.gguf）が見つかりません。次のフォルダーに置いてください: {folders}",
        "en": "No model files (.gguf) were found. Put one in: {folders}",
    },
    "library.none": {
        "ja": "なし",
        "en": "none",
    },
    "library.ram_ok": {
        "ja": "必要なメモリの見積もり {estimate} に対し、空きメモリは {available} です。",
        "en": "Estimated memory {estimate}; {available} available.",
    },
    "library.ram_tight": {
        "ja": "メモリに余裕がありません（見積もり {estimate}、空き {available}）。ほかのアプリを閉じるか、コンテキスト長を小さくしてください。",
        "en": "Memory is tight (estimate {estimate}, available {available}). Close other applications or use a smaller context.",
    },
    "library.ram_too_large": {
        "ja": "このモデルはメモリに収まりません（見積もり {estimate}、空き {available}）。より小さいモデルを選ぶか、コンテキスト長を小さくしてください。",
        "en": "This model will not fit in memory (estimate {estimate}, available {available}). Choose a smaller model or context.",
    },
    "library.ram_unknown": {
        "ja": "必要なメモリの見積もりは {estimate} です（空きメモリは不明）。",
        "en": "Estimated memory {estimate} (available memory unknown).",
    },
}
