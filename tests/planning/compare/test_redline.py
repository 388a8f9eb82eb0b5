"""The Word redline: accept-all gives the new plan's export, reject-all the old plan's.

Accepting and rejecting are done here as XML transforms on word/document.xml, as Word does them:
accept unwraps w:ins and w:moveTo, drops w:del and w:moveFrom content, deleted rows, and joins a
paragraph whose mark is deleted (or moved away) to the next; reject is the inverse, w:delText read as
w:t. Range markers and comment anchors carry no text. The paragraph texts (body and table cells) are
then compared in document order with `export_plan(…, toc=False)` of each plan.
"""

from __future__ import annotations

import shutil
import zipfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from lxml import etree

from planning.compare import compare_plans
from planning.compare.redline import write_redline
from planning.compare.redline_layout import align_rows, block_segments, chunks
from planning.export import export_plan
from planning.export.tables import Row
from planning.ingest import parse_file
from planning.model import GlossaryEntry, Indicator, Plan, Section, Value
from tests.conftest import seed_path
from tests.planning.compare.edits import copy_plan, edit_plan, synthetic_plan
from tests.planning.export.plans import linxi_plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REVISIONS = ("ins", "del", "moveFrom", "moveTo")
DATE = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)


# -- accept / reject as XML transforms ----------------------------------------------------------
def document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _is_mark(element: etree._Element) -> bool:
    """A paragraph-mark or row revision (w:pPr/w:rPr/w:del, w:trPr/w:ins), not a run wrapper."""
    return element.getparent().tag in (W + "rPr", W + "trPr")


def resolve(root: etree._Element, *, accept: bool) -> etree._Element:
    keep, drop = (("ins", "moveTo"), ("del", "moveFrom")) if accept else (("del", "moveFrom"), ("ins", "moveTo"))
    for tr in list(root.iter(W + "tr")):
        tr_pr = tr.find(W + "trPr")
        if tr_pr is not None and any(tr_pr.find(W + k) is not None for k in drop):
            tr.getparent().remove(tr)
    for element in list(root.iter(*(W + k for k in REVISIONS))):
        parent = element.getparent()
        if parent is None or _is_mark(element):
            continue
        if etree.QName(element).localname in drop:
            parent.remove(element)
            continue
        for t in element.iter(W + "delText"):
            t.tag = W + "t"
        at = parent.index(element)
        for child in list(element):
            parent.insert(at, child)
            at += 1
        parent.remove(element)
    for p in list(root.iter(W + "p")):
        mark = p.find(f"{W}pPr/{W}rPr")
        if mark is None or not any(mark.find(W + k) is not None for k in drop):
            continue
        following = p.getnext()
        if following is not None and following.tag == W + "p":  # the paragraph joins the next one
            at = 1 if len(following) and following[0].tag == W + "pPr" else 0
            for child in [c for c in p if c.tag != W + "pPr"]:
                following.insert(at, child)
                at += 1
        p.getparent().remove(p)
    for element in list(root.iter(*(W + k for k in REVISIONS))):
        element.getparent().remove(element)
    for tbl in list(root.iter(W + "tbl")):
        if tbl.find(W + "tr") is None:
            tbl.getparent().remove(tbl)
    return root


def texts(root: etree._Element) -> list[str]:
    """Every paragraph's text in document order, table cells included."""
    return ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]


def check_property(old: Plan, new: Plan, folder: Path, **kwargs: object) -> Path:
    out = write_redline(old, new, folder / "redline.docx", date=DATE, **kwargs)  # type: ignore[arg-type]
    export_plan(old, folder / "old.docx", toc=False)
    export_plan(new, folder / "new.docx", toc=False)
    accepted = resolve(document_xml(out), accept=True)
    rejected = resolve(document_xml(out), accept=False)
    assert not list(accepted.iter(W + "delText"))
    assert texts(accepted) == texts(document_xml(folder / "new.docx"))
    assert texts(rejected) == texts(document_xml(folder / "old.docx"))
    return out


def revision_elements(path: Path) -> list[etree._Element]:
    return list(document_xml(path).iter(*(W + k for k in REVISIONS)))


def check_revisions(path: Path) -> Counter[str]:
    """Every revision has author, date and a unique id; moves come in named from/to range pairs."""
    root = document_xml(path)
    found = revision_elements(path)
    ids = [e.get(W + "id") for e in found]
    ranges = [e for k in ("moveFromRangeStart", "moveToRangeStart") for e in root.iter(W + k)]
    ids += [e.get(W + "id") for e in ranges]
    assert len(ids) == len(set(ids)) and all(ids)
    for e in [*found, *ranges]:
        assert e.get(W + "author") == "PlanDesk" and e.get(W + "date") == "2024-05-01T08:30:00Z"
    names = Counter(e.get(W + "name") for e in ranges)
    assert all(n == 2 for n in names.values())
    for kind in ("moveFrom", "moveTo"):
        starts = {e.get(W + "id") for e in root.iter(W + f"{kind}RangeStart")}
        assert starts == {e.get(W + "id") for e in root.iter(W + f"{kind}RangeEnd")}
    docx.Document(str(path))  # python-docx reopens it
    return Counter(etree.QName(e).localname for e in found)


