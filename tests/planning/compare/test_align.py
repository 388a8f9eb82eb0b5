"""Section alignment: numbering is not content, moves and renames are found, seeds 000 and 001 align."""

from __future__ import annotations

from planning.compare.align import align, flatten
from planning.ingest import parse_file
from planning.model import Plan, Section
from tests.conftest import seed_path
from tests.planning.compare.edits import copy_plan, edit_plan, synthetic_plan


def _paths(al, pairs: dict[int, int]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"/".join(al.old.rows[i].path): "/".join(al.new.rows[j].path) for i, j in pairs.items()}


def test_flatten_keeps_paths_parents_and_keys() -> None:
    rows = flatten(synthetic_plan().sections)
    assert rows[0].path == ("一、",) and rows[1].path == ("一、", "（一）") and rows[1].parent == 0
    assert rows[0].children == [1, 2, 3]
    assert rows[1].title_key == "网络设施建设"


def test_a_plan_aligns_with_itself_one_to_one() -> None:
    plan = synthetic_plan()
    al = align(plan, copy_plan(plan))
    assert al.pairs == {i: i for i in range(len(al.old.rows))} and not al.moved


def test_known_edits_are_found() -> None:
    old = synthetic_plan()
    new, e = edit_plan(old)
    al = align(old, new)
    paths = _paths(al, al.pairs)
    assert e.removed not in paths
    assert paths[e.moved_from] == e.moved_to
    assert {"/".join(al.old.rows[i].path) for i in al.moved} == {e.moved_from}
    assert paths[e.renamed] == e.renamed and paths[e.reworded] == e.reworded
    assert not al.splits and not al.merges


def _leaf(label: str, title: str, text: str) -> Section:
    return Section(label, title, 2, text=text)


def test_a_split_section_is_reported_with_both_parts() -> None:
    first = "建设全市统一的政务云平台，推动部门机房整合迁移，实现计算存储资源集约共享和弹性调度。"
    second = "完善数据共享交换体系，编制政务数据资源目录，建立数据质量责任制度和定期通报机制。"
    other = "加强组织领导，建立联席会议制度，定期研究解决重大问题，确保各项任务落到实处。"
    old = Plan("旧", sections=[Section("一、", "主要任务", 1, children=[
        _leaf("（一）", "政务云和数据共享", first + second), _leaf("（二）", "组织保障", other)])])
    new = Plan("新", sections=[Section("一、", "主要任务", 1, children=[
        _leaf("（一）", "政务云", first), _leaf("（二）", "数据共享", second), _leaf("（三）", "组织保障", other)])])
    al = align(old, new)
    assert len(al.splits) == 1
    (whole, parts), = al.splits.items()
    assert al.old.rows[whole].title == "政务云和数据共享"
    assert {al.new.rows[al.pairs[whole]].title, *(al.new.rows[j].title for j in parts)} == {"政务云", "数据共享"}
    merged = align(new, old)
    assert len(merged.merges) == 1 and not merged.splits


def test_seed_000_and_001_align_their_chapters_in_order() -> None:
    old, _ = parse_file(seed_path("000"))
    new, _ = parse_file(seed_path("001"))
    al = align(old, new)
    top = {al.old.rows[i].title: al.new.rows[j].title for i, j in al.pairs.items() if al.old.rows[i].parent is None}
    assert top == {
        "我省信息化发展基础": "发展现状及发展趋势",
        "信息化发展的指导思想、原则和目标": "指导思想和发展目标",
        "信息化主要任务": "主要任务和重点工程",
        "信息化发展保障措施": "保障措施",
    }
    assert not any(al.old.rows[i].parent is None for i in al.moved)
