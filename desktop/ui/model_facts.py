"""Model facts as the model page shows them: lookups, sizes, folders searched, RAM fit.

Thin, Qt-free glue over ``desktop.library`` so the page itself stays about widgets.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fit:
    """Estimated memory for a model at a context size, against what this PC has free.

    ``verdict`` is "ok", "tight", "too_large" or "unknown"; ``message`` says so to the user.
    """

    n_ctx: int
    needed_bytes: int
    available_bytes: int | None
    verdict: str
    message: str

    @property
    def fits(self) -> bool:
        return self.verdict != "too_large"


def fact(facts: dict[str, Any], *keys: str) -> Any:
    """The first of ``keys`` present (and not None/empty) in ``facts``."""
    for key in keys:
        value = facts.get(key)
        if value not in (None, ""):
            return value
    return None


def format_size(size: Any) -> str:
    """Bytes as a short size ("812 MB", "4.4 GB"); "" when unknown."""
    if not isinstance(size, (int, float)) or isinstance(size, bool) or size <= 0:
        return ""
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    if size >= 1024**2:
        return f"{size / 1024**2:.0f} MB"
    return f"{max(1, round(size / 1024))} KB"


def format_parameters(value: Any) -> str:
    """A parameter count as a label ("1.5B"); a label given as text is kept."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        from desktop.library.facts import parameter_label

        return parameter_label(int(value))
    return ""


def searched_folders(settings: Any) -> list[Path]:
    """The folders where model files are looked for, as the library searches them."""
    try:
        from desktop.library import model_folders

        return [Path(folder) for folder in model_folders(settings)]
    except ImportError:
        folders = [Path(folder) for folder in settings.get("model_folders")]
        from desktop.resources import app_models_dir

        folders.append(app_models_dir())
        folders.append(settings.paths.user_models)
        extra = os.environ.get("FUMI_MODELS")
        if extra:
            folders.extend(Path(part) for part in extra.split(os.pathsep) if part)
        return folders


def ram_fit(entry: Any, n_ctx: int, lang: str | None = None, parallel: int = 1) -> Fit | None:
    """Memory ``entry`` needs at ``n_ctx`` (0 = chosen automatically), decoding ``parallel`` parts at
    once (0 = chosen automatically), and whether it fits; None if unknown."""
    facts = getattr(entry, "facts", None)
    if not facts:
        return None
    try:
        from desktop.library import ram

        chosen = ram.choose_context(facts, n_ctx)
        result = ram.fit(facts, chosen, lang=lang, parallel=parallel)
    except Exception:  # an estimate is a hint; never let it break the page
        log.exception("RAM estimate failed for %s", getattr(entry, "path", "?"))
        return None
    return Fit(chosen, result.estimate_bytes, result.available_bytes, result.verdict, result.message)


def license_text(entry: Any) -> str:
    """The license of ``entry`` as the catalog knows it, with its note; "" when unknown."""
    catalog = getattr(entry, "catalog", None)
    if catalog is not None:
        parts = [getattr(catalog, "license", "")]
        note = getattr(catalog, "license_note", "")
        if note:
            parts.append(note)
        return " — ".join(part for part in parts if part)
    facts = getattr(entry, "facts", None) or {}
    return str(fact(facts, "license", "license_note") or "")
