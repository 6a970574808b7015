"""Finding model files, and what is known about each before it is loaded.

Folders, in order (DESIGN.md): the ``model_folders`` setting, ``models/``
beside the executable (from source: the repository's ``models/``), the user
data folder's ``models/``, then ``FUMI_MODELS`` (``os.pathsep``-separated).
Each is searched recursively for ``*.gguf``. Headers are read by the probe
process (``desktop.library.probe``), never in the calling process, and cached
per file. A catalog digest that does not match refuses the file.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.library import checksum
from desktop.library.cache import FileCache, file_key
from desktop.library.catalog import Catalog, CatalogEntry, CatalogError, bundled_models_folder, load_catalog
from desktop.library.facts import FACTS_VERSION
from desktop.messages import message
from desktop.library.probe import probe_files

log = logging.getLogger(__name__)

#: Deeper folders than this under a model folder are not searched (a model folder set to C:\\ stays usable).
MAX_DEPTH = 6
#: Format problems are facts about the file and are cached; a probe that hung or died is retried next time.
_CACHEABLE_PROBLEMS_EXCLUDE = {"probe_timeout", "probe_crashed", "probe_failed", "unreadable"}


class ModelNotFound(LookupError):
    """No model matches; ``message`` (user's language) lists what exists and where Fumi looked."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ModelRefused(ModelNotFound):
    """A model was found but may not be used (its SHA-256 differs from the catalog's, or the catalog
    is unreadable). A ``ModelNotFound``, so every caller that stops on a missing model stops here too."""


@dataclass
class ModelEntry:
    """One discovered model file. ``facts`` when its header was read, else ``problem`` says why not."""

    path: Path
    name: str
    size: int
    facts: dict[str, Any] | None = None
    problem: str | None = None
    problem_code: str | None = None
    catalog: CatalogEntry | None = None
    checksum: str = checksum.NOT_LISTED
    folder: Path | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None


def language_of(settings: Any) -> str:
    """``FUMI_LANG`` when set (the command line, the engine), else the ``language`` setting."""
    from desktop.messages import language_choice

    try:
        setting = settings.get("language")
    except (AttributeError, KeyError):
        setting = None
    return language_choice(setting)


def model_folders(settings: Any) -> list[Path]:
    """Every folder searched for models, in order, without duplicates (existing or not)."""
    folders: list[Path] = [Path(folder).expanduser() for folder in settings.get("model_folders") or []]
    folders.append(bundled_models_folder())
    folders.append(settings.paths.user_models)
    folders += [Path(part).expanduser() for part in os.environ.get("FUMI_MODELS", "").split(os.pathsep) if part.strip()]
    unique: list[Path] = []
    seen: set[str] = set()
    for folder in folders:
        key = os.path.normcase(os.path.abspath(folder))
        if key not in seen:
            seen.add(key)
            unique.append(Path(os.path.abspath(folder)))
    return unique


def _gguf_files(folder: Path) -> list[Path]:
    """``*.gguf`` under ``folder`` (any case), sorted, at most ``MAX_DEPTH`` levels deep, skipping hidden folders."""
    found: list[Path] = []
    if folder.is_file():
        return [folder] if folder.suffix.lower() == ".gguf" else []
    base_depth = len(folder.parts)
    for root, dirs, files in os.walk(folder, onerror=lambda exc: log.debug("skipping: %s", exc)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if len(Path(root).parts) - base_depth >= MAX_DEPTH:
            dirs[:] = []
        found += [Path(root) / name for name in sorted(files) if name.lower().endswith(".gguf")]
    return found


def list_model_files(settings: Any) -> list[tuple[Path, Path]]:
    """``(file, folder)`` for every model file in ``model_folders``, each real file once."""
    result: list[tuple[Path, Path]] = []
    seen: set[str] = set()
    for folder in model_folders(settings):
        for path in _gguf_files(folder):
            key = os.path.normcase(os.path.realpath(path))
            if key not in seen:
                seen.add(key)
                result.append((path, folder))
    return result


def _facts_cache(settings: Any) -> FileCache:
    return FileCache(settings.paths.cache / "model_facts.json", version=FACTS_VERSION)


def _probe_with_cache(paths: list[Path], cache: FileCache, timeout_s: float) -> dict[Path, dict[str, Any]]:
    """``{path: {"facts": ...} | {"reason": ..., "detail": ...}}``, probing only files not in the cache."""
    answers: dict[Path, dict[str, Any]] = {}
    unknown: list[Path] = []
    for path in paths:
        cached = cache.get(path)
        if isinstance(cached, dict):
            answers[path] = cached
        else:
            unknown.append(path)
    keys = {path: file_key(path) for path in unknown}  # taken before probing: a file changed meanwhile is re-read
    for result in probe_files(unknown, timeout_s=timeout_s) if unknown else []:
        answer: dict[str, Any] = (
            {"facts": result.facts} if result.ok else {"reason": result.reason, "detail": result.detail}
        )
        answers[result.path] = answer
        if result.ok or result.reason not in _CACHEABLE_PROBLEMS_EXCLUDE:
            cache.put(result.path, answer, keys.get(result.path))
    return answers


def _load_catalog_safely(catalog: Catalog | None) -> tuple[Catalog, str | None]:
    if catalog is not None:
        return catalog, None
    try:
        return load_catalog(), None
    except CatalogError as exc:
        log.error("catalog unreadable: %s", exc)
        return Catalog([]), str(exc)


def discover_models(
    settings: Any,
    *,
    probe: bool = True,
    verify: bool = True,
    catalog: Catalog | None = None,
    timeout_s: float = 10,
) -> list[ModelEntry]:
    """Every model file in ``model_folders(settings)``, in folder order, with facts or a problem.

    ``probe=False`` only lists files (fast; no facts). ``verify`` checks catalog digests
    (hashing only files whose catalog entry has one; cached). Never raises for a bad file.
    Parts 2..N of a split model are not listed (the first part stands for the whole).
    """
    lang = language_of(settings)
    catalog, catalog_problem = _load_catalog_safely(catalog)
    files = list_model_files(settings)
    facts_cache = _facts_cache(settings)
    answers = _probe_with_cache([path for path, _ in files], facts_cache, timeout_s) if probe else {}
    digests = checksum.digest_cache(settings.paths.cache)

    entries: list[ModelEntry] = []
    for path, folder in files:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        entry = ModelEntry(path=path, name=path.stem, size=size, folder=folder, catalog=catalog.match(path.name))
        answer = answers.get(path)
        if answer and isinstance(answer.get("facts"), dict):
            entry.facts = answer["facts"]
            entry.name = str(entry.facts.get("name") or path.stem)
            if int(entry.facts.get("split_index") or 0) > 0:
                continue
        elif answer:
            entry.problem_code = str(answer.get("reason") or "probe_failed")
            entry.problem = message("library." + entry.problem_code, lang, detail=answer.get("detail") or "")
        if catalog_problem:
            entry.problem_code = "catalog_unreadable"
            entry.problem = message("library.catalog_unreadable", lang, detail=catalog_problem)
        elif verify and entry.catalog and entry.catalog.sha256:
            _verify(entry, digests, lang)
        elif entry.catalog:
            entry.checksum = checksum.NO_DIGEST
        entries.append(entry)
    facts_cache.save()
    digests.save()
    return entries


def _verify(entry: ModelEntry, digests: FileCache, lang: str) -> None:
    assert entry.catalog is not None
    try:
        entry.checksum = checksum.check_digest(entry.path, entry.catalog.sha256, digests)
    except OSError as exc:
        entry.checksum = checksum.MISMATCH
        entry.problem_code = "unreadable"
        entry.problem = message("library.unreadable", lang, detail=exc.strerror or str(exc))
        return
    if entry.checksum == checksum.MISMATCH:
        entry.problem_code = "checksum_mismatch"
        entry.problem = message("library.checksum_mismatch", lang)


def _matches(entry: ModelEntry, wanted: str) -> bool:
    names = {entry.path.name, entry.path.stem, entry.name}
    if entry.facts:
        names.add(str(entry.facts.get("name") or ""))
    return any(name.casefold() == wanted for name in names if name)


def _refuse_if_listed_and_different(path: Path, settings: Any, catalog: Catalog | None) -> None:
    """Raise ``ModelRefused`` when the catalog pins ``path``'s name to another digest (or is unreadable)."""
    lang = language_of(settings)
    catalog, problem = _load_catalog_safely(catalog)
    if problem:
        raise ModelRefused(f"{path.name}: " + message("library.catalog_unreadable", lang, detail=problem))
    listed = catalog.match(path.name)
    if listed and listed.sha256:
        digests = checksum.digest_cache(settings.paths.cache)
        status = checksum.check_digest(path, listed.sha256, digests)
        digests.save()
        if status == checksum.MISMATCH:
            raise ModelRefused(f"{path.name}: " + message("library.checksum_mismatch", lang))


def find_model(name_or_path: str | os.PathLike[str], settings: Any, *, catalog: Catalog | None = None) -> Path:
    """The model file meant by ``name_or_path``: an existing path, else a discovered file whose file name,
    stem or model name matches (case-insensitive), else the one file whose name contains it.

    Raises ``ModelNotFound`` (message lists the models found, or the folders searched) and
    ``ModelRefused`` when the catalog's SHA-256 for that file differs.
    """
    lang = language_of(settings)
    raw = str(name_or_path).strip()
    candidate = Path(raw).expanduser()
    if raw and candidate.is_file():
        _refuse_if_listed_and_different(candidate, settings, catalog)
        return candidate

    wanted = raw.casefold()
    entries = discover_models(settings, probe=False, verify=False, catalog=catalog or Catalog([]))
    found = [entry for entry in entries if _matches(entry, wanted)]
    if not found and entries:  # model names live in the headers: read them (in the probe process)
        entries = discover_models(settings, probe=True, verify=False, catalog=catalog or Catalog([]))
        found = [entry for entry in entries if _matches(entry, wanted)]
        if not found and wanted:
            found = [entry for entry in entries if wanted in entry.path.name.casefold() or wanted in entry.name.casefold()]
            if len(found) > 1:
                names = ", ".join(entry.path.name for entry in found)
                raise ModelNotFound(message("library.model_ambiguous", lang, name=raw, candidates=names))
    if found:
        path = found[0].path
        _refuse_if_listed_and_different(path, settings, catalog)
        return path
    if entries:
        available = ", ".join(sorted({entry.path.name for entry in entries}))
        raise ModelNotFound(message("library.model_not_found", lang, name=raw, available=available))
    folders = ", ".join(str(folder) for folder in model_folders(settings))
    raise ModelNotFound(message("library.model_not_found", lang, name=raw, available=message("library.none", lang))
                        + " " + message("library.no_models", lang, folders=folders))


def default_model(settings: Any, *, catalog: Catalog | None = None) -> Path:
    """The model to use when none is named, by ``default_choice.choose_default``: the one last
    loaded in the window, else the catalog's recommendation. Raises ``ModelNotFound`` naming
    the folders to use."""
    from desktop.library.default_choice import choose_default

    catalog, _problem = _load_catalog_safely(catalog)
    last = str(settings.get("last_model") or "")
    if last and Path(last).is_file():
        try:
            _refuse_if_listed_and_different(Path(last), settings, catalog)
        except ModelRefused:
            last = ""
    chosen = choose_default(discover_models(settings, catalog=catalog), last, catalog)
    if chosen is not None:
        return chosen.path
    folders = ", ".join(str(folder) for folder in model_folders(settings))
    raise ModelNotFound(message("library.no_models", language_of(settings), folders=folders))
