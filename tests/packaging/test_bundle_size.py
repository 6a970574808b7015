"""The packaged build stays within its size budget (IT copies it onto many PCs).

The budget (README, "Size") is for what Fumi ships on Windows: 200 MB for the
application, plus 210 MB since 文書チェック for SudachiPy's core dictionary
(system.dic, 202 MB installed; README "Checking" says why that dictionary). A
Linux build also carries Qt's own ICU libraries (libicudata/libicuuc/libicui18n,
about 39 MB), which the Windows build does not: there Qt uses the ICU that
comes with Windows 10 (1903 and later). So the budget is checked on the build
without those files, and the whole Linux build has a hard ceiling as well.
"""

from __future__ import annotations

import re
from pathlib import Path

#: The budget stated in the README.
SIZE_BUDGET_MB = 410
#: Ceiling for a whole Linux build, ICU included.
LINUX_CEILING_MB = 460

_PLATFORM_ICU = re.compile(r"^libicu(data|uc|i18n)\.so")


def file_sizes(folder: Path) -> dict[Path, int]:
    return {path: path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink()}


def test_build_is_within_size_budget(dist: Path) -> None:
    sizes = file_sizes(dist)
    total = sum(sizes.values()) / 1e6
    icu = sum(size for path, size in sizes.items() if _PLATFORM_ICU.match(path.name)) / 1e6
    print(f"dist/Fumi: {total:.1f} MB in total, {icu:.1f} MB of it Qt's bundled ICU; "
          f"{total - icu:.1f} MB against the {SIZE_BUDGET_MB} MB budget")
    assert total - icu < SIZE_BUDGET_MB, f"{total - icu:.1f} MB without ICU, over the {SIZE_BUDGET_MB} MB budget"
    assert total < LINUX_CEILING_MB, f"{total:.1f} MB in total, over the {LINUX_CEILING_MB} MB ceiling"
