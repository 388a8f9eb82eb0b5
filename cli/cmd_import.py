"""plandesk import PATH… [--sample] [--json]: files and whole folders, one transaction a file."""

from __future__ import annotations

import argparse

from cli.output import print_json
from cli.session import open_library, terminal_progress
from planning.errors import PlanDeskError
from planning.paths import resource_path
from service.importer import import_paths

_MARK = {"imported": "✓ 已导入 imported", "duplicate": "= 已存在 duplicate", "failed": "✗ 失败 failed"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="导入规划文件或文件夹 / import plan files or folders")
    p.add_argument("paths", nargs="*", metavar="PATH", help=".txt .docx .html files or folders")
    p.add_argument("--sample", action="store_true", help="导入示例规划 / import the bundled sample plan")
    p.add_argument("--json", action="store_true", help="machine-readable result")
    p.set_defaults(run=run)


def sample_paths() -> list[str]:
    return [str(p) for p in sorted(resource_path("sample").glob("*.txt"))]


def run(args: argparse.Namespace) -> int:
    paths = list(args.paths) + (sample_paths() if args.sample else [])
    if not paths:
        raise PlanDeskError("请指定要导入的文件或文件夹", "name the files or folders to import")
    with open_library(args) as library, terminal_progress("导入 importing", not args.json) as progress:
        result = import_paths(library, paths, progress=progress)
    if args.json:
        print_json(result.to_dict())
    else:
        for o in result.outcomes:
            if o.status == "failed":
                print(f"{_MARK[o.status]}  {o.message}")  # the message names the file
            else:
                print(f"{_MARK[o.status]}  {o.path}  #{o.plan_id} {o.title}")
            for w in o.warnings:
                print(f"    ! {w}")
        print(f"导入 {result.count('imported')}，已存在 {result.count('duplicate')}，失败 {result.count('failed')} / "
              f"imported {result.count('imported')}, duplicates {result.count('duplicate')}, "
              f"failed {result.count('failed')}")
    if not result.outcomes:
        raise PlanDeskError("没有找到可导入的文件（.txt .docx .html）", "no importable files found (.txt .docx .html)")
    return 0 if result.ok else 1
