"""What "the same plan" means after export and import: the parts a reader of the plan relies on."""

from __future__ import annotations

from typing import Any

from planning.cn_numbers import halfwidth
from planning.export.numbering import numbered
from planning.model import Plan, Section


def _sections(sections: list[Section], labels: dict[int, str]) -> list[Any]:
    return [(labels[id(s)], s.title, s.level, s.kind, _sections(s.children, labels)) for s in sections]


def structure(plan: Plan, *, generated_labels: bool = True) -> dict[str, Any]:
    """The comparable structure; labels as the exporter generates them (GB/T forms, in sequence)."""
    labels = {id(s): label for s, label, _ in numbered(plan)} if generated_labels else {
        id(s): halfwidth(s.label) for _, s in plan.walk()}
    return {
        "title": plan.title,
        "region": plan.region and plan.region.to_dict(),
        "period": plan.period and plan.period.to_dict(),
        "issuers": plan.issuers,
        "doc_number": plan.doc_number,
        "date": plan.date,
        "sections": _sections(plan.sections, labels),
        "boxes": sum(1 for _, s in plan.walk() if s.kind == "box"),
        "indicators": [
            [(t.caption, c.name, [(i.name, i.unit, i.base.value, i.base.qualifier, i.base.year, i.target.value,
                                   i.target.qualifier, i.target.year, i.growth, i.attribute) for i in c.indicators])
             for c in t.categories]
            for t in plan.indicator_tables
        ],
        "projects": [(p.name, p.goal, p.basis) for p in plan.projects],
        "groups": [p.group for p in plan.projects],
        "glossary": [(g.term, g.definition) for g in plan.glossary],
        "attachments": plan.attachments,
    }
