"""Where model files go, for a place that has none to show: the folders searched and a way into them.

Shared by the モデル page's first-start card (``WelcomePage``) and the 比較
pane's empty model list, so both name the same folders (``searched_folders``:
the settings' folders, the app's ``models`` folder, the user's own models
folder, ``FUMI_MODELS``) and open the same one (the user's, created if missing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class ModelFoldersHint(QWidget):
    """``lead`` (what to do), the folders searched (the user's models folder first), 「モデルフォルダーを開く」
    and 「再検索」 (``refresh_requested``; the owner enables ``refresh_button`` while it is not looking)."""

    refresh_requested = Signal()

    def __init__(self, user_models: Path, folders: list[Path], lead: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelFoldersHint")
        self.user_models = user_models
        self.lead = QLabel(lead, self)
        self.lead.setWordWrap(True)
        folders_title = QLabel(self.tr("Folders searched for models:"), self)
        folders_title.setObjectName("sectionLabel")
        self.folder_list = QLabel(self)
        self.folder_list.setObjectName("folderList")
        self.folder_list.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_list.setWordWrap(True)
        self.set_folders(folders)

        self.open_button = QPushButton(self.tr("Open the models folder"), self)
        self.open_button.setObjectName("primaryButton")
        self.open_button.setToolTip(str(user_models))
        self.open_button.clicked.connect(self.open_user_models)
        self.refresh_button = QPushButton(self.tr("Look again"), self)
        self.refresh_button.clicked.connect(self.refresh_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.lead)
        layout.addWidget(folders_title)
        layout.addWidget(self.folder_list)
        layout.addSpacing(6)
        layout.addLayout(buttons)

    def set_folders(self, folders: list[Path]) -> None:
        """Show the folders that are searched (the user's own models folder first, each once)."""
        shown: list[str] = []
        for folder in [self.user_models, *folders]:
            text = str(folder)
            if text not in shown:
                shown.append(text)
        self.folder_list.setText("\n".join(self.tr("• {folder}").format(folder=text) for text in shown))

    @Slot()
    def open_user_models(self) -> bool:
        """Open the user's models folder in the system file manager (creating it first); False if it could not."""
        try:
            self.user_models.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.user_models)))
