"""Qt translations: every ``resources/i18n/*_<lang>.ts`` becomes one installed QTranslator.

Each area of the app keeps its own .ts file, so areas never edit the same
file. A packaged build ships compiled .qm files in ``resources/i18n/qm/``;
running from source, the .ts files are compiled with ``pyside6-lrelease``
(which comes with PySide6) into the user cache folder when missing or stale.
Source strings are English, so English needs no translator of our own.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("ja", "en")
LRELEASE_TIMEOUT_S = 60


def find_lrelease() -> Path | None:
    """Qt's ``lrelease`` as shipped with PySide6 (beside the package), or ``pyside6-lrelease`` on PATH."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return None
    package_dir = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease.exe", "lrelease"):
        candidate = package_dir / name
        if candidate.is_file():
            return candidate
    found = shutil.which("pyside6-lrelease")
    return Path(found) if found else None


def compile_ts(ts_file: Path, qm_file: Path, lrelease: Path) -> bool:
    """Compile one .ts into a .qm; False (and a log line) when lrelease fails."""
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    creationflags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        result = subprocess.run(
            [str(lrelease), "-silent", str(ts_file), "-qm", str(qm_file)],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=LRELEASE_TIMEOUT_S,
            creationflags=creationflags,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lrelease failed for %s: %s", ts_file.name, exc)
        return False
    if result.returncode != 0 or not qm_file.is_file():
        log.warning("lrelease failed for %s: %s", ts_file.name, result.stderr.decode(errors="replace")[:500])
        return False
    return True


def compiled_translations(language: str, cache_dir: Path, resources: Path | None = None) -> list[Path]:
    """The .qm files for ``language``: prebuilt ones if shipped, else compiled into ``cache_dir``.

    A .qm in the cache is rebuilt when its .ts is newer. Files that cannot be
    compiled are skipped (that area then shows English), never fatal.
    """
    i18n = (resources or resource_path()) / "i18n"
    prebuilt = sorted((i18n / "qm").glob(f"*_{language}.qm"))
    if prebuilt:
        return prebuilt
    sources = sorted(i18n.glob(f"*_{language}.ts"))
    if not sources:
        return []
    lrelease = find_lrelease()
    result: list[Path] = []
    for ts_file in sources:
        qm_file = cache_dir / (ts_file.stem + ".qm")
        fresh = qm_file.is_file() and qm_file.stat().st_mtime >= ts_file.stat().st_mtime
        if not fresh:
            if lrelease is None:
                log.warning("no lrelease found; cannot compile %s", ts_file.name)
                continue
            if not compile_ts(ts_file, qm_file, lrelease):
                continue
        result.append(qm_file)
    return result


def install_translators(
    app: QCoreApplication, language: str, cache_dir: Path, resources: Path | None = None
) -> list[QTranslator]:
    """Install Qt's own and Fumi's translators for ``language`` on ``app``.

    Returns the translators; keep them alive as long as the app (Qt does not own them).
    """
    installed: list[QTranslator] = []
    if language not in LANGUAGES:
        language = "ja"
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English))
    if language == "en":
        return installed
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = [Path(qt_translations) / f"qtbase_{language}.qm"]
    files += compiled_translations(language, cache_dir / "i18n", resources)
    for qm_file in files:
        translator = QTranslator(app)
        if qm_file.is_file() and translator.load(os.fspath(qm_file)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("translation not loaded: %s", qm_file)
    return installed
