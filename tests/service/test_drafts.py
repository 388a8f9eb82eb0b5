"""Drafting over the library: new drafts, reused sections rolled forward, carried and entered indicators.

The plans here are fictional (our own text); the seed-plan scenario is in test_recipe.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.library import Library
from planning.drafting.reuse import Proposal
from planning.errors import PlanDeskError
from planning.model import (
    Indicator,
    IndicatorCategory,
    IndicatorTable,
    Period,
    Plan,
    Region,
    Section,
    Value,
)
from service.drafts import carry_indicators, new_draft, reuse_section, set_indicator

SAFEGUARD_1 = "成立“十三五”信息化工作领导小组，到2020年建成统筹协调机制。"
SAFEGUARD_2 = "以2015年为基数，每年安排资金不少于3000万元，落实《关于加强信息化建设的意见》（云政发〔2016〕12号）。"


def previous_plan() -> Plan:
    """云河市's 十三五 plan, written for these tests."""
    table = IndicatorTable(
        caption="云河市“十三五”信息化主要指标",
        columns=["指标", "2015年", "2020年", "年均增长", "指标类型"],
        categories=[
            IndicatorCategory("基础设施", [
                Indicator("光纤入户率", "%", Value(40, 2015, None, "40"), Value(90, 2020, None, "90"), "10", 10,
                          "预期性"),
                Indicator("固定宽带用户数", "万户", Value(100, 2015, None, "100"), Value(150, 2020, None, "150"),
                          "8.4", 8.4, "预期性"),
            ]),
            IndicatorCategory("数字政府", [
                Indicator("政务服务网上可办率", "%", Value(None, 2015, None, "-"), Value(95, 2020, "≥", "≥95"),
                          None, None, "约束性"),
            ]),
        ],
    )
    return Plan(
        title="云河市“十三五”信息化发展规划",
        region=Region("云河市", "市"),
        period=Period("十三五", 2016, 2020),
        sections=[
            Section("一、", "发展基础", 1, text="“十二五”期间，全市建成政务外网。"),
            Section("二、", "保障措施", 1, children=[
                Section("（一）", "加强组织领导", 2, text=SAFEGUARD_1),
                Section("（二）", "强化资金保障", 2, text=SAFEGUARD_2),
            ]),
        ],
        indicator_tables=[table],
    )


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        yield lib


@pytest.fixture
def source_id(library: Library) -> int:
    return library.add_plan(previous_plan(), content_hash="yunhe-13")


def dump(library: Library) -> list[str]:
    conn = sqlite3.connect(library.path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


# -- new drafts -----------------------------------------------------------------------------------


def test_new_draft_from_region_and_period(library: Library) -> None:
    draft_id = new_draft(library, region="江西省", period="十四五", skeleton=None, issuer="江西省人民政府",
                         date="2021-06-30")
    draft = library.get_plan(draft_id)
    assert draft.status == "draft"
    assert draft.title == "江西省“十四五”信息化发展规划"
    assert (draft.region and draft.region.name, draft.region and draft.region.level) == ("江西省", "省")
    assert draft.period == Period("十四五", 2021, 2025)
    assert (draft.issuers, draft.date) == (["江西省人民政府"], "2021-06-30")
    titles = [s.title for s in draft.sections]
    assert "保障措施" in titles and "总体要求" in titles  # the provincial skeleton
    assert [s.label for s in draft.sections][:3] == ["一、", "二、", "三、"]
    everything = "\n".join(s.title + s.text for _, s in draft.walk())
    assert "2020年" in everything and "{{" not in everything  # base year filled in, no raw template left


def test_a_city_gets_the_city_skeleton(library: Library) -> None:
    province = library.get_plan(new_draft(library, region="江西省", period="十四五", skeleton=None))
    city = library.get_plan(new_draft(library, region="南昌市", period="十四五", skeleton=None))
    assert city.region is not None and city.region.level == "市"
    assert city.title == "南昌市“十四五”信息化发展规划"
    province_outline = [(s.title, s.text) for _, s in province.walk()]
    city_outline = [(s.title, s.text) for _, s in city.walk()]
    assert city_outline != province_outline
    assert any("南昌市" in text for _, text in city_outline)


def test_new_draft_from_the_previous_plan_carries_its_indicators(library: Library, source_id: int) -> None:
    draft = library.get_plan(new_draft(library, region="云河市", period="十四五", skeleton=None, from_plan=source_id))
    (table,) = draft.indicator_tables
    rows = list(table.indicators())
    assert [r.name for r in rows] == ["光纤入户率", "固定宽带用户数", "政务服务网上可办率"]
    assert [r.reference for r in rows] == [
        Value(90, 2020, None, "90"), Value(150, 2020, None, "150"), Value(95, 2020, "≥", "≥95")
    ]
    assert all((r.base.year, r.target.year, r.base.value, r.target.value) == (2020, 2025, None, None) for r in rows)
    assert [c.name for c in table.categories] == ["基础设施", "数字政府"]
    assert "十四五" in (table.caption or "")


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"region": "江西省", "period": "十四"}, "十四"),
        ({"region": "？？", "period": "十四五"}, "？？"),
        ({"region": "江西省", "period": "十四五", "date": "2021年6月"}, "2021年6月"),
        ({"region": "江西省", "period": "十四五", "skeleton": "no_such_skeleton"}, "no_such_skeleton"),
        ({"region": "江西省", "period": "十四五", "from_plan": 404}, "404"),
    ],
)
def test_bad_input_to_new_draft_is_a_clear_error_and_stores_nothing(
    library: Library, kwargs: dict[str, object], says: str
) -> None:
    before = dump(library)
    with pytest.raises(PlanDeskError) as e:
        new_draft(library, **{"skeleton": None, **kwargs})  # type: ignore[arg-type]
    assert says in e.value.zh
    assert dump(library) == before