# -- plans ----------------------------------------------------------------------------------------
def linxi_edited(old: Plan) -> Plan:
    """Edits everywhere: title, preamble, a box's text, a renamed and an added box item, a removed and an
    added section, an indicator target, a removed and an added indicator, notes, projects, glossary, closing."""
    new = copy_plan(old)
    new.title = "临溪市“十四五”数字政府建设发展规划"
    new.preamble = "本规划依据《临溪市国民经济和社会发展第十四个五年规划纲要和二〇三五年远景目标纲要》编制。\n规划期为2021—2025年。"
    tasks = new.sections[1]
    base = tasks.children[0]
    base.text = "统筹建设全市政务云平台和政务外网。"
    box = base.children[2]
    box.text = "政务云扩容：新增算力两千核。"
    box.children[0].title = "算力与存储扩容"
    box.children.append(Section("2.", "灾备中心", 4, text="建设同城灾备中心。"))
    del tasks.children[1]
    new.sections.append(Section("三、", "保障措施", 1, text="加强组织领导。\n强化资金保障。"))
    table = new.indicator_tables[0]
    table.categories[0].indicators[0].target = Value(98, 2025, "≥", "≥98")
    del table.categories[0].indicators[1]
    table.categories[1].indicators.append(Indicator("数据共享率", "%", Value(50, 2020, None, "50"),
                                                    Value(90, 2025, None, "90"), None, None, "预期性"))
    table.notes = ["千兆光网覆盖率按家庭计。"]
    new.projects[1].goal = "新增算力两千核。"
    del new.projects[2]
    new.glossary[0] = GlossaryEntry("政务云", "为各级政务部门提供的云计算服务。")
    new.closing = "抄送：市委各部门，市人大常委会办公室，市政协办公室。\n临溪市人民政府办公室 2021年3月5日印发"
    return new


def linxi_chapter_moved(old: Plan) -> Plan:
    """（一）夯实数字底座, with its items and its 专栏, moved from 二、 to 一、."""
    new = copy_plan(old)
    moving = new.sections[1].children.pop(0)
    moving.label = "（二）"
    new.sections[0].children.append(moving)
    return new


@pytest.fixture(scope="module")
def seed001() -> Plan:
    return parse_file(seed_path("001"))[0]


# -- the property --------------------------------------------------------------------------------
def test_seed_001_against_an_edited_001(seed001: Plan, tmp_path: Path) -> None:
    new, edits = edit_plan(seed001)
    c = compare_plans(seed001, new)
    out = check_property(seed001, new, tmp_path, comparison=c)
    counts = check_revisions(out)
    assert counts["moveFrom"] and counts["moveTo"] and counts["ins"] and counts["del"]
    root = document_xml(out)
    assert [e.get(W + "name") for e in root.iter(W + "moveFromRangeStart")] == \
           [e.get(W + "name") for e in root.iter(W + "moveToRangeStart")]
    comments = [c.text for c in docx.Document(str(out)).comments]
    assert len(comments) == 2  # the moved section and the renamed one
    assert any(edits.moved_from in t for t in comments) and any("改名" in t for t in comments)


def test_synthetic_plan_against_its_edited_copy(tmp_path: Path) -> None:
    old = synthetic_plan()
    new, _ = edit_plan(old)
    counts = check_revisions(check_property(old, new, tmp_path))
    assert counts["moveFrom"] == counts["moveTo"] > 0


def test_hand_made_pair_with_edits_in_every_part(tmp_path: Path) -> None:
    old = linxi_plan()
    new = linxi_edited(old)
    statuses = Counter(s.status for s in compare_plans(old, new).sections)
    assert statuses["added"] == 2 and statuses["removed"] == 1 and statuses["renamed"] == 1
    out = check_property(old, new, tmp_path)
    root = document_xml(out)
    deleted_rows = [tr for tr in root.iter(W + "tr") if tr.find(f"{W}trPr/{W}del") is not None]
    inserted_rows = [tr for tr in root.iter(W + "tr") if tr.find(f"{W}trPr/{W}ins") is not None]
    assert deleted_rows and inserted_rows  # an indicator and a project removed, an indicator added
    check_revisions(out)


