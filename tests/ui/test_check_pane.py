"""The チェック pane with pytest-qt: findings listed and highlighted, accept / accept a rule / ignore,
re-check while editing, open a .docx and export it with its structure, the findings report, a screenshot."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from desktop.engine.client import EngineClient
from desktop.settings import Paths, Settings
from desktop.ui.context import AppContext
from desktop.ui.panes.check_pane import CheckPane

TEXT = ("会議の開催について（通知）\n"
        "確認する事が必要な時は、次の通り提出して下さい。資料を下さい。\n"
        "サーバの設定とサーバーの管理とサーバーの更新。ＡＢＣ１２３を使う。")


@pytest.fixture
def pane(qtbot):
    paths = Paths.default().ensure()
    engine = EngineClient()
    context = AppContext(settings=Settings(paths, {}), paths=paths, engine=engine)
    pane = CheckPane(context)
    qtbot.addWidget(pane)
    yield pane
    pane.controller.wait_idle()
    engine.shutdown()


def typed(qtbot, pane: CheckPane, text: str) -> None:
    with qtbot.waitSignal(pane.controller.findings_changed, timeout=20000):
        pane.editor.setPlainText(text)


def rules(pane: CheckPane) -> list[str]:
    return [f.rule for f in pane.controller.findings]


def test_findings_are_listed_and_highlighted(qtbot, pane) -> None:
    typed(qtbot, pane, TEXT)
    assert pane.list.count() == len(pane.controller.findings) >= 6
    assert rules(pane).count("auxiliary-verb") == 1
    assert len(pane.editor.extraSelections()) == pane.list.count()
    for finding in pane.controller.findings:
        assert TEXT[finding.start:finding.end] == finding.text


def test_accept_one_then_a_rule_then_ignore_and_undo(qtbot, pane) -> None:
    typed(qtbot, pane, TEXT)
    c = pane.controller
    pane.list.setCurrentRow(next(i for i, f in enumerate(c.findings) if f.rule == "auxiliary-verb"))
    with qtbot.waitSignal(c.findings_changed, timeout=20000):
        pane.accept_selected()
    assert "提出してください" in pane.editor.toPlainText()
    pane.list.setCurrentRow(next(i for i, f in enumerate(c.findings) if f.rule == "formal-noun"))
    with qtbot.waitSignal(c.findings_changed, timeout=20000):
        pane.accept_selected_rule()
    assert "確認することが必要なときは、次のとおり" in pane.editor.toPlainText()
    qtbot.waitUntil(lambda: "formal-noun" not in rules(pane) and c.text == pane.editor.toPlainText(), timeout=20000)
    ignored = next(f for f in c.findings if f.rule == "fullwidth-alnum")
    pane.list.setCurrentRow(c.findings.index(ignored))
    pane.ignore_selected()
    assert "fullwidth-alnum" not in rules(pane)
    with qtbot.waitSignal(c.findings_changed, timeout=20000):
        c.check_now()
    assert "fullwidth-alnum" not in rules(pane)  # stays ignored after a re-check
    pane.editor.undo()
    qtbot.waitUntil(lambda: c.text == pane.editor.toPlainText(), timeout=5000)


def test_accept_all_then_recheck_finds_nothing_to_fix(qtbot, pane) -> None:
    typed(qtbot, pane, TEXT)
    with qtbot.waitSignal(pane.controller.findings_changed, timeout=20000):
        pane.accept_all()
    qtbot.waitUntil(lambda: pane.controller.text == pane.editor.toPlainText(), timeout=5000)
    with qtbot.waitSignal(pane.controller.findings_changed, timeout=20000):
        pane.controller.check_now()
    assert not [f for f in pane.controller.findings if f.fixable]
    assert pane.has_unsaved_output()


def test_profile_selector_changes_the_rules(qtbot, pane) -> None:
    typed(qtbot, pane, "①申請書")
    assert "machine-dependent-circled" in rules(pane)
    with qtbot.waitSignal(pane.controller.findings_changed, timeout=20000):
        pane.profile_combo.setCurrentIndex(pane.profile_combo.findData("koho"))
    assert "machine-dependent-circled" not in rules(pane)


def test_open_docx_export_keeps_structure_and_report(qtbot, pane, tmp_path: Path) -> None:
    source = tmp_path / "notice.docx"
    document = docx.Document()
    document.add_heading("調査について", level=1)
    document.add_paragraph("確認する事が必要です。")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "連絡して下さい。"
    document.save(source)
    with qtbot.waitSignal(pane.controller.findings_changed, timeout=20000):
        pane.open_file(str(source))
    with qtbot.waitSignal(pane.controller.findings_changed, timeout=20000):
        pane.accept_all()
    out = tmp_path / "fixed.docx"
    assert pane.save_file(str(out))
    result = docx.Document(out)
    assert result.paragraphs[0].style.name == "Heading 1"
    assert result.paragraphs[1].text == "確認することが必要です。"
    assert result.tables[0].cell(0, 0).text == "連絡してください。"
    assert not pane.has_unsaved_output()
    report = tmp_path / "findings.csv"
    assert pane.export_report(str(report))
    assert report.read_text(encoding="utf-8-sig").startswith("行,桁,重要度,ルール")


def test_unreadable_file_shows_a_notice(qtbot, pane, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with qtbot.waitSignal(pane.controller.problem, timeout=20000):
        pane.open_file(str(broken))
    assert pane.notice.isVisibleTo(pane) and pane.notice.text()


def test_autosave_round_trip(qtbot, pane) -> None:
    typed(qtbot, pane, TEXT)
    state = pane.autosave_state()
    pane.editor.setPlainText("")
    with qtbot.waitSignal(pane.controller.findings_changed, timeout=20000):
        pane.restore_autosave_state(state)
    assert pane.editor.toPlainText() == TEXT and pane.controller.findings


def test_screenshot_in_japanese(qtbot, japanese, tmp_path: Path) -> None:
    paths = Paths.default().ensure()
    engine = EngineClient()
    pane = CheckPane(AppContext(settings=Settings(paths, {}), paths=paths, engine=engine))
    qtbot.addWidget(pane)
    pane.resize(1280, 720)
    pane.show()
    typed(qtbot, pane, TEXT + "\n本市では、令和8年度から、市民の皆さまの意見を踏まえ、地域の防災訓練の内容を見直し、"
          "参加しやすい日程と会場を設けることとしたが、準備の期間が短いが、関係機関と調整を進めている。")
    pane.list.setCurrentRow(1)
    qtbot.wait(50)
    shot = tmp_path / "check_pane.png"
    assert pane.grab().save(str(shot))
    assert pane.check_button.text() == "再チェック"
    pane.controller.wait_idle()
    engine.shutdown()


LONG = ("本市では、令和8年度から、市民の皆さまの意見を踏まえ、地域の防災訓練の内容を見直し、"
        "参加しやすい日程と会場を設けることとしたが、準備の期間が短いが、関係機関と調整を進めている。")


def test_ai_rewrites_through_the_real_engine_are_suggestions_only(qtbot, pane, tiny_model) -> None:
    engine = pane.context.engine
    engine.start()
    with qtbot.waitSignal(engine.loaded, timeout=30000):
        engine.load(str(tiny_model), n_ctx=2048, n_threads=1)
    typed(qtbot, pane, "確認する事。\n" + LONG)
    before = pane.editor.toPlainText()
    with qtbot.waitSignal(pane.controller.runner.finished, timeout=120000):
        pane._start_ai()
        assert pane.stop_button.isEnabled()
    assert pane.editor.toPlainText() == before  # nothing applied without a click
    for finding in pane.controller.ai_findings:
        assert finding.rule == "ai-rewrite" and finding.text == LONG and finding.suggestion
    assert not pane.stop_button.isEnabled()


def test_a_rule_turned_off_stays_off_in_the_settings(qtbot, pane) -> None:
    typed(qtbot, pane, "確認する事")
    pane.list.setCurrentRow(0)
    with qtbot.waitSignal(pane.controller.findings_changed, timeout=20000):
        pane.disable_selected_rule()
    assert "formal-noun" not in rules(pane)
    assert Settings.load(pane.context.paths).get("check_disabled_rules") == ["formal-noun"]
    with qtbot.waitSignal(pane.controller.findings_changed, timeout=20000):
        pane.enable_all_rules()
    assert "formal-noun" in rules(pane)


def test_the_pane_offers_everything_the_window_asks_of_a_pane(pane) -> None:
    from desktop.ui.panes.protocol import Pane

    assert isinstance(pane, Pane)
    assert pane.reopen_run(object()) is False


def test_a_bad_office_rule_file_is_named_once_in_the_pane(qtbot) -> None:
    paths = Paths.default().ensure()
    paths.check_rules.mkdir(parents=True, exist_ok=True)
    (paths.check_rules / "課の用字用語.toml").write_text('[[rule]]\nid = "x"\nkind = "word\n', encoding="utf-8")
    engine = EngineClient()
    pane = CheckPane(AppContext(settings=Settings(paths, {}), paths=paths, engine=engine))
    qtbot.addWidget(pane)
    told: list[str] = []
    pane.controller.message.connect(told.append)
    typed(qtbot, pane, TEXT)
    typed(qtbot, pane, TEXT + "\n追記。")
    pane.controller.wait_idle()
    engine.shutdown()
    assert "auxiliary-verb" in rules(pane)  # the built-in rules still ran
    named = [t for t in told if "課の用字用語.toml" in t]
    assert len(named) == 1 and "3 行目" in named[0]
    assert "3 行目" in pane.status_label.text()


def test_loading_a_model_shows_no_error_and_makes_the_pane_ready(qtbot) -> None:
    """The controller's own slots must not shadow ``PaneController._on_loaded`` (engine.loaded)."""
    from tests.support.fake_engine import FakeEngine

    paths = Paths.default().ensure()
    engine = FakeEngine()
    pane = CheckPane(AppContext(settings=Settings(paths, {}), paths=paths, engine=engine))
    qtbot.addWidget(pane)
    ready: list[bool] = []
    pane.controller.ready_changed.connect(ready.append)
    with qtbot.waitSignal(engine.loaded, timeout=5000):
        engine.load("model.gguf")
    assert not pane.notice.isVisibleTo(pane), pane.notice.text()
    assert ready and ready[-1] is True
    pane.controller.wait_idle()
