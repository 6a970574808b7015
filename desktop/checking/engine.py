"""The checker: built-in rules plus the office's rule files, run over one text under one profile.

``Checker.check(text)`` never needs Qt or a model. Built-in rules come from
``resources/checking/*.toml``; extra rule files (the office's 用字用語 list,
``--rules FILE``) are added on top, and one that cannot be read is reported
in ``CheckResult.problems`` while every other rule still runs. Each check has
a deadline (default 10 s): a rule that runs past it is stopped and named.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.checking.analyses import ANALYSES, KNOWN_ANALYSES
from desktop.checking.context import CheckContext, CheckTimeout
from desktop.checking.findings import Finding
from desktop.checking.matchers import run_pattern, run_table, run_words
from desktop.checking.profiles import resolve_profile
from desktop.checking.rules import Rule, RuleFileError, load_rule_file

log = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT_S = 10.0


@dataclass
class CheckResult:
    """``findings`` sorted by position; ``problems``: rule files refused and rules stopped, as (rule or file, detail)."""

    profile: str
    findings: list[Finding] = field(default_factory=list)
    problems: list[RuleFileError | str] = field(default_factory=list)


def builtin_rule_files() -> list[Path]:
    from desktop.resources import resource_path

    return sorted(resource_path("checking").glob("*.toml"))


_builtin_cache: list[Rule] | None = None


def builtin_rules() -> list[Rule]:
    """The rules shipped with Fumi (read once per process)."""
    global _builtin_cache
    if _builtin_cache is None:
        rules: list[Rule] = []
        for path in builtin_rule_files():
            rules.extend(load_rule_file(path, known_analyses=KNOWN_ANALYSES))
        _builtin_cache = rules
    return list(_builtin_cache)


class Checker:
    """Runs the built-in rules and those of ``rule_files``, minus ``disabled`` rule ids."""

    def __init__(self, rule_files: Iterable[str | Path] = (), disabled: Iterable[str] = (),
                 time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> None:
        self.problems: list[RuleFileError | str] = []
        self.time_limit_s = time_limit_s
        rules = builtin_rules()
        for path in rule_files:
            try:
                extra = load_rule_file(path, known_analyses=KNOWN_ANALYSES)
            except RuleFileError as exc:
                log.warning("rule file refused: %s", exc)
                self.problems.append(exc)
                continue
            replaced = {rule.id for rule in extra}
            rules = [rule for rule in rules if rule.id not in replaced] + extra
        self.disabled = frozenset(disabled)
        self.rules: list[Rule] = rules

    def rules_for(self, profile: str) -> list[Rule]:
        return [r for r in self.rules if r.id not in self.disabled and profile in r.profiles]

    def check(self, text: str, profile: str | None = None, lang: str = "ja") -> CheckResult:
        """The findings in ``text`` (offsets into ``text``); ``profile`` None or "auto" is guessed from the text."""
        text = text.replace("\r\n", "\n") if "\r\n" in text else text
        chosen = resolve_profile(profile, text)
        ctx = CheckContext(text, chosen, lang, time.monotonic() + self.time_limit_s)
        result = CheckResult(chosen, problems=list(self.problems))
        found: list[Finding] = []
        for rule in self.rules_for(chosen):
            try:
                found.extend(_run(rule, ctx))
            except CheckTimeout:
                log.warning("rule %s stopped at the time limit", rule.id)
                result.problems.append(rule.id)
                ctx.deadline = time.monotonic() + 0.2 * self.time_limit_s
        result.findings = _dedupe(found)
        return result


def _run(rule: Rule, ctx: CheckContext) -> list[Finding]:
    if rule.kind == "pattern":
        return run_pattern(rule, ctx)
    if rule.kind == "table":
        return run_table(rule, ctx)
    if rule.kind == "word":
        return run_words(rule, ctx)
    ctx.remaining()
    return ANALYSES[rule.analysis](rule, ctx, rule.params_for(ctx.profile))


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    """Sorted by position; the same rule at the same span only once."""
    seen = set()
    out = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        key = (finding.rule, finding.start, finding.end)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out
