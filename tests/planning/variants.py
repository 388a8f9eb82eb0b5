"""Test helper: the same plan text written as the file variants users import.

Each function takes the plan's lines (one paragraph each) and writes one file; the readers must
give back the same lines from every variant.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import docx


def write_gb18030_crlf(lines: list[str], path: Path) -> Path:
    """A Windows-era text file: GB18030, CRLF line ends, final newline."""
    path.write_bytes("".join(f"{line}\r\n" for line in lines).encode("gb18030"))
    return path


def write_docx(
    lines: list[str], path: Path, styled: bool, heading_levels: dict[int, int] | None = None
) -> Path:
    """One paragraph per line; when `styled`, line i gets the built-in "Heading N" style for N = heading_levels[i]."""
    levels = heading_levels or {}
    document = docx.Document()
    for index, line in enumerate(lines):
        if styled and index in levels:
            document.add_paragraph(line, style=f"Heading {levels[index]}")
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def write_html(lines: list[str], path: Path, title: str) -> Path:
    """A saved government web page: navigation, a script and a footer around the article."""
    body = "\n".join(f"      <p>{escape(line)}</p>" for line in lines)
    path.write_text(_PAGE.format(title=escape(title), body=body), encoding="utf-8")
    return path


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{title}_政务公开</title>
  <link rel="stylesheet" href="/css/site.css">
  <script>var _hmt = _hmt || []; document.title = "{title}";</script>
</head>
<body>
  <div class="top-nav">
    <ul class="menu">
      <li><a href="/">首页</a></li>
      <li><a href="/zwgk/">政务公开</a></li>
      <li><a href="/hdjl/">互动交流</a></li>
    </ul>
  </div>
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
  <div class="main-wrap">
    <div class="article-content">
{body}
    </div>
    <div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
  </div>
  <div class="footer">
    <p>版权所有：示例市人民政府办公室　网站标识码：0000000000</p>
    <p>地址：示例市中心大道1号　邮编：000000</p>
  </div>
</body>
</html>
"""
