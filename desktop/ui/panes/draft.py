"""The drafting pane (the view): pick a template, fill in its form, watch the draft being written.

``DraftController`` (``draft_controller``) holds the state (the template list,
the last request, why a run cannot start) and talks to the engine; it is
tested without clicking. ``DraftPane`` is the view: a searchable template list
grouped by kind, the generated form, length and tone controls, and an editable
output that streams in, with 再作成, 続きを書く, コピー and 書き出し.

The pane also works with the window's helpers (``draft_state.DraftKeeping``): ``reopen_run`` puts a past
run from the history back (template, fields, choices, text);
``autosave_state``/``restore_autosave_state`` keep everything typed or
written across a crash; ``has_unsaved_output`` says whether the draft text
changed since it was last exported or copied.
"""

from __future__ import annotations


import logging

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar,
    QPushButton, QScrollArea, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desktop.templates import DEFAULT_LENGTH, LENGTHS, MANNERS, TONES, Template
from desktop.messages import language_choice
from desktop.templates.store import kind_label
from desktop.ui.context import AppContext
from desktop.ui.draft_form import TemplateForm
from desktop.ui.panes.draft_controller import DraftController
from desktop.ui.panes.draft_state import DraftKeeping
from desktop.ui.panes.kept_result import KeptResult
from desktop.ui.panes.result_versions import VersionNavigator
from desktop.ui.panes.text_export import copy_text, export_text
from desktop.ui.widgets import ElidedLabel, NoticeBar, StreamingTextView, column_splitter, pane_header, run_and_stop_shortcuts
from desktop.ui.file_dialogs import open_file_name

log = logging.getLogger(__name__)

TEMPLATE_ROLE = Qt.ItemDataRole.UserRole


