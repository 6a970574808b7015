"""The architecture's rules, read from the imports of every module (ast; nothing is imported).

The rules (DESIGN.md, issue #17):
- ``llama_cpp`` is imported only in ``desktop/engine/``;
- no module of ``desktop/engine/`` other than the worker imports ``desktop.jobs``;
- the window (``desktop/ui/``) imports neither ``desktop.jobs`` nor the engine's inside: of
  ``desktop.engine`` it may import only ``client`` (EngineClient, the one way to talk to the
  engine process) and ``protocol`` (the messages and error codes both sides share). Everything
  else there (worker, llm, chat, chat_many, batched, session, embedder, memory, repetition,
  launch) runs in the engine process; ``launch`` builds the engine's command line, which the
  client does for the window, so the window has no need of it either;
- ``desktop.jobs`` and ``desktop.documents`` never import Qt;
- ``desktop.documents`` imports nothing else of Fumi.
Imports inside functions count as much as those at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> list[str]:
    """Every module ``path`` imports, absolute names (relative imports resolved; ``from a import b`` gives a.b too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[:len(package) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]
    return names


def modules() -> list[tuple[str, list[str]]]:
    return [(module_name(path), imports(path)) for path in sorted(PACKAGE.rglob("*.py"))]


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def violations(rule) -> list[str]:
    return [f"{module} imports {name}" for module, names in modules() for name in names if rule(module, name)]


#: What of ``desktop.engine`` the window may import (see the module docstring for why).
WINDOW_MAY_IMPORT = ("desktop.engine.client", "desktop.engine.protocol")


def engine_inside(name: str) -> bool:
    """True for an import of a module of the engine other than its client and protocol.

    The bare package name is allowed: ``from desktop.engine import client`` records it too,
    and the package's ``__init__`` holds only a docstring.
    """
    return (within(name, "desktop.engine") and name != "desktop.engine"
            and not any(within(name, ok) for ok in WINDOW_MAY_IMPORT))


RULES = {
    "llama_cpp only in desktop/engine/":
        lambda module, name: within(name, "llama_cpp") and not within(module, "desktop.engine"),
    "only the engine's worker imports jobs":
        lambda module, name: within(module, "desktop.engine") and module != "desktop.engine.worker"
        and within(name, "desktop.jobs"),
    "the window imports neither jobs nor the engine's inside":
        lambda module, name: within(module, "desktop.ui") and (within(name, "desktop.jobs") or engine_inside(name)),
    "jobs and documents never import Qt":
        lambda module, name: (within(module, "desktop.jobs") or within(module, "desktop.documents"))
        and any(within(name, qt) for qt in QT),
    "documents import nothing else of Fumi":
        lambda module, name: within(module, "desktop.documents") and within(name, "desktop")
        and not within(name, "desktop.documents"),
}


def test_the_rules_see_the_modules():
    found = dict(modules())
    assert "desktop.engine.llm" in found and "llama_cpp" in found["desktop.engine.llm"]
    assert "desktop.engine.worker" in found and any(within(n, "desktop.jobs") for n in found["desktop.engine.worker"])


@pytest.mark.parametrize("rule", list(RULES))
def test_layer_rule(rule):
    assert violations(RULES[rule]) == []


def test_the_rules_catch_a_violation(tmp_path):
    bad = ast.parse("from desktop.jobs.prompts_summarize import CITATION\nimport PySide6.QtCore\n")
    names = [n.module for n in ast.walk(bad) if isinstance(n, ast.ImportFrom)]
    assert RULES["the window imports neither jobs nor the engine's inside"]("desktop.ui.panes.x", names[0])
    window_rule = RULES["the window imports neither jobs nor the engine's inside"]
    for inside in ("chat", "chat_many", "batched", "session", "launch", "worker", "llm"):
        assert window_rule("desktop.ui.panes.x", f"desktop.engine.{inside}")
    assert not window_rule("desktop.ui.panes.x", "desktop.engine.client")
    assert not window_rule("desktop.ui.panes.x", "desktop.engine.protocol.CANCELLED")
    assert RULES["jobs and documents never import Qt"]("desktop.documents.reader", "PySide6.QtCore")
    assert RULES["documents import nothing else of Fumi"]("desktop.documents.segments", "desktop.languages")
    assert not RULES["documents import nothing else of Fumi"]("desktop.documents.segments", "desktop.documents.model")


def test_the_window_reads_the_engine_through_its_typed_surface():
    """No ``getattr(engine, ...)`` probes in desktop/ui: EngineClient (and the test fake, its subclass) has them all."""
    probes = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr")
                    and node.args and "engine" in ast.unparse(node.args[0]).lower()):
                probes.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert probes == []
