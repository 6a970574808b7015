"""The import preview (issue #19): title, fields and the letterhead's first page, and a yes before a letterhead."""

from __future__ import annotations

from pathlib import Path

from desktop.settings import Paths
from desktop.templates import TemplateStore
from desktop.ui.template_import_dialog import TemplateImportDialog
from tests.unit.test_template_sharing import make_letterhead, write_template


def _dialog(qtbot, store: TemplateStore, path: Path) -> TemplateImportDialog:
    dialog = TemplateImportDialog(store, path, "ja")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def test_preview_shows_the_letterhead_and_needs_a_yes(qtbot, japanese, tmp_path):
    make_letterhead(tmp_path / "shared" / "lh.docx", body="〇〇市総務部総務課")
    store = TemplateStore.for_paths(Paths.default().ensure())
    dialog = _dialog(qtbot, store, write_template(tmp_path / "shared", "lh.docx"))
    assert "週報（weekly）" == dialog.title_label.text()
    assert [dialog.fields_list.item(i).text() for i in range(dialog.fields_list.count())] == ["メモ（notes）（必須）"]
    assert "〇〇市総務部総務課" in dialog.letterhead_text.toPlainText() and dialog.letterhead_text.isVisible()
    assert not dialog.import_button.isEnabled()
    dialog.install()
    assert dialog.saved is None and "weekly" not in store.ids()

    shot = tmp_path / "import_preview.png"
    dialog.resize(1280 // 2, 720 * 2 // 3)
    dialog.grab().save(str(shot))

    dialog.consent_box.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.install()
    assert dialog.saved is not None and dialog.saved.letterhead_body and "weekly" in store.ids()


def test_preview_without_letterhead_says_none_and_a_bad_file_names_the_line(qtbot, japanese, tmp_path):
    store = TemplateStore.for_paths(Paths.default().ensure())
    plain = write_template(tmp_path / "plain", "")
    plain.write_text(plain.read_text(encoding="utf-8").replace('letterhead = ""\n', ""), encoding="utf-8")
    dialog = _dialog(qtbot, store, plain)
    assert dialog.letterhead_label.text() == "なし" and not dialog.consent_box.isVisible()
    assert dialog.import_button.isEnabled()

    bad = _dialog(qtbot, store, write_template(tmp_path / "bad", "C:\\secret.docx"))
    assert "3 行目" in bad.status_label.text() and not bad.import_button.isEnabled()
