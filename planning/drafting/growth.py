"""Annual growth of an indicator, computed rather than typed, and a checker for printed 年均增长.

Three ways a plan states growth: compound growth in % a year (counts and amounts), percentage
points a year (rates, unit %), or an absolute increment a year in the indicator's own unit. The
last two are the same arithmetic, (target − base) / years; the unit says which one a row means.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal

from planning.cn_numbers import halfwidth, parse_number
from planning.drafting.rollforward import period_name, roll_forward
from planning.errors import PlanDeskError
from planning.model import GlossaryEntry, Indicator, IndicatorCategory, IndicatorTable, Project, Value

Method = Literal["compound", "points", "increment"]
Verdict = Literal["compound", "points", "increment", "inconsistent", "no-data"]
METHODS: tuple[Method, ...] = ("compound", "points", "increment")
_RATE_UNITS = {"%", "％", "‰", "百分点", "个百分点"}
_DECIMALS = re.compile(r"\d+(?:\.(\d+))?")


@dataclass(frozen=True, slots=True)
class Growth:
    compound: float | None  # % a year
    points: float | None  # percentage points a year (for rates)
    increment: float | None  # units a year (for counts and amounts)

    def get(self, method: str) -> float | None:
        return {"compound": self.compound, "points": self.points, "increment": self.increment}.get(method)


def compute_growth(base: float | None, target: float | None, years: int) -> Growth:
    """Unrounded growth of `base` → `target` over `years`; None where a figure cannot be computed."""
    if base is None or target is None or years <= 0:
        return Growth(None, None, None)
    linear = (target - base) / years
    compound = None
    if base > 0 and target >= 0:
        compound = ((target / base) ** (1 / years) - 1) * 100
    return Growth(compound, linear, linear)


def is_rate(unit: str | None) -> bool:
    return unit is not None and halfwidth(unit.strip()) in {halfwidth(u) for u in _RATE_UNITS}


def default_method(unit: str | None) -> str:
    """"points" for rates (%), "compound" for counts and amounts (and rows without a unit)."""
    return "points" if is_rate(unit) else "compound"


def printed_decimals(text: str) -> int:
    m = _DECIMALS.search(halfwidth(text))
    return len(m.group(1)) if m and m.group(1) else 0


def _round(x: float | None, decimals: int) -> float | None:
    return None if x is None else round(x, decimals)


@dataclass(slots=True)
class IndicatorCheck:
    category: str | None
    name: str
    unit: str | None
    base: float | None
    target: float | None
    years: int | None
    growth_text: str | None
    verdict: Verdict
    computed: dict[str, float | None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "name": self.name,
            "unit": self.unit,
            "base": _plain(self.base),
            "target": _plain(self.target),
            "years": self.years,
            "growth_text": self.growth_text,
            "verdict": self.verdict,
            "computed": dict(self.computed),
        }


def _plain(x: float | None) -> float | int | None:
    """710.0 → 710 in JSON, as Value.to_dict prints it."""
    return int(x) if x is not None and float(x).is_integer() else x


def _verdict(printed: float, decimals: int, computed: dict[str, float | None], unit: str | None) -> Verdict:
    tolerance = 10 ** -decimals + 1e-9
    matches = [m for m, v in computed.items() if v is not None and abs(round(v, decimals) - printed) <= tolerance]
    if not matches:
        return "inconsistent"
    preferred = default_method(unit)
    if preferred in matches:
        return preferred  # type: ignore[return-value]
    return matches[0]  # type: ignore[return-value]


def check_indicator(ind: Indicator, *, category: str | None = None) -> IndicatorCheck:
    """Which method the printed 年均增长 of `ind` matches, with the computed figures.

    A printed figure matches when it equals the computed one rounded to the printed decimals, give
    or take one in the last digit; where two match, the unit's method wins. The linear figure is
    reported as `points` for rates and as `increment` for everything else.
    """
    years = (ind.target.year - ind.base.year) if ind.target.year and ind.base.year else None
    g = compute_growth(ind.base.value, ind.target.value, years or 0)
    printed = parse_number(ind.growth_text) if ind.growth_text else None
    decimals = printed_decimals(ind.growth_text) if printed is not None and ind.growth_text else 1
    rate = is_rate(ind.unit)
    computed: dict[str, float | None] = {
        "compound": _round(g.compound, decimals),
        "points": _round(g.points, decimals) if rate else None,
        "increment": _round(g.increment, decimals) if not rate else None,
    }
    unrounded = {"compound": g.compound, "points": g.points if rate else None,
                 "increment": g.increment if not rate else None}
    if printed is None or years is None or ind.base.value is None or ind.target.value is None:
        verdict: Verdict = "no-data"
    else:
        verdict = _verdict(printed, decimals, unrounded, ind.unit)
    return IndicatorCheck(category, ind.name, ind.unit, ind.base.value, ind.target.value, years,
                          ind.growth_text, verdict, computed)


def check_table(table: IndicatorTable) -> list[IndicatorCheck]:
    return [check_indicator(ind, category=cat.name) for cat in table.categories for ind in cat.indicators]


# --- carrying a table forward ----------------------------------------------------------------------


def _format(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}"


def _decimals_for(method: str, value: float) -> int:
    if method == "increment" and abs(value) >= 100:
        return 0
    return 1


def recompute_growth(ind: Indicator, years: int) -> Indicator:
    """Fill `ind.growth` and `ind.growth_text` by its method (the unit's when None), in place; returns
    `ind`. The target's qualifier (≥ ＞ …) carries onto the growth; a missing value leaves both None."""
    method = ind.method or default_method(ind.unit)
    value = compute_growth(ind.base.value, ind.target.value, years).get(method)
    if value is None or math.isnan(value):
        ind.growth, ind.growth_text = None, None
        return ind
    decimals = _decimals_for(method, value)
    ind.growth = round(value, decimals)
    ind.growth_text = (ind.target.qualifier or "") + _format(value, decimals)
    return ind


def _period_of_year(end_year: int) -> str | None:
    """2020 → 十三五: the five-year plan ending in `end_year`, from 十一五 to 十九五."""
    n, rest = divmod(end_year - 1970, 5)
    n += 3
    return period_name(n) if rest == 0 and 11 <= n <= 19 else None


def _reference_label(table: IndicatorTable) -> str:
    years = Counter(ind.target.year for ind in table.indicators() if ind.target.year)
    if not years:
        return "原规划目标"
    year = years.most_common(1)[0][0]
    period = _period_of_year(year)
    return f"{period}目标" if period else f"{year}年目标"


def _copy_value(v: Value) -> Value:
    return Value(v.value, v.year, v.qualifier, v.text)


def _carry_caption(caption: str | None, target_year: int) -> str | None:
    """The caption with its period rolled to the plan ending in `target_year` (as printed otherwise)."""
    to_period = _period_of_year(target_year)
    if not caption or not to_period:
        return caption
    try:
        return roll_forward(caption, to_period=to_period).text
    except PlanDeskError:  # the caption already names that period or a later one
        return caption


def carry_table(table: IndicatorTable, *, base_year: int, target_year: int,
                reference_label: str | None = None) -> IndicatorTable:
    """A new table for the next plan: same categories, names, units and attributes; each previous
    target becomes the row's reference; base and target are left for the drafter to enter."""
    label = reference_label or _reference_label(table)
    columns = ["指标"]
    if "单位" in table.columns:
        columns.append("单位")
    columns += [f"{base_year}年", label, f"{target_year}年", "年均增长"]
    if any(ind.attribute for ind in table.indicators()) or any("类型" in c or "属性" in c for c in table.columns):
        columns.append("指标类型")
    categories = [
        IndicatorCategory(cat.name, [
            Indicator(
                name=ind.name,
                unit=ind.unit,
                base=Value(None, base_year),
                target=Value(None, target_year),
                growth_text=None,
                growth=None,
                attribute=ind.attribute,
                reference=_copy_value(ind.target),
                method=default_method(ind.unit),
            )
            for ind in cat.indicators
        ])
        for cat in table.categories
    ]
    return IndicatorTable(_carry_caption(table.caption, target_year), columns, categories, [])


def carry_projects(projects: Iterable[Project]) -> list[Project]:
    """Copies of the previous plan's key projects, to edit in the draft."""
    return [replace(p) for p in projects]


def carry_glossary(entries: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    return [replace(e) for e in entries]
