"""Loading a model from the model page: asking first when it will probably not fit, then following the engine.

``ModelLoading`` is a part of ``ModelPanel`` (a mixin: its ``tr()`` texts belong
to the panel's translation context, "ModelPanel"). Loading goes through the
engine's signals (``progress`` codes shown with ``progress_text``, ``loaded``,
``error``); the context size is the one chosen on the page, 0 meaning that the
engine decides (``desktop.library.choose_context``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMessageBox

from desktop.engine.client import EngineClient
from desktop.messages import progress_text
from desktop.ui import model_facts as mf

log = logging.getLogger(__name__)


class ModelLoading:
    """Loading, unloading and showing the loaded model for ``ModelPanel`` (see the module docstring)."""

    engine: EngineClient   # set by ModelPanel

    @Slot()
    def load_selected(self) -> str:
        """Load the chosen model (asking first if it will probably not fit); returns the request id or ""."""
        entry = self.selected_entry()
        if entry is None or getattr(entry, "problem", None) or self._load_request:
            return ""
        n_ctx = self.chosen_context()
        fit = mf.ram_fit(entry, n_ctx, self._language(), self._parallel())
        if fit is not None and not fit.fits and not self.confirm_too_large(entry, fit):
            return ""
        return self.load(entry, n_ctx=n_ctx, n_threads=self.threads_spin.value())

    def load(self, entry: Any, *, n_ctx: int = 0, n_threads: int = 0) -> str:
        """Ask the engine to load ``entry``; progress and the result arrive by signal."""
        self.error_notice.hide()
        self.template_notice.hide()
        self._load_request = self.engine.load(
            str(entry.path), n_ctx=n_ctx or None, n_threads=n_threads or None
        )
        settings = self.context.settings
        settings.set("last_model", str(entry.path))
        settings.set("context_size", n_ctx)
        settings.set("threads", n_threads)
        try:
            settings.save()
        except OSError as exc:
            log.warning("could not save settings: %s", exc)
        self.progress.setValue(0)
        self.progress.show()
        self.progress_label.setText(self.tr("Loading {name}…").format(name=entry.name))
        self._update_buttons()
        return self._load_request

    @Slot()
    def load_last_model(self) -> str:
        """Load the model used last time, if it is still there."""
        entry = self.entry_for_path(self.context.settings.get("last_model"))
        if entry is None:
            return ""
        self.model_list.setCurrentRow(self.entries.index(entry))
        return self.load_selected()

    def confirm_too_large(self, entry: Any, fit: mf.Fit) -> bool:
        """Ask whether to load a model that will probably not fit in memory."""
        answer = QMessageBox.warning(
            self,
            self.tr("Model may be too large"),
            fit.message + "\n\n" + self.tr(
                "Loading {name} may make this PC very slow, or fail. Load it anyway?"
            ).format(name=entry.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def unload(self) -> str:
        """Free the loaded model."""
        if self.engine.model_facts is None or self._unload_request:
            return ""
        self._unload_request = self.engine.unload()
        self._update_buttons()
        return self._unload_request

    @Slot(str, int, int, str)
    def _on_progress(self, request_id: str, done: int, total: int, label: str) -> None:
        if request_id != self._load_request or not request_id:
            return
        if total > 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(100 * done / total))
        if label:
            self.progress_label.setText(progress_text(label))

    @Slot(str, dict)
    def _on_loaded(self, request_id: str, facts: dict) -> None:
        if request_id == self._load_request:
            self._load_request = ""
            self.progress.setValue(100)
            self.progress.hide()
            self.progress_label.clear()
        self._show_loaded_model()
        self._update_buttons()
        self.model_loaded.emit(facts)

    @Slot(str, dict)
    def _on_done(self, request_id: str, _stats: dict) -> None:
        if request_id and request_id == self._unload_request:
            self._unload_request = ""
            self._show_loaded_model()
            self._update_buttons()
            self.model_unloaded.emit()

    @Slot(str, str, str)
    def _on_error(self, request_id: str, code: str, message: str) -> None:
        if not request_id or request_id not in (self._load_request, self._unload_request):
            return
        if request_id == self._load_request:
            self._load_request = ""
            self.progress.hide()
            self.progress_label.clear()
        else:
            self._unload_request = ""
        self.error_notice.show_notice(message or code, "error")
        self._show_loaded_model()
        self._update_buttons()

    @Slot(str)
    def _on_state_changed(self, _state: str) -> None:
        self._show_loaded_model()
        self._update_buttons()

    def _show_loaded_model(self) -> None:
        if self.entries:
            self._fill_list()
        facts = self.engine.model_facts
        if not facts:
            self.loaded_notice.show_notice(self.tr("No model is loaded."), "info")
            self.template_notice.hide()
            return
        n_ctx = facts.get("n_ctx")
        text = self.tr("Loaded: {name}").format(name=facts.get("name") or Path(str(facts.get("path", ""))).name)
        if n_ctx:
            text += "  " + self.tr("(context {n_ctx:,} tokens)").format(n_ctx=int(n_ctx))
        self.loaded_notice.show_notice(text, "success")
        warning = facts.get("chat_template_warning")
        if warning:
            self.template_notice.show_notice(str(warning), "warning")
        else:
            self.template_notice.hide()

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        state = self.engine.state
        engine_free = state not in ("loading", "busy") and not self._load_request and not self._unload_request
        self.load_button.setEnabled(entry is not None and not getattr(entry, "problem", None) and engine_free)
        self.unload_button.setEnabled(self.engine.model_facts is not None and engine_free)
