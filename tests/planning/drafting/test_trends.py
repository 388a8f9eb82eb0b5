from __future__ import annotations

from planning.drafting.trends import PlanRef, chain, lineage, shared_indicator_names, trend
from planning.model import Indicator, IndicatorCategory, IndicatorTable, Period, Plan, Region, Value


def refs() -> list[PlanRef]:
    return [
        PlanRef(1, "北岭市", "十二五", 2011, 2015),
        PlanRef(2, "北岭市", "十三五", 2016, 2020),
        PlanRef(3, "南岭市", "十三五", 2016, 2020),
        PlanRef(4, "北岭市", "十四五", 2021, 2025),
        PlanRef(5, None, None, None, None),
    ]


def test_lineage_links_consecutive_periods_of_one_region() -> None:
    links = lineage(refs())
    assert (links[2].predecessor, links[2].successor) == (1, 4)
    assert (links[3].predecessor, links[3].successor) == (None, None)
    assert 5 not in links
    assert chain(refs(), 2) == [1, 2, 4]
    assert chain(refs(), 5) == [5]


def test_a_link_set_by_hand_overrides_the_automatic_one() -> None:
    plans = [*refs()[:3], PlanRef(4, "北岭市", "十四五", 2021, 2025, predecessor=3)]  # 南岭's plan, by hand
    links = lineage(plans)
    assert links[4].predecessor == 3 and links[3].successor == 4
    assert links[2].successor is None  # the automatic 北岭 十三五 → 十四五 link gave way
    assert chain(plans, 4) == [3, 4]


def plan(pid: int, period: str, rows: list[tuple[str, float | None, float | None]], start: int) -> Plan:
    inds = [Indicator(n, "%", Value(b, start - 1), Value(t, start + 4)) for n, b, t in rows]
    table = IndicatorTable("主要指标", ["指标"], [IndicatorCategory(None, inds)])
    return Plan("北岭市规划", id=pid, region=Region("北岭市", "市"), period=Period(period, start, start + 4),
                indicator_tables=[table])


def test_trend_follows_an_indicator_despite_small_renames() -> None:
    plans = [
        plan(1, "十二五", [("行政村光纤通达率", 20, 45)], 2011),
        plan(2, "十三五", [("行政村光缆通达率", 45, 100), ("政务服务网上可办率", None, 90)], 2016),
        plan(4, "十四五", [("行政村光缆通达率", 100, 100)], 2021),
    ]
    points = trend(plans, "行政村光缆通达率")
    assert [(p.period, p.base, p.target) for p in points] == [("十二五", 20, 45), ("十三五", 45, 100),
                                                              ("十四五", 100, 100)]
    assert points[0].name == "行政村光纤通达率"  # each plan's own wording is kept
    assert shared_indicator_names(plans)[0] in ("行政村光缆通达率", "行政村光纤通达率")
