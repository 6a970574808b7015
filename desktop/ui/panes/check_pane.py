"""The 「チェック」 pane: a document's findings against the rules of 公用文, with fixes to accept.

The text is on the left, editable, with every finding highlighted; the
findings are listed on the right. A finding is accepted (its suggestion put in
the text, undoable with Ctrl+Z), all of one rule accepted, or ignored. Editing
re-checks after a short pause, off the UI thread. 「AI で書き換え案」 asks the
loaded model for rewrites of the sentences the rules cannot fix; they are
listed like the others and never applied without a click. Exports: the
corrected document (a .docx keeps its structure) and the findings (.csv/.docx).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QTextEdit, QVBoxLayout, QWidget,
)

from desktop.checking import PROFILES
from desktop.checking.ai_pass import AI_RULE_ID
from desktop.documents.model import DocumentError
from desktop.messages import describe
from desktop.ui.context import AppContext
from desktop.ui.file_dialogs import open_file_name, save_file_name, start_folder
from desktop.ui.panes.check_controller import AUTO, CheckController
from desktop.ui.widgets import NoticeBar, column_splitter, menu_button, pane_header, run_and_stop_shortcuts

COLORS = {"error": QColor("#ffd6d6"), "warning": QColor("#fff1b8"), "info": QColor("#dbeafe")}
SELECTED_COLOR = QColor("#b7d3ff")


class CheckPane(QWidget):
    """Open / paste, profile, チェック, AI rewrites, Esc to stop; text | findings; accept, ignore, export."""

    models_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkPane")
        self.context = context
        self.controller = CheckController(context, self)
        self._applying = False
        self._saved_text = ""
        self._build()
        self._connect()
        self._update_buttons()

    # ------------------------------------------------------------ view
    def _build(self) -> None:
        heading, subtitle = pane_header(
            self, self.tr("Check"),
            self.tr("Check a document against the rules of official Japanese (公用文作成の考え方, "
                    "公用文における漢字使用等について). Accept the fixes you agree with."))
        self.notice = NoticeBar(self, closable=True)
        self.open_button = QPushButton(self.tr("Open…"), self)
        self.open_button.setToolTip(self.tr("Open a .docx, .txt, .md or .pdf file (Ctrl+O)"))
        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("checkProfile")
        self.profile_combo.addItem(self.tr("Kind of document: automatic"), AUTO)
        ui_lang = str(self.context.settings.get("language"))
        for profile in PROFILES.values():
            self.profile_combo.addItem(profile.name(ui_lang), profile.id)
        self.check_button = QPushButton(self.tr("Check again"), self)
        self.check_button.setObjectName("primaryButton")
        self.check_button.setToolTip(self.tr("Check the text again (Ctrl+Enter)"))
        self.ai_button = QPushButton(self.tr("AI rewrites"), self)
        self.ai_button.setToolTip(self.tr("Ask the model to rewrite sentences the rules cannot fix (too long, unclear)"))
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setToolTip(self.tr("Stop the AI (Esc)"))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("paneStatus")
        self.status_label.setWordWrap(True)

        top = QHBoxLayout()
        for widget in (self.open_button, self.profile_combo, self.check_button, self.ai_button, self.stop_button):
            top.addWidget(widget)
        top.addSpacing(8)
        top.addWidget(self.status_label, 1)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("checkText")
        self.editor.setPlaceholderText(self.tr("Paste or type the text to check here, or drop a .docx, .txt, "
                                               ".md or .pdf file"))
        self.editor.setProperty("takesFileDrops", False)

        self.findings_label = QLabel(self)
        self.findings_label.setObjectName("sectionLabel")
        self.list = QListWidget(self)
        self.list.setObjectName("findingList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setToolTip(self.tr("Put the suggestion in the text"))
        self.accept_rule_button = QPushButton(self.tr("Accept all of this rule"), self)
        self.ignore_button = QPushButton(self.tr("Ignore"), self)
        self.rules_button = menu_button(self, self.tr("Rules"), [
            (self.tr("Turn this rule off"), self.disable_selected_rule),
            (self.tr("Turn every rule back on"), self.enable_all_rules)])
        self.disable_rule_action, self.enable_rules_action = self.rules_button.menu().actions()
        self.accept_all_button = QPushButton(self.tr("Accept all"), self)
        self.accept_all_button.setToolTip(self.tr("Accept every rule's suggestion (AI rewrites are not included)"))
        self.export_button = menu_button(
            self, self.tr("Export…"), [(self.tr("Corrected document…"), self.save_file),
                                 (self.tr("Findings report (.csv / .docx)…"), self.export_report)])

        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.accept_rule_button)
        buttons.addWidget(self.ignore_button)
        buttons_2 = QHBoxLayout()
        buttons_2.addWidget(self.accept_all_button)
        buttons_2.addStretch(1)
        buttons_2.addWidget(self.rules_button)
        buttons_2.addWidget(self.export_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.findings_label)
        right_layout.addWidget(self.list, 1)
        right_layout.addLayout(buttons)
        right_layout.addLayout(buttons_2)

        splitter = column_splitter(self, self.editor, right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addWidget(self.notice)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        run_and_stop_shortcuts(self, self.controller.check_now, self.controller.stop)

    def _connect(self) -> None:
        c = self.controller
        self.open_button.clicked.connect(lambda: self.open_file())
        self.profile_combo.currentIndexChanged.connect(self._on_profile_chosen)
        self.check_button.clicked.connect(c.check_now)
        self.ai_button.clicked.connect(self._start_ai)
        self.stop_button.clicked.connect(c.stop)
        self.editor.textChanged.connect(self._on_text_changed)
        self.list.currentRowChanged.connect(self._on_selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept_selected())
        self.accept_button.clicked.connect(self.accept_selected)
        self.accept_rule_button.clicked.connect(self.accept_selected_rule)
        self.ignore_button.clicked.connect(self.ignore_selected)
        self.accept_all_button.clicked.connect(self.accept_all)
        c.findings_changed.connect(self._show_findings)
        c.document_opened.connect(self._on_document_opened)
        c.replace_requested.connect(self._replace)
        c.problem.connect(lambda text: self.notice.show_notice(text, "error"))
        c.message.connect(self.status_label.setText)
        c.running_changed.connect(lambda _running: self._update_buttons())
        c.ready_changed.connect(lambda _ready: self._update_buttons())
        c.checking_changed.connect(self._on_checking)

    # ------------------------------------------------------------ text and findings
    @Slot()
    def _on_text_changed(self) -> None:
        if not self._applying:
            self.controller.set_text(self.editor.toPlainText())

    @Slot(str)
    def _on_document_opened(self, text: str) -> None:
        self._applying = True
        self.editor.setPlainText(text)
        self._applying = False
        self._saved_text = text
        self.notice.hide()

    @Slot(int, int, str)
    def _replace(self, start: int, end: int, new: str) -> None:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._applying = True
        cursor.insertText(new)
        self._applying = False
        self.controller.text_replaced(start, end, new, self.editor.toPlainText())

    @Slot(bool)
    def _on_checking(self, checking: bool) -> None:
        if checking:
            self.findings_label.setText(self.tr("Checking…"))

    @Slot()
    def _show_findings(self) -> None:
        c = self.controller
        row = max(self.list.currentRow(), 0)
        self.list.blockSignals(True)
        self.list.clear()
        severities = {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Note")}
        for finding in c.findings:
            fix = self.tr(" → “{text}”").format(text=_short(finding.suggestion or "")) if finding.fixable else ""
            label = self.tr("AI") if finding.rule == AI_RULE_ID else severities.get(finding.severity, finding.severity)
            found = self.tr("[{label}] “{text}”{fix}").format(label=label, text=_short(finding.text), fix=fix)
            item = QListWidgetItem(f"{found}\n{finding.message}")
            item.setToolTip(f"{finding.source}\n({finding.rule})")
            item.setBackground(COLORS.get(finding.severity, COLORS["info"]))
            self.list.addItem(item)
        self.list.blockSignals(False)
        profile = PROFILES[c.profile].name(str(self.context.settings.get("language")))
        self.findings_label.setText(self.tr("{count} findings (kind of document: {profile})")
                                    .format(count=len(c.findings), profile=profile))
        if c.findings:
            self.list.setCurrentRow(min(row, len(c.findings) - 1))
        self._highlight()
        self._update_buttons()

    def _highlight(self) -> None:
        selections = []
        current = self.current_finding()
        length = len(self.editor.toPlainText())
        for finding in self.controller.findings:
            if finding.end > length:
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(SELECTED_COLOR if finding is current else COLORS.get(finding.severity, COLORS["info"]))
            if finding.severity == "error":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor("#c62828"))
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(finding.start)
            cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    @Slot(int)
    def _on_selected(self, row: int) -> None:
        finding = self.current_finding()
        if finding is not None and finding.end <= len(self.editor.toPlainText()):
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(finding.start)
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        self._highlight()
        self._update_buttons()

    def current_finding(self):
        row = self.list.currentRow()
        findings = self.controller.findings
        return findings[row] if 0 <= row < len(findings) else None

    # ------------------------------------------------------------ actions
    @Slot()
    def accept_selected(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.controller.accept(finding)

    @Slot()
    def accept_selected_rule(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            count = self.controller.accept_rule(finding.rule)
            self.status_label.setText(self.tr("Accepted {count} suggestions.").format(count=count))

    @Slot()
    def ignore_selected(self) -> None:
        finding = self.current_finding()
        if finding is not None:
            self.controller.ignore(finding)

    @Slot()
    def disable_selected_rule(self) -> None:
        """Stop using the selected finding's rule (the setting ``check_disabled_rules``)."""
        finding = self.current_finding()
        if finding is not None and finding.rule != AI_RULE_ID:
            self.controller.disable_rule(finding.rule)
            self.status_label.setText(self.tr("The rule {rule} is off. Rules menu › Turn every rule back on "
                                              "undoes this.").format(rule=finding.rule))

    @Slot()
    def enable_all_rules(self) -> None:
        self.controller.set_disabled_rules([])
        self.status_label.setText(self.tr("Every rule is on again."))

    @Slot()
    def accept_all(self) -> None:
        count = self.controller.accept_all()
        self.status_label.setText(self.tr("Accepted {count} suggestions.").format(count=count))

    @Slot()
    def _start_ai(self) -> None:
        c = self.controller
        if not c.model_loaded:
            self.notice.show_notice(self.tr("Load a model first to get AI rewrites."), "warning")
            self.models_requested.emit()
            return
        if not c.start_ai():
            self.status_label.setText(self.tr("No sentence needs an AI rewrite."))
        else:
            self.status_label.setText(self.tr("The AI is writing rewrites…"))

    @Slot(int)
    def _on_profile_chosen(self, _index: int) -> None:
        self.controller.set_profile(str(self.profile_combo.currentData()))

    def _update_buttons(self) -> None:
        c = self.controller
        finding = self.current_finding()
        self.accept_button.setEnabled(finding is not None and finding.fixable)
        self.accept_rule_button.setEnabled(finding is not None and finding.fixable and finding.rule != AI_RULE_ID)
        self.ignore_button.setEnabled(finding is not None)
        self.disable_rule_action.setEnabled(finding is not None and finding.rule != AI_RULE_ID)
        self.enable_rules_action.setEnabled(bool(c.disabled_rules))
        self.accept_all_button.setEnabled(any(f.fixable and f.rule != AI_RULE_ID for f in c.findings))
        self.ai_button.setEnabled(not c.running)
        self.stop_button.setEnabled(c.running)

    # ------------------------------------------------------------ files (main window and autosave)
    def open_file(self, path: str | None = None) -> bool:
        """Open a document to check (asks for a file when ``path`` is None). Ctrl+O."""
        if path is None:
            path = open_file_name(self, self.tr("Open"), self.tr("Documents (*.docx *.txt *.md *.pdf)"))
        if not path:
            return False
        self.controller.open_path(Path(path))
        return True

    def save_file(self, path: str | None = None) -> bool:
        """Export the corrected document (asks for a name when ``path`` is None). Ctrl+S."""
        c = self.controller
        if not c.text.strip():
            self.status_label.setText(self.tr("There is no text to export yet."))
            return False
        if path is None:
            suffix = "." + c.document.format if c.document is not None and c.document.format in ("docx", "txt", "md") \
                else ".docx"
            stem = (c.source_path.stem if c.source_path else self.tr("checked")) + self.tr("_checked")
            folder = c.source_path.parent if c.source_path else Path(start_folder())
            path = save_file_name(self, self.tr("Export"), str(folder / (stem + suffix)),
                                  self.tr("Word (*.docx);;Text (*.txt);;Markdown (*.md)"))
        if not path:
            return False
        try:
            out = c.export_document(Path(path))
        except (DocumentError, OSError) as exc:
            self.notice.show_notice(describe(exc), "error")
            return False
        self.mark_exported()
        self.status_label.setText(self.tr("Saved: {name}").format(name=out.name))
        return True

    def export_report(self, path: str | None = None) -> bool:
        """Export the findings as .csv or .docx (asks for a name when ``path`` is None)."""
        c = self.controller
        if path is None:
            stem = (c.source_path.stem if c.source_path else self.tr("text")) + self.tr("_findings")
            folder = c.source_path.parent if c.source_path else Path(start_folder())
            path = save_file_name(self, self.tr("Export findings"), str(folder / (stem + ".csv")),
                                  self.tr("CSV (*.csv);;Word (*.docx)"))
        if not path:
            return False
        try:
            out = c.export_report(Path(path))
        except (DocumentError, OSError) as exc:
            self.notice.show_notice(describe(exc), "error")
            return False
        self.status_label.setText(self.tr("Saved: {name}").format(name=out.name))
        return True

    def has_unsaved_output(self) -> bool:
        """True when the text was changed (fixes accepted or edits) since it was opened or last exported."""
        text = self.controller.text
        return bool(text.strip()) and text != self._saved_text

    def mark_exported(self) -> None:
        self._saved_text = self.controller.text

    def reopen_run(self, run: Any) -> bool:
        """Checks are not runs of the history (only the optional AI pass uses the model): always False."""
        return False

    def autosave_state(self) -> dict[str, Any]:
        """The text, the profile choice and where it came from; {} when empty."""
        c = self.controller
        if not c.text.strip():
            return {}
        return {"text": c.text, "profile": c.profile_choice,
                "document": c.document.to_dict() if c.document is not None else None,
                "sourcePath": str(c.source_path) if c.source_path else ""}

    def restore_autosave_state(self, state: dict[str, Any]) -> None:
        """Put back what ``autosave_state`` gave (after a crash)."""
        from desktop.ui.panes.stored_state import document_from

        if not state:
            return
        c = self.controller
        c.document = document_from(state.get("document"))
        c.source_path = Path(state["sourcePath"]) if state.get("sourcePath") else None
        index = self.profile_combo.findData(state.get("profile") or AUTO)
        self.profile_combo.setCurrentIndex(max(index, 0))
        self._on_document_opened(str(state.get("text") or ""))
        self._saved_text = ""
        c.set_text(self.editor.toPlainText())


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
