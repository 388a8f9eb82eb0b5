from __future__ import annotations

from planning.parse.outline import OutlineBuilder, split_run_in_title, split_title


def build(lines: list[str]) -> OutlineBuilder:
    b = OutlineBuilder()
    for line in lines:
        b.feed_line(line)
    b.finish()
    return b


def test_levels_follow_the_numbering_styles() -> None:
    b = build(["一、总则", "（一）目的", "1.第一点", "（1）细目", "二、任务"])
    assert [s.title for s in b.sections] == ["总则", "任务"]
    first = b.sections[0].children[0]
    assert (first.label, first.level) == ("（一）", 2)
    assert first.children[0].children[0].label == "（1）" and first.children[0].children[0].level == 4


def test_out_of_sequence_numbers_stay_text() -> None:
    # a table's category rows 一、二、 appear after section 二、 has begun: they are not sections
    b = build(["一、基础", "正文。", "二、目标", "一、信息基础设施", "二、经济领域", "三、任务"])
    assert [s.title for s in b.sections] == ["基础", "目标", "任务"]
    assert "一、信息基础设施" in b.sections[1].text


def test_heading_line_splits_title_from_run_on_text() -> None:
    b = build(["一、总则", "1.加快宽带普及。统筹骨干网建设。"])
    item = b.sections[0].children[0]
    assert item.title == "加快宽带普及"
    assert item.text == "统筹骨干网建设。"


def test_box_nests_under_its_section_and_holds_its_items() -> None:
    b = build(["一、任务", "（一）网络", "1.光纤", "专栏一 宽带工程", "1.城镇光网", "2.农村光网", "（二）应用"])
    network = b.sections[0].children[0]
    assert [c.kind for c in network.children] == ["section", "box"]
    box = network.children[1]
    assert (box.label, box.title, [c.title for c in box.children]) == ("专栏一", "宽带工程", ["城镇光网", "农村光网"])
    assert b.sections[0].children[1].title == "应用"


def test_flattened_plan_on_one_line() -> None:
    body = ("前言文字，统一、快速调度。一、发展基础我省基础较好。1、网络建设取得进展。网络覆盖全省。"
            "2、应用深化。应用广泛。二、主要任务（一）推进政务按照统一要求推进。（二）发展产业。推动产业集聚。")
    b = OutlineBuilder()
    b.feed_line(body * 1 + "补充说明。" * 300)
    b.finish()
    assert [s.label for s in b.sections] == ["一、", "二、"]
    assert b.preamble == ["前言文字，统一、快速调度。"]
    basis = b.sections[0]
    assert [c.title for c in basis.children] == ["网络建设取得进展", "应用深化"]
    tasks = b.sections[1]
    assert [c.title for c in tasks.children] == ["推进政务", "发展产业"]
    assert tasks.children[0].text.startswith("按照统一要求")


def test_split_title_variants() -> None:
    assert split_title("指导思想。") == ("指导思想", "")
    assert split_title("主要成效") == ("主要成效", "")
    long = "经济领域信息化建设步伐加快，" * 8
    title, text = split_title(long)
    assert title == "经济领域信息化建设步伐加快" and text == long.strip()
    run_in = "我省信息化发展基础“十五”期间，我省不失时机推进信息化，取得明显成效"
    assert split_run_in_title(run_in) == ("我省信息化发展基础", run_in[9:])


def test_chapters_and_sections_of_a_plan_written_in_chapters() -> None:
    b = build(["第一章 发展基础", "第一节 主要成效", "一、网络", "第二节 面临形势", "第二章 总体要求", "第一节 指导思想"])
    assert [(s.label, s.title) for s in b.sections] == [("第一章", "发展基础"), ("第二章", "总体要求")]
    first = b.sections[0]
    assert [c.label for c in first.children] == ["第一节", "第二节"]
    assert first.children[0].children[0].title == "网络"
    assert b.sections[1].children[0].title == "指导思想"
