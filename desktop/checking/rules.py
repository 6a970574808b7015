"""Rules as data: the rule file format, and reading it with errors that name the line.

A rule file is TOML with one ``[[rule]]`` table per rule::

    [[rule]]
    id = "aux-kudasai"            # unique; used to turn a rule off
    kind = "pattern"              # pattern | table | word | analysis
    category = "writing"          # writing | characters | sentences
    severity = "warning"          # error | warning | info
    source = "「公用文作成の考え方」Ⅰ-3(1)"
    message_ja = "補助動詞は仮名で書きます。"
    message_en = "Write auxiliary verbs in kana."
    profiles = ["reiki", "tsuchi"]   # optional; default: every profile

- ``pattern``: ``pattern`` (a regular expression of the ``regex`` package) and
  an optional ``suggestion`` (a replacement template: ``\\1``, ``\\g<name>``).
- ``table``: ``entries = [["誤", "正"], ...]`` of literal strings (the office's
  用字用語 list is a table); ``boundary = true`` (the default) only matches
  where a word of the morphological analysis starts and ends, so 「事」 does
  not match inside 「事故」.
- ``word``: ``entries`` of inline tables matched on the analysis: ``surface``
  (or ``lemma``, one or a list, with ``reading = true`` to suggest the word's
  own reading in kana), optional ``pos``, ``after`` (parts of speech or surfaces the previous word must have,
  e.g. ``["助詞:て", "動詞"]``), ``not_before`` (surfaces the next word must
  not be) and ``suggestion``.
- ``analysis``: a named check in code (``analysis = "sentence_length"``) with
  its ``params`` and optional ``params_<profile>`` overrides.

``RuleFileError`` names the file and the line of what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from desktop.checking.findings import SEVERITIES

KINDS = ("pattern", "table", "word", "analysis")
CATEGORIES = ("writing", "characters", "sentences")
PROFILE_IDS = ("reiki", "tsuchi", "koho")
#: Pattern rules may give a named ``transform`` instead of a suggestion template: "nfkc" (Unicode NFKC
#: of the match: full-width letters and digits to half-width, half-width kana to full-width) or
#: "punctuation" (，． → 、。).
TRANSFORM_NAMES = ("nfkc", "punctuation")
#: A rule file larger than this is refused unread.
MAX_RULE_FILE_BYTES = 2_000_000
_RULE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*rule[ \t]*\]\]", re.MULTILINE)
_TOML_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True)
class Rule:
    """One rule, as read from a rule file (see the module docstring for the fields)."""

    id: str
    kind: str
    category: str
    severity: str
    source: str
    message_ja: str
    message_en: str
    profiles: tuple[str, ...] = PROFILE_IDS
    pattern: Any = None                       # compiled regex for kind "pattern"
    suggestion: str | None = None
    entries: tuple = ()
    boundary: bool = True
    analysis: str = ""
    params: dict = field(default_factory=dict)
    profile_params: dict = field(default_factory=dict)
    origin: str = ""                          # "file:line" where the rule was defined

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" and self.message_en else self.message_ja

    def params_for(self, profile: str) -> dict:
        return {**self.params, **self.profile_params.get(profile, {})}


class RuleFileError(Exception):
    """A rule file that cannot be used: ``path``, ``line`` (1-based, 0 if unknown), ``problem`` (English detail)."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


def load_rule_file(path: str | Path, *, known_analyses: frozenset[str] = frozenset()) -> list[Rule]:
    """The rules in ``path``; raises ``RuleFileError`` naming the line of the first problem."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_RULE_FILE_BYTES:
            raise RuleFileError(str(path), 0, f"larger than {MAX_RULE_FILE_BYTES} bytes")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RuleFileError(str(path), 0, "not UTF-8 text") from None
    except OSError as exc:
        raise RuleFileError(str(path), 0, exc.strerror or "cannot be read") from None
    return parse_rules(text, str(path), known_analyses=known_analyses)


def parse_rules(text: str, name: str, *, known_analyses: frozenset[str] = frozenset()) -> list[Rule]:
    """The rules in TOML ``text`` (``name`` is used in errors)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        raise RuleFileError(name, int(found.group(1)) if found else 0, str(exc)) from None
    tables = data.get("rule")
    if not isinstance(tables, list):
        raise RuleFileError(name, 1, "no [[rule]] tables")
    header_lines = [text.count("\n", 0, m.start()) + 1 for m in _RULE_HEADER.finditer(text)]
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, table in enumerate(tables):
        line = header_lines[index] if index < len(header_lines) else 0
        rule = _rule_from_table(table, f"{name}:{line}", known_analyses, lambda p, ln=line: RuleFileError(name, ln, p))
        if rule.id in seen:
            raise RuleFileError(name, line, f"rule id {rule.id!r} defined twice")
        seen.add(rule.id)
        rules.append(rule)
    return rules


