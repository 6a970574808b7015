"""Joining the rules and the optional AI pass: which sentences to send, and its rewrites as findings.

Only sentences that a rule flags without a fix are sent (``AI_RULES``). A
rewrite comes back as a finding of rule ``ai-rewrite`` spanning the whole
sentence, with the rewrite as its suggestion: like every finding it is applied
only when a person accepts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.checking.context import CheckContext
from desktop.checking.findings import Finding

AI_RULE_ID = "ai-rewrite"
#: Rules whose findings the model may help with.
AI_RULES = ("sentence-length", "too-many-commas", "adversative-ga", "double-negative")


def rewrite_candidates(text: str, findings: Iterable[Finding], limit: int = 50) -> list[dict]:
    """``[{"start", "end", "text", "reasons"}]``: each sentence of ``text`` holding an ``AI_RULES`` finding."""
    spans = CheckContext(text, "tsuchi", "ja", 0).sentences
    chosen: dict[tuple[int, int], list[str]] = {}
    for finding in findings:
        if finding.rule not in AI_RULES:
            continue
        for start, end in spans:
            if start <= finding.start < end:
                reasons = chosen.setdefault((start, end), [])
                if finding.rule not in reasons:
                    reasons.append(finding.rule)
                break
    return [{"start": s, "end": e, "text": text[s:e], "reasons": r} for (s, e), r in sorted(chosen.items())][:limit]


def rewrite_findings(text: str, sections: Sequence[dict], lang: str = "ja") -> list[Finding]:
    """Findings for the rewrites the job sent (sections with ``text`` and ``meta`` start/end/source).

    A rewrite whose sentence no longer stands at its offsets (the text changed
    meanwhile), an empty one, or one equal to the sentence is dropped.
    """
    from desktop.messages import message

    out = []
    for section in sections:
        meta = section.get("meta") or {}
        start, end, rewrite = meta.get("start"), meta.get("end"), (section.get("text") or "").strip()
        if not isinstance(start, int) or not isinstance(end, int) or not rewrite:
            continue
        if text[start:end] != meta.get("source") or rewrite == meta.get("source"):
            continue
        out.append(Finding(AI_RULE_ID, start, end, text[start:end], rewrite, message("check.ai_message", lang),
                           "info", message("check.ai_suggestion", lang)))
    return out
