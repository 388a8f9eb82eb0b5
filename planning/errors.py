"""The project's own error types: every failure a user can cause ends in one of these."""

from __future__ import annotations

from datetime import datetime


def _local_time(iso: str | None) -> str | None:
    """"2026-11-23T02:13:38+00:00" → "2026-11-23 10:13" in the machine's time zone, for messages."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class PlanDeskError(Exception):
    """Base class. Carries a Chinese and an English message, shown together on one line."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en

    def line(self) -> str:
        return f"{self.zh} / {self.en}"


class PlanImportError(PlanDeskError):
    """A file could not be read or parsed into a plan; the library is unchanged."""

    def __init__(self, path: str, zh: str, en: str) -> None:
        super().__init__(f"{path}: {zh}", f"{path}: {en}")
        self.path = path


class LibraryError(PlanDeskError):
    """The library (database) could not do what was asked."""


class NotFoundError(LibraryError):
    """No plan with that id."""


class DuplicatePlanError(LibraryError):
    """A plan with the same content hash is already in the library."""

    def __init__(self, existing_id: int) -> None:
        super().__init__(
            f"库中已有相同内容的规划（编号 {existing_id}）",
            f"the library already has this plan (id {existing_id})",
        )
        self.existing_id = existing_id


class ConnectionLostError(LibraryError):
    """The shared library's server could not be reached, or the connection dropped mid-operation.
    The change in hand was not committed (or, if the drop came at the very commit, is found by
    a retry: imports as duplicates, saves by their version). Safe to try again."""


class BusyError(ConnectionLostError):
    """The library was busy with someone else's write for too long (SQLite's lock, a deadlock on
    the server); nothing was changed. Retried like a lost connection."""


class PasswordRequiredError(LibraryError):
    """The shared library's server asks for a password that was not given."""


class PermissionDeniedError(LibraryError):
    """The database refused the change: the user's role may only read."""


class DraftLockedError(LibraryError):
    """Someone else is editing the draft."""

    def __init__(self, plan_id: int, holder: str, since: str) -> None:
        shown = _local_time(since)
        super().__init__(
            f"草稿 {plan_id} 正由 {holder} 编辑（自 {shown} 起），您可以只读查看",
            f"Draft {plan_id} is being edited by {holder} (since {shown}); you can read it",
        )
        self.plan_id = plan_id
        self.holder = holder
        self.since = since


class DraftConflictError(LibraryError):
    """The draft was changed by someone else since it was opened: saving would overwrite that."""

    def __init__(self, plan_id: int, by: str | None, at: str | None) -> None:
        who = by or "他人"
        when = _local_time(at)
        super().__init__(
            f"草稿 {plan_id} 在您打开后已被 {who} 修改（{when or '时间不详'}），未保存，以免覆盖对方的修改；"
            "请重新打开草稿后再改",
            f"Draft {plan_id} was changed by {by or 'someone else'} at {when or 'an unknown time'} after you "
            "opened it; not saved, so as not to overwrite their work. Reopen the draft and edit again",
        )
        self.plan_id = plan_id
        self.by = by
        self.at = at
