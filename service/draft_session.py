"""The draft being edited: the plan in memory, undo/redo of edits, whether it needs saving, and the
version of its last save; and `take_draft`, which takes a draft for editing (or learns who has it).

Qt-free on purpose: the drafting screen drives it, tests drive it directly. Every edit goes
through `edit()`, which keeps the state before it for undo. Every save goes through `write()`,
on the library's worker thread: it saves with the version of the *last* save (not the version the
copy was made with), so two saves queued back to back, or an autosave then a save, never refuse
each other as a conflict.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from db.draft_locks import DraftLock
from db.library import Library
from planning.errors import DraftLockedError, PermissionDeniedError
from planning.model import Plan

UNDO_DEPTH = 100


class DraftSession:
    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self._version = plan.version  # the stored version this session's edits build on
        self._guard = threading.Lock()  # version and plan swaps: the worker saves while the GUI edits
        self._undo: list[Plan] = []
        self._redo: list[Plan] = []
        self.dirty = False

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def version(self) -> int | None:
        """The version of the last save (or of the plan as it was read)."""
        return self._version

    def _swap(self, plan: Plan) -> None:
        with self._guard:
            self._plan = plan
            plan.version = self._version  # a plan from the undo stack carries the newest version too

    def edit(self, change: Callable[[Plan], object]) -> object:
        """Apply `change` to the plan; on failure the plan is left as it was."""
        before = copy.deepcopy(self._plan)
        try:
            result = change(self._plan)
        except Exception:
            self._swap(before)
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
            self._redo.append(self._plan)
            self._swap(self._undo.pop())
            self.dirty = True

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self._plan)
            self._swap(self._redo.pop())
            self.dirty = True

    def saved(self) -> None:
        self.dirty = False

    def snapshot_for_saving(self) -> Plan:
        """A copy the worker thread can write while the user keeps editing."""
        return copy.deepcopy(self._plan)

    def write(self, library: Library, plan: Plan, *, autosave: bool = False) -> int:
        """Save `plan` (a `snapshot_for_saving` copy) as the version after the last save; on the
        worker thread. Raises `DraftConflictError` when someone else saved in between."""
        with self._guard:
            plan.version = self._version
        version = library.save_draft(plan, autosave=autosave)
        with self._guard:
            self._version = version
            self._plan.version = version
        return version


@dataclass
class DraftAccess:
    """A draft as opened: the plan as stored, and either our lock on it, or who has it, or why the
    account may only read. No lock means the screen shows the draft read-only."""

    plan: Plan
    lock: DraftLock | None = None
    holder: str | None = None  # "alice@host"
    since: str | None = None  # ISO 8601, UTC
    denied: PermissionDeniedError | None = None  # the account may only read this library

    @property
    def editable(self) -> bool:
        return self.lock is not None


def take_draft(library: Library, plan_id: int, *, plan: Plan | None = None,
               held: DraftLock | None = None) -> DraftAccess:
    """On the worker thread: take draft `plan_id` for editing (keeping `held` if it is already ours),
    or learn who has it; then the plan as stored now (`plan`, if that is still the stored version)."""
    lock = held if held is not None and held.plan_id == plan_id and not held.released else None
    holder = since = None
    denied = None
    if lock is None:
        try:
            lock = library.lock_draft(plan_id)
        except DraftLockedError as e:
            current = library.draft_holder(plan_id)
            holder, since = (current.who, current.acquired_at) if current is not None else (e.holder, e.since)
        except PermissionDeniedError as e:
            denied = e
    if plan is None or plan.version is None or library.plan_version(plan_id) != plan.version:
        plan = library.get_plan(plan_id)
    return DraftAccess(plan, lock, holder, since, denied)


def local_time(iso: str | None) -> str:
    """An ISO 8601 UTC time as the user's local "2024-05-01 16:00"; the text itself if unparsable."""
    if not iso:
        return "?"
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
