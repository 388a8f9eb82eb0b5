"""The --json contract: the issue's stable keys, JSON-serialisable, ops as [kind, text] pairs."""

from __future__ import annotations

import json

from planning.compare import compare_plans
from tests.planning.compare.edits import edit_plan, synthetic_plan

STATUSES = {"same", "reworded", "renamed", "moved", "added", "removed", "split", "merged"}


def test_to_dict_has_the_stable_keys() -> None:
    old = synthetic_plan()
    new, _ = edit_plan(old)
    d = json.loads(json.dumps(compare_plans(old, new).to_dict(), ensure_ascii=False))
    assert {"summary", "sections", "indicators", "projects"} <= d.keys()
    assert set(d["summary"]["sections"]) == STATUSES
    assert {"chars_inserted", "chars_deleted"} <= d["summary"].keys()
    assert set(d["summary"]["indicators"]) == {"added", "removed", "changed"}
    for s in d["sections"]:
        assert {"old", "new", "status", "similarity", "ops"} <= s.keys()
        assert s["status"] in STATUSES and 0 <= s["similarity"] <= 1
        for side in (s["old"], s["new"]):
            assert side is None or {"path", "label", "title"} <= side.keys()
        assert all(k in ("=", "+", "-") and isinstance(t, str) for k, t in s["ops"])
    removed = next(s for s in d["sections"] if s["status"] == "removed")
    assert removed["new"] is None and removed["old"]["path"].count("/") == 1  # e.g. 三、/（一）
    for item in (*d["indicators"], *d["projects"]):
        assert {"old", "new", "status", "changes"} <= item.keys()
    changed = next(i for i in d["indicators"] if i["status"] == "changed")
    assert changed["changes"] == [{"field": "target", "old": changed["old"]["target"], "new": changed["new"]["target"]}]
