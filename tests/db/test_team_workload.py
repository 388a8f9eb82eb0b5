"""A few client processes on one PostgreSQL library for a few seconds (bench/bench_team.py's
workload, short): imports, searches and draft saves at once, and nothing lost afterwards."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_team import run_workload  # noqa: E402  (bench/ is not a package)


def test_four_clients_lose_nothing(pg_url: str) -> None:
    report = run_workload(pg_url, clients=4, seconds=5, drafts=2)
    assert report.problems == []  # errors other than the intended conflicts included
    assert len(report.logs) == 4
    assert report.all("imports") and report.all("search_ms") and report.all("saves")
    saved = {s.draft for s in report.all("saves")}
    assert len(saved) == 2  # both drafts were saved
