"""`compose RECIPE.toml`: the drafting issue's done-when on seed 001, and recipes that must fail cleanly."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.library import Library
from planning.drafting.recipe import RecipeError, load_recipe
from planning.errors import PlanDeskError
from planning.model import Plan, Section
from service.compose import compose_file
from service.importer import import_paths
from tests.conftest import seed_path

RECIPE = """
skeleton = "province_14th"

[variables]
region = "江西省"
period = "十四五"
issuer = "江西省人民政府"
date = 2021-06-30

[[reuse]]
plan = "江西省“十三五”信息化"
section = "四、"

[[carry]]
indicators = {plan}
"""


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "library.sqlite3"
    with Library.open(path) as lib:
        result = import_paths(lib, [seed_path("001")])
        assert result.count("imported") == 1
    return path


@pytest.fixture
def library(tmp_path: Path, seeded_file: Path) -> Iterator[Library]:
    path = tmp_path / "library.sqlite3"
    shutil.copyfile(seeded_file, path)
    with Library.open(path) as lib:
        yield lib


@pytest.fixture
def seed_id(library: Library) -> int:
    (plan,) = library.list_plans()
    return plan.id


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "recipe.toml"
    path.write_text(text, encoding="utf-8")
    return path


def dump(library: Library) -> list[str]:
    conn = sqlite3.connect(library.path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def section_titled(plan: Plan, title: str) -> Section:
    (found,) = [s for s in plan.sections if s.title == title]
    return found


def test_one_recipe_makes_the_jiangxi_draft_from_seed_001(library: Library, seed_id: int, tmp_path: Path) -> None:
    result = compose_file(library, write(tmp_path, RECIPE.format(plan=seed_id)))
    draft = library.get_plan(result.draft_id)
    seed = library.get_plan(seed_id)

    assert draft.status == "draft" and draft.title == "江西省“十四五”信息化发展规划"
    assert (draft.period and (draft.period.start, draft.period.end)) == (2021, 2025)
    assert (draft.issuers, draft.date) == (["江西省人民政府"], "2021-06-30")
    # the skeleton, with 001's 保障措施 in its 保障措施's place
    assert [s.title for s in draft.sections] == ["发展基础与形势", "总体要求", "主要任务", "重点工程", "保障措施", "附件"]

    (reused,) = result.reused
    assert reused.source_path == "四、" and reused.replaced == "保障措施"
    # every replacement, listed: the two 十三五, and nothing else (中国制造2025 stays as printed)
    assert [(p.path, p.replacement.before, p.replacement.after, a) for p, a in zip(reused.proposals, reused.accepted,
                                                                                    strict=True)] == [
        (("四、", "（五）"), "十三五", "十四五", True),
        (("四、", "（五）"), "十三五", "十四五", True),
    ]
    assert reused.flagged == []
    old, new = section_titled(seed, "保障措施"), section_titled(draft, "保障措施")
    assert [c.title for c in new.children] == [c.title for c in old.children]
    assert [c.text for c in new.children] == [c.text.replace("十三五", "十四五") for c in old.children]
    assert "中国制造2025" in new.children[2].text

    # its indicator table, carried forward: 41 rows, each referring to its 2020 target
    (table,) = draft.indicator_tables
    rows, previous = list(table.indicators()), list(seed.indicator_tables[0].indicators())
    assert len(rows) == 41
    assert [r.name for r in rows] == [p.name for p in previous]
    assert [r.reference for r in rows] == [p.target for p in previous]
    assert {r.reference.year for r in rows if r.reference} == {2020}
    assert all(r.base.year == 2020 and r.target.year == 2025 and r.base.value is None for r in rows)
    assert "十四五" in (table.caption or "")
    assert result.carried == [{"plan_id": seed_id, "what": "indicators", "count": 41}]
    assert library.get_plan(seed_id).to_dict() == seed.to_dict()


BAD_RECIPES = [
    # (recipe, words the error must say)
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\n[[reuse]]\nplan = 999\nsection = '四、'\n", "999"),
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\n[[reuse]]\nplan = '广东省'\nsection = '四、'\n", "广东省"),
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\n[[reuse]]\nplan = '江西'\nsection = '九、'\n", "九、"),
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\n[[reuse]]\nplan = '江西'\nsection = '发展'\n", "对应多个章节"),
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\n[[reuse]]\nplan = '江西'\nsectoin = '四、'\n",
     "reuse[1].sectoin"),
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\nyear = 2021\n", "variables.year"),
    ("[variables]\nregion = '江西省'\n", "variables.period"),
    ("skeletn = 'x'\n[variables]\nregion = '江西省'\nperiod = '十四五'\n", "skeletn"),
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\n[[reuse]]\nplan = '江西'\nsection = '四、'\naccept = 'some'\n",
     "reuse[1].accept"),
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\n[[carry]]\n", "carry[1]"),
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\n[[carry]]\nindicators = true\n", "carry[1].indicators"),
    ("[variables\nregion = '江西省'\n", "TOML"),
    ("skeleton = 'no_such'\n[variables]\nregion = '江西省'\nperiod = '十四五'\n", "no_such"),
    ("[variables]\nregion = '江西省'\nperiod = '十四五'\ndate = '6月30日'\n", "6月30日"),
]


@pytest.mark.parametrize(("text", "says"), BAD_RECIPES)
def test_a_bad_recipe_is_a_clear_error_and_changes_nothing(
    library: Library, tmp_path: Path, text: str, says: str
) -> None:
    before = dump(library)
    with pytest.raises(PlanDeskError) as e:
        compose_file(library, write(tmp_path, text))
    assert says in e.value.zh or says in e.value.en
    assert dump(library) == before


def test_a_template_error_changes_nothing(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a user's skeleton that reaches for internals: refused by the sandbox
    data = tmp_path / "data"
    (data / "templates" / "skeletons").mkdir(parents=True)
    (data / "templates" / "skeletons" / "evil.j2").write_text("# {{ region.__class__.__mro__ }}\n", encoding="utf-8")
    (data / "templates" / "skeletons" / "needs.j2").write_text("# {{ mayor }}\n", encoding="utf-8")
    monkeypatch.setattr("planning.drafting.templates.data_dir", lambda: data)
    before = dump(library)
    for name, says in (("evil", "evil"), ("needs", "mayor")):
        recipe = write(tmp_path, f"skeleton = '{name}'\n[variables]\nregion = '江西省'\nperiod = '十四五'\n")
        with pytest.raises(PlanDeskError) as e:
            compose_file(library, recipe)
        assert says in e.value.zh
    assert dump(library) == before


def test_a_missing_recipe_file(tmp_path: Path) -> None:
    with pytest.raises(RecipeError) as e:
        load_recipe(tmp_path / "nowhere.toml")
    assert "nowhere.toml" in e.value.zh


def test_recipes_can_carry_projects_and_glossary_and_keep_text_as_printed(
    library: Library, seed_id: int, tmp_path: Path
) -> None:
    text = (
        "title = '江西省“十四五”数字江西规划'\n[variables]\nregion = '江西省'\nperiod = '十四五'\n"
        f"[[reuse]]\nplan = {seed_id}\nsection = '四、/（五）'\naccept = 'none'\n"
        f"[[carry]]\nprojects = {seed_id}\nglossary = {seed_id}\n"
    )
    result = compose_file(library, write(tmp_path, text))
    draft = library.get_plan(result.draft_id)
    assert draft.title == "江西省“十四五”数字江西规划"
    (reused,) = result.reused
    assert len(reused.proposals) == 2 and reused.accepted == [False, False]
    placed = section_titled(draft, "保障措施").children[-1]
    assert placed.title == "强化实施评估与监督" and placed.text.count("十三五") == 2
    assert [c["what"] for c in result.carried] == ["projects", "glossary"]
    assert draft.indicator_tables == []
