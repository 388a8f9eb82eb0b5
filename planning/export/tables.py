"""What the indicator and project tables print, cell by cell (the writer lays them out).

Pure functions over the plan model: a header row, then category/group rows (one merged cell) and
data rows. Qualifiers (≥ ＞) stay with their numbers; a value printed "-" is kept or printed "—".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from planning.list_numbers import chinese
from planning.model import IndicatorTable, Period, Project, Value
from planning.parse.labels import label_at_start

_YEAR = re.compile(r"(?:19|20)\d{2}")
_DASHES = {"-", "--", "－", "—", "——", "–"}


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # "data" | "category"
    cells: tuple[str, ...]  # a category row has one cell, spanning the table


def column_roles(columns: list[str]) -> list[str]:
    """Each header cell's role: name, unit, base, target, growth, attribute, index or other."""
    cleaned = [re.sub(r"\s+", "", c) for c in columns]
    years = [i for i, c in enumerate(cleaned) if _YEAR.search(c)]
    roles = ["other"] * len(columns)
    for i, c in enumerate(cleaned):
        if "类型" in c or "属性" in c or "性质" in c:
            roles[i] = "attribute"
        elif "单位" in c:
            roles[i] = "unit"
        elif "增" in c:
            roles[i] = "growth"
        elif c == "序号":
            roles[i] = "index"
    name = next((i for i, c in enumerate(cleaned) if c.startswith("指标") and i not in years
                 and roles[i] == "other"), 0)
    roles[name] = "name"
    if years:
        roles[years[0]] = "base"
    if len(years) > 1:
        roles[years[-1]] = "target"
    return roles


def default_columns(table: IndicatorTable, period: Period | None) -> list[str]:
    """A header for a table built by hand (no columns printed yet)."""
    indicators = list(table.indicators())
    base_year = next((i.base.year for i in indicators if i.base.year), None)
    target_year = next((i.target.year for i in indicators if i.target.year), None)
    if period is not None and period.start and period.end:
        base_year = base_year or period.start - 1
        target_year = target_year or period.end
    columns = ["指标", f"{base_year}年" if base_year else "基期值", f"{target_year}年" if target_year else "目标值"]
    if any(i.growth_text or i.growth is not None for i in indicators):
        columns.append("年均增长")
    if any(i.attribute for i in indicators):
        columns.append("属性")
    return columns


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def value_text(value: Value, *, dash: str) -> str:
    if value.text is not None:
        text = value.text
    elif value.value is not None:
        text = f"{value.qualifier or ''}{number_text(value.value)}"
    else:
        text = "-"
    if dash == "emdash" and text.strip() in _DASHES:
        return "—"
    return text


def indicator_rows(table: IndicatorTable, *, dash: str = "keep", period: Period | None = None) -> tuple[list[str], list[Row]]:
    """(header, rows) of an indicator table as printed."""
    columns = list(table.columns) or default_columns(table, period)
    roles = column_roles(columns)
    rows: list[Row] = []
    index = 0
    for n, category in enumerate(table.categories, 1):
        if category.name:
            rows.append(Row("category", (f"{chinese(n)}、{category_name(category.name)}",)))
        for indicator in category.indicators:
            index += 1
            cells: list[str] = []
            for role in roles:
                if role == "name":
                    unit = f"（{indicator.unit}）" if indicator.unit and "unit" not in roles else ""
                    cells.append(f"{indicator.name}{unit}")
                elif role == "unit":
                    cells.append(indicator.unit or "")
                elif role == "base":
                    cells.append(value_text(indicator.base, dash=dash))
                elif role == "target":
                    cells.append(value_text(indicator.target, dash=dash))
                elif role == "growth":
                    cells.append(_growth_text(indicator.growth_text, indicator.growth, dash))
                elif role == "attribute":
                    cells.append(indicator.attribute or "")
                elif role == "index":
                    cells.append(str(index))
                else:
                    cells.append("")
            rows.append(Row("data", tuple(cells)))
    return columns, rows


def category_name(name: str) -> str:
    label = label_at_start(name.strip())
    return name.strip()[label.end:].strip() if label is not None else name.strip()


def _growth_text(text: str | None, growth: float | None, dash: str) -> str:
    if text is None:
        return number_text(growth) if growth is not None else ""
    if dash == "emdash" and text.strip() in _DASHES:
        return "—"
    return text


PROJECT_COLUMNS = ("序号", "项目名称", "建设目标", "建设依据")


def project_rows(projects: list[Project]) -> tuple[list[str], list[Row]]:
    """(header, rows) of a key-project table; a change of group starts a merged group row."""
    with_basis = any(p.basis for p in projects)
    header = list(PROJECT_COLUMNS if with_basis else PROJECT_COLUMNS[:3])
    rows: list[Row] = []
    group: str | None = None
    for n, project in enumerate(projects, 1):
        if project.group and project.group != group:
            rows.append(Row("category", (project.group,)))
        group = project.group or group
        cells = [str(n), project.name, project.goal or ""]
        if with_basis:
            cells.append(project.basis or "")
        rows.append(Row("data", tuple(cells)))
    return header, rows


def projects_in_sections(projects: list[Project], titles: Iterator[str]) -> bool:
    """True when the projects are written as chapters (each project a section title), so the body
    already prints them and no table is needed."""
    names = set(titles)
    return bool(projects) and all(p.name in names for p in projects)