class DraftPane(DraftKeeping, QWidget):
    """Templates on the left, the form in the middle, the draft on the right."""

    models_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftPane")
        self.context = context
        self.controller = DraftController(context, self)
        self.form: TemplateForm | None = None
        self._default_fields: dict[str, str] = {}   # the form's values before anything was typed
        self._typed: dict[str, dict[str, str]] = {}  # template id -> the fields typed into it this session
        self._carried: dict[str, str] = {}  # field id -> the text last typed into such a field, any template
        self._saved_output = ""                     # the draft text as last exported, copied or reopened
        self._problem = ""                          # why the last 作成 could not start, while it is shown
        self._build()
        self._connect()
        self._fill_template_list()
        self._set_ready(self.controller.model_loaded)
        self._set_running(False)
        self._select_first_template()

    @property
    def lang(self) -> str:
        return language_choice(self.context.settings.get("language"))

    @property
    def template(self) -> Template | None:
        return self.form.template if self.form else None

    # ------------------------------------------------------------------ view
    def _build(self) -> None:
        heading, subtitle = pane_header(
            self, self.tr("Draft"),
            self.tr("Choose a template, fill in the form and let the model write a first draft. "
                    "A person checks every draft before it is used."),
        )
        self.notice = NoticeBar(self, closable=False)

        # left: the template list
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search templates"))
        self.search.setClearButtonEnabled(True)
        self.template_list = QTreeWidget(self)
        self.template_list.setObjectName("templateList")
        self.template_list.setHeaderHidden(True)
        self.template_list.setRootIsDecorated(False)
        self.template_list.setIndentation(10)
        self.edit_templates_button = QPushButton(self.tr("Edit templates…"), self)
        self.edit_templates_button.setToolTip(self.tr("Make your own templates, or import one a colleague shared"))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.template_list, 1)
        left_layout.addWidget(self.edit_templates_button)

        # middle: the form and the controls
        self.template_title = QLabel(self)
        self.template_title.setObjectName("sectionLabel")
        self.template_description = ElidedLabel(self)
        self.template_description.setObjectName("paneSubtitle")
        self.form_area = QScrollArea(self)
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.length_box = QComboBox(self)
        self.tone_box = QComboBox(self)
        self.manner_box = QComboBox(self)
        for box, choices in ((self.length_box, LENGTHS), (self.tone_box, TONES), (self.manner_box, MANNERS)):
            # as wide as the longest choice where there is room (1280 px: no 「テンプレートどお…」);
            # a narrow window may still cut the choice, never the column
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMinimumWidth(box.fontMetrics().averageCharWidth() * 8 + 32)
            for choice in choices.values():
                box.addItem(choice.label(self.lang), choice.key)
        self.length_box.setCurrentIndex(self.length_box.findData(DEFAULT_LENGTH))
        self.length_box.setToolTip(self.tr("Length of the draft"))
        self.tone_box.setToolTip(self.tr("Style: desu/masu or de aru"))
        self.manner_box.setToolTip(self.tr("Courteous or concise"))
        controls = QGridLayout()  # one choice per row: the column's whole width, never 「テンプレートどお…」
        controls.setHorizontalSpacing(8)
        controls.setVerticalSpacing(4)
        for row, (text, box) in enumerate(((self.tr("Length"), self.length_box), (self.tr("Style"), self.tone_box),
                                           (self.tr("Manner"), self.manner_box))):
            label = QLabel(text, self)
            label.setBuddy(box)
            controls.addWidget(label, row, 0)
            controls.addWidget(box, row, 1)
        controls.setColumnStretch(2, 1)

        self.run_button = QPushButton(self.tr("Write"), self)
        self.run_button.setObjectName("primaryButton")
        self.run_button.setToolTip(self.tr("Write the draft (Ctrl+Enter)"))
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setToolTip(self.tr("Stop (Esc); the text so far is kept"))
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busyBar")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(90)
        actions = QHBoxLayout()
        actions.addWidget(self.run_button)
        actions.addWidget(self.stop_button)
        actions.addWidget(self.busy)
        actions.addStretch(1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("paneStatus")
        self.status_label.setWordWrap(True)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.template_title)
        middle_layout.addWidget(self.template_description)
        middle_layout.addWidget(self.form_area, 1)
        middle_layout.addLayout(controls)
        middle_layout.addLayout(actions)
        middle_layout.addWidget(self.status_label)

        # right: the draft
        output_label = QLabel(self.tr("Draft text"), self)
        output_label.setObjectName("sectionLabel")
        self.output = StreamingTextView(self)
        self.output.setReadOnly(False)
        self.output.setPlaceholderText(self.tr("The draft appears here as it is written. You can edit it."))
        self.regenerate_button = QPushButton(self.tr("Rewrite"), self)
        self.regenerate_button.setToolTip(self.tr("Write the draft again from what the form shows now; "
                                                  "the current draft is kept as an earlier version"))
        self.version_nav = VersionNavigator(self)
        self.result = KeptResult(self.output, self.version_nav, lambda: self.context.history,
                                 lambda: self.controller.running, self)  # earlier drafts, with the user's edits
        self.continue_button = QPushButton(self.tr("Continue"), self)
        self.continue_button.setToolTip(self.tr("Go on writing where the draft stopped (the length limit, or Stop)"))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(self.tr("Save the draft as Word (.docx), text (.txt) or Markdown (.md) (Ctrl+S)"))
        self.ai_notice_box = QCheckBox(self.tr("Add the “prepared with AI” line"), self)
        self.ai_notice_box.setChecked(bool(self.context.settings.get("ai_notice")))
        self.ai_notice_box.setToolTip(self.tr("For documents that your office's guidelines say must state the use of generative AI"))
        output_header = QHBoxLayout()
        output_header.addWidget(output_label)
        output_header.addStretch(1)
        output_header.addWidget(self.version_nav)
        output_header.addWidget(self.regenerate_button)
        output_header.addWidget(self.continue_button)
        output_footer = QHBoxLayout()
        output_footer.addWidget(self.ai_notice_box)
        output_footer.addStretch(1)
        output_buttons = QHBoxLayout()
        output_buttons.addStretch(1)
        output_buttons.addWidget(self.copy_button)
        output_buttons.addWidget(self.export_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(output_header)
        right_layout.addWidget(self.output, 1)
        right_layout.addLayout(output_footer)
        right_layout.addLayout(output_buttons)

        self.splitter = column_splitter(self, left, middle, right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([190, 470, 370])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

        run_and_stop_shortcuts(self, self._run_clicked, self.controller.stop)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._filter_templates)
        self.template_list.currentItemChanged.connect(self._template_chosen)
        self.edit_templates_button.clicked.connect(self.open_template_editor)
        self.run_button.clicked.connect(self._run_clicked)
        self.stop_button.clicked.connect(self.controller.stop)
        self.regenerate_button.clicked.connect(self._regenerate_clicked)
        self.continue_button.clicked.connect(self._continue_clicked)
        self.copy_button.clicked.connect(self.copy_output)
        self.export_button.clicked.connect(self._export_clicked)
        self.output.textChanged.connect(self._update_buttons)
        self.notice.action_clicked.connect(self.models_requested)
        self.controller.delta.connect(self.output.append_delta)
        self.controller.output_cleared.connect(self._new_version)
        self.controller.message.connect(self.status_label.setText)
        self.controller.running_changed.connect(self._set_running)
        self.controller.ready_changed.connect(self._set_ready)
        self.controller.can_continue_changed.connect(self._can_continue_changed)
        self.controller.templates_changed.connect(self._fill_template_list)

    # ------------------------------------------------------- template list
    def _fill_template_list(self) -> None:
        current = self.template.id if self.template else ""
        self.template_list.blockSignals(True)
        self.template_list.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for template in self.controller.store.templates:
            if template.pane != "draft":
                continue
            group = groups.get(template.kind)
            if group is None:
                kind = kind_label(template.kind, self.lang) if template.kind else self.tr("Other")
                group = QTreeWidgetItem(self.template_list, [kind])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[template.kind] = group
            title = template.title_for(self.lang)
            if not template.read_only:
                title = self.tr("{title} (mine)").format(title=title)
            item = QTreeWidgetItem(group, [title])
            item.setData(0, TEMPLATE_ROLE, template.id)
            item.setToolTip(0, template.description_for(self.lang))
        self.template_list.expandAll()
        self.template_list.blockSignals(False)
        self._filter_templates(self.search.text())
        if current:
            self.select_template(current)
        for path, message in self.controller.store.problems:
            log.warning("template not loaded: %s", message)

    def _select_first_template(self) -> None:
        items = self._template_items()
        if items:
            self.template_list.setCurrentItem(items[0])

    def _template_items(self) -> list[QTreeWidgetItem]:
        items = []
        for index in range(self.template_list.topLevelItemCount()):
            group = self.template_list.topLevelItem(index)
            items.extend(group.child(i) for i in range(group.childCount()))
        return items

    def select_template(self, template_id: str) -> bool:
        for item in self._template_items():
            if item.data(0, TEMPLATE_ROLE) == template_id:
                self.template_list.setCurrentItem(item)
                return True
        return False

    @Slot(str)
    def _filter_templates(self, text: str) -> None:
        needle = text.strip().lower()
        for index in range(self.template_list.topLevelItemCount()):
            group = self.template_list.topLevelItem(index)
            visible = 0
            for i in range(group.childCount()):
                item = group.child(i)
                template = self.controller.store.get(item.data(0, TEMPLATE_ROLE))
                haystack = " ".join([template.id, template.kind, kind_label(template.kind, self.lang),
                                     *template.title.values(), *template.description.values()]).lower()
                hidden = bool(needle) and needle not in haystack
                item.setHidden(hidden)
                visible += not hidden
            group.setHidden(visible == 0)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _template_chosen(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        template_id = item.data(0, TEMPLATE_ROLE) if item else None
        if not template_id:
            return
        self.show_template(self.controller.store.get(template_id))

    def show_template(self, template: Template) -> None:
        """Build the form for ``template``: what was typed into it earlier this session comes back,
        and text fields take the value last typed into a same-named field of any template."""
        self._remember_typed()
        self.form = TemplateForm(template, self.lang)
        self.form.failed.connect(self._document_failed)
        self.form.changed.connect(self._form_changed)
        self._default_fields = self.form.values()
        self.form.set_values(self._typed_for(template))
        self.form_area.setWidget(self.form)
        self.template_title.setText(template.title_for(self.lang))
        self.template_description.set_full_text(template.description_for(self.lang))  # one line: the form keeps the room

    # ---------------------------------------------------------------- runs
    # Buttons connect to these None-returning slots: PySide mishandles a slot's
    # Python return value, and ``clicked(bool)`` must not reach an optional argument.
    @Slot()
    def _run_clicked(self) -> None:
        self.run_draft()

    @Slot()
    def _regenerate_clicked(self) -> None:
        self.regenerate_draft()

    @Slot()
    def _continue_clicked(self) -> None:
        self.continue_draft()

    @Slot()
    def _export_clicked(self) -> None:
        self.save_file()

    def _choice(self, box: QComboBox) -> str:
        return str(box.currentData())

    def run_draft(self, *, again: bool = False) -> bool:
        """Write a draft from the form as it is now (``again``: 再作成, only after a first run)."""
        if self.controller.running:
            return False
        fields = self.form.values() if self.form else {}
        start = self.controller.regenerate if again else self.controller.run
        started = self._started(start(self.template, fields, length=self._choice(self.length_box),
                                      tone=self._choice(self.tone_box), manner=self._choice(self.manner_box)))
        self._problem = "" if started else self.status_label.text()
        return started

    @Slot()
    def _form_changed(self) -> None:
        """A message like 「会議名を入力してください」 goes once the field is filled (or names the next one)."""
        if not self._problem or self.status_label.text() != self._problem or self.form is None:
            return
        problem = self.controller.problem_with(self.template, self.form.values())
        if problem != self._problem:
            self._problem = problem
            self.status_label.setText(problem)

    def regenerate_draft(self) -> bool:
        """再作成: what the form shows now; the draft on screen stays as an earlier version."""
        return self.run_draft(again=True)

    def continue_draft(self) -> bool:
        self.output.flush()
        text = self.output.toPlainText()
        return self._started(self.controller.continue_from(text))

    def _started(self, started: bool) -> bool:
        if started:
            self.result.started(self.controller.runner.request_id)
        return started

    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        if not running:
            self.result.finished()
        self.output.setReadOnly(running)
        self.busy.setVisible(running)
        self.stop_button.setEnabled(running)
        self._update_buttons()

    @Slot(bool)
    def _can_continue_changed(self, _can: bool) -> None:
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        running, ready = self.controller.running, self.controller.model_loaded
        self.run_button.setEnabled(ready and not running)
        self.regenerate_button.setEnabled(ready and not running and self.controller.last_request is not None)
        self.continue_button.setEnabled(ready and self.controller.can_continue)
        has_text = bool(self.output.text().strip())
        self.copy_button.setEnabled(has_text or running)
        self.export_button.setEnabled(not running)
        self._update_versions()

    @Slot(bool)
    def _set_ready(self, ready: bool) -> None:
        self._update_buttons()
        if ready:
            self.notice.hide()
        else:
            self.notice.show_notice(self.tr("No model is loaded yet, so drafts cannot be written. "
                                            "Choose one on the Model page."), "info", self.tr("Choose a model"))

    @Slot(str)
    def _document_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Cannot open"), message)

    # ------------------------------------------------------------- actions
    @Slot()
    def copy_output(self) -> None:
        copy_text(self.output.text())
        self.mark_exported()
        self.status_label.setText(self.tr("Copied."))

    def open_file(self, path: str | None = None) -> bool:
        """Read a document into the focused document field, else the first one (Ctrl+O)."""
        fields = self.form.document_fields() if self.form else []
        if not fields:
            self.status_label.setText(self.tr("This template has no field for a document."))
            return False
        focused = QGuiApplication.focusObject()
        target = next((f for f in fields if f.isAncestorOf(focused) or f is focused), fields[0]) \
            if isinstance(focused, QWidget) else fields[0]
        if path is None:
            path = open_file_name(self, self.tr("Open"), self.tr("Documents (*.docx *.txt *.md *.pdf);;All files (*)"))
        if not path:
            return False
        target.open_path(path)
        return True

    def save_file(self, path: str | None = None) -> bool:
        """Export the draft as .docx (with the template's letterhead), .txt or .md (Ctrl+S)."""
        self.output.flush()
        text = self.output.toPlainText()
        if not text.strip():
            self.status_label.setText(self.tr("There is no draft to export yet."))
            return False
        template = self.template
        target = export_text(self, text, path, caption=self.tr("Export"), suggested=self._suggested_name(),
                             title=template.title_for(self.lang) if template else "",
                             ai_notice=self.ai_notice_box.isChecked(),
                             letterhead=template.letterhead_path() if template else None,
                             letterhead_body=bool(template and template.letterhead_body))
        if target is None:
            return False
        self.mark_exported()
        self.status_label.setText(self.tr("Exported: {name}").format(name=target.name))
        return True

    def _suggested_name(self) -> str:
        from desktop.documents.filenames import safe_file_name

        return safe_file_name(self.template.title_for(self.lang) if self.template else "draft", ".docx")

    @Slot()
    def open_template_editor(self) -> None:
        from desktop.ui.template_editor import TemplateEditorDialog

        dialog = TemplateEditorDialog(self.controller.store, self.context.engine, self,
                                      lang=self.lang, start_id=self.template.id if self.template else "")
        dialog.templates_changed.connect(self.controller.reload_templates)
        dialog.exec()
        self.controller.reload_templates()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self, self._update_buttons)  # not called once the pane is gone
