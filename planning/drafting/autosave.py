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
        self.library.save_draft(self._pending, autosave=True)
        self._pending = None
        self._last_write = self._clock()
        return True