# -- reusing sections -----------------------------------------------------------------------------


@pytest.fixture
def draft_id(library: Library) -> int:
    return new_draft(library, region="云河市", period="十四五", skeleton=None)


def test_reuse_rolls_the_period_forward_and_takes_the_skeletons_place(
    library: Library, source_id: int, draft_id: int
) -> None:
    skeleton = library.get_plan(draft_id)
    at = next(i for i, s in enumerate(skeleton.sections) if s.title == "保障措施")

    result = reuse_section(library, draft_id, source_id, "保障措施", accept_all=True)

    assert [(p.path, p.replacement.before, p.replacement.after) for p in result.proposals] == [
        (("二、", "（一）"), "十三五", "十四五"),
        (("二、", "（一）"), "到2020年", "到2025年"),
        (("二、", "（二）"), "2015年", "2020年"),
    ]
    assert all(result.accepted)
    draft = library.get_plan(draft_id)
    reused = draft.sections[at]
    assert (reused.label, reused.title) == (skeleton.sections[at].label, "保障措施")
    assert [c.text for c in reused.children] == [
        "成立“十四五”信息化工作领导小组，到2025年建成统筹协调机制。",
        # amounts and the cited document's number stay as printed
        "以2020年为基数，每年安排资金不少于3000万元，落实《关于加强信息化建设的意见》（云政发〔2016〕12号）。",
    ]
    assert len(draft.sections) == len(skeleton.sections)  # took the placeholder's place, nothing appended
    (backup,) = library.versions(draft_id)
    assert library.get_version(backup.id).to_dict() == skeleton.to_dict()  # what it replaced is kept
    assert library.get_plan(source_id).sections[1].children[0].text == SAFEGUARD_1  # the source is untouched
    assert library.hits("领导小组")  # the draft's new text is searchable


def test_reuse_applies_only_the_replacements_accepted(library: Library, source_id: int, draft_id: int) -> None:
    seen: list[Proposal] = []

    def only_period_names(p: Proposal) -> bool:
        seen.append(p)
        return p.replacement.rule.startswith("period")

    result = reuse_section(library, draft_id, source_id, "二、", accept=only_period_names)

    assert len(seen) == 3 and result.accepted == [True, False, False]
    left, right = seen[0].context()
    assert left.endswith("成立“") and right.startswith("”信息化")
    reused = next(s for s in library.get_plan(draft_id).sections if s.title == "保障措施")
    assert reused.children[0].text == "成立“十四五”信息化工作领导小组，到2020年建成统筹协调机制。"
    assert reused.children[1].text == SAFEGUARD_2


def test_reuse_with_no_decision_inserts_the_section_as_printed(
    library: Library, source_id: int, draft_id: int
) -> None:
    result = reuse_section(library, draft_id, source_id, "二、")
    assert len(result.proposals) == 3 and not any(result.accepted)
    reused = next(s for s in library.get_plan(draft_id).sections if s.title == "保障措施")
    assert [c.text for c in reused.children] == [SAFEGUARD_1, SAFEGUARD_2]


def test_a_subsection_goes_under_the_drafts_section_of_the_same_title(
    library: Library, source_id: int, draft_id: int
) -> None:
    before = library.get_plan(draft_id)
    at = next(i for i, s in enumerate(before.sections) if s.title == "保障措施")
    result = reuse_section(library, draft_id, source_id, "二、/（二）", accept_all=True)
    after = library.get_plan(draft_id).sections[at]
    assert result.placed_at == (at, len(before.sections[at].children))
    assert after.children[-1].title == "强化资金保障"
    assert after.children[-1].label == f"（{'一二三四五六七八九十'[len(after.children) - 1]}）"  # renumbered
    assert after.children[-1].level == 2


