"""What the five real seed plans must give (read from ../shared/seeds at test time)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from planning.model import Plan
from planning.parse.plan_parser import parse_document
from planning.readers.blocks import Document, Paragraph
from tests.conftest import seed_path


def parse_seed(number: str) -> Plan:
    path: Path = seed_path(number)
    text = path.read_text(encoding="utf-8")
    blocks = [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]
    return parse_document(Document(str(path), "text", blocks))


def titles(plan: Plan) -> list[str]:
    return [s.title for s in plan.sections]


def test_000_jiangxi_11th_single_line_plan() -> None:
    plan = parse_seed("000")
    assert plan.region is not None and (plan.region.name, plan.region.level) == ("江西省", "省")
    assert plan.period is not None and (plan.period.name, plan.period.start, plan.period.end) == ("十一五", 2006, 2010)
    assert [s.label for s in plan.sections] == ["一、", "二、", "三、", "四、"]
    top = titles(plan)
    assert "发展基础" in top[0]
    assert "指导思想" in top[1] and "原则" in top[1] and "目标" in top[1]
    assert "主要任务" in top[2]
    assert "保障措施" in top[3]
    tasks = plan.sections[2]
    assert [c.label for c in tasks.children] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    # "统一、快速调度指挥" sits inside a sentence: not a heading, and its text is kept.
    all_titles = [s.title for _, s in plan.walk()]
    assert not any(t.startswith("快速调度指挥") for t in all_titles)
    assert any("统一、快速调度指挥" in s.text for _, s in plan.walk())


def test_000_run_in_headings_keep_their_body_text() -> None:
    plan = parse_seed("000")
    first = plan.sections[0].children[0]
    assert (first.label, first.title) == ("1、", "政务信息化取得重大进展")
    assert first.text.startswith("覆盖省市县三级")


def test_001_jiangxi_13th_notice_toc_boxes_and_indicators() -> None:
    plan = parse_seed("001")
    assert plan.region is not None and plan.region.name == "江西省"
    assert plan.period is not None and plan.period.name == "十三五"
    assert plan.doc_number == "赣工信信推字〔2016〕497号"
    assert plan.date == "2016-10-20"
    assert plan.issuers == ["江西省工信委", "江西省发改委"]
    # four top-level sections, not the eight lines of its 目录, nor the table's category rows
    assert [s.label for s in plan.sections] == ["一、", "二、", "三、", "四、"]
    assert titles(plan)[3] == "保障措施"  # the body's title, not the TOC's 实施对策与保障措施
    tasks = plan.sections[2]
    subsections = [c for c in tasks.children if c.kind == "section"]
    assert len(subsections) == 12
    boxes = [s for _, s in plan.walk() if s.kind == "box"]
    assert len(boxes) == 13
    assert all(b.label.startswith("专栏") for b in boxes)
    assert boxes[0].title.endswith("江西工程") and len(boxes[0].children) == 4


def test_001_indicator_table() -> None:
    plan = parse_seed("001")
    assert len(plan.indicator_tables) == 1
    table = plan.indicator_tables[0]
    assert table.caption is not None and "主要指标" in table.caption
    assert table.columns == ["指标", "2015年", "2020年", "年均增长", "指标类型"]
    assert [c.name for c in table.categories] == ["信息基础设施", "经济领域信息化", "社会领域信息化", "信息安全领域信息化"]
    indicators = list(table.indicators())
    assert len(indicators) == 41
    assert Counter(i.attribute for i in indicators) == {"预期性": 35, "约束性": 6}
    first = indicators[0]
    assert (first.name, first.unit, first.base.value, first.base.year, first.target.value, first.target.year) == (
        "行政村光缆通达率", "%", 45, 2015, 100, 2020)
    assert (first.growth_text, first.growth) == ("11", 11.0)
    mbps = next(i for i in indicators if i.name == "城市固定宽带用户网络接入能力")
    assert (mbps.unit, mbps.target.qualifier, mbps.target.value) == ("Mbps", "≥", 100)
    households = next(i for i in indicators if i.name == "固定宽带家庭用户数")
    assert households.unit == "万户"
    no_base = next(i for i in indicators if i.name.startswith("规模以上工业企业设计数字化率"))
    assert no_base.base.value is None and no_base.growth is None  # '-' is no value, not zero
    assert (no_base.target.qualifier, no_base.target.value) == ("＞", 95)


def test_002_jiangsu_key_projects() -> None:
    plan = parse_seed("002")
    assert plan.region is not None and plan.region.name == "江苏省"
    assert plan.period is not None and plan.period.name == "十二五"
    assert len(plan.projects) == 20
    names = [p.name for p in plan.projects]
    assert names[0] == "省级两化融合应用示范工程"  # joined across its two lines
    assert "传统产业与主导产业智能改造工程" in names
    assert all(p.goal and p.basis for p in plan.projects)
    assert any("\n" in (p.goal or "") for p in plan.projects)  # a project with two goal paragraphs
    # the closing block (主题词, 抄送) is metadata, not a project
    assert not any("主题词" in (p.basis or "") or "抄送" in (p.basis or "") for p in plan.projects)
    assert plan.closing.startswith("主题词")


def test_003_jilin_12th() -> None:
    plan = parse_seed("003")
    assert plan.region is not None and (plan.region.name, plan.region.level) == ("吉林省", "省")
    assert plan.period is not None and plan.period.name == "十二五"
    assert plan.doc_number == "吉政办发〔2012〕14号"  # full-width digits normalized
    assert plan.date == "2012-01-29"  # 二○一二年一月二十九日
    assert plan.issuers == ["吉林省人民政府办公厅"]
    assert len(plan.sections) == 6
    key = plan.sections[4]
    assert "重点工程" in key.title and len(key.children) == 7
    groups = list(dict.fromkeys(p.group for p in plan.projects))
    assert len(groups) == 7 and groups[0] == "两化融合推进工程"
    assert plan.attachments == ["规划涉及的名词解释", "重点工程工作分工表", "目标任务分解考核表"]
    terms = [g.term for g in plan.glossary]
    # The seed's glossary prints 15 term：definition lines (the issue text says 14; we count what is there).
    assert len(terms) >= 14
    assert terms[:3] == ["ＲＦＩＤ", "物联网", "云计算"]
    assert all(g.definition for g in plan.glossary)


def test_004_nanchang_span_and_parts() -> None:
    plan = parse_seed("004")
    assert plan.region is not None and (plan.region.name, plan.region.level) == ("南昌市", "市")
    assert plan.period is not None and (plan.period.name, plan.period.start, plan.period.end) == ("2009–2020", 2009, 2020)
    assert plan.source is not None and plan.source.startswith("来源")
    assert [s.label for s in plan.sections] == [f"第{n}部分" for n in "一二三四五六"]


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_no_text_is_lost(number: str) -> None:
    """Every character of the seed's body ends up somewhere in the model (headings, text, tables)."""
    plan = parse_seed(number)
    kept = "".join(
        [plan.title, plan.notice, plan.preamble, plan.closing]
        + [s.label + s.title + s.text for _, s in plan.walk()]
        + [" ".join([t.caption or "", *t.columns, *t.notes, *(c.name or "" for c in t.categories)])
           for t in plan.indicator_tables]
        + [i.name for t in plan.indicator_tables for i in t.indicators()]
        + [(p.name + (p.goal or "") + (p.basis or "")) for p in plan.projects]
        + [g.term + g.definition for g in plan.glossary]
    )
    lines = seed_path(number).read_text(encoding="utf-8").splitlines()
    if "目　录" in lines:  # a table of contents is regenerated, never kept: leave it out of the count
        start = lines.index("目　录")
        end = next(i for i in range(start + 1, len(lines)) if len(lines[i]) > 60)
        lines = lines[:start] + lines[end:]
    source = "\n".join(lines)
    source_chars = Counter(ch for ch in source if "\u4e00" <= ch <= "\u9fff")
    kept_chars = Counter(ch for ch in kept if "\u4e00" <= ch <= "\u9fff")
    missing = sum((source_chars - kept_chars).values())
    assert missing / max(1, sum(source_chars.values())) < 0.01
