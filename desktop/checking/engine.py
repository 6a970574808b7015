"""The checker: built-in rules plus the office's rule files, run over one text under one profile.

``Checker.check(text)`` never needs Qt or a model. Built-in rules come from
``resources/checking/*.toml``; extra rule files (the office's 用字用語 list,
``--rules FILE``) are added on top, and one that cannot be read is reported
in ``CheckResult.problems`` while every other rule still runs. Each check has
a deadline (default 10 s, plus 1 s per 10,000 characters): a rule that runs past it is stopped and named, and
the others get a fresh fifth of the time limit. Patterns never see across a
line break: rules run paragraph by paragraph.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.checking.analyses import ANALYSES, KNOWN_ANALYSES
from desktop.checking.context import CheckContext, CheckTimeout
from desktop.checking.findings import Finding, shift
from desktop.checking.matchers import run_pattern, run_table, run_words
from desktop.checking.profiles import resolve_profile
from desktop.checking.rules import Rule, RuleFileError, load_rule_file

log = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT_S = 10.0
#: Long documents get one more second per this many characters (30 pages check in about 1 s).
CHARS_PER_EXTRA_SECOND = 10_000
#: Analyses that look at the whole document (consistency); every other rule runs per paragraph.
DOCUMENT_ANALYSES = frozenset({"style_mix", "bracket_mix", "era_mix", "katakana_variants"})
#: Paragraphs whose findings are kept for the next check.
LINE_CACHE_SIZE = 20000


@dataclass
class CheckResult:
    """``findings`` sorted by position; ``problems``: each refused rule file (a ``RuleFileError``) and the id
    of each rule stopped at the time limit."""

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
                log.info("rule file refused: %s", exc)  # the user is told through .problems
                self.problems.append(exc)
                continue
            replaced = {rule.id for rule in extra}
            rules = [rule for rule in rules if rule.id not in replaced] + extra
        self.disabled = frozenset(disabled)
        self.rules: list[Rule] = rules
        self._lines: OrderedDict[tuple[str, str, str], list[Finding]] = OrderedDict()
        self._deadline = 0.0

    def rules_for(self, profile: str) -> list[Rule]:
        return [r for r in self.rules if r.id not in self.disabled and profile in r.profiles]

    def check(self, text: str, profile: str | None = None, lang: str = "ja") -> CheckResult:
        """The findings in ``text`` (offsets into ``text``); ``profile`` None or "auto" is guessed from the text.

        Rules run paragraph by paragraph (a finding never crosses a line
        break), and each paragraph's findings are kept, so checking again after
        an edit only looks at the paragraphs that changed; the analyses of
        the whole document (``DOCUMENT_ANALYSES``) then run over all of it.
        """
        text = text.replace("\r\n", "\n") if "\r\n" in text else text
        chosen = resolve_profile(profile, text)
        result = CheckResult(chosen, problems=list(self.problems))
        self._deadline = time.monotonic() + self.time_limit_s + len(text) / CHARS_PER_EXTRA_SECOND
        rules = self.rules_for(chosen)
        line_rules = [r for r in rules if not (r.kind == "analysis" and r.analysis in DOCUMENT_ANALYSES)]
        found: list[Finding] = []
        position = 0
        for line in text.split("\n"):
            if line.strip():
                found.extend(shift(self._check_line(line, line_rules, chosen, lang, result), position))
            position += len(line) + 1
        ctx = CheckContext(text, chosen, lang, self._deadline)
        for rule in rules:
            if rule not in line_rules:
                found.extend(self._run_guarded(rule, ctx, result))
        result.findings = _dedupe(found)
        return result

    def _check_line(self, line: str, rules: list[Rule], profile: str, lang: str, result: CheckResult) -> list[Finding]:
        key = (line, profile, lang)
        cached = self._lines.get(key)
        if cached is not None:
            self._lines.move_to_end(key)
            return cached
        ctx = CheckContext(line, profile, lang, self._deadline)
        stopped_before = len(result.problems)
        found = [f for rule in rules if rule.id not in result.problems for f in self._run_guarded(rule, ctx, result)]
        if len(result.problems) == stopped_before:
            self._lines[key] = found
            if len(self._lines) > LINE_CACHE_SIZE:
                self._lines.popitem(last=False)
        return found

    def _run_guarded(self, rule: Rule, ctx: CheckContext, result: CheckResult) -> list[Finding]:
        if rule.id in result.problems:
            return []
        try:
            return _run(rule, ctx)
        except CheckTimeout:
            log.warning("rule %s stopped at the time limit", rule.id)
            result.problems.append(rule.id)
            self._deadline = time.monotonic() + 0.2 * self.time_limit_s
            ctx.deadline = self._deadline
            return []


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
