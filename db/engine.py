"""Engines for the two kinds of library: a SQLite file, or a shared PostgreSQL database.

SQLite: per-connection pragmas and write transactions that take the lock up front.

pysqlite's own transaction handling is switched off (``isolation_level = None``) and SQLAlchemy
emits the BEGIN itself, as the SQLAlchemy SQLite documentation describes. Writes begin with
``BEGIN IMMEDIATE``: the write lock is taken at the start, so a second process waits up to
``busy_timeout`` instead of failing with "database is locked" when a read lock cannot be upgraded.
Reads go through ``read_only(engine)`` and begin with a plain deferred ``BEGIN``.

PostgreSQL (psycopg 3): writes run at READ COMMITTED with row locks and unique indexes doing
the work (``SELECT … FOR UPDATE`` on the plan row, the content-hash index for duplicates); reads
run in READ ONLY, REPEATABLE READ transactions, so a plan read in several statements is one
consistent state even while someone saves it. Connections are checked before use
(``pool_pre_ping``), so a client carries on after the server restarted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import NullPool

from db.location import LibraryLocation

BUSY_TIMEOUT_MS = 10_000
_READ_ONLY = "plandesk_read_only"


def make_engine(
    where: str | Path | LibraryLocation, *, foreign_keys: bool = True, pooled: bool = True
) -> Engine:
    """An engine for the library at ``where`` (a file path, a URL, or a parsed location).

    ``foreign_keys=False`` is for schema migrations only: batch migrations recreate tables, and
    with foreign keys on, dropping the old ``plans`` table would cascade-delete every section.
    """
    location = where if isinstance(where, LibraryLocation) else LibraryLocation.parse(where)
    if location.kind == "postgresql":
        return _postgresql_engine(location.url, pooled=pooled)
    url = URL.create("sqlite", database=str(location.path))
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


CONNECT_TIMEOUT_S = 10


def _postgresql_engine(url: URL, *, pooled: bool) -> Engine:
    pool: dict[str, Any] = {"pool_size": 2, "max_overflow": 4} if pooled else {"poolclass": NullPool}
    return create_engine(
        url,
        **pool,
        pool_pre_ping=True,  # a connection the server dropped (restart) is replaced, not handed out
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "PlanDesk",
            # a client that vanished without closing its socket is noticed within a minute or two
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        },
    )


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def read_only(engine: Engine) -> Engine:
    """The same engine (same pool), with transactions for reads only: deferred on SQLite, a
    read-only REPEATABLE READ snapshot on PostgreSQL."""
    if is_postgresql(engine):
        return engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    return engine.execution_options(**{_READ_ONLY: True})
