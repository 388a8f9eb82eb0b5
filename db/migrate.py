"""Schema upgrades with Alembic: creating a new library or bringing an older one up to head.

The migration scripts live next to this module (``db/migrations``), found through ``__file__``
so they are found in an installed package too.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, text

from db.engine import make_engine
from db.location import LibraryLocation
from planning.errors import LibraryError

HERE = Path(__file__).resolve().parent
MIGRATIONS = HERE / "migrations"
ALEMBIC_INI = HERE / "alembic.ini"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration; with ``connection``, migrations run on it, in its transaction."""
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


MIGRATION_LOCK = 0x504C4431  # "PLD1": one upgrade of a shared library at a time


def upgrade(path: str | Path | LibraryLocation, revision: str = "head") -> None:
    """Create or upgrade the library at ``path`` (a file or a location) to ``revision``, in one
    transaction.

    SQLite: foreign keys are off while migrating (batch migrations recreate tables) and checked
    before the commit. PostgreSQL: its DDL is transactional too, and concurrent clients take turns.
    """
    location = path if isinstance(path, LibraryLocation) else LibraryLocation.parse(path)
    shown = location.display
    engine = make_engine(location, foreign_keys=False, pooled=False)
    postgresql = location.kind == "postgresql"
    try:
        with engine.begin() as conn:
            if postgresql:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            current = current_revision(conn)
            target = head_revision() if revision == "head" else revision
            if current == target:
                return
            if current is not None and _unknown(current):
                raise LibraryError(
                    f"资料库 {shown} 由更新版本的 PlanDesk 创建（结构版本 {current}），请升级本程序",
                    f"The library {shown} was made by a newer PlanDesk (schema {current}); please upgrade",
                )
            command.upgrade(alembic_config(conn), revision)
            if not postgresql and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise LibraryError(
                    f"资料库 {shown} 升级后数据关联不一致，已撤销升级",
                    f"Upgrading the library {shown} broke foreign keys; the upgrade was rolled back",
                )
    finally:
        engine.dispose()


def _unknown(revision: str) -> bool:
    try:
        return _scripts().get_revision(revision) is None
    except CommandError:
        return True
