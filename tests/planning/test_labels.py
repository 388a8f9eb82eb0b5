from __future__ import annotations

import pytest

from planning.parse.labels import label_at_start, labels_in


@pytest.mark.parametrize(
    ("text", "style", "number", "printed"),
    [
        ("第三部分 建设目标", "part", 3, "第三部分"),
        ("第二章 总体要求", "part", 2, "第二章"),
        ("第十二节 保障措施", "sec", 12, "第十二节"),
        ("一、发展基础", "cn", 1, "一、"),
        ("十二、附则", "cn", 12, "十二、"),
        ("（十一）全面提升能力", "pcn", 11, "（十一）"),
        ("(二) 基本原则", "pcn", 2, "(二)"),
        ("1.加快网络建设", "num", 1, "1."),
        ("１．加快网络建设", "num", 1, "１．"),
        ("2、 推进共享", "num", 2, "2、"),
        ("（3）强化安全", "pnum", 3, "（3）"),
        ("③提升服务", "circ", 3, "③"),
        ("专栏十三 网络安全工程", "box", 13, "专栏十三"),
        ("专栏 数字乡村", "box", None, "专栏"),
    ],
)
def test_label_at_start_reads_style_number_and_printed_label(text: str, style: str, number: int | None,
                                                             printed: str) -> None:
    label = label_at_start(text)
    assert label is not None
    assert (label.style, label.number, label.text) == (style, number, printed)


@pytest.mark.parametrize("text", ["2015年全省", "1.5亿元", "统筹规划", "第一次会议", ""])
def test_no_label(text: str) -> None:
    assert label_at_start(text) is None


def test_labels_in_a_run_of_text_skips_numbers_inside_decimals_and_years() -> None:
    found = labels_in("投资2.5亿元。2、推进应用，2015、2016年两年")
    assert [(lb.style, lb.number) for lb in found] == [("num", 2)]
