"""Table cells as printed: qualifiers kept, '-' kept or printed '—', categories and groups as rows."""

from __future__ import annotations

from planning.export.tables import column_roles, indicator_rows, project_rows, value_text
from planning.model import Indicator, IndicatorCategory, IndicatorTable, Period, Project, Value


def test_column_roles_from_a_printed_header() -> None:
    assert column_roles(["序号", "指标名称", "单位", "2020年", "2025年目标", "年均增长(%)", "指标属性"]) == [
        "index", "name", "unit", "base", "target", "growth", "attribute"]


def test_values_keep_qualifiers_and_dashes() -> None:
    assert value_text(Value(95, 2025, "≥", "≥95"), dash="keep") == "≥95"
    assert value_text(Value(95, 2025, "＞", None), dash="keep") == "＞95"
    assert value_text(Value(None, 2020, None, "-"), dash="keep") == "-"
    assert value_text(Value(None, 2020, None, "-"), dash="emdash") == "—"
    assert value_text(Value(2.5), dash="keep") == "2.5"


def test_a_hand_built_table_gets_a_header_from_the_period() -> None:
    table = IndicatorTable(None, [], [IndicatorCategory(None, [
        Indicator("5G基站数", "个", Value(100), Value(300), None, None, "预期性")])])
    header, rows = indicator_rows(table, period=Period("十四五", 2021, 2025))
    assert header == ["指标", "2020年", "2025年", "属性"]
    assert [r.cells for r in rows] == [("5G基站数（个）", "100", "300", "预期性")]


def test_unit_column_keeps_the_unit_out_of_the_name() -> None:
    table = IndicatorTable(None, ["指标", "单位", "2020年", "2025年"], [IndicatorCategory("一、网络", [
        Indicator("光网覆盖率", "%", Value(1), Value(2), None, None)])])
    _, rows = indicator_rows(table)
    assert rows[0].kind == "category" and rows[0].cells == ("一、网络",)
    assert rows[1].cells == ("光网覆盖率", "%", "1", "2")


def test_project_groups_become_rows_and_basis_column_only_when_used() -> None:
    header, rows = project_rows([Project("甲工程", "a", "目标a", None), Project("甲工程", "b", None, None),
                                 Project("乙工程", "c", "目标c", None)])
    assert header == ["序号", "项目名称", "建设目标"]
    assert [(r.kind, r.cells) for r in rows] == [
        ("category", ("甲工程",)), ("data", ("1", "a", "目标a")), ("data", ("2", "b", "")),
        ("category", ("乙工程",)), ("data", ("3", "c", "目标c"))]
