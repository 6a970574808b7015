"""Reading speed: ``python benchmarks/reading.py [--rounds N]``.

Generates, under a temporary folder, a 50-page .docx (python-docx: headings,
paragraphs of Japanese 公用文-style text, a table every few pages, one
footnote-free body as staff write them) and a 100-page text PDF (written by
hand with a Helvetica text layer, as tests/support/doc_factory.py does), then
reads each with ``read_document`` (in-process, the readers alone) and with
``read_isolated`` (the child process the window and the CLI use), and prints
MB/s of file size and of extracted text (UTF-8), medians of ``--rounds`` runs. It also
reads a .docx whose XML inflates to 300 MB in the reader process and reports
how fast it is refused and that process's peak resident memory (POSIX).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.documents import read_document  # noqa: E402
from desktop.reading import read_isolated  # noqa: E402
from tests.support.doc_factory import make_text_pdf  # noqa: E402

SENTENCE = "本市は、地域防災計画に基づき、避難所の運営体制を見直し、要配慮者の支援を強化するものとする。"
PARAGRAPHS_PER_PAGE = 10  # ~1,400 characters a page, as a typed A4 page of Japanese


def make_docx(path: Path, pages: int) -> Path:
    import docx

    document = docx.Document()
    for page in range(pages):
        document.add_heading(f"第{page + 1}章 防災計画の見直し", level=1)
        for number in range(PARAGRAPHS_PER_PAGE):
            document.add_paragraph(SENTENCE * 3 + f"（{page + 1}-{number + 1}）")
        if page % 5 == 0:
            table = document.add_table(rows=4, cols=3)
            for row in table.rows:
                for cell in row.cells:
                    cell.text = "避難所名"
        document.add_page_break()
    document.save(path)
    return path


def make_pdf(path: Path, pages: int) -> Path:
    line = "The city reviewed its disaster plan and strengthened support for residents who need care."
    return make_text_pdf(path, [[f"{line} ({page + 1}-{n + 1})" for n in range(45)] for page in range(pages)])


def make_bomb(path: Path, inflated_mb: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:  # streamed: this process stays small
            member.write(b"<a>")
            for _ in range(inflated_mb):
                member.write(b" " * (1024 * 1024))
            member.write(b"</a>")
    return path


def read_in_child(path: Path) -> tuple[str, float, float]:
    """The reader process's answer code for ``path``, its wall time and its peak resident memory (MB)."""
    import json
    import os
    import subprocess

    from desktop.child_process import child_env
    from desktop.reading import reader_command

    start = time.perf_counter()
    process = subprocess.Popen(reader_command(str(path), None), stdout=subprocess.PIPE, env=child_env())
    output = process.stdout.read()
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    answer = json.loads(output.decode("utf-8").strip().splitlines()[-1])
    code = answer["error"]["code"] if "error" in answer else "read (unexpected)"
    return code, elapsed, usage.ru_maxrss / 1024


def measure(path: Path, reader, rounds: int) -> tuple[float, int]:
    times = []
    chars = 0
    for _ in range(rounds):
        start = time.perf_counter()
        document = reader(path)
        times.append(time.perf_counter() - start)
        chars = len(document.text())
    return statistics.median(times), chars


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = {"50-page .docx": make_docx(root / "fifty.docx", 50), "100-page text PDF": make_pdf(root / "hundred.pdf", 100)}
        print("| file | size | in-process | file MB/s | text MB/s (UTF-8) | isolated (child process) | file MB/s |")
        print("|---|---|---|---|---|---|---|")
        for label, path in files.items():
            size_mb = path.stat().st_size / (1024 * 1024)
            seconds, chars = measure(path, read_document, args.rounds)
            isolated, _ = measure(path, read_isolated, args.rounds)
            text_mb = chars * 3 / (1024 * 1024)  # Japanese: 3 bytes a character in UTF-8 (the PDF's ASCII: 1)
            if path.suffix == ".pdf":
                text_mb = chars / (1024 * 1024)
            print(f"| {label} | {size_mb:.2f} MB, {chars:,} chars | {seconds:.3f} s | {size_mb / seconds:.2f} | "
                  f"{text_mb / seconds:.2f} | {isolated:.3f} s | {size_mb / isolated:.2f} |")
        bomb = make_bomb(root / "bomb.docx", 300)
        outcome, elapsed, peak_mb = read_in_child(bomb)
        print(f"\n.docx inflating to 300 MB ({bomb.stat().st_size / 1024:.0f} KB on disk): {outcome} in {elapsed:.2f} s; "
              f"reader process peak {peak_mb:.0f} MB resident")
    return 0


if __name__ == "__main__":
    sys.exit(main())
