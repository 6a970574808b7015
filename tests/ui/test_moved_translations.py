"""Classes that moved to other modules keep their Japanese: tr() contexts are class names, not files."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def test_moved_classes_still_find_their_japanese(japanese):
    from desktop.ui.panes.summarize import SummarizePane
    from desktop.ui.panes.summarize_controller import SummarizeController
    from desktop.ui.panes.translate_controller import TranslateController

    lookups = {
        (SummarizeController.__name__, "Opened {name}."): "{name} を開きました。",
        (SummarizeController.__name__, "{name} could not be read: {reason}"): "{name} を読み込めませんでした: {reason}",
        (TranslateController.__name__, "Opened {name}: {count} segments."): "{name} を開きました（{count} 段落）。",
    }
    for (context, source), japanese_text in lookups.items():
        assert QCoreApplication.translate(context, source) == japanese_text
    # the pane's texts moved into a mixin module are still looked up under the pane's name
    assert QCoreApplication.translate(SummarizePane.__name__, "Summarize") != "Summarize"
    reopened = "Reopened from the history. Check the summary against the source."
    assert QCoreApplication.translate(SummarizePane.__name__, reopened) != reopened


def test_texts_of_split_modules_keep_their_context(japanese):
    from desktop.ui.model_panel import ModelPanel
    from desktop.ui.panes.draft import DraftPane
    from desktop.ui.panes.translate import TranslatePane
    from desktop.ui.template_editor import TemplateEditorDialog

    for context, source in ((DraftPane.__name__, "Reopened from the history. Check the draft before you use it."),
                            (TranslatePane.__name__,
                             "Reopened from the history. Check the translation before you use it."),
                            (ModelPanel.__name__, "Loaded: {name}"),
                            (TemplateEditorDialog.__name__, "Delete template")):
        assert QCoreApplication.translate(context, source) != source, (context, source)


def test_texts_of_the_shared_generation_controller_are_found_under_each_pane(qtbot, japanese):
    from desktop.settings import Paths, Settings
    from desktop.ui.context import AppContext
    from desktop.ui.panes.draft_controller import DraftController
    from tests.support.fake_engine import FakeEngine

    paths = Paths.default().ensure()
    context = AppContext(settings=Settings(paths, {}), paths=paths, engine=FakeEngine(loaded=True))
    for controller in (DraftController(context),):
        seen: list[str] = []
        controller.message.connect(seen.append)
        controller._on_failed("cancelled", "")
        assert seen and seen[0] != "Stopped. The text so far is kept." and "停止しました" in seen[0], seen
