"""Compose speed: the seed-001 draft from a recipe (goal: under 200 ms), beside storing the same
plan (a plain import of the parsed plan, the baseline) in the same run.

    python bench/bench_compose.py [--runs 30]

The recipe is the drafting issue's: the provincial skeleton, 001's 保障措施 rolled forward, its
indicator table carried. Steps timed: the whole compose (read the recipe, read the source plan,
render, roll, carry, store the draft), the in-memory part alone, storing the draft, a draft save
(the autosave write), a snapshot, and the baseline. Needs ../shared/seeds/001_*.txt.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from timing import timed  # noqa: E402

from db.library import Library  # noqa: E402
from planning.drafting.recipe import load_recipe  # noqa: E402
from planning.ingest import parse_file  # noqa: E402
from service.compose import compose, compose_file  # noqa: E402
from service.importer import import_file  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
GOAL_MS = 200.0

RECIPE = """skeleton = "province_14th"
[variables]
region = "江西省"
period = "十四五"
issuer = "江西省人民政府"
date = 2021-06-30
[[reuse]]
plan = {plan}
section = "保障措施"
[[carry]]
indicators = {plan}
"""





def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    found = sorted(SEEDS.glob("001_*.txt")) if SEEDS.is_dir() else []
    if not found:
        sys.exit(f"seed 001 not found in {SEEDS}")
    seed = found[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        library = Library.open(folder / "bench.sqlite3")
        outcome = import_file(library, seed)
        assert outcome.status == "imported" and outcome.plan_id is not None
        recipe_path = folder / "jx.toml"
        recipe_path.write_text(RECIPE.format(plan=outcome.plan_id), encoding="utf-8")
        recipe = load_recipe(recipe_path)
        plan, _ = parse_file(seed)
        counter = iter(range(10**9))

        def in_memory() -> None:
            # compose without the final store: create_draft is swapped for a no-op for this call
            original = library.create_draft
            library.create_draft = lambda _plan: 0  # type: ignore[method-assign]
            try:
                compose(library, recipe)
            finally:
                library.create_draft = original  # type: ignore[method-assign]

        draft_id = compose_file(library, recipe_path).draft_id
        draft = library.get_plan(draft_id)

        rows = [
            ("BASELINE store the parsed plan (add_plan)",
             timed(lambda: library.add_plan(plan, content_hash=f"b{next(counter)}"), args.runs)),
            ("compose RECIPE.toml (whole: read, roll, carry, store)",
             timed(lambda: compose_file(library, recipe_path), args.runs)),
            ("  compose in memory (no store)", timed(in_memory, args.runs)),
            ("  store the draft (create_draft)", timed(lambda: library.create_draft(draft), args.runs)),
            ("save_draft (an autosave write)", timed(lambda: library.save_draft(draft), args.runs)),
            ("snapshot", timed(lambda: library.snapshot(draft_id, "bench"), args.runs)),
        ]
        sections = sum(1 for _ in draft.walk())
        indicators = sum(1 for t in draft.indicator_tables for _ in t.indicators())
        library.close()
    print(f"seed 001: {seed.stat().st_size / 1024:.0f} KB; draft: {sections} sections, {indicators} indicators;"
          f" {args.runs} runs each")
    print(f"{'step':56} {'median ms':>10} {'p95 ms':>9}")
    for name, (median, p95) in rows:
        print(f"{name:56} {median:10.2f} {p95:9.2f}")
    compose_median = rows[1][1][0]
    verdict = "meets" if compose_median < GOAL_MS else "MISSES"
    print(f"compose {verdict} the {GOAL_MS:.0f} ms goal ({compose_median:.1f} ms median)")


if __name__ == "__main__":
    main()
