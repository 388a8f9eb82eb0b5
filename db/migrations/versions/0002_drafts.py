"""Drafts: saved versions of a plan, when and how often a plan changed, indicators' reference and method.

* ``plan_versions``: named snapshots and autosaves of a plan, each the full plan JSON
  (``Plan.to_dict()``) with its content hash; deleted with their plan.
* ``plans.updated_at`` (set to ``imported_at`` for the plans already stored) and ``plans.version``,
  a counter raised by every save (for optimistic concurrency).
* ``indicators.reference_*`` (the previous plan's target a draft carries forward) and
  ``indicators.method`` (compound | points | increment; NULL = the unit decides).

Only columns are added (``ALTER TABLE … ADD COLUMN``): no table is recreated, so nothing stored
before can be lost on the way.

Revision ID: 0002
Revises: 0001
Create Date: 2024-07-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out as SQL, not imported from db/, so this revision never changes when the code does.
UPGRADE = [
    "ALTER TABLE plans ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''",
    "UPDATE plans SET updated_at = imported_at",
    "ALTER TABLE plans ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE indicators ADD COLUMN reference_value FLOAT",
    "ALTER TABLE indicators ADD COLUMN reference_year INTEGER",
    "ALTER TABLE indicators ADD COLUMN reference_qualifier TEXT",
    "ALTER TABLE indicators ADD COLUMN reference_text TEXT",
    "ALTER TABLE indicators ADD COLUMN method TEXT"
    " CONSTRAINT ck_indicators_method CHECK (method IN ('compound', 'points', 'increment'))",
    """
    CREATE TABLE plan_versions (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        plan_id INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        name TEXT,
        kind TEXT NOT NULL,
        content JSON NOT NULL,
        content_hash TEXT NOT NULL,
        CONSTRAINT ck_plan_versions_kind CHECK (kind IN ('snapshot', 'autosave')),
        FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX ix_plan_versions_plan_id ON plan_versions (plan_id)",
]

DOWNGRADE = [
    "DROP TABLE plan_versions",
    "ALTER TABLE indicators DROP COLUMN method",
    "ALTER TABLE indicators DROP COLUMN reference_text",
    "ALTER TABLE indicators DROP COLUMN reference_qualifier",
    "ALTER TABLE indicators DROP COLUMN reference_year",
    "ALTER TABLE indicators DROP COLUMN reference_value",
    "ALTER TABLE plans DROP COLUMN version",
    "ALTER TABLE plans DROP COLUMN updated_at",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:  # ALTER TABLE … DROP COLUMN: SQLite 3.35 or later
    for statement in DOWNGRADE:
        op.execute(statement)
