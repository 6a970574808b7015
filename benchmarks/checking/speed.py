"""Speed of 文書チェック: ``python benchmarks/checking/speed.py``.

Builds a 30-page report (30 × 1,200 characters, A4 at 40 × 30) from the
evaluation set's texts, then measures, as medians of ``--rounds`` runs:

- ``full_check_s``: checking the whole report with nothing cached (a new
  ``Checker``, the word analysis cache cleared; the dictionary stays loaded);
- ``first_check_s``: the same in a fresh process state, dictionary load included
  (one run);
- ``recheck_edit_s``: checking the whole report again after one paragraph was
  edited — what the pane does while the user types (only that paragraph is
  analysed again);
- ``paragraph_s``: checking one paragraph on its own.

Prints one JSON document.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.checking.evaluate import HERE, load_set  # noqa: E402
from desktop.checking import Checker, morph  # noqa: E402
from desktop.checking.analyses_document import _ending_style  # noqa: E402

PAGE_CHARS = 1200
PAGES = 30


def report_text() -> str:
    paragraphs = [line for item in load_set(HERE / "eval_set.toml") for line in item["text"].split("\n") if line]
    out: list[str] = []
    size = 0
    number = 0
    while size < PAGE_CHARS * PAGES:
        line = paragraphs[number % len(paragraphs)]
        line = f"{line}（{number}）" if not line.endswith("。") else line[:-1] + f"（第{number}項）。"
        out.append(line)
        size += len(line) + 1
        number += 1
    return "\n".join(out)


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    text = report_text()
    checker = Checker()
    first = timed(lambda: checker.check(text, "tsuchi"))
    full = []
    for _ in range(args.rounds):
        morph._cache.clear()
        _ending_style.cache_clear()
        fresh = Checker()
        full.append(timed(lambda: fresh.check(text, "tsuchi")))
    lines = text.split("\n")
    middle = len(lines) // 2
    recheck = []
    paragraph = []
    for round_number in range(args.rounds):
        checker.check(text, "tsuchi")
        edited = lines[:middle] + [lines[middle] + f"確認する事が必要です{round_number}。"] + lines[middle + 1:]
        recheck.append(timed(lambda: checker.check("\n".join(edited), "tsuchi")))
        one = lines[middle] + f"確認して下さい{round_number}。"
        paragraph.append(timed(lambda: checker.check(one, "tsuchi")))
    findings = len(checker.check(text, "tsuchi").findings)
    print(json.dumps({
        "characters": len(text), "pages": PAGES, "paragraphs": len(lines), "findings": findings,
        "first_check_s": round(first, 3), "full_check_s": round(statistics.median(full), 3),
        "recheck_edit_s": round(statistics.median(recheck), 4), "paragraph_s": round(statistics.median(paragraph), 4),
        "rounds": args.rounds,
    }, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
