"""Fumi against llama.cpp itself, side by side, in one run: ``python benchmarks/run.py``.

From a clean checkout this:

1. writes random-weight GGUF files of Qwen2.5-0.5B's and Qwen2.5-1.5B's shapes
   and quantizes them to Q4_K_M with llama.cpp's quantizer (``models.py``);
2. builds ``llama-bench`` from the llama.cpp inside the installed
   llama-cpp-python's sdist (``llama_bench_build.py``);
3. for each model, alternates rounds of ``llama-bench`` (pp512, tg128 after a
   512-token prompt) and of Fumi's own bench through the engine process
   (``desktop.bench``), at the same thread count, and compares medians;
4. measures the window (``ui_probe.py``): start-up to the main window shown,
   the longest event-loop stall while text streams in, its memory;
5. measures summarization throughput (source tokens per second over a long
   document) against pure prompt processing;
6. tries the settings the engine's defaults are chosen from (threads, flash
   attention, micro-batch size) with ``llama-bench``.

Prints a table and writes ``benchmarks/results.json``. Everything heavy is
cached under ``benchmarks/.cache/`` (git-ignored). Not part of CI: it takes
several minutes. Options: ``--rounds N``, ``--threads N``, ``--models a,b``,
``--skip-ui``, ``--skip-summary``, ``--skip-settings``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from llama_bench_build import ensure_llama_bench  # noqa: E402
from models import SHAPES, ensure_model  # noqa: E402

#: The targets of issue 8 (ratios are Fumi / llama.cpp).
TARGETS = {
    "tg_ratio": 0.97, "pp_ratio": 0.95, "regen_ttft_fraction": 0.1,
    "ui_max_stall_ms": 50.0, "startup_s": 2.0, "ui_rss_mb": 300.0,
}


def log(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def median(values: list[float]) -> float | None:
    values = [v for v in values if v]
    return round(statistics.median(values), 2) if values else None


# ---------------------------------------------------------------- llama.cpp side

def llama_bench(exe: Path, model: Path, *, threads: int, extra: list[str] | None = None,
                repetitions: int = 1) -> list[dict]:
    """Run llama-bench and return its JSON records (one per test)."""
    command = [str(exe), "-m", str(model), "-t", str(threads), "-r", str(repetitions), "-o", "json",
               *(extra or ["-p", "512", "-n", "128", "-d", "0,512"])]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output)


def pick(records: list[dict], *, prompt: int, gen: int, depth: int = 0, **match) -> float | None:
    for record in records:
        if (record["n_prompt"], record["n_gen"], record.get("n_depth", 0)) == (prompt, gen, depth) and all(
            record.get(key) == value for key, value in match.items()
        ):
            return float(record["avg_ts"])
    return None


# ---------------------------------------------------------------- Fumi side

def fumi_session(model: Path, threads: int, n_ctx: int = 2048):
    from desktop.engine.session import EngineSession

    session = EngineSession()
    facts = session.load(model, n_ctx, threads)
    return session, facts


def compare_speed(exe: Path, model: Path, threads: int, rounds: int) -> dict:
    """Alternate llama-bench and Fumi bench rounds; medians and ratios."""
    from desktop.bench import run_bench

    samples: dict[str, list[float]] = {k: [] for k in (
        "llama_pp512", "llama_tg128", "llama_tg128_d512", "fumi_pp", "fumi_tg", "fumi_ttft", "fumi_ttft_regen")}
    fumi_last: dict = {}
    started = time.perf_counter()
    session, facts = fumi_session(model, threads)
    load_s = facts.get("load_s")
    with session:
        for round_no in range(1, rounds + 1):
            log(f"{model.name}: round {round_no}/{rounds} llama-bench")
            records = llama_bench(exe, model, threads=threads)
            samples["llama_pp512"].append(pick(records, prompt=512, gen=0))
            samples["llama_tg128"].append(pick(records, prompt=0, gen=128))
            samples["llama_tg128_d512"].append(pick(records, prompt=0, gen=128, depth=512))
            log(f"{model.name}: round {round_no}/{rounds} fumi bench")
            fumi_last = run_bench(session, facts)
            samples["fumi_pp"].append(fumi_last["pp_tokens_per_s"])
            samples["fumi_tg"].append(fumi_last["tg_tokens_per_s"])
            samples["fumi_ttft"].append(fumi_last["ttft_s"])
            samples["fumi_ttft_regen"].append(fumi_last["ttft_regenerate_s"])
    result = {name: median(values) for name, values in samples.items()}
    result["samples"] = samples
    result["load_s"] = load_s
    result["threads"] = facts.get("n_threads")
    result["model_size_mb"] = round(model.stat().st_size / 1e6, 1)
    result["engine_rss_mb"] = fumi_last.get("engine_rss_mb")
    result["pp_ratio"] = _ratio(result["fumi_pp"], result["llama_pp512"])
    result["tg_ratio"] = _ratio(result["fumi_tg"], result["llama_tg128_d512"])
    result["tg_ratio_vs_depth0"] = _ratio(result["fumi_tg"], result["llama_tg128"])
    result["pp_ratio_best"] = _ratio(max(filter(None, samples["fumi_pp"]), default=None),
                                     max(filter(None, samples["llama_pp512"]), default=None))
    result["tg_ratio_best"] = _ratio(max(filter(None, samples["fumi_tg"]), default=None),
                                     max(filter(None, samples["llama_tg128_d512"]), default=None))
    result["regen_ttft_fraction"] = _ratio(result["fumi_ttft_regen"], result["fumi_ttft"], digits=4)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def _ratio(a: float | None, b: float | None, digits: int = 3) -> float | None:
    return round(a / b, digits) if a and b else None


def measure_ui(model: Path, threads: int) -> dict:
    """Start-up, stall and memory of the window, in a fresh process (see ui_probe.py)."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, FUMI_HOME=home, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        runs = []
        for _ in range(2):  # the first start warms the disk cache (Python, Qt); report the second
            env["FUMI_BENCH_T0"] = repr(time.time())
            done = subprocess.run(
                [sys.executable, str(HERE / "ui_probe.py"), "--model", str(model), "--threads", str(threads)],
                capture_output=True, text=True, env=env, timeout=300,
            )
            lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
            runs.append(json.loads(lines[-1]) if lines else {"error": done.stderr[-800:]})
        result = dict(runs[-1])
        result["startup_s_first"] = runs[0].get("startup_s")
        return result


