"""plandesk compose RECIPE.toml [--json]: a whole draft from a recipe (see planning/recipe.py)."""

from __future__ import annotations

import argparse

from cli.output import print_json
from cli.session import open_library
from service.compose import compose_file


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("compose", help="按配方生成草稿 / build a draft from a recipe")
    p.add_argument("recipe", metavar="RECIPE.toml")
    p.add_argument("--json", action="store_true", help="what was reused and carried, as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        result = compose_file(library, args.recipe)
    if args.json:
        print_json(result.to_dict())
        return 0
    print(f"已创建草稿 created draft #{result.draft_id} {result.title}")
    for r in result.reused:
        taken = sum(r.accepted)
        where = f"替换 replaced {r.replaced}" if r.replaced else "新增 added"
        print(f"  复用 reused #{r.plan_id} {r.source_path} {r.title} → {r.label}（{where}；"
              f"顺延 {taken}/{len(r.proposals)} 处 replacements，待核 {len(r.flagged)} flagged）")
    for c in result.carried:
        print(f"  结转 carried #{c['plan_id']} {c['what']}: {c['count']}")
    return 0
