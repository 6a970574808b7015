"""Every user setting in one registry, where they live, and how they are saved.

Settings are plain JSON in the user config folder, written atomically (temp
file, fsync, replace). Window geometry is state, not a setting: it lives in
``state.json`` beside them. Nothing is ever written beside the executable.

Folders come from platformdirs; ``FUMI_HOME`` (if set) puts config, data,
cache and logs under one folder instead, for portable installs and tests.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)

APP_DIR_NAME = "Fumi"


@dataclass(frozen=True)
class Paths:
    """The folders Fumi writes to. Created on first use by ``ensure()``."""

    config: Path
    data: Path
    cache: Path
    logs: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def state_file(self) -> Path:
        return self.config / "state.json"

    @property
    def user_models(self) -> Path:
        return self.data / "models"

    @property
    def user_templates(self) -> Path:
        return self.data / "templates"

    @property
    def history_db(self) -> Path:
        return self.data / "history.sqlite3"

    @property
    def autosave(self) -> Path:
        return self.data / "autosave"

    @property
    def glossaries(self) -> Path:
        return self.data / "glossaries"

    @property
    def library_index(self) -> Path:
        return self.data / "library.sqlite3"

    @property
    def check_rules(self) -> Path:
        """The office's own rule files for checking (*.toml), e.g. its 用字用語 list."""
        return self.data / "rules"

    @property
    def log_file(self) -> Path:
        return self.logs / "fumi.log"

    def ensure(self) -> Paths:
        for folder in (self.config, self.data, self.cache, self.logs, self.user_models):
            folder.mkdir(parents=True, exist_ok=True)
            _restrict_to_user(folder)
        return self

    @classmethod
    def default(cls) -> Paths:
        home = os.environ.get("FUMI_HOME")
        if home:
            root = Path(home)
            return cls(root / "config", root / "data", root / "cache", root / "logs")
        return cls(
            Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
        )


def _restrict_to_user(path: Path) -> None:
    """Make ``path`` readable only by its owner where the OS allows (POSIX modes)."""
    if os.name == "posix":
        try:
            path.chmod(0o700 if path.is_dir() else 0o600)
        except OSError:
            pass


@dataclass(frozen=True)
class Option:
    """One setting: its key, type, default, and label (English; the UI translates it)."""

    key: str
    type: type
    default: Any
    label: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


#: Every setting Fumi has. Add new ones here and nowhere else.
OPTIONS: tuple[Option, ...] = (
    Option("model_folders", list, [], "Model folders"),
    Option("last_model", str, "", "Last model"),
    Option("threads", int, 0, "CPU threads (0 = automatic)", minimum=0, maximum=256),
    Option("context_size", int, 0, "Context size (0 = automatic)", minimum=0, maximum=131072),
    Option("parallel", int, 0, "Parts decoded at once (0 = automatic)", minimum=0, maximum=16),
    Option("temperature", float, 0.7, "Temperature", minimum=0.0, maximum=2.0),
    Option("max_tokens", int, 1024, "Maximum length of an answer (tokens)", minimum=16, maximum=32768),
    Option("language", str, "ja", "Display language", choices=("ja", "en")),
    Option("font_size", int, 11, "Font size", minimum=8, maximum=32),
    Option("organisation", str, "", "Organisation name (used by every template: 〇〇市, 〇〇区, 〇〇町, 東京都)"),
    Option("ai_notice", bool, True, "Add a note on the use of AI to exports"),
    Option("history_enabled", bool, True, "Keep a history of runs"),
    Option("history_days", int, 30, "Keep history for (days)", minimum=1, maximum=3650),
    Option("shared_library_folders", list, [], "Manual folders for everyone (set by IT)"),
    Option("library_folders", list, [], "My manual folders"),
    Option("check_disabled_rules", list, [], "Checking rules turned off (rule ids)"),
)
OPTIONS_BY_KEY = {option.key: option for option in OPTIONS}


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash leaves either the old or the new file.

    Writes a temp file in the same folder, fsyncs it, then ``os.replace``s.
    The file is made readable only by the user where the OS allows.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _restrict_to_user(Path(temp_name))
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def _coerce(option: Option, value: Any) -> Any:
    """``value`` as the option's type, clamped to its range; the default when it cannot be."""
    try:
        if option.type is bool:
            result: Any = value if isinstance(value, bool) else option.default
        elif option.type is list:
            result = [str(item) for item in value] if isinstance(value, list) else option.default
        else:
            result = option.type(value)
    except (TypeError, ValueError):
        return option.default
    if option.choices and result not in option.choices:
        return option.default
    if option.minimum is not None and result < option.minimum:
        result = option.type(option.minimum)
    if option.maximum is not None and result > option.maximum:
        result = option.type(option.maximum)
    return result


class Settings:
    """The user's settings: typed values for every ``Option``, loaded from and saved to JSON."""

    def __init__(self, paths: Paths | None = None, values: dict[str, Any] | None = None) -> None:
        self.paths = paths or Paths.default()
        self._values = {option.key: option.default for option in OPTIONS}
        for key, value in (values or {}).items():
            self.set(key, value)

    @classmethod
    def load(cls, paths: Paths | None = None) -> Settings:
        """Settings from disk; a missing or unreadable file gives the defaults (and a log line)."""
        settings = cls(paths)
        try:
            stored = json.loads(settings.paths.settings_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return settings
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable, using defaults: %s", exc)
            return settings
        if isinstance(stored, dict):
            for key, value in stored.items():
                if key in OPTIONS_BY_KEY:
                    settings.set(key, value)
        return settings

    def save(self) -> None:
        atomic_write_text(self.paths.settings_file, json.dumps(self._values, ensure_ascii=False, indent=2))

    def get(self, key: str) -> Any:
        return self._values[key]

    def set(self, key: str, value: Any) -> None:
        self._values[key] = _coerce(OPTIONS_BY_KEY[key], value)

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def __getitem__(self, key: str) -> Any:
        return self.get(key)
