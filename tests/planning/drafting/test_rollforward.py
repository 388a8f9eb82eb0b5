"""Roll-forward, one rule at a time, then seed 001's 保障措施 with every replacement listed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planning.drafting.outline import find_sections
from planning.drafting.rollforward import Replacement, apply, infer_from_period, roll_forward, roll_section
from planning.errors import PlanDeskError
from planning.ingest import parse_file
from planning.model import Section
from tests.conftest import seed_path


def changes(text: str, to: str = "十四五", frm: str | None = "十三五") -> list[tuple[str, str, str]]:
    result = roll_forward(text, to_period=to, from_period=frm)
    return [(r.rule, r.before, r.after) for r in result.replacements]


def rolled(text: str, to: str = "十四五", frm: str | None = "十三五") -> str:
    return roll_forward(text, to_period=to, from_period=frm).text


# --- period names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("frm", "to"), [("十一五", "十二五"), ("十二五", "十三五"), ("十三五", "十四五"),
                                         ("十四五", "十五五")])
def test_period_name_chain(frm: str, to: str) -> None:
    assert changes(f"“{frm}”规划", to, frm) == [("period-name", frm, to)]


def test_period_name_forms() -> None:
    text = "“十三五”期间，“十三五”末，“十三五”时期，十三五规划。"
    assert rolled(text) == "“十四五”期间，“十四五”末，“十四五”时期，十四五规划。"
    assert {r for r, _, _ in changes(text)} == {"period-name"}


def test_earlier_periods_shift_by_the_same_step() -> None:
    # The previous period of a 十三五 text is 十二五; in the 十四五 text it is 十三五.
    assert rolled("“十二五”时期的成绩为“十三五”打下基础") == "“十三五”时期的成绩为“十四五”打下基础"


def test_two_periods_ahead() -> None:
    assert rolled("“十二五”末，到2015年", "十四五", "十二五") == "“十四五”末，到2025年"


def test_fifteen_and_other_numerals_are_not_periods() -> None:
    assert changes("十五年来，共二十五个，十五个项目，三十五家") == []


def test_period_ordinal() -> None:
    assert changes("编制第十三个五年信息化规划") == [("period-ordinal", "第十三个五年", "第十四个五年")]


# --- years ----------------------------------------------------------------------------------------


def test_end_year() -> None:
    assert changes("2020年全省电子商务交易额") == [("end-year", "2020年", "2025年")]


def test_base_year() -> None:
    assert changes("2015年，全省光缆总长") == [("base-year", "2015年", "2020年")]
    assert changes("截至2015年底") == [("base-year", "截至2015年", "截至2020年")]


def test_target_year() -> None:
    assert changes("到2020年，建成一批示范") == [("target-year", "到2020年", "到2025年")]
    assert rolled("力争到2020年实现") == "力争到2025年实现"


@pytest.mark.parametrize(("before", "after"), [
    ("2016—2020年", "2021—2025年"),
    ("2016-2020年", "2021-2025年"),
    ("2016-2020", "2021-2025"),
    ("2016年至2020年", "2021年至2025年"),
    ("2015～2020年", "2020～2025年"),
])
def test_year_span(before: str, after: str) -> None:
    assert changes(f"发展规划（{before}）") == [("year-span", before, after)]


def test_full_width_years_keep_their_width() -> None:
    assert rolled("到２０１５年，", "十三五", "十二五") == "到２０２０年，"


def test_years_outside_the_period_are_history() -> None:
    assert changes("2010年以来，1998年起") == []
    assert roll_forward("2010年以来", to_period="十四五", from_period="十三五").flagged == []


def test_year_inside_the_old_period_is_flagged() -> None:
    result = roll_forward("2018年完成一期工程", to_period="十四五", from_period="十三五")
    assert result.replacements == [] and result.text == "2018年完成一期工程"
    assert [f.text for f in result.flagged] == ["2018年"]


# --- what never changes ---------------------------------------------------------------------------


def test_counts_and_amounts_untouched() -> None:
    text = "全省有2000多家企业，完成1200余项，投资2020万元，共2015个站点"
    assert changes(text) == [] and rolled(text) == text


def test_technology_names_untouched() -> None:
    text = "推进3G/4G网络、IPv6规模部署和5G商用"
    assert changes(text) == [] and rolled(text) == text


@pytest.mark.parametrize("number", ["国发〔2010〕32号", "国办发[2015]51号", "赣府发【2020】3号",
                                    "工信部（2020）12号", "国发〔2020〕7号"])
def test_document_numbers_untouched(number: str) -> None:
    text = f"根据{number}文件精神"
    assert rolled(text) == text


def test_dates_of_cited_documents_untouched() -> None:
    text = "2016年10月20日印发"
    assert rolled(text) == text
    result = roll_forward("2020年3月1日起施行", to_period="十四五", from_period="十三五")
    assert result.text == "2020年3月1日起施行"
    assert [f.text for f in result.flagged] == ["2020年3月"]


def test_years_in_cited_titles_untouched() -> None:
    text = "依据《2006－2020年国家信息化发展战略》和《中国制造2025》"
    assert changes(text) == [] and rolled(text) == text


def test_period_in_cited_title_is_flagged_not_changed() -> None:
    result = roll_forward("落实《“十三五”国家信息化规划》", to_period="十四五", from_period="十三五")
    assert result.replacements == []
    assert [(f.text, f.start) for f in result.flagged] == [("十三五", 4)]


def test_years_in_parenthesised_citations_untouched() -> None:
    text = "《关于推进工作的意见》（2020年修订版）"
    assert rolled(text) == text
    text = "（国务院2015年印发）"
    assert rolled(text) == text


def test_year_near_a_citation_verb_is_flagged() -> None:
    result = roll_forward("2015年，国务院印发了相关意见；2015年，全省完成", to_period="十四五",
                          from_period="十三五")
    assert [(r.start, r.after) for r in result.replacements] == [(17, "2020年")]
    assert [(f.start, f.text) for f in result.flagged] == [(0, "2015年")]


# --- inference, apply, errors ---------------------------------------------------------------------


def test_from_period_inferred_from_the_most_frequent_earlier_period() -> None:
    assert infer_from_period("十三五 十三五 十二五 十五五", "十四五") == "十三五"
    assert infer_from_period("到2020年", "十四五") == "十三五"  # none named: the one just before
    assert roll_forward("“十三五”末，到2020年", to_period="十四五").text == "“十四五”末，到2025年"


def test_apply_only_the_accepted() -> None:
    text = "“十三五”末，到2020年，2015年"
    result = roll_forward(text, to_period="十四五")
    assert len(result.replacements) == 3
    assert apply(text, result.replacements, accepted={0, 2}) == "“十四五”末，到2020年，2020年"
    assert apply(text, result.replacements, accepted=[]) == text
    assert apply(text, result.replacements) == result.text
    for r in result.replacements:
        assert text[r.start:r.end] == r.before


def test_apply_refuses_overlaps() -> None:
    with pytest.raises(PlanDeskError):
        apply("abcdef", [Replacement(0, 3, "abc", "x", "r"), Replacement(2, 4, "cd", "y", "r")])


@pytest.mark.parametrize(("to", "frm"), [("十四", None), ("十三五", "十四五"), ("十四五", "十四五"), ("十四五", "2020")])
def test_bad_periods(to: str, frm: str | None) -> None:
    with pytest.raises(PlanDeskError) as err:
        roll_forward("十三五", to_period=to, from_period=frm)
    assert err.value.zh and err.value.en


def test_to_dict_contract() -> None:
    d = roll_forward("“十三五”末，2018年", to_period="十四五").to_dict()
    assert set(d) == {"text", "replacements", "flagged"}
    assert set(d["replacements"][0]) == {"start", "end", "before", "after", "rule"}
    assert set(d["flagged"][0]) == {"start", "end", "text", "why"}


def test_roll_section_copies_and_reports_each_field() -> None:
    section = Section("四、", "“十三五”保障措施", 1, children=[
        Section("（一）", "组织领导", 2, text="到2020年，建立机制。"),
        Section("（二）", "资金", 2, text="投入1200万元。"),
    ])
    copy, results = roll_section(section, to_period="十四五")
    assert section.title == "“十三五”保障措施" and section.children[0].text == "到2020年，建立机制。"
    assert copy.title == "“十四五”保障措施" and copy.children[0].text == "到2025年，建立机制。"
    assert [(path, field) for path, field, _ in results] == [(("四、",), "title"), (("四、", "（一）"), "text")]


# --- seed 001 -------------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def test_seed_001_safeguards_rolled_to_14th() -> None:
    plan, _ = parse_file(seed_path("001"))
    (path, section), = find_sections(plan, "保障措施")
    copy, results = roll_section(section, to_period="十四五")
    listed = [(p, field, r.rule, r.before, r.after) for p, field, result in results for r in result.replacements]
    assert listed == [
        (("四、", "（五）"), "text", "period-name", "十三五", "十四五"),
        (("四、", "（五）"), "text", "period-name", "十三五", "十四五"),
    ]
    assert all(not result.flagged for _, _, result in results)
    # No other number touched: every number of the original text is still there, in order.
    for (_, before), (_, after) in zip(section.walk(), copy.walk(), strict=True):
        assert _NUMBER.findall(after.text) == _NUMBER.findall(before.text)
        assert after.text.replace("十四五", "十三五") == before.text


def test_seed_001_whole_text_years_move_by_five() -> None:
    text = seed_path("001").read_text(encoding="utf-8")
    result = roll_forward(text, to_period="十四五")
    rules = {r.rule for r in result.replacements}
    assert rules <= {"period-name", "period-ordinal", "end-year", "base-year", "target-year", "year-span"}
    for r in result.replacements:
        assert text[r.start:r.end] == r.before
        if r.rule == "period-name":
            assert (r.before, r.after) in {("十三五", "十四五"), ("十二五", "十三五")}
        else:
            years_before = [int(y) for y in re.findall(r"\d{4}", r.before)]
            years_after = [int(y) for y in re.findall(r"\d{4}", r.after)]
            assert years_after == [y + 5 for y in years_before]
    # Numbers that are not period years are all still there.
    def others(t: str) -> list[str]:
        return [n for n in _NUMBER.findall(t) if n not in {"2015", "2020", "2025"}]
    assert others(result.text) == others(text)


# -- properties ----------------------------------------------------------------------------------
_PIECES = ["十三五", "十二五", "“十三五”期间", "2020年", "2015年", "2016—2020年", "到2020年", "《", "》", "〔2016〕",
           "12号", "（", "）", "印发", "2000多家", "IPv6", "3G/4G", "。", "，", "信息化", "发展", "2018年3月"]


@settings(max_examples=200, deadline=1000)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_roll_forward_offsets_always_rebuild_its_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    result = roll_forward(text, to_period="十四五", from_period="十三五")
    assert apply(text, result.replacements) == result.text
    assert apply(text, result.replacements, accepted=[]) == text  # refusing every change keeps the text
    for r in result.replacements:
        assert text[r.start:r.end] == r.before
