"""Compare two plans: sections aligned by title and content, a readable Chinese text diff inside each
pair, indicators and key projects matched by name.

    comparison = compare_plans(old_plan, new_plan)
    comparison.to_dict()          # the JSON of `plandesk diff --json`
    render_html(comparison)       # planning.compare.html_report: one standalone page
"""

from __future__ import annotations

from planning.compare.align import align
from planning.compare.indicators import compare_indicators
from planning.compare.projects import compare_projects
from planning.compare.result import Comparison, FieldChange, ItemChange, PlanRef, SectionChange, SectionRef
from planning.compare.sections import build_changes
from planning.compare.textdiff import diff_text
from planning.model import Plan

__all__ = ["Comparison", "FieldChange", "ItemChange", "PlanRef", "SectionChange", "SectionRef", "compare_plans",
           "diff_text"]


def compare_plans(old: Plan, new: Plan, *, ignore_punctuation: bool = False) -> Comparison:
    """Everything that differs between `old` and `new`; `ignore_punctuation` hides punctuation-only
    and whitespace-only changes (full-width vs half-width, line breaks)."""
    alignment = align(old, new, ignore_punctuation=ignore_punctuation)
    return Comparison(
        old=PlanRef(old.title, old.id, old.source),
        new=PlanRef(new.title, new.id, new.source),
        sections=build_changes(alignment, ignore_punctuation=ignore_punctuation),
        indicators=compare_indicators(old, new),
        projects=compare_projects(old, new),
        preamble=diff_text(old.preamble, new.preamble, ignore_punctuation=ignore_punctuation),
        ignore_punctuation=ignore_punctuation,
    )
