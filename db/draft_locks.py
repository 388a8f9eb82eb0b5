"""One editor per draft: who holds a draft, taking it, letting it go.

A holder is a person at a machine (``holder``, ``host``, ``pid``) and a random ``token`` that
only the ``DraftLock`` handle knows. The ``draft_locks`` row says who holds the draft; what
makes the lock real, and lets it go when its holder dies, differs by store:

* PostgreSQL: a session advisory lock on (``LOCK_SPACE``, plan id), held on a connection of its
  own for as long as the draft is open. The server drops it with that connection, so a crashed
  client, a killed process or a pulled cable releases the draft with no one's help; a row
  without its advisory lock is stale and ignored.
* SQLite: the row alone, taken in a ``BEGIN IMMEDIATE`` transaction. A row whose process is no
  longer running on this machine is stale; a row of another machine is trusted (a library file
  on a shared folder).

Locks keep people from editing the same draft at once; they are not what keeps work safe: every
save also checks the draft's version (``Library.save_draft``), so a save after a lost lock is
refused rather than overwriting.
"""

from __future__ import annotations

import getpass
import os
import socket
import uuid
from dataclasses import dataclass
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine, delete, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.errors import translate
from db.models import DraftLockRow
from db.plan_rows import utc_now

LOCK_SPACE = 0x504C444B  # "PLDK": the first key of PlanDesk's advisory locks


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a draft."""

    plan_id: int
    holder: str
    host: str
    acquired_at: str

    @property
    def who(self) -> str:
        return f"{self.holder}@{self.host}"


def default_holder() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a service, a container)
        return "unknown"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _advisory_held(conn: Connection | Session, plan_id: int) -> bool:
    return bool(
        conn.execute(
            text(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND classid = CAST(:space AS oid) AND objid = CAST(:plan_id AS oid) AND objsubid = 2)"
            ),
            {"space": LOCK_SPACE, "plan_id": plan_id},
        ).scalar_one()
    )


def current_holder(s: Session, plan_id: int) -> Holder | None:
    """Who holds the draft now, or None (stale rows do not count)."""
    row = s.get(DraftLockRow, plan_id)
    if row is None:
        return None
    if s.get_bind().dialect.name == "postgresql":
        if not _advisory_held(s, plan_id):
            return None
    elif row.host == socket.gethostname() and not _pid_alive(row.pid):
        return None
    return Holder(row.plan_id, row.holder, row.host, row.acquired_at)


class DraftLock:
    """A held draft. ``release()`` (or leaving the ``with`` block) lets it go."""

    def __init__(self, engine: Engine, plan_id: int, holder: str, token: str, conn: Connection | None) -> None:
        self._engine = engine
        self.plan_id = plan_id
        self.holder = holder
        self.token = token
        self._conn = conn  # PostgreSQL: the connection holding the advisory lock
        self.released = False

    def release(self) -> None:
        """Let the draft go. On a shared library closing the lock's connection is what releases it,
        so that always happens (a row left behind is stale and ignored). On SQLite the row must go:
        if the library is busy, ``BusyError`` is raised and the lock is still held, to try again."""
        if self.released:
            return
        mine = delete(DraftLockRow).where(DraftLockRow.plan_id == self.plan_id, DraftLockRow.token == self.token)
        if self._conn is not None:
            try:
                with self._conn.begin():
                    self._conn.execute(mine)
            except SQLAlchemyError:
                pass  # the server restarted or the link is down: the advisory lock is gone with it
            finally:
                self._conn.close()
                self.released = True
            return
        try:
            with Session(self._engine) as s, s.begin():
                s.execute(mine)
        except SQLAlchemyError as e:
            raise translate(e) from e
        self.released = True

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, _type: type[BaseException] | None, _value: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.release()


def acquire(engine: Engine, lock_engine: Engine | None, plan_id: int, holder: str) -> DraftLock | Holder:
    """Take the draft for ``holder``; returns the lock, or who holds it already.

    ``lock_engine`` (PostgreSQL): an unpooled engine, whose connection stays open while the lock is
    held. The caller has checked that ``plan_id`` is a draft.
    """
    token = uuid.uuid4().hex
    host, pid, now = socket.gethostname(), os.getpid(), utc_now()
    values = {"plan_id": plan_id, "holder": holder, "host": host, "pid": pid, "token": token, "acquired_at": now}
    if lock_engine is not None:
        conn = lock_engine.connect()
        try:
            got = conn.execute(
                text("SELECT pg_try_advisory_lock(:space, :plan_id)"), {"space": LOCK_SPACE, "plan_id": plan_id}
            ).scalar_one()
            conn.commit()
            if not got:
                row = conn.execute(select(DraftLockRow).where(DraftLockRow.plan_id == plan_id)).first()
                conn.close()
                if row is None:  # held, but its row not yet written: someone is taking it right now
                    return Holder(plan_id, "?", "?", now)
                return Holder(plan_id, row.holder, row.host, row.acquired_at)
            with conn.begin():
                conn.execute(
                    text(
                        "INSERT INTO draft_locks (plan_id, holder, host, pid, token, acquired_at)"
                        " VALUES (:plan_id, :holder, :host, :pid, :token, :acquired_at)"
                        " ON CONFLICT (plan_id) DO UPDATE SET holder = excluded.holder, host = excluded.host,"
                        " pid = excluded.pid, token = excluded.token, acquired_at = excluded.acquired_at"
                    ),
                    values,
                )
        except BaseException:
            conn.close()
            raise
        return DraftLock(engine, plan_id, holder, token, conn)
    with Session(engine) as s, s.begin():
        held = current_holder(s, plan_id)
        if held is not None:
            return held
        s.execute(delete(DraftLockRow).where(DraftLockRow.plan_id == plan_id))  # a stale row
        s.add(DraftLockRow(**values))
    return DraftLock(engine, plan_id, holder, token, None)
