"""What a Word paragraph style says about headings and list numbering, following `w:basedOn`.

python-docx resolves neither a style's outline level nor its numbering, so this reads styles.xml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NO_OUTLINE_LEVEL = 9  # w:outlineLvl 9 is "body text"
_MAX_CHAIN = 32  # a basedOn cycle must not hang the reader
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*[1-9]$", re.IGNORECASE)


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def w_val(element: etree._Element | None, attr: str = "val") -> str | None:
    return None if element is None else element.get(w(attr))


def int_val(element: etree._Element | None) -> int | None:
    value = w_val(element)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class NumberingRef:
    """A `w:numPr`: which list (numId) and which level; ilvl None means "the level linked to the style"."""

    num_id: int | None
    ilvl: int | None
    style_id: str | None = None


def numbering_ref(ppr: etree._Element | None, style_id: str | None = None) -> NumberingRef | None:
    num_pr = None if ppr is None else ppr.find(w("numPr"))
    if num_pr is None:
        return None
    return NumberingRef(int_val(num_pr.find(w("numId"))), int_val(num_pr.find(w("ilvl"))), style_id)


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str | None
    outline_level: int | None
    numbering: NumberingRef | None


class StyleSheet:
    def __init__(self, styles: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_paragraph_style: str | None = None
        for element in [] if styles is None else styles.iterfind(w("style")):
            self._add(element)

    def _add(self, element: etree._Element) -> None:
        style_id = element.get(w("styleId"))
        if style_id is None:
            return
        ppr = element.find(w("pPr"))
        self._styles[style_id] = _Style(
            name=w_val(element.find(w("name"))) or "",
            based_on=w_val(element.find(w("basedOn"))),
            outline_level=int_val(None if ppr is None else ppr.find(w("outlineLvl"))),
            numbering=numbering_ref(ppr, style_id),
        )
        if element.get(w("type")) == "paragraph" and element.get(w("default")) in ("1", "true"):
            self.default_paragraph_style = style_id

    def heading_level(self, style_id: str | None) -> int | None:
        """1..9 for a built-in heading style ("heading 1", "标题 1") or a style with an outline level."""
        for style in self._chain(style_id):
            if match := _HEADING_NAME.match(style.name.strip()):
                return int(match.group(1))
            if style.outline_level is not None:
                return style.outline_level + 1 if 0 <= style.outline_level < NO_OUTLINE_LEVEL else None
        return None

    def numbering(self, style_id: str | None) -> NumberingRef | None:
        return next((s.numbering for s in self._chain(style_id) if s.numbering is not None), None)

    def is_toc(self, style_id: str | None) -> bool:
        """Table-of-contents entries ("toc 1" …) repeat the headings; they are not content."""
        style = self._styles.get(style_id or "")
        return style is not None and _TOC_NAME.match(style.name.strip()) is not None

    def _chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        current = style_id or self.default_paragraph_style
        while current is not None and current in self._styles and len(chain) < _MAX_CHAIN:
            style = self._styles[current]
            chain.append(style)
            current = style.based_on
        return chain
