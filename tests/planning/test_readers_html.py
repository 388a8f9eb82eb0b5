"""The html reader: finding the article among navigation, scripts and footers, and its encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from planning.errors import PlanImportError
from planning.readers import Paragraph, Table, read_document
from tests.planning.variants import write_html

LINES = [
    "示例县“十四五”信息化发展规划",
    "一、发展基础",
    "　　全县建成5G基站320个，行政村光纤通达率100%。",
    "二、主要任务",
    "　　推进县域数字乡村建设，打造“互联网+农业”示范基地。",
]
FURNITURE = ("首页", "政务公开", "当前位置", "分享到", "版权所有", "网站标识码", "_hmt", "document.title")


def page(tmp_path: Path, html: str, *, name: str = "page.html", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    return path


def texts(path: Path) -> list[str]:
    return [b.text for b in read_document(path).blocks if isinstance(b, Paragraph)]


def test_saved_page_gives_the_article_only(tmp_path: Path) -> None:
    document = read_document(write_html(LINES, tmp_path / "plan.html", title=LINES[0]))
    assert (document.fmt, document.encoding) == ("html", "utf-8")
    assert [b.text for b in document.blocks] == LINES
    assert not any(word in document.plain_text() for word in FURNITURE)


def test_densest_text_wins_without_content_classes_and_title_is_kept(tmp_path: Path) -> None:
    links = "".join(
        f'<li><a href="/n{i}">关于开展第{i}批数字化转型试点工作的通知</a></li>' for i in range(30)
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in LINES[1:])
    html = (
        "<html><head><title>规划</title></head><body>"
        f'<div id="left"><h3>相关文件</h3><ul>{links}</ul></div>'
        f'<div id="right"><h1>{LINES[0]}</h1><div class="info">发布日期：2021-06-01</div>'
        f'<div id="zoom">{paragraphs}</div></div>'
        "</body></html>"
    )
    document = read_document(page(tmp_path, html))
    assert document.blocks[0] == Paragraph(LINES[0], heading_level=1)
    assert [b.text for b in document.blocks[1:]] == LINES[1:]
    assert "试点工作" not in document.plain_text()


def test_link_lists_inside_a_content_wrapper_are_dropped(tmp_path: Path) -> None:
    links = "".join(f'<li><a href="/f{i}">示例县第{i}号文件</a></li>' for i in range(5))
    paragraphs = "".join(f"<p>{line}</p>" for line in LINES)
    html = (
        f'<html><body><div class="content"><div class="related"><ul>{links}</ul></div>'
        f'<div class="text">{paragraphs}<p>详见<a href="/fj">附件</a>。</p></div></div></body></html>'
    )
    assert texts(page(tmp_path, html)) == [*LINES, "详见附件。"]


def test_article_split_over_sibling_divs_is_read_whole(tmp_path: Path) -> None:
    halves = "".join(f"<div><p>{line}</p><p>{line}（续）</p></div>" for line in LINES[1:])
    html = f'<html><body><div class="wrap">{halves}</div><div>联系电话：0000-0000000</div></body></html>'
    got = texts(page(tmp_path, html))
    assert got == [text for line in LINES[1:] for text in (line, f"{line}（续）")]


def test_br_headings_tables_and_whitespace(tmp_path: Path) -> None:
    html = (
        '<html><body><div class="TRS_Editor">'
        "<h2>三、保障措施</h2>"
        "<p>（一）加强组织领导<br/>成立规划实施&nbsp;领导小组。</p>"
        "<p>　　强化资金\n    保障，  落实   责任。</p>"
        "<table><tr><th>指标</th><th>2025年</th></tr>"
        "<tr><td><p>政务服务</p><p>网上可办率</p></td><td>≥95%</td></tr></table>"
        "<pre>附件：\n任务分工表</pre>"
        "</div></body></html>"
    )
    document = read_document(page(tmp_path, html))
    assert document.blocks == [
        Paragraph("三、保障措施", heading_level=2),
        Paragraph("（一）加强组织领导"),
        Paragraph("成立规划实施 领导小组。"),
        Paragraph("　　强化资金保障， 落实 责任。"),
        Table(rows=[["指标", "2025年"], ["政务服务\n网上可办率", "≥95%"]]),
        Paragraph("附件："),
        Paragraph("任务分工表"),
    ]


def test_whole_page_form_is_not_dropped_as_furniture(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in LINES)
    html = (
        '<html><body><form id="form1" action="Default.aspx">'
        '<div class="nav"><a href="/">首页</a></div>'
        f'<div class="detail">{paragraphs}</div>'
        "<input type='hidden' name='__VIEWSTATE'/></form></body></html>"
    )
    assert texts(page(tmp_path, html)) == LINES


def test_declared_gb2312_is_decoded_as_gb18030(tmp_path: Path) -> None:
    lines = [*LINES, "　　“䶮”字只在 GB18030 中。"]
    body = "".join(f"<p>{line}</p>" for line in lines)
    html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>{body}</body></html>'
    document = read_document(page(tmp_path, html, encoding="gb18030"))
    assert document.encoding == "gb18030"
    assert [b.text for b in document.blocks] == lines


def test_wrong_declared_charset_falls_back_to_detection(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in LINES)
    html = f'<html><head><meta charset="utf-8"></head><body><div class="content">{body}</div></body></html>'
    document = read_document(page(tmp_path, html, encoding="gbk", name="page.htm"))
    assert document.encoding == "gb18030"
    assert [b.text for b in document.blocks] == LINES


def test_gbk_page_mislabelled_latin1_is_detected(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in LINES)
    html = f'<html><head><meta charset="iso-8859-1"></head><body>{body}</body></html>'
    document = read_document(page(tmp_path, html, encoding="gbk"))
    assert (document.encoding, [b.text for b in document.blocks]) == ("gb18030", LINES)


def test_xhtml_declaration_is_accepted(tmp_path: Path) -> None:
    html = f'<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>{LINES[2]}</p></body></html>'
    assert texts(page(tmp_path, html)) == [LINES[2]]


def test_entity_declaration_is_refused(tmp_path: Path) -> None:
    html = '<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]><html><body><p>&secret;</p></body></html>'
    path = page(tmp_path, html)
    with pytest.raises(PlanImportError) as caught:
        read_document(path)
    assert caught.value.path == str(path)
    assert "实体声明" in caught.value.zh


def test_page_with_only_furniture_is_empty(tmp_path: Path) -> None:
    html = '<html><body><nav><a href="/">首页</a></nav><script>var a = "脚本";</script><footer>版权所有</footer></body></html>'
    path = page(tmp_path, html)
    with pytest.raises(PlanImportError) as caught:
        read_document(path)
    assert "为空" in caught.value.zh
