"""Editing the outline in memory: every change renumbers; bad paths and impossible moves are errors."""

from __future__ import annotations

import pytest

from planning.drafting.outline import (
    OutlineError,
    add_section,
    delete_section,
    find_sections,
    insert_subtree,
    move_section,
    rename_section,
    set_text,
)
from planning.errors import PlanDeskError
from planning.ingest import parse_file
from planning.model import Plan, Section
from planning.numbering import renumber
from tests.conftest import seed_path


def plan() -> Plan:
    p = Plan("测试规划", sections=[
        Section("", "发展基础", 1, children=[Section("", "成效", 2), Section("", "问题", 2)]),
        Section("", "主要任务", 1, children=[
            Section("", "基础设施", 2, children=[Section("", "宽带", 3), Section("", "工程", 3, kind="box")]),
            Section("", "数字政府", 2),
        ]),
        Section("", "保障措施", 1, children=[Section("", "组织领导", 2), Section("", "资金保障", 2)]),
    ])
    renumber(p.sections)
    return p


def outline(p: Plan) -> list[str]:
    return [f"{'  ' * (s.level - 1)}{s.label}{s.title}" for _, s in p.walk()]


def test_add_section() -> None:
    p = plan()
    assert add_section(p, (1,), 1, "数字经济", "正文") == (1, 1)
    assert outline(p)[3:8] == ["二、主要任务", "  （一）基础设施", "    1.宽带", "    专栏一工程", "  （二）数字经济"]
    assert p.sections[1].children[1].text == "正文"
    assert add_section(p, (), None, "附件") == (3,)
    assert outline(p)[-1] == "四、附件"
    assert add_section(p, (1, 0), 0, "新专栏", kind="box") == (1, 0, 0)
    assert [c.label for c in p.sections[1].children[0].children] == ["专栏一", "1.", "专栏二"]


def test_delete_rename_set_text() -> None:
    p = plan()
    removed = delete_section(p, (0,))
    assert removed.title == "发展基础" and len(removed.children) == 2
    assert [s.label + s.title for s in p.sections] == ["一、主要任务", "二、保障措施"]
    rename_section(p, (1, 1), "资金和政策")
    set_text(p, (1, 1), "加大投入。")
    assert (p.sections[1].children[1].title, p.sections[1].children[1].text) == ("资金和政策", "加大投入。")


def test_move_within_the_same_parent() -> None:
    p = plan()
    assert move_section(p, (2, 0), (2,), None) == (2, 1)
    assert outline(p)[-2:] == ["  （一）资金保障", "  （二）组织领导"]
    assert move_section(p, (2, 1), (2,), 0) == (2, 0)
    assert outline(p)[-2:] == ["  （一）组织领导", "  （二）资金保障"]


def test_move_to_another_level() -> None:
    p = plan()
    # A level-2 section becomes a top-level section, ahead of its old parent.
    assert move_section(p, (1, 1), (), 1) == (1,)
    assert [s.title for s in p.sections] == ["发展基础", "数字政府", "主要任务", "保障措施"]
    assert p.sections[1].level == 1 and p.sections[3].label == "四、"
    # A top-level section with its children moves down under a later one (indexes shift on removal).
    assert move_section(p, (0,), (2, 0), None) == (1, 0, 2)
    moved = p.sections[1].children[0].children[2]
    assert (moved.title, moved.label, moved.level) == ("发展基础", "2.", 3)
    assert [(c.label, c.level) for c in moved.children] == [("（1）", 4), ("（2）", 4)]


def test_move_into_own_subtree_is_an_error() -> None:
    p = plan()
    with pytest.raises(OutlineError) as err:
        move_section(p, (1,), (1, 0), 0)
    assert err.value.zh and err.value.en and isinstance(err.value, PlanDeskError)
    with pytest.raises(OutlineError):
        move_section(p, (1,), (1,), 0)


@pytest.mark.parametrize("call", [
    lambda p: delete_section(p, (9,)),
    lambda p: delete_section(p, ()),
    lambda p: rename_section(p, (0, 5), "x"),
    lambda p: add_section(p, (0, 0, 3), None, "x"),
    lambda p: add_section(p, (0,), 7, "x"),
    lambda p: move_section(p, (0,), (5,), None),
    lambda p: set_text(p, (-1,), "x"),
])
def test_bad_paths(call) -> None:  # type: ignore[no-untyped-def]
    p = plan()
    before = outline(p)
    with pytest.raises(OutlineError):
        call(p)
    assert outline(p) == before


def test_insert_subtree() -> None:
    p = plan()
    reused = Section("四、", "保障措施（旧）", 1, children=[Section("（一）", "人才", 2, children=[Section("1.", "培训", 3)])])
    assert insert_subtree(p, (1,), 0, reused) == (1, 0)
    assert outline(p)[3:7] == ["二、主要任务", "  （一）保障措施（旧）", "    1.人才", "      （1）培训"]


def test_find_sections() -> None:
    p = plan()
    assert [path for path, _ in find_sections(p, "二、/（一）")] == [(1, 0)]
    assert [path for path, _ in find_sections(p, "二、/(一)/1")] == [(1, 0, 0)]
    assert [path for path, _ in find_sections(p, "三、")] == [(2,)]
    assert [path for path, _ in find_sections(p, "专栏一")] == [(1, 0, 1)]
    assert [path for path, _ in find_sections(p, "保障")] == [(2,), (2, 1)]  # ambiguous: two results
    assert [path for path, _ in find_sections(p, "保障措施")] == [(2,)]  # an exact title wins
    assert [path for path, _ in find_sections(p, "三、保障措施")] == [(2,)]
    assert [path for path, _ in find_sections(p, "主要任务/数字政府")] == [(1, 1)]
    assert find_sections(p, "五、") == [] and find_sections(p, "不存在") == [] and find_sections(p, "") == []


def test_find_in_seed_001() -> None:
    p, _ = parse_file(seed_path("001"))
    ((path, section),) = find_sections(p, "三、/（七）")
    assert path == (2, 6) and section.label == "（七）"
    ((path, _),) = find_sections(p, "保障措施")
    assert path == (3,)
    assert len(find_sections(p, "电子商务")) > 1
