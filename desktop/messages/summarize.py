"""Texts of the summarize job and of its progress, for the window and the command line."""

MESSAGES: dict[str, dict[str, str]] = {
    "summarize.source_not_found": {
        "ja": "【出典不明: {label}（文書にない箇所です）】",
        "en": "[Source not found: {label} (not in the document)]",
    },
}
