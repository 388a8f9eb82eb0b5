"""Drive the real window through a short session and save screenshots (for the Xvfb smoke test).

    python -m desktop.smoke OUT_DIR [--library PATH]

Opens the main window on a library, imports the sample plan through the import dialog, searches,
opens the reader, and saves one PNG of the screen after each step. Exits 0 when every step
showed what it should, 1 otherwise (the failing step is printed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from db.library import Library
from desktop.app import setup_application
from desktop.main_window import MainWindow
from desktop.ops import Backend
from desktop.qt import QTimer
from planning.resources import resource_path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--library")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = setup_application(sys.argv[:1])
    library_path = Path(args.library or tempfile.mkdtemp()) / "smoke.sqlite3"
    window = MainWindow(Backend(Library.open(library_path)))
    window.resize(1200, 800)
    window.show()
    failures: list[str] = []
    state: dict[str, object] = {}

    def shot(name: str) -> None:
        app.primaryScreen().grabWindow(0).save(str(args.out / f"{name}.png"))

    def import_sample() -> None:
        state["dialog"] = window.import_paths([str(resource_path("sample"))])

    def after_import() -> None:
        shot("1-import")
        state["dialog"].accept()  # type: ignore[attr-defined]

    def library_shown() -> None:
        shot("2-library")
        window.search_box.setText("数据共享")
        window.run_search()

    def search_shown() -> None:
        shot("3-search")
        hit = window.search_view.hits[0]
        window.open_plan(hit.plan_id, hit.section_path)

    def reader_shown() -> None:
        shot("4-reader")
        window.close()
        app.quit()

    # Each step waits (polling, so a slow machine only makes it slower) until the window shows
    # what the step needs, then acts; a step that never becomes ready fails the smoke test.
    steps: list[tuple[str, Callable[[], bool], Callable[[], None]]] = [
        ("window shown", window.isVisible, import_sample),
        ("import finished", lambda: getattr(state.get("dialog"), "result", None) is not None, after_import),
        ("library lists the plan", lambda: window.library_view.model.rowCount() == 1, library_shown),
        ("search found hits", lambda: bool(window.search_view.hits), search_shown),
        ("reader shows the plan", lambda: window.reader_view.plan is not None, reader_shown),
    ]
    deadline = time.monotonic() + 60

    def tick() -> None:
        if not steps:
            return
        name, ready, act = steps[0]
        if ready():
            steps.pop(0)
            act()
        elif time.monotonic() > deadline:
            failures.append(f"{name} (timed out)")
            app.quit()
            return
        if steps:
            QTimer.singleShot(100, tick)

    QTimer.singleShot(200, tick)
    app.exec()
    for f in failures:
        print(f"smoke step failed: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
