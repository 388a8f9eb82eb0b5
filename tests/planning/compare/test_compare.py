"""compare_plans end to end: no change against itself, exactly the known edits against an edited copy."""

from __future__ import annotations

import pytest

from planning.compare import compare_plans
from planning.compare.result import Comparison
from planning.compare.textdiff import new_text, old_text
from planning.ingest import parse_file
from planning.model import Plan
from tests.conftest import seed_path
from tests.planning.compare.edits import copy_plan, edit_plan, synthetic_plan


def _seed(number: str) -> Plan:
    return parse_file(seed_path(number))[0]


@pytest.fixture(params=["synthetic", "001"])
def plan(request: pytest.FixtureRequest) -> Plan:
    return synthetic_plan() if request.param == "synthetic" else _seed("001")


def test_a_plan_against_itself_shows_no_change(plan: Plan) -> None:
    c = compare_plans(plan, copy_plan(plan))
    assert c.unchanged
    s = c.summary()
    assert s["sections"]["same"] == sum(1 for _ in plan.walk())
    assert sum(s["sections"].values()) == s["sections"]["same"]
    assert (s["chars_inserted"], s["chars_deleted"]) == (0, 0)
    assert s["indicators"] == {"added": 0, "removed": 0, "changed": 0}


def _changes(c: Comparison) -> set[tuple[str, str | None, str | None]]:
    return {(s.status, s.old.path if s.old else None, s.new.path if s.new else None)
            for s in c.sections if s.status != "same"}


def test_known_edits_are_reported_exactly(plan: Plan) -> None:
    new, e = edit_plan(plan)
    c = compare_plans(plan, new)
    assert _changes(c) == {
        ("reworded", e.reworded, e.reworded),
        ("renamed", e.renamed, e.renamed),
        ("moved", e.moved_from, e.moved_to),
        ("removed", e.removed, None),
    }
    s = c.summary()
    assert s["sections"] | {"same": 0} == {"same": 0, "reworded": 1, "renamed": 1, "moved": 1, "added": 0,
                                            "removed": 1, "split": 0, "merged": 0}
    assert s["chars_inserted"] == e.inserted_chars and s["chars_deleted"] == e.removed_chars
    assert s["indicators"] == {"added": 0, "removed": 0, "changed": 1}
    (ind,) = [i for i in c.indicators if i.status != "same"]
    assert ind.new is not None and ind.new["name"] == e.indicator
    assert [ch.field for ch in ind.changes] == ["target"]
    renamed = next(x for x in c.sections if x.status == "renamed")
    assert renamed.heading()["changed"] and renamed.ops == [("=", renamed.ops[0][1])]


def test_every_section_of_both_plans_is_in_the_list_once_and_ops_rebuild_the_texts(plan: Plan) -> None:
    new, _ = edit_plan(plan)
    c = compare_plans(plan, new)
    olds = [s.old.path for s in c.sections if s.old and s.role != "part"]
    news = [s.new.path for s in c.sections if s.new]
    assert olds == sorted(olds, key=olds.index) and len(olds) == len(set(olds)) == sum(1 for _ in plan.walk())
    assert news == ["/".join(p) for p, _ in new.walk()]
    old_texts = {"/".join(p): s.text for p, s in plan.walk()}
    new_texts = {"/".join(p): s.text for p, s in new.walk()}
    for s in c.sections:
        if s.old:
            assert old_text(s.ops) == old_texts[s.old.path]
        if s.new:
            assert new_text(s.ops) == new_texts[s.new.path]


def test_ignore_punctuation_hides_a_width_only_change() -> None:
    old = synthetic_plan()
    new = copy_plan(old)
    leaf = new.sections[0].children[0]
    leaf.text = leaf.text.replace("，", ",").replace("；", ";")
    assert compare_plans(old, new).summary()["sections"]["reworded"] == 1
    c = compare_plans(old, new, ignore_punctuation=True)
    assert c.unchanged and c.chars_inserted == c.chars_deleted == 0


def test_000_against_001_aligns_the_four_chapters_in_order() -> None:
    c = compare_plans(_seed("000"), _seed("001"))
    top = [(s.old.title, s.new.title) for s in c.sections if s.old and s.new and s.new.level == 1]
    assert top == [("我省信息化发展基础", "发展现状及发展趋势"), ("信息化发展的指导思想、原则和目标", "指导思想和发展目标"),
                   ("信息化主要任务", "主要任务和重点工程"), ("信息化发展保障措施", "保障措施")]
    assert all(s.status != "moved" for s in c.sections if s.new and s.new.level == 1)
