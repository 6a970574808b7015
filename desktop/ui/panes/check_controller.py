"""The check pane's state: the text, its findings, what the user accepted or ignored, and the AI pass.

``CheckController`` is tested without clicking. The text is the pane's (the
user edits it); every change asks for a re-check after ``RECHECK_DELAY_MS``,
run off the UI thread; a result for an older text is dropped. Accepting a
suggestion asks the view to replace the span (``replace_requested``) so the
edit joins the editor's undo history; the other findings move with it at once.
Ignored findings stay ignored across re-checks (matched by rule, text and the
few characters before them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.checking import Checker, Finding, guess_profile
from desktop.checking.ai_pass import AI_RULE_ID, rewrite_candidates, rewrite_findings
from desktop.checking.configured import configured_checker, problem_text
from desktop.checking.document_io import blocks_from_text, checked_text, write_corrected
from desktop.checking.report import write_report
from desktop.documents.model import Document
from desktop.messages import describe, warning_texts
from desktop.ui.context import AppContext
from desktop.ui.document_loader import DocumentLoader
from desktop.ui.job_runner import CANCELLED, PaneController
from desktop.ui.panes.check_background import BackgroundCalls

RECHECK_DELAY_MS = 300
AUTO = "auto"


def _ignore_key(text: str, finding: Finding) -> tuple[str, str, str]:
    return finding.rule, finding.text, text[max(0, finding.start - 8):finding.start]


class CheckController(PaneController):
    """One document being checked. ``findings`` are those shown (ignored ones left out), sorted by position."""

    findings_changed = Signal()
    document_opened = Signal(str)            # the text to show
    replace_requested = Signal(int, int, str)
    problem = Signal(str)
    checking_changed = Signal(bool)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(context.engine, parent)
        self._context = context
        self.document: Document | None = None
        self.source_path: Path | None = None
        self.text = ""
        self.profile_choice = AUTO
        self.profile = "tsuchi"
        self.findings: list[Finding] = []
        self.ai_findings: list[Finding] = []
        self.ignored: set[tuple[str, str, str]] = set()
        self.problems: list = []
        self._checker: Checker | None = None
        self._pending_token = 0
        self._load_token = 0
        self._loader = DocumentLoader(self)
        self._loader.document_loaded.connect(self._on_document_read)
        self._loader.failed.connect(self._on_read_failed)
        self._loader.unreadable.connect(self._on_read_failed)
        self._background = BackgroundCalls(self)
        self._background.done.connect(self._on_background_done)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.runner.section.connect(self._on_ai_section)
        self.runner.progress.connect(self._on_ai_progress)
        self.runner.finished.connect(self._on_ai_finished)
        self.runner.failed.connect(self._on_ai_failed)
        self._ai_sections: list[dict] = []

    # ------------------------------------------------------------ input
    def open_path(self, path: Path) -> None:
        """Read ``path`` with the window's ``DocumentLoader`` (off the UI thread, in the limited reader
        process); ``document_opened`` or ``problem`` follows."""
        self.message.emit(self.tr("Opening {name}…").format(name=str(path.name)))
        self._loader.load(str(path))

    @Slot(str, object)
    def _on_document_read(self, path: str, document: Document) -> None:
        # the text whose offsets findings use: for .txt/.md the file's own lines (decoded off the UI thread)
        self._load_token = self._background.submit(lambda: (Path(path), document, checked_text(path, document)))

    @Slot(str, str)
    def _on_read_failed(self, _path: str, text: str) -> None:
        self.problem.emit(text)

    def use_text(self, text: str) -> None:
        """Check text typed or pasted (no source file: exports compose a new document)."""
        self.document = None
        self.source_path = None
        self.set_text(text)

    def set_profile(self, choice: str) -> None:
        """"auto" (chosen from the text) or a profile id; re-checks."""
        self.profile_choice = choice
        self.check_now()

    def set_text(self, text: str) -> None:
        """The user changed the text: findings are checked again shortly."""
        if text == self.text:
            return
        self.text = text
        self._relocate_ai_findings()
        self._timer.start()

    # ------------------------------------------------------------ checking
    @Slot()
    def check_now(self) -> None:
        """Check the current text off the UI thread (the answer: ``findings_changed``)."""
        self._timer.stop()
        text, choice = self.text, self.profile_choice
        checker = self._checker
        lang = str(self._context.settings.get("language"))
        settings = self._context.settings

        def work():
            used = checker or configured_checker(settings=settings)
            return used, text, used.check(text, None if choice == AUTO else choice, lang)

        self._pending_token = self._background.submit(work)
        self.checking_changed.emit(True)

    @Slot(int, object, object)
    def _on_background_done(self, token: int, result: Any, error: Any) -> None:
        if token == self._load_token:
            self._on_document_checked(result, error)
        elif token == self._pending_token:
            self.checking_changed.emit(False)
            if error is not None:
                self.problem.emit(describe(error))
                return
            checker, text, outcome = result
            self._checker = checker
            if text != self.text:
                return  # the user typed meanwhile; a newer check is on its way
            self.profile = outcome.profile
            told = {str(p) for p in self.problems}
            self.problems = outcome.problems
            for problem in self.problems:  # said once, not on every re-check as the user types
                if str(problem) not in told:
                    self.message.emit(problem_text(problem))
            self._show([f for f in outcome.findings if _ignore_key(text, f) not in self.ignored])

    def _on_document_checked(self, result: Any, error: Any) -> None:
        if error is not None:
            self.problem.emit(describe(error))
            return
        path, document, text = result
        warnings = warning_texts(document.warnings)
        if warnings:
            self.problem.emit(" ".join(warnings))
        self.document, self.source_path = document, path
        self.text = ""
        self.ignored.clear()
        self.ai_findings = []
        self.document_opened.emit(text)
        self.set_text(text)
        self.check_now()
        self.message.emit(self.tr("Opened {name}.").format(name=path.name))

    def _show(self, findings: list[Finding]) -> None:
        self.findings = sorted(findings + self.ai_findings, key=lambda f: (f.start, f.end, f.rule))
        self.findings_changed.emit()

    # ------------------------------------------------------------ accept / ignore
    def accept(self, finding: Finding) -> bool:
        """Put ``finding``'s suggestion in the text (through the view); False if it cannot be applied."""
        if not finding.fixable or self.text[finding.start:finding.end] != finding.text:
            return False
        self.replace_requested.emit(finding.start, finding.end, finding.suggestion or "")
        return True

    def accept_rule(self, rule: str) -> int:
        """Accept every suggestion of ``rule``; returns how many."""
        return self._accept_many([f for f in self.findings if f.rule == rule and f.fixable])

    def accept_all(self) -> int:
        """Accept every rule's suggestion (never the AI's); returns how many."""
        return self._accept_many([f for f in self.findings if f.fixable and f.rule != AI_RULE_ID])

    def _accept_many(self, chosen: list[Finding]) -> int:
        """Accept ``chosen`` from the end of the text backwards, so earlier offsets stay valid; overlaps skipped."""
        count = 0
        last_start = None
        for finding in sorted(chosen, key=lambda f: (f.start, f.end), reverse=True):
            if last_start is not None and finding.end > last_start:
                continue
            if self.accept(finding):
                count += 1
                last_start = finding.start
        return count

    def ignore(self, finding: Finding) -> None:
        self.ignored.add(_ignore_key(self.text, finding))
        if finding.rule == AI_RULE_ID:
            self.ai_findings = [f for f in self.ai_findings if f != finding]
        self.findings = [f for f in self.findings if f != finding]
        self.findings_changed.emit()

    def text_replaced(self, start: int, end: int, new: str, text: str) -> None:
        """The view replaced ``start``..``end`` with ``new``; findings after it move, those touching it go."""
        delta = len(new) - (end - start)
        moved = []
        for f in self.findings:
            if f.end <= start:
                moved.append(f)
            elif f.start >= end:
                moved.append(Finding(f.rule, f.start + delta, f.end + delta, f.text, f.suggestion, f.message,
                                     f.severity, f.source))
        self.findings = moved
        self.ai_findings = [f for f in moved if f.rule == AI_RULE_ID]
        self.findings_changed.emit()
        self.set_text(text)

    # ------------------------------------------------------------ turning rules off
    @property
    def disabled_rules(self) -> list[str]:
        return list(self._context.settings.get("check_disabled_rules") or [])

    def set_disabled_rules(self, rules: list[str]) -> None:
        """Save the setting ``check_disabled_rules`` and check again with it."""
        settings = self._context.settings
        settings.set("check_disabled_rules", sorted(set(rules)))
        try:
            settings.save()
        except OSError as exc:
            self.problem.emit(str(exc))
        self._checker = None
        self.check_now()

    def disable_rule(self, rule: str) -> None:
        if rule != AI_RULE_ID:
            self.set_disabled_rules([*self.disabled_rules, rule])

    # ------------------------------------------------------------ AI pass
    def ai_candidates(self) -> list[dict]:
        return rewrite_candidates(self.text, self.findings)

    def start_ai(self) -> bool:
        """Ask the model to rewrite the sentences the rules cannot fix; False when none or no model."""
        candidates = self.ai_candidates()
        if not candidates or not self.model_loaded or self.running:
            return False
        self._ai_sections = []
        self.runner.start("check_rewrite", {"sentences": candidates}, {})
        return True

    @Slot(int, str, dict)
    def _on_ai_section(self, index: int, text: str, meta: dict) -> None:
        self._ai_sections.append({"index": index, "text": text, "meta": meta})
        lang = str(self._context.settings.get("language"))
        added = rewrite_findings(self.text, [self._ai_sections[-1]], lang)
        if added:
            self.ai_findings += added
            self._show([f for f in self.findings if f.rule != AI_RULE_ID])

    @Slot(int, int, str)
    def _on_ai_progress(self, done: int, total: int, _label: str) -> None:
        self.message.emit(self.tr("The AI is rewriting sentence {done} of {total}…").format(
            done=min(done + 1, total), total=total))

    @Slot(dict)
    def _on_ai_finished(self, _stats: dict) -> None:
        self.message.emit(self.tr("The AI proposed {count} rewrites. Accept them one by one after reading them.")
                          .format(count=len(self.ai_findings)))

    @Slot(str, str)
    def _on_ai_failed(self, code: str, text: str) -> None:
        if code == CANCELLED:
            self.message.emit(self.tr("Stopped. The rewrites made so far are kept."))
        else:
            self.problem.emit(text)

    def _relocate_ai_findings(self) -> None:
        kept = []
        for f in self.ai_findings:
            at = self.text.find(f.text)
            if at >= 0:
                kept.append(Finding(f.rule, at, at + len(f.text), f.text, f.suggestion, f.message, f.severity, f.source))
        self.ai_findings = kept

    # ------------------------------------------------------------ export
    def export_document(self, out: Path) -> Path:
        """The corrected document: a .docx source to .docx keeps its structure while the lines still match its blocks."""
        document = self.document or Document(format="paste")
        blocks = blocks_from_text(document, self.text) if document.format == "docx" else None
        return write_corrected(document, self.text, out, blocks)

    def export_report(self, out: Path) -> Path:
        lang = str(self._context.settings.get("language"))
        title = self.tr("Findings: {name}").format(name=self.source_path.name if self.source_path else self.tr("text"))
        return write_report(self.text, self.findings, out, title=title, lang=lang)

    def profile_guess(self) -> str:
        return guess_profile(self.text)

    def wait_idle(self, msecs: int = 30000) -> bool:
        return self._background.wait(msecs)


