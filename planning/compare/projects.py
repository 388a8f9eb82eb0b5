"""Key projects of two plans matched by name, with what changed in each."""

from __future__ import annotations

from planning.compare.names import match_names
from planning.compare.result import FieldChange, ItemChange
from planning.compare.textdiff import normalize
from planning.model import Plan, Project

FIELDS = ("name", "group", "goal", "basis")


def describe(p: Project) -> dict[str, str | None]:
    return {"name": p.name, "group": p.group, "goal": p.goal, "basis": p.basis}


def project_changes(a: Project, b: Project) -> list[FieldChange]:
    return [FieldChange(f, getattr(a, f), getattr(b, f)) for f in FIELDS
            if normalize(getattr(a, f) or "") != normalize(getattr(b, f) or "")]


def compare_projects(old: Plan, new: Plan) -> list[ItemChange]:
    """Every project of both plans once, in the new plan's order, then the removed ones."""
    pairs = match_names([p.name for p in old.projects], [p.name for p in new.projects])
    by_new = {j: (i, s) for i, j, s in pairs}
    matched_old = {i for i, _, _ in pairs}
    out: list[ItemChange] = []
    for j, p in enumerate(new.projects):
        if j in by_new:
            i, s = by_new[j]
            changes = project_changes(old.projects[i], p)
            out.append(ItemChange(describe(old.projects[i]), describe(p), "changed" if changes else "same", s, changes))
        else:
            out.append(ItemChange(None, describe(p), "added", 0.0))
    out.extend(ItemChange(describe(p), None, "removed", 0.0)
               for i, p in enumerate(old.projects) if i not in matched_old)
    return out
