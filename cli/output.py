"""How the command line prints: JSON for scripts, aligned columns for people (CJK is two columns wide)."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width:
            out.append("…")
            used += 1
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * max(0, width - used)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], max_width: int = 40) -> None:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [min(max_width, max([display_width(h)] + [display_width(r[i]) for r in cells]))
              for i, h in enumerate(headers)]
    print("  ".join(_fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(_fit(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
