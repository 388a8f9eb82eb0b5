"""Growth computed per method, the checker's verdicts (all 41 rows of seed 001), carrying a table forward."""

from __future__ import annotations

import pytest

from planning.drafting.growth import (
    carry_glossary,
    carry_projects,
    carry_table,
    check_indicator,
    check_table,
    compute_growth,
    default_method,
    recompute_growth,
)
from planning.ingest import parse_file
from planning.model import GlossaryEntry, Indicator, IndicatorCategory, IndicatorTable, Project, Value
from tests.conftest import seed_path


def row(unit: str | None, base: float | None, target: float | None, growth: str | None,
        qualifier: str | None = None, years: tuple[int, int] = (2015, 2020)) -> Indicator:
    return Indicator("指标", unit, Value(base, years[0]), Value(target, years[1], qualifier), growth_text=growth)


def test_compute_growth() -> None:
    g = compute_growth(100, 200, 5)
    assert g.compound == pytest.approx(14.8698, abs=1e-4)
    assert g.points == g.increment == 20
    assert compute_growth(None, 5, 5) == compute_growth(5, None, 5) == compute_growth(1, 2, 0)
    assert compute_growth(None, 5, 5).compound is None
    assert compute_growth(0, 5, 5).compound is None and compute_growth(0, 5, 5).increment == 1


def test_default_method() -> None:
    assert default_method("%") == default_method("％") == "points"
    assert default_method("万户") == default_method("亿元") == default_method(None) == "compound"


@pytest.mark.parametrize(("unit", "base", "target", "printed", "verdict"), [
    ("万户", 710, 930, "5.5", "compound"),  # the three examples
    ("%", 45, 100, "11", "points"),
    ("万户", 1389, 3950, "512", "increment"),
    ("%", 97.61, 99, "0.28", "points"),  # both match: the rate's method wins
    ("万户", 98.64, 99.5, "0.17", "compound"),  # both match: the count's method wins
    ("%", 20, 100, "38", "compound"),  # a rate printed as compound growth
    ("%", 42, 90, "11", "points"),  # 9.6 → 10, one off in the last digit
    ("%", 30, 70, "12.5", "inconsistent"),
    ("%", 11.5, 20, "11.61", "inconsistent"),  # 11.70 is nine off in the last digit
    ("个", 9, 20, "-", "no-data"),
    ("%", None, 95, "-", "no-data"),
    ("%", 10, 70, None, "no-data"),
])
def test_check_indicator(unit: str, base: float | None, target: float | None, printed: str | None,
                         verdict: str) -> None:
    assert check_indicator(row(unit, base, target, printed)).verdict == verdict


def test_check_reports_the_computed_figures_rounded_as_printed() -> None:
    d = check_indicator(row("万户", 710, 930, "5.5"), category="基础设施").to_dict()
    assert d == {
        "category": "基础设施", "name": "指标", "unit": "万户", "base": 710, "target": 930, "years": 5,
        "growth_text": "5.5", "verdict": "compound",
        "computed": {"compound": 5.5, "points": None, "increment": 44.0},
    }
    d = check_indicator(row("%", 97.61, 99, "0.28")).to_dict()
    assert d["computed"] == {"compound": 0.28, "points": 0.28, "increment": None}


def test_check_with_a_qualified_target() -> None:
    assert check_indicator(row("Mbps", 20, 100, "16", qualifier="≥")).verdict == "increment"


# Seed 001's 41 rows in table order, derived by hand: (t − b) / 5 and (t / b) ** (1 / 5) − 1 for each
# row with both values and a printed figure; '-' or a missing value is no-data.
SEED_001_VERDICTS = [
    "points", "points", "compound", "points", "increment", "points", "increment", "increment",
    "points", "compound",  # 信息基础设施 (10)
    "increment", "no-data", "no-data", "no-data", "no-data", "no-data", "no-data", "no-data",
    "increment", "increment", "increment", "increment", "inconsistent", "points", "points", "points",
    "increment",  # 经济领域 (17)
    "no-data", "no-data", "no-data", "compound", "inconsistent", "no-data", "points", "no-data",
    "no-data", "no-data", "no-data",  # 社会领域 (11)
    "no-data", "no-data", "no-data",  # 信息安全 (3)
]


