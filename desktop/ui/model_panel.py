"""The model page: the model files found on this PC, their facts, and loading one.

Discovery runs off the UI thread (``ModelDiscovery``); loading goes through
the engine's signals with a progress bar. Before loading a model that will
probably not fit in memory, the user is warned and asked. When no file is
found at all, the welcome page takes this page's place.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import language_choice
from desktop.ui import model_facts as mf
from desktop.ui.context import AppContext
from desktop.ui.model_discovery import ModelDiscovery
from desktop.ui.model_loading import ModelLoading
from desktop.ui.welcome import WelcomePage
from desktop.ui.widgets import NoticeBar, column_splitter

log = logging.getLogger(__name__)

CONTEXT_CHOICES = (0, 2048, 4096, 8192, 16384, 32768)
ENTRY_ROLE = Qt.ItemDataRole.UserRole


class ModelPanel(ModelLoading, QWidget):
    """Lists models, shows the chosen one's facts, loads and unloads it.

    Signals: ``discovery_finished(list)`` after every look for models (the
    entries found); ``last_model_available(str)`` once, when the model used
    last time is found and nothing is loaded yet; ``model_loaded(dict)`` and
    ``model_unloaded()`` after the engine confirms.
    """

    discovery_finished = Signal(list)
    last_model_available = Signal(str)
    model_loaded = Signal(dict)
    model_unloaded = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPanel")
        self.context = context
        self.engine = context.engine
        self.entries: list[Any] = []
        self._load_request = ""
        self._unload_request = ""
        self._offered_last_model = False
        self.discovery = ModelDiscovery(context.settings, self)
        self._build()
        self._connect()
        self._show_loaded_model()
        self._update_buttons()

    # ------------------------------------------------------------------ view
    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        self.welcome = WelcomePage(self.context.paths.user_models, mf.searched_folders(self.context.settings), self)
        self.main_page = QWidget(self)
        self.stack.addWidget(self.main_page)
        self.stack.addWidget(self.welcome)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        title = QLabel(self.tr("Models"), self.main_page)
        title.setObjectName("paneTitle")
        self.busy = QProgressBar(self.main_page)
        self.busy.setObjectName("busyBar")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(100)
        self.busy_label = QLabel(self.tr("Looking for model files…"), self.main_page)
        self.busy_label.setObjectName("paneStatus")
        self.refresh_button = QPushButton(self.tr("Look again"), self.main_page)
        self.refresh_button.setToolTip(self.tr("Search the model folders again"))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.busy_label)
        header.addWidget(self.busy)
        header.addWidget(self.refresh_button)

        self.loaded_notice = NoticeBar(self.main_page, closable=False)
        self.template_notice = NoticeBar(self.main_page)
        self.error_notice = NoticeBar(self.main_page)

        self.model_list = QListWidget(self.main_page)
        self.model_list.setObjectName("modelList")
        self.model_list.setMinimumWidth(220)
        self.details = self._build_details()
        splitter = column_splitter(self.main_page, self.model_list, self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self.main_page)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.loaded_notice)
        layout.addWidget(self.template_notice)
        layout.addWidget(self.error_notice)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._build_load_row())

    def _build_details(self) -> QFrame:
        card = QFrame(self.main_page)
        card.setObjectName("card")
        self.detail_name = QLabel(self.tr("Choose a model on the left"), card)
        self.detail_name.setObjectName("detailTitle")
        self.detail_name.setWordWrap(True)
        self.fact_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        self.fact_form = form
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(6)
        rows = (
            ("architecture", self.tr("Architecture")),
            ("parameters", self.tr("Parameters")),
            ("quantization", self.tr("Quantization")),
            ("context", self.tr("Trained context")),
            ("template", self.tr("Chat template")),
            ("size", self.tr("File size")),
            ("ram", self.tr("Memory needed")),
            ("license", self.tr("License")),
            ("path", self.tr("File")),
        )
        for key, label in rows:
            value = QLabel(card)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"fact_{key}")
            self.fact_labels[key] = value
            form.addRow(label, value)
        self.detail_problem = QLabel(card)
        self.detail_problem.setObjectName("problemText")
        self.detail_problem.setWordWrap(True)
        self.detail_problem.hide()
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(self.detail_name)
        layout.addWidget(self.detail_problem)
        layout.addLayout(form)
        layout.addStretch(1)
        return card

    def _build_load_row(self) -> QWidget:
        row = QFrame(self.main_page)
        row.setObjectName("loadRow")
        self.context_combo = QComboBox(row)
        for size in CONTEXT_CHOICES:
            self.context_combo.addItem(self.tr("Automatic") if size == 0 else f"{size:,}", size)
        self._select_context(int(self.context.settings.get("context_size")))
        self.threads_spin = QSpinBox(row)
        self.threads_spin.setRange(0, max(os.cpu_count() or 1, int(self.context.settings.get("threads"))))
        self.threads_spin.setSpecialValueText(self.tr("Automatic"))
        self.threads_spin.setValue(int(self.context.settings.get("threads")))
        self.threads_spin.setMinimumWidth(self.threads_spin.fontMetrics().horizontalAdvance("0000") * 2)
        self.context_combo.setMinimumWidth(self.context_combo.fontMetrics().horizontalAdvance("00,000") * 2)
        self.load_button = QPushButton(self.tr("Load"), row)
        self.load_button.setObjectName("primaryButton")
        self.unload_button = QPushButton(self.tr("Unload"), row)
        self.progress = QProgressBar(row)
        self.progress.setObjectName("loadProgress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel(row)
        self.progress_label.setObjectName("paneStatus")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(QLabel(self.tr("Context size"), row))
        layout.addWidget(self.context_combo)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Threads"), row))
        layout.addWidget(self.threads_spin)
        layout.addSpacing(12)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.progress_label, 1)
        layout.addWidget(self.load_button)
        layout.addWidget(self.unload_button)
        return row

    def _select_context(self, size: int) -> None:
        index = self.context_combo.findData(size)
        if index < 0:
            self.context_combo.addItem(f"{size:,}", size)
            index = self.context_combo.count() - 1
        self.context_combo.setCurrentIndex(index)

    def _connect(self) -> None:
        self.discovery.started.connect(self._on_discovery_started)
        self.discovery.finished.connect(self._on_discovery_finished)
        self.discovery.failed.connect(self._on_discovery_failed)
        self.refresh_button.clicked.connect(self.refresh)
        self.welcome.refresh_requested.connect(self.refresh)
        self.model_list.currentRowChanged.connect(self._show_details)
        self.model_list.itemDoubleClicked.connect(lambda _item: self.load_selected())
        self.context_combo.currentIndexChanged.connect(lambda _index: self._show_details(self.model_list.currentRow()))
        self.load_button.clicked.connect(self.load_selected)
        self.unload_button.clicked.connect(self.unload)
        self.engine.progress.connect(self._on_progress)
        self.engine.loaded.connect(self._on_loaded)
        self.engine.done.connect(self._on_done)
        self.engine.error.connect(self._on_error)
        self.engine.state_changed.connect(self._on_state_changed)

    # ------------------------------------------------------------- discovery
    @Slot()
    def refresh(self) -> None:
        """Look for model files again (off the UI thread)."""
        self.welcome.set_folders(mf.searched_folders(self.context.settings))
        self.discovery.start()

    def stop_discovery(self) -> None:
        """Drop the look for models under way (the window is closing); ``refresh`` starts a new one."""
        if self.discovery.running:
            self.discovery.cancel()
            self._discovery_ended()

    @Slot()
    def _on_discovery_started(self) -> None:
        self.busy.show()
        self.busy_label.show()
        self.refresh_button.setEnabled(False)
        self.welcome.refresh_button.setEnabled(False)

    def _discovery_ended(self) -> None:
        self.busy.hide()
        self.busy_label.hide()
        self.refresh_button.setEnabled(True)
        self.welcome.refresh_button.setEnabled(True)

    @Slot(list)
    def _on_discovery_finished(self, entries: list) -> None:
        self._discovery_ended()
        previous = self.selected_entry()
        self.entries = sorted(entries, key=lambda e: (bool(getattr(e, "problem", None)), str(e.name).lower()))
        self._fill_list()
        self.stack.setCurrentWidget(self.welcome if not self.entries else self.main_page)
        self._reselect(previous)
        self._update_buttons()
        self.discovery_finished.emit(self.entries)
        self._offer_last_model()

    @Slot(str)
    def _on_discovery_failed(self, message: str) -> None:
        self._discovery_ended()
        self.error_notice.show_notice(self.tr("Could not look for models: {message}").format(message=message), "error")

    def _fill_list(self) -> None:
        """(Re)write the list rows, keeping the selection."""
        row = self.model_list.currentRow()
        self.model_list.blockSignals(True)
        self.model_list.clear()
        names = Counter(str(entry.name).casefold() for entry in self.entries)
        for entry in self.entries:
            item = QListWidgetItem(self._list_text(entry, with_folder=names[str(entry.name).casefold()] > 1))
            item.setData(ENTRY_ROLE, str(entry.path))
            item.setToolTip(str(entry.path))
            if getattr(entry, "problem", None):
                item.setForeground(QColor("#a1262c"))
            self.model_list.addItem(item)
        self.model_list.setCurrentRow(row)
        self.model_list.blockSignals(False)

    def _is_loaded(self, entry: Any) -> bool:
        facts = self.engine.model_facts or {}
        loaded_path = facts.get("path")
        if not loaded_path:
            return False
        return os.path.normcase(os.path.abspath(str(loaded_path))) == os.path.normcase(os.path.abspath(str(entry.path)))

    def _reselect(self, previous: Any) -> None:
        """Select, in this order: what was selected, the loaded model, else the default the command
        line also uses (``desktop.library.default_choice``: last loaded, else the catalog's recommendation)."""
        facts = self.engine.model_facts or {}
        for wanted in (previous.path if previous is not None else None, facts.get("path")):
            entry = self.entry_for_path(wanted)
            if entry is not None:
                self.model_list.setCurrentRow(self.entries.index(entry))
                return
        default = self._default_entry()
        if default is not None:
            self.model_list.setCurrentRow(self.entries.index(default))
        elif self.entries:
            self.model_list.setCurrentRow(0)

    def _default_entry(self) -> Any:
        from desktop.library.catalog import Catalog, CatalogError, load_catalog
        from desktop.library.default_choice import choose_default

        try:
            catalog = load_catalog()
        except CatalogError:
            catalog = Catalog([], None)
        return choose_default(self.entries, str(self.context.settings.get("last_model") or ""), catalog)

    def _offer_last_model(self) -> None:
        if self._offered_last_model or self.engine.model_facts is not None:
            return
        entry = self.entry_for_path(self.context.settings.get("last_model"))
        if entry is not None and not getattr(entry, "problem", None):
            self._offered_last_model = True
            self.last_model_available.emit(str(entry.name))

    def _list_text(self, entry: Any, *, with_folder: bool = False) -> str:
        """Name (with its folder when another file has the same name), then size facts and marks."""
        name = (self.tr("{name} ({folder})").format(name=entry.name, folder=Path(entry.path).parent) if with_folder
                else str(entry.name))
        if getattr(entry, "problem", None):
            unreadable = self.tr("Cannot be read")
            return f"{name}\n{unreadable}"
        facts = entry.facts or {}
        parts = [mf.format_parameters(mf.fact(facts, "parameters", "n_params", "parameter_count")),
                 mf.fact(facts, "quantization", "file_type", "quant"),
                 mf.format_size(mf.fact(facts, "size_bytes", "file_size", "size"))]
        if facts and not mf.fact(facts, "has_chat_template", "chat_template"):
            parts.append("⚠ " + self.tr("no chat template"))
        if self._is_loaded(entry):
            parts.append(self.tr("loaded"))
        return f"{name}\n" + " · ".join(str(p) for p in parts if p)

    # --------------------------------------------------------------- details
    def selected_entry(self) -> Any:
        row = self.model_list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def entry_for_path(self, path: str | os.PathLike[str] | None) -> Any:
        if not path:
            return None
        wanted = os.path.normcase(os.path.abspath(os.fspath(path)))
        for entry in self.entries:
            if os.path.normcase(os.path.abspath(os.fspath(entry.path))) == wanted:
                return entry
        return None

    def chosen_context(self) -> int:
        return int(self.context_combo.currentData() or 0)

    @Slot(int)
    def _show_details(self, row: int) -> None:
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        for key, label in self.fact_labels.items():
            label.clear()
            self.fact_form.setRowVisible(label, True)
        self.detail_problem.hide()
        if entry is None:
            self.detail_name.setText(self.tr("Choose a model on the left"))
            self._update_buttons()
            return
        self.detail_name.setText(str(entry.name))
        self.fact_labels["path"].setText(str(entry.path))
        problem = getattr(entry, "problem", None)
        if problem:
            self.detail_problem.setText(self.tr("Cannot be read: {reason}").format(reason=problem))
            self.detail_problem.show()
            for key, label in self.fact_labels.items():
                self.fact_form.setRowVisible(label, key == "path")
            self._update_buttons()
            return
        facts = entry.facts or {}
        self.fact_labels["architecture"].setText(str(mf.fact(facts, "architecture", "arch") or "—"))
        self.fact_labels["parameters"].setText(
            mf.format_parameters(mf.fact(facts, "parameters", "n_params", "parameter_count")) or "—")
        self.fact_labels["quantization"].setText(str(mf.fact(facts, "quantization", "file_type", "quant") or "—"))
        trained = mf.fact(facts, "context_length", "n_ctx_train", "trained_context")
        self.fact_labels["context"].setText(f"{int(trained):,}" if isinstance(trained, (int, float)) else "—")
        has_template = mf.fact(facts, "has_chat_template", "chat_template")
        self.fact_labels["template"].setText(
            self.tr("Yes") if has_template else self.tr("No (a default is used; results may be worse)"))
        self.fact_labels["size"].setText(mf.format_size(mf.fact(facts, "size_bytes", "file_size", "size")) or "—")
        fit = mf.ram_fit(entry, self.chosen_context(), self._language(), self._parallel())
        self.fact_labels["ram"].setText(fit.message if fit is not None else "—")
        self.fact_labels["ram"].setProperty("verdict", fit.verdict if fit is not None else "")
        self.fact_labels["ram"].style().unpolish(self.fact_labels["ram"])
        self.fact_labels["ram"].style().polish(self.fact_labels["ram"])
        self.fact_labels["license"].setText(mf.license_text(entry) or self.tr("Not in the catalog"))
        self._update_buttons()

    def update_memory_estimate(self) -> None:
        """Redo the chosen model's details, RAM estimate included, after a setting it depends on changed."""
        self._show_details(self.model_list.currentRow())

    def _language(self) -> str:
        return language_choice(self.context.settings.get("language"))

    def _parallel(self) -> int:
        return int(self.context.settings.get("parallel"))