def measure_summary(model: Path, threads: int, pp_rate: float | None) -> dict:
    """Summarize a long document through the engine; source tokens per second vs prompt processing."""
    from desktop import bench
    from desktop.engine import protocol

    paragraphs = [
        f"第{i}項。{bench.prompt_text(60, salt=100 + i)}。市の予算と住民サービスについて検討した。"
        for i in range(1, 40)
    ]
    text = "\n\n".join(paragraphs)
    session, facts = fumi_session(model, threads, n_ctx=2048)
    with session:
        source_tokens = bench.count_tokens(session, text)
        job = protocol.Job(kind="summarize", inputs={"text": text},
                           options={"length": "short", "style": "bullets", "seed": 1, "max_tokens": 64})
        timed = bench.timed_request(session, job)
    seconds = (timed.done_at or time.perf_counter()) - timed.sent_at
    stats = timed.stats
    rate = source_tokens / seconds if seconds > 0 else None
    return {
        "source_tokens": source_tokens, "seconds": round(seconds, 2),
        "source_tokens_per_s": round(rate, 1) if rate else None,
        "pp_tokens_per_s": pp_rate, "ratio_to_pp": _ratio(rate, pp_rate),
        "parts": stats.get("parts"), "prompt_eval_tokens": stats.get("prompt_eval_tokens"),
        "generated_tokens": stats.get("generated_tokens"), "n_ctx": facts.get("n_ctx"),
    }


def measure_settings(exe: Path, model: Path) -> dict:
    """llama-bench over the choices behind the engine's defaults."""
    records = llama_bench(exe, model, threads=1, repetitions=2, extra=[
        "-t", "1,2", "-fa", "0,1", "-ub", "256,512", "-p", "512", "-n", "64"])
    rows = []
    for record in records:
        rows.append({"threads": record["n_threads"], "flash_attn": record.get("flash_attn"),
                     "n_ubatch": record["n_ubatch"], "test": "pp512" if record["n_prompt"] else "tg64",
                     "tokens_per_s": round(record["avg_ts"], 1), "stddev": round(record["stddev_ts"], 1)})
    return {"rows": rows}


