"""A draft's indicator tables: carried forward from an earlier plan, filled in row by row with the
growth recomputed each time."""

from __future__ import annotations

from planning.drafting.growth import METHODS, carry_table, recompute_growth
from planning.errors import PlanDeskError
from planning.model import Indicator, IndicatorTable, Plan, Value
from planning.parse.indicators import parse_value

_NO_VALUE = {"-", "--", "—", "——", "－", "/", "／"}


def carried_tables(source: Plan, draft: Plan) -> list[IndicatorTable]:
    """``source``'s indicator tables carried to the draft's years (base = the year before it starts)."""
    if draft.period is None or draft.period.start is None or draft.period.end is None:
        raise PlanDeskError("草稿没有规划期，无法结转指标", "the draft has no period to carry indicators to")
    if not source.indicator_tables:
        raise PlanDeskError(f"规划“{source.title}”没有指标表", f"plan {source.id} has no indicator table")
    return [
        carry_table(t, base_year=draft.period.start - 1, target_year=draft.period.end)
        for t in source.indicator_tables
    ]


def carry_into(draft: Plan, source: Plan) -> list[IndicatorTable]:
    """Append ``source``'s tables, carried forward, to ``draft`` (in memory); returns them. A table
    whose caption the draft already has is refused: carrying twice must not hide the values entered."""
    tables = carried_tables(source, draft)
    have = {t.caption for t in draft.indicator_tables}
    for table in tables:
        if table.caption in have:
            raise PlanDeskError(f"草稿中已有指标表“{table.caption}”", f"the draft already has the table {table.caption!r}")
    draft.indicator_tables.extend(tables)
    return tables


def find_indicator(draft: Plan, name: str) -> Indicator:
    """The row named exactly ``name``, else the one row whose name contains it."""
    rows = [ind for table in draft.indicator_tables for ind in table.indicators()]
    key = "".join(name.split())
    exact = [ind for ind in rows if "".join(ind.name.split()) == key]
    found = exact or [ind for ind in rows if key and key in "".join(ind.name.split())]
    if len(found) == 1:
        return found[0]
    if not found:
        raise PlanDeskError(f"草稿中没有指标“{name}”", f"the draft has no indicator {name!r}")
    names = "；".join(ind.name for ind in found[:10]) + ("…" if len(found) > 10 else "")
    raise PlanDeskError(f"“{name}”对应多个指标：{names}", f"{name!r} names {len(found)} indicators: {names}")


def _value(text: str | float, year: int | None) -> Value:
    if isinstance(text, int | float):
        return Value(float(text), year, None, f"{text:g}")
    value = parse_value(text, year)
    if value.value is None and text.strip() not in _NO_VALUE:
        raise PlanDeskError(f"无法识别的数值“{text}”", f"not a number: {text!r}")
    return value


def set_values(
    draft: Plan,
    name: str,
    *,
    base: str | float | None = None,
    target: str | float | None = None,
    method: str | None = None,
) -> Indicator:
    """Enter a row's base and/or target (printed forms such as "≥95" or "-" allowed) and/or its
    growth method, in memory; the growth is recomputed from them."""
    if method is not None and method not in METHODS:
        raise PlanDeskError(f"未知的增长计算方法“{method}”（可选 {'、'.join(METHODS)}）",
                            f"unknown growth method {method!r} (one of {', '.join(METHODS)})")
    ind = find_indicator(draft, name)
    period = draft.period
    if base is not None:
        ind.base = _value(base, ind.base.year or (period.start - 1 if period and period.start else None))
    if target is not None:
        ind.target = _value(target, ind.target.year or (period.end if period else None))
    if method is not None:
        ind.method = method
    years = ind.target.year - ind.base.year if ind.target.year and ind.base.year else 0
    return recompute_growth(ind, years)
