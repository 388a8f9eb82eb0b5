"""The main window driven as a user would: import, filter, search, open, delete."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.qt import QDialogButtonBox, QMessageBox


def test_library_lists_the_sample_plan_with_its_columns(window) -> None:  # type: ignore[no-untyped-def]
    model = window.library_view.model
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[0] == "青禾市“十四五”数字政府与信息化发展规划"
    assert row[1:5] == ["青禾市", "十四五", "青政办发〔2021〕7号", "2021-03-05"]
    assert window.count_label.text() == "共 1 份"
    window.library_view.filter.setText("江西")
    assert window.library_view.proxy.rowCount() == 0
    window.library_view.filter.setText("青禾")
    assert window.library_view.proxy.rowCount() == 1


def test_import_dialog_shows_each_outcome_and_the_library_refreshes(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "beiling.txt"
    good.write_text("北岭市“十四五”信息化规划\n一、发展基础\n网络覆盖全市。\n", encoding="utf-8")
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip at all")
    dialog = window.import_paths([str(good), str(bad)])
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    lines = [dialog.outcomes.item(i).text() for i in range(dialog.outcomes.count())]
    assert lines[0].startswith("✓ 已导入") and "北岭市" in lines[0]
    assert lines[1].startswith("✗ 失败") and "broken.docx" in lines[1]
    assert "导入 1" in dialog.status.text() and "失败 1" in dialog.status.text()
    qtbot.waitUntil(lambda: window.library_view.model.rowCount() == 2, timeout=5000)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None


def test_cancel_stops_between_files(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"p{i:02d}.txt").write_text(f"北岭{i}市“十四五”规划\n一、总则\n正文{i}。\n", encoding="utf-8")
    dialog = window.import_paths([str(folder)])
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    assert dialog.result.cancelled
    assert dialog.result.count("imported") < 40
    assert "已取消" in dialog.status.text()


def test_search_shows_highlighted_hits_and_opens_the_section(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.search_box.setText("数据共享")
    window.run_search()
    qtbot.waitUntil(lambda: bool(window.search_view.hits), timeout=5000)
    assert window.tabs.currentWidget() is window.search_view
    html = window.search_view.results.toHtml()
    assert "数据共享" in html and "ffe58f" in html  # the term is highlighted
    hit = window.search_view.hits[0]
    window.search_view.open_requested.emit(hit.plan_id, hit.section_path)
    qtbot.waitUntil(lambda: window.reader_view.plan is not None, timeout=5000)
    assert window.tabs.currentWidget() is window.reader_view


def test_reader_shows_outline_boxes_and_tables(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    plan_id = window.library_view.model.plans[0].id
    window.open_plan(plan_id)
    qtbot.waitUntil(lambda: window.reader_view.plan is not None, timeout=5000)
    root = window.reader_view.outline.topLevelItem(0)
    tops = [root.child(i).text(0) for i in range(root.childCount())]
    assert tops == ["一、发展基础", "二、总体要求", "三、主要任务", "四、保障措施"]
    text = window.reader_view.text.toPlainText()
    assert "千兆宽带用户数（万户）" in text  # the indicator table is shown
    assert "专栏一政务数据共享工程" in text.replace(" ", "")


def test_delete_asks_first(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.library_view.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.delete_selected()
    qtbot.wait(200)
    assert window.library_view.model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_selected()
    qtbot.waitUntil(lambda: window.library_view.model.rowCount() == 0, timeout=5000)


def test_filters_restrict_search(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    combo = window.search_view.region
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部", "青禾市"]
    window.search_box.setText("政务")
    window.run_search()
    qtbot.waitUntil(lambda: bool(window.search_view.hits), timeout=5000)
    window.search_view.period.addItem("十三五")  # a period with no plans
    window.search_view.period.setCurrentText("十三五")
    qtbot.waitUntil(lambda: not window.search_view.hits, timeout=5000)
    assert "未找到" in window.search_view.results.toPlainText()


def test_core_never_imports_qt() -> None:
    code = ("import sys, service.importer, cli.main, db.library, db.search.fts5; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_trend_chart_follows_an_indicator_across_a_regions_plans(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    older = tmp_path / "older.txt"
    older.write_text(
        "青禾市“十三五”信息化发展规划\n一、发展基础\n网络覆盖全市。\n"
        "青禾市“十三五”信息化主要指标\n指标\n2015年\n2020年\n年均增长\n指标类型\n"
        "千兆宽带用户数（万户）\n0.5\n3\n43\n预期性\n",
        encoding="utf-8")
    dialog = window.import_paths([str(older)])
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    newest = max(p.id for p in window.library_view.model.plans if p.period == "十四五")
    window.open_plan(newest)
    qtbot.waitUntil(lambda: len(window.trends_view.plans) == 2, timeout=5000)
    assert window.trends_view.names.currentText() == "千兆宽带用户数"
    points = window.trends_view.chart.points
    assert [(p.period, p.base, p.target) for p in points] == [("十三五", 0.5, 3), ("十四五", 3.2, 12)]
    window.tabs.setCurrentWidget(window.trends_view)
    image = window.trends_view.chart.grab().toImage()
    red = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
              if image.pixelColor(x, y).red() > 180 and image.pixelColor(x, y).green() < 80)
    assert red > 20  # the target line is drawn


def test_first_run_says_what_to_do_and_about_names_the_library(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.library_view.empty_hint.isHidden()  # the sample is in
    window.library_view.set_plans([])
    assert not window.library_view.empty_hint.isHidden()
    assert "导入" in window.library_view.empty_hint.text() and "新建草稿" in window.library_view.empty_hint.text()
    text = window.about_text()
    assert "PlanDesk" in text and str(window.backend.library.path) in text


def test_recently_opened_plans_are_remembered(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    plan_id = window.library_view.model.plans[0].id
    window.open_plan(plan_id)
    qtbot.waitUntil(lambda: window.reader_view.plan is not None, timeout=5000)
    assert window.recent_ids()[0] == plan_id
    window._fill_recent()
    titles = [a.text() for a in window.recent_menu.actions()]
    assert titles == ["青禾市“十四五”数字政府与信息化发展规划"]


def test_reimport_asks_first_and_replaces_the_plan(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.library_view.table.selectRow(0)
    old_id = window.library_view.model.plans[0].id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.reimport_selected()
    qtbot.waitUntil(lambda: window.library_view.model.rowCount() == 1
                    and window.library_view.model.plans[0].id != old_id, timeout=10000)
    assert window.library_view.model.plans[0].title == "青禾市“十四五”数字政府与信息化发展规划"
