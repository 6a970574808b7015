"""``fumi summarize`` exactly as the command line runs it, plus the job's token counts.

Usage: ``python benchmarks/summarize_stats.py summarize FILE [fumi options...]``

Prints to stderr, after the command's own lines, ``STATS {...}`` (prompt tokens,
prompt tokens actually evaluated, generated tokens, parts, the job's seconds) and
``WALL <s>``: what a wall-time comparison of whole summaries needs to explain
itself, since batching speeds up generation only, never prompt processing.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import desktop.cli.summarize_cmd as summarize_cmd  # noqa: E402
from desktop.cli import main as fumi_main  # noqa: E402

REPORTED = ("prompt_tokens", "prompt_eval_tokens", "generated_tokens", "parts", "seconds", "finish_reason")


def main() -> int:
    run_job = summarize_cmd.run_job

    def run_and_report(*args, **kwargs):
        result = run_job(*args, **kwargs)
        stats = {key: result.stats.get(key) for key in REPORTED}
        if isinstance(stats["parts"], list):
            stats["parts"] = len(stats["parts"])
        print("STATS " + json.dumps(stats, ensure_ascii=False, default=str), file=sys.stderr)
        return result

    summarize_cmd.run_job = run_and_report
    started = time.perf_counter()
    try:
        code = fumi_main(sys.argv[1:])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    print(f"WALL {time.perf_counter() - started:.1f}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
