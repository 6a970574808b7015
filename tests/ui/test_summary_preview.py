"""The summarize pane's plan preview: asked as token counts (never a job), planned with the job's own budgets."""

from __future__ import annotations

from desktop.documents.pasted import document_from_pasted_text
from desktop.engine.protocol import CONTEXT_OVERFLOW, CountTokens, Job
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.panes.summarize_controller import SummarizeController
from tests.support.fake_engine import FakeEngine
from tests.support.scripted_model import ScriptedModel

OPTIONS = {"length": "short", "style": "bullets", "focus": "", "output_language": "auto"}


def _controller(n_ctx: int, max_tokens: int = 120) -> tuple[SummarizeController, FakeEngine]:
    engine = FakeEngine(ScriptedModel("・要点です。", n_ctx=n_ctx), loaded=True)
    paths = Paths.default().ensure()
    context = AppContext(settings=Settings(paths, {"max_tokens": max_tokens}), paths=paths, engine=engine)
    return SummarizeController(context), engine


def _long_text() -> str:
    paragraphs = ["市は子育て支援に12億円を計上した。住民は申請書を窓口に提出してください。" * 3 for _ in range(24)]
    paragraphs.insert(5, "あ" * 900 + "。")  # one sentence longer than a part: cut by counting in steps
    return "\n".join(paragraphs)


def test_the_preview_counts_tokens_and_plans_the_parts_the_run_makes(qtbot):
    controller, engine = _controller(n_ctx=1200)
    controller.set_document(document_from_pasted_text(_long_text()))
    with qtbot.waitSignal(controller.plan_changed, timeout=10000):
        controller.request_plan(OPTIONS)
    plan = controller.plan
    assert plan["parts"] > 3 and not plan["one_pass"] and plan["output_language"] == "ja"
    asked = [request for request in engine.requests if isinstance(request, CountTokens)]
    assert not [request for request in engine.requests if isinstance(request, Job)]
    assert asked[0].summary["output_language"] == "ja" and asked[0].summary["max_tokens"] == 120
    assert len(asked) > 1 and all(request.summary is None for request in asked[1:])  # the long sentence

    with qtbot.waitSignal(controller.runner.finished, timeout=30000):
        assert controller.summarize(OPTIONS)
    assert controller.stats["parts"] == plan["parts"]
    assert controller.stats["source_tokens"] == plan["source_tokens"]


def test_a_short_text_is_one_pass_and_a_new_request_while_counting_replaces_the_first(qtbot):
    controller, engine = _controller(n_ctx=4096)
    controller.set_document(document_from_pasted_text("説明会は5月10日に開催します。"))
    controller.request_plan(OPTIONS)
    controller.request_plan({**OPTIONS, "output_language": "en"})  # while the first is being counted
    qtbot.waitUntil(lambda: (controller.plan or {}).get("output_language") == "en", timeout=10000)
    assert controller.plan["one_pass"] and controller.plan["parts"] == 1
    assert not controller.planner.running


def test_a_context_too_small_says_so(qtbot):
    controller, _engine = _controller(n_ctx=160, max_tokens=64)
    controller.set_document(document_from_pasted_text(_long_text()))
    problems: list[str] = []
    controller.problem.connect(problems.append)
    codes: list[str] = []
    controller.planner.failed.connect(lambda code, _text: codes.append(code))
    controller.request_plan(OPTIONS)
    qtbot.waitUntil(lambda: bool(problems), timeout=10000)
    assert codes == [CONTEXT_OVERFLOW] and "160" in problems[0] and controller.plan is None
