"""Roll-forward speed: a whole ~100 KB plan, beside plain str.replace passes in the same run.

    python bench/bench_rollforward.py [--runs 50]

The text is seed 001 (≈100 KB) when ../shared/seeds is there, else the sample plan repeated to
100 KB. The baseline replaces the same period names and years blindly with `str.replace` (one pass
each): the floor any rule-aware roll-forward is measured against. Goal: the roll under 20 ms.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timing import timed  # noqa: E402

from planning.drafting.rollforward import infer_from_period, period_name, period_number, roll_forward  # noqa: E402
from planning.parse.periods import five_year_span  # noqa: E402
from planning.paths import resource_path  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"


def plan_text() -> tuple[str, str]:
    """(text, where it came from)."""
    found = sorted(SEEDS.glob("001_*.txt")) if SEEDS.is_dir() else []
    if found:
        return found[0].read_text(encoding="utf-8"), found[0].name
    sample = resource_path("sample", "qinghe_14th_plan.txt").read_text(encoding="utf-8")
    return sample * (100_000 // len(sample.encode("utf-8")) + 1), "sample plan repeated"




def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    text, source = plan_text()
    # Roll to the period after the one the text mostly names.
    latest = max(period_number(infer_from_period(text, "十九五")), 11)
    to_period = period_name(latest + 1)
    from_period = infer_from_period(text, to_period)
    shift = period_number(to_period) - period_number(from_period)
    start, end = five_year_span(period_number(from_period))
    pairs = [(period_name(n), period_name(n + shift)) for n in range(18 - shift, 10, -1)]  # latest first
    pairs += [(f"{y}年", f"{y + 5 * shift}年") for y in (end, start - 1)]

    def baseline() -> str:
        out = text
        for before, after in pairs:
            out = out.replace(before, after)
        return out

    result = roll_forward(text, to_period=to_period, from_period=from_period)
    print(f"text: {source}, {len(text.encode('utf-8')) / 1000:.0f} KB, {len(text):,} characters; "
          f"{from_period} → {to_period}")
    print(f"roll_forward: {len(result.replacements)} replacements, {len(result.flagged)} flagged")
    rows = [
        ("baseline: str.replace passes", timed(baseline, args.runs)),
        ("roll_forward (rules, offsets, flags)", timed(
            lambda: roll_forward(text, to_period=to_period, from_period=from_period), args.runs)),
        ("roll_forward, period inferred", timed(lambda: roll_forward(text, to_period=to_period), args.runs)),
    ]
    print(f"{'':40s} {'median ms':>10s} {'p95 ms':>8s}")
    for name, (median, p95) in rows:
        print(f"{name:40s} {median:10.2f} {p95:8.2f}")
    goal = rows[1][1][0]
    print(f"goal < 20 ms: {'met' if goal < 20 else 'NOT met'} ({goal:.2f} ms)")


if __name__ == "__main__":
    main()
