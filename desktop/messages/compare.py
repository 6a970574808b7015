"""Texts of the comparison (比較): its progress lines, figure labels and exports."""

MESSAGES: dict[str, dict[str, str]] = {
    "compare.title": {"ja": "モデルの比較", "en": "Model comparison"},
    "compare.settings_line": {
        "ja": "処理: {job}　／　全モデル共通: シード {seed}、ランダム性（temperature）{temperature}、最大 {max_tokens} トークン",
        "en": "Job: {job} / every model: seed {seed}, temperature {temperature}, at most {max_tokens} tokens",
    },
    "compare.loading": {"ja": "[{number}/{count}] {model}: モデルを読み込んでいます", "en": "[{number}/{count}] {model}: loading the model"},
    "compare.running": {"ja": "[{number}/{count}] {model}: 実行しています", "en": "[{number}/{count}] {model}: running"},
    "compare.done": {"ja": "[{number}/{count}] {model}: 完了", "en": "[{number}/{count}] {model}: done"},
    "compare.failed": {"ja": "[{number}/{count}] {model}: 失敗 ― {error}", "en": "[{number}/{count}] {model}: failed ― {error}"},
    "compare.ttft": {"ja": "最初の文字まで", "en": "Time to first token"},
    "compare.tokens_per_s": {"ja": "生成速度（トークン/秒）", "en": "Tokens per second"},
    "compare.total": {"ja": "処理時間", "en": "Total time"},
    "compare.load": {"ja": "読み込み時間", "en": "Load time"},
    "compare.context": {"ja": "コンテキスト（トークン）", "en": "Context (tokens)"},
    "compare.context_line": {"ja": "、コンテキスト {n_ctx} トークン", "en": ", a context of {n_ctx} tokens"},
    "compare.peak_memory": {"ja": "最大メモリ", "en": "Peak memory"},
    "compare.cut": {"ja": "長さの上限で途中まで", "en": "Cut at the length limit"},
    "compare.cut_yes": {"ja": "はい", "en": "yes"},
    "compare.cut_no": {"ja": "いいえ", "en": "no"},
    "compare.text": {"ja": "出力", "en": "Output"},
    "compare.empty": {"ja": "（出力なし）", "en": "(no output)"},
    "compare.failed_label": {"ja": "失敗", "en": "Failed"},
    "compare.ai_notice": {
        "ja": "この比較の出力は、生成 AI を用いて作成したものです。",
        "en": "The outputs in this comparison were produced with generative AI.",
    },
    "compare.job_draft": {"ja": "下書き（{template}）", "en": "Draft ({template})"},
    "compare.job_summarize": {"ja": "要約（{file}）", "en": "Summary ({file})"},
    "compare.job_translate": {"ja": "翻訳（{target}）", "en": "Translation ({target})"},
    "compare.job_prompt": {"ja": "自由な指示", "en": "Free prompt"},
    "compare.too_few_models": {
        "ja": "比較するモデルを 2〜4 個、--model で指定してください。",
        "en": "Name 2 to 4 models to compare with --model.",
    },
    "compare.unused_option": {
        "ja": "{option} は {job} の比較では使いません（{needs} と一緒に指定します）。{option} を外すか、{needs} で比較してください。",
        "en": "{option} is not used when comparing {job} (it goes with {needs}). Remove {option} or compare with {needs}.",
    },
    "compare.one_job": {
        "ja": "比較する処理を 1 つだけ指定してください（--template / --prompt / --summarize / --translate）。",
        "en": "Give exactly one job to compare (--template / --prompt / --summarize / --translate).",
    },
    "compare.bad_output": {
        "ja": "比較の出力ファイルは .docx か .md にしてください: {name}",
        "en": "The comparison's output file must be .docx or .md: {name}",
    },
    "compare.all_failed": {"ja": "どのモデルも実行できませんでした。", "en": "No model could run."},
    "compare.saved": {"ja": "保存しました: {name}", "en": "Saved: {name}"},
}
