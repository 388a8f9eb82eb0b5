"""plandesk indicators set|carry|check: a draft's indicator rows, carried tables, and the growth checker."""

from __future__ import annotations

import argparse

from cli.output import print_json, print_table
from cli.session import editing, open_library
from planning.drafting.growth import METHODS, check_table
from service.drafts import carry_indicators, set_indicator

VERDICTS = {"compound": "复合增长 compound", "points": "百分点 points", "increment": "年增量 increment",
            "inconsistent": "不一致 inconsistent", "no-data": "无数据 no data"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("indicators", help="指标表：填写、结转、核对 / indicator tables: set, carry, check")
    commands = p.add_subparsers(dest="indicators_command", metavar="set|carry|check", required=True)

    s = commands.add_parser("set", help="填写草稿中一项指标 / enter a draft indicator's values")
    s.add_argument("draft", type=int, metavar="DRAFT")
    s.add_argument("indicator", metavar="INDICATOR", help="指标名称或其唯一的一部分 / name, or a part naming one")
    s.add_argument("--base", metavar="V", help="基期值 / base value, e.g. 930 or ≥95 or -")
    s.add_argument("--target", metavar="V", help="目标值 / target value")
    s.add_argument("--method", choices=METHODS, help="年均增长算法 / how growth is computed")
    s.set_defaults(run=run_set)

    c = commands.add_parser("carry", help="把规划的指标表结转到草稿 / carry a plan's indicator tables into a draft")
    c.add_argument("plan", type=int, metavar="PLAN")
    c.add_argument("--into", type=int, required=True, metavar="DRAFT")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=run_carry)

    k = commands.add_parser("check", help="核对年均增长 / check each printed annual growth")
    k.add_argument("plan", type=int, metavar="PLAN")
    k.add_argument("--json", action="store_true", help="one object per indicator")
    k.set_defaults(run=run_check)


def run_set(args: argparse.Namespace) -> int:
    with open_library(args) as library, editing(library, args.draft):
        ind = set_indicator(library, args.draft, args.indicator, base=args.base, target=args.target,
                            method=args.method)
    method = ind.method or "unit"
    print(f"{ind.name}（{ind.unit or ''}）：{ind.base.text or '-'} → {ind.target.text or '-'}，"
          f"年均增长 growth {ind.growth_text or '-'}（{method}）")
    return 0


def run_carry(args: argparse.Namespace) -> int:
    with open_library(args) as library, editing(library, args.into):
        result = carry_indicators(library, args.plan, args.into)
    if args.json:
        print_json(result.to_dict())
        return 0
    for table in result.tables:
        print(f"已结转 carried “{table.caption or ''}”：{sum(1 for _ in table.indicators())} 项 indicators"
              f" → #{args.into}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        plan = library.get_plan(args.plan)
    checks = [c for table in plan.indicator_tables for c in check_table(table)]
    if args.json:
        print_json([c.to_dict() for c in checks])
        return 0
    if not checks:
        print(f"#{args.plan} 没有指标表 / has no indicator table")
        return 0
    print_table(
        ["指标", "单位", "基期", "目标", "年数", "年均增长", "判定", "复合%", "线性"],
        [[c.name, c.unit, _num(c.base), _num(c.target), c.years, c.growth_text, VERDICTS.get(c.verdict, c.verdict),
          _num(c.computed.get("compound")), _num(c.computed.get("points") if c.computed.get("points") is not None
                                                  else c.computed.get("increment"))]
         for c in checks],
        max_width=24,
    )
    bad = sum(1 for c in checks if c.verdict == "inconsistent")
    print(f"\n共 {len(checks)} 项，不一致 {bad} 项 / {len(checks)} indicators, {bad} inconsistent")
    return 0


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:g}"
