"""Recipes for `plandesk compose RECIPE.toml` (a whole draft from a recipe, for batch work and tests):
reading and checking them. Composing the draft over a library is ``service.compose``.

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
from typing import Any

from planning.errors import PlanDeskError

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
