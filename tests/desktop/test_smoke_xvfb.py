"""The real window on a virtual X screen (Xvfb, the xcb platform plugin): a short session with
screenshots. Skips with a reason where Xvfb is not installed (.ci/run installs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt-get install xvfb)")
def test_real_window_under_xvfb_saves_screenshots(tmp_path: Path) -> None:
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x860x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        out = Path(os.environ.get("PLANDESK_SCREENSHOTS", tmp_path / "shots"))
        seeds = sorted(SEEDS.glob("00[01]_*.txt")) if SEEDS.is_dir() else []  # 江西 十一五 and 十三五
        plans = ["--plans", *map(str, seeds)] if len(seeds) == 2 else []
        proc = subprocess.run([sys.executable, "-m", "desktop.smoke", str(out), "--library", str(tmp_path), *plans],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        shots = sorted(p.name for p in out.glob("*.png"))
        assert shots == ["1-import.png", "2-library.png", "3-search.png", "4-reader.png", "5-drafting.png",
                         "6-compare.png"]
        assert all((out / s).stat().st_size > 10_000 for s in shots)  # real pictures, not blank frames
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
