"""Writing output files so that a failure never destroys what was there before.

The bytes go to a temp file in the target folder, are fsynced, then replace the
target in one step (``os.replace``). If anything fails, the temp file is
removed and the old file is untouched. On Windows, a target briefly held by an
antivirus scanner or the search indexer is retried for about a second.

- The temp name is short (``.fumi-XXXXXXXX.tmp``) whatever the target's name,
  so any name the platform allows (255 bytes on Linux/macOS, 255 UTF-16 units
  on NTFS) can be written.
- A target that is a symbolic link: the file it points to is replaced and the
  link stays a link (a link into a synced or redirected folder keeps working).
  The temp file is made beside the real file, so the replace stays one step
  on one volume. A link whose file does not exist yet gets it created.
- Paths past Windows' 260 characters are written through the long-path prefix
  (``filenames.long_path``).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from .errors import document_error
from .filenames import long_path

_REPLACE_ATTEMPTS = 5
_REPLACE_PAUSE_S = 0.2


def atomic_write_bytes(path: str | Path, data: bytes, lang: str | None = None) -> Path:
    """Write ``data`` to ``path`` atomically; raises ``DocumentError("unwritable")`` saying why it could not."""
    path = Path(path)
    temp_name = None
    try:
        target = Path(long_path(os.path.abspath(_through_links(path))))
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(target)
        fd, temp_name = tempfile.mkstemp(prefix=".fumi-", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            os.chmod(temp_name, mode)
        _replace(temp_name, target)
        temp_name = None
        return path
    except OSError as exc:
        raise document_error("unwritable", path, lang, detail=exc.strerror or type(exc).__name__) from exc
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


def _through_links(path: Path) -> Path:
    """The file a symbolic link (or a chain of them) finally names; ``path`` itself otherwise."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def _replace(source: str, target: Path) -> None:
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == _REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(_REPLACE_PAUSE_S)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
