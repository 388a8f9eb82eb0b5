"""The list labels Word prints ("一、" "（一）" "1." …), computed from numbering.xml.

A plan numbered by Word's list feature must read the same as one numbered by hand, so each
numbered paragraph gets the label Word would show. Feed paragraphs in reading order: counters
live per list (abstractNum, or the num itself when it overrides a start) and per level, and a
level restarts when a shallower level advances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from planning.list_numbers import format_number
from planning.readers.docx_styles import NumberingRef, StyleSheet, int_val, numbering_ref, w, w_val

LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str  # w:numFmt, e.g. "chineseCounting"
    text: str  # w:lvlText, e.g. "（%1）"
    start: int = 1
    restart_after: int | None = None  # w:lvlRestart: restart only after levels above this (0 = never)
    legal: bool = False  # w:isLgl: show every level's number as decimal
    style_id: str | None = None  # w:pStyle: the paragraph style linked to this level


@dataclass(frozen=True, slots=True)
class _List:
    abstract_id: int
    starts: dict[int, int]  # w:lvlOverride/w:startOverride
    levels: dict[int, Level]  # w:lvlOverride/w:lvl

    @property
    def overrides(self) -> bool:
        return bool(self.starts or self.levels)


def parse_level(lvl: etree._Element) -> Level:
    restart = int_val(lvl.find(w("lvlRestart")))
    return Level(
        fmt=_num_fmt(lvl),
        text=w_val(lvl.find(w("lvlText"))) or "",
        start=int_val(lvl.find(w("start"))) or 0,  # ECMA-376: an omitted w:start means 0
        restart_after=restart,
        legal=_is_on(lvl.find(w("isLgl"))),
        style_id=w_val(lvl.find(w("pStyle"))),
    )


def _num_fmt(lvl: etree._Element) -> str:
    """w:numFmt, or the plain fallback Word 2010+ writes next to a custom format."""
    fmt = lvl.find(w("numFmt"))
    if fmt is None:
        fmt = lvl.find(f".//{_MC_FALLBACK}/{w('numFmt')}")
    return w_val(fmt) or "decimal"


def _is_on(flag: etree._Element | None) -> bool:
    """An OOXML on/off element: present and not switched off by w:val."""
    return flag is not None and w_val(flag) not in ("0", "false", "off")


class ListNumbering:
    def __init__(self, numbering: etree._Element | None, styles: StyleSheet) -> None:
        self._styles = styles
        self._abstract: dict[int, dict[int, Level]] = {}
        self._style_links: dict[int, str] = {}  # abstractNum whose levels live in a numbering style
        self._lists: dict[int, _List] = {}
        self._counters: dict[tuple[str, int], list[int | None]] = {}
        if numbering is not None:
            self._load(numbering)

    def _load(self, numbering: etree._Element) -> None:
        for abstract in numbering.iterfind(w("abstractNum")):
            abstract_id = _int_attr(abstract, "abstractNumId")
            if abstract_id is None:
                continue
            self._abstract[abstract_id] = _levels(abstract)
            if (link := w_val(abstract.find(w("numStyleLink")))) is not None:
                self._style_links[abstract_id] = link
        for num in numbering.iterfind(w("num")):
            num_id = _int_attr(num, "numId")
            abstract_id = int_val(num.find(w("abstractNumId")))
            if num_id is not None and abstract_id is not None:
                self._lists[num_id] = _list(abstract_id, num)

    def label(self, ref: NumberingRef) -> str:
        """Advance the counter for this paragraph and return its printed label ("" for bullets)."""
        found = self._resolve(ref.num_id) if ref.num_id else None
        if found is None:
            return ""
        key, levels = found
        ilvl = ref.ilvl if ref.ilvl is not None else _linked_level(levels, ref.style_id)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counts = self._counters.setdefault(key, [None] * LEVELS)
        _advance(counts, levels, ilvl)
        if level.fmt in ("bullet", "none"):
            return ""
        return _PLACEHOLDER.sub(
            lambda m: _render(levels, counts, int(m.group(1)) - 1, level.legal), level.text
        )

    def _resolve(self, num_id: int) -> tuple[tuple[str, int], dict[int, Level]] | None:
        the_list = self._lists.get(num_id)
        if the_list is None:
            return None
        abstract_id = self._follow_style_link(the_list.abstract_id)
        levels = dict(self._abstract.get(abstract_id, {}))
        levels.update(the_list.levels)
        for ilvl, start in the_list.starts.items():
            if ilvl in levels:
                levels[ilvl] = replace(levels[ilvl], start=start)
        key = ("num", num_id) if the_list.overrides else ("abstract", abstract_id)
        return key, levels

    def _follow_style_link(self, abstract_id: int) -> int:
        """An abstractNum with w:numStyleLink borrows the list of the numbering style it names."""
        link = self._style_links.get(abstract_id)
        ref = self._styles.numbering(link) if link else None
        target = self._lists.get(ref.num_id) if ref and ref.num_id else None
        return target.abstract_id if target is not None else abstract_id


def _int_attr(element: etree._Element, attr: str) -> int | None:
    value = element.get(w(attr))
    return int(value) if value is not None and value.lstrip("-").isdigit() else None


def _levels(abstract: etree._Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in abstract.iterfind(w("lvl")):
        ilvl = _int_attr(lvl, "ilvl")
        if ilvl is not None and 0 <= ilvl < LEVELS:
            levels[ilvl] = parse_level(lvl)
    return levels


def _list(abstract_id: int, num: etree._Element) -> _List:
    starts: dict[int, int] = {}
    levels: dict[int, Level] = {}
    for override in num.iterfind(w("lvlOverride")):
        ilvl = _int_attr(override, "ilvl")
        if ilvl is None:
            continue
        if (start := int_val(override.find(w("startOverride")))) is not None:
            starts[ilvl] = start
        if (lvl := override.find(w("lvl"))) is not None:
            levels[ilvl] = parse_level(lvl)
    return _List(abstract_id, starts, levels)


def _linked_level(levels: dict[int, Level], style_id: str | None) -> int:
    return next((i for i, lv in levels.items() if style_id and lv.style_id == style_id), 0)


def _advance(counts: list[int | None], levels: dict[int, Level], ilvl: int) -> None:
    current = counts[ilvl]
    counts[ilvl] = levels[ilvl].start if current is None else current + 1
    for deeper in range(ilvl + 1, LEVELS):
        level = levels.get(deeper)
        restart = None if level is None else level.restart_after
        if restart is None or (restart != 0 and ilvl < restart):
            counts[deeper] = None


def _render(levels: dict[int, Level], counts: list[int | None], index: int, legal: bool) -> str:
    level = levels.get(index)
    if level is None:
        return ""
    value = counts[index] if counts[index] is not None else level.start
    return format_number(value, "decimal" if legal else level.fmt)


def numbering_of(ppr: etree._Element | None, style_id: str | None, styles: StyleSheet) -> NumberingRef | None:
    """The paragraph's own w:numPr, completed by its style's (numId or ilvl may come from either)."""
    own = numbering_ref(ppr, style_id)
    inherited = styles.numbering(style_id)
    if own is None:
        return inherited
    if own.num_id is None and inherited is not None:
        return NumberingRef(inherited.num_id, own.ilvl, inherited.style_id)
    return own
