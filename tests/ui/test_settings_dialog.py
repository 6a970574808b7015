"""The settings dialog: built from the options registry, saves atomically, reloads what it saved."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox

from desktop.settings import Paths, Settings
from desktop.ui.settings_dialog import FolderListEditor, SettingsDialog


def _dialog(qtbot, settings: Settings) -> SettingsDialog:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    return dialog


def test_every_editable_option_has_an_editor_of_its_type(qtbot, japanese):
    dialog = _dialog(qtbot, Settings.load(Paths.default().ensure()))
    assert dialog.windowTitle() == "設定"
    assert isinstance(dialog.editors["model_folders"], FolderListEditor)
    assert isinstance(dialog.editors["threads"], QSpinBox)
    assert isinstance(dialog.editors["temperature"], QDoubleSpinBox)
    assert isinstance(dialog.editors["ai_notice"], QCheckBox)
    assert isinstance(dialog.editors["language"], QComboBox)
    assert [dialog.editors["language"].itemText(i) for i in range(2)] == ["日本語", "English"]
    assert dialog.editors["threads"].specialValueText() == "自動"
    assert "last_model" not in dialog.editors


def test_settings_are_saved_and_read_back(qtbot, japanese, tmp_path):
    paths = Paths.default().ensure()
    dialog = _dialog(qtbot, Settings.load(paths))
    dialog.editors["model_folders"].add_folder(str(tmp_path))
    dialog.editors["threads"].setValue(3)
    dialog.editors["context_size"].setValue(4096)
    dialog.editors["temperature"].setValue(0.3)
    dialog.editors["max_tokens"].setValue(200)
    dialog.editors["language"].setCurrentIndex(dialog.editors["language"].findData("en"))
    dialog.editors["font_size"].setValue(14)
    dialog.editors["ai_notice"].setChecked(False)
    dialog.editors["history_enabled"].setChecked(False)
    dialog.editors["history_days"].setValue(7)
    with qtbot.waitSignal(dialog.settings_saved) as saved:
        dialog.accept()
    assert {"threads", "language", "font_size", "model_folders"} <= set(saved.args[0])

    stored = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert stored["model_folders"] == [str(tmp_path)]
    reloaded = Settings.load(paths)
    expected = {
        "threads": 3, "context_size": 4096, "temperature": 0.3, "max_tokens": 200, "language": "en",
        "font_size": 14, "ai_notice": False, "history_enabled": False, "history_days": 7,
    }
    assert {key: reloaded.get(key) for key in expected} == expected

    again = _dialog(qtbot, reloaded)
    assert again.editors["model_folders"].folders() == [str(tmp_path)]
    assert again.editors["language"].currentData() == "en"
    assert again.editors["temperature"].value() == 0.3


def test_cancel_changes_nothing(qtbot):
    paths = Paths.default().ensure()
    dialog = _dialog(qtbot, Settings.load(paths))
    dialog.editors["font_size"].setValue(20)
    dialog.reject()
    assert not paths.settings_file.exists()
    assert Settings.load(paths).get("font_size") == 11
