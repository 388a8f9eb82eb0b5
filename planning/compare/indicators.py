"""Indicators of two plans matched by name (fuzzy, units compared), with what changed in each."""

from __future__ import annotations

from typing import Any

from planning.compare.names import match_names
from planning.compare.result import FieldChange, ItemChange
from planning.compare.textdiff import normalize
from planning.model import Indicator, Plan, Value

SAME_NAME_OTHER_UNIT = 95.0  # names this close pair up even when the units differ ("unit changed")


def _rows(plan: Plan) -> list[tuple[str | None, Indicator]]:
    return [(cat.name, ind) for table in plan.indicator_tables for cat in table.categories
            for ind in cat.indicators]


def value_text(v: Value | None) -> str | None:
    """A value as a reader compares it: as printed, else the number with its qualifier."""
    if v is None:
        return None
    if v.text:
        return v.text.strip()
    if v.value is None:
        return None
    number = int(v.value) if float(v.value).is_integer() else v.value
    return f"{v.qualifier or ''}{number}"


def _value_key(v: Value) -> tuple[Any, ...]:
    if v.value is None:
        return (None, normalize(v.text or "") or None)
    return (round(v.value, 6), v.qualifier or None)


def _unit_key(unit: str | None) -> str | None:
    return normalize(unit) or None if unit else None


def describe(category: str | None, ind: Indicator) -> dict[str, Any]:
    return {"name": ind.name, "unit": ind.unit, "category": category,
            "base": value_text(ind.base), "base_year": ind.base.year,
            "target": value_text(ind.target), "target_year": ind.target.year,
            "attribute": ind.attribute}


def indicator_changes(a: Indicator, b: Indicator) -> list[FieldChange]:
    changes: list[FieldChange] = []
    if normalize(a.name) != normalize(b.name):
        changes.append(FieldChange("name", a.name, b.name))
    if _unit_key(a.unit) != _unit_key(b.unit):
        changes.append(FieldChange("unit", a.unit, b.unit))
    if _value_key(a.target) != _value_key(b.target):
        changes.append(FieldChange("target", value_text(a.target), value_text(b.target)))
    if _value_key(a.base) != _value_key(b.base):
        changes.append(FieldChange("base", value_text(a.base), value_text(b.base)))
    if (a.attribute or None) != (b.attribute or None):
        changes.append(FieldChange("attribute", a.attribute, b.attribute))
    return changes


def compare_indicators(old: Plan, new: Plan) -> list[ItemChange]:
    """Every indicator of both plans once, in the new plan's order, removed ones after their neighbours."""
    a, b = _rows(old), _rows(new)

    def compatible(i: int, j: int, s: float) -> bool:
        ua, ub = _unit_key(a[i][1].unit), _unit_key(b[j][1].unit)
        return ua == ub or ua is None or ub is None or s >= SAME_NAME_OTHER_UNIT

    pairs = match_names([r[1].name for r in a], [r[1].name for r in b], compatible=compatible)
    by_new = {j: (i, s) for i, j, s in pairs}
    matched_old = {i for i, _, _ in pairs}
    out: list[ItemChange] = []
    removed = [i for i in range(len(a)) if i not in matched_old]
    for j, (cat, ind) in enumerate(b):
        if j in by_new:
            i, s = by_new[j]
            changes = indicator_changes(a[i][1], ind)
            out.append(ItemChange(describe(*a[i]), describe(cat, ind), "changed" if changes else "same", s, changes))
        else:
            out.append(ItemChange(None, describe(cat, ind), "added", 0.0))
    out.extend(ItemChange(describe(*a[i]), None, "removed", 0.0) for i in removed)
    return out
