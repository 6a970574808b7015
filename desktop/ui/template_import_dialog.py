"""The import preview: what a shared template brings, shown before anything is written (issue #19).

The file is read off the UI thread (``sharing.read_package``: bounded, the
letterhead rule applied). The dialog then shows the template's title, its
fields, and the letterhead's first page of body text, or "none". A template
with a letterhead is only imported after the user ticks that they have seen it;
``Import`` then installs it through the store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QPlainTextEdit, QVBoxLayout, QWidget,
)

from desktop.templates import Template, TemplateError, TemplateStore
from desktop.templates.sharing import ImportPackage
from desktop.ui.background import Reply


class _PackageReader(QObject):
    """Reads a shared template on the thread pool; ``read(package)`` or ``failed(message)``."""

    read = Signal(object)
    failed = Signal(str)

    def start(self, store: TemplateStore, path: Path) -> None:
        QThreadPool.globalInstance().start(_ReadTask(store, path, Reply(self)))


class _ReadTask(QRunnable):
    def __init__(self, store: TemplateStore, path: Path, reply: Reply) -> None:
        super().__init__()
        self._store, self._path, self._reply = store, path, reply

    def run(self) -> None:
        try:
            package = self._store.read_package(self._path)
        except TemplateError as exc:
            self._reply.send("failed", exc.message)
            return
        except Exception as exc:  # a reader bug must not kill the thread silently
            self._reply.send("failed", f"{self._path.name}: {exc}")
            return
        self._reply.send("read", package)


class TemplateImportDialog(QDialog):
    """Preview of a shared template; ``saved`` is the installed template after ``Import``."""

    loaded = Signal()

    def __init__(self, store: TemplateStore, path: str | Path, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.path, self.lang = store, Path(path), lang
        self.package: ImportPackage | None = None
        self.saved: Template | None = None
        self.error = ""
        self.setWindowTitle(self.tr("Import template"))
        self.resize(640, 520)
        self._build()
        self._reader = _PackageReader(self)
        self._reader.read.connect(self._show_package)
        self._reader.failed.connect(self._show_problem)
        self._reader.start(store, self.path)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.status_label = QLabel(self.tr("Reading {name}…").format(name=self.path.name), self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        form = QFormLayout()
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.fields_list = QListWidget(self)
        self.fields_list.setMaximumHeight(140)
        self.letterhead_label = QLabel(self)
        self.letterhead_label.setWordWrap(True)
        form.addRow(self.tr("Title"), self.title_label)
        form.addRow(self.tr("Fields"), self.fields_list)
        form.addRow(self.tr("Letterhead"), self.letterhead_label)
        layout.addLayout(form)
        self.letterhead_text = QPlainTextEdit(self)
        self.letterhead_text.setReadOnly(True)
        self.letterhead_text.setVisible(False)
        layout.addWidget(self.letterhead_text, 1)
        self.consent_box = QCheckBox(self.tr("I have checked the letterhead; use it for documents made with this template"), self)
        self.consent_box.setVisible(False)
        self.consent_box.toggled.connect(self._update_buttons)
        layout.addWidget(self.consent_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.install)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @Slot(object)
    def _show_package(self, package: ImportPackage) -> None:
        self.package = package
        template = package.template
        self.title_label.setText(self.tr("{title} ({id})").format(title=template.title_for(self.lang), id=template.id))
        for item in template.fields:
            mark = self.tr(" (required)") if item.required else ""
            named = self.tr("{label} ({name})").format(label=item.label_for(self.lang), name=item.name)
            self.fields_list.addItem(named + mark)
        if not package.has_letterhead:
            self.letterhead_label.setText(self.tr("None"))
        elif not package.letterhead_text:
            self.letterhead_label.setText(self.tr("No body text: only its headers, footers, page setup and styles are used."))
        else:
            self.letterhead_label.setText(self.tr("Body text of its first page, below. Once imported, it starts "
                                                  "every Word document exported with this template."))
            self.letterhead_text.setPlainText(package.letterhead_text)
            self.letterhead_text.setVisible(True)
        self.consent_box.setVisible(package.has_letterhead)
        replaces = template.id in self.store.ids()
        self.status_label.setText(
            self.tr("Check what this template brings. It replaces your template “{id}”.").format(id=template.id)
            if replaces else self.tr("Check what this template brings before you import it."))
        self._update_buttons()
        self.loaded.emit()

    @Slot(str)
    def _show_problem(self, text: str) -> None:
        self.error = text
        self.status_label.setText(text)
        self.import_button.setEnabled(False)
        self.loaded.emit()

    @Slot()
    def _update_buttons(self) -> None:
        ready = self.package is not None and (not self.package.has_letterhead or self.consent_box.isChecked())
        self.import_button.setEnabled(ready)

    @Slot()
    def install(self) -> None:
        """Install the previewed template (replacing a user template with its id); stays open on a problem."""
        if not self.import_button.isEnabled() or self.package is None:
            return
        try:
            self.saved = self.store.install(self.package, overwrite=True)
        except (TemplateError, OSError) as exc:
            self.error = getattr(exc, "message", "") or str(exc)
            self.status_label.setText(self.error)
            return
        self.accept()


def import_with_preview(store: TemplateStore, path: str | Path, lang: str, parent: QWidget | None) -> Template | None:
    """Show the preview dialog for ``path``; the installed template, or None (cancelled or refused)."""
    dialog = TemplateImportDialog(store, path, lang, parent)
    dialog.exec()
    return dialog.saved
