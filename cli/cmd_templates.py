"""plandesk templates [--json]: the plan skeletons and section templates, built-in and the user's."""

from __future__ import annotations

import argparse

from cli.output import print_json, print_table
from planning.drafting.templates import list_templates, user_dir

_KIND = {"skeleton": "骨架 skeleton", "section": "章节 section"}
_SOURCE = {"built-in": "内置 built-in", "user": "用户 user"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("templates", help="列出规划骨架和章节模板 / list plan skeletons and section templates")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    templates = list_templates()
    if args.json:
        print_json([t.to_dict() for t in templates])
        return 0
    print_table(["名称 name", "类型 kind", "来源 source", "标题 title"],
                [[t.name, _KIND[t.kind], _SOURCE[t.source], t.title] for t in templates], max_width=48)
    print(f"\n用户模板目录 / your templates: {user_dir()}/{{skeletons,sections}}/NAME.j2")
    return 0
