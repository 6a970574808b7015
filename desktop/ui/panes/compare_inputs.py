"""The 比較 pane's 入力 tab: the inputs of each job kind, the request they make, a document to summarize.

``CompareInputs`` is a part of ``ComparePane`` (a mixin: its ``tr()`` texts
belong to the pane's translation context, "ComparePane"). It builds the pages
of the 入力 tab (a template and its fields, a document read off the UI thread
by ``DocumentLoader``, a short text and its target language; the free prompt
page is the pane's), takes the inputs another pane hands over (``set_job``),
and turns what the form shows into a ``CompareRequest``, or refuses with a
notice naming what is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from desktop.compare.settings import JOB_KINDS, CompareSettings
from desktop.languages import LANGUAGES
from desktop.messages import message
from desktop.ui.document_loader import DocumentLoader
from desktop.ui.draft_form import TemplateForm
from desktop.ui.file_dialogs import open_file_name
from desktop.ui.panes.compare_controller import CompareRequest


class CompareInputs:
    """The job inputs of ``ComparePane`` and the request they make (module docstring)."""

    def _start_inputs(self) -> None:
        """Set up the document reading (called once by the pane, before the inputs are built)."""
        self._document: dict[str, Any] | None = None
        self._document_name = ""
        self._loader = DocumentLoader(self)
        self._loader.document_loaded.connect(self._on_document_loaded)
        self._loader.failed.connect(self._on_document_failed)
        self._loader.unreadable.connect(self._on_document_failed)

    def _build_draft_inputs(self) -> QWidget:
        from desktop.templates import TemplateStore

        page = QWidget(self)
        self.store = TemplateStore.for_paths(self.context.paths)
        self.template_box = QComboBox(page)
        for template_id in self.store.ids():
            self.template_box.addItem(self.store.get(template_id).title_for(self.lang), template_id)
        self.form_area = QScrollArea(page)
        self.form_area.setWidgetResizable(True)
        self.form: TemplateForm | None = None
        self.template_box.currentIndexChanged.connect(self._show_template)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.template_box)
        layout.addWidget(self.form_area, 1)
        self._show_template()
        return page

    def _build_summary_inputs(self) -> QWidget:
        page = QWidget(self)
        self.document_label = QLabel(self.tr("No document yet"), page)
        self.document_label.setTextFormat(Qt.TextFormat.PlainText)
        self.document_label.setWordWrap(True)
        open_button = QPushButton(self.tr("Open…"), page)
        open_button.setToolTip(self.tr("Open a .docx, .txt, .md or .pdf file (Ctrl+O)"))
        open_button.clicked.connect(self.open_file)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.document_label)
        layout.addWidget(open_button)
        layout.addStretch(1)
        return page

    def _build_translate_inputs(self) -> QWidget:
        page = QWidget(self)
        self.translate_text = QPlainTextEdit(page)
        self.translate_text.setPlaceholderText(self.tr("A short text to translate"))
        self.target_box = QComboBox(page)
        for language in LANGUAGES:
            self.target_box.addItem(language.name(self.lang), language.code)
        self.target_box.setCurrentIndex(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.translate_text, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Into"), page))
        row.addWidget(self.target_box, 1)
        layout.addLayout(row)
        return page

    @Slot()
    def _show_template(self) -> None:
        template_id = self.template_box.currentData()
        if template_id is None:
            return
        self.form = TemplateForm(self.store.get(template_id), self.lang)
        self.form_area.setWidget(self.form)

    def set_job(self, kind: str, **inputs: Any) -> None:
        """Take a job's inputs from another pane: ``text`` for a prompt or translation,
        ``template_id`` and ``fields`` for a draft, ``document`` (a dict) and ``name`` for a summary."""
        self.job_box.setCurrentIndex(JOB_KINDS.index(kind))
        self._show_inputs()
        if kind == "prompt":
            self.prompt_text.setPlainText(inputs.get("text", ""))
        elif kind == "translate":
            self.translate_text.setPlainText(inputs.get("text", ""))
        elif kind == "draft":
            index = self.template_box.findData(inputs.get("template_id"))
            if index >= 0:
                self.template_box.setCurrentIndex(index)
            if self.form is not None:
                self.form.set_values(dict(inputs.get("fields", {})))
        elif kind == "summarize" and inputs.get("document"):
            self._document, self._document_name = inputs["document"], inputs.get("name", "")
            self.document_label.setText(self._document_name)

    def _request(self) -> CompareRequest | None:
        kind = self.job_box.currentData()
        settings = CompareSettings(seed=self.seed_box.value(), temperature=round(self.temperature_box.value(), 2),
                                   max_tokens=self.max_tokens_box.value())
        models = self.chosen_models()
        if kind == "prompt":
            text = self.prompt_text.toPlainText().strip()
            if not text:
                return self._refuse(self.tr("Write the instruction first."))
            return CompareRequest(models, kind, {"prompt": text}, {}, message("compare.job_prompt"), settings)
        if kind == "translate":
            return self._translate_request(models, settings)
        if kind == "summarize":
            if self._document is None:
                return self._refuse(self.tr("Open the document to summarize first."))
            label = message("compare.job_summarize", file=self._document_name)
            return CompareRequest(models, kind, {"document": self._document}, {}, label, settings)
        return self._draft_request(models, settings)

    def _translate_request(self, models, settings) -> CompareRequest | None:
        from desktop.documents.pasted import document_from_pasted_text
        from desktop.languages import LanguageError, resolve_pair

        text = self.translate_text.toPlainText().strip()
        if not text:
            return self._refuse(self.tr("Write the text to translate first."))
        try:
            source, target = resolve_pair("auto", self.target_box.currentData(), text)
        except LanguageError as exc:
            return self._refuse(str(exc.message))
        inputs = {"document": document_from_pasted_text(text).to_dict(), "glossary": []}
        label = message("compare.job_translate", target=self.target_box.currentText())
        return CompareRequest(models, "translate", inputs, {"source": source, "target": target}, label, settings)

    def _draft_request(self, models, settings) -> CompareRequest | None:
        from desktop.templates import MissingFieldError, field_values

        template = self.store.get(self.template_box.currentData())
        fields = self.form.values() if self.form is not None else {}
        try:
            field_values(template, fields)
        except MissingFieldError as exc:
            return self._refuse(self.tr("Fill in 「%1」 first.").replace("%1", exc.label))
        label = message("compare.job_draft", template=template.title_for(self.lang))
        inputs = {"template": template.to_dict(), "fields": fields,
                  "organisation": str(self.context.settings.get("organisation") or "")}
        return CompareRequest(models, "draft", inputs, {}, label, settings)

    def _refuse(self, text: str) -> None:
        self.notice.show_notice(text)
        return None

    def open_file(self, path: str | None = None) -> bool:
        """Open a document to summarize (Ctrl+O), read off the UI thread; True when reading starts."""
        if not path:
            path = open_file_name(self, self.tr("Open a document"), self.tr("Documents (*.docx *.txt *.md *.pdf)"))
        if path:
            self.job_box.setCurrentIndex(JOB_KINDS.index("summarize"))
            self._show_inputs()
            self.document_label.setText(self.tr("Reading %1…").replace("%1", Path(path).name))
            self._loader.load(path)
            return True
        return False

    @Slot(str, object)
    def _on_document_loaded(self, path: str, document: object) -> None:
        self._document = document.to_dict()
        self._document_name = Path(path).name
        self.document_label.setText(self._document_name)

    @Slot(str, str)
    def _on_document_failed(self, _path: str, text: str) -> None:
        self.document_label.setText(self.tr("No document yet"))
        self.notice.show_notice(text)
