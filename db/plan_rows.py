"""Plan model <-> table rows: the dicts ``add_plan`` bulk-inserts and the model ``get_plan`` rebuilds.

Pure functions, no database access; every list keeps the model's order in a ``position``
column (sections also get a depth-first ``ordinal`` within the plan).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from planning.model import (
    GlossaryEntry,
    Indicator,
    IndicatorCategory,
    IndicatorTable,
    Period,
    Plan,
    Project,
    Region,
    Section,
    Value,
)

Row = Mapping[str, Any]


def plan_row(
    plan: Plan, *, content_hash: str, source_path: str | None, source_format: str | None
) -> dict[str, Any]:
    now = utc_now()
    return {
        **plan_content_row(plan),
        "content_hash": content_hash,
        "source_path": source_path,
        "source_format": source_format,
        "imported_at": now,
        "updated_at": now,
    }


def plan_content_row(plan: Plan) -> dict[str, Any]:
    """The ``plans`` columns a draft's save rewrites: everything but its identity and provenance."""
    return {
        "title": plan.title,
        "status": plan.status,
        "region_name": plan.region.name if plan.region else None,
        "region_level": plan.region.level if plan.region else None,
        "period_name": plan.period.name if plan.period else None,
        "period_start": plan.period.start if plan.period else None,
        "period_end": plan.period.end if plan.period else None,
        "issuers": list(plan.issuers),
        "doc_number": plan.doc_number,
        "date": plan.date,
        "source": plan.source,
        "notice": plan.notice,
        "preamble": plan.preamble,
        "closing": plan.closing,
        "attachments": list(plan.attachments),
        "warnings": list(plan.warnings),
    }


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def section_rows(plan: Plan, *, plan_id: int, ids: Iterator[int]) -> list[dict[str, Any]]:
    """All sections depth first, with ids taken in turn from ``ids`` so parents can be referenced."""
    rows: list[dict[str, Any]] = []

    def visit(sections: list[Section], parent_id: int | None, path: str) -> None:
        for position, section in enumerate(sections):
            section_id = next(ids)
            here = f"{path}/{section.label}" if path else section.label
            rows.append(
                {
                    "id": section_id,
                    "plan_id": plan_id,
                    "parent_id": parent_id,
                    "position": position,
                    "ordinal": len(rows),
                    "label": section.label,
                    "title": section.title,
                    "level": section.level,
                    "kind": section.kind,
                    "text": section.text,
                    "path": here,
                }
            )
            visit(section.children, section_id, here)

    visit(plan.sections, None, "")
    return rows


def indicator_table_row(table: IndicatorTable, *, plan_id: int, position: int) -> dict[str, Any]:
    return {
        "plan_id": plan_id,
        "position": position,
        "caption": table.caption,
        "columns": list(table.columns),
        "categories": [c.name for c in table.categories],
        "notes": list(table.notes),
        "after": table.after,
    }


def indicator_rows(table: IndicatorTable, *, table_id: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for category_position, category in enumerate(table.categories):
        for position, ind in enumerate(category.indicators):
            rows.append(
                {
                    "table_id": table_id,
                    "category": category.name,
                    "category_position": category_position,
                    "position": position,
                    "name": ind.name,
                    "unit": ind.unit,
                    **_value_columns("base", ind.base),
                    **_value_columns("target", ind.target),
                    "growth_text": ind.growth_text,
                    "growth": ind.growth,
                    "attribute": ind.attribute,
                    **_value_columns("reference", ind.reference or _NO_VALUE),
                    "method": ind.method,
                }
            )
    return rows


def project_rows(plan: Plan, *, plan_id: int) -> list[dict[str, Any]]:
    return [
        {
            "plan_id": plan_id,
            "position": i,
            "group_name": p.group,
            "name": p.name,
            "goal": p.goal,
            "basis": p.basis,
        }
        for i, p in enumerate(plan.projects)
    ]


def glossary_rows(plan: Plan, *, plan_id: int) -> list[dict[str, Any]]:
    return [
        {"plan_id": plan_id, "position": i, "term": g.term, "definition": g.definition}
        for i, g in enumerate(plan.glossary)
    ]


_NO_VALUE = Value(None)


def _value_columns(prefix: str, value: Value) -> dict[str, Any]:
    return {
        f"{prefix}_value": value.value,
        f"{prefix}_year": value.year,
        f"{prefix}_qualifier": value.qualifier,
        f"{prefix}_text": value.text,
    }


# -- rows -> model -------------------------------------------------------------------------------


def plan_from_rows(
    plan: Row,
    *,
    sections: Iterable[Row],
    tables: Iterable[Row],
    indicators: Iterable[Row],
    projects: Iterable[Row],
    glossary: Iterable[Row],
) -> Plan:
    """Rebuild a plan. ``sections`` in ordinal order; the other lists in position order
    (``indicators`` by table, category position, position)."""
    return Plan(
        id=plan["id"],
        title=plan["title"],
        status=plan["status"],
        region=Region(plan["region_name"], plan["region_level"]) if plan["region_name"] is not None else None,
        period=(
            Period(plan["period_name"], plan["period_start"], plan["period_end"])
            if plan["period_name"] is not None
            else None
        ),
        issuers=list(plan["issuers"]),
        doc_number=plan["doc_number"],
        date=plan["date"],
        source=plan["source"],
        notice=plan["notice"],
        preamble=plan["preamble"],
        closing=plan["closing"],
        sections=_section_tree(sections),
        indicator_tables=_tables(tables, indicators),
        projects=[Project(r["group_name"], r["name"], r["goal"], r["basis"]) for r in projects],
        glossary=[GlossaryEntry(r["term"], r["definition"]) for r in glossary],
        attachments=list(plan["attachments"]),
        warnings=list(plan["warnings"]),
        version=plan["version"],
    )


def _section_tree(rows: Iterable[Row]) -> list[Section]:
    roots: list[Section] = []
    by_id: dict[int, Section] = {}
    for r in rows:
        section = Section(
            label=r["label"], title=r["title"], level=r["level"], kind=r["kind"], text=r["text"]
        )
        by_id[r["id"]] = section
        parent_id = r["parent_id"]
        (by_id[parent_id].children if parent_id is not None else roots).append(section)
    return roots


def _tables(tables: Iterable[Row], indicators: Iterable[Row]) -> list[IndicatorTable]:
    built: dict[int, IndicatorTable] = {}
    for t in tables:
        built[t["id"]] = IndicatorTable(
            caption=t["caption"],
            columns=list(t["columns"]),
            categories=[IndicatorCategory(name) for name in t["categories"]],
            notes=list(t["notes"]),
            after=t["after"],
        )
    for r in indicators:
        built[r["table_id"]].categories[r["category_position"]].indicators.append(
            Indicator(
                name=r["name"],
                unit=r["unit"],
                base=Value(r["base_value"], r["base_year"], r["base_qualifier"], r["base_text"]),
                target=Value(r["target_value"], r["target_year"], r["target_qualifier"], r["target_text"]),
                growth_text=r["growth_text"],
                growth=r["growth"],
                attribute=r["attribute"],
                reference=_reference(r),
                method=r["method"],
            )
        )
    return list(built.values())


def _reference(r: Row) -> Value | None:
    """All four columns NULL is no reference (a reference that is wholly empty reads back as none)."""
    value = Value(r["reference_value"], r["reference_year"], r["reference_qualifier"], r["reference_text"])
    return None if value == _NO_VALUE else value
