"""Comparison speed and quality: compare_plans beside character-level difflib over the same two texts.

    python bench/bench_compare.py [--runs 20]

Two cases: seed 000 against seed 001 (two unrelated plans, 十一五 vs 十三五), and seed 001 against a
copy edited at run time (a section reworded, one moved, one renamed, one deleted with the later ones
renumbered, an indicator target changed). For each: the full comparison (alignment, text diff,
indicators, projects), median and p95 ms; stdlib difflib.SequenceMatcher (autojunk off) over the same
two whole texts, once; and how many characters each keeps unchanged (more is better: a faster diff
that marks more text as changed is worse). For the revised case also the Word redline (`plandesk diff
--docx`): building the document from a comparison, and writing the .docx file. Without
../shared/seeds, a made-up plan stands in.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timing import timed  # noqa: E402

from planning.compare import Comparison, compare_plans  # noqa: E402
from planning.compare.redline import build_redline, write_redline  # noqa: E402
from planning.ingest import parse_file  # noqa: E402
from planning.model import Plan  # noqa: E402
from tests.planning.compare.edits import edit_plan, synthetic_plan  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
GOAL_REVISED_MS, GOAL_UNRELATED_MS, GOAL_SPEEDUP = 10.0, 250.0, 100.0


def seed(number: str) -> Plan | None:
    found = sorted(SEEDS.glob(f"{number}_*.txt")) if SEEDS.is_dir() else []
    return parse_file(found[0])[0] if found else None


def plan_text(plan: Plan) -> str:
    """The text both methods compare: preamble, then every heading and section text in order."""
    parts = [plan.preamble]
    for _, s in plan.walk():
        parts.append(f"{s.label}{s.title}")
        parts.append(s.text)
    return "\n".join(p for p in parts if p)



def kept_by_compare(c: Comparison) -> int:
    """Unchanged characters of the same texts difflib sees: section text kept ("=" ops), the preamble's,
    and for each matched pair its heading's common characters (label + title) and line breaks."""
    kept = sum(len(t) for k, t in c.preamble if k == "=")
    for s in c.sections:
        if s.role == "part":
            continue
        kept += sum(len(t) for k, t in s.ops if k == "=")
        if s.old and s.new:
            heads = SequenceMatcher(None, s.old.label + s.old.title, s.new.label + s.new.title, autojunk=False)
            kept += sum(m.size for m in heads.get_matching_blocks()) + 1 + (1 if s.ops else 0)
    return kept


def case(name: str, old: Plan, new: Plan, runs: int, goal_ms: float) -> None:
    a, b = plan_text(old), plan_text(new)
    med, p95 = timed(lambda: compare_plans(old, new), runs)
    c = compare_plans(old, new)
    t = time.perf_counter()
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    difflib_ms = (time.perf_counter() - t) * 1000
    difflib_kept = sum(m.size for m in blocks)
    s = c.summary()
    print(f"\n{name}: {len(a):,} → {len(b):,} characters ({len(a.encode()):,} → {len(b.encode()):,} bytes)")
    print(f"  compare_plans        median {med:8.2f} ms   p95 {p95:8.2f} ms   (goal < {goal_ms:g} ms: "
          f"{'met' if med < goal_ms else 'NOT met'})")
    print(f"  difflib (chars)      once   {difflib_ms:8.1f} ms   → {difflib_ms / med:,.0f}× slower "
          f"(goal ≥ {GOAL_SPEEDUP:g}×: {'met' if difflib_ms / med >= GOAL_SPEEDUP else 'NOT met'})")
    print(f"  unchanged characters compare_plans {kept_by_compare(c):,}   difflib {difflib_kept:,}")
    print(f"  sections {s['sections']}")
    print(f"  chars +{s['chars_inserted']:,} −{s['chars_deleted']:,}   indicators {s['indicators']}")


def redline_case(old: Plan, new: Plan, runs: int) -> None:
    """The Word redline of a revised plan: the document built (comparison given), and the file written."""
    c = compare_plans(old, new)
    build_med, build_p95 = timed(lambda: build_redline(old, new, comparison=c), runs)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "redline.docx"
        write_med, write_p95 = timed(lambda: write_redline(old, new, out, comparison=c), runs)
        size = out.stat().st_size
    print(f"  redline document     median {build_med:8.2f} ms   p95 {build_p95:8.2f} ms   (built, not saved)")
    print(f"  redline .docx        median {write_med:8.2f} ms   p95 {write_p95:8.2f} ms   ({size:,} bytes written)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    p000, p001 = seed("000"), seed("001")
    if p000 is None or p001 is None:
        print(f"seed plans not found in {SEEDS}: a made-up plan stands in (figures are not comparable)")
        base = synthetic_plan()
        edited, _ = edit_plan(base)
        case("made-up plan vs edited copy", base, edited, args.runs, GOAL_REVISED_MS)
        redline_case(base, edited, args.runs)
        return
    case("000 (十一五) vs 001 (十三五), unrelated", p000, p001, args.runs, GOAL_UNRELATED_MS)
    edited, _ = edit_plan(p001)
    case("001 vs edited 001, revised", p001, edited, args.runs, GOAL_REVISED_MS)
    redline_case(p001, edited, args.runs)


if __name__ == "__main__":
    main()
