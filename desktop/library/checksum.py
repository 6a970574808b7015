"""SHA-256 of model files, computed only when the catalog lists a digest, and cached.

A catalog entry with a ``sha256`` allows exactly that file: any other content
under that file name is refused. Digests are remembered per (path, size,
mtime, inode, ctime) in the user cache folder, so a multi-GB file is hashed once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from desktop.library.cache import FileCache, file_key

CHUNK_BYTES = 4 * 1024 * 1024

#: Statuses of ``ModelEntry.checksum``.
NOT_LISTED = "not_listed"  # no catalog entry for this file name
NO_DIGEST = "no_digest"  # a catalog entry, but IT has not filled in its sha256
VERIFIED = "verified"  # the digest matches
MISMATCH = "mismatch"  # the digest differs: the file is refused


def sha256_file(path: Path) -> str:
    """Lower-case hex SHA-256 of the file, read in chunks (memory stays at one chunk)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def digest_cache(cache_folder: Path) -> FileCache:
    return FileCache(cache_folder / "model_sha256.json")


def cached_sha256(path: Path, cache: FileCache | None = None) -> str:
    """``sha256_file(path)``, from ``cache`` when the file has not changed since it was last hashed."""
    if cache is not None:
        known = cache.get(path)
        if isinstance(known, str):
            return known
    key = file_key(path)
    digest = sha256_file(path)
    if cache is not None:
        cache.put(path, digest, key)
    return digest


def check_digest(path: Path, expected: str, cache: FileCache | None = None) -> str:
    """``VERIFIED`` or ``MISMATCH`` for ``path`` against the catalog's ``expected`` digest (``NO_DIGEST`` if empty)."""
    expected = expected.strip().lower()
    if not expected:
        return NO_DIGEST
    return VERIFIED if cached_sha256(path, cache) == expected else MISMATCH
