"""Reading and writing one plan's rows inside a session the caller holds (and commits).

``Library`` opens the session and the transaction; these functions only issue the statements, so
several of them (snapshot, then replace) can share one transaction.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.orm import Session

from db import plan_rows
from db.models import (
    GlossaryRow,
    IndicatorRow,
    IndicatorTableRow,
    PlanRow,
    ProjectRow,
    SectionRow,
)
from db.search import index as search_index
from planning.model import Plan


def insert_contents(s: Session, plan: Plan, *, plan_id: int) -> None:
    """The plan's sections (and their search rows), indicator tables, projects and glossary."""
    count = sum(1 for _ in plan.walk())
    sections = plan_rows.section_rows(plan, plan_id=plan_id, ids=_section_ids(s, count)) if count else []
    if sections:
        s.execute(insert(SectionRow), sections)
        search_index.add_sections(s, sections)
    for position, table in enumerate(plan.indicator_tables):
        table_row = plan_rows.indicator_table_row(table, plan_id=plan_id, position=position)
        table_id = s.execute(insert(IndicatorTableRow).values(**table_row).returning(IndicatorTableRow.id))
        indicators = plan_rows.indicator_rows(table, table_id=table_id.scalar_one())
        if indicators:
            s.execute(insert(IndicatorRow), indicators)
    if projects := plan_rows.project_rows(plan, plan_id=plan_id):
        s.execute(insert(ProjectRow), projects)
    if glossary := plan_rows.glossary_rows(plan, plan_id=plan_id):
        s.execute(insert(GlossaryRow), glossary)


def remove_search_rows(s: Session, plan_id: int) -> None:
    sections = s.execute(
        select(SectionRow.id, SectionRow.label, SectionRow.title, SectionRow.text).where(
            SectionRow.plan_id == plan_id
        )
    ).mappings()
    search_index.remove_sections(s, sections)


def delete_contents(s: Session, plan_id: int) -> None:
    """Everything ``insert_contents`` wrote for the plan; the ``plans`` row and its versions stay."""
    remove_search_rows(s, plan_id)
    s.execute(delete(SectionRow).where(SectionRow.plan_id == plan_id))
    s.execute(delete(IndicatorTableRow).where(IndicatorTableRow.plan_id == plan_id))  # indicators cascade
    s.execute(delete(ProjectRow).where(ProjectRow.plan_id == plan_id))
    s.execute(delete(GlossaryRow).where(GlossaryRow.plan_id == plan_id))


def replace_contents(s: Session, plan: Plan, *, plan_id: int, by: str | None = None) -> None:
    """Rewrite a stored plan with ``plan``: its row (raising ``version``) and all its contents."""
    delete_contents(s, plan_id)
    s.execute(
        update(PlanRow)
        .where(PlanRow.id == plan_id)
        .values(
            **plan_rows.plan_content_row(plan),
            updated_at=plan_rows.utc_now(),
            updated_by=by,
            version=PlanRow.version + 1,
        )
    )
    insert_contents(s, plan, plan_id=plan_id)


def status_of(s: Session, plan_id: int) -> str | None:
    """The stored plan's status, or None when there is no such plan."""
    return s.scalar(select(PlanRow.status).where(PlanRow.id == plan_id))


def load_plan(s: Session, plan_id: int) -> Plan | None:
    plan = s.execute(select(PlanRow.__table__).where(PlanRow.id == plan_id)).mappings().first()
    if plan is None:
        return None
    sections = s.execute(
        select(SectionRow.__table__).where(SectionRow.plan_id == plan_id).order_by(SectionRow.ordinal)
    ).mappings()
    tables = (
        s.execute(
            select(IndicatorTableRow.__table__)
            .where(IndicatorTableRow.plan_id == plan_id)
            .order_by(IndicatorTableRow.position)
        )
        .mappings()
        .all()
    )
    indicators = s.execute(
        select(IndicatorRow.__table__)
        .where(IndicatorRow.table_id.in_([t["id"] for t in tables]))
        .order_by(IndicatorRow.table_id, IndicatorRow.category_position, IndicatorRow.position)
    ).mappings()
    projects = s.execute(
        select(ProjectRow.__table__).where(ProjectRow.plan_id == plan_id).order_by(ProjectRow.position)
    ).mappings()
    glossary = s.execute(
        select(GlossaryRow.__table__).where(GlossaryRow.plan_id == plan_id).order_by(GlossaryRow.position)
    ).mappings()
    return plan_rows.plan_from_rows(
        plan, sections=sections, tables=tables, indicators=indicators, projects=projects, glossary=glossary
    )


def _section_ids(s: Session, count: int) -> Iterator[int]:
    """``count`` fresh section ids, known before the rows are written so children can name their
    parents. PostgreSQL: drawn from the id sequence (distinct, whoever else is inserting).
    SQLite: the ids after the highest ever used; inside BEGIN IMMEDIATE no one else can take them.
    """
    if s.get_bind().dialect.name == "postgresql":
        drawn = s.execute(
            text("SELECT nextval(pg_get_serial_sequence('sections', 'id')) FROM generate_series(1, :n)"),
            {"n": count},
        )
        return iter(drawn.scalars().all())
    used = s.execute(
        text(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sections'), 0),"
            " coalesce((SELECT max(id) FROM sections), 0))"
        )
    ).scalar_one()
    return itertools.count(used + 1)
