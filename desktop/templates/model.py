"""The template model: what a drafting template is, and how one is read and checked.

A template is a small TOML file (see ``resources/templates/*.toml``)::

    id = "minutes"
    pane = "draft"
    kind = "文書"                       # the group it is listed under
    title = { ja = "議事録", en = "Meeting minutes" }
    description = { ja = "...", en = "..." }
    output = "sections"                # prose | sections | table
    letterhead = "letterhead.docx"     # optional: a bare file name beside the template file
    system = '''...'''
    prompt = '''会議名: {meeting} ...'''

    [[fields]]
    name = "meeting"
    label = { ja = "会議名", en = "Meeting" }
    kind = "line"                      # line | text | choice | date | document
    required = true

``parse_template`` checks everything and raises ``TemplateError`` whose
message names the line (TOML syntax) or the key / field that is wrong, in
Japanese, so that a person who edited the file by hand can fix it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.messages import message

from . import limits

FIELD_KINDS = ("line", "text", "choice", "date", "document")
OUTPUT_SHAPES = ("prose", "sections", "table")
SOURCES = ("builtin", "user")

_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")
_NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
#: ``{{`` and ``}}`` are literal braces; ``{name}`` is a placeholder. Nothing else is special.
PLACEHOLDER_PATTERN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")

_TOP_KEYS = {
    "id", "pane", "kind", "title", "description", "output", "letterhead",
    "system", "prompt", "fields", "temperature", "reply_tokens", "reply_follows", "draft_mark",
}
_FIELD_KEYS = {"name", "label", "kind", "required", "default", "help", "choices", "weekday"}
#: Placeholders the app fills in itself (``render.build_messages``), usable without a field:
#: ``{organisation}`` is the organisation's name from the settings (市, 区, 町村, 都...).
APP_PLACEHOLDERS = ("organisation",)
#: Bounds of ``reply_tokens``: the reply budget a template asks for.
REPLY_TOKENS_RANGE = (64, 8192)


class TemplateError(ValueError):
    """A template that cannot be used. ``message`` is for the user (in their language, from the
    catalogue's ``templates.*`` codes) and names the line or the key/field at fault; ``line`` is
    the 1-based line when known."""

    def __init__(self, message: str, *, line: int | None = None, key: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.key = key


@dataclass
class Field:
    """One input of a template's form."""

    name: str
    label: dict[str, str]
    kind: str = "line"
    required: bool = False
    default: str = ""
    help: dict[str, str] = field(default_factory=dict)
    choices: list[str] = field(default_factory=list)
    #: A date field whose value gets its day of the week: 令和7年4月4日（金）.
    weekday: bool = False

    def label_for(self, lang: str = "ja") -> str:
        return _pick(self.label, lang) or self.name

    def help_for(self, lang: str = "ja") -> str:
        return _pick(self.help, lang)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name, "label": dict(self.label), "kind": self.kind,
            "required": self.required, "default": self.default,
        }
        if self.help:
            data["help"] = dict(self.help)
        if self.choices:
            data["choices"] = list(self.choices)
        if self.weekday:
            data["weekday"] = True
        return data


