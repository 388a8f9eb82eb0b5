"""Copying a whole library to another one: a file to a shared PostgreSQL library and back, or
between two of a kind.

Every plan keeps its id, its provenance (content hash, source file and format, imported, updated,
by whom, its save counter) and its predecessor link; its contents are written through
``db.plan_store``, so sections, tables, projects, glossary and the target's own search index are
built as an import builds them. Every saved version keeps its id, time, name and content.
Draft locks are not copied: no one is editing the copy.

The source is read in one snapshot (people may go on working on it); the target is written in one
transaction, checked before it commits (row counts per table, and a hash per plan of its model,
its ``plans`` row and its versions, in both libraries), and rolled back on any failure, a
mismatch or a cancel, so the target is either the whole copy or as empty as it was.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db import plan_store
from db import versions as versions_module
from db.engine import is_postgresql, read_only
from db.errors import translate
from db.library import Library
from db.models import PlanRow, PlanVersionRow
from db.search import index as search_index
from planning.errors import LibraryError
from planning.jobs import Progress

# The tables a copy fills (draft_locks stays empty), in the order their rows are counted.
TABLES = ("plans", "sections", "indicator_tables", "indicators", "projects", "glossary", "plan_versions")
# Ids people see and that must never be handed out again after a delete: the copy keeps the
# source's high-water mark for them.
KEPT_COUNTERS = ("plans", "plan_versions")


@dataclass(slots=True)
class CopyResult:
    """What was copied. ``plans`` counts imported plans and ``drafts`` drafts (together: every
    row of ``plans``); ``committed``: the target holds the copy (False after a mismatch or cancel)."""

    source: str
    target: str
    plans: int = 0
    drafts: int = 0
    versions: int = 0
    sections: int = 0
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # table -> (source, target)
    mismatches: list[str] = field(default_factory=list)
    verified: bool = False
    committed: bool = False
    cancelled: bool = False
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "plans": self.plans,
            "drafts": self.drafts,
            "versions": self.versions,
            "sections": self.sections,
            "counts": {t: {"source": a, "target": b} for t, (a, b) in self.counts.items()},
            "verified": self.verified,
            "mismatches": list(self.mismatches),
            "committed": self.committed,
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
        }


class _RollBack(Exception):
    """Leave the target's transaction without committing (a mismatch, a cancel)."""


