"""A new draft: region and period → years, title and skeleton; optionally the previous plan's
indicator tables carried forward."""

from __future__ import annotations

import datetime as dt

from planning.drafting.indicators import carried_tables
from planning.drafting.rollforward import period_name, period_number
from planning.drafting.templates import default_skeleton, plan_variables, render_skeleton
from planning.errors import PlanDeskError
from planning.model import Period, Plan, Region
from planning.parse.periods import five_year_span
from planning.parse.regions import find_region


def resolve_region(name: str) -> Region:
    """江西省 / 江西 → Region("江西省", "省"); a name no gazetteer knows is an error."""
    region = find_region(name.strip())
    if region is None:
        raise PlanDeskError(f"无法识别的地区“{name}”", f"unknown region {name!r}")
    return region


def resolve_period(name: str) -> Period:
    """十四五 → Period("十四五", 2021, 2025)."""
    n = period_number(name)
    start, end = five_year_span(n)
    return Period(period_name(n), start, end)


def draft_title(region: Region, period: Period) -> str:
    return f"{region.name}“{period.name}”信息化发展规划"


def _check_date(date: str | None) -> str | None:
    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date.strip()).isoformat()
    except ValueError as exc:
        raise PlanDeskError(f"日期“{date}”格式不对（应为 2021-06-30）",
                            f"the date {date!r} is not yyyy-mm-dd") from exc


def draft_plan(
    *,
    region: str,
    period: str,
    skeleton: str | None = None,
    issuer: str | None = None,
    date: str | None = None,
    previous: Plan | None = None,
) -> Plan:
    """The new draft in memory (not stored): the skeleton rendered for the region and period (the
    region level's skeleton when None), and ``previous``'s indicator tables carried forward."""
    where = resolve_region(region)
    when = resolve_period(period)
    assert when.start is not None and when.end is not None
    iso_date = _check_date(date)
    variables = plan_variables(where, when, issuer, iso_date)
    sections = render_skeleton(skeleton or default_skeleton(where.level), variables)
    draft = Plan(
        title=draft_title(where, when),
        status="draft",
        region=where,
        period=when,
        issuers=[issuer] if issuer else [],
        date=iso_date,
        sections=sections,
    )
    if previous is not None and previous.indicator_tables:
        draft.indicator_tables = carried_tables(previous, draft)
    return draft
