"""The window's DocumentLoader reads through the limited child process: documents, warnings and refusals."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.draft_form import DocumentLoader

CASES = Path(__file__).resolve().parents[1] / "data" / "intake"


def test_loader_hands_over_the_document_with_its_warnings(qtbot) -> None:
    loader = DocumentLoader()
    with qtbot.waitSignal(loader.document_loaded, timeout=30000) as blocker:
        loader.load(str(CASES / "footnote.docx"))
    path, document = blocker.args
    assert path.endswith("footnote.docx")
    assert [b.kind for b in document.blocks] == ["paragraph", "footnote", "paragraph"]
    assert [w["code"] for w in document.warnings] == ["documents.has_comments"]


def test_loader_refuses_a_lying_archive_without_harm(qtbot) -> None:
    loader = DocumentLoader()
    with qtbot.waitSignal(loader.failed, timeout=30000) as blocker:
        loader.load(str(CASES / "zip_member_lying_size.docx"))
    assert "zip_member_lying_size.docx" in blocker.args[1]
