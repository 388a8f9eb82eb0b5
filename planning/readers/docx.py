"""Word .docx: the body in reading order, paragraphs and tables interleaved, text boxes kept.

python-docx opens the package (after docx_package has checked it) and supplies styles and
numbering; the body is walked with lxml because python-docx's paragraph and table proxies skip
content controls, text boxes and tracked insertions, and know nothing of list labels.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from planning.readers.blocks import Block, Document, Paragraph, Table
from planning.readers.docx_numbering import ListNumbering, numbering_of
from planning.readers.docx_package import open_docx
from planning.readers.docx_styles import NO_OUTLINE_LEVEL, StyleSheet, int_val, w, w_val

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _R, _T = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t")
_SDT, _SDT_CONTENT, _CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
_TEXT_BOX = w("txbxContent")
_BREAKS = frozenset({w("br"), w("cr")})
_CHARACTERS = {w("tab"): "\t", w("noBreakHyphen"): "-"}
# Never shown as body text: properties, deleted or moved-away runs, ruby (phonetic) guides, and
# the fallback copy Word writes of every drawing.
_SKIPPED = frozenset({w("pPr"), w("rPr"), w("del"), w("moveFrom"), w("rt"), _MC_FALLBACK})
_WRAPPERS = frozenset({_SDT, _CUSTOM_XML})
_TOC_GALLERY = "Table of Contents"


def read_docx(path: Path) -> Document:
    word = open_docx(path)
    body = _BodyReader(word)
    return Document(path=str(path), fmt="docx", blocks=body.blocks(word.element.body))


class _BodyReader:
    """Turns block-level content (body, table cell, text box) into blocks, numbering as it goes."""

    def __init__(self, word: WordDocument) -> None:
        self._styles = StyleSheet(word.styles.element)
        self._numbering = ListNumbering(_numbering_element(word), self._styles)

    def blocks(self, container: etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in _block_children(container):
            if child.tag == _P:
                out.extend(self._paragraph(child))
            elif (table := self._table(child)) is not None:
                out.append(table)
        return out

    def _paragraph(self, p: etree._Element) -> list[Block]:
        ppr = p.find(w("pPr"))
        style_id = w_val(None if ppr is None else ppr.find(w("pStyle")))
        if self._styles.is_toc(style_id):
            return []
        ref = numbering_of(ppr, style_id, self._styles)
        label = self._numbering.label(ref) if ref is not None else ""
        text, boxes = paragraph_content(p)
        lines = [line for raw in text.split("\n") if (line := raw.rstrip())]
        out: list[Block] = []
        if lines:
            level = self._heading_level(ppr, style_id)
            out.append(Paragraph(label + lines[0], heading_level=level))
            out.extend(Paragraph(line) for line in lines[1:])
        out.extend(Table(rows=[[box_text]]) for box in boxes if (box_text := self._flat_text(box)))
        return out

    def _heading_level(self, ppr: etree._Element | None, style_id: str | None) -> int | None:
        own = int_val(None if ppr is None else ppr.find(w("outlineLvl")))
        if own is not None:
            return own + 1 if 0 <= own < NO_OUTLINE_LEVEL else None
        return self._styles.heading_level(style_id)

    def _table(self, tbl: etree._Element) -> Table | None:
        rows = []
        for tr in _children(tbl, _TR):
            cells = [self._cell_text(tc) for tc in _children(tr, _TC)]
            if any(cells):
                rows.append(cells)
        return Table(rows=rows) if rows else None

    def _cell_text(self, tc: etree._Element) -> str:
        """One entry per w:tc, so a gridSpan cell appears once; a vMerge continuation shows nothing."""
        tc_pr = tc.find(w("tcPr"))
        v_merge = None if tc_pr is None else tc_pr.find(w("vMerge"))
        if v_merge is not None and w_val(v_merge) != "restart":
            return ""
        return self._flat_text(tc)

    def _flat_text(self, container: etree._Element) -> str:
        """Cell or text box content as lines: nested tables and boxes flattened into it."""
        lines: list[str] = []
        for block in self.blocks(container):
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                lines.extend(cell for row in block.rows for cell in row if cell)
        return "\n".join(lines)


def paragraph_content(p: etree._Element) -> tuple[str, list[etree._Element]]:
    """The paragraph's visible text (soft breaks as "\\n") and its text boxes, which are kept apart."""
    parts: list[str] = []
    boxes: list[etree._Element] = []
    _collect(p, parts, boxes)
    return "".join(parts), boxes


def _collect(element: etree._Element, parts: list[str], boxes: list[etree._Element]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == _TEXT_BOX:
            boxes.append(child)
        elif tag in _SKIPPED or not isinstance(tag, str) or (tag == _R and _hidden(child)):
            continue
        else:
            _collect(child, parts, boxes)


def _hidden(run: etree._Element) -> bool:
    rpr = run.find(w("rPr"))
    vanish = None if rpr is None else rpr.find(w("vanish"))
    return vanish is not None and w_val(vanish) not in ("0", "false", "off")


def _block_children(container: etree._Element) -> list[etree._Element]:
    """w:p and w:tbl in order, looking inside content controls; a table of contents is skipped."""
    out: list[etree._Element] = []
    for child in container:
        if child.tag in (_P, _TBL):
            out.append(child)
        elif child.tag in _WRAPPERS and not _is_toc_control(child):
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            out.extend(_block_children(inner) if inner is not None else [])
    return out


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    """Rows of a table or cells of a row, including those wrapped in content controls."""
    out: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            inner = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            out.extend(_children(inner, tag) if inner is not None else [])
    return out


def _is_toc_control(element: etree._Element) -> bool:
    gallery = element.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
    return w_val(gallery) == _TOC_GALLERY


def _numbering_element(word: WordDocument) -> etree._Element | None:
    """numbering.xml when the document has one (python-docx's own property would create it)."""
    try:
        return word.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return None
