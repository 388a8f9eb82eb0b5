"""plandesk roll FILE|- --to 十四五 [--from 十三五] [--json]: roll a passage forward to a later period."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.output import print_json
from planning.drafting.rollforward import roll_forward
from planning.errors import PlanDeskError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("roll", help="把一段文字顺延到新的规划期 / roll a passage forward to a later period")
    p.add_argument("file", metavar="FILE", help="UTF-8 文本文件，- 表示标准输入 / a UTF-8 text file, - for stdin")
    p.add_argument("--to", required=True, metavar="PERIOD", help="目标时期 / target period, e.g. 十四五")
    p.add_argument("--from", dest="from_period", metavar="PERIOD",
                   help="原时期（默认从文字推断）/ the passage's period (inferred when absent)")
    p.add_argument("--json", action="store_true", help="text, replacements and flags as JSON")
    p.set_defaults(run=run)


def read_input(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        source = "标准输入 stdin"
    else:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise PlanDeskError(f"无法读取文件 {name}：{exc.strerror}", f"cannot read {name}: {exc.strerror}") from exc
        source = name
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanDeskError(f"{source} 不是 UTF-8 文本", f"{source} is not UTF-8 text") from exc


def run(args: argparse.Namespace) -> int:
    text = read_input(args.file)
    result = roll_forward(text, to_period=args.to, from_period=args.from_period)
    if args.json:
        print_json(result.to_dict())
        return 0
    sys.stdout.write(result.text)
    if result.text and not result.text.endswith("\n"):
        sys.stdout.write("\n")
    for flag in result.flagged:  # on stderr, so stdout stays the rolled text
        print(f"! {flag.start}: {flag.text} — {flag.why}", file=sys.stderr)
    return 0
