"""The checker as the user has set it up: the office's rule files and the rules turned off."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from desktop.checking.engine import Checker
from desktop.checking.rules import RuleFileError


def office_rule_files(folder: Path) -> list[Path]:
    """The ``*.toml`` rule files in the office's rules folder (none if it does not exist)."""
    try:
        return sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return []


def configured_checker(extra_rule_files: Iterable[str | Path] = (), settings=None) -> Checker:
    """A ``Checker`` with the office's rules folder, ``extra_rule_files`` and the setting ``check_disabled_rules``."""
    from desktop.settings import Settings

    settings = settings if settings is not None else Settings.load()
    files = [*office_rule_files(settings.paths.check_rules), *extra_rule_files]
    return Checker(files, disabled=settings.get("check_disabled_rules") or ())


def problem_text(problem: RuleFileError | str, lang: str | None = None) -> str:
    """One of ``Checker.problems`` as a sentence in the user's language: a refused rule file
    (with its line when known) or the id of a rule stopped at its time limit."""
    from desktop.messages import message

    if isinstance(problem, RuleFileError) and problem.line:
        return message("check.rule_file_bad", lang, path=problem.path, line=problem.line, problem=problem.problem)
    if isinstance(problem, RuleFileError):  # the whole file: missing, unreadable, too large, not UTF-8
        return message("check.rule_file_unusable", lang, path=problem.path, problem=problem.problem)
    return message("check.rule_stopped", lang, rule=problem)
