"""plandesk restore DRAFT VERSION: make the draft what a saved version was (the current state is
kept as a "restore-backup" version first)."""

from __future__ import annotations

import argparse

from cli.session import editing, open_library


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("restore", help="把草稿恢复到某个版本 / restore a draft to a saved version")
    p.add_argument("draft", type=int, metavar="DRAFT")
    p.add_argument("version", type=int, metavar="VERSION")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library, editing(library, args.draft):
        backup = library.restore(args.draft, args.version)
    print(f"已恢复 #{args.draft} 到版本 {args.version}；原内容另存为版本 {backup}"
          f" / restored #{args.draft} to version {args.version}; the previous state is version {backup}")
    return 0