def test_seed_001_all_41_verdicts() -> None:
    plan, _ = parse_file(seed_path("001"))
    (table,) = plan.indicator_tables
    checks = check_table(table)
    assert len(checks) == 41
    assert [c.verdict for c in checks] == SEED_001_VERDICTS
    assert all(c.years == 5 for c in checks)


def _table() -> IndicatorTable:
    return IndicatorTable("“十三五”主要指标", ["指标", "2015年", "2020年", "年均增长", "指标类型"], [
        IndicatorCategory("基础设施", [
            Indicator("普及率", "%", Value(66, 2015), Value(93, 2020), "5.4", 5.4, "预期性"),
            Indicator("用户数", "万户", Value(710, 2015), Value(930, 2020), "5.5", 5.5, "预期性"),
        ]),
        IndicatorCategory("安全", [
            Indicator("达标率", "%", Value(None, 2015, text="-"), Value(95, 2020, "≥", "≥95"), "-", None, "约束性"),
        ]),
    ], ["注：旧表的说明"])


def test_carry_table() -> None:
    old = _table()
    new = carry_table(old, base_year=2020, target_year=2025)
    assert new.columns == ["指标", "2020年", "十三五目标", "2025年", "年均增长", "指标类型"]
    assert new.caption == "“十四五”主要指标"
    assert [c.name for c in new.categories] == ["基础设施", "安全"]
    first, second, third = new.indicators()
    assert (first.name, first.unit, first.attribute, first.method) == ("普及率", "%", "预期性", "points")
    assert second.method == "compound"
    assert first.base == Value(None, 2020) and first.target == Value(None, 2025)
    assert first.growth is None and first.growth_text is None
    assert first.reference == Value(93, 2020)
    assert third.reference == Value(95, 2020, "≥", "≥95")
    third.reference.value = 1  # a copy, not the old table's value
    assert old.categories[1].indicators[0].target.value == 95
    assert carry_table(old, base_year=2020, target_year=2025, reference_label="上期目标").columns[2] == "上期目标"


def test_carry_seed_001_table() -> None:
    plan, _ = parse_file(seed_path("001"))
    new = carry_table(plan.indicator_tables[0], base_year=2020, target_year=2025)
    rows = list(new.indicators())
    old_rows = list(plan.indicator_tables[0].indicators())
    assert len(rows) == 41
    assert [r.reference.value if r.reference else None for r in rows] == [o.target.value for o in old_rows]
    assert all(r.reference and r.reference.year == 2020 for r in rows)
    assert all(r.base.value is None and r.target.value is None for r in rows)
    assert "十三五目标" in new.columns


@pytest.mark.parametrize(("unit", "method", "base", "target", "qualifier", "growth", "text"), [
    ("万户", None, 930, 1500, None, 10.0, "10.0"),
    ("%", None, 70, 90, None, 4.0, "4.0"),
    ("万户", "increment", 3950, 6000, None, 410.0, "410"),
    ("%", None, 70, 95, "≥", 5.0, "≥5.0"),
    ("%", None, None, 95, "≥", None, None),
])
def test_recompute_growth(unit: str, method: str | None, base: float | None, target: float,
                          qualifier: str | None, growth: float | None, text: str | None) -> None:
    ind = Indicator("x", unit, Value(base, 2020), Value(target, 2025, qualifier), method=method)
    assert recompute_growth(ind, 5) is ind
    assert (ind.growth, ind.growth_text) == (growth, text)


def test_recompute_with_an_overridden_method() -> None:
    ind = Indicator("x", "%", Value(20, 2020), Value(100, 2025), method="compound")
    assert recompute_growth(ind, 5).growth_text == "38.0"


def test_carry_projects_and_glossary_are_editable_copies() -> None:
    projects = [Project("基础设施", "光网工程", "全覆盖", None)]
    glossary = [GlossaryEntry("IPv6", "互联网协议第六版")]
    new_projects, new_glossary = carry_projects(projects), carry_glossary(glossary)
    assert new_projects == projects and new_glossary == glossary
    new_projects[0].name = "新工程"
    new_glossary[0].definition = "改"
    assert projects[0].name == "光网工程" and glossary[0].definition == "互联网协议第六版"