def test_a_moved_chapter_with_its_box(tmp_path: Path) -> None:
    old = linxi_plan()
    new = linxi_chapter_moved(old)
    assert [s.status for s in compare_plans(old, new).sections].count("moved") == 1
    counts = check_revisions(check_property(old, new, tmp_path))
    assert counts["moveFrom"] and counts["moveTo"]


@pytest.mark.parametrize("notice_old, notice_new", [(True, False), (False, True)])
def test_a_notice_added_or_dropped(tmp_path: Path, notice_old: bool, notice_new: bool) -> None:
    check_revisions(check_property(linxi_plan(notice=notice_old), linxi_plan(notice=notice_new), tmp_path))


def test_a_comparison_that_ignored_punctuation_still_rebuilds_both_texts(tmp_path: Path) -> None:
    old = synthetic_plan()
    new, _ = edit_plan(old)
    leaf = new.sections[0].children[1]
    leaf.text = leaf.text.replace("，", ",", 1)
    check_property(old, new, tmp_path, comparison=compare_plans(old, new, ignore_punctuation=True))


def test_a_plan_against_itself_has_no_revisions(tmp_path: Path) -> None:
    old = linxi_plan()
    out = check_property(old, copy_plan(old), tmp_path)
    assert revision_elements(out) == []
    assert len(docx.Document(str(out)).comments) == 0


def test_libreoffice_opens_and_converts_the_redline(seed001: Plan, tmp_path: Path) -> None:
    from planning.export.pdf import convert_to_pdf, find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed; .ci/run installs libreoffice-writer-nogui")
    new, _ = edit_plan(seed001)
    out = write_redline(seed001, new, tmp_path / "redline.docx")
    pdf = convert_to_pdf(out)
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        import subprocess

        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert new.title[:6] in text.replace("\n", "")


# -- the pieces ----------------------------------------------------------------------------------
def test_chunks_carry_the_line_breaks_as_paragraph_marks() -> None:
    segments, final = block_segments(["甲。", "乙。", "丙。"], ["甲。", "丙。"])
    assert segments == [("=", "甲。\n"), ("del", "乙。\n"), ("=", "丙。")] and final == "="
    assert [(c.segments, c.mark) for c in chunks(segments, final)] == [
        ([("=", "甲。")], "="), ([("del", "乙。")], "del"), ([("=", "丙。")], "=")]
    segments, final = block_segments([], ["新。", "段。"])
    assert [(c.segments, c.mark) for c in chunks(segments, final)] == [([("ins", "新。")], "ins"),
                                                                       ([("ins", "段。")], "ins")]
    assert block_segments([], []) == ([], None) and chunks([], None) == []


def test_moved_blocks_keep_their_own_side_only() -> None:
    ops = [("=", "甲"), ("-", "乙"), ("+", "丙")]
    assert block_segments(["甲乙"], ["甲丙"], ops, mode="moveTo") == ([("moveTo", "甲"), ("ins", "丙")], "moveTo")
    assert block_segments(["甲乙"], ["甲丙"], ops, mode="moveFrom") == (
        [("moveFrom", "甲"), ("moveFrom", "乙")], "moveFrom")


def test_rows_are_matched_by_name() -> None:
    old = [Row("header", ("指标", "2025年")), Row("data", ("甲", "1")), Row("data", ("乙", "2"))]
    new = [Row("header", ("指标", "2025年")), Row("data", ("乙", "3")), Row("data", ("丙", "4"))]
    pairs = [(o and o.cells[0], n and n.cells[0]) for o, n in align_rows(old, new, 0)]
    assert pairs == [("指标", "指标"), ("甲", None), ("乙", "乙"), (None, "丙")]


# -- plandesk diff --docx ---------------------------------------------------------------------------
def test_cli_writes_the_redline(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from cli.main import main
    from planning.paths import resource_path

    sample = resource_path("sample", "qinghe_14th_plan.txt")
    edited = tmp_path / "edited.txt"
    edited.write_text(sample.read_text(encoding="utf-8").replace("覆盖所有行政村", "覆盖所有行政村和自然村", 1),
                      encoding="utf-8")
    out = tmp_path / "redline.docx"
    code = main(["diff", str(sample), str(edited), "--docx", str(out)])
    printed = capsys.readouterr().out
    assert code == 0 and f"修订稿 redline: {out}" in printed
    inserted = ["".join(t.text or "" for t in e.iter(W + "t")) for e in document_xml(out).iter(W + "ins")]
    assert inserted == ["和自然村"]


def test_cli_redline_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from cli.main import main
    from planning.paths import resource_path

    sample = str(resource_path("sample", "qinghe_14th_plan.txt"))
    code = main(["diff", sample, sample, "--docx", str(tmp_path / "out.txt")])
    _, err = capsys.readouterr()
    assert code != 0 and len(err.strip().splitlines()) == 1 and ".docx" in err
