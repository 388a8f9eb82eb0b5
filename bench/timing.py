"""Shared by the bench scripts: run a function many times and report median and p95 milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    """(median, p95) of the samples."""
    ordered = sorted(samples_ms)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and p95 in ms of `runs` calls, after one warm-up call (caches, imports, compiled patterns)."""
    fn()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return percentiles(samples)
