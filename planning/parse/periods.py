"""The planning period: a five-year plan (十一五 …) or an explicit span such as 2009–2020."""

from __future__ import annotations

import re

from planning.cn_numbers import cn_to_int, halfwidth
from planning.model import Period

_FIVE_YEAR = re.compile(r"(?<![一二三四五六七八九十])十([一二三四五六七八九]?)五(?![年个])")
_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-－—–~～至到]+\s*((?:19|20)\d{2})")


def five_year_span(n: int) -> tuple[int, int]:
    """The years of the n-th five-year plan (from the 3rd on: 1966–1970; 十四五 → 2021–2025)."""
    start = 1966 + 5 * (n - 3)
    return start, start + 4


def find_period(title: str, context: str = "") -> Period | None:
    """From the title first, then from `context` (the opening text)."""
    for text in (title, context[:400]):
        text = halfwidth(text)
        m = _FIVE_YEAR.search(text)
        if m:
            n = 10 + (cn_to_int(m.group(1)) or 0)
            start, end = five_year_span(n)
            return Period(m.group(0), start, end)
        s = _SPAN.search(text)
        if s and int(s.group(1)) < int(s.group(2)):
            return Period(f"{s.group(1)}–{s.group(2)}", int(s.group(1)), int(s.group(2)))
    return None