def _rule_from_table(table: dict, origin: str, known_analyses: frozenset[str], error) -> Rule:
    def text_field(key: str, required: bool = True, default: str = "") -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or (required and not value.strip()):
            raise error(f"{key!r} must be a non-empty string")
        return value

    rule_id = text_field("id")
    kind = text_field("kind")
    if kind not in KINDS:
        raise error(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    category = text_field("category", default="writing")
    if category not in CATEGORIES:
        raise error(f"category must be one of {', '.join(CATEGORIES)}")
    severity = text_field("severity", default="warning")
    if severity not in SEVERITIES:
        raise error(f"severity must be one of {', '.join(SEVERITIES)}")
    profiles = table.get("profiles", list(PROFILE_IDS))
    if not isinstance(profiles, list) or not set(profiles) <= set(PROFILE_IDS):
        raise error(f"profiles must be a list of {', '.join(PROFILE_IDS)}")
    common = dict(id=rule_id, kind=kind, category=category, severity=severity,
                  source=text_field("source", required=False), message_ja=text_field("message_ja"),
                  message_en=text_field("message_en", required=False), profiles=tuple(profiles), origin=origin)
    suggestion = table.get("suggestion")
    if suggestion is not None and not isinstance(suggestion, str):
        raise error("'suggestion' must be a string")
    if kind == "pattern":
        try:
            compiled = regex.compile(text_field("pattern"), regex.V0)
        except regex.error as exc:
            raise error(f"bad pattern: {exc}") from None
        transform = table.get("transform")
        if transform is not None and transform not in TRANSFORM_NAMES:
            raise error(f"transform must be one of {', '.join(TRANSFORM_NAMES)}")
        return Rule(**common, pattern=compiled, suggestion=suggestion,
                    params={"transform": transform} if transform else {})
    if kind == "table":
        return Rule(**common, entries=_table_entries(table, error), boundary=bool(table.get("boundary", True)))
    if kind == "word":
        return Rule(**common, entries=_word_entries(table, error))
    analysis = text_field("analysis")
    if known_analyses and analysis not in known_analyses:
        raise error(f"unknown analysis {analysis!r}")
    params = table.get("params", {})
    overrides = {p: table[f"params_{p}"] for p in PROFILE_IDS if f"params_{p}" in table}
    if not isinstance(params, dict) or not all(isinstance(v, dict) for v in overrides.values()):
        raise error("'params' must be a table")
    return Rule(**common, analysis=analysis, params=params, profile_params=overrides, suggestion=suggestion)


def _table_entries(table: dict, error) -> tuple[tuple[str, str], ...]:
    entries = table.get("entries")
    if not isinstance(entries, list) or not entries:
        raise error("'entries' must be a list of [\"find\", \"replace\"] pairs")
    out = []
    for entry in entries:
        if (not isinstance(entry, list) or len(entry) != 2 or not all(isinstance(s, str) for s in entry)
                or not entry[0]):
            raise error(f"bad entry {entry!r}: expected [\"find\", \"replace\"]")
        out.append((entry[0], entry[1]))
    return tuple(out)


def _word_entries(table: dict, error) -> tuple[dict, ...]:
    entries = table.get("entries")
    if not isinstance(entries, list) or not entries:
        raise error("'entries' must be a list of {surface = ..., suggestion = ...} tables")
    out = []
    for entry in entries:
        if not isinstance(entry, dict) or not (isinstance(entry.get("surface"), str) and entry["surface"]
                                               or isinstance(entry.get("lemma"), (str, list))):
            raise error(f"bad entry {entry!r}: 'surface' or 'lemma' is required")
        for key in ("after", "not_before", "not_after"):
            if not isinstance(entry.get(key, []), list):
                raise error(f"bad entry {entry!r}: {key!r} must be a list")
        out.append(entry)
    return tuple(out)
