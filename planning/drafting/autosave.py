"""Autosave: the editor hands every change to ``touch``; ``maybe_save`` writes at most every
``interval`` seconds, each write one ``save_draft`` transaction (a crash loses at most the changes
since the last write, never the draft)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from planning.model import Plan

if TYPE_CHECKING:
    from db.library import Library

DEFAULT_INTERVAL = 30.0


class Autosaver:
    """Remembers the latest state of one draft and writes it when the interval has passed.

    The clock starts when the Autosaver is made (the draft was just loaded or saved), so the first
    write comes ``interval`` seconds after it at the earliest. Each write also keeps the state as an
    "autosave" version. A failed write raises and keeps the state pending for the next call.

    Each write carries the version of the last save (``version``): the state touched may be another
    object than the one written before (a copy, an undone state), and its own ``version`` would then
    make the library refuse the write as a conflict with ourselves. A save made elsewhere (the
    editor's 保存) is told with ``saved(version)``. A real conflict (someone else saved the draft)
    raises ``DraftConflictError`` and keeps the state pending.
    """

    def __init__(
        self,
        library: Library,
        plan_id: int,
        *,
        interval: float = DEFAULT_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.library = library
        self.plan_id = plan_id
        self.interval = interval
        self._clock = clock
        self._pending: Plan | None = None
        self._last_write = clock()
        self.version: int | None = None  # of the last save; None: the touched plan's own

    def saved(self, version: int) -> None:
        """The draft was saved elsewhere as ``version`` (later writes build on it)."""
        self.version = version

    @property
    def pending(self) -> bool:
        """True when there are changes not written yet."""
        return self._pending is not None

    def touch(self, plan: Plan) -> None:
        """Remember ``plan`` as the draft's latest state (the object itself: it is read when written)."""
        if plan.id != self.plan_id:
            raise ValueError(f"this autosaver is for draft {self.plan_id}, not {plan.id}")
        self._pending = plan

    def maybe_save(self) -> bool:
        """Write the latest state if there is one and ``interval`` seconds have passed since the last
        write; True when it wrote."""
        if self._pending is None or self._clock() - self._last_write < self.interval:
            return False
        return self.flush()

    def flush(self) -> bool:
        """Write the latest state now, whatever the interval (on close); True when it wrote."""
        if self._pending is None:
            return False
        if self.version is not None:
            self._pending.version = self.version
        self.version = self.library.save_draft(self._pending, autosave=True)
        self._pending = None
        self._last_write = self._clock()
        return True
