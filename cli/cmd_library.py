"""plandesk library copy SRC DST [--json]: copy a whole library, file or shared, to an empty one.

SRC and DST are library files or postgresql:// URLs, in any combination: a file moved to a server
(prepare the database with ``plandesk server init`` first), a server's library backed up to a
file, a file copied to a new file. DST must hold no plans; on any failure it is left as it was
(a new file made for the copy is removed again).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.output import display_width, print_json
from cli.session import connect, terminal_progress
from db.copy import CopyResult, copy_library
from db.location import LibraryLocation
from planning.errors import PlanDeskError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("library", help="整库操作：复制 / whole-library operations: copy")
    commands = p.add_subparsers(dest="library_command", metavar="copy", required=True)
    c = commands.add_parser(
        "copy", help="把整个资料库复制到空的资料库（文件或 postgresql://）/ copy a whole library into an empty one")
    c.add_argument("source", metavar="SRC", help="源：资料库文件或 postgresql:// 地址 / a library file or URL")
    c.add_argument("target", metavar="DST", help="目标：新文件或空的共享库 / a new file, or an empty shared library")
    c.add_argument("--json", action="store_true", help="counts, verified, mismatches")
    c.set_defaults(run=run_copy)


def _files_of(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def run_copy(args: argparse.Namespace) -> int:
    source = LibraryLocation.parse(args.source)
    target = LibraryLocation.parse(args.target)
    if source.path is not None and not source.path.is_file():  # never create an empty source
        raise PlanDeskError(f"找不到源资料库文件：{source.path}", f"No such library file: {source.path}")
    new_file = target.path is not None and not target.path.exists()
    try:
        with connect(source, args) as src, connect(target, args) as dst:
            with terminal_progress("复制 copying", not args.json) as progress:
                result = copy_library(src, dst, progress=progress)
    except BaseException:
        _remove_new(target, new_file)
        raise
    if not result.committed:
        _remove_new(target, new_file)
    if args.json:
        print_json(result.to_dict())
    else:
        print_result(result)
    return 0 if result.committed else 1


def _remove_new(target: LibraryLocation, new_file: bool) -> None:
    if new_file and target.path is not None:
        for path in _files_of(target.path):
            path.unlink(missing_ok=True)


def print_result(result: CopyResult) -> None:
    ok = {table: a == b for table, (a, b) in result.counts.items()}
    rows = [
        ("规划 plans", result.plans, ok.get("plans")),
        ("草稿 drafts", result.drafts, ok.get("plans")),
        ("版本 versions", result.versions, ok.get("plan_versions")),
        ("章节 sections", result.sections, ok.get("sections")),
    ]
    print(f"{'已复制 copied' if result.committed else '未复制 not copied'}  {result.source} → {result.target}")
    width = max(display_width(name) for name, _, _ in rows)
    for name, count, good in rows:
        mark = "" if good is None else ("✓" if good and result.verified else "✗")
        print(f"  {name}{' ' * (width - display_width(name))}  {count:>6}  {mark}".rstrip())
    if result.verified:
        print(f"  核对 verified ✓  各表行数一致，每份规划的内容与版本一致 / row counts, every plan and version match"
              f"（{result.seconds:.1f} s）")
    for mismatch in result.mismatches:
        print(f"  ✗ {mismatch}")
    if result.cancelled:
        print("  已取消 cancelled")
    if not result.committed:
        print("  目标资料库未改动 / the target library was left unchanged")
