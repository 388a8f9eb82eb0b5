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
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(args.out / f"{name}.png"))

    def check(name: str, ok: bool) -> None:
        if not ok:
            failures.append(name)

    def import_sample() -> None:
        state["dialog"] = window.import_paths([str(resource_path("sample"))])

    def after_import() -> None:
        shot("1-import")
        dialog = state["dialog"]
        check("import finished", getattr(dialog, "result", None) is not None)
        dialog.accept()  # type: ignore[attr-defined]

    def library_shown() -> None:
        check("library lists the plan", window.library_view.model.rowCount() == 1)
        shot("2-library")
        window.search_box.setText("数据共享")
        window.run_search()

    def search_shown() -> None:
        check("search found hits", bool(window.search_view.hits))
        shot("3-search")
        if window.search_view.hits:
            hit = window.search_view.hits[0]
            window.open_plan(hit.plan_id, hit.section_path)

    def reader_shown() -> None:
        check("reader shows the plan", window.reader_view.plan is not None)
        shot("4-reader")
        window.close()
        app.quit()

    steps: list[tuple[int, Callable[[], None]]] = [
        (300, import_sample), (2500, after_import), (3500, library_shown), (5000, search_shown),
        (6500, reader_shown),
    ]
    for delay, step in steps:
        QTimer.singleShot(delay, step)
    QTimer.singleShot(20000, lambda: (failures.append("timed out"), app.quit()))
    app.exec()
    for f in failures:
        print(f"smoke step failed: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
