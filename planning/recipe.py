"""`plandesk compose RECIPE.toml`: a whole draft from a recipe, for batch work and tests.

    skeleton = "province_14th"          # optional: the region level's skeleton when left out
    title = "…"                         # optional: 江西省“十四五”信息化发展规划 when left out

    [variables]
    region = "江西省"
    period = "十四五"
    issuer = "江西省人民政府"            # optional
    date = "2021-06-30"                 # optional

    [[reuse]]                           # any number, applied in order
    plan = 1                            # a plan id, or a part of its title naming one plan
    section = "四、"                    # label path (三、/（七）) or a part of the title
    accept = "all"                      # optional: "all" (default) or "none" (as printed)

    [[carry]]                           # any number; give one or more of the three
    indicators = "江西省“十三五”"        # the plan whose indicator tables are carried forward
    projects = 1                        # … whose key projects are copied
    glossary = 1                        # … whose glossary is copied

The draft is built in memory and stored in one transaction at the end: a recipe that fails
anywhere (a bad key, an unknown plan or section, a template error) leaves the library unchanged.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planning.drafting.indicators import carry_into
from planning.drafting.new import draft_plan
from planning.drafting.reuse import ReuseResult, reuse_into
from planning.errors import PlanDeskError
from planning.growth import carry_glossary, carry_projects
from planning.model import Plan

if TYPE_CHECKING:
    from db.library import Library

PlanRef = int | str
_TOP = {"skeleton", "title", "variables", "reuse", "carry"}
_VARIABLES = {"region", "period", "issuer", "date"}
_REUSE = {"plan", "section", "accept"}
_CARRY = {"indicators", "projects", "glossary"}


class RecipeError(PlanDeskError):
    """A recipe that cannot be read or names a key, plan or value that does not fit."""


@dataclass(frozen=True, slots=True)
class Reuse:
    plan: PlanRef
    section: str
    accept_all: bool = True


@dataclass(frozen=True, slots=True)
class Carry:
    indicators: PlanRef | None = None
    projects: PlanRef | None = None
    glossary: PlanRef | None = None


@dataclass(frozen=True, slots=True)
class Recipe:
    region: str
    period: str
    skeleton: str | None = None
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    reuse: list[Reuse] = field(default_factory=list)
    carry: list[Carry] = field(default_factory=list)


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


def _fail(where: str, zh: str, en: str) -> RecipeError:
    return RecipeError(f"配方 {where}：{zh}", f"recipe {where}: {en}")


def _unknown_keys(table: dict[str, Any], allowed: set[str], where: str, key_path: str) -> None:
    for key in table:
        if key not in allowed:
            name = f"{key_path}.{key}" if key_path else key
            raise _fail(where, f"未知的键“{name}”（可用：{'、'.join(sorted(allowed))}）",
                        f"unknown key {name!r} (allowed: {', '.join(sorted(allowed))})")


def _text(table: dict[str, Any], key: str, where: str, key_path: str, *, required: bool = False) -> str | None:
    value = table.get(key)
    name = f"{key_path}.{key}" if key_path else key
    if value is None:
        if required:
            raise _fail(where, f"缺少键“{name}”", f"missing key {name!r}")
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"键“{name}”须为非空文字", f"key {name!r} must be a non-empty string")
    return value.strip()


def _plan_ref(table: dict[str, Any], key: str, where: str, key_path: str) -> PlanRef | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str) or (isinstance(value, str) and not value.strip()):
        raise _fail(where, f"键“{key_path}.{key}”须为规划编号或标题中的文字",
                    f"key {key_path}.{key!r} must be a plan id or a part of a plan title")
    return value.strip() if isinstance(value, str) else value


def _tables(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
        raise _fail(where, f"“{key}”须写成 [[{key}]] 表", f"{key!r} must be an array of tables, [[{key}]]")
    return value


def parse_recipe(data: dict[str, Any], *, where: str = "") -> Recipe:
    """A recipe from its TOML data; every error names the bad key."""
    _unknown_keys(data, _TOP, where, "")
    variables = data.get("variables")
    if not isinstance(variables, dict):
        raise _fail(where, "缺少 [variables] 表（region、period）", "missing the [variables] table (region, period)")
    _unknown_keys(variables, _VARIABLES, where, "variables")
    reuse = []
    for n, entry in enumerate(_tables(data, "reuse", where), start=1):
        path = f"reuse[{n}]"
        _unknown_keys(entry, _REUSE, where, path)
        plan = _plan_ref(entry, "plan", where, path)
        if plan is None:
            raise _fail(where, f"缺少键“{path}.plan”", f"missing key {path}.plan")
        accept = _text(entry, "accept", where, path) or "all"
        if accept not in ("all", "none"):
            raise _fail(where, f"键“{path}.accept”须为 all 或 none", f"key {path}.accept must be 'all' or 'none'")
        section = _text(entry, "section", where, path, required=True)
        assert section is not None
        reuse.append(Reuse(plan, section, accept == "all"))
    carry = []
    for n, entry in enumerate(_tables(data, "carry", where), start=1):
        path = f"carry[{n}]"
        _unknown_keys(entry, _CARRY, where, path)
        refs = {key: _plan_ref(entry, key, where, path) for key in _CARRY}
        if all(v is None for v in refs.values()):
            raise _fail(where, f"“{path}”须给出 indicators、projects 或 glossary",
                        f"{path} needs indicators, projects or glossary")
        carry.append(Carry(**refs))
    region = _text(variables, "region", where, "variables", required=True)
    period = _text(variables, "period", where, "variables", required=True)
    assert region is not None and period is not None
    return Recipe(
        region=region,
        period=period,
        skeleton=_text(data, "skeleton", where, ""),
        title=_text(data, "title", where, ""),
        issuer=_text(variables, "issuer", where, "variables"),
        date=_date_text(variables, where),
        reuse=reuse,
        carry=carry,
    )


def _date_text(variables: dict[str, Any], where: str) -> str | None:
    value = variables.get("date")
    if value is not None and not isinstance(value, str):  # TOML's own dates: 2021-06-30 unquoted
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    return _text(variables, "date", where, "variables")


def load_recipe(path: str | Path) -> Recipe:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(str(path), f"无法读取：{exc.strerror or exc}", f"cannot read it: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise _fail(str(path), "须为 UTF-8 编码", "must be UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _fail(str(path), f"TOML 格式错误：{exc}", f"malformed TOML: {exc}") from exc
    return parse_recipe(data, where=str(path))


# -- composing ------------------------------------------------------------------------------------


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
