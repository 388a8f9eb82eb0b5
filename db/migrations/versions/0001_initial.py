"""Initial schema: plans, sections, indicator tables, indicators, projects, glossary, search index.

Revision ID: 0001
Revises:
Create Date: 2024-06-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out as SQL, not imported from db/, so this revision never changes when the code does.
TABLES = [
    """
    CREATE TABLE plans (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        region_name TEXT,
        region_level TEXT,
        period_name TEXT,
        period_start INTEGER,
        period_end INTEGER,
        issuers JSON NOT NULL,
        doc_number TEXT,
        date TEXT,
        source TEXT,
        notice TEXT NOT NULL,
        preamble TEXT NOT NULL,
        closing TEXT NOT NULL,
        attachments JSON NOT NULL,
        warnings JSON NOT NULL,
        content_hash TEXT NOT NULL,
        source_path TEXT,
        source_format TEXT,
        imported_at TEXT NOT NULL,
        CONSTRAINT ck_plans_status CHECK (status IN ('plan', 'draft'))
    )
    """,
    "CREATE UNIQUE INDEX ix_plans_content_hash ON plans (content_hash)",
    "CREATE INDEX ix_plans_region_name ON plans (region_name)",
    "CREATE INDEX ix_plans_period_name ON plans (period_name)",
    """
    CREATE TABLE sections (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        plan_id INTEGER NOT NULL,
        parent_id INTEGER,
        position INTEGER NOT NULL,
        ordinal INTEGER NOT NULL,
        label TEXT NOT NULL,
        title TEXT NOT NULL,
        level INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        path TEXT NOT NULL,
        CONSTRAINT ck_sections_kind CHECK (kind IN ('section', 'box')),
        FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE,
        FOREIGN KEY (parent_id) REFERENCES sections (id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX ix_sections_parent_id ON sections (parent_id)",
    "CREATE UNIQUE INDEX ix_sections_plan_id_ordinal ON sections (plan_id, ordinal)",
    """
    CREATE TABLE indicator_tables (
        id INTEGER NOT NULL,
        plan_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        caption TEXT,
        columns JSON NOT NULL,
        categories JSON NOT NULL,
        notes JSON NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX ix_indicator_tables_plan_id ON indicator_tables (plan_id)",
    """
    CREATE TABLE indicators (
        id INTEGER NOT NULL,
        table_id INTEGER NOT NULL,
        category TEXT,
        category_position INTEGER NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        unit TEXT,
        base_value FLOAT,
        base_year INTEGER,
        base_qualifier TEXT,
        base_text TEXT,
        target_value FLOAT,
        target_year INTEGER,
        target_qualifier TEXT,
        target_text TEXT,
        growth_text TEXT,
        growth FLOAT,
        attribute TEXT,
        PRIMARY KEY (id),
        FOREIGN KEY (table_id) REFERENCES indicator_tables (id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX ix_indicators_table_id ON indicators (table_id)",
    """
    CREATE TABLE projects (
        id INTEGER NOT NULL,
        plan_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        group_name TEXT,
        name TEXT NOT NULL,
        goal TEXT,
        basis TEXT,
        PRIMARY KEY (id),
        FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX ix_projects_plan_id ON projects (plan_id)",
    """
    CREATE TABLE glossary (
        id INTEGER NOT NULL,
        plan_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        term TEXT NOT NULL,
        definition TEXT NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX ix_glossary_plan_id ON glossary (plan_id)",
]

# The search index: one row per section (rowid = section id), columns holding the bigram token
# strings of db/tokens.py (label + title, and text). Contentless: the text is in `sections`.
SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE section_fts USING fts5("
    "title, body, content='', tokenize='unicode61 remove_diacritics 0')"
)

DROP = ["section_fts", "glossary", "projects", "indicators", "indicator_tables", "sections", "plans"]


def upgrade() -> None:
    for statement in TABLES:
        op.execute(statement)
    op.execute(SEARCH_INDEX)


def downgrade() -> None:
    for table in DROP:
        op.execute(f"DROP TABLE {table}")
