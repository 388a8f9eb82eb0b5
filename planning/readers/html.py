"""Saved web pages: the article of a government site without its navigation, scripts and footer.

The page is decoded (declared charset, else the text reader's detection), stripped of page
furniture, and the main content container is chosen by CJK text density; its content becomes
paragraphs and tables in document order.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from planning.errors import PlanImportError
from planning.readers.blocks import Block, Document, Paragraph, Table
from planning.readers.encoding import decode_bytes, normalize_encoding_name, reject_binary
from planning.readers.html_content import HtmlElement, is_layout_table, main_container, strip_furniture

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_PRESCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)
# A page whose <meta> was readable as ASCII is not UTF-16; and Latin-1 decodes any bytes, so a
# Chinese page mislabelled that way would turn to mojibake. Detect these instead of trusting them.
_UNTRUSTED_CHARSETS = (
    "utf-16",
    "utf-32",
    "iso-8859-1",
    "latin",
    "l1",
    "windows-1252",
    "cp1252",
    "ascii",
    "us-ascii",
)

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd div dl dt figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr li main ol p pre section table td th tr ul".split()
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CJK_NEIGHBOUR = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_LINE_BREAK_BETWEEN_CJK = re.compile(rf"(?<={_CJK_NEIGHBOUR})[ \t\r]*\n\s*(?={_CJK_NEIGHBOUR})")
_ASCII_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_INVISIBLE = str.maketrans({"\xa0": " ", "\u200b": None, "\ufeff": None})


def read_html(path: Path) -> Document:
    text, encoding = decode_html(path.read_bytes(), str(path))
    if _ENTITY_DECLARATION.search(text):
        raise PlanImportError(
            str(path), "包含不允许的 XML 实体声明", "declares XML entities, which are not allowed"
        )
    return Document(path=str(path), fmt="html", blocks=html_blocks(text, str(path)), encoding=encoding)


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """The charset the page declares, when it decodes cleanly; otherwise detection as for text."""
    declared = None if data.startswith(_BOMS) else _declared_charset(data[:_PRESCAN_BYTES])
    if declared is not None and not declared.startswith(_UNTRUSTED_CHARSETS):
        reject_binary(data, path)
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(data, path)


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return normalize_encoding_name(match.group(1).decode("ascii")) if match else None


def html_blocks(text: str, path: str) -> list[Block]:
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1), parser=_parser())
    except etree.ParserError:  # libxml2 recovers from anything but a page with no elements at all
        return []
    except ValueError as exc:
        raise PlanImportError(path, "无法解析网页", "cannot parse the HTML page") from exc
    body = root.find("body")
    body = root if body is None else body
    strip_furniture(body)
    container = main_container(body)
    flow = _Flow()
    flow.walk_children(container)
    return _with_title(flow.finish(), container, body)


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def clean_text(raw: str) -> str:
    """Collapse whitespace as a browser does; U+3000 full-width spaces are kept, NBSP become spaces."""
    text = _LINE_BREAK_BETWEEN_CJK.sub("", raw.translate(_INVISIBLE))
    return _ASCII_SPACES.sub(" ", text).strip(" ")


class _Flow:
    """Inline text gathered into paragraphs; block boundaries and <br> end a paragraph."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buffer: list[str] = []
        self._headings: list[int] = []
        self._pre = 0

    def finish(self) -> list[Block]:
        self._flush()
        return self.blocks

    def walk_children(self, element: HtmlElement) -> None:
        self._text(element.text)
        for child in element:
            self._walk(child)

    def _walk(self, element: HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            self._flush()
        elif tag == "table" and not is_layout_table(element):
            self._flush()
            if (table := table_block(element)) is not None:
                self.blocks.append(table)
        elif tag:
            self._walk_element(element, tag)
        self._text(element.tail)

    def _walk_element(self, element: HtmlElement, tag: str) -> None:
        block = tag in _BLOCK_TAGS
        if block:
            self._flush()
        if tag in _HEADINGS:
            self._headings.append(_HEADINGS[tag])
        self._pre += tag == "pre"
        self.walk_children(element)
        self._pre -= tag == "pre"
        if block:
            self._flush()
        if tag in _HEADINGS:
            self._headings.pop()

    def _text(self, text: str | None) -> None:
        if not text:
            return
        if not self._pre:
            self._buffer.append(text)
            return
        for index, line in enumerate(text.split("\n")):
            if index:
                self._flush()
            self._buffer.append(line)

    def _flush(self) -> None:
        text = clean_text("".join(self._buffer))
        self._buffer.clear()
        if text.strip():
            self.blocks.append(Paragraph(text, heading_level=self._headings[-1] if self._headings else None))


def table_block(table: HtmlElement) -> Table | None:
    """Each <tr> a row of its <td>/<th> texts; a nested table's text is flattened into its cell."""
    rows = []
    for tr in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"):
        cells = [cell_text(cell) for cell in tr if cell.tag in ("td", "th")]
        if any(cells):
            rows.append(cells)
    return Table(rows=rows) if rows else None


def cell_text(cell: HtmlElement) -> str:
    flow = _Flow()
    flow.walk_children(cell)
    lines: list[str] = []
    for block in flow.finish():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend(text for row in block.rows for text in row if text)
    return "\n".join(lines)


def _with_title(blocks: list[Block], container: HtmlElement, body: HtmlElement) -> list[Block]:
    """The article title often sits in an <h1> just outside the content container: keep it."""
    if container.find(".//h1") is not None:
        return blocks
    title = None
    for element in body.iter("h1", "h2", container.tag):
        if element is container:
            break
        if element.tag in ("h1", "h2"):
            title = element
    text = clean_text(title.text_content()) if title is not None else ""
    first = blocks[0] if blocks else None
    if not text.strip() or (isinstance(first, Paragraph) and first.text.strip() == text.strip()):
        return blocks
    return [Paragraph(text, heading_level=int(title.tag[1])), *blocks]