def test_a_section_with_no_matching_title_is_appended(library: Library, source_id: int, draft_id: int) -> None:
    before = library.get_plan(draft_id)
    reuse_section(library, draft_id, source_id, "一、", accept_all=True)
    after = library.get_plan(draft_id)
    assert len(after.sections) == len(before.sections) + 1
    assert after.sections[-1].title == "发展基础"
    assert after.sections[-1].text == "“十三五”期间，全市建成政务外网。"  # every period shifts by one


@pytest.mark.parametrize(
    ("spec", "says"),
    [("五、", "没有章节“五、”"), ("不存在的章节", "没有章节"), ("强", "二、/（一） 加强组织领导；二、/（二） 强化资金保障")],
)
def test_unknown_or_ambiguous_sections_are_errors_that_change_nothing(
    library: Library, source_id: int, draft_id: int, spec: str, says: str
) -> None:
    before = dump(library)
    with pytest.raises(PlanDeskError) as e:
        reuse_section(library, draft_id, source_id, spec, accept_all=True)
    assert says in e.value.zh  # an ambiguous one lists the candidates by label path
    assert dump(library) == before


def test_reuse_into_an_imported_plan_is_refused(library: Library, source_id: int) -> None:
    other = library.add_plan(previous_plan(), content_hash="again")
    with pytest.raises(PlanDeskError) as e:
        reuse_section(library, other, source_id, "二、", accept_all=True)
    assert "草稿" in e.value.zh


def test_a_section_of_the_same_period_goes_in_unrolled(library: Library, draft_id: int) -> None:
    same = previous_plan()
    same.period = Period("十四五", 2021, 2025)
    plan_id = library.add_plan(same, content_hash="same-period")
    result = reuse_section(library, draft_id, plan_id, "二、", accept_all=True)
    assert result.proposals == [] and result.from_period is None
    reused = next(s for s in library.get_plan(draft_id).sections if s.title == "保障措施")
    assert reused.children[0].text == SAFEGUARD_1


# -- indicators -----------------------------------------------------------------------------------


def test_carry_then_set_indicators(library: Library, source_id: int, draft_id: int) -> None:
    carried = carry_indicators(library, source_id, draft_id)
    assert carried.indicators == 3

    ind = set_indicator(library, draft_id, "固定宽带用户数", base="150", target="220")
    assert (ind.growth, ind.growth_text) == (8.0, "8.0")  # compound: (220/150)^(1/5) − 1
    ind = set_indicator(library, draft_id, "光纤", base=92, target=98)  # a unique part of the name
    assert (ind.method, ind.growth) == ("points", 1.2)
    ind = set_indicator(library, draft_id, "可办率", base="95", target="≥99")
    assert (ind.target.qualifier, ind.growth_text) == ("≥", "≥0.8")  # the qualifier carries through
    ind = set_indicator(library, draft_id, "固定宽带用户数", method="increment")
    assert (ind.growth, ind.growth_text) == (14.0, "14.0")  # 万户 a year

    stored = {i.name: i for i in library.get_plan(draft_id).indicator_tables[0].indicators()}
    assert stored["固定宽带用户数"].method == "increment"
    assert stored["固定宽带用户数"].base == Value(150, 2020, None, "150")
    assert stored["固定宽带用户数"].reference == Value(150, 2020, None, "150")  # the 十三五 target
    assert stored["光纤入户率"].target.value == 98


@pytest.mark.parametrize(
    ("name", "kwargs", "says"),
    [
        ("不存在", {"base": "1"}, "不存在"),
        ("率", {"base": "1"}, "多个"),
        ("光纤入户率", {"base": "很多"}, "很多"),
        ("光纤入户率", {"method": "geometric"}, "geometric"),
    ],
)
def test_set_indicator_errors_change_nothing(
    library: Library, source_id: int, draft_id: int, name: str, kwargs: dict[str, str], says: str
) -> None:
    carry_indicators(library, source_id, draft_id)
    before = dump(library)
    with pytest.raises(PlanDeskError) as e:
        set_indicator(library, draft_id, name, **kwargs)
    assert says in e.value.zh
    assert dump(library) == before


def test_carrying_the_same_table_twice_is_refused(library: Library, source_id: int, draft_id: int) -> None:
    carry_indicators(library, source_id, draft_id)
    set_indicator(library, draft_id, "光纤入户率", base="92")
    with pytest.raises(PlanDeskError) as e:
        carry_indicators(library, source_id, draft_id)
    assert "已有" in e.value.zh
    assert next(library.get_plan(draft_id).indicator_tables[0].indicators()).base.value == 92
