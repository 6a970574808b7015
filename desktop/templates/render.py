"""From a template and the user's field values to the messages the model gets.

Substitution is one pass over the *template's* text: ``{name}`` becomes the
value of field ``name``, ``{{``/``}}`` become single braces, and what the
user typed is inserted as is and never looked at again, so braces or
placeholder-like text in it stay exactly as typed.

The same function builds the messages for the engine's draft job and for the
template editor's preview, so what the preview shows is what the model gets.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.messages import message

from .model import PLACEHOLDER_PATTERN, Template


@dataclass(frozen=True)
class Choice:
    """One value of a length or tone control: its instruction to the model and its labels."""

    key: str
    label_ja: str
    label_en: str
    instruction: str
    max_tokens: int = 0


#: length option -> reply budget and an instruction.
LENGTHS: dict[str, Choice] = {c.key: c for c in (
    Choice("short", "短め", "Short", "全体で400字程度までに、要点を絞って短くまとめてください。", 384),
    Choice("medium", "標準", "Medium", "全体で800字程度を目安にしてください。", 768),
    Choice("long", "長め", "Long", "全体で1600字程度を目安に、必要な事項を漏れなく詳しく書いてください。", 1536),
)}
DEFAULT_LENGTH = "medium"

#: tone option (文体) -> instruction; "auto" leaves it to the template.
TONES: dict[str, Choice] = {c.key: c for c in (
    Choice("auto", "おまかせ", "Template default", ""),
    Choice("desu", "です・ます調", "Polite form (desu/masu)", "文体は「です・ます」調で統一してください。"),
    Choice("dearu", "である調", "Plain form (de aru)", "文体は「である」調で統一してください。"),
)}

#: manner option (調子) -> instruction; "auto" leaves it to the template.
MANNERS: dict[str, Choice] = {c.key: c for c in (
    Choice("auto", "おまかせ", "Template default", ""),
    Choice("polite", "丁寧", "Courteous", "相手に配慮した丁寧な言い回しにしてください。"),
    Choice("concise", "簡潔", "Concise", "前置きや重複を省き、簡潔に書いてください。"),
)}

_OUTPUT_INSTRUCTIONS = {
    "prose": "",
    "sections": "見出しごとに分けて書いてください。見出しは「1 見出し」のように番号を付けた行にしてください。",
    "table": "表の形で整理してください。各行は「項目｜内容」のように全角の縦線で区切ってください。",
}

_COMMON_RULES = (
    "出力は完成した本文だけにしてください。前置き（「以下が案です」など）や説明は書かないでください。"
    "入力に書かれていない事実（日付、数字、人名、金額など）は作らず、必要なら【　】で空欄にしてください。"
)


class MissingFieldError(ValueError):
    """A required field has no value; ``name`` and ``label`` say which."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__(message("templates.missing_field", label=label, name=name))
        self.name = name
        self.label = label


def substitute(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its placeholders filled in one pass; inserted values are never rescanned.

    A placeholder without a value is left as written (validation prevents it in
    saved templates; the editor's preview may show one while it is being typed).
    """

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        return str(values[name]) if name in values else token

    return PLACEHOLDER_PATTERN.sub(replace, text)


#: What an optional field left empty becomes in the prompt, so that the model sees it is unknown.
NOT_GIVEN = "（未記入）"


def field_values(template: Template, given: Mapping[str, Any], *, today: _dt.date | None = None) -> dict[str, str]:
    """Every field's value: what was given (outer blank lines dropped), else the default,
    else ``NOT_GIVEN``. Dates become 令和 dates; the default "today" is ``today``.

    Raises ``MissingFieldError`` for the first required field left empty.
    """
    values: dict[str, str] = {}
    for item in template.fields:
        raw = given.get(item.name)
        value = "" if raw is None else str(raw).strip("\n").rstrip()
        if not value.strip():
            value = item.default
        if item.kind == "date" and value:
            value = japanese_date(today or _dt.date.today()) if value == "today" else japanese_date(value)
        if not value.strip():
            if item.required:
                raise MissingFieldError(item.name, item.label_for("ja"))
            value = NOT_GIVEN
        values[item.name] = value
    return values


def style_instructions(template: Template, *, length: str = DEFAULT_LENGTH, tone: str = "auto", manner: str = "auto") -> str:
    """The rules added after the template's own system text: output shape, tone, manner, length."""
    parts = [_COMMON_RULES, _OUTPUT_INSTRUCTIONS.get(template.output, "")]
    parts.append(TONES.get(tone, TONES["auto"]).instruction)
    parts.append(MANNERS.get(manner, MANNERS["auto"]).instruction)
    parts.append(LENGTHS.get(length, LENGTHS[DEFAULT_LENGTH]).instruction)
    return "\n".join(part for part in parts if part)


def build_messages(
    template: Template,
    given: Mapping[str, Any],
    *,
    length: str = DEFAULT_LENGTH,
    tone: str = "auto",
    manner: str = "auto",
    check_required: bool = True,
    today: _dt.date | None = None,
) -> list[dict[str, str]]:
    """The system and user messages for ``template`` filled with ``given`` field values.

    The same inputs always give exactly the same messages (so that a
    regenerate reuses the engine's cached prompt).
    """
    if check_required:
        values = field_values(template, given, today=today)
    else:
        values = {f.name: (str(given.get(f.name) or "") or f.default or NOT_GIVEN) for f in template.fields}
    system = substitute(template.system, values).strip()
    rules = style_instructions(template, length=length, tone=tone, manner=manner)
    system = f"{system}\n\n{rules}" if system else rules
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": substitute(template.prompt, values).strip()},
    ]


def japanese_date(value: str | _dt.date) -> str:
    """A date in the official style: 令和7年4月1日 (元年 for the first year).

    Accepts a ``date`` or an ISO text (2025-04-01, 2025/4/1); any other text is
    returned unchanged (the user may have typed 令和7年4月1日 already).
    """
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*", value)
        if not match:
            return value
        try:
            value = _dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return value.strip()
    if value >= _dt.date(2019, 5, 1):
        era, year = "令和", value.year - 2018
    elif value >= _dt.date(1989, 1, 8):
        era, year = "平成", value.year - 1988
    else:
        return f"{value.year}年{value.month}月{value.day}日"
    year_text = "元" if year == 1 else str(year)
    return f"{era}{year_text}年{value.month}月{value.day}日"
