"""Indicators across periods: which plans follow which (十二五 → 十三五 → 十四五 of one region), and
one indicator's base and target values along that chain, for the trend chart."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from planning.model import Indicator, Plan

NAME_MATCH = 85  # rapidfuzz score (0–100) for "the same indicator" across plans


@dataclass(frozen=True, slots=True)
class PlanRef:
    id: int
    region: str | None
    period: str | None
    start: int | None
    end: int | None
    predecessor: int | None = None  # set by hand: overrides the automatic link


@dataclass(frozen=True, slots=True)
class Link:
    predecessor: int | None
    successor: int | None


def lineage(plans: Iterable[PlanRef]) -> dict[int, Link]:
    """For each plan, the plan of the same region whose period ends right before it starts (its
    predecessor) and the one starting right after it ends (its successor). Plans without a region
    or years have no automatic links; of two candidates the later-imported (higher id) wins. A link
    set by hand (`PlanRef.predecessor`) overrides the automatic ones on both of its ends."""
    plans = list(plans)
    links = _automatic(plans)
    ids = {p.id for p in plans}
    none = Link(None, None)
    for p in plans:
        q = p.predecessor
        if q is None or q not in ids:
            continue
        was = links.get(p.id, none).predecessor
        if was is not None and was != q and links.get(was, none).successor == p.id:
            links[was] = Link(links[was].predecessor, None)
        follower = links.get(q, none).successor
        if follower is not None and follower != p.id and links.get(follower, none).predecessor == q:
            links[follower] = Link(None, links[follower].successor)
        links[p.id] = Link(q, links.get(p.id, none).successor)
        links[q] = Link(links.get(q, none).predecessor, p.id)
    return links


def _automatic(plans: list[PlanRef]) -> dict[int, Link]:
    by_region: dict[str, list[PlanRef]] = {}
    for p in plans:
        if p.region and p.start and p.end:
            by_region.setdefault(p.region, []).append(p)
    links: dict[int, Link] = {}
    for members in by_region.values():
        for p in members:
            before = [q for q in members if q.id != p.id and q.end is not None and p.start is not None
                      and q.end == p.start - 1]
            after = [q for q in members if q.id != p.id and q.start is not None and p.end is not None
                     and q.start == p.end + 1]
            links[p.id] = Link(max((q.id for q in before), default=None), max((q.id for q in after), default=None))
    return links


def chain(plans: Sequence[PlanRef], plan_id: int) -> list[int]:
    """The ids of the whole chain a plan belongs to, earliest period first."""
    links = lineage(plans)
    if plan_id not in links:
        return [plan_id]
    first = plan_id
    seen = {first}
    while (prev := links[first].predecessor) is not None and prev not in seen:
        first = prev
        seen.add(prev)
    out = [first]
    while (nxt := links[out[-1]].successor) is not None and nxt not in out:
        out.append(nxt)
    return out


@dataclass(frozen=True, slots=True)
class TrendPoint:
    plan_id: int
    period: str | None
    name: str  # as this plan prints it
    unit: str | None
    base_year: int | None
    base: float | None
    target_year: int | None
    target: float | None


def _indicators(plan: Plan) -> list[Indicator]:
    return [i for t in plan.indicator_tables for i in t.indicators()]


def find_indicator(plan: Plan, name: str) -> Indicator | None:
    """The plan's indicator that best matches `name` (fuzzy, ignoring small wording changes)."""
    candidates = _indicators(plan)
    best = process.extractOne(name, [i.name for i in candidates], scorer=fuzz.ratio, score_cutoff=NAME_MATCH)
    return candidates[best[2]] if best else None


def trend(plans: Sequence[Plan], name: str) -> list[TrendPoint]:
    """One indicator across plans (in the order given), skipping plans that do not have it."""
    points = []
    for plan in plans:
        ind = find_indicator(plan, name)
        if ind is None or plan.id is None:
            continue
        points.append(TrendPoint(plan.id, plan.period.name if plan.period else None, ind.name, ind.unit,
                                 ind.base.year, ind.base.value, ind.target.year, ind.target.value))
    return points


def shared_indicator_names(plans: Sequence[Plan]) -> list[str]:
    """Names of indicators found (fuzzily) in at least two of the plans, most widespread first."""
    counts: dict[str, int] = {}
    for plan in plans:
        for ind in _indicators(plan):
            counts[ind.name] = sum(1 for other in plans if find_indicator(other, ind.name) is not None)
    names = [n for n, c in counts.items() if c >= 2] or list(counts)
    return sorted(dict.fromkeys(names), key=lambda n: (-counts[n], n))
