"""Saved versions of a plan (``plan_versions``): each the whole plan as ``Plan.to_dict()`` JSON.

Session-level functions, like ``db.plan_store``: the caller holds the transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from db.models import PlanVersionRow, VersionId
from db.plan_rows import utc_now
from planning.model import Plan

VersionKind = Literal["snapshot", "autosave"]
KINDS: tuple[str, ...] = ("snapshot", "autosave")
AUTOSAVES_KEPT = 10  # older autosaves of a plan are dropped; named snapshots are kept for good


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One line of a draft's version list."""

    id: int
    plan_id: int
    name: str | None
    kind: str
    created_at: str  # ISO 8601, UTC
    content_hash: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def content_of(plan: Plan) -> dict[str, Any]:
    """What a version stores: the plan model without its id (the id is the version's plan_id)."""
    content = plan.to_dict()
    content.pop("id")
    return content


def hash_of(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def add(s: Session, plan: Plan, *, plan_id: int, name: str | None, kind: VersionKind) -> VersionId:
    """Store ``plan`` as a version. An autosave identical to the plan's latest version is not
    stored again (its id is returned), and only the newest ``AUTOSAVES_KEPT`` autosaves are kept."""
    content = content_of(plan)
    digest = hash_of(content)
    if kind == "autosave":
        latest = s.execute(
            select(PlanVersionRow.id, PlanVersionRow.content_hash)
            .where(PlanVersionRow.plan_id == plan_id)
            .order_by(PlanVersionRow.id.desc())
            .limit(1)
        ).first()
        if latest is not None and latest.content_hash == digest:
            return VersionId(latest.id)
    version_id = s.execute(
        insert(PlanVersionRow)
        .values(plan_id=plan_id, created_at=utc_now(), name=name, kind=kind, content=content, content_hash=digest)
        .returning(PlanVersionRow.id)
    ).scalar_one()
    if kind == "autosave":
        kept = (
            select(PlanVersionRow.id)
            .where(PlanVersionRow.plan_id == plan_id, PlanVersionRow.kind == "autosave")
            .order_by(PlanVersionRow.id.desc())
            .limit(AUTOSAVES_KEPT)
        )
        s.execute(
            delete(PlanVersionRow).where(
                PlanVersionRow.plan_id == plan_id,
                PlanVersionRow.kind == "autosave",
                PlanVersionRow.id.not_in(kept),
            )
        )
    return VersionId(version_id)


def listing(s: Session, plan_id: int) -> list[VersionInfo]:
    """The plan's versions, oldest first."""
    rows = s.execute(
        select(
            PlanVersionRow.id,
            PlanVersionRow.plan_id,
            PlanVersionRow.name,
            PlanVersionRow.kind,
            PlanVersionRow.created_at,
            PlanVersionRow.content_hash,
        )
        .where(PlanVersionRow.plan_id == plan_id)
        .order_by(PlanVersionRow.id)
    )
    return [VersionInfo(*row) for row in rows]


def load(s: Session, version_id: int) -> tuple[int, Plan] | None:
    """(plan id, the plan as it was saved), or None when there is no such version."""
    row = s.execute(
        select(PlanVersionRow.plan_id, PlanVersionRow.content).where(PlanVersionRow.id == version_id)
    ).first()
    if row is None:
        return None
    plan = Plan.from_dict(row.content)
    plan.id = row.plan_id
    return row.plan_id, plan
