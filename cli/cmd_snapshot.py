"""plandesk snapshot DRAFT [--name N]: save the draft as it is now as a named version."""

from __future__ import annotations

import argparse

from cli.session import open_library


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("snapshot", help="保存草稿的一个版本 / save a version of a draft")
    p.add_argument("draft", type=int, metavar="DRAFT")
    p.add_argument("--name", help="版本名称 / a name for the version")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        version_id = library.snapshot(args.draft, args.name)
    name = f"“{args.name}”" if args.name else ""
    print(f"已保存版本 saved version {version_id}{name} of #{args.draft}")
    return 0
