"""The window's status bar: loaded model, speed of the last run, offline promise, engine state."""

from __future__ import annotations


from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.engine.client import EngineClient
from desktop.ui.widgets import ElidedLabel


class StatusBar(QStatusBar):
    """Shows what the engine reports; it only listens to the engine's signals."""

    def __init__(self, engine: EngineClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setSizeGripEnabled(False)
        self._engine = engine
        self.model_label = ElidedLabel(self)  # a long model name is cut, never widens the window
        self.model_label.setObjectName("statusModel")
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("statusSpeed")
        self.state_label = QLabel(self)
        self.state_label.setObjectName("statusState")
        self.offline_label = QLabel("● " + self.tr("Offline"), self)
        self.offline_label.setObjectName("offlineBadge")
        self.offline_label.setToolTip(
            self.tr("Fumi works offline: nothing you type or open leaves this PC.")
        )
        self.addWidget(self.model_label, 1)
        self.addWidget(self.speed_label)
        self.addPermanentWidget(self.state_label)
        self.addPermanentWidget(self.offline_label)
        engine.loaded.connect(self._on_loaded)
        engine.done.connect(self._on_done)
        engine.state_changed.connect(self._on_state_changed)
        self._show_model()
        self._on_state_changed(engine.state)

    def _show_model(self) -> None:
        facts = self._engine.model_facts
        if facts:
            self.model_label.set_full_text(self.tr("Model: {name}").format(name=facts.get("name") or "?"))
        else:
            self.model_label.set_full_text(self.tr("No model loaded"))

    @Slot(str, dict)
    def _on_loaded(self, _request_id: str, _facts: dict) -> None:
        self._show_model()
        self.speed_label.clear()

    @Slot(str, dict)
    def _on_done(self, _request_id: str, stats: dict) -> None:
        speed = stats.get("tokens_per_s")
        if isinstance(speed, (int, float)) and speed > 0:
            self.speed_label.setText(self.tr("{speed:.1f} tokens/s").format(speed=speed))
        self._show_model()

    @Slot(str)
    def _on_state_changed(self, state: str) -> None:
        names = {
            "stopped": self.tr("Engine stopped"),
            "starting": self.tr("Engine starting…"),
            "idle": self.tr("Ready"),
            "loading": self.tr("Loading model…"),
            "busy": self.tr("Working…"),
        }
        self.state_label.setText(names.get(state, state))
        self.state_label.setProperty("state", state)
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)
        self._show_model()
