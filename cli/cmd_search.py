"""plandesk search QUERY [--region R] [--period P] [--limit N] [--json]"""

from __future__ import annotations

import argparse

from cli.output import print_json
from cli.session import open_library


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search", help="全文检索 / full-text search")
    p.add_argument("query", metavar="QUERY", help="检索词，空格分隔表示同时包含 / terms; space = AND")
    p.add_argument("--region")
    p.add_argument("--period")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        hits = library.search(args.query, region=args.region, period=args.period, limit=args.limit)
    if args.json:
        print_json([h.to_dict() for h in hits])
        return 0
    if not hits:
        print(f"未找到“{args.query}” / no matches")
        return 0
    for h in hits:
        print(f"#{h.plan_id} {h.plan_title}  ›  {h.section_path} {h.section_title}")
        print(f"    {h.snippet}")
    return 0
