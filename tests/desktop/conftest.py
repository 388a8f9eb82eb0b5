"""GUI tests run offscreen; each gets a fresh library with the sample plan in it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from db.library import Library  # noqa: E402
from planning.paths import resource_path  # noqa: E402
from service.importer import import_paths  # noqa: E402


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    """QSettings (window geometry, 设置) go to the test's folder, never the user's ~/.config."""
    from desktop.qt import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "gui.sqlite3")
    import_paths(lib, [resource_path("sample")])
    yield lib


@pytest.fixture
def window(qtbot, library: Library):  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow
    from desktop.ops import Backend

    win = MainWindow(Backend(library))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.library_view.model.rowCount() == 1, timeout=5000)
    yield win
    win.backend.shutdown()  # idempotent: closeEvent may have done it already
