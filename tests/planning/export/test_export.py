"""export_plan / build_document: the document a user opens, the round trip, and the faults they can cause."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as s

from planning.export import ExportError, build_document, export_plan
from planning.export.export import reference_path
from planning.ingest import parse_file
from planning.model import (
    GlossaryEntry,
    Indicator,
    IndicatorCategory,
    IndicatorTable,
    Period,
    Plan,
    Project,
    Section,
    Value,
)
from tests.conftest import seed_path
from tests.planning.export.plans import linxi_plan
from tests.planning.export.roundtrip import structure

SEEDS = ("000", "001", "002", "003", "004")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _texts(document: docx.document.Document) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.element.body.iter(f"{W}p")]


def test_exported_plan_reads_back_as_the_same_plan(tmp_path: Path) -> None:
    plan = linxi_plan()
    out = tmp_path / "临溪.docx"
    result = export_plan(plan, out, paginate=False)
    back, _ = parse_file(out)
    assert structure(back) == structure(plan)
    assert result.path == out and result.headings == 7
    assert back.closing == plan.closing


@pytest.mark.parametrize("number", SEEDS)
def test_every_seed_survives_export_and_import(number: str, tmp_path: Path) -> None:
    plan, _ = parse_file(seed_path(number))
    out = tmp_path / f"{number}.docx"
    export_plan(plan, out, paginate=False)
    back, _ = parse_file(out)
    assert structure(back) == structure(plan)
    assert [s.text for _, s in back.walk() if not plan.indicator_tables] == \
        [s.text for _, s in plan.walk() if not plan.indicator_tables]  # table notes become text


def test_seed_labels_are_regenerated_in_gbt_form_and_sequence(tmp_path: Path) -> None:
    plan, _ = parse_file(seed_path("003"))  # printed with full-width digits: １.
    export_plan(plan, tmp_path / "003.docx", paginate=False)
    back, _ = parse_file(tmp_path / "003.docx")
    labels = {s.label for _, s in back.walk()}
    assert "1." in labels and "１." not in labels
    assert back.doc_number == "吉政办发〔2012〕14号" and back.date == "2012-01-29"
    assert "2012年1月29日" in back.notice  # dates in Arabic numerals


def test_headings_are_label_plus_title_in_heading_styles_with_tree_outline() -> None:
    document = build_document(linxi_plan(), toc=False)
    heads = [(p.style.name.lower(), p.text) for p in document.paragraphs if p.style.name.lower().startswith("heading")]
    assert heads[:4] == [("heading 1", "一、总体要求"), ("heading 2", "（一）发展目标"),
                         ("heading 1", "二、主要任务"), ("heading 2", "（一）夯实数字底座")]
    body = [p for p in document.paragraphs if p.text == "坚持统筹规划、集约建设。"][0]
    assert body.style.name == "Normal"  # the heading's font never spills into the next paragraph
    assert not any(r._r.find(qn("w:rPr")) is not None for p in document.paragraphs for r in p.runs)


def test_box_is_a_bordered_one_cell_table_with_its_items() -> None:
    document = build_document(linxi_plan(), toc=False)
    box = next(t for t in document.tables if t.style.name == "专栏框")
    assert len(box.rows) == 1 and len(box.columns) == 1
    lines = [p.text for p in box.cell(0, 0).paragraphs]
    assert lines[0] == "专栏一\u3000数字底座重点工程"
    assert "1.算力扩容" in lines


def test_indicator_table_has_caption_repeated_header_categories_and_qualifiers() -> None:
    document = build_document(linxi_plan(), toc=False)
    table = next(t for t in document.tables if t.style.name == "规划表格" and t.cell(0, 0).text == "指标")
    caption = table._tbl.getprevious()
    assert "".join(t.text for t in caption.iter(f"{W}t")) == "临溪市“十四五”数字政府主要指标"
    header = table.rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[1][0] == "一、基础设施"  # a category row spans the table
    assert rows[2] == ["千兆光网覆盖率（%）", "40", "≥95", "18.9", "预期性"]
    assert rows[3][1:4] == ["-", "＞80", "-"]
    assert table.cell(1, 0).paragraphs[0].style.name == "表格分类"


def test_dash_profile_prints_missing_values_as_em_dash() -> None:
    from dataclasses import replace

    from planning.export.profiles import GBT9704

    document = build_document(linxi_plan(), profile=replace(GBT9704, dash="emdash"), toc=False)
    table = next(t for t in document.tables if t.cell(0, 0).text == "指标")
    assert [c.text for c in table.rows[3].cells][1:4] == ["—", "＞80", "—"]


def test_page_setup_is_a4_with_gbt_margins_and_22_line_grid() -> None:
    document = build_document(linxi_plan())
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]
    grid = section._sectPr.find(f"{W}docGrid")
    assert int(grid.get(f"{W}linePitch")) * 22 <= round(225 / 25.4 * 1440)
    assert document.settings.odd_and_even_pages_header_footer


def test_footers_carry_page_fields_odd_right_even_left() -> None:
    section = build_document(linxi_plan()).sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert (odd.style.name, even.style.name) == ("页码（单页）", "页码（双页）")  # odd right, even left
    assert odd.alignment is None and odd.style.paragraph_format.alignment == 2  # right
    assert even.style.paragraph_format.alignment == 0  # left
    assert "PAGE" in "".join(i.text for i in odd._p.iter(f"{W}instrText")) and odd.text.startswith("— ") and odd.text.endswith(" —")


def test_toc_is_a_field_whose_cached_entries_list_the_headings() -> None:
    document = build_document(linxi_plan())
    sdt = document.element.body.find(f"{W}sdt")
    assert sdt.find(f".//{W}docPartGallery").get(f"{W}val") == "Table of Contents"
    instr = "".join(i.text for i in sdt.iter(f"{W}instrText"))
    assert 'TOC \\o "1-3"' in instr
    entries = [p for p in sdt.iter(f"{W}p") if p.find(f".//{W}hyperlink") is not None]
    texts = ["".join(t.text for t in p.find(f"{W}hyperlink").iter(f"{W}t")) for p in entries]
    assert texts[:3] == ["一、总体要求\t1", "（一）发展目标\t1", "二、主要任务\t1"] or texts[0].startswith("一、总体要求")
    anchors = {h.get(f"{W}anchor") for p in entries for h in p.iter(f"{W}hyperlink")}
    bookmarks = {b.get(f"{W}name") for b in document.element.body.iter(f"{W}bookmarkStart")}
    assert anchors <= bookmarks and len(entries) == 7


def test_no_toc_leaves_it_out() -> None:
    document = build_document(linxi_plan(), toc=False)
    assert document.element.body.find(f"{W}sdt") is None


def test_covering_notice_lines_get_their_gbt_styles() -> None:
    document = build_document(linxi_plan(), toc=False)
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["临政办发〔2021〕12号"] == "发文字号"
    assert styles["各区人民政府，市政府各部门："] == "主送机关"
    assert styles["2021年3月5日"] == "成文日期"
    assert styles["（此件公开发布）"] == "附注"
    assert styles["临溪市人民政府办公室"] in ("发文机关标志", "署名")


def test_glossary_attachment_and_closing_block() -> None:
    texts = _texts(build_document(linxi_plan(), toc=False))
    assert "附件：规划名词解释" in texts and "附件" in texts
    assert "政务云：为政务部门提供的云计算服务。" in texts
    assert texts[-1] == "临溪市人民政府办公室 2021年3月5日印发"


def test_styles_use_east_asian_fonts_and_no_theme_fonts() -> None:
    styles = build_document(linxi_plan()).styles
    xml = styles.element.xml
    assert "Theme=" not in xml and "asciiTheme" not in xml
    fonts = styles["heading 1"].element.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == "黑体" and fonts.get(f"{W}ascii") == "Times New Roman"
    assert styles["Normal"].element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
    assert styles["heading 2"].element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "楷体_GB2312"
    table_spacing = styles["表格"].element.find(f"{W}pPr/{W}spacing")
    assert table_spacing.get(f"{W}lineRule") == "auto"  # tables are not on the body's fixed pitch


def test_bundled_reference_holds_every_style() -> None:
    document = docx.Document(str(reference_path()))
    names = {s.name.lower() for s in document.styles}
    assert {"normal", "title", "heading 1", "heading 4", "toc 1", "toc 3", "表格", "专栏", "专栏框", "版记"} <= names


def test_users_reference_doc_overrides_fonts(tmp_path: Path) -> None:
    ref = docx.Document(str(reference_path()))
    fonts = ref.styles["Normal"].element.find(f"{W}rPr/{W}rFonts")
    fonts.set(f"{W}eastAsia", "宋体")
    ref.save(str(tmp_path / "mine.docx"))
    document = build_document(linxi_plan(), reference_doc=tmp_path / "mine.docx")
    assert document.styles["Normal"].element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "宋体"


def test_reference_doc_missing_styles_are_added(tmp_path: Path) -> None:
    docx.Document().save(str(tmp_path / "plain.docx"))
    document = build_document(linxi_plan(), reference_doc=tmp_path / "plain.docx")
    assert "专栏" in {s.name for s in document.styles}


@pytest.mark.parametrize("name,content", [("not.docx", b"hello"), ("x.txt", b"PK")])
def test_reference_doc_that_is_not_docx_is_one_clear_error(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ExportError, match="不是 .docx"):
        build_document(linxi_plan(), reference_doc=tmp_path / name)


def test_missing_output_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_plan(linxi_plan(), tmp_path / "nowhere" / "x.docx", paginate=False)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can write anywhere")
def test_read_only_folder_is_one_clear_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="not writable"):
            export_plan(linxi_plan(), tmp_path / "x.docx", paginate=False)
    finally:
        tmp_path.chmod(0o700)


def test_interrupted_export_leaves_the_earlier_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "plan.docx"
    export_plan(linxi_plan(), out, paginate=False)
    good = out.read_bytes()

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("docx.document.Document.save", boom)
    with pytest.raises(KeyboardInterrupt):
        export_plan(linxi_plan(notice=False), out, paginate=False)
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_file_held_open_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("planning.export.export.os.replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        export_plan(linxi_plan(), tmp_path / "plan.docx", paginate=False)
    assert list(tmp_path.iterdir()) == []


def test_package_is_well_formed_and_every_relationship_resolves(tmp_path: Path) -> None:
    from lxml import etree

    out = tmp_path / "plan.docx"
    export_plan(linxi_plan(), out, profile="booklet", paginate=False)
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        for name in names:
            if name.endswith((".xml", ".rels")):
                root = etree.fromstring(archive.read(name))
                if name.endswith(".rels"):
                    base = name.replace("_rels/", "").removesuffix(".rels").rsplit("/", 1)[0]
                    for rel in root:
                        if rel.get("TargetMode") == "External":
                            continue
                        target = rel.get("Target")
                        path = target.lstrip("/") if target.startswith("/") else \
                            os.path.normpath(f"{base}/{target}" if "/" in name.replace("_rels/", "", 1).rstrip("/") and base else target)
                        assert path.replace("\\", "/") in names, (name, target)
    docx.Document(str(out))  # python-docx reopens it


def _footer_text(part: object) -> str:
    return "".join(t.text or "" for t in part._element.iter(f"{W}t"))  # type: ignore[attr-defined]


def test_booklet_puts_cover_toc_and_body_in_sections_of_their_own() -> None:
    document = build_document(linxi_plan(), profile="booklet")
    cover, toc, body = document.sections
    body_p = document.element.body
    breaks = [p for p in body_p.iterchildren(f"{W}p") if p.find(f"{W}pPr/{W}sectPr") is not None]
    assert len(breaks) == 2  # the cover's and the TOC's section ends in a paragraph of their own
    # the cover: nothing in its header or footer
    assert cover.header.paragraphs[0].text == "" and _footer_text(cover.footer) == ""
    assert cover._sectPr.find(f"{W}pgNumType") is None
    # the 目录: numbered I, II … from I, no running header
    assert toc._sectPr.find(f"{W}pgNumType").get(f"{W}fmt") == "upperRoman"
    assert toc._sectPr.find(f"{W}pgNumType").get(f"{W}start") == "1"
    assert toc.header.paragraphs[0].text == "" and "PAGE" in toc.footer._element.xml
    # the body: numbers restart at 1 (decimal), the plan title as running header
    assert body._sectPr.find(f"{W}pgNumType").get(f"{W}start") == "1"
    assert body._sectPr.find(f"{W}pgNumType").get(f"{W}fmt") is None
    assert body.header.paragraphs[0].text == "临溪市“十四五”数字政府建设规划"
    assert body.footer.paragraphs[0].style.name.lower() == "footer" and "PAGE" in body.footer._element.xml
    assert not body.different_first_page_header_footer
    assert not document.settings.odd_and_even_pages_header_footer
    for section in (cover, toc, body):  # every section on the same page
        assert (section.page_width, section.top_margin, section.left_margin) == \
            (body.page_width, body.top_margin, body.left_margin)
    # the TOC section holds the 目录 and nothing else; the body begins with the title
    children = list(body_p)
    sdt = body_p.find(f"{W}sdt")
    assert children.index(breaks[0]) + 1 == children.index(sdt) == children.index(breaks[1]) - 1
    after = children[children.index(breaks[1]) + 1]
    assert "".join(t.text for t in after.iter(f"{W}t")) == "临溪市“十四五”数字政府建设规划"


def test_booklet_without_toc_has_cover_and_body_sections() -> None:
    document = build_document(linxi_plan(), profile="booklet", toc=False)
    cover, body = document.sections
    assert _footer_text(cover.footer) == "" and body._sectPr.find(f"{W}pgNumType").get(f"{W}start") == "1"


def test_gbt_is_one_section_numbered_from_the_first_page() -> None:
    document = build_document(linxi_plan())
    assert len(document.sections) == 1
    assert document.sections[0]._sectPr.find(f"{W}pgNumType") is None


# -- the round trip as a property over generated plans ----------------------------------------------
_CHARS = "数字政府建设平台服务城市治理网络安全信息资源共享应用创新发展推进完善提升融合智能数据系统管理协同开放"
_word = s.text(alphabet=_CHARS, min_size=2, max_size=8)
_sentence = s.builds(lambda w: w + "。", s.text(alphabet=_CHARS + "，", min_size=6, max_size=40).filter(
    lambda t: not t.startswith("，")))
_text = s.lists(_sentence, max_size=2).map("\n".join)


@s.composite
def _plans(draw: s.DrawFn) -> Plan:
    boxes = 0

    def items(depth: int, style: str) -> list[Section]:
        out = []
        for n in range(1, draw(s.integers(1 if depth == 1 else 0, 3)) + 1):
            label = {"cn": f"{'一二三'[n - 1]}、", "pcn": f"（{'一二三'[n - 1]}）", "num": f"{n}."}[style]
            children = items(depth + 1, {"cn": "pcn", "pcn": "num"}[style]) if style != "num" else []
            if style == "pcn" and draw(s.booleans()):
                nonlocal boxes
                boxes += 1
                box_items = [Section(f"{k}.", draw(_word), depth + 2, text=draw(_text))
                             for k in range(1, draw(s.integers(0, 2)) + 1)]
                children.append(Section(f"专栏{'一二三四五六七八九十'[min(boxes, 10) - 1]}", draw(_word), depth + 1,
                                        kind="box", text=draw(_text), children=box_items))
            out.append(Section(label, draw(_word), depth, text=draw(_text), children=children))
        return out

    tables = []
    if draw(s.booleans()):
        def indicator(_: int) -> Indicator:
            q = draw(s.sampled_from(["", "≥", "＞"]))
            base, target = draw(s.integers(1, 999)), draw(s.integers(1, 999))
            return Indicator(draw(_word), draw(s.sampled_from(["%", "万户", None])), Value(base, 2020, None, str(base)),
                             Value(target, 2025, q or None, f"{q}{target}"), None, None,
                             draw(s.sampled_from(["预期性", "约束性"])))
        names = draw(s.lists(_word, min_size=1, max_size=3, unique=True))
        categories = [IndicatorCategory(n, [indicator(i) for i in range(draw(s.integers(1, 3)))]) for n in names]
        tables.append(IndicatorTable(f"{draw(_word)}主要指标", ["指标", "2020年", "2025年", "指标属性"], categories))
    projects = []
    if draw(s.booleans()):
        grouped = draw(s.booleans())
        names = draw(s.lists(_word, min_size=1, max_size=4, unique=True))
        projects = [Project(f"{draw(_word)}工程" if grouped else None, f"{n}项目", draw(_sentence),
                            draw(s.one_of(s.none(), _sentence))) for n in names]
        if grouped:
            projects.sort(key=lambda p: p.group or "")
    glossary = [GlossaryEntry(t, draw(_sentence)) for t in draw(s.lists(_word, max_size=3, unique=True))]
    return Plan(title=f"{draw(_word)}市“十四五”{draw(_word)}规划", period=Period("十四五", 2021, 2025),
                preamble=draw(_text), sections=items(1, "cn"), indicator_tables=tables, projects=projects,
                glossary=glossary, attachments=["名词解释"] if glossary and draw(s.booleans()) else [])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(plan=_plans(), toc=s.booleans())
def test_round_trip_property(plan: Plan, toc: bool, tmp_path: Path) -> None:
    out = tmp_path / "p.docx"
    export_plan(plan, out, toc=toc, paginate=False)
    back, _ = parse_file(out)
    derived = ("region", "period")  # the parser derives them from the title, which is the same
    assert {k: v for k, v in structure(back).items() if k not in derived} == \
        {k: v for k, v in structure(plan).items() if k not in derived}
    assert [x.text for _, x in back.walk()] == [x.text for _, x in plan.walk()]


# -- where tables sit -------------------------------------------------------------------------------
def _after(document: docx.document.Document, text: str) -> str:
    """The text of the paragraph before the one that reads `text`."""
    texts = [t for t in _texts(document) if t]
    return texts[texts.index(text) - 1]


CAPTION = "临溪市“十四五”数字政府主要指标"


@pytest.mark.parametrize("after,before_caption", [
    ("二、/（一）/1.", "整合各部门机房资源。"),  # where the source had it
    ("一、", "坚持统筹规划、集约建设。"),  # after the section's own text, before its children
    ("", "本规划依据《临溪市国民经济和社会发展第十四个五年规划纲要》编制。"),  # before the first heading
    (None, "到2025年，全市数字政府建设取得明显成效。"),  # not known: the first section about 目标
    ("九、", "到2025年，全市数字政府建设取得明显成效。"),  # no such section: the same guess
])
def test_an_indicator_table_follows_the_section_it_followed_in_the_source(after: str | None,
                                                                         before_caption: str) -> None:
    plan = linxi_plan()
    plan.indicator_tables[0].after = after
    assert _after(build_document(plan, toc=False), CAPTION) == before_caption


def test_table_place_survives_export_and_import(tmp_path: Path) -> None:
    plan = linxi_plan()
    plan.indicator_tables[0].after = "二、/（一）/1."
    export_plan(plan, tmp_path / "p.docx", paginate=False)
    back, _ = parse_file(tmp_path / "p.docx")
    assert back.indicator_tables[0].after == "二、/（一）/1."


def test_seed_001_table_comes_back_in_its_goals_subsection(tmp_path: Path) -> None:
    plan, _ = parse_file(seed_path("001"))
    out = tmp_path / "001.docx"
    export_plan(plan, out, paginate=False)
    back, _ = parse_file(out)
    (table,) = back.indicator_tables
    assert table.after == plan.indicator_tables[0].after == "二、/（三）/4."  # 发展目标, after its item 4.
    texts = [t for t in _texts(docx.Document(str(out))) if t]
    caption = texts.index(table.caption)
    assert texts.index("（三）发展目标") < texts.index("4.信息安全领域目标") < caption < texts.index("三、主要任务和重点工程")
