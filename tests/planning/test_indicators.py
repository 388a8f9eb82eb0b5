from __future__ import annotations

from planning.parse.indicators import parse_value, read_flattened, read_table, split_unit

FLAT = [
    "北岭市“十四五”信息化主要指标",
    "指标", "2020年", "2025年", "年均增长", "指标类型",
    "一、基础设施",
    "千兆用户数（万户）", "3", "12", "32%", "预期性",
    "接入能力(Mbps)", "100", "≥1000", "-", "预期性",
    "二、政务服务",
    "网上可办率（%）", "-", "＞98", "-", "约束性",
    "三、主要任务",
    "（一）推进政务云建设",
]


def test_flattened_table_stops_at_the_next_section() -> None:
    found = read_flattened(FLAT, 0)
    assert found is not None
    table, end = found
    assert FLAT[end] == "三、主要任务"  # out of sequence for a category with no rows after it: the body resumes
    assert [c.name for c in table.categories] == ["基础设施", "政务服务"]
    first, speed, online = table.indicators()
    assert (first.name, first.unit, first.base.value, first.target.value, first.growth_text, first.growth) == (
        "千兆用户数", "万户", 3, 12, "32%", 32.0)
    assert (speed.unit, speed.target.qualifier, speed.target.value, speed.growth) == ("Mbps", "≥", 1000, None)
    assert online.base.value is None and online.base.text == "-"  # '-' is "no value", not zero
    assert (online.target.qualifier, online.attribute) == ("＞", "约束性")
    assert (first.base.year, first.target.year) == (2020, 2025)


def test_real_table_with_merged_category_rows() -> None:
    rows = [
        ["序号", "指标", "单位", "2020年", "2025年", "属性"],
        ["一、数字基础", "一、数字基础", "一、数字基础", "一、数字基础", "一、数字基础", "一、数字基础"],
        ["1", "5G基站数", "个", "1200", "4000", "预期性"],
    ]
    table = read_table(rows, "主要指标")
    assert table is not None
    assert [c.name for c in table.categories] == ["数字基础"]
    only = next(table.indicators())
    assert (only.name, only.unit, only.base.value, only.target.value, only.attribute) == (
        "5G基站数", "个", 1200, 4000, "预期性")


def test_values_and_units() -> None:
    assert parse_value("≥95", 2025).to_dict() == {"value": 95, "year": 2025, "qualifier": "≥", "text": "≥95"}
    assert parse_value("97.61", 2015).value == 97.61
    assert split_unit("数字图书馆数字资源量(TB）") == ("数字图书馆数字资源量", "TB")
    assert split_unit("两化融合发展指数") == ("两化融合发展指数", None)
