"""Precision and recall of 文書チェック per rule on a labelled set: ``python benchmarks/checking/evaluate.py``.

The set (``eval_set.toml``, or ``--set FILE``) marks each expected finding as
``{rule:span}`` inside the text; spans may nest. A finding counts as correct
when a label of the same rule overlaps it; a label counts as found when a
finding of its rule overlaps it. Everything unmarked must not be flagged, so
near misses (事故, 資料を下さい, 及び) are false positives when flagged.
Prints a table; ``--json`` prints the numbers as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.checking import Checker  # noqa: E402

HERE = Path(__file__).resolve().parent


def parse_markup(body: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The plain text and its labels ``(rule, start, end)`` from ``{rule:span}`` markup."""
    out: list[str] = []
    labels: list[tuple[str, int, int]] = []
    stack: list[tuple[str, int]] = []
    position = 0
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "{":
            colon = body.index(":", i)
            stack.append((body[i + 1:colon], position))
            i = colon + 1
            continue
        if ch == "}" and stack:
            rule, start = stack.pop()
            labels.append((rule, start, position))
            i += 1
            continue
        out.append(ch)
        position += 1
        i += 1
    if stack:
        raise ValueError(f"unclosed label {stack[-1][0]}")
    return "".join(out), labels


def load_set(path: Path) -> list[dict]:
    items = []
    for entry in tomllib.loads(path.read_text(encoding="utf-8"))["text"]:
        text, labels = parse_markup(entry["body"].strip("\n"))
        items.append({"id": entry["id"], "profile": entry.get("profile", "tsuchi"), "text": text, "labels": labels})
    return items


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(items: list[dict], checker: Checker) -> tuple[dict, list[str]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "found": 0, "labels": 0})
    mistakes = []
    for item in items:
        findings = checker.check(item["text"], item["profile"]).findings
        for f in findings:
            hit = any(rule == f.rule and overlaps((s, e), (f.start, f.end)) for rule, s, e in item["labels"])
            counts[f.rule]["tp" if hit else "fp"] += 1
            if not hit:
                mistakes.append(f"FP {item['id']} {f.rule} 「{f.text[:30]}」")
        for rule, s, e in item["labels"]:
            counts[rule]["labels"] += 1
            if any(f.rule == rule and overlaps((s, e), (f.start, f.end)) for f in findings):
                counts[rule]["found"] += 1
            else:
                mistakes.append(f"FN {item['id']} {rule} 「{item['text'][s:e][:30]}」")
    return counts, mistakes


def scores(c: dict[str, int]) -> tuple[float, float]:
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    recall = c["found"] / c["labels"] if c["labels"] else 1.0
    return precision, recall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=HERE / "eval_set.toml")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--mistakes", action="store_true", help="list every false positive and negative")
    args = parser.parse_args(argv)
    items = load_set(args.set)
    checker = Checker()
    counts, mistakes = evaluate(items, checker)
    all_rules = sorted({r.id for r in checker.rules} | set(counts))
    total = {"tp": 0, "fp": 0, "found": 0, "labels": 0}
    rows = {}
    for rule in all_rules:
        c = counts.get(rule, {"tp": 0, "fp": 0, "found": 0, "labels": 0})
        for key in total:
            total[key] += c[key]
        precision, recall = scores(c)
        rows[rule] = {"labels": c["labels"], "findings": c["tp"] + c["fp"], "precision": round(precision, 3),
                      "recall": round(recall, 3)}
    precision, recall = scores(total)
    summary = {"texts": len(items), "labels": total["labels"], "findings": total["tp"] + total["fp"],
               "precision": round(precision, 3), "recall": round(recall, 3), "rules": rows}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print(f"{'rule':28} {'labels':>6} {'found':>6} {'precision':>9} {'recall':>6}")
        for rule, row in rows.items():
            print(f"{rule:28} {row['labels']:>6} {row['findings']:>6} {row['precision']:>9.2f} {row['recall']:>6.2f}")
        print(f"{'all':28} {total['labels']:>6} {summary['findings']:>6} {precision:>9.2f} {recall:>6.2f}"
              f"   ({len(items)} texts)")
    if args.mistakes:
        print("\n".join(mistakes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
