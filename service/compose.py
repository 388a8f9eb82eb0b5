"""Composing a whole draft from a recipe (``planning.drafting.recipe``) over a library.

The draft is built in memory and stored in one transaction at the end: a recipe that fails
anywhere (a bad key, an unknown plan or section, a template error) leaves the library unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.library import Library
from planning.drafting.growth import carry_glossary, carry_projects
from planning.drafting.indicators import carry_into
from planning.drafting.new import draft_plan
from planning.drafting.recipe import PlanRef, Recipe, RecipeError, load_recipe
from planning.drafting.reuse import ReuseResult, reuse_into
from planning.model import Plan


@dataclass(slots=True)
class ComposeResult:
    draft_id: int
    title: str
    reused: list[ReuseResult] = field(default_factory=list)
    carried: list[dict[str, Any]] = field(default_factory=list)  # {"plan_id", "what", "count"}

    def to_dict(self) -> dict[str, Any]:
        return {"draft_id": self.draft_id, "title": self.title, "reused": [r.to_dict() for r in self.reused],
                "carried": list(self.carried)}


# -- reading --------------------------------------------------------------------------------------


class _Plans:
    """The library's plans by id or title part, each read once."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._cache: dict[int, Plan] = {}
        self._summaries: list[tuple[int, str]] | None = None

    def resolve(self, ref: PlanRef, key: str) -> Plan:
        plan_id = ref if isinstance(ref, int) else int(ref) if ref.isdigit() else self._by_title(ref, key)
        if plan_id not in self._cache:
            self._cache[plan_id] = self.library.get_plan(plan_id)
        return self._cache[plan_id]

    def _by_title(self, part: str, key: str) -> int:
        if self._summaries is None:
            self._summaries = [(p.id, p.title) for p in self.library.list_plans() if p.status == "plan"]
        found = [(i, t) for i, t in self._summaries if part in t]
        if len(found) == 1:
            return found[0][0]
        if not found:
            raise RecipeError(f"配方键“{key}”：库中没有标题含“{part}”的规划",
                              f"recipe key {key}: no plan in the library has {part!r} in its title")
        listed = "；".join(f"{i} {t}" for i, t in found[:10])
        raise RecipeError(f"配方键“{key}”：“{part}”对应多个规划：{listed}",
                          f"recipe key {key}: {part!r} names {len(found)} plans: {listed}")


def compose(library: Library, recipe: Recipe) -> ComposeResult:
    """Build the draft the recipe describes and store it (one transaction); returns what was done."""
    plans = _Plans(library)
    draft = draft_plan(region=recipe.region, period=recipe.period, skeleton=recipe.skeleton,
                       issuer=recipe.issuer, date=recipe.date)
    if recipe.title:
        draft.title = recipe.title
    result = ComposeResult(draft_id=0, title=draft.title)
    for n, reuse in enumerate(recipe.reuse, start=1):
        source = plans.resolve(reuse.plan, f"reuse[{n}].plan")
        result.reused.append(reuse_into(draft, source, reuse.section, accept_all=reuse.accept_all))
    for n, carry in enumerate(recipe.carry, start=1):
        if carry.indicators is not None:
            source = plans.resolve(carry.indicators, f"carry[{n}].indicators")
            tables = carry_into(draft, source)
            count = sum(1 for t in tables for _ in t.indicators())
            result.carried.append({"plan_id": source.id, "what": "indicators", "count": count})
        if carry.projects is not None:
            source = plans.resolve(carry.projects, f"carry[{n}].projects")
            draft.projects.extend(carry_projects(source.projects))
            result.carried.append({"plan_id": source.id, "what": "projects", "count": len(source.projects)})
        if carry.glossary is not None:
            source = plans.resolve(carry.glossary, f"carry[{n}].glossary")
            draft.glossary.extend(carry_glossary(source.glossary))
            result.carried.append({"plan_id": source.id, "what": "glossary", "count": len(source.glossary)})
    result.draft_id = library.create_draft(draft)
    for reused in result.reused:
        reused.draft_id = result.draft_id
    return result


def compose_file(library: Library, path: str | Path) -> ComposeResult:
    return compose(library, load_recipe(path))
