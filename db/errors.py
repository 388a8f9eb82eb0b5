"""Database errors in plain words: what the user can do about a driver's exception.

SQLAlchemy wraps the driver's exception (psycopg's carries the SQLSTATE code); ``translate``
turns it into the PlanDesk error a person can act on: the server cannot be reached or dropped
the connection (try again), a password is needed or wrong, the role may only read, the database
does not exist. Anything else keeps the driver's message.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from planning.errors import (
    BusyError,
    ConnectionLostError,
    LibraryError,
    PasswordRequiredError,
    PermissionDeniedError,
)

# SQLSTATE codes (PostgreSQL appendix A)
INSUFFICIENT_PRIVILEGE = "42501"
INVALID_PASSWORD = "28P01"
INVALID_AUTHORIZATION = "28000"
UNKNOWN_DATABASE = "3D000"
SHUTDOWN = {"57P01", "57P02", "57P03"}  # admin shutdown, crash shutdown, cannot connect now
RETRY = {"40001", "40P01"}  # serialization failure, deadlock


def _message(e: SQLAlchemyError) -> str:
    orig = getattr(e, "orig", None)
    text = str(orig if orig is not None else e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def translate(e: SQLAlchemyError, *, opening: str | None = None) -> LibraryError:
    """The PlanDesk error for ``e``; ``opening``: the library being opened (for the message)."""
    orig = getattr(e, "orig", None)
    code = getattr(orig, "sqlstate", None)
    message = _message(e)
    where = f" {opening}" if opening else ""
    if code == INSUFFICIENT_PRIVILEGE:
        return PermissionDeniedError(
            "您的账号对此资料库只有只读权限，未做任何修改（需要编辑权限请联系管理员）",
            f"Your account may only read this library; nothing was changed ({message})",
        )
    if code == INVALID_PASSWORD or "no password supplied" in message or "password authentication failed" in message:
        return PasswordRequiredError(
            f"资料库服务器{where}需要密码，或密码不对",
            f"The library server{where} needs a password, or the password is wrong",
        )
    if code == UNKNOWN_DATABASE or ("database" in message and "does not exist" in message):
        return LibraryError(f"服务器上没有这个资料库：{message}", f"No such library database on the server: {message}")
    if code in RETRY or "database is locked" in message or "database is busy" in message:
        return BusyError(
            "资料库正忙（他人正在写入），这次没有做任何修改，请稍后重试",
            f"The library was busy with someone else's change; nothing was changed, try again ({message})",
        )
    # a server that went away (restart, network) or could not be reached: PostgreSQL's operational
    # errors are all about the connection; SQLite's (busy, I/O) are not
    lost = code in SHUTDOWN or (isinstance(e, DBAPIError) and e.connection_invalidated)
    if lost or (isinstance(e, OperationalError) and _is_postgresql(e)):
        if opening:
            return ConnectionLostError(
                f"无法连接资料库服务器{where}：{message}",
                f"Cannot reach the library server{where}: {message}",
            )
        return ConnectionLostError(
            "与资料库服务器的连接中断，这次操作可能没有完成，请重试（已完成的不会重复保存）",
            "Lost the connection to the library server; this change may not have completed. Try again "
            f"(what did complete is recognised, not saved twice) ({message})",
        )
    return LibraryError(f"资料库出错{where}：{message}", f"Library error{where}: {message}")


def _is_postgresql(e: SQLAlchemyError) -> bool:
    orig = getattr(e, "orig", None)
    return orig is not None and type(orig).__module__.startswith("psycopg")
