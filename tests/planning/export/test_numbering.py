"""Labels generated from the tree: GB/T forms, in sequence, boxes numbered through the document."""

from __future__ import annotations

from planning.export.numbering import numbered
from planning.model import Plan, Section
from planning.numbering import format_label


def test_labels_follow_position_and_keep_the_printed_style() -> None:
    plan = Plan("规划", sections=[
        Section("一、", "总则", 1, children=[Section("１.", "甲", 2), Section("3、", "乙", 2)]),  # printed badly
        Section("三、", "任务", 1, children=[
            Section("(1)", "丙", 2),
            Section("专栏五", "框", 2, kind="box"),
            Section("", "无号", 2),
        ]),
        Section("第二部分", "附则", 1),
    ])
    got = [(label, depth) for _, label, depth in numbered(plan)]
    assert got == [("一、", 1), ("1.", 2), ("2.", 2), ("二、", 1), ("（1）", 2), ("专栏一", 2), ("（一）", 2),
                   ("第一部分", 1)]


def test_box_numbers_run_through_the_document() -> None:
    plan = Plan("规划", sections=[
        Section("一、", "甲", 1, children=[Section("专栏", "a", 2, kind="box")]),
        Section("二、", "乙", 1, children=[Section("专栏九", "b", 2, kind="box")]),
    ])
    assert [label for s, label, _ in numbered(plan) if s.kind == "box"] == ["专栏一", "专栏二"]


def test_format_label_forms() -> None:
    assert [format_label(s, 12) for s in ("cn", "pcn", "num", "pnum", "box")] == [
        "十二、", "（十二）", "12.", "（12）", "专栏十二"]
    assert format_label("circ", 3) == "③" and format_label("part", 2, part_word="章") == "第二章"
