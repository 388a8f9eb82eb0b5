"""Who may do what in a shared (PostgreSQL) library: two group roles, and the people in them.

* ``plandesk_reader``: may read everything (every table of the library's schema, the schema
  version and the search index included): list, show, search, compare, export, copy out.
* ``plandesk_editor``: a reader that may also add, change and delete rows (import, drafts,
  versions, draft locks) and draw ids from the sequences. Not the schema version, and no DDL: an
  editor cannot create, alter or drop tables, so cannot migrate the library either.

``init`` is run by the library's owner (the role that created its tables, e.g. through
``plandesk server init``). It is idempotent: run it again after a schema upgrade and the new
tables get the same grants; ``ALTER DEFAULT PRIVILEGES`` gives them to tables the owner creates
later as well. The database enforces all of it: a reader's write fails in the server, with
nothing changed, and reaches the user as ``PermissionDeniedError``.

Roles are the server's, not one database's: every library on a server shares the two groups,
so a reader of one library initialised there is a reader of the others too.

Role names from the user are checked (``check_name``) and always quoted as identifiers
(``psycopg.sql.Identifier``); passwords are sent hashed (SCRAM, by libpq), never as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import psycopg
from psycopg import sql
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from db.engine import is_postgresql
from db.errors import translate
from planning.errors import LibraryError, PermissionDeniedError

READER = "plandesk_reader"
EDITOR = "plandesk_editor"
GROUPS: dict[str, str] = {"reader": READER, "editor": EDITOR}
Role = Literal["reader", "editor"]
READER_ROLE: Role = "reader"
EDITOR_ROLE: Role = "editor"
VERSION_TABLE = "alembic_version"  # the schema version: editors may read it, never change it

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-@]*")
MAX_NAME_BYTES = 63  # NAMEDATALEN - 1


@dataclass(frozen=True, slots=True)
class InitResult:
    schema: str
    created: list[str] = field(default_factory=list)  # group roles created now (empty: already there)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class LibraryUser:
    name: str
    role: Role

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


def check_name(name: str) -> str:
    """A user name as PostgreSQL will keep it, or ``LibraryError`` saying what is wrong with it."""
    if (
        not _NAME.fullmatch(name)
        or len(name.encode("utf-8")) > MAX_NAME_BYTES
        or name.lower().startswith("pg_")
        or name.lower() in (READER, EDITOR, "public", "none", "current_user", "session_user")
    ):
        raise LibraryError(
            f"用户名 {name!r} 不可用：以字母或 _ 开头，只含字母、数字和 _ . - @，不超过 63 字节，且不以 pg_ 开头",
            f"The user name {name!r} cannot be used: start with a letter or _, use letters, digits and _ . - @, "
            "at most 63 bytes, not starting with pg_",
        )
    return name


def init(engine: Engine) -> InitResult:
    """Create the two groups if needed and (re)grant their rights on the library's schema."""
    _require_postgresql(engine)
    with _transaction(engine) as (conn, cur):
        schema, me = cur.execute("SELECT current_schema(), current_user").fetchone() or ("", "")
        owner = _one(cur, "SELECT tableowner FROM pg_tables WHERE schemaname = %s AND tablename = 'plans'", schema)
        if owner is None or not _one(cur, "SELECT pg_has_role(current_user, %s, 'USAGE')", owner):
            raise LibraryError(
                f"请以资料库表的所有者（{owner or '?'}）身份运行 server init",
                f"Run server init as the owner of the library's tables ({owner or '?'}), not as {me}",
            )
        created: list[str] = []
        for group in (READER, EDITOR):
            if _one(cur, "SELECT 1 FROM pg_roles WHERE rolname = %s", group) is None:
                if not _one(cur, "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user"):
                    raise _no_createrole(me)
                cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
                created.append(group)
        s, reader, editor = sql.Identifier(schema), sql.Identifier(READER), sql.Identifier(EDITOR)
        statements = [
            "GRANT {reader} TO {editor}",
            "GRANT USAGE ON SCHEMA {s} TO {reader}",
            "GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {reader}",
            "GRANT SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {reader}",
            "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {editor}",
            "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {s} TO {editor}",
            "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {s}.{version} FROM {editor}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {reader}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON SEQUENCES TO {reader}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT INSERT, UPDATE, DELETE ON TABLES TO {editor}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {editor}",
        ]
        for statement in statements:
            cur.execute(
                sql.SQL(statement).format(s=s, reader=reader, editor=editor, version=sql.Identifier(VERSION_TABLE))
            )
        warnings: list[str] = []
        # Before PostgreSQL 15 everyone may create tables in "public": take that away, so that only
        # the owner changes the schema. Refused when the schema is not ours to change: say so.
        cur.execute("SAVEPOINT revoke_create")
        try:
            cur.execute(sql.SQL("REVOKE CREATE ON SCHEMA {} FROM PUBLIC").format(s))
        except psycopg.Error as e:  # InsufficientPrivilege: the grants above stand
            cur.execute("ROLLBACK TO SAVEPOINT revoke_create")
            warnings.append(
                f"未能收回所有人在模式 {schema} 中建表的权限（{type(e).__name__}）；请数据库管理员执行 "
                f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC / could not take the right to create tables in "
                f"{schema} from PUBLIC; ask the server's administrator to run that statement"
            )
    return InitResult(schema=schema, created=created, warnings=warnings)


