"""Where an indicator table sits: ``indicator_tables.after``, the label path of the section the table
follows in the source (labels from the root joined by "/", as ``sections.path``); NULL when not known,
as for every table stored before this revision.

Only a column is added (``ALTER TABLE … ADD COLUMN``), so nothing stored before can be lost.

Revision ID: 0003
Revises: 0002
Create Date: 2024-08-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out as SQL, not imported from db/, so this revision never changes when the code does.
UPGRADE = ["ALTER TABLE indicator_tables ADD COLUMN after TEXT"]
DOWNGRADE = ["ALTER TABLE indicator_tables DROP COLUMN after"]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:  # ALTER TABLE … DROP COLUMN: SQLite 3.35 or later
    for statement in DOWNGRADE:
        op.execute(statement)
