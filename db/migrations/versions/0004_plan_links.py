"""A plan's predecessor, set by hand: ``plans.predecessor_id``. NULL means "found automatically"
(same region, the period right before); a drafter corrects a wrong or missing link by setting it.

Only a column is added (``ALTER TABLE … ADD COLUMN``), so nothing stored before can be lost.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out as SQL, not imported from db/, so this revision never changes when the code does.
# No REFERENCES clause: SQLite cannot add a foreign key's ON DELETE with ALTER TABLE in a form that
# reflects back faithfully; Library.delete_plan clears links to a deleted plan itself.
UPGRADE = ["ALTER TABLE plans ADD COLUMN predecessor_id INTEGER"]
DOWNGRADE = ["ALTER TABLE plans DROP COLUMN predecessor_id"]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:  # ALTER TABLE … DROP COLUMN: SQLite 3.35 or later
    for statement in DOWNGRADE:
        op.execute(statement)
