"""plandesk show ID [--json]: a plan's metadata and outline (or the full model as JSON), and who is
editing it when it is a draft someone holds."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from cli.output import print_json
from cli.session import open_library
from db.draft_locks import Holder
from planning.model import Plan, Section


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("show", help="显示一份规划 / show one plan")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true", help="the full plan model")
    p.set_defaults(run=run)


def _outline(section: Section, depth: int = 0) -> None:
    box = "［专栏］" if section.kind == "box" else ""
    print(f"{'  ' * depth}{section.label}{section.title}{box}")
    for child in section.children:
        _outline(child, depth + 1)


def editing_dict(holder: Holder | None) -> dict[str, Any] | None:
    if holder is None:
        return None
    return {"holder": holder.holder, "host": holder.host, "since": holder.acquired_at}


def _local(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def print_plan(plan: Plan, holder: Holder | None = None) -> None:
    print(plan.title)
    if holder is not None:
        print(f"  正在编辑 editing: {holder.who}（自 since {_local(holder.acquired_at)}）")
    facts = [
        ("地区 region", plan.region and f"{plan.region.name}（{plan.region.level or '?'}）"),
        ("时期 period", plan.period and f"{plan.period.name} {plan.period.start}–{plan.period.end}"),
        ("发文机关 issuers", "、".join(plan.issuers) or None),
        ("文号 number", plan.doc_number),
        ("日期 date", plan.date),
        ("来源 source", plan.source),
    ]
    for name, value in facts:
        if value:
            print(f"  {name}: {value}")
    print()
    for section in plan.sections:
        _outline(section)
    for table in plan.indicator_tables:
        n = sum(1 for _ in table.indicators())
        print(f"\n指标表 indicators: {table.caption or ''}（{n} 项，{len(table.categories)} 类）")
    if plan.projects:
        print(f"重点工程 projects: {len(plan.projects)}")
    if plan.glossary:
        print(f"名词解释 glossary: {len(plan.glossary)}")
    for w in plan.warnings:
        print(f"! {w}")


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        plan = library.get_plan(args.id)
        holder = library.draft_holder(args.id) if plan.status == "draft" else None
    if args.json:
        print_json({**plan.to_dict(), "editing": editing_dict(holder)})
    else:
        print_plan(plan, holder)
    return 0
