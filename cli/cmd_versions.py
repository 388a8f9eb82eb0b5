"""plandesk versions DRAFT [--json]: the draft's saved versions, oldest first."""

from __future__ import annotations

import argparse

from cli.output import print_json, print_table
from cli.session import open_library

KINDS = {"snapshot": "快照 snapshot", "autosave": "自动 autosave"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("versions", help="列出草稿的版本 / list a draft's versions")
    p.add_argument("draft", type=int, metavar="DRAFT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        versions = library.versions(args.draft)
    if args.json:
        print_json([v.to_dict() for v in versions])
        return 0
    if not versions:
        print(f"#{args.draft} 还没有保存的版本 / no saved versions yet: plandesk snapshot {args.draft}")
        return 0
    print_table(["版本", "时间 (UTC)", "类型", "名称"],
                [[v.id, v.created_at.replace("T", " ")[:19], KINDS.get(v.kind, v.kind), v.name] for v in versions])
    return 0
