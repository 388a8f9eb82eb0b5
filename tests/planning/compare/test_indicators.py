"""Indicators matched by name (fuzzy, units compared) with each changed field's two values."""

from __future__ import annotations

from planning.compare.indicators import compare_indicators
from planning.model import Indicator, IndicatorCategory, IndicatorTable, Plan, Value


def _plan(*indicators: Indicator) -> Plan:
    return Plan("指标", indicator_tables=[IndicatorTable("主要指标", [], [IndicatorCategory("设施", list(indicators))])])


def _ind(name: str, unit: str | None, base: float, target: float, attribute: str = "预期性",
         qualifier: str | None = None) -> Indicator:
    def fmt(v: float) -> str:
        return str(int(v)) if float(v).is_integer() else str(v)

    return Indicator(name, unit, Value(base, 2020, None, fmt(base)),
                     Value(target, 2025, qualifier, f"{qualifier or ''}{fmt(target)}"), attribute=attribute)


def test_same_changed_added_removed_with_both_values() -> None:
    old = _plan(_ind("千兆光网覆盖率", "%", 40, 90), _ind("5G基站数", "万个", 1, 5),
                _ind("政务服务事项网办率", "%", 80, 95, "预期性"), _ind("数据开放数据集", "个", 100, 500))
    new = _plan(_ind("千兆光网覆盖率", "%", 40, 95), _ind("5G基站数量", "个", 10000, 50000),
                _ind("政务服务事项网上办理率", "%", 80, 95, "约束性"), _ind("算力规模", "PFlops", 1, 10))
    by_status = {}
    for item in compare_indicators(old, new):
        by_status.setdefault(item.status, []).append(item)
    changed = {(i.old or {})["name"]: {c.field: (c.old, c.new) for c in i.changes} for i in by_status["changed"]}
    assert changed["千兆光网覆盖率"] == {"target": ("90", "95")}
    assert changed["政务服务事项网办率"]["attribute"] == ("预期性", "约束性")
    assert "unit" not in changed["政务服务事项网办率"]
    # a close name with another unit is not the same indicator unless the names are nearly equal
    assert [i.new["name"] for i in by_status["added"]] == ["5G基站数量", "算力规模"]  # type: ignore[index]
    assert sorted(i.old["name"] for i in by_status["removed"]) == ["5G基站数", "数据开放数据集"]  # type: ignore[index]


def test_unit_change_of_the_same_name_is_a_change() -> None:
    old = _plan(_ind("电子商务交易额", "亿元", 100, 200))
    new = _plan(_ind("电子商务交易额", "万亿元", 0.01, 0.02))
    (item,) = compare_indicators(old, new)
    assert item.status == "changed"
    assert {c.field for c in item.changes} == {"unit", "base", "target"}


def test_qualifier_counts_and_identical_tables_are_same() -> None:
    a = _plan(_ind("覆盖率", "%", 40, 90, qualifier="≥"))
    b = _plan(_ind("覆盖率", "%", 40, 90))
    (item,) = compare_indicators(a, b)
    assert item.changes[0].field == "target" and item.changes[0].old == "≥90"
    assert [i.status for i in compare_indicators(a, a)] == ["same"]
