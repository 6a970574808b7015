"""The settings dialog, built from the one registry of options (``desktop.settings.OPTIONS``).

Each option gets an editor by its type (folders list, number, check box,
choice); OK saves atomically through ``Settings.save()``. A changed display
language takes effect at the next start, which the dialog says.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import OPTIONS_BY_KEY, Option, Settings
from desktop.ui.file_dialogs import start_folder

log = logging.getLogger(__name__)

#: Which options the dialog shows, grouped; ``last_model`` is remembered, not edited.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("models", ("model_folders", "threads", "context_size", "parallel")),
    ("generation", ("temperature", "max_tokens")),
    ("display", ("language", "font_size")),
    ("documents", ("organisation", "ai_notice")),
    ("records", ("history_enabled", "history_days")),
)


class FolderListEditor(QWidget):
    """A list of folders with Add… and Remove."""

    def __init__(self, folders: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("folderListEditor")
        self.list.addItems(folders)
        self.list.setMinimumHeight(72)
        self.list.setMinimumWidth(self.list.fontMetrics().horizontalAdvance("0" * 24))
        self.list.setMaximumHeight(96)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))
        self.remove_button.setEnabled(False)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def folders(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def add_folder(self, folder: str) -> None:
        if folder and folder not in self.folders():
            self.list.addItem(folder)

    @Slot()
    def _add(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder with model files"), start_folder())
        self.add_folder(folder)

    @Slot()
    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)


class SettingsDialog(QDialog):
    """Edits a copy of the values; ``accept`` writes them to ``settings`` and saves.

    ``settings_saved(list)`` names the keys whose values changed.
    """

    settings_saved = Signal(list)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.editors: dict[str, QWidget] = {}
        content = QWidget(self)
        content.setObjectName("settingsContent")
        content_layout = QGridLayout(content)  # two columns of groups: fits 1280×720 at 150 % without scrolling
        content_layout.setSpacing(12)
        titles = self._group_titles()
        labels: list[QLabel] = []
        rows = (len(GROUPS) + 1) // 2
        for number, (group, keys) in enumerate(GROUPS):
            box = QGroupBox(titles[group], content)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for key in keys:
                option = OPTIONS_BY_KEY[key]
                editor = self._editor_for(option, settings.get(key), box)
                editor.setToolTip(self._tooltip_for(key))
                if isinstance(editor, (QSpinBox, QDoubleSpinBox)):
                    editor.setSuffix(self._suffix_for(key))
                if isinstance(editor, (QSpinBox, QDoubleSpinBox, QComboBox)):
                    editor.setFixedWidth(editor.fontMetrics().horizontalAdvance("0" * 16))
                self.editors[key] = editor
                if isinstance(editor, QCheckBox):
                    form.addRow(editor)
                else:
                    label = QLabel(self._label_for(option), box)
                    label.setToolTip(self._tooltip_for(key))
                    labels.append(label)
                    form.addRow(label, editor)
                if key == "language":
                    note = QLabel(self.tr("A new display language is used after Fumi is restarted."), box)
                    note.setObjectName("hintText")
                    note.setWordWrap(True)
                    form.addRow("", note)
            content_layout.addWidget(box, number % rows, number // rows)
        content_layout.setRowStretch(rows, 1)
        label_width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(label_width)  # one column edge across all groups
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        hint = content.sizeHint()  # the whole content, so that nothing scrolls where the screen allows
        wanted = QSize(hint.width() + 40, hint.height() + buttons.sizeHint().height() + 50)
        if screen is not None:
            wanted = wanted.boundedTo(QSize(screen.width() - 40, screen.height() - 40))
        self.resize(wanted)

    def _group_titles(self) -> dict[str, str]:
        return {
            "models": self.tr("Models"),
            "generation": self.tr("Writing"),
            "display": self.tr("Display"),
            "documents": self.tr("Documents"),
            "records": self.tr("Exports and history"),
        }

    def _label_for(self, option: Option) -> str:
        labels = {
            "model_folders": self.tr("Model folders"),
            "threads": self.tr("CPU threads"),
            "context_size": self.tr("Context size"),
            "parallel": self.tr("Parts written at once"),
            "temperature": self.tr("Temperature"),
            "max_tokens": self.tr("Longest answer"),
            "language": self.tr("Display language"),
            "font_size": self.tr("Font size"),
            "organisation": self.tr("Organisation name"),
            "ai_notice": self.tr("Add a note that AI helped prepare exported documents"),
            "history_enabled": self.tr("Keep a history of runs"),
            "history_days": self.tr("Keep history for"),
        }
        return labels.get(option.key, option.label)

    def _tooltip_for(self, key: str) -> str:
        tips = {
            "threads": self.tr("How many CPU cores the model may use. Automatic suits most PCs."),
            "context_size": self.tr("How much text the model can see at once. Larger needs more memory."),
            "parallel": self.tr("How many parts of a long summary or translation the model writes at the same time. "
                                "Automatic chooses from free memory; 1 writes them one after another."),
            "temperature": self.tr("Lower values give steadier, more predictable wording; higher values more varied."),
            "max_tokens": self.tr("The longest answer the model may write, in tokens (about one Japanese character each)."),
            "model_folders": self.tr("Extra folders to search for model files (.gguf)."),
            "organisation": self.tr("The name every template writes for your organisation, e.g. a city, ward, town or "
                                    "prefecture. Left empty, drafts show a blank to fill in."),
            "ai_notice": self.tr("For documents that your office's guidelines say must state the use of generative AI."),
        }
        return tips.get(key, "")

    def _suffix_for(self, key: str) -> str:
        suffixes = {
            "context_size": self.tr(" tokens"),
            "max_tokens": self.tr(" tokens"),
            "history_days": self.tr(" days"),
            "font_size": self.tr(" pt"),
        }
        return suffixes.get(key, "")

    def _editor_for(self, option: Option, value: Any, parent: QWidget) -> QWidget:
        if option.key == "language":
            combo = QComboBox(parent)
            combo.addItem("日本語", "ja")
            combo.addItem("English", "en")
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if option.type is list:
            return FolderListEditor(list(value), parent)
        if option.type is bool:
            box = QCheckBox(self._label_for(option), parent)
            box.setChecked(bool(value))
            return box
        if option.type is float:
            spin = QDoubleSpinBox(parent)
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            spin.setRange(option.minimum or 0.0, option.maximum if option.maximum is not None else 1e9)
            spin.setValue(float(value))
            return spin
        if option.type is int:
            spin = QSpinBox(parent)
            spin.setRange(int(option.minimum or 0), int(option.maximum if option.maximum is not None else 2**31 - 1))
            if option.minimum == 0:
                spin.setSpecialValueText(self.tr("Automatic"))
            spin.setValue(int(value))
            return spin
        if option.type is str and not option.choices:
            line = QLineEdit(str(value), parent)
            line.setPlaceholderText(self.tr("e.g. XX City, XX Ward, XX Town, Tokyo"))
            return line
        if option.choices:
            combo = QComboBox(parent)
            for choice in option.choices:
                combo.addItem(str(choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        return QLabel(str(value), parent)

    def values(self) -> dict[str, Any]:
        """The values as edited (not yet saved)."""
        result: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, FolderListEditor):
                result[key] = editor.folders()
            elif isinstance(editor, QCheckBox):
                result[key] = editor.isChecked()
            elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
                result[key] = editor.value()
            elif isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                result[key] = editor.text().strip()
        return result

    def apply(self) -> list[str]:
        """Write the edited values into the settings and save them; returns the changed keys."""
        changed = [key for key, value in self.values().items() if self.settings.get(key) != value]
        for key, value in self.values().items():
            self.settings.set(key, value)
        self.settings.save()
        return changed

    def accept(self) -> None:
        try:
            changed = self.apply()
        except OSError as exc:
            log.warning("could not save settings: %s", exc)
            QMessageBox.warning(
                self, self.tr("Settings not saved"),
                self.tr("The settings could not be saved: {error}").format(error=exc),
            )
            return
        super().accept()
        self.settings_saved.emit(changed)
