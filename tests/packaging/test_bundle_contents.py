"""What the packaged build must contain, and what it must not (issue 7)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.packaging.conftest import REPO

#: Python packages Fumi must not ship: network servers/clients, the model downloader, test tools.
FORBIDDEN_PACKAGES = (
    "huggingface_hub", "llama_cpp.server", "requests", "urllib3", "httpx", "httpcore",
    "aiohttp", "uvicorn", "fastapi", "starlette", "pytest", "_pytest", "pytestqt", "tests",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "tkinter",
)

#: Parts of shared-library file names Fumi must not ship (Qt networking, QML/Quick, web engine).
FORBIDDEN_LIBRARIES = ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6WebEngine", "QtNetwork.", "QtQml.", "QtQuick.")


def _is_forbidden_module(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN_PACKAGES)


def test_no_forbidden_python_packages(bundled_modules: set[str]) -> None:
    assert "desktop.engine.protocol" in bundled_modules, "the archive reader found no Fumi modules"
    shipped = sorted(module for module in bundled_modules if _is_forbidden_module(module))
    assert shipped == []


def test_no_forbidden_files(bundled_files: list[Path]) -> None:
    def forbidden(path: Path) -> bool:
        text = path.as_posix()
        top_package = path.parts[1] if len(path.parts) > 1 and path.parts[0] == "_internal" else ""
        return (
            any(part in path.name for part in FORBIDDEN_LIBRARIES)
            or top_package in {"huggingface_hub", "requests", "urllib3", "httpx", "aiohttp", "pytest", "tests"}
            or "llama_cpp/server" in text
            or "plugins/tls" in text
            or "plugins/networkinformation" in text
        )

    assert sorted(str(path) for path in bundled_files if forbidden(path)) == []


def test_llama_cpp_libraries_are_bundled(internal: Path) -> None:
    lib_dir = internal / "llama_cpp" / "lib"
    names = {path.name for path in lib_dir.iterdir()} if lib_dir.is_dir() else set()
    if sys.platform == "win32":
        wanted = ("llama.dll", "ggml.dll", "ggml-base.dll", "ggml-cpu.dll")
    else:
        wanted = ("libllama.so", "libggml.so", "libggml-base.so", "libggml-cpu.so")
    assert [name for name in wanted if name not in names] == []


def test_fumi_package_and_cli_commands_are_bundled(bundled_modules: set[str]) -> None:
    """Subcommands and jobs are imported by name, so the spec must list them explicitly."""
    expected = {
        module for module in ("desktop.cli.selftest_cmd", "desktop.cli.bench_cmd",
                              "desktop.engine.worker", "desktop.engine.llm", "desktop.jobs.generate")
        if (REPO / (module.replace(".", "/") + ".py")).is_file()
    }
    assert expected - bundled_modules == set()


def test_resources_are_bundled(internal: Path) -> None:
    source_templates = sorted(p.name for p in (REPO / "resources" / "templates").glob("*") if p.is_file())
    bundled_templates = sorted(p.name for p in (internal / "resources" / "templates").glob("*") if p.is_file())
    assert bundled_templates == source_templates
    for folder in ("icons", "styles"):
        source = sorted(p.name for p in (REPO / "resources" / folder).glob("*") if p.is_file())
        bundled = sorted(p.name for p in (internal / "resources" / folder).glob("*") if p.is_file())
        assert bundled == source, folder


def test_every_translation_is_compiled(internal: Path) -> None:
    sources = sorted(p.stem for p in (REPO / "resources" / "i18n").glob("*.ts"))
    compiled = sorted(p.stem for p in (internal / "resources" / "i18n" / "qm").glob("*.qm"))
    assert compiled == sources
    assert not list((internal / "resources" / "i18n").glob("*.ts")), "translation sources are not shipped"


def test_models_folder_beside_executable(dist: Path) -> None:
    assert (dist / "models" / "README.md").is_file()
    assert (dist / "models" / "catalog.toml").is_file()


def test_no_model_file_is_shipped(bundled_files: list[Path]) -> None:
    assert [str(path) for path in bundled_files if path.suffix.lower() == ".gguf"] == []


def test_document_reading_libraries_are_bundled(bundled_modules: set[str]) -> None:
    """pypdf decrypts AES PDFs with cryptography; the text decoder falls back on charset_normalizer."""
    for module in ("pypdf", "cryptography", "charset_normalizer", "desktop.reading", "desktop.cli.read_cmd"):
        assert module in bundled_modules, module


def test_checking_rules_dictionary_and_message_areas_are_bundled(internal: Path, bundled_modules: set[str]) -> None:
    """文書チェック needs its rule files, SudachiPy's settings and its dictionary (found by name at run time),
    and every message area module (imported by name)."""
    rules = sorted(p.name for p in (REPO / "resources" / "checking").glob("*.toml"))
    assert sorted(p.name for p in (internal / "resources" / "checking").glob("*.toml")) == rules
    assert (internal / "sudachidict_core" / "resources" / "system.dic").is_file()
    assert (internal / "sudachipy" / "resources" / "sudachi.json").is_file()
    from desktop.messages import AREAS

    assert {f"desktop.messages.{area}" for area in AREAS} - bundled_modules == set()
    assert "sudachidict_core" in bundled_modules
