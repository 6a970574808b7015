"""Measure the window: start-up time, event-loop stalls while text streams in, and its memory.

Started by ``benchmarks/run.py`` as its own process (like a user starting
``fumi``), with ``FUMI_BENCH_T0`` = the wall-clock time just before the start.
It opens the real window through ``desktop.app.run_app`` (the same code path
as ``fumi``) and then:

1. start-up: wall time from ``FUMI_BENCH_T0`` until the main window has been
   shown and the event loop runs;
2. loads ``--model`` through the window's own ``EngineClient`` and streams a
   ``generate`` job into a ``StreamingTextView`` of the window, while a 10 ms
   QTimer records the longest gap between its ticks (the longest stall);
3. reads the window process's resident memory (RSS), then quits.

Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TICK_MS = 10


def rss_mb(pid: int | None = None) -> float | None:
    try:
        text = Path(f"/proc/{pid or os.getpid()}/status").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--max-tokens", type=int, default=128)
    args = parser.parse_args()
    t0 = float(os.environ.get("FUMI_BENCH_T0", time.time()))

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    result: dict = {}

    class Probe(QObject):
        """Waits for the main window's first show, then drives the streaming test."""

        def __init__(self) -> None:
            super().__init__()
            self.window = None
            self.last_tick = 0.0
            self.max_gap = 0.0
            self.ticks = 0
            self.request = ""
            self.tokens_seen = 0
            self.timer = QTimer()
            self.timer.setInterval(TICK_MS)
            self.timer.timeout.connect(self.tick)

        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if self.window is None and isinstance(obj, QMainWindow) and event.type() == QEvent.Type.Show:
                self.window = obj
                QTimer.singleShot(0, self.shown)
            return False

        def shown(self) -> None:
            result["startup_s"] = round(time.time() - t0, 3)
            result["ui_rss_mb_idle"] = rss_mb()
            QTimer.singleShot(1500, self.start_stream)  # let the window's own start-up work settle

        def start_stream(self) -> None:
            from desktop.ui.widgets.streaming_text import StreamingTextView

            self.view = StreamingTextView(self.window)
            self.view.resize(600, 400)
            self.view.show()
            engine = self.window.context.engine
            self.engine = engine
            engine.loaded.connect(self.on_loaded)
            engine.delta.connect(self.on_delta)
            engine.done.connect(self.on_done)
            engine.error.connect(self.on_error)
            self.load_id = engine.load(args.model, n_threads=args.threads)

        def on_loaded(self, request_id: str, facts: dict) -> None:
            if request_id != self.load_id:
                return
            self.last_tick = time.perf_counter()
            self.timer.start()
            self.request = self.engine.run_job(
                "generate", {"prompt": "Write a long report about the city budget."},
                {"max_tokens": args.max_tokens, "temperature": 0.7, "seed": 1},
            )

        def tick(self) -> None:
            now = time.perf_counter()
            self.max_gap = max(self.max_gap, now - self.last_tick)
            self.last_tick = now
            self.ticks += 1

        def on_delta(self, request_id: str, text: str) -> None:
            if request_id == self.request:
                self.view.append_delta(text)
                self.tokens_seen += 1

        def on_done(self, request_id: str, stats: dict) -> None:
            if request_id != self.request:
                return
            self.timer.stop()
            result["stream_deltas"] = self.tokens_seen
            result["stream_tokens_per_s"] = stats.get("tokens_per_s")
            result["ui_max_stall_ms"] = round((self.max_gap * 1000) - TICK_MS, 1)
            result["ui_ticks"] = self.ticks
            result["ui_rss_mb"] = rss_mb()
            result["engine_rss_mb"] = rss_mb(self.engine.pid() or None)
            self.finish()

        def on_error(self, request_id: str, code: str, text: str) -> None:
            result["error"] = f"{code}: {text}"
            self.finish()

        def finish(self) -> None:
            self.window.close()
            QTimer.singleShot(200, app.quit)

    probe = Probe()
    app.installEventFilter(probe)
    QTimer.singleShot(120_000, app.quit)  # never hang a benchmark run

    from desktop.app import run_app

    run_app([])
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
