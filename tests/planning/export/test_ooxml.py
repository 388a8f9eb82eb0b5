"""OOXML helpers: this XML in, that XML out."""

from __future__ import annotations

import re

from docx.oxml import parse_xml
from lxml import etree

from planning.export import ooxml
from planning.export.ooxml import xml

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def el(text: str) -> etree._Element:
    """A fixture element from compact XML: the w: namespace is declared on its root."""
    return parse_xml(re.sub(r"^<(w:\w+)", rf"<\1 {NS}", text))


def test_set_fonts_adds_east_asian_font_in_schema_order_and_drops_theme_fonts() -> None:
    rpr = el('<w:rPr><w:b/><w:sz w:val="32"/><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/></w:rPr>')
    ooxml.set_fonts(rpr, east_asia="仿宋_GB2312", latin="Times New Roman")
    assert xml(rpr) == (
        '<w:rPr><w:b/><w:sz w:val="32"/><w:rFonts w:eastAsia="仿宋_GB2312" w:ascii="Times New Roman" '
        'w:hAnsi="Times New Roman" w:cs="Times New Roman" w:hint="eastAsia"/></w:rPr>')


def test_set_fonts_creates_rfonts_first() -> None:
    rpr = el('<w:rPr><w:b/><w:sz w:val="32"/></w:rPr>')
    ooxml.set_fonts(rpr, east_asia="黑体", hint=False)
    assert xml(rpr) == ('<w:rPr><w:rFonts w:eastAsia="黑体" w:ascii="黑体" w:hAnsi="黑体" w:cs="黑体"/><w:b/>'
                        '<w:sz w:val="32"/></w:rPr>')


def test_remove_theme_fonts_everywhere() -> None:
    styles = el('<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" '
                'w:cstheme="minorBidi" w:eastAsia="宋体"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>')
    assert ooxml.remove_theme_fonts(styles) == 1
    assert xml(styles) == ('<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr>'
                           '</w:rPrDefault></w:docDefaults></w:styles>')


def test_child_inserts_in_schema_order() -> None:
    ppr = el('<w:pPr><w:pStyle w:val="Normal"/><w:jc w:val="center"/></w:pPr>')
    ooxml.child(ppr, "spacing", line=579, lineRule="exact")
    ooxml.child(ppr, "keepNext")
    assert xml(ppr) == ('<w:pPr><w:pStyle w:val="Normal"/><w:keepNext/><w:spacing w:line="579" w:lineRule="exact"/>'
                        '<w:jc w:val="center"/></w:pPr>')


def test_page_number_is_dash_field_dash() -> None:
    p = el("<w:p/>")
    ooxml.append_page_number(p)
    assert xml(p) == (
        '<w:p><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
        '</w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>')


def test_append_run_turns_tabs_and_newlines_into_elements() -> None:
    p = el("<w:p/>")
    ooxml.append_run(p, "一\t二\n三")
    assert xml(p) == "<w:p><w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t></w:r></w:p>"


def test_repeat_header_row_marks_the_row() -> None:
    tr = el("<w:tr><w:tc><w:p/></w:tc></w:tr>")
    ooxml.repeat_header_row(tr)
    assert xml(tr) == "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc><w:p/></w:tc></w:tr>"


def test_borders_in_order() -> None:
    tbl_pr = el('<w:tblPr><w:tblStyle w:val="T"/><w:tblLayout w:type="fixed"/></w:tblPr>')
    ooxml.set_borders(tbl_pr, "tblBorders", sides=("bottom", "top"), size=8)
    assert xml(tbl_pr) == (
        '<w:tblPr><w:tblStyle w:val="T"/><w:tblBorders>'
        '<w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>')


def test_bookmark_wraps_paragraph_content() -> None:
    p = el('<w:p><w:pPr/><w:r><w:t>一、总则</w:t></w:r></w:p>')
    ooxml.add_bookmark(p, 3, "_Toc000003")
    assert xml(p) == ('<w:p><w:pPr/><w:bookmarkStart w:id="3" w:name="_Toc000003"/><w:r><w:t>一、总则</w:t></w:r>'
                      '<w:bookmarkEnd w:id="3"/></w:p>')


def test_toc_is_a_gallery_content_control_with_a_field_around_cached_entries() -> None:
    title = el("<w:p><w:r><w:t>目录</w:t></w:r></w:p>")
    entry = el('<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr></w:p>')
    ooxml.toc_entry(entry, "一、总则", "3", "_Toc1")
    sdt = ooxml.toc_sdt(title, [entry])
    assert xml(sdt) == (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
        '</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>目录</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:hyperlink w:anchor="_Toc1" w:history="1"><w:r><w:t>一、总则</w:t></w:r><w:r><w:tab/></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>')


def test_set_toc_pages_replaces_the_cached_pageref_result_of_linked_entries() -> None:
    p = el("<w:p/>")
    ooxml.toc_entry(p, "一、总体要求", "3", "_Toc000001")
    other = el("<w:p/>")
    ooxml.toc_entry(other, "二、主要任务", "5", "_Toc000002")
    body = el("<w:body/>")
    body.extend([p, other])
    assert ooxml.set_toc_pages(body, {"_Toc000001": "12"}) == 1
    assert xml(p).endswith('<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r>'
                           '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>')
    assert "一、总体要求" in xml(p) and "<w:t>5</w:t>" in xml(other)  # the heading text and other entries stay
