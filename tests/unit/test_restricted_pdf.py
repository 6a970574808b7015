"""A "restricted" PDF (AES, empty user password) opens; without cryptography it is exit 4 naming the problem."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.documents import read_document
from tests.support import doc_factory as factory

REPO = Path(__file__).resolve().parents[2]


def test_restricted_pdf_is_read(tmp_path: Path) -> None:
    path = factory.make_encrypted_pdf(tmp_path / "restricted.pdf", password="")
    assert "The city budget grew this year." in read_document(path).text()


def test_without_cryptography_it_is_a_document_problem(tmp_path: Path) -> None:
    path = factory.make_encrypted_pdf(tmp_path / "restricted.pdf", password="")
    blocker = tmp_path / "blocker" / "cryptography"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text('raise ImportError("blocked for this test", name="cryptography")\n')
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(blocker.parent), str(REPO)]), FUMI_LANG="en")
    done = subprocess.run([sys.executable, "-m", "desktop", "read", str(path)], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 4, done.stderr
    assert "restricted.pdf" in done.stderr and "cryptography" in done.stderr
    assert "unexpected" not in done.stderr
