"""Texts of 文書チェック (desktop/checking, fumi check) outside Qt widgets."""

MESSAGES = {
    "check.sentence": {"ja": "書き換え案", "en": "rewriting"},
    "check.no_sentences": {
        "ja": "書き換える文が渡されていません。",
        "en": "No sentences to rewrite were given.",
    },
    "check.too_many_sentences": {
        "ja": "書き換える文が多すぎます（{limit} 文まで）。",
        "en": "Too many sentences to rewrite (at most {limit}).",
    },
    "check.bad_sentence": {
        "ja": "書き換える文が空か、長すぎます（{limit} 字まで）。",
        "en": "A sentence to rewrite is empty or too long (at most {limit} characters).",
    },
    "check.rule_file_bad": {
        "ja": "ルールファイル「{path}」の {line} 行目に問題があるため、このファイルは使いません（組み込みのルールで確認します）: {problem}",
        "en": "The rule file {path} has a problem at line {line} and is not used (the built-in rules still run): {problem}",
    },
    "check.rule_file_unusable": {
        "ja": "ルールファイル「{path}」を使えないため、組み込みのルールで確認します: {problem}",
        "en": "The rule file {path} cannot be used (the built-in rules still run): {problem}",
    },
    "check.rule_stopped": {
        "ja": "ルール「{rule}」は時間がかかりすぎたため途中で止めました。",
        "en": "The rule {rule} took too long and was stopped.",
    },
    "check.unknown_profile": {
        "ja": "文書の種類「{name}」はありません。{choices} のどれかを指定してください。",
        "en": "There is no document profile {name!s}. Use one of {choices}.",
    },
    "check.output_suffix": {
        "ja": "出力ファイルの拡張子は .docx .txt .md のいずれかにしてください: {path}",
        "en": "The output file must end in .docx, .txt or .md: {path}",
    },
    "check.summary": {
        "ja": "{count} 件の指摘（文書の種類: {profile}）",
        "en": "{count} findings (profile: {profile})",
    },
    "check.saved": {
        "ja": "修正した文書を保存しました: {path}",
        "en": "Saved the corrected document: {path}",
    },
    "check.ai_suggestion": {
        "ja": "AI の書き換え案",
        "en": "AI rewrite",
    },
    "check.ai_message": {
        "ja": "AI による書き換え案です。確認してから採用してください。",
        "en": "A rewrite proposed by the AI. Check it before accepting.",
    },
    # the findings report (.csv, .docx): its column headers and the severities in its rows
    "check.column_line": {"ja": "行", "en": "line"},
    "check.column_column": {"ja": "桁", "en": "column"},
    "check.column_severity": {"ja": "重要度", "en": "severity"},
    "check.column_rule": {"ja": "ルール", "en": "rule"},
    "check.column_text": {"ja": "該当箇所", "en": "text"},
    "check.column_suggestion": {"ja": "修正案", "en": "suggestion"},
    "check.column_message": {"ja": "説明", "en": "message"},
    "check.column_source": {"ja": "根拠", "en": "source"},
    "check.severity_error": {"ja": "誤り", "en": "error"},
    "check.severity_warning": {"ja": "注意", "en": "warning"},
    "check.severity_info": {"ja": "参考", "en": "info"},
    # the profiles (desktop.checking.profiles): kinds of document whose rules differ
    "check.profile_reiki": {"ja": "例規・告示", "en": "Regulations and public notices"},
    "check.profile_tsuchi": {"ja": "通知・依頼", "en": "Notices and requests"},
    "check.profile_koho": {"ja": "広報・お知らせ", "en": "Public relations and announcements"},
}
