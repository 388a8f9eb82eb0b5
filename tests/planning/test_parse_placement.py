"""Where an indicator table sits: the parser records the label path of the section it follows
(`IndicatorTable.after`), the model keeps it in its dict, and it survives export and import."""

from __future__ import annotations

from pathlib import Path

from planning.ingest import parse_file
from planning.model import IndicatorTable
from planning.parse.outline import OutlineBuilder
from tests.conftest import seed_path


def test_current_path_is_the_labels_of_the_open_sections() -> None:
    outline = OutlineBuilder()
    assert outline.current_path() == ""  # before the first heading
    for line in ["一、总体要求", "坚持统筹规划。", "二、主要任务", "（一）夯实数字底座", "统筹建设。"]:
        outline.feed_line(line)
    assert outline.current_path() == "二、/（一）"
    outline.feed_line("1.建设政务云")
    assert outline.current_path() == "二、/（一）/1."
    outline.feed_line("（二）推进重点工程")
    assert outline.current_path() == "二、/（二）"


def test_an_open_box_is_not_a_place_for_a_table() -> None:
    outline = OutlineBuilder()
    for line in ["一、总体要求", "（一）发展目标"]:
        outline.feed_line(line)
    outline.open_box("重点工程", "专栏1")
    outline.feed_line("1.城市大脑")
    assert outline.current_path() == "一、/（一）"  # the section that holds the box
    outline.close_box()
    assert outline.current_path() == "一、/（一）"


TEXT = """临溪市“十四五”数字政府建设规划
一、总体要求
坚持统筹规划、集约建设。
（一）发展目标
到2025年，全市数字政府建设取得明显成效。
临溪市“十四五”数字政府主要指标
指标
2020年
2025年
属性
千兆光网覆盖率（%）
40
≥95
预期性
政务服务事项网上可办率（%）
85
100
约束性
二、主要任务
统筹建设全市政务云平台。
"""


def test_a_flattened_table_records_the_section_it_follows(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    plan, _ = parse_file(path)
    (table,) = plan.indicator_tables
    assert len(list(table.indicators())) == 2
    assert table.after == "一、/（一）"


def test_seed_001_table_sits_in_its_goals_subsection() -> None:
    plan, _ = parse_file(seed_path("001"))
    (table,) = plan.indicator_tables
    paths = {"/".join(path): s.title for path, s in plan.walk()}
    # in 二、/（三） 发展目标, after the text of its last item, 4. 信息安全领域目标
    assert table.after == "二、/（三）/4."
    assert paths["二、/（三）"] == "发展目标" and "信息安全" in paths[table.after]


def test_after_is_kept_in_the_dict_and_absent_means_not_known() -> None:
    table = IndicatorTable("主要指标", ["指标"], after="二、/（三）")
    assert table.to_dict()["after"] == "二、/（三）"
    assert IndicatorTable.from_dict(table.to_dict()).after == "二、/（三）"
    old = table.to_dict()
    del old["after"]  # a plan saved before tables kept their place
    assert IndicatorTable.from_dict(old).after is None
