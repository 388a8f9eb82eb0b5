"""A library's rows read through SQLAlchemy, on either store: what "nothing changed" compares, and
what the search index must agree with.

Tables are reflected from the database, not listed here, so a table a migration adds (the
PostgreSQL search tables of 0005, say) is compared without anyone remembering to add it.
PostgreSQL sequences are left out on purpose: ``nextval`` is not undone by a rollback, so a
failed import leaves a gap in the ids, which no one sees.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, MetaData, Row, Table, func, select, text

from db.engine import read_only
from db.library import Library
from db.models import Base, DraftLockRow, PlanRow, SectionRow

Rows = list[tuple[Any, ...]]
# sqlite_sequence (the AUTOINCREMENT counters) is hidden from reflection but is stored state:
# ids that are never reused depend on it
_SQLITE_INTERNAL = ("sqlite_sequence",)


def _tables(conn: Connection) -> list[Table]:
    metadata = MetaData()
    metadata.reflect(conn)
    tables = list(metadata.sorted_tables)
    if conn.dialect.name == "sqlite":
        present = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
        tables += [Table(name, metadata, autoload_with=conn) for name in _SQLITE_INTERNAL if name in present]
    return tables


def dump(library: Library) -> dict[str, Rows]:
    """Every row of every table, in key order: equal dumps mean the library did not change."""
    with read_only(library.engine).connect() as conn, conn.begin():
        return {
            table.name: [
                tuple(row)
                for row in conn.execute(select(table).order_by(*(table.primary_key.columns or table.columns)))
            ]
            for table in _tables(conn)
        }


def counts(library: Library) -> dict[str, int]:
    """Rows per table of the library's own model (plans, sections … versions, draft locks)."""
    with read_only(library.engine).connect() as conn, conn.begin():
        return {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def plan_row(library: Library, plan_id: int) -> Row[Any]:
    """The stored ``plans`` row: content_hash, version, updated_at, updated_by."""
    with read_only(library.engine).connect() as conn, conn.begin():
        return conn.execute(
            select(PlanRow.content_hash, PlanRow.version, PlanRow.updated_at, PlanRow.updated_by).where(
                PlanRow.id == plan_id
            )
        ).one()


def lock_rows(library: Library) -> list[tuple[int, str, str, int]]:
    """The ``draft_locks`` rows as (plan id, holder, host, pid), stale ones included."""
    with read_only(library.engine).connect() as conn, conn.begin():
        rows = conn.execute(
            select(DraftLockRow.plan_id, DraftLockRow.holder, DraftLockRow.host, DraftLockRow.pid).order_by(
                DraftLockRow.plan_id
            )
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def sections(library: Library) -> list[tuple[int, str, str, str]]:
    """Every section as (id, label, title, text), in id order."""
    with read_only(library.engine).connect() as conn, conn.begin():
        rows = conn.execute(
            select(SectionRow.id, SectionRow.label, SectionRow.title, SectionRow.text).order_by(SectionRow.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def brute_force(library: Library, term: str) -> list[int]:
    """Ids of the sections whose label, title or text contains ``term``: what the index must agree with."""
    return [
        i for i, label, title, body in sections(library) if term in label or term in title or term in body
    ]


def search_leftovers(library: Library) -> int:
    """What the search index still holds once every section is gone should be nothing: SQLite:
    the distinct terms in the FTS5 vocabulary; PostgreSQL: the rows of the search tables (the
    tables the migrations made that no model describes)."""
    with read_only(library.engine).connect() as conn, conn.begin():
        if conn.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, section_fts, 'row')"
                )
            )
            return conn.execute(text("SELECT count(*) FROM temp.vocab")).scalar_one()
        modelled = set(Base.metadata.tables) | {"alembic_version"}
        return sum(
            conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in _tables(conn)
            if table.name not in modelled
        )
