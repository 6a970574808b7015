"""The first-start page, shown while no model file is found: where to put one, and a way there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.ui.model_folders_hint import ModelFoldersHint


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
        self.hint = ModelFoldersHint(user_models, folders, self.tr(
            "No model file was found yet. Put a model file (a file ending in .gguf, provided by your IT "
            "department) into one of the folders below, then press “Look again”."), card)
        self.hint.refresh_requested.connect(self.refresh_requested)
        self.folder_list = self.hint.folder_list
        self.open_button = self.hint.open_button
        self.refresh_button = self.hint.refresh_button

        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(32, 28, 32, 28)
        card_layout.setSpacing(14)
        card_layout.addWidget(title)
        card_layout.addWidget(lead)
        card_layout.addWidget(self.hint)

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
        self.hint.set_folders(folders)

    @Slot()
    def open_user_models(self) -> bool:
        """Open the user's models folder in the system file manager (creating it first)."""
        return self.hint.open_user_models()
