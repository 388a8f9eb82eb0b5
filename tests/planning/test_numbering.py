"""Labels regenerated from the tree: levels, boxes across the plan, the 第一部分 style, captions."""

from __future__ import annotations

from planning.ingest import parse_file
from planning.model import IndicatorTable, Plan, Section
from planning.numbering import caption_numbers, renumber
from tests.conftest import seed_path


def s(title: str, *children: Section, kind: str = "section", label: str = "?") -> Section:
    return Section(label, title, 0, kind=kind, children=list(children))  # type: ignore[arg-type]


def labels(sections: list[Section]) -> list[tuple[int, str, str]]:
    return [(x.level, x.label, x.title) for top in sections for _, x in top.walk()]


def test_levels_one_to_six() -> None:
    tree = [s("a", s("b", s("c", s("d", s("e", s("f")))))), s("g", s("h"), s("i"))]
    renumber(tree)
    assert labels(tree) == [
        (1, "一、", "a"), (2, "（一）", "b"), (3, "1.", "c"), (4, "（1）", "d"), (5, "①", "e"), (6, "①", "f"),
        (1, "二、", "g"), (2, "（一）", "h"), (2, "（二）", "i"),
    ]


def test_boxes_numbered_across_the_plan_and_not_among_siblings() -> None:
    tree = [
        s("任务", s("一", s("x"), s("专栏A", s("item1"), s("item2"), kind="box"), s("y")),
          s("二", s("专栏B", kind="box"))),
        s("工程", s("专栏C", kind="box"), s("z")),
    ]
    renumber(tree)
    assert labels(tree) == [
        (1, "一、", "任务"), (2, "（一）", "一"), (3, "1.", "x"), (3, "专栏一", "专栏A"),
        (4, "1.", "item1"), (4, "2.", "item2"),  # a box's items number like the box's siblings
        (3, "2.", "y"), (2, "（二）", "二"), (3, "专栏二", "专栏B"),
        (1, "二、", "工程"), (2, "专栏三", "专栏C"), (2, "（一）", "z"),
    ]


def test_part_style_kept_at_the_top() -> None:
    tree = [s("背景", s("意义", s("历程"))), s("任务")]
    tree[0].label = "第一部分"
    renumber(tree)
    assert labels(tree) == [(1, "第一部分", "背景"), (2, "一、", "意义"), (3, "（一）", "历程"), (1, "第二部分", "任务")]
    chapters = [s("总则"), s("任务")]
    chapters[0].label = "第一章"
    renumber(chapters)
    assert [x.label for x in chapters] == ["第一章", "第二章"]


def test_seed_001_labels_regenerate_as_printed() -> None:
    plan, _ = parse_file(seed_path("001"))
    printed = [x.label for _, x in plan.walk()]
    renumber(plan.sections)
    regenerated = [x.label for _, x in plan.walk()]
    differ = [(a, b) for a, b in zip(printed, regenerated, strict=True) if a != b]
    # The seed prints its sixth box before its fifth; numbering in document order fixes that.
    assert differ == [("专栏六", "专栏五"), ("专栏五", "专栏六")]


def test_seed_004_part_style() -> None:
    plan, _ = parse_file(seed_path("004"))
    renumber(plan.sections)
    assert [x.label for x in plan.sections][:3] == ["第一部分", "第二部分", "第三部分"]
    assert plan.sections[0].children[1].children[0].label == "（一）"


def test_caption_numbers() -> None:
    plan = Plan("p", indicator_tables=[IndicatorTable("表3 主要指标", []), IndicatorTable("项目表", [])])
    caption_numbers(plan)
    assert [t.caption for t in plan.indicator_tables] == ["表1 主要指标", "项目表"]
    caption_numbers(plan, add=True)
    assert [t.caption for t in plan.indicator_tables] == ["表1 主要指标", "表2 项目表"]
