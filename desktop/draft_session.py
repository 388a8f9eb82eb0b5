"""The draft being edited: the plan in memory, undo/redo of edits, and whether it needs saving.

Qt-free on purpose: the drafting screen drives it, tests drive it directly. Every edit goes
through `edit()`, which keeps the state before it for undo.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from planning.model import Plan

UNDO_DEPTH = 100


class DraftSession:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._undo: list[Plan] = []
        self._redo: list[Plan] = []
        self.dirty = False

    def edit(self, change: Callable[[Plan], object]) -> object:
        """Apply `change` to the plan; on failure the plan is left as it was."""
        before = copy.deepcopy(self.plan)
        try:
            result = change(self.plan)
        except Exception:
            self.plan = before
            raise
        self._undo.append(before)
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()
        self.dirty = True
        return result

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> None:
        if self._undo:
            self._redo.append(self.plan)
            self.plan = self._undo.pop()
            self.dirty = True

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self.plan)
            self.plan = self._redo.pop()
            self.dirty = True

    def saved(self) -> None:
        self.dirty = False

    def snapshot_for_saving(self) -> Plan:
        """A copy the worker thread can write while the user keeps editing."""
        return copy.deepcopy(self.plan)
