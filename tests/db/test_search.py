from __future__ import annotations

import json

import pytest

from db.library import Library
from db.search.fts5 import fts_query
from db.search.tokens import BREAK, is_cjk
from planning.model import Plan, Section
from tests.db.rows import brute_force
from tests.db.sample_plan import make_plan


@pytest.fixture
def three_plans(library: Library) -> dict[str, int]:
    return {
        "yunhe14": library.add_plan(make_plan(), content_hash="a", source_path=None, source_format=None),
        "yunhe13": library.add_plan(
            make_plan(title="云河市“十三五”信息化规划", period="十三五", start=2016, end=2020),
            content_hash="b",
            source_path=None,
            source_format=None,
        ),
        "qingshi14": library.add_plan(
            make_plan(title="青石县“十四五”信息化规划", region="青石县"),
            content_hash="c",
            source_path=None,
            source_format=None,
        ),
    }


def cjk_substrings(plan: Plan, n: int) -> set[str]:
    found: set[str] = set()
    for _, s in plan.walk():
        for source in (s.label, s.title, s.text):
            for i in range(len(source) - n + 1):
                piece = source[i : i + n]
                if all(is_cjk(c) for c in piece):
                    found.add(piece)
    return found


@pytest.mark.parametrize(("term", "n"), [("政务", 2), ("窗", 1), ("政务云", 3), ("城市运行管理", 6)])
def test_finds_terms_of_any_length(
    library: Library, three_plans: dict[str, int], term: str, n: int
) -> None:
    assert len(term) == n
    found = library.hits(term)
    assert found and found == brute_force(library, term)
    assert library.hit_count(term) == len(found)


def test_every_two_character_term_agrees_with_a_substring_scan(library: Library) -> None:
    plan = make_plan()
    # a CJK run that ends where the next starts must not make a phrase across the break
    plan.sections.append(Section("五、", "其他", 1, text="数据，据此。政务、务服"))
    library.add_plan(plan, content_hash="x", source_path=None, source_format=None)
    terms = cjk_substrings(plan, 2)
    assert "政务" in terms and len(terms) > 150
    for term in sorted(terms | {"据据", "务务", "不在", "数据此", "政务服"}):
        assert library.hits(term) == brute_force(library, term), term


@pytest.mark.parametrize("n", [1, 3, 4])
def test_other_lengths_agree_with_a_substring_scan(library: Library, n: int) -> None:
    plan = make_plan()
    library.add_plan(plan, content_hash="x", source_path=None, source_format=None)
    for term in sorted(cjk_substrings(plan, n)):
        assert library.hits(term) == brute_force(library, term), term


def test_ascii_words_ignore_case_and_full_width(library: Library, three_plans: dict[str, int]) -> None:
    found = library.hits("ipv6")
    assert len(found) == 3  # one section per plan
    assert library.hits("IPV6") == found == library.hits("ＩＰｖ６")
    assert library.hits("5G基站") == library.hits("5g")
    assert library.hits("ipv") == []  # whole words


def test_all_terms_must_match(library: Library, three_plans: dict[str, int]) -> None:
    both = set(brute_force(library, "政务")) & set(brute_force(library, "云平台"))
    assert library.hits("政务 云平台") == sorted(both) != []
    assert library.hits("政务\u3000云平台") == sorted(both)  # the ideographic space separates too


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "政务*",
        "AND",
        "OR NOT",
        "(",
        ")",
        "。，、！",
        "NEAR(政务",
        "-政务",
        "^",
        ":",
        "title:政务",
        "{title}",
        "'",
        "\\",
        "+",
        "政务 OR",
        "   ",
    ],
)
def test_operators_and_punctuation_never_raise(
    library: Library, three_plans: dict[str, int], query: str
) -> None:
    library.hits(query)
    library.hit_count(query)
    library.search(query)


