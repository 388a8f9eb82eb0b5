"""The HTML report: one standalone page that escapes plan text and links the summary to each change."""

from __future__ import annotations

import re

from planning.compare import compare_plans
from planning.compare.html_report import render_html
from tests.planning.compare.edits import copy_plan, edit_plan, synthetic_plan


def test_standalone_escaped_and_linked() -> None:
    old = synthetic_plan()
    new, e = edit_plan(old)
    new.sections[0].children[1].text += "<script>alert('x')</script>&"
    page = render_html(compare_plans(old, new))
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no network resources
    assert "<link" not in page and page.count("<script>") == 1  # the inline toggle only
    anchors = set(re.findall(r'id="(s\d+)"', page))
    links = set(re.findall(r'href="#(s\d+)"', page))
    assert links <= anchors and len(anchors) == sum(1 for _ in new.walk()) + 1  # + the removed section
    assert "<ins>切实</ins>" in page and "<del>" in page
    assert e.moved_from in page  # the moved section names its old place


def test_no_change_page() -> None:
    plan = synthetic_plan()
    assert "no differences" in render_html(compare_plans(plan, copy_plan(plan)))
