"""The model list names what the user must tell apart: same file name in two folders, no chat template."""

from __future__ import annotations

from pathlib import Path

from desktop.library.discovery import ModelEntry
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.model_panel import ModelPanel
from tests.support.fake_engine import FakeEngine

FACTS = {"parameters": 1_500_000_000, "quantization": "Q4_K_M", "size_bytes": 1_100_000_000, "chat_template": True}


def test_same_name_shows_its_folder_and_a_missing_template_stays_marked(qtbot, tmp_path):
    paths = Paths.default().ensure()
    context = AppContext(settings=Settings(paths, {}), paths=paths, engine=FakeEngine())
    panel = ModelPanel(context)
    qtbot.addWidget(panel)
    entries = [
        ModelEntry(Path(tmp_path / "a" / "qwen.gguf"), "qwen.gguf", 1, facts=dict(FACTS)),
        ModelEntry(Path(tmp_path / "b" / "qwen.gguf"), "qwen.gguf", 1, facts=dict(FACTS)),
        ModelEntry(Path(tmp_path / "b" / "bare.gguf"), "bare.gguf", 1, facts={**FACTS, "chat_template": False}),
    ]
    panel._on_discovery_finished(entries)
    texts = {panel.model_list.item(row).text() for row in range(panel.model_list.count())}
    assert any(str(tmp_path / "a") in text and text.startswith("qwen.gguf") for text in texts)
    assert any(str(tmp_path / "b") in text and text.startswith("qwen.gguf") for text in texts)
    bare = next(text for text in texts if text.startswith("bare.gguf"))
    assert str(tmp_path) not in bare and "⚠" in bare
    assert all("⚠" not in text for text in texts if text.startswith("qwen"))


def test_the_list_selects_the_default_the_command_line_uses(qtbot, tmp_path):
    paths = Paths.default().ensure()
    settings = Settings(paths, {})
    chosen = Path(tmp_path / "b" / "qwen.gguf")
    settings.set("last_model", str(chosen))
    panel = ModelPanel(AppContext(settings=settings, paths=paths, engine=FakeEngine()))
    qtbot.addWidget(panel)
    entries = [ModelEntry(Path(tmp_path / "a" / "qwen.gguf"), "qwen.gguf", 1, facts=dict(FACTS)),
               ModelEntry(chosen, "qwen.gguf", 1, facts=dict(FACTS))]
    panel._on_discovery_finished(entries)
    assert panel.selected_entry().path == chosen
