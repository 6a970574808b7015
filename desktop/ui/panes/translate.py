"""The translate pane: a document in, its translation beside it segment by segment, a document out.

``TranslateController`` (``translate_controller.py``) holds the state and
talks to the engine; it is tested without clicking. ``TranslatePane`` is the view:
language choices, the source | translation table (one row per segment, the
translation editable; filled and streamed into by ``translate_table.TranslationTable``),
re-translation of one segment, and export in the
source's own format, as a bilingual table, or as plain text.

The pane also works with the window's helpers: ``reopen_run`` puts a past run
from the history back (document, languages, translations by segment);
``autosave_state``/``restore_autosave_state`` keep the document or pasted
text, the languages and every translation across a crash;
``has_unsaved_output`` says whether the translations changed since they were
last exported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QProgressBar, QPushButton, QStackedWidget, QTableWidget,
    QVBoxLayout, QWidget,
)

from desktop.languages import AUTO, LANGUAGES
from desktop.messages import language_choice
from desktop.ui.context import AppContext
from desktop.ui.file_drops import DOCUMENT_SUFFIXES
from desktop.ui.panes.translate_controller import TranslateController
from desktop.ui.panes.result_versions import VersionNavigator
from desktop.ui.panes.translate_edits import TranslationEdits
from desktop.ui.panes.translate_state import TranslationKeeping
from desktop.ui.panes.translate_table import TranslationTable
from desktop.ui.widgets import FileDropArea, NoticeBar, RowFitter, menu_button, pane_header, run_and_stop_shortcuts
from desktop.ui.file_dialogs import open_file_name

class TranslatePane(TranslationTable, TranslationEdits, TranslationKeeping, QWidget):
    """Languages, 翻訳 (Ctrl+Enter), 停止 (Esc), source | translation side by side, export."""

    models_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("translatePane")
        self.context = context
        self.controller = TranslateController(context, self)
        self._start_table()
        self._saved_translations: dict[int, str] = {}   # as last exported or reopened
        self._build()
        self._connect()
        self._keep_edits()
        self._set_ready(self.controller.model_loaded)
        self._set_running(False)

    # ------------------------------------------------------------ view
    def _build(self) -> None:
        heading, subtitle = pane_header(
            self, self.tr("Translate"),
            self.tr("Translate documents on this PC, keeping their layout and the office glossary. "
                    "A person checks every translation before it is used."),
        )
        self.notice = NoticeBar(self, closable=True)

        self.open_button = QPushButton(self.tr("Open…"), self)
        self.open_button.setToolTip(self.tr("Open a .docx, .txt, .md or .pdf file (Ctrl+O)"))
        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("sourceLanguage")
        self.source_combo.addItem(self.tr("Detect"), AUTO)
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("targetLanguage")
        ui_lang = language_choice(self.context.settings.get("language"))
        for language in LANGUAGES:
            self.source_combo.addItem(language.name(ui_lang), language.code)
            self.target_combo.addItem(language.name(ui_lang), language.code)
        self.target_combo.setCurrentIndex(self.target_combo.findData("en"))
        for combo in (self.source_combo, self.target_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)  # narrow windows: the name is cut, never the row
        self.register_combo = QComboBox(self)
        self.register_combo.addItem(self.tr("です・ます (polite)"), "desu_masu")
        self.register_combo.addItem(self.tr("である (plain)"), "de_aru")
        self.register_combo.setToolTip(self.tr("Style of Japanese translations"))
        self.glossary_button = QPushButton(self.tr("Glossary…"), self)
        self.glossary_button.setToolTip(self.tr("Terms that must always be translated the same way"))
        arrow = QLabel("→", self)

        self.run_button = QPushButton(self.tr("Translate"), self)
        self.run_button.setObjectName("primaryButton")
        self.run_button.setToolTip(self.tr("Translate (Ctrl+Enter)"))
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setToolTip(self.tr("Stop (Esc); the segments already translated are kept"))
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("translateProgress")
        self.progress_bar.setFixedWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progressCount")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("paneStatus")
        self.status_label.setWordWrap(True)

        languages = QHBoxLayout()
        languages.addWidget(self.open_button)
        languages.addSpacing(12)
        languages.addWidget(QLabel(self.tr("From"), self))
        languages.addWidget(self.source_combo)
        languages.addWidget(arrow)
        languages.addWidget(QLabel(self.tr("To"), self))
        languages.addWidget(self.target_combo)
        languages.addWidget(self.register_combo)
        languages.addSpacing(12)
        languages.addWidget(self.glossary_button)
        languages.addStretch(1)

        actions = QHBoxLayout()
        actions.addWidget(self.run_button)
        actions.addWidget(self.stop_button)
        actions.addSpacing(8)
        actions.addWidget(self.progress_bar)
        actions.addWidget(self.progress_label)
        actions.addSpacing(8)
        actions.addWidget(self.status_label, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_input_page())
        self.stack.addWidget(self._build_table_page())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addWidget(self.notice)
        layout.addLayout(languages)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)

        run_and_stop_shortcuts(self, self.translate_all, self.controller.stop)

    def _build_input_page(self) -> QWidget:
        page = QWidget(self)
        self.drop_area = FileDropArea(
            DOCUMENT_SUFFIXES, self.tr("Drop a .docx, .txt, .md or .pdf file here"),
            self.tr("Documents (*.docx *.txt *.md *.pdf)"), page)
        self.drop_area.setProperty("takesFileDrops", True)  # the window leaves its drops to it
        self.paste_edit = QPlainTextEdit(page)
        self.paste_edit.setObjectName("pasteEdit")
        self.paste_edit.setPlaceholderText(self.tr("…or paste the text to translate here"))
        self.use_text_button = QPushButton(self.tr("Use this text"), page)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.use_text_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drop_area, 1)
        layout.addWidget(self.paste_edit, 2)
        layout.addLayout(row)
        return page

    def _build_table_page(self) -> QWidget:
        page = QWidget(self)
        self.document_label = QLabel(page)
        self.document_label.setObjectName("sectionLabel")
        self.table = QTableWidget(0, 2, page)
        self.table.setObjectName("segmentTable")
        self.table.setHorizontalHeaderLabels([self.tr("Source"), self.tr("Translation")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        RowFitter(self.table)  # rows as tall as their text once the columns have their width

        self.retranslate_button = QPushButton(self.tr("Translate this segment again"), page)
        self.retranslate_button.setToolTip(self.tr("Translate only the selected segment again; "
                                                   "its translation now stays an earlier version (◀)"))
        self.version_nav = VersionNavigator(page)  # the selected segment's earlier translations
        self.export_button = menu_button(page, self.tr("Export…"), [
            (self.tr("Same format as the source…"), self._export_same),
            (self.tr("Bilingual table (.docx)…"), self._export_bilingual),
            (self.tr("Plain text (.txt)…"), self._export_text)])
        self.new_button = QPushButton(self.tr("Another document"), page)
        row = QHBoxLayout()
        row.addWidget(self.retranslate_button)
        row.addWidget(self.version_nav)
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.document_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        return page

    def _connect(self) -> None:
        c = self.controller
        self.open_button.clicked.connect(self._open_clicked)
        self.drop_area.files_dropped.connect(self._files_dropped)
        self.use_text_button.clicked.connect(self._use_pasted_text)
        self.run_button.clicked.connect(self.translate_all)
        self.stop_button.clicked.connect(c.stop)
        self.retranslate_button.clicked.connect(self.retranslate_selected)
        self.new_button.clicked.connect(self._back_to_input)
        self.glossary_button.clicked.connect(self.edit_glossary)
        self.target_combo.currentIndexChanged.connect(self._update_register)
        self.table.itemChanged.connect(self._item_edited)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.notice.action_clicked.connect(self.models_requested)
        c.document_changed.connect(self._fill_table)
        c.segment_started.connect(self._segment_started)
        c.segment_delta.connect(self._segment_delta)
        c.segment_finished.connect(self._segment_finished)
        c.segment_abandoned.connect(self._segment_abandoned)
        c.progress.connect(self._progress)
        c.message.connect(self.status_label.setText)
        c.problem.connect(self._show_problem)
        c.running_changed.connect(self._set_running)
        c.ready_changed.connect(self._set_ready)
        self._update_register()

    # ------------------------------------------------------- choices
    def source_language(self) -> str:
        return self.source_combo.currentData()

    def target_language(self) -> str:
        return self.target_combo.currentData()

    def register(self) -> str:
        return self.register_combo.currentData()

    def set_languages(self, source: str, target: str) -> None:
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(source)))
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(target)))

    @Slot()
    def _update_register(self) -> None:
        self.register_combo.setEnabled(self.target_language() == "ja")

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        self.progress_label.setText(self.tr("{done} / {total} segments").format(done=done, total=total))

    # ------------------------------------------------------- actions
    @Slot()
    def edit_glossary(self) -> None:
        from desktop.ui.glossary_editor import GlossaryEditor

        dialog = GlossaryEditor(self.controller.glossary_path, self)
        if dialog.exec():
            self.controller.reload_glossary()
            self.status_label.setText(self.tr("Glossary saved: {count} terms.").format(count=len(self.controller.terms)))

    @Slot()
    def _open_clicked(self) -> None:
        self.open_file()

    @Slot()
    def _export_same(self) -> None:
        self.save_file(mode="same")

    @Slot()
    def _export_bilingual(self) -> None:
        self.save_file(mode="bilingual")

    @Slot()
    def _export_text(self) -> None:
        self.save_file(mode="text")

    @Slot(str)
    def _show_problem(self, text: str) -> None:
        self.notice.show_notice(text, "error")

    @Slot(list)
    def _files_dropped(self, paths: list) -> None:
        if paths:
            self.open_file(paths[0])

    @Slot()
    def _use_pasted_text(self) -> None:
        if self.may_replace_translations():
            self.controller.use_text(self.paste_edit.toPlainText())

    @Slot()
    def _back_to_input(self) -> None:
        if not self.controller.running:
            self.stack.setCurrentIndex(0)

    def open_file(self, path: str | None = None) -> bool:
        """Open a document to translate (asks for a file when ``path`` is None; first about unsaved
        translations, ``may_replace_translations``). Ctrl+O, drops; refused while translating."""
        if self.controller.running:  # the 開く… button is disabled then; Ctrl+O and drops come here
            self.status_label.setText(self.tr("Another document cannot be opened while translating. Stop the translation first, then open it."))
            return False
        if path is None:
            path = open_file_name(self, self.tr("Open"), self.tr("Documents (*.docx *.txt *.md *.pdf)"))
        if not path or not self.may_replace_translations():
            return False
        return self.controller.open_path(Path(path))

    # ------------------------------------------------------- state
    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        if not running:
            self._flush()
            self._clear_current_marks()
        for widget in (self.open_button, self.source_combo, self.target_combo, self.glossary_button,
                       self.new_button, self.export_button):
            widget.setEnabled(not running)
        self.register_combo.setEnabled(not running and self.target_language() == "ja")
        self.stop_button.setEnabled(running)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if running else
                                   QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self._update_buttons()

    @Slot(bool)
    def _set_ready(self, ready: bool) -> None:
        self._update_buttons()
        if ready:
            self.notice.hide()
        else:
            self.notice.show_notice(
                self.tr("No model is loaded yet. Choose one on the Model page to translate."),
                "info", self.tr("Choose a model"))

    @Slot()
    def _update_buttons(self) -> None:
        c = self.controller
        idle = c.model_loaded and not c.running
        self.run_button.setEnabled(idle)
        self.run_button.setToolTip(self.tr("Translate (Ctrl+Enter)") if c.model_loaded
                                   else self.tr("Load a model first"))
        self.retranslate_button.setEnabled(idle and self.selected_index() is not None)
        self._update_segment_versions()
