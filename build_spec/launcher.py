"""The frozen entry point: `plandesk` exactly as from a checkout, plus two switches for the package tests.

* `plandesk [--library PATH] COMMAND …` runs the command line; no command opens the window
  (`cli.main.main`).
* `plandesk --smoke OUT [--library DIR]` (hidden) drives the real window through `desktop.smoke`
  and saves screenshots in OUT: the bundle's own GUI smoke test.
* `PLANDESK_EXIT_AFTER_SHOW=1 plandesk` opens the window as usual, prints the seconds from the
  process start to the main window's first show and first paint, then quits: the cold-start figure.

Qt is imported only when the window opens, so command-line calls start without it.
"""

from __future__ import annotations

import os
import sys
import time

T0 = time.time()


def _process_start() -> float:
    """When this process started (the bootloader, before Python), as a time.time() value.

    Linux: /proc/self/stat's start time in clock ticks after boot. Elsewhere: this module's import.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = int(fields[19])  # field 22 of proc(5); fields[0] is field 3
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return T0


def _restore_library_path() -> None:
    """Give child processes (LibreOffice for PDF export) the caller's LD_LIBRARY_PATH, not the bundle's.

    PyInstaller's bootloader saves the original value in LD_LIBRARY_PATH_ORIG; this process's
    loader has already read the variable, so changing it affects children only.
    """
    if not getattr(sys, "frozen", False):
        return
    for name in ("LD_LIBRARY_PATH",):
        original = os.environ.pop(f"{name}_ORIG", None)
        if original is not None:
            os.environ[name] = original
        else:
            os.environ.pop(name, None)


def _report_first_show() -> None:
    """Print the time to the main window's first show and paint, then quit the event loop."""
    from desktop.app import setup_application
    from desktop.qt import QMainWindow, QObject, QTimer

    started = _process_start()
    app = setup_application(sys.argv[:1])
    seen: dict[str, float] = {}

    class FirstShow(QObject):
        def eventFilter(self, obj: QObject, event: object) -> bool:  # noqa: N802 (Qt's name)
            if isinstance(obj, QMainWindow):
                kind = event.type()  # type: ignore[attr-defined]
                if kind == event.Type.Show and "show" not in seen:  # type: ignore[attr-defined]
                    seen["show"] = time.time() - started
                elif kind == event.Type.Paint and "show" in seen and "paint" not in seen:  # type: ignore[attr-defined]
                    seen["paint"] = time.time() - started
                    print(f"PLANDESK_FIRST_SHOW seconds_to_show={seen['show']:.3f} "
                          f"seconds_to_paint={seen['paint']:.3f}", flush=True)
                    QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstShow(app)
    app.installEventFilter(watcher)
    QTimer.singleShot(60_000, app.quit)  # never hang a test run


def _opens_window(args: list[str]) -> bool:
    """True when `args` hold no sub-command (only `--library PATH`): the CLI will open the window."""
    rest = list(args)
    while rest and rest[0].startswith("--library"):
        del rest[: 1 if "=" in rest[0] else 2]
    return not rest


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _restore_library_path()
    if args[:1] == ["--smoke"]:
        from desktop.smoke import main as smoke

        return smoke(args[1:])
    if os.environ.get("PLANDESK_EXIT_AFTER_SHOW") and _opens_window(args):
        _report_first_show()
    from cli.main import main as cli

    return cli(args)


if __name__ == "__main__":
    sys.exit(main())
