"""Export and compare screens over the real core."""

from __future__ import annotations

from pathlib import Path

from desktop.compare_view import side_html
from desktop.export_dialog import ExportDialog
from planning.ingest import parse_file

OLDER = (
    "青禾市“十三五”信息化发展规划\n一、发展基础\n网络覆盖全市。\n二、主要任务\n（一）建设政务云\n整合机房。\n"
    "三、保障措施\n（一）加强组织领导\n成立领导小组。\n"
)


def test_export_dialog_writes_a_docx_that_reads_back(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = window.backend.library.get_plan(window.library_view.model.plans[0].id)
    dialog = ExportDialog(window.backend, plan, window, open_folder=False)
    qtbot.addWidget(dialog)
    out = tmp_path / "导出.docx"
    dialog.out.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    assert out.exists()
    again, _ = parse_file(out)
    assert again.title == plan.title
    assert [s.title for s in again.sections] == [s.title for s in plan.sections]


def test_export_dialog_reports_a_bad_folder(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = window.backend.library.get_plan(window.library_view.model.plans[0].id)
    dialog = ExportDialog(window.backend, plan, window, open_folder=False)
    qtbot.addWidget(dialog)
    dialog.out.setText(str(tmp_path / "no" / "such" / "folder" / "x.docx"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15000)
    assert dialog.result is None and "/" in dialog.status.text()  # one line, Chinese / English


def test_compare_with_previous_period(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    older = tmp_path / "older.txt"
    older.write_text(OLDER, encoding="utf-8")
    dialog = window.import_paths([str(older)])
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.library_view.model.rowCount() == 2, timeout=5000)
    newest = next(p.id for p in window.library_view.model.plans if p.period == "十四五")
    window.open_plan(newest)
    qtbot.waitUntil(lambda: window.reader_view.plan is not None, timeout=5000)
    window.compare_with_previous()
    view = window.compare_view
    qtbot.waitUntil(lambda: view.result is not None, timeout=15000)
    assert window.tabs.currentWidget() is view
    statuses = {s["status"] for s in view.result["sections"]}
    assert "added" in statuses  # the 十四五 plan has sections the 十三五 one lacks
    assert "章节" in view.summary.text() and "指标 新增" in view.summary.text()
    assert view.pairs.rowCount() == len(view.result["sections"])
    first_changed = view.pairs.currentRow()
    assert view.result["sections"][first_changed]["status"] != "same"
    view.step(1)
    assert view.pairs.currentRow() > first_changed
    report = view.save_html(str(tmp_path / "r.html"))
    assert report is not None and "<html" in report.read_text(encoding="utf-8").lower()
    view.save_redline(str(tmp_path / "redline.docx"))
    qtbot.waitUntil(lambda: "已导出修订版" in view.summary.text(), timeout=15000)
    xml = __import__("zipfile").ZipFile(tmp_path / "redline.docx").read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml and 'w:author="PlanDesk"' in xml


def test_side_by_side_highlights_only_each_sides_own_changes() -> None:
    ops = [["=", "建设"], ["-", "统一的"], ["+", "全市一体化"], ["=", "平台"]]
    old, new = side_html(ops, "old"), side_html(ops, "new")
    assert "统一的" in old and "全市一体化" not in old
    assert "全市一体化" in new and "统一的" not in new
    assert "#ffd6d6" in old and "#d4f7d4" in new


def test_settings_choose_the_library_and_export_defaults(qtbot, window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.settings_dialog import SettingsDialog, library_from_settings

    monkeypatch.delenv("PLANDESK_LIBRARY", raising=False)
    dialog = SettingsDialog(str(window.backend.library.path), window)
    qtbot.addWidget(dialog)
    dialog.library.setText(str(tmp_path / "office.sqlite3"))
    dialog.profile.setCurrentText("booklet")
    dialog.save()
    assert library_from_settings(None) == str(tmp_path / "office.sqlite3")
    assert library_from_settings("/explicit.sqlite3") == "/explicit.sqlite3"  # --library still wins
    monkeypatch.setenv("PLANDESK_LIBRARY", str(tmp_path / "env.sqlite3"))
    assert library_from_settings(None) == str(tmp_path / "env.sqlite3")
    plan = window.backend.library.get_plan(window.library_view.model.plans[0].id)
    export = ExportDialog(window.backend, plan, window, open_folder=False)
    qtbot.addWidget(export)
    assert export.profile.currentData() == "booklet"  # the default chosen in 设置


def test_a_predecessor_set_by_hand_is_used_for_compare_with_previous(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.txt"
    other.write_text(OLDER.replace("青禾市", "北岭市"), encoding="utf-8")  # another city: no automatic link
    dialog = window.import_paths([str(other)])
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.library_view.model.rowCount() == 2, timeout=5000)
    newest = next(p.id for p in window.library_view.model.plans if p.period == "十四五")
    other_id = next(p.id for p in window.library_view.model.plans if p.id != newest)
    window.set_predecessor(newest, other_id)
    qtbot.waitUntil(lambda: any(p.predecessor == other_id for p in window.last_plans), timeout=5000)
    window.open_plan(newest)
    qtbot.waitUntil(lambda: window.reader_view.plan is not None, timeout=5000)
    window.compare_with_previous()
    qtbot.waitUntil(lambda: window.compare_view.result is not None, timeout=15000)
    assert window.compare_view.old_plan.currentData() == other_id
