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

from desktop.messages import current_language, message

from .model import PLACEHOLDER_PATTERN, Template


@dataclass(frozen=True)
class Choice:
    """One value of a length or tone control: its instruction to the model and its label's code.

    ``label_code`` names the label shown to the user in the catalogue (``draft.length_short``, ...).
    """

    key: str
    label_code: str
    instruction: str
    max_tokens: int = 0

    def label(self, lang: str | None = None) -> str:
        """The label in ``lang`` (default: the user's language)."""
        return message(self.label_code, lang)


#: length option -> reply budget and an instruction. "template" adds no instruction: every
#: template states its own length, and its budget comes from ``reply_budget``. An explicit
#: length is the user's choice, so it says that it overrides the template's.
LENGTHS: dict[str, Choice] = {c.key: c for c in (
    Choice("template", "draft.length_template", "", 0),
    Choice("short", "draft.length_short",
           "分量はテンプレートの指定より短く、全体で400字程度までに要点を絞ってください。", 512),
    Choice("medium", "draft.length_medium",
           "分量はテンプレートの指定に代えて、全体で800字程度を目安にしてください。", 1024),
    Choice("long", "draft.length_long",
           "分量はテンプレートの指定に代えて、全体で1600字程度を目安に、必要な事項を漏れなく書いてください。", 2048),
)}
DEFAULT_LENGTH = "template"
#: The reply budget of a template that names none (tokens; about one Japanese character each).
DEFAULT_REPLY_TOKENS = 1024

#: tone option (文体) -> instruction; "auto" leaves it to the template.
TONES: dict[str, Choice] = {c.key: c for c in (
    Choice("auto", "draft.tone_auto", ""),
    Choice("desu", "draft.tone_desu", "文体は「です・ます」調で統一してください。"),
    Choice("dearu", "draft.tone_dearu", "文体は「である」調で統一してください。"),
)}

#: manner option (書きぶり) -> instruction; "auto" leaves it to the template.
MANNERS: dict[str, Choice] = {c.key: c for c in (
    Choice("auto", "draft.manner_auto", ""),
    Choice("polite", "draft.manner_polite", "相手に配慮した丁寧な言い回しにしてください。"),
    Choice("concise", "draft.manner_concise", "前置きや重複を省き、簡潔に書いてください。"),
)}

#: What each output shape asks of the model: only markup the exporters read (``docx_compose``:
#: plain lines stay lines; ``| a | b |`` rows with a ``|---|`` separator become a Word table).
_OUTPUT_INSTRUCTIONS = {
    "prose": "",
    "sections": "見出しは、指示された構成の番号と名前のとおりに1行で書き、その下に内容を書いてください。"
                "「#」などの記号は付けないでください。",
    "table": "表はMarkdown形式で書いてください。1行目に「| 列名 | 列名 |」の見出し行、2行目に「|---|---|」の区切り行を置き、"
             "各行を半角の縦線「|」で区切ってください。",
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
    else ``NOT_GIVEN``. Dates become 元号 dates (with the weekday where the field asks for
    it); the default "today" is ``today``.

    Raises ``MissingFieldError`` for the first required field left empty.
    """
    values: dict[str, str] = {}
    for item in template.fields:
        raw = given.get(item.name)
        value = "" if raw is None else str(raw).strip("\n").rstrip()
        if not value.strip():
            value = item.default
        if item.kind == "date" and value:
            day = (today or _dt.date.today()) if value == "today" else value
            value = japanese_date(day, weekday=item.weekday)
        if not value.strip():
            if item.required:
                raise MissingFieldError(item.name, item.label_for(current_language()))
            value = NOT_GIVEN
        values[item.name] = value
    return values


#: What ``{organisation}`` becomes when the setting is empty: a blank to fill in, as for any unknown fact.
ORGANISATION_UNSET = "【団体名】"


def app_values(organisation: str = "") -> dict[str, str]:
    """The placeholders the app fills in itself (``model.APP_PLACEHOLDERS``)."""
    return {"organisation": organisation.strip() or ORGANISATION_UNSET}


def reply_budget(template: Template, length: str, follow_tokens: int = 0) -> int:
    """The reply budget in tokens: the chosen length's, or for "template" the template's own
    (``reply_tokens``, else ``DEFAULT_REPLY_TOKENS``), raised for a template that re-writes a
    field in full (``reply_follows``) to 1.25× that field's ``follow_tokens`` plus room for notes."""
    choice = LENGTHS.get(length, LENGTHS[DEFAULT_LENGTH])
    if choice.max_tokens:
        return choice.max_tokens
    budget = template.reply_tokens or DEFAULT_REPLY_TOKENS
    if template.reply_follows and follow_tokens:
        budget = max(budget, int(follow_tokens * 1.25) + 512)
    return budget


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
    organisation: str = "",
) -> list[dict[str, str]]:
    """The system and user messages for ``template`` filled with ``given`` field values and
    ``organisation`` (the setting; ``{organisation}`` in the template).

    The same inputs always give exactly the same messages (so that a
    regenerate reuses the engine's cached prompt).
    """
    values = app_values(organisation)
    if check_required:
        values.update(field_values(template, given, today=today))
    else:
        values.update({f.name: (str(given.get(f.name) or "") or f.default or NOT_GIVEN) for f in template.fields})
    system = substitute(template.system, values).strip()
    rules = style_instructions(template, length=length, tone=tone, manner=manner)
    system = f"{system}\n\n{rules}" if system else rules
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": substitute(template.prompt, values).strip()},
    ]


_WEEKDAYS = "月火水木金土日"
#: (first day, era) newest first: 令和 from 2019-05-01, 平成 from 1989-01-08, 昭和 from 1926-12-25.
_ERAS = ((_dt.date(2019, 5, 1), "令和"), (_dt.date(1989, 1, 8), "平成"), (_dt.date(1926, 12, 25), "昭和"))


def japanese_date(value: str | _dt.date, *, weekday: bool = False) -> str:
    """A date in the official style: 令和7年4月1日 (元年 for the first year; 平成 and 昭和 before;
    西暦 before 昭和), with ``weekday`` 令和7年4月1日（火）.

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
    suffix = f"（{_WEEKDAYS[value.weekday()]}）" if weekday else ""
    for start, era in _ERAS:
        if value >= start:
            year = value.year - start.year + 1
            year_text = "元" if year == 1 else str(year)
            return f"{era}{year_text}年{value.month}月{value.day}日{suffix}"
    return f"{value.year}年{value.month}月{value.day}日{suffix}"

