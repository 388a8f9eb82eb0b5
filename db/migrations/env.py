"""Alembic environment for the PlanDesk library.

Two ways in:
* programmatically (``db.migrate.upgrade``): the caller passes an open connection in
  ``config.attributes["connection"]``, already inside its transaction;
* the ``alembic`` command line: ``alembic -c db/alembic.ini -x db=PATH upgrade head``
  (or ``sqlalchemy.url`` in the ini file); ``-x db=postgresql://…`` for a shared library.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection, make_url

from db.engine import make_engine
from db.models import Base

config = context.config
target_metadata = Base.metadata


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Autogenerate: the FTS5 search index and its shadow tables have no model."""
    return not (type_ == "table" and name is not None and name.startswith("section_fts"))


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: recreate the table instead
        transactional_ddl=True,  # SQLite's DDL is transactional: a failed upgrade leaves nothing behind
        include_name=include_name,
        **kwargs,
    )


def _run(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


def _database_path() -> str:
    path = context.get_x_argument(as_dictionary=True).get("db")
    if path:
        return path
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("Give the library file: alembic -c db/alembic.ini -x db=PATH …")
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        return url
    if not parsed.database:
        raise SystemExit(f"Not a SQLite file URL: {url}")
    return parsed.database


def main() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    if config.config_file_name is not None:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    if context.is_offline_mode():
        _configure(url="sqlite://", literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_database_path(), foreign_keys=False, pooled=False)
    try:
        with engine.begin() as conn:
            _run(conn)
            if conn.dialect.name != "sqlite":
                return
            violations = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if violations:
                raise SystemExit(f"Foreign key violations after migrating, rolled back: {violations[:5]}")
    finally:
        engine.dispose()


main()
