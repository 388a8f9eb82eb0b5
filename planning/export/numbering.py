"""Heading labels generated from the section tree, in GB/T 9704's forms: 一、 （一） 1. （1） ①.

A section keeps the numbering *style* its label was printed in (一、 or 1. under a 一、 …), and
gets the *number* of its place among its siblings of that style; 专栏 are numbered through the
whole document. A section without a label gets the style of its depth. So an exported document
never carries a number typed into a title, and renumbering after an edit is automatic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from planning.model import Plan, Section
from planning.numbering import DEPTH_STYLES, format_label
from planning.parse.labels import label_at_start

_PART_WORDS = ("部分", "章", "篇")


def style_of(section: Section, depth: int) -> str:
    """The numbering style of `section` (one of planning.parse.labels.RANK), at tree depth `depth` (1-based)."""
    if section.kind == "box":
        return "box"
    found = label_at_start(section.label) if section.label else None
    if found is not None:
        return found.style
    return DEPTH_STYLES[min(depth, len(DEPTH_STYLES)) - 1]


def numbered(plan: Plan) -> Iterator[tuple[Section, str, int]]:
    """Every section depth first as (section, generated label, depth)."""
    boxes = 0

    def walk(sections: list[Section], depth: int) -> Iterator[tuple[Section, str, int]]:
        nonlocal boxes
        counters: Counter[str] = Counter()
        for section in sections:
            style = style_of(section, depth)
            if style == "box":
                boxes += 1
                label = format_label("box", boxes)
            else:
                counters[style] += 1
                word = next((w for w in _PART_WORDS if section.label.endswith(w)), "部分")
                label = format_label(style, counters[style], part_word=word)
            yield section, label, depth
            yield from walk(section.children, depth + 1)

    yield from walk(plan.sections, 1)


def labels(plan: Plan) -> dict[int, str]:
    """id(section) → its generated label."""
    return {id(section): label for section, label, _ in numbered(plan)}
