"""The template editor: staff make, test and share their own drafting templates.

新規 starts an empty template, 複製 copies any template (built-ins are
read-only: duplicate one to change it). Metadata, the fields (a small table)
and the prompts are edited on the right, with a live preview of the exact
messages the model will get, filled with sample values. テスト実行 runs the
template through the engine and streams into the preview. 保存 writes
``<id>.toml`` to the user templates folder; エクスポート / インポート move a
.toml file to and from a shared drive; 削除 asks first. An invalid template is
refused with the message that names its field or line.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
    QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from desktop.engine.client import EngineClient
from desktop.templates import (
    FIELD_KINDS, OUTPUT_SHAPES, Field, Template, TemplateError, TemplateStore, build_messages,
)
from desktop.templates.store import KIND_ORDER
from desktop.ui.job_runner import JobRunner
from desktop.ui.template_editing import TemplateEditing, sample_values
from desktop.ui.widgets import NoticeBar, StreamingTextView

ID_ROLE = Qt.ItemDataRole.UserRole
#: Columns of the fields table.
COLUMNS = ("name", "label_ja", "label_en", "kind", "required", "default", "choices", "help")
def preview_text(template: Template) -> str:
    """The messages the model would get for sample values, as one readable text."""
    messages = build_messages(template, sample_values(template), check_required=False)
    return f"【system】\n{messages[0]['content']}\n\n【user】\n{messages[1]['content']}"


class TemplateEditorDialog(TemplateEditing, QDialog):
    """Create, edit, test, share and delete user templates. ``templates_changed`` after every change on disk."""

    templates_changed = Signal()

    def __init__(self, store: TemplateStore, engine: EngineClient | None = None, parent: QWidget | None = None, *,
                 lang: str = "ja", start_id: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.setWindowTitle(self.tr("Templates"))
        self.resize(1100, 720)
        self.store = store
        self.engine = engine
        self.lang = lang
        self.current: Template | None = None  # what the editor was loaded from
        self.dirty = False
        self.runner = JobRunner(engine, self) if engine is not None else None
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(200)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        self._connect()
        self._fill_list()
        if not (start_id and self.select(start_id)) and self.template_list.count():
            self.template_list.setCurrentRow(0)

    # ------------------------------------------------------------------ view
    def _build(self) -> None:
        self.template_list = QListWidget(self)
        self.template_list.setObjectName("templateList")
        self.new_button = QPushButton(self.tr("New"), self)
        self.duplicate_button = QPushButton(self.tr("Duplicate"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.import_button.setToolTip(self.tr("Add a template file (.toml) a colleague shared"))
        self.export_button.setToolTip(self.tr("Save this template as a .toml file to share it"))
        list_buttons = QVBoxLayout()
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            row1.addWidget(button)
        for button in (self.import_button, self.export_button):
            row2.addWidget(button)
        list_buttons.addLayout(row1)
        list_buttons.addLayout(row2)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.template_list, 1)
        left_layout.addLayout(list_buttons)

        self.read_only_note = NoticeBar(self, closable=False)
        self.problem = NoticeBar(self, closable=False)

        # metadata
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText("my-report")
        self.id_edit.setToolTip(self.tr("Lowercase letters, digits, - and _; also the file name"))
        self.title_ja = QLineEdit(self)
        self.title_en = QLineEdit(self)
        self.description_ja = QLineEdit(self)
        self.description_en = QLineEdit(self)
        self.kind_box = QComboBox(self)
        self.kind_box.setEditable(True)
        self.kind_box.addItems(list(KIND_ORDER))
        self.output_box = QComboBox(self)
        for key, label in zip(OUTPUT_SHAPES, (self.tr("Prose"), self.tr("Headed sections"), self.tr("Table")), strict=True):
            self.output_box.addItem(label, key)
        self.temperature_box = QDoubleSpinBox(self)
        self.temperature_box.setRange(0.0, 2.0)
        self.temperature_box.setSingleStep(0.1)
        self.temperature_box.setSpecialValueText(self.tr("default"))
        self.temperature_box.setMinimum(-0.1)
        self.letterhead_edit = QLineEdit(self)
        self.letterhead_edit.setPlaceholderText(self.tr("optional: a .docx beside the template file"))
        meta = QWidget(self)
        meta_form = QFormLayout(meta)
        meta_form.addRow(self.tr("ID"), self.id_edit)
        meta_form.addRow(self.tr("Title (Japanese)"), self.title_ja)
        meta_form.addRow(self.tr("Title (English)"), self.title_en)
        meta_form.addRow(self.tr("Description (Japanese)"), self.description_ja)
        meta_form.addRow(self.tr("Description (English)"), self.description_en)
        meta_form.addRow(self.tr("Group"), self.kind_box)
        meta_form.addRow(self.tr("Output shape"), self.output_box)
        meta_form.addRow(self.tr("Temperature"), self.temperature_box)
        meta_form.addRow(self.tr("Letterhead"), self.letterhead_edit)

        # fields
        self.fields_table = QTableWidget(0, len(COLUMNS), self)
        self.fields_table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Label (ja)"), self.tr("Label (en)"), self.tr("Kind"), self.tr("Required"),
            self.tr("Default"), self.tr("Choices"), self.tr("Help"),
        ])
        self.fields_table.horizontalHeaderItem(COLUMNS.index("choices")).setToolTip(
            self.tr("For the choice kind: the choices, separated by commas"))
        for column, width in enumerate((110, 120, 120, 110, 60, 100, 150)):
            self.fields_table.setColumnWidth(column, width)
        self.fields_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.fields_table.horizontalHeader().setStretchLastSection(True)
        self.fields_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields_table.verticalHeader().setVisible(False)
        self.add_field_button = QPushButton(self.tr("Add field"), self)
        self.remove_field_button = QPushButton(self.tr("Remove field"), self)
        self.up_button = QPushButton("↑", self)
        self.down_button = QPushButton("↓", self)
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button.setToolTip(self.tr("Move down"))
        field_buttons = QHBoxLayout()
        for button in (self.add_field_button, self.remove_field_button, self.up_button, self.down_button):
            field_buttons.addWidget(button)
        field_buttons.addStretch(1)
        fields_page = QWidget(self)
        fields_layout = QVBoxLayout(fields_page)
        fields_layout.addWidget(self.fields_table, 1)
        fields_layout.addLayout(field_buttons)

        # prompts
        self.system_edit = QPlainTextEdit(self)
        self.system_edit.setPlaceholderText(self.tr("Who the model is and the rules it follows"))
        self.prompt_edit = QPlainTextEdit(self)
        self.prompt_edit.setPlaceholderText(self.tr("The request, with {field_name} where a field's value goes"))
        prompts_page = QWidget(self)
        prompts_layout = QVBoxLayout(prompts_page)
        prompts_layout.addWidget(QLabel(self.tr("System instructions"), self))
        prompts_layout.addWidget(self.system_edit, 1)
        hint = QLabel(self.tr("Prompt — write {name} where a field's value goes; {{ and }} for literal braces"), self)
        hint.setWordWrap(True)
        prompts_layout.addWidget(hint)
        prompts_layout.addWidget(self.prompt_edit, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(meta, self.tr("Basics"))
        self.tabs.addTab(fields_page, self.tr("Fields"))
        self.tabs.addTab(prompts_page, self.tr("Prompts"))

        # preview and test run
        preview_label = QLabel(self.tr("Preview of what the model gets (sample values)"), self)
        preview_label.setObjectName("sectionLabel")
        self.preview = StreamingTextView(self)
        self.test_button = QPushButton(self.tr("Test run"), self)
        self.test_button.setToolTip(self.tr("Run the template with the sample values on the loaded model"))
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("primaryButton")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("paneStatus")
        self.status_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.test_button)
        bottom.addWidget(self.stop_button)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        editor_split = QSplitter(Qt.Orientation.Vertical, self)
        editor_split.addWidget(self.tabs)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(preview_label)
        preview_layout.addWidget(self.preview, 1)
        editor_split.addWidget(preview_box)
        editor_split.setSizes([420, 260])
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.read_only_note)
        right_layout.addWidget(self.problem)
        right_layout.addWidget(editor_split, 1)
        right_layout.addLayout(bottom)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([240, 860])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.stop_button.setEnabled(False)

    def _connect(self) -> None:
        self.template_list.currentItemChanged.connect(self._list_changed)
        self.new_button.clicked.connect(self.new_template)
        self.duplicate_button.clicked.connect(self.duplicate_template)
        self.delete_button.clicked.connect(self._delete_clicked)
        self.import_button.clicked.connect(self._import_clicked)
        self.export_button.clicked.connect(self._export_clicked)
        self.save_button.clicked.connect(self._save_clicked)
        self.close_button.clicked.connect(self.close)
        self.test_button.clicked.connect(self._test_clicked)
        self.stop_button.clicked.connect(self._stop_test)
        self.add_field_button.clicked.connect(self.add_field)
        self.remove_field_button.clicked.connect(self.remove_field)
        self.up_button.clicked.connect(lambda: self._move_field(-1))
        self.down_button.clicked.connect(lambda: self._move_field(1))
        # Lambdas take the signals' arguments: PySide6 miscounts references to
        # values passed to a ``*args`` slot.
        for edit in (self.id_edit, self.title_ja, self.title_en, self.description_ja, self.description_en,
                     self.letterhead_edit):
            edit.textChanged.connect(lambda _text: self._edited())
        for edit in (self.system_edit, self.prompt_edit):
            edit.textChanged.connect(self._edited)
        self.kind_box.currentTextChanged.connect(lambda _text: self._edited())
        self.output_box.currentIndexChanged.connect(lambda _index: self._edited())
        self.temperature_box.valueChanged.connect(lambda _value: self._edited())
        self.fields_table.itemChanged.connect(lambda _item: self._edited())
        if self.runner is not None:
            self.runner.delta.connect(self.preview.append_delta)
            self.runner.running_changed.connect(self._test_running)
            self.runner.finished.connect(lambda _stats: self.status_label.setText(self.tr("Test run finished.")))
            self.runner.failed.connect(self._test_failed)

    # Buttons connect to these None-returning slots: PySide mishandles a slot's
    # Python return value, and ``clicked(bool)`` must not reach an optional argument.
    @Slot()
    def _delete_clicked(self) -> None:
        self.delete_template()

    @Slot()
    def _import_clicked(self) -> None:
        self.import_template()

    @Slot()
    def _export_clicked(self) -> None:
        self.export_template()

    @Slot()
    def _save_clicked(self) -> None:
        self.save_template()

    @Slot()
    def _test_clicked(self) -> None:
        self.test_run()

    # ------------------------------------------------------------- the list
    def _fill_list(self) -> None:
        self.template_list.blockSignals(True)
        self.template_list.clear()
        for template in self.store.templates:
            mark = self.tr("built-in") if template.read_only else self.tr("mine")
            item = QListWidgetItem(self.tr("{title}  [{mark}]").format(title=template.title_for(self.lang), mark=mark))
            item.setData(ID_ROLE, template.id)
            item.setToolTip(f"{template.id} — {template.description_for(self.lang)}")
            self.template_list.addItem(item)
        self.template_list.blockSignals(False)

    def select(self, template_id: str) -> bool:
        for row in range(self.template_list.count()):
            if self.template_list.item(row).data(ID_ROLE) == template_id:
                self.template_list.setCurrentRow(row)
                return True
        return False

    @Slot(QListWidgetItem, QListWidgetItem)
    def _list_changed(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        if self.dirty and previous is not None and not self._confirm_discard():
            self.template_list.blockSignals(True)
            self.template_list.setCurrentItem(previous)
            self.template_list.blockSignals(False)
            return
        self.load(self.store.get(item.data(ID_ROLE)))

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(self, self.tr("Unsaved changes"),
                                      self.tr("Discard the changes to this template?"))
        return answer == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------- editor <-> model
    def load(self, template: Template) -> None:
        """Show ``template`` in the editor (read-only when it is a built-in)."""
        self.current = template
        widgets = (self.id_edit, self.title_ja, self.title_en, self.description_ja, self.description_en,
                   self.kind_box, self.output_box, self.temperature_box, self.letterhead_edit,
                   self.system_edit, self.prompt_edit, self.fields_table)
        for widget in widgets:
            widget.blockSignals(True)
        self.id_edit.setText(template.id)
        self.title_ja.setText(template.title.get("ja", ""))
        self.title_en.setText(template.title.get("en", ""))
        self.description_ja.setText(template.description.get("ja", ""))
        self.description_en.setText(template.description.get("en", ""))
        self.kind_box.setCurrentText(template.kind)
        self.output_box.setCurrentIndex(max(0, self.output_box.findData(template.output)))
        self.temperature_box.setValue(template.temperature if template.temperature is not None else -0.1)
        self.letterhead_edit.setText(template.letterhead)
        self.system_edit.setPlainText(template.system)
        self.prompt_edit.setPlainText(template.prompt)
        self.fields_table.setRowCount(0)
        for item in template.fields:
            self._append_field_row(item)
        for widget in widgets:
            widget.blockSignals(False)
        self._set_read_only(template.read_only)
        self.dirty = False
        self.problem.hide()
        self.update_preview()

    def _set_read_only(self, read_only: bool) -> None:
        for edit in (self.id_edit, self.title_ja, self.title_en, self.description_ja, self.description_en,
                     self.letterhead_edit):
            edit.setReadOnly(read_only)
        for edit in (self.system_edit, self.prompt_edit):
            edit.setReadOnly(read_only)
        for widget in (self.kind_box, self.output_box, self.temperature_box, self.add_field_button,
                       self.remove_field_button, self.up_button, self.down_button, self.save_button,
                       self.delete_button):
            widget.setEnabled(not read_only)
        self.fields_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                          else QAbstractItemView.EditTrigger.AllEditTriggers)
        for row in range(self.fields_table.rowCount()):
            for column in (3, 4):
                widget = self.fields_table.cellWidget(row, column)
                if widget is not None:
                    widget.setEnabled(not read_only)
        if read_only:
            self.read_only_note.show_notice(
                self.tr("Built-in templates cannot be changed. Press Duplicate to make your own copy."), "info")
        else:
            self.read_only_note.hide()

    def _append_field_row(self, item: Field) -> None:
        row = self.fields_table.rowCount()
        self.fields_table.insertRow(row)
        texts = {
            "name": item.name, "label_ja": item.label.get("ja", ""), "label_en": item.label.get("en", ""),
            "default": item.default, "choices": ", ".join(item.choices), "help": item.help.get("ja", ""),
        }
        for column, key in enumerate(COLUMNS):
            if key in texts:
                self.fields_table.setItem(row, column, QTableWidgetItem(texts[key]))
        kind = QComboBox(self.fields_table)
        names = (self.tr("One line"), self.tr("Several lines"), self.tr("Choice"), self.tr("Date"), self.tr("Document"))
        for key, name in zip(FIELD_KINDS, names, strict=True):  # shown in the user's language, stored as the key
            kind.addItem(name, key)
        kind.setCurrentIndex(max(0, kind.findData(item.kind)))
        kind.currentIndexChanged.connect(lambda _index: self._edited())
        self.fields_table.setCellWidget(row, COLUMNS.index("kind"), kind)
        required = QCheckBox(self.fields_table)
        required.setChecked(item.required)
        required.toggled.connect(lambda _checked: self._edited())
        self.fields_table.setCellWidget(row, COLUMNS.index("required"), required)

    def _field_rows(self) -> list[dict[str, Any]]:
        rows = []
        for row in range(self.fields_table.rowCount()):
            def text(key: str) -> str:
                cell = self.fields_table.item(row, COLUMNS.index(key))
                return cell.text().strip() if cell else ""

            choices = [c.strip() for c in text("choices").replace("、", ",").split(",") if c.strip()]
            label = {k: v for k, v in (("ja", text("label_ja")), ("en", text("label_en"))) if v}
            data: dict[str, Any] = {
                "name": text("name"), "label": label or {"ja": text("name")},
                "kind": self.fields_table.cellWidget(row, COLUMNS.index("kind")).currentData(),
                "required": self.fields_table.cellWidget(row, COLUMNS.index("required")).isChecked(),
                "default": text("default"),
            }
            if choices:
                data["choices"] = choices
            help_text = text("help")
            if help_text:
                previous = self.current.field_named(data["name"]) if self.current else None
                data["help"] = {"ja": help_text, **({"en": previous.help["en"]} if previous and
                                                     previous.help.get("ja") == help_text and "en" in previous.help else {})}
            rows.append(data)
        return rows

    def edited_data(self) -> dict[str, Any]:
        """The editor's content as template data (not yet checked)."""
        title = {k: v for k, v in (("ja", self.title_ja.text().strip()), ("en", self.title_en.text().strip())) if v}
        description = {k: v for k, v in (("ja", self.description_ja.text().strip()),
                                         ("en", self.description_en.text().strip())) if v}
        data: dict[str, Any] = {
            "id": self.id_edit.text().strip(), "pane": "draft", "kind": self.kind_box.currentText().strip(),
            "title": title, "description": description, "output": self.output_box.currentData(),
            "system": self.system_edit.toPlainText(), "prompt": self.prompt_edit.toPlainText(),
            "fields": self._field_rows(),
        }
        if self.letterhead_edit.text().strip():
            data["letterhead"] = self.letterhead_edit.text().strip()
        if self.temperature_box.value() >= 0:
            data["temperature"] = round(self.temperature_box.value(), 2)
        return data

    def edited_template(self) -> Template:
        """The editor's content as a checked template; raises ``TemplateError``."""
        path = self.current.path if self.current else None
        return Template.from_dict(self.edited_data(), source="user", path=path)

    @Slot()
    def _edited(self) -> None:
        if self.current is not None and not self.current.read_only:
            self.dirty = True
        self._preview_timer.start()

    @Slot()
    def update_preview(self) -> None:
        """Check the edited template; show its problem, or the final prompt with sample values."""
        if self.runner is not None and self.runner.running:
            return
        try:
            template = self.edited_template()
        except TemplateError as exc:
            self.problem.show_notice(exc.message, "error")
            return
        self.problem.hide()
        self.preview.clear()
        self.preview.setPlainText(preview_text(template))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.runner is not None and self.runner.running:
            self.runner.cancel()
        if self.dirty and not self._confirm_discard():
            event.ignore()
            return
        super().closeEvent(event)