# ---------------------------------------------------------------- report

def report(results: dict) -> str:
    lines = [f"Fumi vs llama.cpp ({results['cpu']}, {results['threads']} threads; medians of "
             f"{results['rounds']} alternating rounds)", ""]
    lines.append("| model | llama-bench pp512 | Fumi pp512 | ratio | llama-bench tg128 @512 | Fumi tg128 | ratio "
                 "| TTFT cold | TTFT regenerate | load | engine RSS / file |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    for name, r in results["speed"].items():
        lines.append(
            f"| {name} | {r['llama_pp512']} t/s | {r['fumi_pp']} t/s | {r['pp_ratio']} | {r['llama_tg128_d512']} t/s "
            f"| {r['fumi_tg']} t/s | {r['tg_ratio']} | {r['fumi_ttft']} s | {r['fumi_ttft_regen']} s "
            f"({r['regen_ttft_fraction']}×) | {r['load_s']} s | {r['engine_rss_mb']} / {r['model_size_mb']} MB |")
    ui = results.get("ui")
    if ui:
        lines += ["", f"Window: start-up {ui.get('startup_s')} s (first, cold: {ui.get('startup_s_first')} s); "
                  f"longest event-loop stall while streaming {ui.get('ui_max_stall_ms')} ms; "
                  f"UI RSS {_fmt(ui.get('ui_rss_mb'))} MB; engine RSS {_fmt(ui.get('engine_rss_mb'))} MB"]
    summary = results.get("summary")
    if summary:
        lines += ["", f"Summarization: {summary['source_tokens']} source tokens in {summary['seconds']} s = "
                  f"{summary['source_tokens_per_s']} t/s vs prompt processing {summary['pp_tokens_per_s']} t/s "
                  f"(ratio {summary['ratio_to_pp']}; {summary['parts']} parts, "
                  f"{summary['generated_tokens']} tokens generated)"]
    settings = results.get("settings")
    if settings:
        lines += ["", "| threads | flash attn | ubatch | test | t/s |", "|---|---|---|---|---|"]
        lines += [f"| {row['threads']} | {row['flash_attn']} | {row['n_ubatch']} | {row['test']} | "
                  f"{row['tokens_per_s']} ± {row['stddev']} |" for row in settings["rows"]]
    lines += ["", "Targets: " + ", ".join(f"{key} {value}" for key, value in TARGETS.items())]
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="default: physical cores")
    parser.add_argument("--models", default=",".join(SHAPES))
    parser.add_argument("--skip-ui", action="store_true")
    parser.add_argument("--skip-summary", action="store_true")
    parser.add_argument("--skip-settings", action="store_true")
    parser.add_argument("--out", default=str(HERE / "results.json"))
    args = parser.parse_args()

    from desktop.library.hardware import physical_cores

    threads = args.threads or physical_cores()
    exe = ensure_llama_bench()
    models = {key: ensure_model(key, log=log) for key in args.models.split(",")}
    results: dict = {"cpu": _cpu_name(), "threads": threads, "rounds": args.rounds, "speed": {},
                     "command": "python benchmarks/run.py " + " ".join(sys.argv[1:]), "targets": TARGETS}
    for key, path in models.items():
        results["speed"][key] = compare_speed(exe, path, threads, args.rounds)
    first = next(iter(models.values()))
    first_speed = next(iter(results["speed"].values()))
    if not args.skip_ui:
        log("window: start-up, stall, memory")
        results["ui"] = measure_ui(first, threads)
    if not args.skip_summary:
        log("summarization throughput")
        results["summary"] = measure_summary(first, threads, first_speed["fumi_pp"])
    if not args.skip_settings:
        log("settings: threads / flash attention / ubatch (llama-bench)")
        results["settings"] = measure_settings(exe, first)
    Path(args.out).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(results))
    print(f"\nJSON: {args.out}")
    return 0


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return f"{line.split(':', 1)[1].strip()}, {os.cpu_count()} CPUs"
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs"


if __name__ == "__main__":
    sys.exit(main())
