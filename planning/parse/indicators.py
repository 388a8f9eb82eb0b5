"""Indicator tables (主要指标): from real tables, or flattened one cell per line as web pages print them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planning.cn_numbers import halfwidth, parse_number
from planning.model import Indicator, IndicatorCategory, IndicatorTable, Value
from planning.parse.labels import label_at_start

ATTRIBUTES = ("预期性", "约束性")
_NO_VALUE = {"", "-", "--", "—", "——", "－", "/", "／", "…"}
_YEAR = re.compile(r"((?:19|20)\d{2})")
_HEADER_CELL = re.compile(
    r"^(指标(名称|类型|属性|性质)?|序号|单位|类别|领域|(?:19|20)\d{2}年?(目标值?|基数|基期值?|现状值?|预期值?|末)?"
    r"|基期值?|目标值?|现状值?|年均增长(率)?(\(%\))?|年均增速|增长率?|增速|属性|备注|计量单位)$"
)
_VALUE = re.compile(r"^(?P<q>≥|＞|>|≤|＜|<|约|大于|不低于|超过|达到)?(?P<n>-?\d+(?:\.\d+)?)(?P<tail>%|亿元|万户|个|万)?$")
_UNIT = re.compile(r"\s*[（(]([^（）()]{1,12})[）)]\s*$")
_WS = re.compile(r"[\s\u3000\xa0]+")


def _clean(cell: str) -> str:
    return _WS.sub("", halfwidth(cell))


def is_value_cell(cell: str) -> bool:
    c = _clean(cell)
    return c in _NO_VALUE or c in ATTRIBUTES or bool(_VALUE.match(c))


def is_header_cell(cell: str) -> bool:
    return bool(_HEADER_CELL.match(_clean(cell)))


def looks_like_caption(line: str) -> bool:
    return len(line) <= 60 and "指标" in line and "。" not in line


def parse_value(cell: str, year: int | None) -> Value:
    printed = cell.strip()
    c = _clean(cell)
    if c in _NO_VALUE:
        return Value(None, year, None, printed or None)
    m = _VALUE.match(c)
    if not m:
        return Value(parse_number(c), year, None, printed)
    q = m.group("q")
    # keep the qualifier as printed (≥ ＞ …): the number alone is the value
    printed_q = next((ch for ch in printed if ch in "≥＞>≤＜<"), q) if q else None
    return Value(float(m.group("n")), year, printed_q, printed)


def split_unit(name: str) -> tuple[str, str | None]:
    """行政村光缆通达率（%） → (行政村光缆通达率, %)."""
    name = name.strip()
    m = _UNIT.search(name)
    if m and m.start() > 0:
        return name[: m.start()].strip(), m.group(1).strip()
    return name, None


@dataclass(slots=True)
class _Columns:
    name: int
    base: int | None
    target: int | None
    growth: int | None
    attribute: int | None
    unit: int | None
    base_year: int | None
    target_year: int | None

    @classmethod
    def from_header(cls, header: list[str]) -> _Columns:
        cells = [_clean(h) for h in header]
        years = [(i, int(m.group(1))) for i, c in enumerate(cells) if (m := _YEAR.search(c))]
        name = next((i for i, c in enumerate(cells) if c.startswith("指标") and not _YEAR.search(c)
                     and "类型" not in c and "属性" not in c and "性质" not in c), 0)
        growth = next((i for i, c in enumerate(cells) if "增" in c), None)
        attribute = next((i for i, c in enumerate(cells) if "类型" in c or "属性" in c or "性质" in c), None)
        unit = next((i for i, c in enumerate(cells) if "单位" in c), None)
        base = years[0] if years else None
        target = years[-1] if len(years) > 1 else None
        return cls(name, base and base[0], target and target[0], growth, attribute, unit,
                   base and base[1], target and target[1])


def _category_number(line: str) -> int | None:
    label = label_at_start(line.strip())
    if label is None or label.style not in ("cn", "pcn") or len(line) > 40:
        return None
    return label.number


def _category_name(line: str) -> str:
    label = label_at_start(line.strip())
    return line.strip()[label.end :].strip() if label else line.strip()


class _TableBuilder:
    def __init__(self, caption: str | None, header: list[str]) -> None:
        self.table = IndicatorTable(caption=caption, columns=[h.strip() for h in header])
        self.cols = _Columns.from_header(header)
        self._next_category = 1

    def try_category(self, line: str) -> bool:
        n = _category_number(line)
        if n is None or n != self._next_category:
            return False
        self._next_category += 1
        self.table.categories.append(IndicatorCategory(_category_name(line)))
        return True

    def row_ok(self, cells: list[str]) -> bool:
        if len(cells) != len(self.table.columns):
            return False
        name = cells[self.cols.name].strip()
        if not name or is_value_cell(name) or _category_number(name) is not None:
            return False
        others = [c for i, c in enumerate(cells) if i not in (self.cols.name, self.cols.unit)]
        if not all(is_value_cell(c) for c in others):
            return False
        if self.cols.attribute is not None and _clean(cells[self.cols.attribute]) not in ATTRIBUTES:
            return False
        return True

    def add_row(self, cells: list[str]) -> None:
        c = self.cols
        name, unit = split_unit(cells[c.name])
        if c.unit is not None and cells[c.unit].strip():
            unit = cells[c.unit].strip()
        growth_text = cells[c.growth].strip() if c.growth is not None else None
        growth_clean = _clean(growth_text or "")
        indicator = Indicator(
            name=name,
            unit=unit,
            base=parse_value(cells[c.base], c.base_year) if c.base is not None else Value(None),
            target=parse_value(cells[c.target], c.target_year) if c.target is not None else Value(None),
            growth_text=growth_text or None,
            growth=None if growth_clean in _NO_VALUE else parse_number(growth_clean),
            attribute=_clean(cells[c.attribute]) or None if c.attribute is not None else None,
        )
        if not self.table.categories:
            self.table.categories.append(IndicatorCategory(None))
        self.table.categories[-1].indicators.append(indicator)


def read_flattened(lines: list[str], start: int) -> tuple[IndicatorTable, int] | None:
    """An indicator table printed one cell per line, its caption at `start`.

    Returns the table and the index of the first line after it, or None if this is no such table.
    """
    caption = lines[start].strip()
    if not looks_like_caption(caption):
        return None
    i = start + 1
    header: list[str] = []
    while i < len(lines) and is_header_cell(lines[i]) and len(header) < 10:
        header.append(lines[i].strip())
        i += 1
    if len(header) < 3 or not any(_YEAR.search(h) for h in header):
        return None
    builder = _TableBuilder(caption, header)
    width = len(header)
    while i < len(lines):
        line = lines[i].strip()
        following = [c.strip() for c in lines[i + 1 : i + 1 + width]]
        if builder.row_ok(following) and builder.try_category(line):  # a category row heads indicators
            i += 1
            continue
        cells = [c.strip() for c in lines[i : i + width]]
        if builder.row_ok(cells):
            builder.add_row(cells)
            i += width
            continue
        if not builder.table.categories and "。" in line and not is_value_cell(line):
            builder.table.notes.append(line)  # a note printed between the header and the first row
            i += 1
            continue
        break
    if not any(True for _ in builder.table.indicators()):
        return None
    return builder.table, i


def is_indicator_header(row: list[str]) -> bool:
    cells = [_clean(c) for c in row]
    return any(c.startswith("指标") for c in cells) and sum(bool(_YEAR.search(c)) for c in cells) >= 1


def read_table(rows: list[list[str]], caption: str | None) -> IndicatorTable | None:
    """A real table whose first row is an indicator header."""
    if not rows or not is_indicator_header(rows[0]):
        return None
    builder = _TableBuilder(caption, rows[0])
    width = len(rows[0])
    for row in rows[1:]:
        cells = [c.strip() for c in row] + [""] * (width - len(row))
        distinct = {c for c in cells if c}
        if len(distinct) == 1:  # a merged category row
            only = distinct.pop()
            if not builder.try_category(only):
                builder.table.categories.append(IndicatorCategory(_category_name(only)))
            continue
        if builder.row_ok(cells[:width]):
            builder.add_row(cells[:width])
        elif any(cells):
            builder.table.notes.append(" ".join(c for c in cells if c))
    return builder.table
