"""The 比較 pane's model list: the library's usable models, each with a tick box.

A model is named as everywhere in a comparison (the columns, the exports, the
command line): ``model_titles`` over ``model_label`` — the catalogue's name,
else the file name, with the folder added when two listed files share it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop.compare.settings import model_label, model_titles


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
