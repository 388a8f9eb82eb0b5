"""The SQLite engine: per-connection pragmas and write transactions that take the lock up front.

pysqlite's own transaction handling is switched off (``isolation_level = None``) and SQLAlchemy
emits the BEGIN itself, as the SQLAlchemy SQLite documentation describes. Writes begin with
``BEGIN IMMEDIATE``: the write lock is taken at the start, so a second process waits up to
``busy_timeout`` instead of failing with "database is locked" when a read lock cannot be upgraded.
Reads go through ``read_only(engine)`` and begin with a plain deferred ``BEGIN``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_MS = 10_000
_READ_ONLY = "plandesk_read_only"


def make_engine(path: str | Path, *, foreign_keys: bool = True, pooled: bool = True) -> Engine:
    """An engine for the library file at ``path``.

    ``foreign_keys=False`` is for schema migrations only: batch migrations recreate tables, and
    with foreign keys on, dropping the old ``plans`` table would cascade-delete every section.
    """
    url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, poolclass=None if pooled else NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            # busy_timeout first, so the pragmas below wait for a busy database too
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        read_only = conn.get_execution_options().get(_READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def read_only(engine: Engine) -> Engine:
    """The same engine (same pool), with transactions that begin deferred: for reads only."""
    return engine.execution_options(**{_READ_ONLY: True})
