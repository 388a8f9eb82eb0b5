"""plandesk export PLAN [--out FILE.docx] [--profile gbt9704|booklet|NAME] [--reference-doc FILE]
[--no-toc] [--no-paginate] [--pdf] [--version VID] [--json]

PLAN is a plan's id in the library (or, for a quick look, a plan file to import on the fly).
Where LibreOffice is installed the TOC's page numbers come from a render (a few seconds);
--no-paginate keeps the estimate from the line count.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from cli.output import print_json
from cli.session import open_library, terminal_progress
from planning.errors import PlanDeskError
from planning.export import export_plan
from planning.export.pdf import convert_to_pdf
from planning.export.profiles import resolve
from planning.model import Plan

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="导出为 Word 公文格式（GB/T 9704）/ export a plan to .docx (GB/T 9704)")
    p.add_argument("plan", metavar="PLAN", help="规划编号，或规划文件 / a plan id, or a plan file")
    p.add_argument("--out", metavar="FILE.docx", help="输出文件 / output file (default: the plan's title .docx)")
    p.add_argument("--profile", default="gbt9704", metavar="NAME",
                   help="导出格式 gbt9704（默认）、booklet 或自定义 / gbt9704 (default), booklet or a user profile")
    p.add_argument("--reference-doc", metavar="FILE", help="样式参考文档 .docx / a .docx whose styles to use")
    p.add_argument("--no-toc", action="store_true", help="不生成目录 / no table of contents")
    p.add_argument("--no-paginate", action="store_true",
                   help="目录页码不经 LibreOffice 排版，仅估算 / TOC page numbers estimated, not rendered by LibreOffice")
    p.add_argument("--pdf", action="store_true", help="同时用 LibreOffice 转换为 PDF / also convert to PDF")
    p.add_argument("--version", type=int, metavar="VID", help="草稿的某个保存版本 / a saved version of a draft")
    p.add_argument("--json", action="store_true", help="machine-readable result")
    p.set_defaults(run=run)


def load_plan(args: argparse.Namespace) -> Plan:
    if not args.plan.isdigit():
        path = Path(args.plan)
        if path.is_file():
            from planning.ingest import parse_file

            return parse_file(path)[0]
        raise PlanDeskError(f"PLAN 应为规划编号或规划文件：{args.plan}", f"PLAN must be a plan id or a plan file: {args.plan}")
    with open_library(args) as library:
        if args.version is not None:
            get_version = getattr(library, "get_version", None)
            if get_version is None:
                raise PlanDeskError("此版本的规划库不支持草稿版本", "this library has no draft versions")
            return get_version(args.version)  # type: ignore[no-any-return]
        return library.get_plan(int(args.plan))


def default_name(plan: Plan) -> str:
    stem = _UNSAFE.sub("_", plan.title).strip("._") or f"plan-{plan.id}"
    return f"{stem[:80]}.docx"


def run(args: argparse.Namespace) -> int:
    profile = resolve(args.profile)  # an unknown profile fails before any work
    plan = load_plan(args)
    out = Path(args.out) if args.out else Path.cwd() / default_name(plan)
    reference = Path(args.reference_doc) if args.reference_doc else None
    with terminal_progress("导出 exporting", not args.json) as progress:
        result = export_plan(plan, out, profile=profile, reference_doc=reference, toc=not args.no_toc,
                             paginate=False if args.no_paginate else None, progress=progress)
    pdf = convert_to_pdf(result.path) if args.pdf else None
    if args.json:
        print_json({**result.to_dict(), "pdf": str(pdf) if pdf else None})
    else:
        print(f"已导出 exported  {result.path}  （{result.profile}，{result.headings} 个目录条目 TOC entries，"
              f"{result.seconds * 1000:.0f} ms）")
        if result.paginated:
            print(f"目录页码已按排版填写 TOC page numbers from a render  （{result.pages} 页 pages，"
                  f"{result.pagination_seconds:.1f} s）")
        for warning in result.warnings:
            print(f"! {warning}")
        if pdf is not None:
            print(f"已转换 converted {pdf}")
    return 0
