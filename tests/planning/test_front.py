from __future__ import annotations

import pytest

from planning.parse.front import normalize_doc_number, parse_date, read_front


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("吉政办发〔２０１２〕１４号", "吉政办发〔2012〕14号"),
        ("青政发[2021]7号", "青政发〔2021〕7号"),
        ("某办字【2019】008号", "某办字〔2019〕8号"),
        ("没有文号的一行", None),
    ],
)
def test_doc_numbers_are_normalized(text: str, expected: str | None) -> None:
    assert normalize_doc_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二○一二年一月二十九日", "2012-01-29"),
        ("二〇二一年十二月三十一日", "2021-12-31"),
        ("2016年10月20日", "2016-10-20"),
        ("２０２０年３月５日", "2020-03-05"),
        ("2016年13月20日", None),
    ],
)
def test_dates_become_iso(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_notice_block_gives_issuers_number_and_date() -> None:
    lines = [
        "北岭市“十四五”信息化规划",
        "北岭市发展和改革委员会　　北岭市工业和信息化局",
        "关于印发北岭市“十四五”信息化规划的通知",
        "北发改〔2021〕３号",
        "各区人民政府：",
        "现将规划印发给你们，请认真贯彻执行。",
        "北岭市发改委　北岭市工信局",
        "2021年4月2日",
        "北岭市“十四五”信息化规划",
        "正文第一段。",
    ]
    front = read_front(lines)
    assert front.body_start == 9
    assert front.doc_number == "北发改〔2021〕3号"
    assert front.date == "2021-04-02"
    assert front.issuers == ["北岭市发改委", "北岭市工信局"]
    assert "各区人民政府：" in front.notice


def test_source_line_of_a_web_page() -> None:
    front = read_front(["某市数字经济规划", "来源:某市政府网 更新时间:2020-01-02", "正文"])
    assert front.source == "来源:某市政府网 更新时间:2020-01-02"
    assert front.body_start == 2
