"""Tracked-change and comment helpers: this XML in, that XML out."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from docx.oxml import parse_xml
from lxml import etree

from planning.export import revisions
from planning.export.ooxml import xml
from planning.export.revisions import Stamp

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STAMP = Stamp("PlanDesk", datetime(2024, 5, 1, 8, 30, tzinfo=UTC))
AT = 'w:author="PlanDesk" w:date="2024-05-01T08:30:00Z"'


def el(text: str) -> etree._Element:
    return parse_xml(re.sub(r"^<(w:\w+)", rf"<\1 {NS}", text))


def test_stamp_writes_utc_without_fractions() -> None:
    local = datetime(2024, 5, 1, 16, 30, 12, 999, tzinfo=timezone(timedelta(hours=8)))
    assert Stamp(date=local).date_text == "2024-05-01T08:30:12Z"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", Stamp().date_text)


@pytest.mark.parametrize("kind, out", [
    ("=", "<w:r><w:t>文字</w:t></w:r>"),
    ("ins", f'<w:ins w:id="3" {AT}><w:r><w:t>文字</w:t></w:r></w:ins>'),
    ("del", f'<w:del w:id="3" {AT}><w:r><w:delText>文字</w:delText></w:r></w:del>'),
    ("moveFrom", f'<w:moveFrom w:id="3" {AT}><w:r><w:delText>文字</w:delText></w:r></w:moveFrom>'),
    ("moveTo", f'<w:moveTo w:id="3" {AT}><w:r><w:t>文字</w:t></w:r></w:moveTo>'),
])
def test_tracked_run(kind: str, out: str) -> None:
    p = el('<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>')
    revisions.tracked_run(p, "文字", kind, rev_id=3, stamp=STAMP)
    assert xml(p) == f'<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>{out}</w:p>'


def test_tracked_run_keeps_spaces_and_line_breaks() -> None:
    p = el("<w:p/>")
    revisions.tracked_run(p, " a\nb", "del", rev_id=1, stamp=STAMP)
    assert xml(p) == (f'<w:p><w:del w:id="1" {AT}><w:r><w:delText xml:space="preserve"> a</w:delText><w:br/>'
                      '<w:delText>b</w:delText></w:r></w:del></w:p>')


def test_mark_paragraph_puts_the_revision_first_in_the_mark_properties() -> None:
    p = el('<w:p><w:pPr><w:pStyle w:val="Normal"/><w:jc w:val="center"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>')
    revisions.mark_paragraph(p, "del", rev_id=4, stamp=STAMP)
    assert xml(p) == (f'<w:p><w:pPr><w:pStyle w:val="Normal"/><w:jc w:val="center"/><w:rPr><w:del w:id="4" {AT}/>'
                      '</w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>')
    p = el('<w:p><w:pPr><w:rPr><w:b/></w:rPr><w:sectPr/></w:pPr></w:p>')
    revisions.mark_paragraph(p, "moveTo", rev_id=5, stamp=STAMP)
    assert xml(p) == f'<w:p><w:pPr><w:rPr><w:moveTo w:id="5" {AT}/><w:b/></w:rPr><w:sectPr/></w:pPr></w:p>'


def test_mark_paragraph_creates_properties_and_replaces_an_older_mark() -> None:
    p = el("<w:p><w:r><w:t>x</w:t></w:r></w:p>")
    revisions.mark_paragraph(p, "ins", rev_id=1, stamp=STAMP)
    revisions.mark_paragraph(p, "del", rev_id=2, stamp=STAMP)
    assert xml(p) == f'<w:p><w:pPr><w:rPr><w:del w:id="2" {AT}/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
    assert revisions.mark_paragraph(p, "=", rev_id=0, stamp=STAMP) is None


def test_mark_row() -> None:
    tr = el("<w:tr><w:tc><w:p/></w:tc></w:tr>")
    revisions.mark_row(tr, "ins", rev_id=7, stamp=STAMP)
    assert xml(tr) == f'<w:tr><w:trPr><w:ins w:id="7" {AT}/></w:trPr><w:tc><w:p/></w:tc></w:tr>'
    tr = el('<w:tr><w:tblPrEx/><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:p/></w:tc></w:tr>')
    revisions.mark_row(tr, "del", rev_id=8, stamp=STAMP)
    assert xml(tr) == (f'<w:tr><w:tblPrEx/><w:trPr><w:cantSplit/><w:tblHeader/><w:del w:id="8" {AT}/></w:trPr>'
                       '<w:tc><w:p/></w:tc></w:tr>')
    with pytest.raises(ValueError):
        revisions.mark_row(tr, "moveTo", rev_id=9, stamp=STAMP)


def test_move_range_markers_open_after_the_properties_and_close_at_the_end() -> None:
    p = el('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>')
    revisions.move_range_start(p, "moveTo", rev_id=11, name="move1", stamp=STAMP)
    revisions.move_range_end(p, "moveTo", rev_id=11)
    assert xml(p) == (f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:moveToRangeStart w:id="11" {AT} '
                      'w:name="move1"/><w:r><w:t>x</w:t></w:r><w:moveToRangeEnd w:id="11"/></w:p>')


def test_comment_range_spans_the_paragraph_and_ends_with_the_reference() -> None:
    p = el('<w:p><w:pPr/><w:r><w:t>标题</w:t></w:r></w:p>')
    revisions.comment_range(p, 2)
    assert xml(p) == ('<w:p><w:pPr/><w:commentRangeStart w:id="2"/><w:r><w:t>标题</w:t></w:r>'
                      '<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r></w:p>')


def test_revision_rejects_unknown_kinds() -> None:
    with pytest.raises(ValueError):
        revisions.revision("=", rev_id=1, stamp=STAMP)
