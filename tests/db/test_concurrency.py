"""Two processes writing to one library at once: both must succeed, neither sees "database is locked"
(SQLite) or takes the other's section ids (PostgreSQL)."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path
from typing import Any

from db.library import Library
from planning.model import Section
from tests.db.sample_plan import make_plan

PLANS_EACH = 12


def _writer(address: str, tag: str, barrier: Any, results: Any) -> None:
    try:
        with Library.open(address) as lib:
            barrier.wait(timeout=60)
            ids = []
            for i in range(PLANS_EACH):
                plan = make_plan(title=f"{tag}规划{i}", region=tag)
                plan.sections += [Section(f"{n}.", "附加", 1, text="政务数据共享" * 200) for n in range(50)]
                ids.append(
                    lib.add_plan(plan, content_hash=f"{tag}-{i}", source_path=None, source_format=None)
                )
                lib.search("政务")  # reads interleaved with the other process's writes
            results.put((tag, "ok", ids))
    except BaseException as e:  # report everything to the parent
        results.put((tag, "error", repr(e)))


def test_two_processes_write_at_once(library_address: str | Path) -> None:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_writer, args=(str(library_address), tag, barrier, results))
        for tag in ("甲市", "乙市")
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0

    assert all(status == "ok" for _, status, _ in outcomes), outcomes
    ids = [i for _, _, got in outcomes for i in got]
    assert len(set(ids)) == 2 * PLANS_EACH
    with Library.open(library_address) as lib:
        assert len(lib.list_plans(region="甲市")) == len(lib.list_plans(region="乙市")) == PLANS_EACH
        assert lib.hit_count("政务", region="甲市") == lib.hit_count("政务", region="乙市")
