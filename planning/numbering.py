"""Heading labels regenerated from the outline tree, never kept as stale text.

Levels print 一、 （一） 1. （1） ① (and ① again deeper down). Boxes (专栏) are numbered 专栏一,
专栏二 … in document order across the whole plan and do not count among their siblings; a box's
own items take the numbering of the level the box sits at, as printed plans do. A plan whose top
level reads 第一部分 (or 第一章, 第一篇) keeps that style at level 1 and shifts the others down one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planning.list_numbers import chinese, format_number
from planning.model import Plan, Section

_PART = re.compile(r"第[一二三四五六七八九十百]+(部分|章|篇)")
_CAPTION_NUMBER = re.compile(r"^表\s*[0-9０-９]+[\s\u3000]*")


def _styles(part_word: str | None) -> list[Callable[[int], str]]:
    styles: list[Callable[[int], str]] = [
        lambda n: f"{chinese(n)}、",
        lambda n: f"（{chinese(n)}）",
        lambda n: f"{n}.",
        lambda n: f"（{n}）",
        lambda n: format_number(n, "decimalEnclosedCircle"),
    ]
    if part_word:
        styles.insert(0, lambda n: f"第{chinese(n)}{part_word}")
    return styles


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
                s.label = f"专栏{chinese(boxes)}"
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
