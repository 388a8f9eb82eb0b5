"""The UI in English: the .ts covers every message, and the window built under the English .qm speaks English."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from db.library import Library
from planning.paths import resource_path

TS = resource_path("translations", "plandesk_en.ts")
QM = resource_path("translations", "plandesk_en.qm")


def test_every_message_has_an_english_translation() -> None:
    messages = list(ET.parse(TS).getroot().iter("message"))
    assert len(messages) > 150
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), message.findtext("source")
        assert (translation.text or "").strip(), message.findtext("source")


def test_the_qm_is_built_from_the_ts() -> None:
    assert QM.exists() and QM.stat().st_size > 1000
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 5  # lrelease run after the last lupdate/edit


def test_language_setting_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.settings_dialog import LANGUAGE_KEY, settings, ui_language

    monkeypatch.delenv("PLANDESK_LANG", raising=False)
    assert ui_language() == "zh"
    settings().setValue(LANGUAGE_KEY, "en")
    assert ui_language() == "en"
    monkeypatch.setenv("PLANDESK_LANG", "zh")
    assert ui_language() == "zh"


def test_main_window_in_english(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import install_translator
    from desktop.main_window import MainWindow
    from desktop.ops import Backend
    from desktop.qt import QAction, QApplication, Qt, QTranslator

    monkeypatch.setenv("PLANDESK_LANG", "en")
    app = QApplication.instance()
    assert app is not None
    # What setup_application does under PLANDESK_LANG=en: the English .qm, not Qt's zh_CN strings.
    chosen = install_translator(app)
    assert chosen is not None and Path(chosen.filePath()).name == "plandesk_en.qm"
    app.removeTranslator(chosen)
    # The app is shared by every pytest-qt test: install the English translator explicitly, remove it after.
    translator = QTranslator()
    assert translator.load(str(QM))
    app.installTranslator(translator)
    try:
        win = MainWindow(Backend(Library.open(tmp_path / "en.sqlite3")))
        qtbot.addWidget(win)
        win.show()
        tabs = [win.tabs.tabText(i) for i in range(win.tabs.count())]
        assert tabs == ["Library", "Search", "Reader", "Drafting", "Compare", "Indicator trends"]
        actions = [a.text() for a in win.findChildren(QAction)]
        assert "Import files…" in actions and "New draft…" in actions and "Settings…" in actions
        assert win.windowTitle() == "PlanDesk — planning assistant"
        assert win.library_view.empty_hint.text().startswith("The library is empty.")
        headers = [win.library_view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
        assert headers == ["Title", "Region", "Period", "Document no.", "Date", "Status"]
        assert win.drafting_view.buttons["撤销"].text() == "Undo"  # keyed by the Chinese name, shown in English
        assert win.drafting_view.buttons["关闭草稿"].text() == "Close draft"
        win.drafting_view.banner.show_holder("alice@host", None)
        assert win.drafting_view.banner.label.text() == "Being edited by alice@host (since ?) — read-only, refreshed automatically"
        qtbot.waitUntil(lambda: win.count_label.text() == "0 in total", timeout=5000)  # set off the GUI thread
        win.backend.shutdown()
    finally:
        app.removeTranslator(translator)
    assert QApplication.translate("MainWindow", "规划库") == "规划库"  # back to Chinese for the other tests
