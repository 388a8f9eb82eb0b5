"""plandesk delete ID (a draft someone is editing is not deleted from under them)"""

from __future__ import annotations

import argparse
import contextlib

from cli.session import editing, open_library


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("delete", help="从库中删除规划 / delete a plan from the library")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        plan = library.get_plan(args.id)
        held = editing(library, args.id) if plan.status == "draft" else contextlib.nullcontext()
        with held:
            library.delete_plan(args.id)
    print(f"已删除 deleted #{args.id} {plan.title}")
    return 0