@pytest.mark.parametrize("query", ["", "   ", "。，、！", '"*"', "()", "——", "+-^:"])
def test_nothing_searchable_finds_nothing(library: Library, three_plans: dict[str, int], query: str) -> None:
    assert fts_query(query) is None
    assert library.search(query) == [] and library.hits(query) == [] and library.hit_count(query) == 0


def test_quotes_and_operators_are_plain_text(library: Library, three_plans: dict[str, int]) -> None:
    assert library.hits('"政务"') == library.hits("政务")
    assert library.hits("政务*") == library.hits("政务")
    assert library.hits("NOT") == []  # the word "not", not an operator


def test_filters_by_region_and_period(library: Library, three_plans: dict[str, int]) -> None:
    def plans_of(**filters: str) -> set[int]:
        return {hit.plan_id for hit in library.search("政务", limit=100, **filters)}

    assert plans_of() == set(three_plans.values())
    assert plans_of(region="云河市") == {three_plans["yunhe14"], three_plans["yunhe13"]}
    assert plans_of(period="十四五") == {three_plans["yunhe14"], three_plans["qingshi14"]}
    assert plans_of(region="云河市", period="十三五") == {three_plans["yunhe13"]}
    assert plans_of(region="无此地") == set()
    assert library.hit_count("政务", region="青石县") == len(library.hits("政务", region="青石县")) > 0
    assert library.hit_count("政务") == 3 * library.hit_count("政务", region="青石县")


def test_a_title_match_ranks_first(library: Library) -> None:
    plan = Plan(
        title="排序测试",
        sections=[
            Section("一、", "总体思路", 1, text="推动政务数据共享，提升政务服务水平，优化政务流程。"),
            Section("二、", "数据共享", 1, text="建立目录。"),
            Section("三、", "其他", 1, text="数据共享和数据开放。"),
        ],
    )
    library.add_plan(plan, content_hash="rank", source_path=None, source_format=None)
    hits = library.search("数据共享")
    assert [h.section_title for h in hits] == ["数据共享", "其他", "总体思路"]
    assert hits[0].rank <= hits[1].rank <= hits[2].rank


def test_hit_fields_and_snippet(library: Library, three_plans: dict[str, int]) -> None:
    hits = library.search("城市运行管理", region="云河市", period="十四五")
    assert len(hits) == 1
    hit = hits[0]
    assert hit.plan_id == three_plans["yunhe14"]
    assert hit.plan_title == "云河市“十四五”信息化发展规划"
    assert (hit.region, hit.period) == ("云河市", "十四五")
    assert hit.section_path == "三、/专栏1"
    assert hit.section_title == "智慧城市重点工程"
    assert "【城市运行管理】" in hit.snippet
    assert [hit.excerpt[s:e] for s, e in hit.snippet_spans] == ["城市运行管理"]
    assert "\n" not in hit.snippet
    d = hit.to_dict()
    assert d["snippet_spans"] == [list(span) for span in hit.snippet_spans]
    json.dumps(d, ensure_ascii=False)


def test_snippet_is_a_window_with_cut_marks(library: Library) -> None:
    text = "前文" * 40 + "政务服务" + "后文" * 40
    plan = Plan(title="长文", sections=[Section("一、", "长段落", 1, text=text)])
    library.add_plan(plan, content_hash="long", source_path=None, source_format=None)
    (hit,) = library.search("政务服务")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "【政务服务】" in hit.snippet
    assert 55 <= len(hit.excerpt) <= 65


def test_limit(library: Library, three_plans: dict[str, int]) -> None:
    assert len(library.search("政务", limit=2)) == 2
    assert library.search("政务", limit=0) == []


def test_query_translation() -> None:
    assert fts_query("政务服务") == '("政" + "务" + "服" + "务")'
    assert fts_query("政") == '("政")'
    assert fts_query("IPv6 政务") == '("ipv6") AND ("政" + "务")'
    assert fts_query("5G网") == '("5g" + "网")'
    assert fts_query("网络5G") == '("网" + "络" + "5g")'
    assert fts_query('政务"OR"') == f'("政" + "务" + "{BREAK}" + "or")'
