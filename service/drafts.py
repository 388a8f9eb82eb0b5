"""Drafting use cases over a library: a new draft, a section reused, an indicator table carried, a
row's values set. Each reads what it needs, edits the plan with the pure functions of
``planning.drafting`` and saves the draft in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db.library import Library
from planning.drafting.indicators import carry_into, set_values
from planning.drafting.new import draft_plan
from planning.drafting.reuse import Accept, ReuseResult, reuse_into
from planning.errors import PlanDeskError
from planning.model import Indicator, IndicatorTable


def new_draft(
    library: Library,
    *,
    region: str,
    period: str,
    skeleton: str | None = None,
    issuer: str | None = None,
    date: str | None = None,
    from_plan: int | None = None,
) -> int:
    """Make and store a new draft; returns its id. Nothing is stored when anything fails."""
    previous = library.get_plan(from_plan) if from_plan is not None else None
    draft = draft_plan(region=region, period=period, skeleton=skeleton, issuer=issuer, date=date,
                       previous=previous)
    return library.create_draft(draft)


def reuse_section(
    library: Library,
    draft_id: int,
    plan_id: int,
    spec: str,
    *,
    accept: Accept | None = None,
    accept_all: bool = False,
) -> ReuseResult:
    """``reuse_into`` on a stored draft, saved in one transaction. When the section takes the place of
    one of the draft's, the draft as it was is kept as a snapshot first (same transaction)."""
    draft = library.get_plan(draft_id)
    if draft.status != "draft":
        raise PlanDeskError(f"编号 {draft_id} 不是草稿", f"plan {draft_id} is not a draft")
    source = library.get_plan(plan_id)
    result = reuse_into(draft, source, spec, accept=accept, accept_all=accept_all)
    backup = f"替换“{result.replaced}”之前 / before replacing {result.replaced}" if result.replaced else None
    library.save_draft(draft, backup=backup)
    return result


@dataclass(frozen=True, slots=True)
class CarryResult:
    draft_id: int
    plan_id: int
    tables: list[IndicatorTable]

    @property
    def indicators(self) -> int:
        return sum(1 for t in self.tables for _ in t.indicators())

    def to_dict(self) -> dict[str, Any]:
        return {"draft_id": self.draft_id, "plan_id": self.plan_id, "indicators": self.indicators,
                "tables": [t.to_dict() for t in self.tables]}


def carry_indicators(library: Library, plan_id: int, draft_id: int) -> CarryResult:
    """Carry plan ``plan_id``'s indicator tables into draft ``draft_id`` and save it."""
    source = library.get_plan(plan_id)
    draft = library.get_plan(draft_id)
    tables = carry_into(draft, source)
    library.save_draft(draft)
    return CarryResult(draft_id, plan_id, tables)


def set_indicator(
    library: Library,
    draft_id: int,
    name: str,
    base: str | float | None = None,
    target: str | float | None = None,
    method: str | None = None,
) -> Indicator:
    """``set_values`` on a stored draft, saved; returns the row as saved."""
    draft = library.get_plan(draft_id)
    ind = set_values(draft, name, base=base, target=target, method=method)
    library.save_draft(draft)
    return ind
