"""`plandesk`: one module per sub-command (cmd_*.py), each a thin parser over the core API.

Every `cli/cmd_*.py` module with `register(subparsers)` is a sub-command; adding a command
is adding a module.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

import cli
from planning.errors import PlanDeskError

# The order of `plandesk --help`: the library first, then the rest alphabetically.
FIRST = ("import", "list", "show", "search", "delete")


def command_modules() -> list[ModuleType]:
    names = [m.name for m in pkgutil.iter_modules(cli.__path__) if m.name.startswith("cmd_")]
    names.sort(key=lambda n: (FIRST.index(n[4:]) if n[4:] in FIRST else len(FIRST), n))
    return [importlib.import_module(f"cli.{n}") for n in names]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plandesk",
        description="规划编制助手 PlanDesk: 规划库、起草、比对与导出 / plan library, drafting, comparison and export",
    )
    parser.add_argument("--library", metavar="PATH|URL",
                        help="规划库：文件，或共享库地址 postgresql://用户@服务器[:端口]/库名 / the library: a file, "
                             "or a shared one, postgresql://user@host[:port]/db (default: $PLANDESK_LIBRARY, "
                             "else the user data folder)")
    parser.add_argument("--save-password", action="store_true",
                        help="把共享库的密码存入系统密钥环，下次不再询问 / keep the shared library's password in "
                             "the system keyring (never in a settings file)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        module.register(sub)
    return parser


def _open_gui(library: str | None) -> int:
    try:
        from desktop.app import run
    except ImportError:
        print("图形界面尚未安装 / the desktop GUI is not available in this build; see `plandesk --help`",
              file=sys.stderr)
        return 2
    return int(run(library))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _open_gui(args.library)
    try:
        return int(args.run(args))
    except PlanDeskError as exc:
        print(f"错误 / error: {exc.line()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `plandesk … | head`: the reader left; not an error worth a message
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # never a traceback for the user; the message names what went wrong
        print(f"内部错误 / internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