def add_user(engine: Engine, name: str, role: Role, password: str | None) -> bool:
    """Create the login ``name`` in ``role``'s group, or move an existing one to it (and set its
    password when one is given). Returns True when the user was created."""
    _require_postgresql(engine)
    check_name(name)
    group = GROUPS[role]
    with _transaction(engine) as (conn, cur):
        _require_groups(cur)
        found = cur.execute("SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        user = sql.Identifier(name)
        if found is None:
            if not password:
                raise LibraryError(f"新用户 {name} 需要密码", f"The new user {name} needs a password")
            cur.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(user, sql.Literal(_hashed(conn, name, password)))
            )
        else:
            can_login, superuser = found
            if superuser or not can_login:
                raise LibraryError(
                    f"{name} 是服务器上已有的{'超级用户' if superuser else '组角色'}，不能作为资料库用户",
                    f"{name} is an existing {'superuser' if superuser else 'group role'} on the server, "
                    "not a library user",
                )
            if password:
                cur.execute(
                    sql.SQL("ALTER ROLE {} PASSWORD {}").format(user, sql.Literal(_hashed(conn, name, password)))
                )
            for other in GROUPS.values():
                if other != group:
                    cur.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), user))
        cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), user))
    return found is None


def role_exists(engine: Engine, name: str) -> bool:
    """Whether the server has a role of that name (a user of this library or not)."""
    _require_postgresql(engine)
    with _transaction(engine) as (_conn, cur):
        return _one(cur, "SELECT 1 FROM pg_roles WHERE rolname = %s", name) is not None


def users(engine: Engine) -> list[LibraryUser]:
    """The library's users (members of either group) and their role, by name."""
    _require_postgresql(engine)
    with _transaction(engine) as (_conn, cur):
        rows = cur.execute(
            """
            SELECT r.rolname, bool_or(g.rolname = %s)
            FROM pg_roles r
            JOIN pg_auth_members m ON m.member = r.oid
            JOIN pg_roles g ON g.oid = m.roleid
            WHERE g.rolname IN (%s, %s) AND r.rolname NOT IN (%s, %s)
            GROUP BY r.rolname
            ORDER BY r.rolname
            """,
            (EDITOR, READER, EDITOR, READER, EDITOR),
        ).fetchall()
    return [LibraryUser(name, EDITOR_ROLE if editor else READER_ROLE) for name, editor in rows]


# -- helpers ----------------------------------------------------------------------------------------


@contextmanager
def _transaction(engine: Engine) -> Iterator[tuple[Connection, Any]]:
    """One transaction, with the psycopg cursor under it (for statements composed with
    ``psycopg.sql``: identifiers quoted by the driver, never by string formatting). Driver errors
    leave as PlanDesk errors; a refusal names what was refused: managing users."""
    try:
        with engine.begin() as conn:
            yield conn, conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    except SQLAlchemyError as e:
        raise _admin_words(translate(e)) from e
    except psycopg.Error as e:  # from the raw cursor
        raise _admin_words(translate(DBAPIError.instance(None, None, e, psycopg.Error))) from e


def _admin_words(error: LibraryError) -> LibraryError:
    if isinstance(error, PermissionDeniedError):
        return PermissionDeniedError(
            "您的账号没有管理此资料库用户和权限的权利，未做任何修改（请以数据库管理员身份运行）",
            f"Your account may not manage this library's users and rights; nothing was changed ({error.en})",
        )
    return error


def _one(cur: Any, query: str, *params: Any) -> Any:
    row = cur.execute(query, params).fetchone()
    return None if row is None else row[0]


def _hashed(conn: Connection, name: str, password: str) -> str:
    """The password as the server stores it (SCRAM-SHA-256, per its password_encryption), computed
    here by libpq, so the clear text never reaches the server or its logs."""
    pgconn = conn.connection.driver_connection.pgconn  # type: ignore[union-attr]
    return bytes(pgconn.encrypt_password(password.encode("utf-8"), name.encode("utf-8"))).decode("ascii")


def _require_postgresql(engine: Engine) -> None:
    if not is_postgresql(engine):
        raise LibraryError(
            "用户和权限只用于共享资料库（postgresql://…），资料库文件没有用户",
            "Users and roles are for a shared library (postgresql://…); a library file has none",
        )


def _require_groups(cur: Any) -> None:
    found = cur.execute("SELECT count(*) FROM pg_roles WHERE rolname IN (%s, %s)", (READER, EDITOR)).fetchone()
    if found is None or found[0] < 2:
        raise LibraryError(
            "此服务器尚未初始化：请先运行 plandesk server init URL",
            "This server has not been set up yet: run plandesk server init URL first",
        )


def _no_createrole(me: str) -> LibraryError:
    return LibraryError(
        f"{me} 没有创建角色的权限（CREATEROLE）：请以数据库管理员身份运行 server init",
        f"{me} may not create roles (CREATEROLE): run server init as the database administrator",
    )
