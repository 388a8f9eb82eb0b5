"""plandesk list [--region R] [--period P] [--json]"""

from __future__ import annotations

import argparse

from cli.output import print_json, print_table
from cli.session import open_library


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("list", help="列出库中的规划 / list the plans in the library")
    p.add_argument("--region", help="地区 / region, e.g. 江西省")
    p.add_argument("--period", help="时期 / period, e.g. 十三五")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        plans = library.list_plans(region=args.region, period=args.period)
    if args.json:
        print_json([p.to_dict() for p in plans])
        return 0
    if not plans:
        print("库中还没有规划 / the library is empty: plandesk import PATH… (或 --sample)")
        return 0
    print_table(
        ["编号", "标题", "地区", "时期", "文号", "日期", "状态"],
        [[p.id, p.title, p.region, p.period, p.doc_number, p.date, p.status] for p in plans],
    )
    return 0
