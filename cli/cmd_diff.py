"""plandesk diff A B [--json] [--html FILE] [--docx FILE] [--ignore-punctuation]: compare two plans.

A and B are library ids (plans, drafts) or files, which are read and parsed on the fly, not stored.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path

from cli.output import print_json
from cli.session import open_library
from planning.compare import Comparison, SectionChange, compare_plans
from planning.compare.html_report import write_html
from planning.compare.redline import write_redline
from planning.errors import PlanDeskError
from planning.ingest import parse_file
from planning.model import Plan

STATUS_ZH = {"same": "未变", "reworded": "改写", "renamed": "改名", "moved": "移动", "added": "新增",
             "removed": "删除", "split": "拆分", "merged": "合并"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("diff", help="比对两份规划 / compare two plans")
    p.add_argument("old", metavar="A", help="原规划：库中编号或文件 / the old plan: library id or file")
    p.add_argument("new", metavar="B", help="新规划：库中编号或文件 / the new plan: library id or file")
    p.add_argument("--json", action="store_true", help="the full comparison as JSON")
    p.add_argument("--html", metavar="FILE", help="write a standalone side-by-side HTML report")
    p.add_argument("--docx", metavar="FILE",
                   help="write a Word redline of B in which every difference from A is a tracked change")
    p.add_argument("--ignore-punctuation", action="store_true",
                   help="hide punctuation-only and whitespace-only changes")
    p.set_defaults(run=run)


def _is_id(ref: str) -> bool:
    return ref.isdigit() and not Path(ref).exists()


def load_plans(args: argparse.Namespace, refs: list[str]) -> list[Plan]:
    """Each ref as a library id (digits that are not a file name) or a file parsed without storing it."""
    plans: list[Plan | None] = [None] * len(refs)
    for n, ref in enumerate(refs):
        if not _is_id(ref):
            if not Path(ref).is_file():
                raise PlanDeskError(f"找不到规划文件或编号：{ref}", f"no such plan file or library id: {ref}")
            plans[n], _ = parse_file(ref)
            if plans[n].source is None:  # type: ignore[union-attr]
                plans[n].source = str(Path(ref))  # type: ignore[union-attr]
    if any(p is None for p in plans):
        with open_library(args) as library:
            for n, ref in enumerate(refs):
                if plans[n] is None:
                    plans[n] = library.get_plan(int(ref))
    return [p for p in plans if p is not None]


def _line(s: SectionChange) -> str:
    mark = f"[{STATUS_ZH[s.status]} {s.status}]"
    if s.old and s.new:
        where = (f"{s.old.path} {s.old.title} → {s.new.path} {s.new.title}"
                 if s.old.path != s.new.path or s.renamed else f"{s.new.path} {s.new.title}")
    else:
        ref = s.new or s.old
        assert ref is not None
        where = f"{ref.path} {ref.title}"
    counts = [f"+{s.chars_inserted}" if s.chars_inserted else "", f"−{s.chars_deleted}" if s.chars_deleted else ""]
    chars = f"  {' '.join(c for c in counts if c)} 字" if any(counts) else ""
    return f"  {mark} {where}{chars}"


def print_summary(c: Comparison) -> None:
    s = c.summary()
    sec = s["sections"]
    print(f"原 old: {c.old.title}")
    print(f"新 new: {c.new.title}")
    print(f"章节 sections: 新增 added {sec['added']} · 删除 removed {sec['removed']} · 改写 reworded {sec['reworded']}"
          f" · 改名 renamed {sec['renamed']} · 移动 moved {sec['moved']} · 拆分 split {sec['split']}"
          f" · 合并 merged {sec['merged']} · 未变 same {sec['same']}")
    print(f"字数 characters: +{s['chars_inserted']} −{s['chars_deleted']}")
    ind = s["indicators"]
    print(f"指标 indicators: 新增 added {ind['added']} · 删除 removed {ind['removed']} · 修改 changed {ind['changed']}")
    if c.projects:
        pr = s["projects"]
        print(f"重点工程 projects: 新增 added {pr['added']} · 删除 removed {pr['removed']} · 修改 changed {pr['changed']}")
    changed = [x for x in c.sections if x.changed]
    if changed:
        print("\n变化的章节 changed sections:")
        for x in changed:
            print(_line(x))
    items = [i for i in c.indicators if i.status != "same"]
    if items:
        print("\n变化的指标 changed indicators:")
        for i in items:
            name = (i.new or i.old or {}).get("name")
            detail = "；".join(f"{ch.field}: {ch.old} → {ch.new}" for ch in i.changes)
            print(f"  [{i.status}] {name}{'  ' + detail if detail else ''}")
    if c.unchanged:
        print("\n两份规划没有差别 / no differences")


@contextlib.contextmanager
def _writing(path: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise PlanDeskError(f"无法写入 {path}（{exc.strerror or exc}）",
                            f"cannot write {path} ({exc.strerror or exc})") from exc


def run(args: argparse.Namespace) -> int:
    old, new = load_plans(args, [args.old, args.new])
    comparison = compare_plans(old, new, ignore_punctuation=args.ignore_punctuation)
    if args.html:
        with _writing(args.html):
            write_html(comparison, args.html)
    if args.docx:
        write_redline(old, new, Path(args.docx), comparison=comparison)  # ExportError carries zh and en
    if args.json:
        print_json(comparison.to_dict())
    else:
        print_summary(comparison)
        written = [f"报告 report: {args.html}"] if args.html else []
        written += [f"修订稿 redline: {args.docx}"] if args.docx else []
        if written:
            print("\n" + "\n".join(written))
    return 0
