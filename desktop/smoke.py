"""Drive the real window through a short session and save screenshots (for the Xvfb smoke test).

    python -m desktop.smoke OUT_DIR [--library DIR] [--plans FILE FILE]

Opens the main window on a new library, imports two plans through the import dialog (the files
given, else the bundled sample), searches, opens the reader, starts a draft, compares the two
plans, and saves a PNG of the screen at each step. Exits 0 when every step showed what it should,
1 otherwise (the failing step is printed).
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
from planning.paths import resource_path

OLDER_SAMPLE = ("青禾市“十三五”信息化发展规划\n一、发展基础\n网络覆盖全市。\n二、主要任务\n（一）建设政务云\n"
                "整合部门机房。\n三、保障措施\n（一）加强组织领导\n成立领导小组。\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--library")
    ap.add_argument("--plans", nargs=2, metavar="FILE", help="two plans to import and compare (older first)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path(args.library or tempfile.mkdtemp())
    if args.plans:
        plans = list(args.plans)
    else:
        older = folder / "older.txt"
        older.write_text(OLDER_SAMPLE, encoding="utf-8")
        plans = [str(older), str(next(resource_path("sample").glob("*.txt")))]
    app = setup_application(sys.argv[:1])
    window = MainWindow(Backend(Library.open(folder / "smoke.sqlite3")))
    window.resize(1280, 840)
    window.show()
    failures: list[str] = []
    state: dict[str, object] = {}

    def shot(name: str) -> None:
        app.primaryScreen().grabWindow(0).save(str(args.out / f"{name}.png"))

    def imported() -> bool:
        return getattr(state.get("dialog"), "result", None) is not None

    def ids() -> list[int]:
        return [p.id for p in window.library_view.model.plans]

    def after_import() -> None:
        shot("1-import")
        state["dialog"].accept()  # type: ignore[attr-defined]

    def library_shown() -> None:
        shot("2-library")
        window.search_box.setText("保障措施")
        window.run_search()

    def search_shown() -> None:
        shot("3-search")
        window.open_plan(ids()[-1])

    def reader_shown() -> None:
        shot("4-reader")
        newest = window.backend.library.get_plan(ids()[-1])
        window.new_draft({"region": newest.region.name if newest.region else "青禾市", "period": "十五五",
                          "skeleton": None, "issuer": None, "from_plan": ids()[-1]})

    def drafting_shown() -> None:
        shot("5-drafting")
        window.compare_view.choose(ids()[0], ids()[1])
        window.tabs.setCurrentWidget(window.compare_view)
        window.compare_view.run()

    def compare_shown() -> None:
        shot("6-compare")
        window.close()
        app.quit()

    # Each step waits (polling, so a slow machine only makes it slower) until the window shows what
    # the step needs, then acts; a step that never becomes ready fails the smoke test.
    steps: list[tuple[str, Callable[[], bool], Callable[[], None]]] = [
        ("window shown", window.isVisible, lambda: state.update(dialog=window.import_paths(plans))),
        ("import finished", imported, after_import),
        ("library lists both plans", lambda: len(ids()) == 2, library_shown),
        ("search found hits", lambda: bool(window.search_view.hits), search_shown),
        ("reader shows the plan", lambda: window.reader_view.plan is not None, reader_shown),
        ("draft opened", lambda: window.drafting_view.session is not None, drafting_shown),
        ("comparison shown", lambda: window.compare_view.result is not None, compare_shown),
    ]
    deadline = time.monotonic() + 90

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
    if steps and not failures:
        failures.append(steps[0][0])
    for f in failures:
        print(f"smoke step failed: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
