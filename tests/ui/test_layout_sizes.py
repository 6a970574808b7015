"""Every page of the window at the sizes staff use: 1280×720, 1366×768, and 150 % scaling.

Each size runs the real window in a child process (the screen size and
``QT_SCALE_FACTOR`` must be set before Qt starts; ``tests/support/layout_shots.py``)
and saves screenshots of every pane, the settings dialog and the menus under
``tmp_path`` to look at. What can be checked is checked: no sideways scrolling
in the draft form, the メモ field over two lines tall, buttons and fields inside
the window, translate rows sized to their text, the window within the screen
after a model is loaded, オフライン visible, the settings dialog without
scrolling. Menu labels are checked by eye in the screenshots (no geometry tells
when Qt's style-sheet style cuts one).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: label: (physical screen width, height, QT_SCALE_FACTOR); 150 % of 1920×1080 is 1280×720 logical.
SIZES = {"1280x720": (1280, 720, "1"), "1366x768": (1366, 768, "1"), "1280x720_150pct": (1920, 1080, "1.5")}


@pytest.mark.parametrize("label", list(SIZES))
def test_every_pane_fits_the_screen(label, tmp_path, shots):
    width, height, scale = SIZES[label]
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                                "logicalDpi": 96, "logicalBaseDpi": 96}]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}", QT_SCALE_FACTOR=scale,
               PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "tests.support.layout_shots", str(shots), label],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert sorted(p.name for p in shots.glob("*.png"))  # the screenshots are there to look at
    assert report["problems"] == [], report
