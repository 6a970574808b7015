"""The first-start page, shown while no model file is found: where to put one, and a way there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Explains in plain words how to add a model; ``refresh_requested`` when the user has done it."""

    refresh_requested = Signal()

    def __init__(self, user_models: Path, folders: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.user_models = user_models

        card = QFrame(self)
        card.setObjectName("card")
        title = QLabel(self.tr("Welcome to Fumi"), card)
        title.setObjectName("welcomeTitle")
        lead = QLabel(
            self.tr(
                "Fumi writes drafts, summaries and translations with a language model that runs on this PC. "
                "Nothing you type leaves this computer."
            ),
            card,
        )
        lead.setWordWrap(True)
        lead.setObjectName("welcomeLead")
        step = QLabel(
            self.tr(
                "No model file was found yet. Put a model file (a file ending in .gguf, provided by your IT "
                "department) into one of the folders below, then press “Look again”."
            ),
            card,
        )
        step.setWordWrap(True)
        folders_title = QLabel(self.tr("Folders searched for models:"), card)
        folders_title.setObjectName("sectionLabel")
        self.folder_list = QLabel(card)
        self.folder_list.setObjectName("folderList")
        self.folder_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_list.setWordWrap(True)
        self.set_folders(folders)

        self.open_button = QPushButton(self.tr("Open the models folder"), card)
        self.open_button.setObjectName("primaryButton")
        self.open_button.clicked.connect(self.open_user_models)
        self.refresh_button = QPushButton(self.tr("Look again"), card)
        self.refresh_button.clicked.connect(self.refresh_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)

        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(32, 28, 32, 28)
        card_layout.setSpacing(14)
        card_layout.addWidget(title)
        card_layout.addWidget(lead)
        card_layout.addWidget(step)
        card_layout.addWidget(folders_title)
        card_layout.addWidget(self.folder_list)
        card_layout.addSpacing(6)
        card_layout.addLayout(buttons)

        card.setFixedWidth(max(560, 42 * card.fontMetrics().averageCharWidth() * 2))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def set_folders(self, folders: list[Path]) -> None:
        """Show the folders that are searched (the user's own models folder first)."""
        shown: list[str] = []
        for folder in [self.user_models, *folders]:
            text = str(folder)
            if text not in shown:
                shown.append(text)
        self.folder_list.setText("\n".join(self.tr("• {folder}").format(folder=text) for text in shown))

    @Slot()
    def open_user_models(self) -> bool:
        """Open the user's models folder in the system file manager (creating it first)."""
        try:
            self.user_models.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.user_models)))
