"""Heading labels regenerated from the outline tree, never kept as stale text.

Levels print 一、 （一） 1. （1） ① (and ① again deeper down). Boxes (专栏) are numbered 专栏一,
专栏二 … in document order across the whole plan and do not count among their siblings; a box's
own items take the numbering of the level the box sits at, as printed plans do. A plan whose top
level reads 第一部分 (or 第一章, 第一篇) keeps that style at level 1 and shifts the others down one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planning.list_numbers import chinese
from planning.model import Plan, Section

_PART = re.compile(r"第[一二三四五六七八九十百]+(部分|章|篇)")
_CAPTION_NUMBER = re.compile(r"^表\s*[0-9０-９]+[\s\u3000]*")


DEPTH_STYLES = ("cn", "pcn", "num", "pnum", "circ")  # planning.parse.labels' names, shallowest first


def format_label(style: str, n: int, *, part_word: str = "部分") -> str:
    """The printed label of number `n` in a numbering style: cn 一、 pcn （一） num 1. pnum （1） circ ①,
    part 第一部分 (or 第一章 …), box 专栏一. The one place labels are written (drafts and export)."""
    if style == "cn":
        return f"{chinese(n)}、"
    if style == "pcn":
        return f"（{chinese(n)}）"
    if style == "num":
        return f"{n}."
    if style == "pnum":
        return f"（{n}）"
    if style == "circ":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"（{n}）"
    if style == "part":
        return f"第{chinese(n)}{part_word}"
    if style == "box":
        return f"专栏{chinese(n)}"
    raise ValueError(f"unknown numbering style {style!r}")


def _styles(part_word: str | None) -> list[Callable[[int], str]]:
    names = (["part"] if part_word else []) + list(DEPTH_STYLES)
    return [lambda n, name=name: format_label(name, n, part_word=part_word or "部分") for name in names]


def _part_word(sections: list[Section]) -> str | None:
    for s in sections:
        if s.kind != "box":
            m = _PART.match(s.label)
            return m.group(1) if m else ("部分" if s.label.startswith("第") else None)
    return None


def renumber(sections: list[Section]) -> None:
    """Regenerate every label and level in place from the tree (see the module notes)."""
    styles = _styles(_part_word(sections))
    boxes = 0

    def visit(children: list[Section], level: int, depth: int) -> None:
        nonlocal boxes
        style = styles[min(depth, len(styles) - 1)]
        n = 0
        for s in children:
            s.level = level
            if s.kind == "box":
                boxes += 1
                s.label = format_label("box", boxes)
                visit(s.children, level + 1, depth)  # a box's items number like its siblings
            else:
                n += 1
                s.label = style(n)
                visit(s.children, level + 1, depth + 1)

    visit(sections, 1, 0)


def caption_numbers(plan: Plan, *, add: bool = False) -> None:
    """Renumber table captions 表1, 表2 … in order. Captions that carry no 表N keep none unless `add`."""
    for i, table in enumerate(plan.indicator_tables, start=1):
        caption = table.caption or ""
        if _CAPTION_NUMBER.match(caption):
            table.caption = _CAPTION_NUMBER.sub(f"表{i} ", caption, count=1)
        elif add:
            table.caption = f"表{i} {caption}".rstrip()
