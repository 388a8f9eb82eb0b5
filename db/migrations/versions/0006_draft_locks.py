"""Drafts edited by many people: who holds a draft, and who saved it last.

* ``draft_locks``: one row per draft being edited (holder, host, process, when, and the
  holder's random token). On PostgreSQL the row only says who; the lock itself is a session
  advisory lock, which the server drops with the holder's connection. On SQLite a row whose
  process is gone from this machine is stale.
* ``plans.updated_by``: the user who saved the plan last, for the message when a save is refused
  because someone else saved in between (``plans.version`` is checked on every save).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out as SQL, not imported from db/, so this revision never changes when the code does.
UPGRADE = [
    "ALTER TABLE plans ADD COLUMN updated_by TEXT",
    """
    CREATE TABLE draft_locks (
        plan_id INTEGER NOT NULL PRIMARY KEY,
        holder TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        token TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
    )
    """,
]

DOWNGRADE = ["DROP TABLE draft_locks", "ALTER TABLE plans DROP COLUMN updated_by"]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:  # ALTER TABLE … DROP COLUMN: SQLite 3.35 or later
    for statement in DOWNGRADE:
        op.execute(statement)
