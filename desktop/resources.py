"""Where Fumi's own files are, from source and in the packaged (PyInstaller) build.

Two places matter:

- **bundled resources** (templates, icons, styles, compiled translations):
  ``resources/`` at the top of the checkout when running from source; inside
  the bundle (``sys._MEIPASS``, i.e. ``dist/Fumi/_internal/``) when frozen.
- **the application folder** (``app_dir()``): the checkout when running from
  source; the folder holding ``Fumi.exe`` when frozen. IT puts models in its
  ``models/`` subfolder, next to ``models/README.md`` and ``models/catalog.toml``.

Nothing here writes anywhere: user files live in ``desktop.settings.Paths``.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The checkout's top folder (the parent of the ``desktop`` package), used from source.
_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    """True inside the packaged executable."""
    return bool(getattr(sys, "frozen", False))


def bundle_dir() -> Path:
    """The folder that holds the bundled ``resources/`` folder.

    Frozen: ``sys._MEIPASS`` (PyInstaller 6 one-folder: ``<app>/_internal``),
    falling back to ``<folder of the executable>/_internal``. From source: the checkout.
    """
    if is_frozen():
        meipass = getattr(sys, "_MEIPASS", None)
        if meipass:
            return Path(meipass)
        return Path(sys.executable).resolve().parent / "_internal"
    return _SOURCE_ROOT


def app_dir() -> Path:
    """The folder of the executable when frozen; the checkout from source."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return _SOURCE_ROOT


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("templates", "report.toml")``.

    Returns ``<bundle>/resources/<parts...>`` whether or not it exists.
    """
    return bundle_dir().joinpath("resources", *parts)


def app_models_dir() -> Path:
    """The ``models/`` folder beside the executable (the checkout's ``models/`` from source)."""
    return app_dir() / "models"


def catalog_path() -> Path:
    """``models/catalog.toml``: the recommended models IT may install, with optional SHA-256."""
    return app_models_dir() / "catalog.toml"