def copy_library(
    source: Library,
    target: Library,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> CopyResult:
    """Copy every plan and version of ``source`` into ``target``, which must hold no plans.

    Raises ``LibraryError`` when the target is not empty or is the source itself; database
    failures come as the PlanDesk errors of ``db.errors`` (the target unchanged).
    """
    started = time.monotonic()
    result = CopyResult(source.display, target.display)
    if _same(source, target):
        raise LibraryError(
            f"源和目标是同一个资料库：{target.display}", f"The source and the target are the same library: {target.display}"
        )
    high_water = {table: _high_water(source.engine, table) for table in KEPT_COUNTERS}
    try:
        with Session(read_only(source.engine)) as src, src.begin(), Session(target.engine) as dst:
            try:
                with dst.begin():
                    _require_empty(dst, target.display)
                    _copy_plans(src, dst, result, progress, cancel)
                    if result.cancelled:
                        raise _RollBack
                    _set_counters(dst, high_water)
                    search_index.optimize(dst)
                    if progress is not None:
                        progress(1.0, "核对 verifying")
                    _verify(src, dst, result)
                    if result.mismatches:
                        raise _RollBack
            except _RollBack:
                pass
            else:
                result.committed = True
    except SQLAlchemyError as e:
        raise translate(e) from e
    result.verified = result.committed
    result.seconds = time.monotonic() - started
    if progress is not None:
        progress(1.0, "")
    return result


def _same(a: Library, b: Library) -> bool:
    if a.path is not None and b.path is not None:
        return a.path.resolve() == b.path.resolve()
    ua, ub = a.location.url, b.location.url
    return (ua.host, ua.port, ua.database) == (ub.host, ub.port, ub.database)


def _require_empty(dst: Session, shown: str) -> None:
    if search_index.on_postgresql(dst):  # no one adds a plan while we copy (readers go on reading)
        dst.execute(text("LOCK TABLE plans IN EXCLUSIVE MODE"))
    plans, versions = _rows(dst, "plans"), _rows(dst, "plan_versions")
    if plans or versions:
        raise LibraryError(
            f"目标资料库 {shown} 不是空的（已有 {plans} 份规划），未复制；请指定新文件，或刚用 plandesk server init 初始化的数据库",
            f"The target library {shown} is not empty ({plans} plans); nothing was copied. "
            "Give a new file, or a database just set up with plandesk server init",
        )


def _rows(s: Session, table: str) -> int:
    return int(s.scalar(text(f"SELECT count(*) FROM {table}")) or 0)  # table: one of ours, never input


def _copy_plans(
    src: Session, dst: Session, result: CopyResult, progress: Progress | None, cancel: threading.Event | None
) -> None:
    plans = PlanRow.__table__
    versions = PlanVersionRow.__table__
    ids = src.scalars(select(plans.c.id).order_by(plans.c.id)).all()
    for n, plan_id in enumerate(ids):
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            return
        row = dict(src.execute(select(plans).where(plans.c.id == plan_id)).mappings().one())
        if progress is not None:
            progress(n / max(len(ids), 1), row["title"])
        plan = plan_store.load_plan(src, plan_id)
        assert plan is not None
        dst.execute(insert(PlanRow).values(row))
        plan_store.insert_contents(dst, plan, plan_id=plan_id)
        saved = src.execute(select(versions).where(versions.c.plan_id == plan_id).order_by(versions.c.id))
        rows = [dict(v) for v in saved.mappings()]
        if rows:
            dst.execute(insert(PlanVersionRow), rows)
        result.drafts += row["status"] == "draft"
        result.plans += row["status"] != "draft"
        result.versions += len(rows)
        result.sections += sum(1 for _ in plan.walk())


# -- id counters ---------------------------------------------------------------------------------


def _high_water(engine: Engine, table: str) -> int:
    """The highest id ``table`` ever handed out (deleted rows included), 0 if unknown."""
    query = (
        f"SELECT pg_sequence_last_value(CAST(pg_get_serial_sequence('{table}', 'id') AS regclass))"
        if is_postgresql(engine)
        else f"SELECT seq FROM sqlite_sequence WHERE name = '{table}'"
    )
    try:
        with Session(read_only(engine)) as s, s.begin():
            return int(s.scalar(text(query)) or 0)
    except SQLAlchemyError:  # a role without rights on the sequence: the rows' own ids will do
        return 0


def _set_counters(dst: Session, high_water: dict[str, int]) -> None:
    """New rows in the copy get ids after the copied ones (and after the source's deleted ones)."""
    for table in TABLES:
        top = max(dst.scalar(text(f"SELECT coalesce(max(id), 0) FROM {table}")) or 0, high_water.get(table, 0))
        if search_index.on_postgresql(dst):
            dst.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), :value, :called)"),
                {"value": max(top, 1), "called": top > 0},
            )
        elif table in KEPT_COUNTERS and top:  # AUTOINCREMENT tables; explicit ids already raised it
            seq = dst.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table})
            if seq is None:
                dst.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :v)"), {"t": table, "v": top})
            elif seq < top:
                dst.execute(text("UPDATE sqlite_sequence SET seq = :v WHERE name = :t"), {"t": table, "v": top})


# -- checking --------------------------------------------------------------------------------------


def plan_digest(s: Session, plan_id: int) -> str | None:
    """A hash of everything the copy keeps of one plan: its model, its ``plans`` row and its versions
    (each with the hash of its content recomputed from what is stored)."""
    plan = plan_store.load_plan(s, plan_id)
    if plan is None:
        return None
    row = s.execute(select(PlanRow.__table__).where(PlanRow.id == plan_id)).mappings().one()
    versions = PlanVersionRow.__table__
    saved = [
        [v.id, v.created_at, v.name, v.kind, v.content_hash, versions_module.hash_of(v.content)]
        for v in s.execute(select(versions).where(versions.c.plan_id == plan_id).order_by(versions.c.id))
    ]
    return versions_module.hash_of({"plan": plan.to_dict(), "row": dict(row), "versions": saved})


def search_rows(s: Session) -> int:
    return _rows(s, "section_search" if search_index.on_postgresql(s) else search_index.FTS_TABLE)


def _verify(src: Session, dst: Session, result: CopyResult) -> None:
    for table in TABLES:
        counted = (_rows(src, table), _rows(dst, table))
        result.counts[table] = counted
        if counted[0] != counted[1]:
            result.mismatches.append(
                f"{table}: 源 {counted[0]} 行，目标 {counted[1]} 行 / source {counted[0]} rows, target {counted[1]}"
            )
    indexed = search_rows(dst)
    if indexed != result.counts["sections"][1]:
        result.mismatches.append(
            f"检索索引 {indexed} 行，章节 {result.counts['sections'][1]} 节 / search index: {indexed} rows "
            f"for {result.counts['sections'][1]} sections"
        )
    for plan_id in src.scalars(select(PlanRow.id).order_by(PlanRow.id)):
        if plan_digest(src, plan_id) != plan_digest(dst, plan_id):
            result.mismatches.append(f"#{plan_id}: 内容与源不同 / differs from the source")