@dataclass
class Template:
    """A drafting template. ``source`` is "builtin" or "user"; ``path`` the file it came from."""

    id: str
    title: dict[str, str]
    prompt: str
    description: dict[str, str] = field(default_factory=dict)
    pane: str = "draft"
    kind: str = ""
    fields: list[Field] = field(default_factory=list)
    system: str = ""
    output: str = "prose"
    letterhead: str = ""
    temperature: float | None = None
    #: The reply budget in tokens when the length is "as the template says" (None: the default).
    reply_tokens: int | None = None
    #: A field whose text the reply re-writes in full (校正): the budget grows with its length.
    reply_follows: str = ""
    #: A line put above every draft of this template, e.g. 【答弁案】 for a draft only.
    draft_mark: str = ""
    source: str = "user"
    path: Path | None = None
    #: Whether the letterhead's body text goes into exports: only once the user has seen it
    #: (set by the store; otherwise only headers, footers, page setup and styles are used).
    letterhead_body: bool = False

    @property
    def read_only(self) -> bool:
        return self.source == "builtin"

    def title_for(self, lang: str = "ja") -> str:
        return _pick(self.title, lang) or self.id

    def description_for(self, lang: str = "ja") -> str:
        return _pick(self.description, lang)

    def field_named(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def field_called(self, name_or_label: str) -> Field | None:
        """The field whose id is ``name_or_label``, else the one whose label (in any language) is it.

        Labels are compared without surrounding spaces and case-insensitively,
        so ``会議名`` and ``Meeting name`` both find the field ``meeting``.
        """
        wanted = name_or_label.strip()
        found = self.field_named(wanted)
        if found is not None:
            return found
        folded = wanted.casefold()
        return next((f for f in self.fields
                     if any(label.strip().casefold() == folded for label in f.label.values() if label)), None)

    def letterhead_path(self) -> Path | None:
        """The letterhead .docx beside the template file, if it names one that exists there.

        Only a bare file name in the template's own folder counts (``limits``): a
        name that leads anywhere else gives ``None``, whatever checked it before.
        """
        if not self.letterhead or self.path is None or limits.bare_name_problem(self.letterhead):
            return None
        folder = self.path.parent
        if limits.check_letterhead_file(folder, self.letterhead, None):
            return None
        candidate = folder / self.letterhead
        return candidate if candidate.is_file() else None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data: what crosses the pipe to the engine, and what ``from_dict`` reads."""
        data: dict[str, Any] = {
            "id": self.id, "pane": self.pane, "kind": self.kind,
            "title": dict(self.title), "description": dict(self.description),
            "output": self.output, "system": self.system, "prompt": self.prompt,
            "fields": [f.to_dict() for f in self.fields],
        }
        if self.letterhead:
            data["letterhead"] = self.letterhead
        if self.temperature is not None:
            data["temperature"] = self.temperature
        if self.reply_tokens is not None:
            data["reply_tokens"] = self.reply_tokens
        if self.reply_follows:
            data["reply_follows"] = self.reply_follows
        if self.draft_mark:
            data["draft_mark"] = self.draft_mark
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "user", path: Path | None = None) -> Template:
        """A checked template from plain data; raises ``TemplateError``."""
        return _build(data, source=source, path=path, text=None)

    def to_toml(self) -> str:
        """The template as a TOML file that ``parse_template`` reads back to an equal template."""
        from .toml_writer import template_to_toml

        return template_to_toml(self.to_dict())


def parse_template(text: str, *, source: str = "user", path: Path | None = None) -> Template:
    """Read and check a template file's text; raises ``TemplateError`` naming the line or key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc) from None
    return _build(data, source=source, path=path, text=text)


def load_template_file(path: Path, *, source: str = "user") -> Template:
    """``parse_template`` on a file (UTF-8, a BOM is allowed)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > limits.MAX_TEMPLATE_BYTES:
        raise TemplateError(message("templates.file_too_large", name=path.name, size=limits.human_size(size),
                                    limit=limits.human_size(limits.MAX_TEMPLATE_BYTES)))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError(message("templates.not_utf8", file=path.name)) from None
    except OSError as exc:
        raise TemplateError(message("templates.unreadable", file=path.name, reason=exc.strerror or exc)) from None
    try:
        template = parse_template(text, source=source, path=path)
        if template.letterhead:
            line = _Locator(text).key_line("letterhead")
            problem = limits.check_letterhead_file(path.parent, template.letterhead, line)
            if problem:
                raise TemplateError(problem, line=line, key="letterhead")
        return template
    except TemplateError as exc:
        raise TemplateError(message("templates.in_file", file=path.name, message=exc.message),
                            line=exc.line, key=exc.key) from None


def placeholders(text: str) -> list[str]:
    """Placeholder names in ``text`` in order of first appearance (``{{``/``}}`` are not placeholders)."""
    names: list[str] = []
    for match in PLACEHOLDER_PATTERN.finditer(text):
        name = match.group(1)
        if name and name not in names:
            names.append(name)
    return names


# ----------------------------------------------------------------- internals

def _pick(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("ja") or texts.get("en") or ""


def _syntax_error(exc: tomllib.TOMLDecodeError) -> TemplateError:
    """tomllib's message ends with "(at line L, column C)"; say it in the user's language."""
    raw = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", raw)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        reason = raw[: match.start()].strip()
        return TemplateError(message("templates.toml_at", line=line, column=column, reason=reason), line=line)
    return TemplateError(message("templates.toml", reason=raw))


class _Locator:
    """Finds the line of a key or of the n-th ``[[fields]]`` table in the source text, for messages."""

    def __init__(self, text: str | None) -> None:
        self._lines = text.splitlines() if text else []

    def key_line(self, key: str) -> int | None:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number, line in enumerate(self._lines, start=1):
            if line.lstrip().startswith("[["):
                break
            if pattern.match(line):
                return number
        return None

    def field_line(self, index: int) -> int | None:
        seen = -1
        for number, line in enumerate(self._lines, start=1):
            if re.match(r"^\s*\[\[\s*fields\s*\]\]", line):
                seen += 1
                if seen == index:
                    return number
        return None


def _where(line: int | None) -> str:
    return message("templates.where", line=line) if line else ""


def _texts(value: Any, key: str, locate: _Locator, *, required: bool) -> dict[str, str]:
    """A ja/en text: either a table ``{ja = ..., en = ...}`` or one string (taken as ja)."""
    line = locate.key_line(key.split(".")[0])
    if value is None:
        if required:
            raise TemplateError(message("templates.text_missing", where=_where(line), key=key), line=line, key=key)
        return {}
    if isinstance(value, str):
        value = {"ja": value}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise TemplateError(message("templates.text_shape", where=_where(line), key=key), line=line, key=key)
    unknown = set(value) - {"ja", "en"}
    if unknown:
        raise TemplateError(message("templates.text_language", where=_where(line), key=key, languages=sorted(unknown)),
                            line=line, key=key)
    texts = {lang: text.strip() for lang, text in value.items() if text.strip()}
    if required and not texts:
        raise TemplateError(message("templates.text_empty", where=_where(line), key=key), line=line, key=key)
    return texts


def _string(data: dict[str, Any], key: str, locate: _Locator, *, default: str = "", where: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        line = locate.key_line(key)
        raise TemplateError(message("templates.not_string", where=_where(line) + where, key=key), line=line, key=key)
    return value


def _build(data: dict[str, Any], *, source: str, path: Path | None, text: str | None) -> Template:
    locate = _Locator(text)
    if not isinstance(data, dict):
        raise TemplateError(message("templates.bad_shape"))
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        line = locate.key_line(unknown[0])
        raise TemplateError(message("templates.unknown_key", where=_where(line), key=unknown[0]), line=line, key=unknown[0])

    template_id = data.get("id")
    if not template_id:
        raise TemplateError(message("templates.no_id"), key="id")
    if not isinstance(template_id, str) or not _ID_PATTERN.match(template_id):
        line = locate.key_line("id")
        raise TemplateError(message("templates.bad_id", where=_where(line), value=repr(template_id)), line=line, key="id")

    title = _texts(data.get("title"), "title", locate, required=True)
    description = _texts(data.get("description"), "description", locate, required=False)
    pane = _string(data, "pane", locate, default="draft") or "draft"
    kind = _string(data, "kind", locate).strip()
    system = _string(data, "system", locate)
    prompt = _string(data, "prompt", locate)
    if not prompt.strip():
        line = locate.key_line("prompt")
        raise TemplateError(message("templates.no_prompt", where=_where(line)), line=line, key="prompt")
    output = _string(data, "output", locate, default="prose") or "prose"
    if output not in OUTPUT_SHAPES:
        line = locate.key_line("output")
        raise TemplateError(message("templates.bad_output", where=_where(line), choices=" / ".join(OUTPUT_SHAPES),
                                    value=repr(output)), line=line, key="output")
    letterhead = _string(data, "letterhead", locate).strip()
    if letterhead:
        line = locate.key_line("letterhead")
        problem = limits.check_letterhead_name(letterhead, line)
        if problem:
            raise TemplateError(problem, line=line, key="letterhead")
        if not letterhead.lower().endswith(".docx"):
            raise TemplateError(message("templates.bad_letterhead", where=_where(line)), line=line, key="letterhead")
    for key, body in (("system", system), ("prompt", prompt)):
        problem = limits.count_problem("templates.text_too_long", locate.key_line(key), len(body),
                                       limits.MAX_TEXT_CHARS, key=key)
        if problem:
            raise TemplateError(problem, line=locate.key_line(key), key=key)
    temperature = data.get("temperature")
    if temperature is not None and (isinstance(temperature, bool) or not isinstance(temperature, (int, float)) or not 0 <= temperature <= 2):
        line = locate.key_line("temperature")
        raise TemplateError(message("templates.bad_temperature", where=_where(line)), line=line, key="temperature")

    raw_fields = data.get("fields", [])
    if not isinstance(raw_fields, list):
        raise TemplateError(message("templates.fields_shape"), key="fields")
    problem = limits.count_problem("templates.too_many_fields", locate.field_line(limits.MAX_FIELDS),
                                   len(raw_fields), limits.MAX_FIELDS)
    if problem:
        raise TemplateError(problem, line=locate.field_line(limits.MAX_FIELDS), key="fields")
    fields = [_build_field(raw, index, locate) for index, raw in enumerate(raw_fields)]
    seen: set[str] = set()
    for index, item in enumerate(fields):
        if item.name in seen:
            line = locate.field_line(index)
            raise TemplateError(message("templates.duplicate_field", where=_where(line), name=item.name),
                                line=line, key=f"fields.{item.name}")
        seen.add(item.name)

    reply_tokens = data.get("reply_tokens")
    low, high = REPLY_TOKENS_RANGE
    if reply_tokens is not None and (isinstance(reply_tokens, bool) or not isinstance(reply_tokens, int)
                                     or not low <= reply_tokens <= high):
        line = locate.key_line("reply_tokens")
        raise TemplateError(message("templates.bad_reply_tokens", where=_where(line), low=low, high=high),
                            line=line, key="reply_tokens")
    reply_follows = _string(data, "reply_follows", locate).strip()
    if reply_follows and reply_follows not in seen:
        line = locate.key_line("reply_follows")
        raise TemplateError(message("templates.bad_reply_follows", where=_where(line), name=reply_follows),
                            line=line, key="reply_follows")
    draft_mark = _string(data, "draft_mark", locate).strip()

    for key, body in (("system", system), ("prompt", prompt)):
        for name in placeholders(body):
            if name not in seen and name not in APP_PLACEHOLDERS:
                line = _placeholder_line(text, name)
                known = message("list_separator").join(sorted(seen)) or message("templates.none")
                raise TemplateError(message("templates.unknown_placeholder", where=_where(line), key=key, name=name,
                                            known=known), line=line, key=key)

    return Template(
        id=template_id, title=title, prompt=prompt, description=description, pane=pane, kind=kind,
        fields=fields, system=system, output=output, letterhead=letterhead,
        temperature=float(temperature) if temperature is not None else None,
        reply_tokens=reply_tokens, reply_follows=reply_follows, draft_mark=draft_mark,
        source=source if source in SOURCES else "user", path=path,
    )


def _placeholder_line(text: str | None, name: str) -> int | None:
    if not text:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if f"{{{name}}}" in line:
            return number
    return None


def _build_field(raw: Any, index: int, locate: _Locator) -> Field:
    line = locate.field_line(index)
    position = message("templates.field_number", where=_where(line), number=index + 1)
    if not isinstance(raw, dict):
        raise TemplateError(message("templates.field_shape", position=position), line=line, key="fields")
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME_PATTERN.match(name):
        raise TemplateError(message("templates.field_name", position=position, value=repr(name)), line=line, key="fields")
    position = message("templates.field_named", where=_where(line), name=name)
    key = f"fields.{name}"
    unknown = sorted(set(raw) - _FIELD_KEYS)
    if unknown:
        raise TemplateError(message("templates.field_unknown_key", position=position, key=unknown[0]), line=line, key=key)
    kind = raw.get("kind", "line")
    if kind not in FIELD_KINDS:
        raise TemplateError(message("templates.field_kind", position=position, choices=" / ".join(FIELD_KINDS),
                                    value=repr(kind)), line=line, key=key)
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise TemplateError(message("templates.field_required", position=position), line=line, key=key)
    default = raw.get("default", "")
    if not isinstance(default, str):
        raise TemplateError(message("templates.field_default", position=position), line=line, key=key)
    choices = raw.get("choices", [])
    if not isinstance(choices, list) or not all(isinstance(c, str) and c for c in choices):
        raise TemplateError(message("templates.field_choices", position=position), line=line, key=key)
    problem = limits.count_problem("templates.too_many_choices", line, len(choices), limits.MAX_CHOICES, name=name)
    if problem:
        raise TemplateError(problem, line=line, key=key)
    if kind == "choice":
        if not choices:
            raise TemplateError(message("templates.field_needs_choices", position=position), line=line, key=key)
        if default and default not in choices:
            raise TemplateError(message("templates.field_default_choice", position=position, value=repr(default)),
                                line=line, key=key)
    try:
        label = _texts(raw.get("label"), "label", _Locator(None), required=False) or {"ja": name}
        help_text = _texts(raw.get("help"), "help", _Locator(None), required=False)
    except TemplateError as exc:
        raise TemplateError(message("templates.field_text", position=position, message=exc.message),
                            line=line, key=key) from None
    weekday = raw.get("weekday", False)
    if not isinstance(weekday, bool):
        raise TemplateError(message("templates.field_weekday", position=position), line=line, key=key)
    return Field(name=name, label=label, kind=kind, required=required, default=default,
                 help=help_text, choices=list(choices), weekday=weekday)
