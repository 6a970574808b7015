"""The template editor: duplicate, edit, preview, save → still there after a restart, share, delete, test-run."""

from __future__ import annotations


import pytest
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

from desktop.engine.client import EngineClient
from desktop.settings import Paths, Settings
from desktop.templates import TemplateStore
from desktop.ui.context import AppContext
from desktop.ui.panes.draft import DraftPane
from desktop.ui.template_editor import COLUMNS, TemplateEditorDialog
from desktop.ui.template_import_dialog import TemplateImportDialog
from tests.support.seeding import fix_seed



@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes answered without a person: questions get ``answer``; warnings are recorded."""
    record = {"warnings": [], "questions": [], "answer": QMessageBox.StandardButton.Yes}
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: record["warnings"].append(args[2]))

    def question(*args, **kw):
        record["questions"].append(args[2])
        return record["answer"]

    monkeypatch.setattr(QMessageBox, "question", question)
    return record


def _editor(qtbot, store: TemplateStore, engine=None, start_id: str = "minutes") -> TemplateEditorDialog:
    dialog = TemplateEditorDialog(store, engine, start_id=start_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _store() -> TemplateStore:
    return TemplateStore.for_paths(Paths.default().ensure())


def test_builtins_are_read_only_and_duplicate_makes_an_editable_copy(qtbot, dialogs):
    dialog = _editor(qtbot, _store())
    assert dialog.current.id == "minutes" and dialog.current.read_only
    assert dialog.prompt_edit.isReadOnly() and not dialog.save_button.isEnabled()
    assert dialog.read_only_note.isVisible()
    assert "会議名" in dialog.preview.toPlainText() and "〈会議名〉" in dialog.preview.toPlainText()

    dialog.duplicate_template()
    assert dialog.id_edit.text() == "minutes-copy"
    assert not dialog.prompt_edit.isReadOnly() and dialog.save_button.isEnabled()


def test_save_then_restart_keeps_the_template_in_the_pane(qtbot, dialogs, shots):
    dialog = _editor(qtbot, _store())
    dialog.duplicate_template()
    dialog.id_edit.setText("kaigi-memo")
    dialog.title_ja.setText("課内ミーティングのメモ")
    dialog.title_en.setText("Team meeting memo")
    dialog.kind_box.setCurrentText("課内")
    dialog.add_field()
    row = dialog.fields_table.rowCount() - 1
    dialog.fields_table.setItem(row, COLUMNS.index("name"), QTableWidgetItem("section"))
    dialog.fields_table.setItem(row, COLUMNS.index("label_ja"), QTableWidgetItem("担当課"))
    dialog.prompt_edit.setPlainText(dialog.prompt_edit.toPlainText() + "\n担当課: {section}")
    dialog.update_preview()
    assert not dialog.problem.isVisible()
    assert "担当課: 〈担当課〉" in dialog.preview.toPlainText()
    dialog.tabs.setCurrentIndex(1)
    dialog.resize(1100, 720)
    dialog.grab().save(str(shots / "draft_template_editor.png"))
    assert dialog.save_template(), dialogs["warnings"]
    assert (Paths.default().user_templates / "kaigi-memo.toml").is_file()

    # "restart": a new context and pane read the templates from disk again
    paths = Paths.default()
    engine = EngineClient()
    pane = DraftPane(AppContext(settings=Settings(paths), paths=paths, engine=engine))
    qtbot.addWidget(pane)
    assert pane.select_template("kaigi-memo")
    assert pane.template.title_for("ja") == "課内ミーティングのメモ"
    assert "section" in pane.form.widgets
    groups = [pane.template_list.topLevelItem(i).text(0) for i in range(pane.template_list.topLevelItemCount())]
    assert "課内" in groups


def test_saved_template_appears_in_the_open_pane_at_once(qtbot, dialogs):
    paths = Paths.default().ensure()
    pane = DraftPane(AppContext(settings=Settings(paths), paths=paths, engine=EngineClient()))
    qtbot.addWidget(pane)
    dialog = _editor(qtbot, pane.controller.store)
    dialog.templates_changed.connect(pane.controller.reload_templates)
    dialog.new_template()
    dialog.id_edit.setText("oshirase")
    dialog.title_ja.setText("お知らせ")
    assert dialog.save_template()
    assert pane.select_template("oshirase")


def test_invalid_template_is_refused_naming_the_problem(qtbot, dialogs):
    dialog = _editor(qtbot, _store())
    dialog.new_template()
    dialog.prompt_edit.setPlainText("{nothing} を書いてください。")
    dialog.update_preview()
    assert dialog.problem.isVisible() and "{nothing}" in dialog.problem.text()
    assert not dialog.save_template()
    assert "{nothing}" in dialogs["warnings"][-1]

    dialog.prompt_edit.setPlainText("{notes}")
    dialog.id_edit.setText("minutes")  # a built-in's id
    assert not dialog.save_template()
    assert "minutes" in dialogs["warnings"][-1]


def test_export_import_and_delete(qtbot, dialogs, tmp_path, monkeypatch):
    store = _store()
    dialog = _editor(qtbot, store, start_id="report")
    dialog.duplicate_template()
    assert dialog.save_template()
    saved_id = dialog.current.id
    shared = tmp_path / "shared" / f"{saved_id}.toml"
    assert dialog.export_template(str(shared))
    assert shared.is_file()

    dialogs["answer"] = QMessageBox.StandardButton.No
    assert not dialog.delete_template()  # the person said no
    assert saved_id in store.ids()
    dialogs["answer"] = QMessageBox.StandardButton.Yes
    dialog.select(saved_id)
    assert dialog.delete_template()
    assert saved_id not in TemplateStore.for_paths(Paths.default()).ids()
    assert dialogs["questions"]

    previews = []

    def answer_preview(preview):  # the import preview, answered as a person would: import when it can
        qtbot.waitUntil(lambda: preview.package is not None or bool(preview.error), timeout=10_000)
        previews.append(preview.error or preview.title_label.text())
        preview.install()

    monkeypatch.setattr(TemplateImportDialog, "exec", answer_preview)
    assert dialog.import_template(str(shared))
    assert saved_id in TemplateStore.for_paths(Paths.default()).ids()

    broken = tmp_path / "team.toml"
    broken.write_text('id = "team"\ntitle = "チーム"\nprompt = """\n{missing}\n"""\n', encoding="utf-8")
    assert not dialog.import_template(str(broken))
    assert "team.toml" in previews[-1] and "{missing}" in previews[-1]
    assert "team" not in store.ids()


def test_test_run_streams_into_the_preview(qtbot, dialogs, tiny_model):
    engine = EngineClient()
    try:
        engine.start()
        with qtbot.waitSignal(engine.loaded, timeout=60000):
            engine.load(str(tiny_model), n_ctx=2048, n_threads=1)
        fix_seed(engine)  # with a random seed the random model now and then ends at once
        dialog = _editor(qtbot, _store(), engine, start_id="thanks-email")
        before = dialog.preview.toPlainText()
        assert dialog.test_run()
        qtbot.waitUntil(lambda: not dialog.runner.running, timeout=60000)
        dialog.preview.flush()
        assert dialog.preview.toPlainText() and dialog.preview.toPlainText() != before
        assert dialog.test_button.isEnabled()
    finally:
        engine.shutdown()
