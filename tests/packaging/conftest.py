"""Fixtures for checks on a built ``dist/Fumi`` (made by ``pyinstaller build.spec``).

These tests look at a build; they never make one. ``.ci/package`` builds first
and then runs them with ``FUMI_REQUIRE_DIST=1`` (a missing build fails). In the
normal suite they skip with a clear reason: a ``dist/`` left over from an older
checkout would otherwise be judged against newer sources. ``FUMI_DIST`` points
at another build folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def dist_dir() -> Path:
    return Path(os.environ.get("FUMI_DIST", REPO / "dist" / "Fumi"))


def executable_path(dist: Path) -> Path:
    return dist / ("Fumi.exe" if sys.platform == "win32" else "Fumi")


@pytest.fixture(scope="session")
def dist() -> Path:
    """The build folder; skips every test using it when there is no build."""
    folder = dist_dir()
    if not os.environ.get("FUMI_REQUIRE_DIST"):
        pytest.skip("packaging checks run in .ci/package, right after it builds dist/Fumi")
    if not executable_path(folder).is_file():
        pytest.fail(f"FUMI_REQUIRE_DIST is set but there is no packaged build at {folder}")
    return folder


@pytest.fixture(scope="session")
def executable(dist: Path) -> Path:
    return executable_path(dist)


@pytest.fixture(scope="session")
def internal(dist: Path) -> Path:
    """The bundle folder (PyInstaller 6: ``_internal`` beside the executable)."""
    return dist / "_internal"


@pytest.fixture(scope="session")
def bundled_modules(executable: Path) -> set[str]:
    """Names of every Python module inside the executable's PYZ archive."""
    readers = pytest.importorskip("PyInstaller.archive.readers", reason="PyInstaller is not installed")
    archive = readers.CArchiveReader(str(executable))
    pyz_names = [name for name in archive.toc if name.endswith(".pyz")]
    modules: set[str] = set()
    for name in pyz_names:
        modules.update(archive.open_embedded_archive(name).toc)
    return modules


@pytest.fixture(scope="session")
def bundled_files(dist: Path) -> list[Path]:
    """Every file of the build, relative to the build folder."""
    return [path.relative_to(dist) for path in dist.rglob("*") if path.is_file()]
