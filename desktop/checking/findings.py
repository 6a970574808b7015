"""What a check finds, and applying the suggestions a person accepted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One place in a text that breaks a rule.

    ``start``/``end`` are character offsets into the checked text (end
    exclusive), and ``text == checked_text[start:end]``. ``suggestion`` is the
    replacement for that span, or None where no rule can fix it (a sentence that
    is too long). ``message`` is in the language asked for; ``source`` names
    the public rule it comes from (e.g. 「公用文作成の考え方」Ⅰ-3(1)).
    """

    rule: str
    start: int
    end: int
    text: str
    suggestion: str | None
    message: str
    severity: str
    source: str

    def as_json(self) -> dict:
        return asdict(self)

    @property
    def fixable(self) -> bool:
        return self.suggestion is not None and self.suggestion != self.text


def apply_findings(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with the suggestion of each fixable finding put in place.

    Overlapping findings are resolved by keeping the one that starts first
    (the longer one on a tie); the others are left for a re-check.
    """
    chosen: list[Finding] = []
    last_end = -1
    for finding in sorted((f for f in findings if f.fixable), key=lambda f: (f.start, -(f.end - f.start))):
        if finding.start >= last_end:
            chosen.append(finding)
            last_end = finding.end
    pieces = []
    position = 0
    for finding in chosen:
        pieces.append(text[position:finding.start])
        pieces.append(finding.suggestion or "")
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)


def shift(findings: Iterable[Finding], offset: int) -> list[Finding]:
    """The same findings with their offsets moved by ``offset`` characters."""
    return [Finding(f.rule, f.start + offset, f.end + offset, f.text, f.suggestion, f.message, f.severity, f.source)
            for f in findings]
