"""The 比較 pane's model list: the library's usable models, each with a tick box, or where to put them.

``ModelChooser`` looks for the models off the UI thread (``ModelDiscovery``)
and, when none is usable, shows in the list's place the folders searched and a
way into them (``ModelFoldersHint``, as the モデル page's first-start card).
A model is named as everywhere in a comparison (the columns, the exports, the
command line): ``model_titles`` over ``model_label`` — the catalogue's name,
else the file name, with the folder added when two listed files share it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from desktop.compare.settings import model_label, model_titles
from desktop.ui.model_discovery import ModelDiscovery
from desktop.ui.model_facts import searched_folders
from desktop.ui.model_folders_hint import ModelFoldersHint


class ModelChoice(QListWidget):
    """Lists ``ModelEntry``s (``show_models``); ``chosen()`` gives the ticked ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(self.tr("Tick 2 to 4 models"))

    def show_models(self, entries: list) -> None:
        """Replace the list with the usable ones of ``entries`` (``desktop.library`` entries), none ticked."""
        self.clear()
        usable = [entry for entry in entries if entry.usable]
        labels = [model_label(entry.path.name, entry.catalog.name if entry.catalog is not None else None)
                  for entry in usable]
        shown = model_titles([(label, str(entry.path)) for label, entry in zip(labels, usable)])
        for entry, label, title in zip(usable, labels, shown):
            item = QListWidgetItem(title, self)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, (str(entry.path), entry.facts, label))
            item.setToolTip(str(entry.path))

    def chosen(self) -> list[tuple[str, str, dict | None]]:
        """(name, path, facts) of every ticked model, in list order; the name is ``model_label``'s."""
        chosen = []
        for row in range(self.count()):
            item = self.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                path, facts, label = item.data(Qt.ItemDataRole.UserRole)
                chosen.append((label, path, facts))
        return chosen


class ModelChooser(QStackedWidget):
    """``list`` (a ``ModelChoice``) once models are found, else ``hint``; ``look()`` looks (again).

    ``listed`` is emitted after every look, the list filled.
    """

    listed = Signal()

    def __init__(self, settings: Any, user_models: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.list = ModelChoice(self)
        self.hint = ModelFoldersHint(user_models, searched_folders(settings), self.tr(
            "No usable model file was found. Your IT department puts approved models (.gguf files) "
            "into one of these folders."), self)
        self.hint.refresh_requested.connect(self.look)
        self.hint.layout().setSpacing(8)  # tighter than the モデル page's card: the list's place is low
        card = QFrame(self)
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(12, 10, 12, 10)
        card_layout.addWidget(self.hint)
        card_layout.addStretch(1)
        self.hint_area = QScrollArea(self)  # a low window scrolls the hint rather than cut its lines
        self.hint_area.setWidget(card)
        self.hint_area.setWidgetResizable(True)
        self.hint_area.setFrameShape(QFrame.Shape.NoFrame)
        self.hint_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addWidget(self.list)
        self.addWidget(self.hint_area)
        self._discovery = ModelDiscovery(settings, self)
        self._discovery.finished.connect(self._on_found)
        self._discovery.failed.connect(lambda _message: self.hint.refresh_button.setEnabled(True))

    @Slot()
    def look(self) -> None:
        """List the library's models (off the UI thread); the list stays as it is until they come."""
        self.hint.refresh_button.setEnabled(False)
        self.hint.set_folders(searched_folders(self.settings))
        self._discovery.start()

    @Slot(list)
    def _on_found(self, entries: list) -> None:
        self.list.show_models(entries)
        self.hint.refresh_button.setEnabled(True)
        self.setCurrentIndex(0 if self.list.count() else 1)
        self.listed.emit()
