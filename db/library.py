"""The library: the SQLite store of imported plans and drafts (Anki's Collection is the model).

One short-lived session per operation; writes are one ``BEGIN IMMEDIATE`` transaction each, so
a failure leaves the library as it was and two processes writing at once take turns.

A draft is a plan with status "draft": ``save_draft`` rewrites it in one transaction (a kill in the
middle leaves the last committed state), and its saved versions live in ``plan_versions``.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from alembic.util import CommandError
from sqlalchemy import Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from db import draft_locks, migrate, plan_rows, plan_store
from db import versions as versions_module
from db.draft_locks import DraftLock, Holder
from db.engine import make_engine, read_only
from db.errors import translate
from db.location import LibraryLocation
from db.models import PlanId, PlanRow, SectionRow, VersionId
from db.search import fts5 as search_module
from db.search import index as search_index
from db.search.fts5 import SearchHit
from db.versions import VersionInfo, VersionKind
from planning.errors import (
    DraftConflictError,
    DraftLockedError,
    DuplicatePlanError,
    LibraryError,
    NotFoundError,
    PermissionDeniedError,
)
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
    predecessor: int | None = None  # set by hand; None = found automatically (planning.drafting.trends)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Library:
    """A PlanDesk library: a SQLite file, or a shared PostgreSQL database. Open with
    ``Library.open(path_or_url)``; use as a context manager."""

    def __init__(self, location: LibraryLocation, *, user: str | None = None) -> None:
        self.location = location
        self._engine = make_engine(location)
        self._reader = read_only(self._engine)
        self._lock_engine: Engine | None = None  # PostgreSQL: connections that hold draft locks
        self._locks: list[DraftLock] = []  # taken here and maybe still held: close() lets them go
        # who saves: the database user of a shared library, else the login name
        self.user = user or location.user or draft_locks.default_holder()

    @property
    def path(self) -> Path | None:
        """The library file (None for a shared library)."""
        return self.location.path

    @property
    def display(self) -> str:
        """Where the library is, for people: the file, or the URL without a password."""
        return self.location.display

    @property
    def shared(self) -> bool:
        return self.location.shared

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for tools that copy or inspect a library, and for tests)."""
        return self._engine

    @classmethod
    def open(cls, where: str | Path | LibraryLocation, *, password: str | None = None) -> Library:
        """Open the library at ``where`` (a file path or ``postgresql://user@host/db``), creating it
        (a file and its folders) or upgrading its schema."""
        location = where if isinstance(where, LibraryLocation) else LibraryLocation.parse(where)
        location = location.with_password(password)
        try:
            if location.path is not None:
                location.path.parent.mkdir(parents=True, exist_ok=True)
            migrate.upgrade(location)
        except SQLAlchemyError as e:
            error = translate(e, opening=location.display)
            if isinstance(error, PermissionDeniedError):  # only the owner may upgrade the schema
                raise LibraryError(
                    f"资料库 {location.display} 需要升级到本版程序的结构，请管理员运行 plandesk server init 地址",
                    f"The library {location.display} needs its schema upgraded for this version of PlanDesk: "
                    "ask its administrator to run plandesk server init URL",
                ) from e
            raise error from e
        except (OSError, CommandError) as e:  # e.g. "file is not a database"
            raise LibraryError(
                f"无法打开资料库 {location.display}：{e}", f"Cannot open the library {location.display}: {e}"
            ) from e
        return cls(location)

    def close(self) -> None:
        """Let go of the drafts still locked through this library, then of its connections."""
        while self._locks:
            try:
                self._locks.pop().release()
            except SQLAlchemyError:
                pass  # closing anyway: a server lock goes with its connection, a SQLite row with this process
        self._engine.dispose()
        if self._lock_engine is not None:
            self._lock_engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, _type: type[BaseException] | None, _value: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _session(self, *, write: bool = True) -> Iterator[Session]:
        """A session; database errors leave it as PlanDesk errors in plain words (a lost server
        connection, a refused write), with the transaction rolled back."""
        try:
            with Session(self._engine if write else self._reader) as session:
                yield session
        except IntegrityError:
            raise  # callers turn the ones they expect into their own errors
        except SQLAlchemyError as e:
            raise translate(e) from e

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
        try:
            with self._session() as s, s.begin():
                existing = self._id_for_hash(s, content_hash)  # SQLite: no other writer until we commit
                if existing is not None:
                    raise DuplicatePlanError(existing)
                row = plan_rows.plan_row(
                    plan, content_hash=content_hash, source_path=source_path, source_format=source_format
                )
                row["updated_by"] = self.user
                plan_id = s.execute(insert(PlanRow).values(**row).returning(PlanRow.id)).scalar_one()
                plan_store.insert_contents(s, plan, plan_id=plan_id)
        except IntegrityError as e:
            # PostgreSQL: someone stored the same plan between our check and our insert
            existing = self.find_by_hash(content_hash)
            if existing is None:
                raise translate(e) from e
            raise DuplicatePlanError(existing) from e
        plan.version = 0
        return PlanId(plan_id)

    def delete_plan(self, plan_id: int) -> None:
        """Remove a plan, everything that belongs to it, and its search rows."""
        with self._session() as s, s.begin():
            if s.scalar(select(PlanRow.id).where(PlanRow.id == plan_id)) is None:
                raise _not_found(plan_id)
            plan_store.remove_search_rows(s, plan_id)
            # plans that followed it go back to the automatic link
            s.execute(update(PlanRow).where(PlanRow.predecessor_id == plan_id).values(predecessor_id=None))
            s.execute(delete(PlanRow).where(PlanRow.id == plan_id))  # the rest cascades

    # -- drafts -----------------------------------------------------------------------------------

    def create_draft(self, plan: Plan) -> PlanId:
        """Store ``plan`` as a new draft (status "draft", whatever ``plan`` says); returns its id.

        Drafts are not de-duplicated by content: each gets a hash of its own, ``draft:<uuid>``.
        """
        draft = dataclasses.replace(plan, id=None, status="draft")
        return self.add_plan(draft, content_hash=f"draft:{uuid.uuid4().hex}")

    def save_draft(self, plan: Plan, *, autosave: bool = False, backup: str | None = None) -> int:
        """Replace the stored draft ``plan.id`` with ``plan``: its fields, sections, tables, projects,
        glossary and search rows, in one transaction. Imported plans are never overwritten.

        Optimistic concurrency: when ``plan.version`` is set (it is on every plan read from the
        library), the save is refused with ``DraftConflictError`` if the stored draft has been saved
        since, by anyone; nothing is overwritten silently. On success ``plan.version`` becomes the
        new version, which is also returned. ``plan.version = None`` saves regardless.

        In the same transaction, ``backup`` first keeps the state being replaced as a snapshot of
        that name, and ``autosave=True`` keeps the saved state as an "autosave" version.
        """
        if plan.id is None:
            raise LibraryError("草稿尚未存入资料库（没有编号）", "The draft has no id: create it first")
        if plan.status != "draft":
            raise _not_a_draft(plan.id)
        with self._session() as s, s.begin():
            stored = s.execute(
                select(PlanRow.status, PlanRow.version, PlanRow.updated_by, PlanRow.updated_at)
                .where(PlanRow.id == plan.id)
                .with_for_update()  # PostgreSQL: concurrent saves of this draft queue here
            ).first()
            if stored is None:
                raise _not_found(plan.id)
            if stored.status != "draft":
                raise _not_a_draft(plan.id)
            if plan.version is not None and stored.version != plan.version:
                if self._already_saved(s, plan, stored.version, stored.updated_by):
                    plan.version = stored.version
                    return stored.version
                raise DraftConflictError(plan.id, stored.updated_by, stored.updated_at)
            if backup is not None:
                current = plan_store.load_plan(s, plan.id)
                assert current is not None
                versions_module.add(s, current, plan_id=plan.id, name=backup, kind="snapshot")
            plan_store.replace_contents(s, plan, plan_id=plan.id, by=self.user)
            if autosave:
                versions_module.add(s, plan, plan_id=plan.id, name=None, kind="autosave")
        plan.version = stored.version + 1
        return plan.version

    def snapshot(self, plan_id: int, name: str | None = None, kind: VersionKind = "snapshot") -> VersionId:
        """Save the plan as it is stored now as a version (named, or an autosave)."""
        if kind not in versions_module.KINDS:
            raise LibraryError(f"未知的版本类型 {kind!r}", f"Unknown version kind {kind!r}")
        with self._session() as s, s.begin():
            plan = plan_store.load_plan(s, plan_id)
            if plan is None:
                raise _not_found(plan_id)
            return versions_module.add(s, plan, plan_id=plan_id, name=name, kind=kind)

    def versions(self, plan_id: int) -> list[VersionInfo]:
        """The plan's saved versions, oldest first."""
        with self._session(write=False) as s, s.begin():
            if plan_store.status_of(s, plan_id) is None:
                raise _not_found(plan_id)
            return versions_module.listing(s, plan_id)

    def get_version(self, version_id: int) -> Plan:
        """The plan as that version saved it (its id is the plan's)."""
        with self._session(write=False) as s, s.begin():
            found = versions_module.load(s, version_id)
        if found is None:
            raise _version_not_found(version_id)
        return found[1]

    def restore(self, plan_id: int, version_id: int) -> VersionId:
        """Make the draft what version ``version_id`` saved. The state it replaces is saved first as a
        snapshot named "restore-backup" (whose id is returned), in the same transaction."""
        with self._session() as s, s.begin():
            self._require_draft(s, plan_id)
            found = versions_module.load(s, version_id)
            if found is None or found[0] != plan_id:
                raise _version_not_found(version_id, plan_id)
            current = plan_store.load_plan(s, plan_id)
            assert current is not None
            backup = versions_module.add(s, current, plan_id=plan_id, name=RESTORE_BACKUP, kind="snapshot")
            restored = dataclasses.replace(found[1], id=plan_id, status="draft")
            plan_store.replace_contents(s, restored, plan_id=plan_id, by=self.user)
        return backup

    # -- who edits a draft -------------------------------------------------------------------------

    def lock_draft(self, plan_id: int, holder: str | None = None) -> DraftLock:
        """Take draft ``plan_id`` for editing; release the returned lock when done (``with`` works).

        Raises ``DraftLockedError`` naming who holds it. On a shared library the lock lives on a
        server connection of its own and goes when that connection does (a crash included).
        """
        with self._session(write=False) as s, s.begin():
            self._require_draft(s, plan_id)
        lock_engine = None
        if self.shared:
            if self._lock_engine is None:
                self._lock_engine = make_engine(self.location, pooled=False)
            lock_engine = self._lock_engine
        try:
            got = draft_locks.acquire(self._engine, lock_engine, plan_id, holder or self.user)
        except IntegrityError as e:  # the draft was deleted meanwhile
            raise _not_found(plan_id) from e
        except SQLAlchemyError as e:
            raise translate(e) from e
        if isinstance(got, Holder):
            raise DraftLockedError(plan_id, got.who, got.acquired_at)
        self._locks = [lock for lock in self._locks if not lock.released]
        self._locks.append(got)
        return got

    def draft_holder(self, plan_id: int) -> Holder | None:
        """Who is editing the draft now (None: no one)."""
        with self._session(write=False) as s, s.begin():
            return draft_locks.current_holder(s, plan_id)

    def can_write(self) -> bool:
        """Whether this user may change the library (import, draft). On a shared library the
        database's grants decide (a reader role may not); a file needs to be writable."""
        if not self.shared:
            return self.path is not None and os.access(self.path, os.W_OK)
        with self._session(write=False) as s, s.begin():
            return bool(s.scalar(text("SELECT has_table_privilege('plans', 'INSERT')")))

    def plan_version(self, plan_id: int) -> int:
        """The stored plan's save counter (to notice someone else's save, e.g. to refresh a view)."""
        with self._session(write=False) as s, s.begin():
            version = s.scalar(select(PlanRow.version).where(PlanRow.id == plan_id))
        if version is None:
            raise _not_found(plan_id)
        return version

    def _already_saved(self, s: Session, plan: Plan, stored_version: int, stored_by: str | None) -> bool:
        """Whether the stored draft is this very save, committed once already: the connection
        dropped while the commit was acknowledged and the user pressed save again."""
        if plan.id is None or plan.version is None or stored_version != plan.version + 1 or stored_by != self.user:
            return False
        current = plan_store.load_plan(s, plan.id)
        return current is not None and versions_module.hash_of(versions_module.content_of(current)) == (
            versions_module.hash_of(versions_module.content_of(plan))
        )

    @staticmethod
    def _require_draft(s: Session, plan_id: int) -> None:
        status = plan_store.status_of(s, plan_id)
        if status is None:
            raise _not_found(plan_id)
        if status != "draft":
            raise _not_a_draft(plan_id)

    # -- reading ----------------------------------------------------------------------------------

    def find_by_hash(self, content_hash: str) -> PlanId | None:
        with self._session(write=False) as s, s.begin():
            found = self._id_for_hash(s, content_hash)
        return None if found is None else PlanId(found)

    def source_of(self, plan_id: int) -> str | None:
        """The file a plan was imported from (None for drafts and plans made in memory)."""
        with self._session(write=False) as s, s.begin():
            row = s.get(PlanRow, plan_id)
            if row is None:
                raise _not_found(plan_id)
            return row.source_path

    def get_plan(self, plan_id: int) -> Plan:
        with self._session(write=False) as s, s.begin():
            plan = plan_store.load_plan(s, plan_id)
        if plan is None:
            raise _not_found(plan_id)
        return plan

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
                    predecessor=p.predecessor_id,
                )
                for p, count in s.execute(query)
            ]

    def set_predecessor(self, plan_id: int, predecessor_id: int | None) -> None:
        """Link a plan to the plan it follows (十三五 → 十四五); None returns to the automatic link."""
        if predecessor_id == plan_id:
            raise LibraryError("规划不能以自己为上一期", "a plan cannot follow itself")
        with self._session() as s, s.begin():
            for needed in (plan_id, predecessor_id):
                if needed is not None and s.get(PlanRow, needed) is None:
                    raise _not_found(needed)
            s.execute(update(PlanRow).where(PlanRow.id == plan_id).values(predecessor_id=predecessor_id))

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


RESTORE_BACKUP = "restore-backup"


def _not_a_draft(plan_id: int) -> LibraryError:
    return LibraryError(
        f"编号 {plan_id} 不是草稿，导入的规划不能改写", f"Plan {plan_id} is not a draft; imported plans are never rewritten"
    )


def _version_not_found(version_id: int, plan_id: int | None = None) -> NotFoundError:
    of = f"（草稿 {plan_id}）" if plan_id is not None else ""
    of_en = f" of draft {plan_id}" if plan_id is not None else ""
    return NotFoundError(f"没有编号为 {version_id} 的版本{of}", f"No version {version_id}{of_en}")


def _not_found(plan_id: int) -> NotFoundError:
    return NotFoundError(f"资料库中没有编号为 {plan_id} 的规划", f"No plan with id {plan_id} in the library")
