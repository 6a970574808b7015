"""The 比較 controller with scripted engines: the window's model stays loaded only when both fit."""

from __future__ import annotations

import pytest

from desktop.compare.settings import CompareSettings
from desktop.ui.panes.compare_controller import CompareController, CompareRequest
from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel

GIB = 1024**3
FACTS = {"size_bytes": GIB, "n_layer": 28, "n_embd": 1536, "n_head": 12, "n_head_kv": 2,
         "context_length": 32768, "n_vocab": 151936}


def _run(qtbot, available: int | None, compared_facts) -> tuple[FakeEngine, CompareController, list[str]]:
    main = FakeEngine(facts=FACTS, loaded=True)
    controller = CompareController(main, engine_factory=lambda owner: FakeEngine(ScriptedModel("結果"), parent=owner))
    controller.available_ram = lambda: available
    said: list[str] = []
    controller.message.connect(said.append)
    models = [("a", "a.gguf", compared_facts), ("b", "b.gguf", compared_facts)]
    assert controller.start(CompareRequest(models, "prompt", {"prompt": "テスト"}, {}, "test", CompareSettings()))
    qtbot.waitUntil(lambda: not controller.running, timeout=10_000)
    assert all(result.ok and result.text == "結果" for result in controller.results)
    return main, controller, said


def test_the_window_model_stays_when_the_estimate_says_both_fit(qtbot) -> None:
    main, _controller, said = _run(qtbot, 16 * GIB, FACTS)
    assert main.model_facts is not None and not said


@pytest.mark.parametrize("available, facts", [(2 * GIB, FACTS), (None, FACTS), (16 * GIB, None)])
def test_otherwise_it_is_unloaded_first_and_the_user_is_told(qtbot, available, facts) -> None:
    main, _controller, said = _run(qtbot, available, facts)
    qtbot.waitUntil(lambda: main.model_facts is None, timeout=5_000)
    assert any("unloaded" in text or "解放" in text for text in said)
