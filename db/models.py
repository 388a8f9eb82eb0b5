"""The library's tables as SQLAlchemy declarative models.

The schema itself is created by the Alembic migrations in ``db/migrations`` (raw SQL), and a
test checks that these models and the migrated schema agree. The search index ``section_fts``
is an FTS5 virtual table and has no model here: see ``db/search_index.py``.
"""

from __future__ import annotations

from typing import Any, NewType

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Index, Integer, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

PlanId = NewType("PlanId", int)
SectionId = NewType("SectionId", int)
VersionId = NewType("VersionId", int)


class Base(DeclarativeBase):
    pass


class PlanRow(Base):
    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint("status IN ('plan', 'draft')", name="ck_plans_status"),
        {"sqlite_autoincrement": True},  # ids are never reused after a delete
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    region_name: Mapped[str | None] = mapped_column(Text, index=True)
    region_level: Mapped[str | None] = mapped_column(Text)
    period_name: Mapped[str | None] = mapped_column(Text, index=True)
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    issuers: Mapped[list[str]] = mapped_column(JSON)
    doc_number: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(Text)  # ISO yyyy-mm-dd
    source: Mapped[str | None] = mapped_column(Text)
    notice: Mapped[str] = mapped_column(Text)
    preamble: Mapped[str] = mapped_column(Text)
    closing: Mapped[str] = mapped_column(Text)
    attachments: Mapped[list[str]] = mapped_column(JSON)
    warnings: Mapped[list[str]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(Text, unique=True, index=True)
    source_path: Mapped[str | None] = mapped_column(Text)
    source_format: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[str] = mapped_column(Text)  # ISO 8601, UTC
    updated_at: Mapped[str] = mapped_column(Text, server_default=text("''"))  # ISO 8601, UTC
    version: Mapped[int] = mapped_column(Integer, server_default=text("0"))  # raised by every save
    # set by hand (migration 0004); NULL = the predecessor is found by region and period
    predecessor_id: Mapped[int | None] = mapped_column(Integer)
    updated_by: Mapped[str | None] = mapped_column(Text)  # who saved it last (migration 0006)


class SectionRow(Base):
    __tablename__ = "sections"
    __table_args__ = (
        CheckConstraint("kind IN ('section', 'box')", name="ck_sections_kind"),
        # serves "all sections of a plan in document order"
        Index("ix_sections_plan_id_ordinal", "plan_id", "ordinal", unique=True),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(Integer, ForeignKey("plans.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("sections.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)  # among its siblings
    ordinal: Mapped[int] = mapped_column(Integer)  # depth first, within the plan
    label: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    level: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(Text)  # labels from the root joined by "/"


class IndicatorTableRow(Base):
    __tablename__ = "indicator_tables"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str | None] = mapped_column(Text)
    columns: Mapped[list[str]] = mapped_column(JSON)
    # category names in order, so that a category without indicators survives the round trip
    categories: Mapped[list[str | None]] = mapped_column(JSON)
    notes: Mapped[list[str]] = mapped_column(JSON)
    # the label path of the section the table follows in the source ("二、/（三）"); NULL: not known
    after: Mapped[str | None] = mapped_column(Text)


class IndicatorRow(Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("indicator_tables.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str | None] = mapped_column(Text)
    category_position: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)  # within its category
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)
    base_value: Mapped[float | None] = mapped_column(Float)
    base_year: Mapped[int | None] = mapped_column(Integer)
    base_qualifier: Mapped[str | None] = mapped_column(Text)
    base_text: Mapped[str | None] = mapped_column(Text)
    target_value: Mapped[float | None] = mapped_column(Float)
    target_year: Mapped[int | None] = mapped_column(Integer)
    target_qualifier: Mapped[str | None] = mapped_column(Text)
    target_text: Mapped[str | None] = mapped_column(Text)
    growth_text: Mapped[str | None] = mapped_column(Text)
    growth: Mapped[float | None] = mapped_column(Float)
    attribute: Mapped[str | None] = mapped_column(Text)
    # drafts: the previous plan's target carried forward (all NULL = none) and the growth method
    reference_value: Mapped[float | None] = mapped_column(Float)
    reference_year: Mapped[int | None] = mapped_column(Integer)
    reference_qualifier: Mapped[str | None] = mapped_column(Text)
    reference_text: Mapped[str | None] = mapped_column(Text)
    method: Mapped[str | None] = mapped_column(
        Text,
        CheckConstraint("method IN ('compound', 'points', 'increment')", name="ck_indicators_method"),
    )


class ProjectRow(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    group_name: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    goal: Mapped[str | None] = mapped_column(Text)
    basis: Mapped[str | None] = mapped_column(Text)


class GlossaryRow(Base):
    __tablename__ = "glossary"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    term: Mapped[str] = mapped_column(Text)
    definition: Mapped[str] = mapped_column(Text)


class PlanVersionRow(Base):
    """A saved version of a plan: the whole plan as ``Plan.to_dict()`` JSON."""

    __tablename__ = "plan_versions"
    __table_args__ = (
        CheckConstraint("kind IN ('snapshot', 'autosave')", name="ck_plan_versions_kind"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[str] = mapped_column(Text)  # ISO 8601, UTC
    name: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(Text)


class DraftLockRow(Base):
    """Who is editing a draft (migration 0006). See ``db/draft_locks.py``."""

    __tablename__ = "draft_locks"

    plan_id: Mapped[int] = mapped_column(Integer, ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    holder: Mapped[str] = mapped_column(Text)
    host: Mapped[str] = mapped_column(Text)
    pid: Mapped[int] = mapped_column(Integer)
    token: Mapped[str] = mapped_column(Text)
    acquired_at: Mapped[str] = mapped_column(Text)  # ISO 8601, UTC
