"""The scripted engine stand-in drives controllers as the engine would: streaming, parts, stop, errors."""

from __future__ import annotations

from desktop.engine.protocol import BAD_INPUT, CANCELLED
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.panes.translate_controller import TranslateController
from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel


def _context(engine: FakeEngine) -> AppContext:
    paths = Paths.default().ensure()
    return AppContext(settings=Settings(paths, {}), paths=paths, engine=engine)


def test_translate_deltas_arrive_under_the_segment_they_belong_to(qtbot):
    engine = FakeEngine(ScriptedModel(lambda m: "EN:" + m[-1]["content"].split("\n")[-1]), loaded=True)
    controller = TranslateController(_context(engine))
    controller.use_text("一つ目です。\n\n二つ目です。\n\n三つ目です。")
    streamed: dict[int, str] = {}
    controller.segment_delta.connect(lambda index, text: streamed.__setitem__(index, streamed.get(index, "") + text))
    with qtbot.waitSignal(controller.runner.finished, timeout=10000):
        assert controller.translate("ja", "en", "desu_masu")
    assert set(streamed) == set(controller.translations) == {s.index for s in controller.segments}
    for index, translation in controller.translations.items():
        assert streamed[index].strip() == translation


def test_stop_and_errors_come_back_as_the_engine_sends_them(qtbot):
    engine = FakeEngine(ScriptedModel("x" * 2000, piece_size=1), loaded=True)
    failures: list[tuple[str, str]] = []
    engine.error.connect(lambda _id, code, message: failures.append((code, message)))
    with qtbot.waitSignal(engine.delta, timeout=5000):
        request = engine.run_job("generate", {"prompt": "こんにちは"}, {"max_tokens": 2000})
    engine.cancel(request)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0][0] == CANCELLED
    failures.clear()
    engine.run_job("summarize", {"text": "  "}, {})
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0][0] == BAD_INPUT and failures[0][1]
    assert engine.state == "idle"


#: What the fake has that the real client has not: the test's script and its record of requests.
FAKE_ONLY = {"model", "facts", "fail_load", "requests"}


def _public(obj) -> set[str]:
    return {name for name in dir(obj) if not name.startswith("_")}


def test_the_fake_and_the_real_client_expose_the_same_public_names(qtbot):
    from desktop.engine.client import EngineClient

    real, fake = EngineClient(), FakeEngine()
    assert _public(fake) - FAKE_ONLY == _public(real)
    for name in ("state", "model_facts", "load", "run_job", "count_tokens", "unload", "cancel", "shutdown"):
        assert name in _public(real)
    assert fake.state == real.state == "stopped" and fake.model_facts is real.model_facts is None
