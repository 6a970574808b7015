"""公用文 checking: rules as data, profiles, findings with character offsets (no Qt, no model).

    from desktop.checking import Checker, apply_findings
    result = Checker().check(text)              # profile guessed from the text
    fixed = apply_findings(text, result.findings)

See ``rules.py`` for the rule file format and ``resources/checking/`` for the
built-in rules with their sources.
"""

from desktop.checking.engine import Checker, CheckResult, builtin_rules
from desktop.checking.findings import Finding, apply_findings
from desktop.checking.profiles import DEFAULT_PROFILE, PROFILES, guess_profile, resolve_profile
from desktop.checking.rules import Rule, RuleFileError

__all__ = ["Checker", "CheckResult", "Finding", "Rule", "RuleFileError", "PROFILES", "DEFAULT_PROFILE",
           "apply_findings", "builtin_rules", "guess_profile", "resolve_profile"]
