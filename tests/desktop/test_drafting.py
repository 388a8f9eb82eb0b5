"""The drafting screen: a new draft from the wizard's values, outline edits with live numbering,
undo/redo, reuse with previewed replacements, indicator growth computed, saving and snapshots."""

from __future__ import annotations

from pathlib import Path

from planning.model import Plan, Section
from service.draft_session import DraftSession

PREVIOUS = (
    "青禾市“十三五”信息化发展规划\n一、发展基础\n网络覆盖全市。\n"
    "二、保障措施\n（一）加强组织领导\n到2020年，“十三五”规划任务全面完成，2000多家企业上云。\n"
)


def open_new_draft(qtbot, window):  # type: ignore[no-untyped-def]
    window.new_draft({"region": "青禾市", "period": "十四五", "skeleton": None, "issuer": "青禾市人民政府",
                      "from_plan": window.library_view.model.plans[0].id})
    qtbot.waitUntil(lambda: window.drafting_view.session is not None, timeout=10000)
    return window.drafting_view


def labels(view) -> list[str]:  # type: ignore[no-untyped-def]
    return [view.outline.topLevelItem(i).text(0) for i in range(view.outline.topLevelItemCount())]


def test_new_draft_opens_with_skeleton_and_carried_indicators(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_new_draft(qtbot, window)
    assert window.tabs.currentWidget() is view
    plan = view.session.plan
    assert plan.status == "draft" and plan.period is not None and plan.period.name == "十四五"
    assert labels(view)[0].startswith("一、")
    assert view.indicators.rowCount() == 4  # the sample's indicator table, carried forward
    qtbot.waitUntil(lambda: any(p.status == "draft" for p in window.library_view.model.plans), timeout=5000)


def test_outline_edits_renumber_and_undo_redo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_new_draft(qtbot, window)
    before = labels(view)
    view._select((0,))
    view.add(child=False, title="新增一章")
    assert labels(view)[1] == "二、新增一章"
    assert labels(view)[2].startswith("三、")  # later chapters renumbered
    view.move(1)
    assert labels(view)[2] == "三、新增一章"
    view.indent()
    assert "新增一章" not in "".join(labels(view))  # now a child, one level deeper
    view.undo()
    assert labels(view)[2] == "三、新增一章"
    view.undo()
    view.undo()
    assert labels(view) == before
    view.redo()
    assert labels(view)[1] == "二、新增一章"


def test_text_edits_and_save_reach_the_library(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_new_draft(qtbot, window)
    view._select((0,))
    view.text.setPlainText("青禾市信息化基础较好。")
    assert view.session.dirty
    op = view.save()
    assert op is not None
    qtbot.waitUntil(lambda: view.status.text() == "已保存", timeout=5000)
    stored = window.backend.library.get_plan(view.session.plan.id)
    assert stored.sections[0].text == "青禾市信息化基础较好。"


def test_reuse_rolls_forward_only_the_accepted_replacements(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    previous = tmp_path / "prev.txt"
    previous.write_text(PREVIOUS, encoding="utf-8")
    dialog = window.import_paths([str(previous)])
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    source_id = dialog.result.outcomes[0].plan_id
    source = window.backend.library.get_plan(source_id)
    view = open_new_draft(qtbot, window)
    from desktop.draft_dialogs import proposals_for

    proposals = proposals_for(view.session.plan, source, "二、")
    assert [(p.replacement.before, p.replacement.after) for p in proposals] == [("到2020年", "到2025年"), ("十三五", "十四五")]
    view.reuse_from(source, "二、", decide=[True, False])  # accept the year, refuse the period name
    texts = [s.text for _, s in view.session.plan.walk() if "企业上云" in s.text]
    assert texts == ["到2025年，“十三五”规划任务全面完成，2000多家企业上云。"]  # counts untouched


def test_indicator_growth_is_computed_and_checked(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_new_draft(qtbot, window)
    editor = view.indicators
    row = next(r for r, ind in enumerate(editor.rows) if ind.name == "千兆宽带用户数")
    editor.item(row, 3).setText("12")  # base (2020)
    editor.item(row, 4).setText("48")  # target (2025)
    ind = editor.rows[row]
    assert (ind.base.value, ind.target.value) == (12, 48)
    assert ind.growth is not None and abs(ind.growth - 31.95) < 0.1  # compound growth for a count
    assert editor.item(row, 6).text() == ind.growth_text
    assert editor.item(row, 7).text().startswith("✓")
    assert view.session.dirty


def test_draft_session_failed_edit_changes_nothing() -> None:
    plan = Plan("草稿", sections=[Section("一、", "总则", 1)])
    session = DraftSession(plan)

    def broken(p: Plan) -> None:
        p.sections.clear()
        raise ValueError("boom")

    try:
        session.edit(broken)
    except ValueError:
        pass
    assert [s.title for s in session.plan.sections] == ["总则"]
    assert not session.can_undo() and not session.dirty


def test_restore_an_earlier_version(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_new_draft(qtbot, window)
    view._select((0,))
    view.text.setPlainText("第一稿的文字。")
    view.snapshot("第一稿")
    qtbot.waitUntil(lambda: "已存为快照" in view.status.text(), timeout=5000)
    view._select((0,))
    view.text.setPlainText("第二稿的文字。")
    view.save()
    qtbot.waitUntil(lambda: view.status.text() == "已保存", timeout=5000)
    first = next(v for v in window.backend.library.versions(view.session.plan.id) if v.name == "第一稿")
    view.restore_version(first.id)
    qtbot.waitUntil(lambda: "已恢复" in view.status.text(), timeout=5000)
    assert view.session.plan.sections[0].text == "第一稿的文字。"
    names = [v.name for v in window.backend.library.versions(view.session.plan.id)]
    assert "restore-backup" in names  # the second draft was kept, not lost


def test_dragging_a_section_moves_it_and_renumbers(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_new_draft(qtbot, window)
    titles = [s.title for s in view.session.plan.sections]
    # drag the first chapter to the third place among the chapters (what Qt reports after the drop)
    view.outline.moved.emit((0,), (), 2)
    after = [s.title for s in view.session.plan.sections]
    assert after == [titles[1], titles[2], titles[0], *titles[3:]]
    assert labels(view)[2] == f"三、{titles[0]}"
    # drag the (new) first chapter into the second one, as its last child: one level deeper
    moved_title = after[0]
    view.outline.moved.emit((0,), (1,), len(view.session.plan.sections[1].children))
    assert moved_title not in [s.title for s in view.session.plan.sections]
    parent = view.session.plan.sections[0]
    assert parent.children[-1].title == moved_title and parent.children[-1].label.startswith("（")
    view.undo()
    assert [s.title for s in view.session.plan.sections] == after


def test_key_projects_are_edited_in_their_table_and_saved(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_new_draft(qtbot, window)
    editor = view.projects
    before = editor.rowCount()
    editor.add_project("城市数据大脑工程")
    assert editor.rowCount() == before + 1
    editor.item(before, 2).setText("汇聚各部门数据，支撑城市治理。")
    project = view.session.plan.projects[before]
    assert (project.name, project.goal) == ("城市数据大脑工程", "汇聚各部门数据，支撑城市治理。")
    editor.item(before, 1).setText("")  # a project cannot lose its name
    assert view.session.plan.projects[before].name == "城市数据大脑工程"
    view.save()
    qtbot.waitUntil(lambda: view.status.text() == "已保存", timeout=5000)
    stored = window.backend.library.get_plan(view.session.plan.id)
    assert any(p.name == "城市数据大脑工程" and p.goal for p in stored.projects)
    editor.selectRow(before)
    editor.remove_selected()
    assert all(p.name != "城市数据大脑工程" for p in view.session.plan.projects)


def test_compare_two_saved_versions(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = open_new_draft(qtbot, window)
    view.snapshot("提纲")
    qtbot.waitUntil(lambda: "已存为快照" in view.status.text(), timeout=5000)
    view._select((0,))
    view.add(child=False, title="数字经济")
    view.snapshot("加了一章")
    qtbot.waitUntil(lambda: "加了一章" in view.status.text(), timeout=5000)
    first, second = [v.id for v in window.backend.library.versions(view.session.plan.id)
                     if v.name in ("提纲", "加了一章")]
    view.compare_versions(first, second)
    qtbot.waitUntil(lambda: window.compare_view.result is not None, timeout=10000)
    assert window.tabs.currentWidget() is window.compare_view
    added = [s for s in window.compare_view.result["sections"] if s["status"] == "added"]
    assert [s["new"]["title"] for s in added] == ["数字经济"]
    assert window.compare_view.summary.text().startswith(f"版本 {first} → 版本 {second}")
