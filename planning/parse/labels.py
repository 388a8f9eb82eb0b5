"""Heading labels as printed in Chinese plans: 第一部分 (第一章) / 第一节 / 一、 / （一） / 1. / （1） / ① / 专栏一.

A label alone proves nothing ("统一、快速" holds 一、); the outline builder decides, by numbering
sequence, which labels start headings. This module only finds and reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planning.cn_numbers import cn_to_int, halfwidth_digits

# How deep each numbering style sits, shallowest first. A box (专栏) sits beside the "1." items
# of the section it belongs to, and holds "1." items of its own.
RANK: dict[str, float] = {"part": 0, "sec": 0.5, "cn": 1, "pcn": 2, "box": 2.5, "num": 3, "pnum": 4, "circ": 5}

_S = r"[ \t\u3000\xa0]*"
_CN = "一二三四五六七八九十"
_D = "0-9０-９"
_LABEL_SRC = (
    rf"(?P<part>第(?P<part_n>[{_CN}]{{1,3}})(?:部分|章|篇)){_S}"
    rf"|(?P<sec>第(?P<sec_n>[{_CN}]{{1,3}})节){_S}"
    rf"|(?P<pcn>[（(]{_S}(?P<pcn_n>[{_CN}]{{1,3}}){_S}[）)]){_S}"
    rf"|(?P<pnum>[（(]{_S}(?P<pnum_n>[{_D}]{{1,2}}){_S}[）)]){_S}"
    rf"|(?<![{_CN}百])(?P<cn>(?P<cn_n>[{_CN}]{{1,3}}){_S}[、．]){_S}"
    rf"|(?<![{_D}.．A-Za-z])(?P<num>(?P<num_n>[{_D}]{{1,2}}){_S}(?:、|[.．](?![{_D}]))){_S}"
    rf"|(?P<circ>(?P<circ_n>[①-⑳])){_S}"
    rf"|(?P<box>专栏{_S}(?P<box_n>[{_CN}{_D}]{{0,3}})){_S}[：:]?{_S}"
)
LABEL_RE = re.compile(_LABEL_SRC)
_STYLES = ("part", "sec", "pcn", "pnum", "cn", "num", "circ", "box")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")


@dataclass(frozen=True, slots=True)
class Label:
    style: str  # one of RANK's keys
    number: int | None  # None for an unnumbered 专栏
    text: str  # as printed, inner spaces removed: "（一）", "1.", "专栏一"
    start: int
    end: int  # where the heading's title begins


def _number(style: str, raw: str) -> int | None:
    if not raw:
        return None
    if style == "circ":
        return ord(raw) - ord("①") + 1
    if style == "box":
        digits = halfwidth_digits(raw)
        return int(digits) if digits.isdigit() else cn_to_int(raw)
    if style in ("num", "pnum"):
        return int(halfwidth_digits(raw))
    return cn_to_int(raw)


def label_from_match(m: re.Match[str]) -> Label | None:
    for style in _STYLES:
        printed = m.group(style)
        if printed is not None:
            number = _number(style, m.group(f"{style}_n"))
            if number is None and style != "box":
                return None
            return Label(style, number, _SPACES.sub("", printed), m.start(), m.end())
    return None


def label_at_start(text: str) -> Label | None:
    """The label that opens `text`, if any."""
    m = LABEL_RE.match(text)
    return label_from_match(m) if m else None


def labels_in(text: str) -> list[Label]:
    """Every label anywhere in `text` (for plans flattened onto one line)."""
    out = []
    for m in LABEL_RE.finditer(text):
        label = label_from_match(m)
        if label is not None:
            out.append(label)
    return out
