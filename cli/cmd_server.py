"""plandesk server init|adduser|users URL: set up a shared library on a PostgreSQL server and say
who may read it and who may edit it (see db/roles.py).

    plandesk server init URL                                  # as the database's owner or admin
    plandesk server adduser URL NAME --role reader|editor [--password-stdin]
    plandesk server users URL [--json]
"""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy import URL

from cli.output import print_json, print_table
from cli.session import connect
from db.library import Library
from db.location import LibraryLocation
from db.migrate import current_revision
from planning.errors import PlanDeskError

ROLE_NAMES = {"reader": "只读 reader", "editor": "编辑 editor"}  # the keys of db.roles.GROUPS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("server", help="共享资料库：初始化、用户与权限 / shared library: set up, users and rights")
    commands = p.add_subparsers(dest="server_command", metavar="init|adduser|users", required=True)

    i = commands.add_parser(
        "init", help="建立或升级共享资料库，并建立 plandesk_reader / plandesk_editor 两个组（可重复运行）"
                     " / create or upgrade the library and its reader and editor groups (safe to run again)")
    i.add_argument("url", metavar="URL", help="postgresql://管理员@服务器[:端口]/库名 / postgresql://owner@host[:port]/db")
    i.add_argument("--json", action="store_true")
    i.set_defaults(run=run_init)

    a = commands.add_parser("adduser", help="新建用户，或改变已有用户的权限 / add a user, or change a user's role")
    a.add_argument("url", metavar="URL")
    a.add_argument("name", metavar="NAME", help="登录名 / login name")
    a.add_argument("--role", required=True, choices=tuple(ROLE_NAMES), help="reader（只读）或 editor（编辑）")
    a.add_argument("--password-stdin", action="store_true",
                   help="从标准输入读取新用户的密码（一行）/ read the new user's password from stdin (one line)")
    a.set_defaults(run=run_adduser)

    u = commands.add_parser("users", help="列出资料库的用户 / list the library's users and their roles")
    u.add_argument("url", metavar="URL")
    u.add_argument("--json", action="store_true", help="[{name, role}]")
    u.set_defaults(run=run_users)


def _open(args: argparse.Namespace) -> Library:
    location = LibraryLocation.parse(args.url)
    if not location.shared:  # never create a file named like a server
        raise PlanDeskError(
            f"请给出共享资料库的地址 postgresql://用户@服务器/库名，而不是文件：{args.url}",
            f"Give the shared library's URL, postgresql://user@host/db, not a file: {args.url}",
        )
    return connect(location, args)


def run_init(args: argparse.Namespace) -> int:
    from db import roles  # loads psycopg (~130 ms): only when a server command runs

    with _open(args) as library:  # opening creates or upgrades the schema
        result = roles.init(library.engine)
        with library.engine.connect() as conn:
            revision = current_revision(conn)
        shown = library.display
    if args.json:
        print_json({"library": shown, "schema_version": revision, **result.to_dict()})
        return 0
    print(f"资料库已就绪 library ready: {shown}（结构版本 schema {revision}）")
    if result.created:
        print(f"已建立组 created groups: {', '.join(result.created)}")
    print(f"已授予权限 rights granted in schema {result.schema}: "
          f"{roles.READER} 只读 read-only, {roles.EDITOR} 读写 read and write (no schema changes)")
    for warning in result.warnings:
        print(f"! {warning}")
    print(f"添加用户 add people: plandesk server adduser {shown} NAME --role reader|editor")
    return 0


def read_new_password(args: argparse.Namespace, name: str) -> str:
    """The new user's password: one line of stdin with --password-stdin, else typed twice."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"{name} 的新密码 / new password for {name}: ")
        if password != getpass.getpass("再输入一次 / again: "):
            raise PlanDeskError("两次输入的密码不一致，未做任何修改", "The two passwords differ; nothing was changed")
    else:
        raise PlanDeskError("需要新用户的密码：请在终端中运行，或用 --password-stdin",
                            "The new user needs a password: run this on a terminal, or give --password-stdin")
    if not password:
        raise PlanDeskError("密码不能为空", "The password cannot be empty")
    return password


def run_adduser(args: argparse.Namespace) -> int:
    from db import roles  # loads psycopg (~130 ms): only when a server command runs

    name = roles.check_name(args.name)
    password = read_new_password(args, name) if args.password_stdin else None
    with _open(args) as library:
        if password is None and not roles.role_exists(library.engine, name):
            password = read_new_password(args, name)
        created = roles.add_user(library.engine, name, args.role, password)
        theirs = _for_user(library.location, name)
    role = ROLE_NAMES[args.role]
    if created:
        print(f"已添加用户 added {name}（{role}）；连接 connect with: plandesk --library {theirs} list")
    else:
        print(f"已将 {name} 设为 set {name} to: {role}" + ("；密码已更新 password changed" if password else ""))
    return 0


def _for_user(location: LibraryLocation, name: str) -> str:
    """The library's URL with ``name`` as its user and no password (what to give the new user)."""
    url = location.url
    return URL.create("postgresql", username=name, host=url.host, port=url.port, database=url.database).render_as_string()


def run_users(args: argparse.Namespace) -> int:
    from db import roles  # loads psycopg (~130 ms): only when a server command runs

    with _open(args) as library:
        found = roles.users(library.engine)
    if args.json:
        print_json([u.to_dict() for u in found])
        return 0
    if not found:
        print("还没有用户 / no users yet: plandesk server adduser URL NAME --role reader|editor")
        return 0
    print_table(["用户 user", "权限 role"], [[u.name, ROLE_NAMES[u.role]] for u in found])
    return 0
