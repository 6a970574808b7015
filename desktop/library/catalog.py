"""The catalog of recommended models (``models/catalog.toml``), which IT may pin by SHA-256.

The catalog lives beside the executable (``models/catalog.toml``; from source,
the repository's ``models/``), where only IT can write. Each entry names a
file, its approximate size, its license (and whether that license allows
production use), the RAM class it needs, a Japanese description, and an
optional ``sha256``: when that is filled in, a file with that name and other
content is refused.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.resources import app_models_dir


class CatalogError(ValueError):
    """The catalog file exists but cannot be used (bad TOML or bad entries)."""


@dataclass(frozen=True)
class CatalogEntry:
    """One recommended model."""

    id: str
    name: str
    file: str
    size_bytes: int = 0
    license: str = ""
    license_url: str = ""
    production_use: bool = True
    license_note: str = ""
    ram_class: str = ""
    description: str = ""
    source: str = ""
    sha256: str = ""
    aliases: tuple[str, ...] = ()

    def file_names(self) -> tuple[str, ...]:
        return (self.file, *self.aliases)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "file": self.file, "size_bytes": self.size_bytes,
            "license": self.license, "license_url": self.license_url,
            "production_use": self.production_use, "license_note": self.license_note,
            "ram_class": self.ram_class, "description": self.description, "source": self.source,
            "sha256": self.sha256,
        }


@dataclass
class Catalog:
    """The catalog's entries, looked up by file name (case-insensitive, as on Windows)."""

    entries: list[CatalogEntry] = field(default_factory=list)
    path: Path | None = None

    def match(self, file_name: str) -> CatalogEntry | None:
        wanted = file_name.casefold()
        for entry in self.entries:
            if any(name.casefold() == wanted for name in entry.file_names()):
                return entry
        return None


def bundled_models_folder() -> Path:
    """``models/`` beside the executable (frozen) or the repository's ``models/`` (from source)."""
    return app_models_dir()


def default_catalog_path() -> Path:
    return bundled_models_folder() / "catalog.toml"


_SHA256_HEX = set("0123456789abcdef")


def _entry(raw: Any, index: int) -> CatalogEntry:
    if not isinstance(raw, dict):
        raise CatalogError(f"[[model]] #{index + 1} is not a table")
    file = raw.get("file")
    if not isinstance(file, str) or not file.strip():
        raise CatalogError(f"[[model]] #{index + 1} has no 'file'")
    sha256 = str(raw.get("sha256", "") or "").strip().lower()
    if sha256 and (len(sha256) != 64 or not set(sha256) <= _SHA256_HEX):
        raise CatalogError(f"'{file}': sha256 must be 64 hexadecimal characters")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise CatalogError(f"'{file}': aliases must be a list of file names")
    size_gb = raw.get("size_gb", 0)
    if not isinstance(size_gb, (int, float)) or isinstance(size_gb, bool):
        raise CatalogError(f"'{file}': size_gb must be a number")
    production_use = raw.get("production_use", True)
    if not isinstance(production_use, bool):
        raise CatalogError(f"'{file}': production_use must be true or false")
    return CatalogEntry(
        id=str(raw.get("id") or Path(file).stem),
        name=str(raw.get("name") or Path(file).stem),
        file=file.strip(),
        size_bytes=int(size_gb * 1_000_000_000),
        license=str(raw.get("license", "")),
        license_url=str(raw.get("license_url", "")),
        production_use=production_use,
        license_note=str(raw.get("license_note", "")),
        ram_class=str(raw.get("ram_class", "")),
        description=str(raw.get("description", "")),
        source=str(raw.get("source", "")),
        sha256=sha256,
        aliases=tuple(alias.strip() for alias in aliases),
    )


def parse_catalog(text: str, path: Path | None = None) -> Catalog:
    """The catalog in ``text``; raises ``CatalogError`` with what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"not valid TOML: {exc}") from None
    models = data.get("model", [])
    if not isinstance(models, list):
        raise CatalogError("'model' must be an array of tables ([[model]])")
    return Catalog([_entry(raw, index) for index, raw in enumerate(models)], path)


def load_catalog(path: Path | None = None) -> Catalog:
    """The catalog at ``path`` (default: beside the executable). A missing file is an empty catalog;
    an unreadable or malformed one raises ``CatalogError`` (so digests are never silently ignored)."""
    path = path or default_catalog_path()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Catalog([], path)
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path.name}: {exc}") from None
    return parse_catalog(text, path)
