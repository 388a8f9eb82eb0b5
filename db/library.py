"""The library: the SQLite store of imported plans (Anki's Collection is the model).

One short-lived session per operation; writes are one ``BEGIN IMMEDIATE`` transaction each, so
a failure leaves the library as it was and two processes writing at once take turns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from alembic.util import CommandError
from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db import migrate, plan_rows, search_index
from db import search as search_module
from db.engine import make_engine, read_only
from db.models import (
    GlossaryRow,
    IndicatorRow,
    IndicatorTableRow,
    PlanId,
    PlanRow,
    ProjectRow,
    SectionRow,
)
from db.search import SearchHit
from planning.errors import DuplicatePlanError, LibraryError, NotFoundError
from planning.model import Plan


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """One line of the plan list."""

    id: int
    title: str
    status: str
    region: str | None
    region_level: str | None
    period: str | None
    start: int | None
    end: int | None
    doc_number: str | None
    date: str | None
    sections: int
    imported_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Library:
    """A PlanDesk library file. Open with ``Library.open(path)``; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine = make_engine(path)
        self._reader = read_only(self._engine)

    @classmethod
    def open(cls, path: str | Path) -> Library:
        """Open the library at ``path``, creating it (and its folders) or upgrading its schema."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            migrate.upgrade(path)
        except (OSError, SQLAlchemyError, CommandError) as e:  # e.g. "file is not a database"
            raise LibraryError(f"无法打开资料库 {path}：{e}", f"Cannot open the library {path}: {e}") from e
        return cls(path)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, _type: type[BaseException] | None, _value: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _session(self, *, write: bool = True) -> Iterator[Session]:
        with Session(self._engine if write else self._reader) as session:
            yield session

    # -- writing ----------------------------------------------------------------------------------

    def add_plan(
        self,
        plan: Plan,
        *,
        content_hash: str,
        source_path: str | None = None,
        source_format: str | None = None,
    ) -> PlanId:
        """Store ``plan`` with its sections, tables, projects, glossary and search rows, all or nothing.

        Raises ``DuplicatePlanError`` if a plan with ``content_hash`` is already stored.
        """
        with self._session() as s, s.begin():
            existing = self._id_for_hash(s, content_hash)  # no other writer until we commit
            if existing is not None:
                raise DuplicatePlanError(existing)
            row = plan_rows.plan_row(
                plan, content_hash=content_hash, source_path=source_path, source_format=source_format
            )
            plan_id = s.execute(insert(PlanRow).values(**row).returning(PlanRow.id)).scalar_one()

            sections = plan_rows.section_rows(plan, plan_id=plan_id, first_id=_next_section_id(s))
            if sections:
                s.execute(insert(SectionRow), sections)
                search_index.add_sections(s, sections)
            for position, table in enumerate(plan.indicator_tables):
                table_row = plan_rows.indicator_table_row(table, plan_id=plan_id, position=position)
                table_id = s.execute(
                    insert(IndicatorTableRow).values(**table_row).returning(IndicatorTableRow.id)
                )
                indicators = plan_rows.indicator_rows(table, table_id=table_id.scalar_one())
                if indicators:
                    s.execute(insert(IndicatorRow), indicators)
            if projects := plan_rows.project_rows(plan, plan_id=plan_id):
                s.execute(insert(ProjectRow), projects)
            if glossary := plan_rows.glossary_rows(plan, plan_id=plan_id):
                s.execute(insert(GlossaryRow), glossary)
        return PlanId(plan_id)

    def delete_plan(self, plan_id: int) -> None:
        """Remove a plan, everything that belongs to it, and its search rows."""
        with self._session() as s, s.begin():
            if s.scalar(select(PlanRow.id).where(PlanRow.id == plan_id)) is None:
                raise _not_found(plan_id)
            sections = s.execute(
                select(SectionRow.id, SectionRow.label, SectionRow.title, SectionRow.text).where(
                    SectionRow.plan_id == plan_id
                )
            ).mappings()
            search_index.remove_sections(s, sections)
            s.execute(delete(PlanRow).where(PlanRow.id == plan_id))  # the rest cascades

    # -- reading ----------------------------------------------------------------------------------

    def find_by_hash(self, content_hash: str) -> PlanId | None:
        with self._session(write=False) as s, s.begin():
            found = self._id_for_hash(s, content_hash)
        return None if found is None else PlanId(found)

    def get_plan(self, plan_id: int) -> Plan:
        with self._session(write=False) as s, s.begin():
            plan = s.execute(select(PlanRow.__table__).where(PlanRow.id == plan_id)).mappings().first()
            if plan is None:
                raise _not_found(plan_id)
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
                select(ProjectRow.__table__)
                .where(ProjectRow.plan_id == plan_id)
                .order_by(ProjectRow.position)
            ).mappings()
            glossary = s.execute(
                select(GlossaryRow.__table__)
                .where(GlossaryRow.plan_id == plan_id)
                .order_by(GlossaryRow.position)
            ).mappings()
            return plan_rows.plan_from_rows(
                plan,
                sections=sections,
                tables=tables,
                indicators=indicators,
                projects=projects,
                glossary=glossary,
            )

    def list_plans(self, region: str | None = None, period: str | None = None) -> list[PlanSummary]:
        """All plans in import order, optionally only those of one region and/or period (by name)."""
        section_count = (
            select(func.count()).where(SectionRow.plan_id == PlanRow.id).scalar_subquery().label("sections")
        )
        query = select(PlanRow, section_count).order_by(PlanRow.id)
        if region is not None:
            query = query.where(PlanRow.region_name == region)
        if period is not None:
            query = query.where(PlanRow.period_name == period)
        with self._session(write=False) as s, s.begin():
            return [
                PlanSummary(
                    id=p.id,
                    title=p.title,
                    status=p.status,
                    region=p.region_name,
                    region_level=p.region_level,
                    period=p.period_name,
                    start=p.period_start,
                    end=p.period_end,
                    doc_number=p.doc_number,
                    date=p.date,
                    sections=count,
                    imported_at=p.imported_at,
                )
                for p, count in s.execute(query)
            ]

    # -- search -----------------------------------------------------------------------------------

    def search(
        self, query: str, region: str | None = None, period: str | None = None, limit: int = 20
    ) -> list[SearchHit]:
        """The best ``limit`` sections for ``query`` (all terms must match), with snippets."""
        with self._session(write=False) as s, s.begin():
            return search_module.search(s, query, region=region, period=period, limit=limit)

    def hits(self, query: str, region: str | None = None, period: str | None = None) -> list[int]:
        """Ids of every matching section, in id order; no ranking, no snippets."""
        with self._session(write=False) as s, s.begin():
            return search_module.hits(s, query, region=region, period=period)

    def hit_count(self, query: str, region: str | None = None, period: str | None = None) -> int:
        with self._session(write=False) as s, s.begin():
            return search_module.hit_count(s, query, region=region, period=period)

    def optimize_index(self) -> None:
        """Merge the search index into one b-tree (after a batch import: smaller and faster)."""
        with self._session() as s, s.begin():
            search_index.optimize(s)

    @staticmethod
    def _id_for_hash(s: Session, content_hash: str) -> int | None:
        return s.scalar(select(PlanRow.id).where(PlanRow.content_hash == content_hash))


def _next_section_id(s: Session) -> int:
    """The first free section id. Inside a BEGIN IMMEDIATE transaction no one else can take it."""
    used = s.execute(
        text(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sections'), 0),"
            " coalesce((SELECT max(id) FROM sections), 0))"
        )
    ).scalar_one()
    return used + 1


def _not_found(plan_id: int) -> NotFoundError:
    return NotFoundError(f"资料库中没有编号为 {plan_id} 的规划", f"No plan with id {plan_id} in the library")
