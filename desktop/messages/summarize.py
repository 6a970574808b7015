"""The summarize job's texts: its errors, its progress labels, the mark of a source that does not exist.

Progress labels are codes (``Progress.label``); their texts are noun phrases
to which the command line adds "done/total" and that the window may show.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "summarize.part": {"ja": "部分の要約", "en": "summarizing part"},
    "summarize.combine": {"ja": "まとめ", "en": "combining"},
    "summarize.summary": {"ja": "全体の要約", "en": "writing the summary"},
    "summarize.done_one_pass": {"ja": "一度で要約しました。", "en": "Summarized in one pass."},
    "summarize.done_in_parts": {
        "ja": "{parts} 分割して要約し、{rounds} 段階でまとめました。",
        "en": "Summarized in {parts} parts, combined in {rounds} rounds.",
    },
    "summarize.saved": {"ja": "保存しました: {path}", "en": "Saved: {path}"},
    "summarize.bad_max_tokens": {"ja": "--max-tokens は 1 以上にしてください。", "en": "--max-tokens must be 1 or more."},
    "summarize.bad_output": {
        "ja": "出力ファイルの拡張子は {suffixes} のいずれかにしてください: {path}",
        "en": "The output file must end in one of {suffixes}: {path}",
    },
    "summarize.source_not_found": {
        "ja": "【出典不明: {label}（文書にない箇所です）】",
        "en": "[Source not found: {label} (not in the document)]",
    },
    "summarize.bad_document": {
        "ja": "文書の形式が正しくありません（{detail}）。",
        "en": "The document is not in the expected form ({detail}).",
    },
    "summarize.nothing": {
        "ja": "要約する文章がありません。文書を開くか、文章を貼り付けてください。",
        "en": "There is nothing to summarize. Open a document or paste some text.",
    },
    "summarize.bad_length": {
        "ja": "要約の長さ「{value}」は指定できません（short / medium / long）。",
        "en": "The summary length \"{value}\" cannot be used (short / medium / long).",
    },
    "summarize.bad_style": {
        "ja": "要約の形式「{value}」は指定できません（bullets / prose / three_lines）。",
        "en": "The summary style \"{value}\" cannot be used (bullets / prose / three_lines).",
    },
    "summarize.bad_language": {
        "ja": "要約の言語「{value}」は指定できません（auto / ja / en）。",
        "en": "The summary language \"{value}\" cannot be used (auto / ja / en).",
    },
    "summarize.context_too_small": {
        "ja": "モデルのコンテキスト長（{n_ctx} トークン）が小さすぎて要約できません。"
              "「コンテキスト長」を大きくして読み込み直してください。",
        "en": "The model's context ({n_ctx} tokens) is too small to summarize. "
              "Load the model again with a larger context.",
    },
}
