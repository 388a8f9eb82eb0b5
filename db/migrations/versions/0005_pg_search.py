"""The search index of a PostgreSQL library (``db.search.pg``); SQLite keeps ``section_fts`` (0001).

* ``section_search``: one short row per section: its distinct 1–3-token grams (separated by
  spaces, padded with spaces so that they always go to TOAST) under a GIN index, its token count,
  its title's token sequence, and bounds on how often a term can occur in its body. Deleted with
  its section.
* ``section_search_body``: the body's token sequence, for checking and counting terms there.
* ``section_search_stats``: sections and tokens per plan (bm25's N and average length), one row
  per plan so concurrent imports never update the same row. Deleted with its plan.

A library that already holds sections gets them indexed here, through ``db.search.pg.rebuild``
(the tokens come from the code, as SQLite's index does), so no stored section goes unfound.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out as SQL, not imported from db/, so this revision never changes when the code does.
UPGRADE = [
    """
    CREATE TABLE section_search (
        section_id INTEGER NOT NULL PRIMARY KEY REFERENCES sections (id) ON DELETE CASCADE,
        plan_id INTEGER NOT NULL,
        tokens INTEGER NOT NULL,
        repeats1 INTEGER NOT NULL,
        repeats2 INTEGER NOT NULL,
        repeats3 INTEGER NOT NULL,
        repeated BYTEA NOT NULL,
        title_seq TEXT NOT NULL,
        grams TEXT NOT NULL
    ) WITH (toast_tuple_target = 128)
    """,
    # rows stay short: grams go to TOAST, the rest stays in the row
    "ALTER TABLE section_search ALTER COLUMN repeated SET STORAGE PLAIN, ALTER COLUMN title_seq SET STORAGE MAIN",
    """
    CREATE TABLE section_search_body (
        section_id INTEGER NOT NULL PRIMARY KEY REFERENCES sections (id) ON DELETE CASCADE,
        body_seq TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE section_search_stats (
        plan_id INTEGER NOT NULL PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
        sections INTEGER NOT NULL,
        tokens BIGINT NOT NULL
    )
    """,
]
# after any backfill: building a GIN index at once is much faster than adding rows to one
INDEXES = ["CREATE INDEX ix_section_search_grams ON section_search USING gin ((string_to_array(rtrim(grams), ' ')))"]
DOWNGRADE = ["DROP TABLE section_search_stats", "DROP TABLE section_search_body", "DROP TABLE section_search"]


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _postgresql():
        return
    for statement in UPGRADE:
        op.execute(statement)
    connection = op.get_bind()
    if connection.execute(text("SELECT EXISTS (SELECT 1 FROM sections)")).scalar():
        from db.search import pg as search_pg

        search_pg.rebuild(connection)
    for statement in INDEXES:
        op.execute(statement)


def downgrade() -> None:
    if not _postgresql():
        return
    for statement in DOWNGRADE:
        op.execute(statement)
