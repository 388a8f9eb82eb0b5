"""The plan model: one shape for imported plans and drafts, used by every part of the program.

`Plan.to_dict()` is the JSON contract printed by `plandesk show ID --json`; its keys are stable.
Missing values are ``None`` (JSON ``null``), never 0 or "".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

SectionKind = Literal["section", "box"]
PlanStatus = Literal["plan", "draft"]


@dataclass(slots=True)
class Region:
    name: str
    level: str | None  # "省" or "市"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "level": self.level}


@dataclass(slots=True)
class Period:
    name: str  # 十三五, or "2009–2020" for an explicit span
    start: int | None
    end: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Section:
    label: str  # the printed label: 一、 （一） 1. （1） 第一部分 专栏一
    title: str
    level: int  # 1 = top level
    kind: SectionKind = "section"
    text: str = ""  # body paragraphs joined by "\n"
    children: list[Section] = field(default_factory=list)

    def walk(self, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Section]]:
        here = (*path, self.label)
        yield here, self
        for child in self.children:
            yield from child.walk(here)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "title": self.title,
            "level": self.level,
            "kind": self.kind,
            "text": self.text,
            "children": [c.to_dict() for c in self.children],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Section:
        return cls(
            label=d["label"],
            title=d["title"],
            level=d["level"],
            kind=d.get("kind", "section"),
            text=d.get("text", ""),
            children=[cls.from_dict(c) for c in d.get("children", [])],
        )


@dataclass(slots=True)
class Value:
    value: float | None
    year: int | None = None
    qualifier: str | None = None  # ≥ ＞ ≤ ＜ kept apart from the number
    text: str | None = None  # as printed

    def to_dict(self) -> dict[str, Any]:
        v: float | int | None = self.value
        if v is not None and float(v).is_integer():
            v = int(v)
        return {"value": v, "year": self.year, "qualifier": self.qualifier, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Value:
        v = d.get("value")
        return cls(None if v is None else float(v), d.get("year"), d.get("qualifier"), d.get("text"))


@dataclass(slots=True)
class Indicator:
    name: str
    unit: str | None
    base: Value
    target: Value
    growth_text: str | None = None
    growth: float | None = None
    attribute: str | None = None  # 预期性 / 约束性
    # Drafts: the previous plan's target this one carries forward (“十三五目标”), and how growth
    # is computed for the row ("compound" | "points" | "increment"; None = the unit decides).
    reference: Value | None = None
    method: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "base": self.base.to_dict(),
            "target": self.target.to_dict(),
            "growth_text": self.growth_text,
            "growth": self.growth,
            "attribute": self.attribute,
            "reference": self.reference.to_dict() if self.reference else None,
            "method": self.method,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Indicator:
        return cls(
            name=d["name"],
            unit=d.get("unit"),
            base=Value.from_dict(d["base"]),
            target=Value.from_dict(d["target"]),
            growth_text=d.get("growth_text"),
            growth=d.get("growth"),
            attribute=d.get("attribute"),
            reference=Value.from_dict(d["reference"]) if d.get("reference") else None,
            method=d.get("method"),
        )


@dataclass(slots=True)
class IndicatorCategory:
    name: str | None
    indicators: list[Indicator] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "indicators": [i.to_dict() for i in self.indicators]}


@dataclass(slots=True)
class IndicatorTable:
    caption: str | None
    columns: list[str]
    categories: list[IndicatorCategory] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Where the table sits: the label path of the section it follows in the source, labels from the
    # root joined by "/" ("二、/（三）"); "" before the first heading; None when not known.
    after: str | None = None

    def indicators(self) -> Iterator[Indicator]:
        for cat in self.categories:
            yield from cat.indicators

    def to_dict(self) -> dict[str, Any]:
        return {
            "caption": self.caption,
            "columns": list(self.columns),
            "categories": [c.to_dict() for c in self.categories],
            "notes": list(self.notes),
            "after": self.after,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> IndicatorTable:
        return cls(
            caption=d.get("caption"),
            columns=list(d.get("columns", [])),
            categories=[
                IndicatorCategory(c.get("name"), [Indicator.from_dict(i) for i in c.get("indicators", [])])
                for c in d.get("categories", [])
            ],
            notes=list(d.get("notes", [])),
            after=d.get("after"),
        )


@dataclass(slots=True)
class Project:
    group: str | None
    name: str
    goal: str | None
    basis: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"group": self.group, "name": self.name, "goal": self.goal, "basis": self.basis}


@dataclass(slots=True)
class GlossaryEntry:
    term: str
    definition: str

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "definition": self.definition}


@dataclass(slots=True)
class Plan:
    title: str
    id: int | None = None
    status: PlanStatus = "plan"
    region: Region | None = None
    period: Period | None = None
    issuers: list[str] = field(default_factory=list)
    doc_number: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    source: str | None = None
    notice: str = ""  # the covering notice (印发通知) lines, when the plan came with one
    preamble: str = ""  # text between the title block and the first section
    closing: str = ""  # the closing block (主题词, 抄送, 印发机关和日期): metadata, not content
    sections: list[Section] = field(default_factory=list)
    indicator_tables: list[IndicatorTable] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the library's save counter as this plan was read (optimistic concurrency); not content, so
    # neither compared nor in to_dict
    version: int | None = field(default=None, compare=False)

    def walk(self) -> Iterator[tuple[tuple[str, ...], Section]]:
        """Every section, depth first, with its path of labels from the root."""
        for s in self.sections:
            yield from s.walk()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "region": self.region.to_dict() if self.region else None,
            "period": self.period.to_dict() if self.period else None,
            "issuers": list(self.issuers),
            "doc_number": self.doc_number,
            "date": self.date,
            "source": self.source,
            "notice": self.notice,
            "preamble": self.preamble,
            "closing": self.closing,
            "sections": [s.to_dict() for s in self.sections],
            "indicator_tables": [t.to_dict() for t in self.indicator_tables],
            "projects": [p.to_dict() for p in self.projects],
            "glossary": [g.to_dict() for g in self.glossary],
            "attachments": list(self.attachments),
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Plan:
        region = d.get("region")
        period = d.get("period")
        return cls(
            id=d.get("id"),
            title=d["title"],
            status=d.get("status", "plan"),
            region=Region(region["name"], region.get("level")) if region else None,
            period=Period(period["name"], period.get("start"), period.get("end")) if period else None,
            issuers=list(d.get("issuers", [])),
            doc_number=d.get("doc_number"),
            date=d.get("date"),
            source=d.get("source"),
            notice=d.get("notice", ""),
            preamble=d.get("preamble", ""),
            closing=d.get("closing", ""),
            sections=[Section.from_dict(s) for s in d.get("sections", [])],
            indicator_tables=[IndicatorTable.from_dict(t) for t in d.get("indicator_tables", [])],
            projects=[Project(p.get("group"), p["name"], p.get("goal"), p.get("basis")) for p in d.get("projects", [])],
            glossary=[GlossaryEntry(g["term"], g["definition"]) for g in d.get("glossary", [])],
            attachments=list(d.get("attachments", [])),
            warnings=list(d.get("warnings", [])),
        )
