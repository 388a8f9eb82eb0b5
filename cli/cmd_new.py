"""plandesk new [--skeleton NAME] --region 江西省 --period 十四五 [--from PLAN] [--issuer X] [--date D]"""

from __future__ import annotations

import argparse

from cli.output import print_json
from cli.session import open_library
from service.drafts import new_draft


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("new", help="新建规划草稿 / start a new draft")
    p.add_argument("--region", required=True, help="地区 / region, e.g. 江西省")
    p.add_argument("--period", required=True, help="规划期 / period, e.g. 十四五")
    p.add_argument("--skeleton", metavar="NAME",
                   help="骨架模板（默认按地区级别）/ skeleton template (default: the region level's); see plandesk templates")
    p.add_argument("--from", dest="from_plan", type=int, metavar="PLAN",
                   help="上一期规划的编号：结转其指标表 / the previous plan: its indicator tables are carried forward")
    p.add_argument("--issuer", help="印发机关 / issuing office")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="印发日期 / date")
    p.add_argument("--json", action="store_true", help="the new draft as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        draft_id = new_draft(library, region=args.region, period=args.period, skeleton=args.skeleton,
                             issuer=args.issuer, date=args.date, from_plan=args.from_plan)
        draft = library.get_plan(draft_id)
        previous = library.get_plan(args.from_plan) if args.from_plan is not None else None
    if args.json:
        print_json(draft.to_dict())
        return 0
    assert draft.period is not None
    print(f"已创建草稿 created draft #{draft_id} {draft.title}（{draft.period.start}–{draft.period.end}）")
    for s in draft.sections:
        print(f"  {s.label}{s.title}")
    if previous is not None:
        count = sum(1 for t in draft.indicator_tables for _ in t.indicators())
        print(f"已结转 #{previous.id} 的指标 {count} 项 / carried {count} indicators from #{previous.id}")
        print(f"可复用 #{previous.id} 的章节 / sections of #{previous.id} you can reuse:")
        for s in previous.sections:
            print(f"  plandesk reuse {draft_id} {previous.id}:{s.label}   # {s.title}")
    return 0
