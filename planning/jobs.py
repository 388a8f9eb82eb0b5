"""The one progress-and-cancel contract of long work, as calibre's jobs have it: plain Python, no Qt.

A long function takes ``progress`` (called with the fraction done, 0.0–1.0, and a short message)
and ``cancel`` (a ``threading.Event`` it checks between steps; when set, the function stops at the
next safe point and says so in its result, or raises ``Cancelled``). The command line draws a
terminal progress bar from the same callback that feeds the window's progress dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from planning.errors import PlanDeskError

Progress = Callable[[float, str], None]
Cancel = threading.Event


class Cancelled(PlanDeskError):
    """The user cancelled the work; nothing it would have written was written."""

    def __init__(self) -> None:
        super().__init__("已取消", "cancelled")


def report(progress: Progress | None, fraction: float, message: str = "") -> None:
    if progress is not None:
        progress(fraction, message)


def check(cancel: Cancel | None) -> None:
    """Raise ``Cancelled`` when ``cancel`` is set."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()
