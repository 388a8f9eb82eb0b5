"""plandesk reuse DRAFT PLAN:SECTION [--accept-all | --review] [--json]: insert a section of any plan
into a draft, its period rolled forward; --review asks about each replacement (before → after)."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from cli.output import print_json
from cli.session import editing, open_library
from planning.drafting.reuse import Accept, Proposal
from planning.errors import PlanDeskError
from service.drafts import reuse_section

FIELDS = {"title": "标题 title", "text": "正文 text"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("reuse", help="把其他规划的章节复用到草稿 / reuse a section of a plan in a draft")
    p.add_argument("draft", type=int, metavar="DRAFT")
    p.add_argument("source", metavar="PLAN:SECTION",
                   help="规划编号:章节（标号路径如 三、/（七），或标题的一部分）/ plan id:section (label path or part of a title)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--accept-all", action="store_true", help="接受全部顺延替换 / accept every replacement")
    how.add_argument("--review", action="store_true", help="逐条确认 / accept or refuse each one (on a terminal)")
    p.add_argument("--json", action="store_true", help="the replacements and where the section went, as JSON")
    p.set_defaults(run=run)


def parse_source(text: str) -> tuple[int, str]:
    plan, sep, section = text.replace("：", ":").partition(":")
    if not sep or not plan.strip().isdigit() or not section.strip():
        raise PlanDeskError(f"“{text}”应写成 规划编号:章节，如 3:四、", f"{text!r} should be PLAN:SECTION, e.g. 3:四、")
    return int(plan), section.strip()


def terminal_review(stdin: TextIO, stdout: TextIO) -> Accept:
    """Ask y/n for each replacement: y (default) accept, n refuse, a accept the rest, q refuse the rest."""
    answer_rest: bool | None = None
    count = 0

    def ask(p: Proposal) -> bool:
        nonlocal answer_rest, count
        count += 1
        if answer_rest is not None:
            return answer_rest
        left, right = p.context()
        r = p.replacement
        stdout.write(f"[{count}] {'/'.join(p.path)} {FIELDS.get(p.field, p.field)} ({r.rule})\n"
                     f"    …{left}【{r.before} → {r.after}】{right}…\n"
                     "    接受 accept? [Y/n/a=全部接受 all/q=其余不改 none] ")
        stdout.flush()
        reply = stdin.readline().strip().lower()
        if reply in ("a", "q"):
            answer_rest = reply == "a"
            return answer_rest
        return reply not in ("n", "no", "否")

    return ask


def run(args: argparse.Namespace) -> int:
    plan_id, spec = parse_source(args.source)
    review = args.review or not args.accept_all
    if review and not sys.stdin.isatty():
        raise PlanDeskError("逐条确认需要在终端中运行；否则请用 --accept-all",
                            "reviewing needs a terminal; otherwise give --accept-all")
    accept = terminal_review(sys.stdin, sys.stderr if args.json else sys.stdout) if review else None
    with open_library(args) as library, editing(library, args.draft):
        result = reuse_section(library, args.draft, plan_id, spec, accept=accept, accept_all=args.accept_all)
    if args.json:
        print_json(result.to_dict())
        return 0
    where = f"替换了 replaced {result.replaced}" if result.replaced else "新增 added"
    print(f"已复用 reused #{plan_id} {result.source_path} → #{args.draft} {result.label}{result.title}（{where}）")
    taken = sum(result.accepted)
    if result.proposals:
        print(f"顺延替换 replacements: 接受 accepted {taken}，未改 refused {len(result.proposals) - taken}")
    elif result.from_period is None:
        print("未顺延 not rolled: 原规划与草稿的规划期无先后 / the source's period does not come before the draft's")
    for note in result.flagged:
        print(f"! 待核 flagged {'/'.join(note.path)}: {note.flag.text} — {note.flag.why}")
    return 0
