"""Key projects matched by name the same way as indicators."""

from __future__ import annotations

from planning.compare.projects import compare_projects
from planning.model import Plan, Project


def test_projects_matched_by_name() -> None:
    old = Plan("旧", projects=[Project(None, "政务云整合工程", "机房全部迁入政务云。", None),
                              Project(None, "平安城市工程", "视频监控全覆盖。", None)])
    new = Plan("新", projects=[Project(None, "政务云整合提升工程", "机房全部迁入政务云，资源利用率翻番。", None),
                              Project(None, "数字乡村工程", "行政村全部通千兆。", None)])
    items = compare_projects(old, new)
    assert [i.status for i in items] == ["changed", "added", "removed"]
    assert {c.field for c in items[0].changes} == {"name", "goal"}
    assert [i.status for i in compare_projects(old, old)] == ["same", "same"]
