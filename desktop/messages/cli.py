"""Texts of the command line's own lines: option problems, saved files, the tables of
``fumi models``, ``fumi templates`` and ``fumi bench``.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.saved": {"ja": "保存しました: {path}", "en": "saved: {path}"},
    "cli.parallel_too_low": {"ja": "--parallel は 1 以上にしてください。", "en": "--parallel must be 1 or more."},
    "cli.temperature_out_of_range": {"ja": "--temperature は 0 から 2 までの数にしてください。",
                                     "en": "--temperature must be a number from 0 to 2."},
    "cli.max_tokens_too_low": {"ja": "--max-tokens は 1 以上にしてください。", "en": "--max-tokens must be at least 1."},
    "cli.prompt_empty": {"ja": "--prompt が空です。モデルへの依頼文を書いてください。", "en": "--prompt must not be empty."},
    "cli.top_range": {"ja": "--top は 1 から 100 の間で指定してください。", "en": "--top must be between 1 and 100."},
    "cli.output_suffix": {
        "ja": "出力ファイルの拡張子は {suffixes} のいずれかにしてください: {path}",
        "en": "The output file must end in one of {suffixes}: {path}",
    },
    "cli.missing_field": {
        "ja": "必須の入力項目 {name}（{label}）がありません: --field {name}=...",
        "en": "The required field {name} ({label}) is missing: --field {name}=...",
    },
    "cli.nothing_to_translate": {
        "ja": "「{name}」には翻訳する文章がありません。",
        "en": "\"{name}\" has no text to translate.",
    },
    "cli.summary_title": {"ja": "{name}の要約", "en": "Summary of {name}"},
    # fumi templates
    "cli.template_unreadable": {"ja": "読み込めないテンプレート: {message}", "en": "Template that cannot be read: {message}"},
    "cli.template_builtin": {"ja": "組み込み", "en": "built-in"},
    "cli.template_own": {"ja": "自作", "en": "your own"},
    # fumi models: the table's headers, the memory verdicts, whether a chat template is present
    "cli.models.name": {"ja": "名前", "en": "name"},
    "cli.models.arch": {"ja": "種類", "en": "arch"},
    "cli.models.params": {"ja": "パラメーター数", "en": "params"},
    "cli.models.quant": {"ja": "量子化", "en": "quant"},
    "cli.models.ctx": {"ja": "コンテキスト長", "en": "ctx"},
    "cli.models.size": {"ja": "サイズ", "en": "size"},
    "cli.models.ram": {"ja": "必要メモリ", "en": "RAM"},
    "cli.models.template": {"ja": "テンプレート", "en": "template"},
    "cli.models.problem": {"ja": "問題", "en": "problem"},
    "cli.models.fit_ok": {"ja": "OK", "en": "ok"},
    "cli.models.fit_tight": {"ja": "ぎりぎり", "en": "tight"},
    "cli.models.fit_too_large": {"ja": "不足", "en": "too large"},
    "cli.models.fit_unknown": {"ja": "不明", "en": "unknown"},
    "cli.models.yes": {"ja": "あり", "en": "yes"},
    "cli.models.no": {"ja": "なし", "en": "no"},
    "cli.models.folders": {"ja": "検索したフォルダー:", "en": "Folders searched:"},
    # fumi bench: its option problems, then the lines of the text report
    "cli.bench.sizes_too_small": {
        "ja": "--prompt-tokens は 8 以上、--gen-tokens は 2 以上にしてください。",
        "en": "--prompt-tokens must be at least 8 and --gen-tokens at least 2.",
    },
    "cli.bench.ctx_too_small": {
        "ja": "このベンチマークには --ctx {needed} 以上が必要です。",
        "en": "--ctx must be at least {needed} for this bench.",
    },
    "cli.bench.model": {"ja": "モデル", "en": "model"},
    "cli.bench.quantization": {"ja": "量子化", "en": "quantization"},
    "cli.bench.threads": {"ja": "スレッド数", "en": "threads"},
    "cli.bench.n_ctx": {"ja": "コンテキスト長", "en": "context"},
    "cli.bench.load_s": {"ja": "読み込み (s)", "en": "load (s)"},
    "cli.bench.pp_tokens_per_s": {"ja": "プロンプト処理 (tokens/s)", "en": "prompt processing (tokens/s)"},
    "cli.bench.tg_tokens_per_s": {"ja": "生成 (tokens/s)", "en": "generation (tokens/s)"},
    "cli.bench.ttft_s": {"ja": "最初の文字まで (s)", "en": "first token (s)"},
    "cli.bench.ttft_regenerate_s": {"ja": "再生成で最初の文字まで (s)", "en": "first token, regenerate (s)"},
    "cli.bench.engine_rss_mb": {"ja": "エンジンのメモリ (MB)", "en": "engine memory (MB)"},
    "cli.bench.parallel": {"ja": "同時に生成する数", "en": "sequences at once"},
    "cli.bench.parallel_tg_tokens_per_s": {"ja": "全体の生成 (tokens/s)", "en": "generation, all sequences (tokens/s)"},
}
