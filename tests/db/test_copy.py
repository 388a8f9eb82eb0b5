"""Copying a whole library between a file and a shared PostgreSQL library, in every direction."""

from __future__ import annotations

import copy
import dataclasses
import json
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cli.main import main
from db import plan_store, roles
from db.copy import copy_library
from db.library import Library
from db.models import PlanRow
from planning.errors import LibraryError
from planning.model import Value
from planning.paths import resource_path
from service.importer import import_paths
from tests.conftest import seed_path
from tests.db.sample_plan import make_plan
from tests.pg_server import PgServer

Address = Callable[[str], "str | Path"]
KINDS = ["sqlite", "postgresql"]


@pytest.fixture
def new_address(request: pytest.FixtureRequest, tmp_path: Path) -> Address:
    """``new_address(kind)``: where a new, empty library of that kind can be made."""

    def make(kind: str) -> str | Path:
        if kind == "sqlite":
            return tmp_path / f"{uuid.uuid4().hex[:8]}.sqlite3"
        server: PgServer = request.getfixturevalue("pg_server")
        url = server.create_database(template=request.getfixturevalue("pg_template"))
        with Library.open(url) as library:  # as an office would prepare it
            roles.init(library.engine)
        return url

    return make


def fill(library: Library) -> dict[str, int]:
    """Two imported plans (the later one linked by hand to the earlier), a draft that was saved,
    snapshotted, autosaved and linked too, and a deleted plan with the highest id. Returns the ids."""
    older = library.add_plan(make_plan(title="云河市“十三五”信息化发展规划", period="十三五", start=2016, end=2020),
                             content_hash="older", source_path="/plans/yunhe13.docx", source_format="docx")
    newer = library.add_plan(make_plan(), content_hash="newer", source_path="/plans/yunhe14.txt",
                             source_format="txt")
    library.set_predecessor(newer, older)
    draft_id = library.create_draft(make_plan(title="云河市“十五五”信息化发展规划", period="十五五", start=2026,
                                              end=2030))
    library.set_predecessor(draft_id, newer)
    draft = library.get_plan(draft_id)
    library.snapshot(draft_id, "初稿")
    draft.sections[0].text += "\n新增一段：推进数据要素市场化。"
    indicator = next(draft.indicator_tables[0].indicators())
    indicator.reference = Value(88.5, 2025, None, "88.5")
    indicator.method = "points"
    library.save_draft(draft, autosave=True)
    library.snapshot(draft_id, "第二稿")
    gone = library.add_plan(make_plan(title="删除的规划"), content_hash="gone")  # the highest id so far
    library.delete_plan(gone)
    return {"older": older, "newer": newer, "gone": gone, "draft": draft_id}


def picture(library: Library) -> dict[str, Any]:
    """Everything a user of the library can see, and the provenance a copy must keep."""
    plans = library.list_plans()
    with library.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(PlanRow.__table__).order_by(PlanRow.id)).mappings()]
    return {
        "list": [p.to_dict() for p in plans],
        "plans": {p.id: library.get_plan(p.id).to_dict() for p in plans},
        "rows": rows,
        "versions": {p.id: [v.to_dict() for v in library.versions(p.id)] for p in plans},
        "version plans": {
            v.id: library.get_version(v.id).to_dict() for p in plans for v in library.versions(p.id)
        },
    }


def search_view(library: Library, query: str) -> list[tuple[int, str]]:
    return sorted((h.plan_id, h.section_path) for h in library.search(query, limit=100))


@pytest.mark.parametrize("source_kind", KINDS)
@pytest.mark.parametrize("target_kind", KINDS)
def test_a_copy_is_the_same_library(new_address: Address, source_kind: str, target_kind: str) -> None:
    with Library.open(new_address(source_kind)) as source, Library.open(new_address(target_kind)) as target:
        ids = fill(source)
        reported: list[tuple[float, str]] = []
        result = copy_library(source, target, progress=lambda f, m: reported.append((f, m)))

        assert result.verified and result.committed and result.mismatches == []
        assert (result.plans, result.drafts, result.versions) == (2, 1, 3)
        assert result.sections == 3 * sum(1 for _ in make_plan().walk())
        assert all(a == b for a, b in result.counts.values()) and result.counts["plans"] == (3, 3)
        assert picture(target) == picture(source)
        assert target.get_plan(ids["draft"]).version == source.get_plan(ids["draft"]).version == 1
        assert {p.id: p.predecessor for p in target.list_plans()} == {1: None, 2: 1, 3: 2}
        assert search_view(target, "数据") == search_view(source, "数据") != []
        fractions = [f for f, _ in reported]
        assert fractions == sorted(fractions) and fractions[-1] == 1.0
        assert "云河市“十五五”信息化发展规划" in {m for _, m in reported}
        # ids are never handed out twice, in the copy either: not even the deleted plan's
        assert target.add_plan(make_plan(title="新规划"), content_hash="new") == ids["gone"] + 1


@pytest.mark.parametrize("target_kind", KINDS)
def test_the_copy_goes_on_working(new_address: Address, target_kind: str) -> None:
    with Library.open(new_address("sqlite")) as source, Library.open(new_address(target_kind)) as target:
        ids = fill(source)
        assert copy_library(source, target).verified
        # a new plan gets a new id: not one the copy holds, nor the deleted plan's
        later = make_plan(title="复制后导入的规划")
        later.sections[0].text += "复制后导入的独特段落。"
        added = target.add_plan(later, content_hash="after")
        assert added == ids["gone"] + 1 == 5
        assert target.get_plan(added).sections
        assert {h.plan_id for h in target.search("复制后导入")} == {added}
        assert ids["newer"] in {h.plan_id for h in target.search("数据")}
        # the copied draft is edited, versioned and restored as before
        draft = target.get_plan(ids["draft"])
        with target.lock_draft(ids["draft"]):
            draft.title = "复制后改的草稿"
            assert target.save_draft(draft) == 2
        version = target.snapshot(ids["draft"], "复制后的版本")
        assert version == 4  # after the three copied versions
        target.restore(ids["draft"], 1)
        assert target.get_plan(ids["draft"]).title == "云河市“十五五”信息化发展规划"
        target.delete_plan(ids["older"])
        assert target.get_plan(ids["newer"]).title == make_plan().title


def test_a_target_that_is_not_empty_is_refused_and_left_alone(new_address: Address) -> None:
    with Library.open(new_address("sqlite")) as source, Library.open(new_address("postgresql")) as target:
        fill(source)
        kept = target.add_plan(make_plan(title="目标里已有的规划"), content_hash="there")
        before = picture(target)
        with pytest.raises(LibraryError) as refused:
            copy_library(source, target)
        assert "不是空的" in refused.value.zh and "not empty" in refused.value.en
        assert picture(target) == before and [p.id for p in target.list_plans()] == [kept]
        with pytest.raises(LibraryError, match="same library"):
            copy_library(source, source)


@pytest.mark.parametrize("target_kind", KINDS)
def test_a_failure_half_way_leaves_the_target_empty(new_address: Address, target_kind: str) -> None:
    with Library.open(new_address("sqlite")) as source, Library.open(new_address(target_kind)) as target:
        fill(source)

        def progress(fraction: float, message: str) -> None:
            if fraction > 0.5:
                raise OSError("disk went away")

        with pytest.raises(OSError):
            copy_library(source, target, progress=progress)
        assert target.list_plans() == [] and target.search("数据") == []
        assert copy_library(source, target).verified  # and the copy can simply be run again


@pytest.mark.parametrize("target_kind", KINDS)
def test_cancelling_leaves_the_target_empty(new_address: Address, target_kind: str) -> None:
    with Library.open(new_address("sqlite")) as source, Library.open(new_address(target_kind)) as target:
        fill(source)
        cancel = threading.Event()
        result = copy_library(source, target, progress=lambda f, m: cancel.set(), cancel=cancel)
        assert result.cancelled and not result.committed and not result.verified
        assert target.list_plans() == []


@pytest.mark.parametrize("target_kind", KINDS)
def test_a_copy_that_differs_is_caught_and_rolled_back(new_address: Address, target_kind: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    real = plan_store.insert_contents

    def lossy(s: Any, plan: Any, *, plan_id: int) -> None:
        if plan.status == "draft":  # a bug that loses a word of the draft on the way
            plan = copy.deepcopy(plan)
            plan.sections[0].title = plan.sections[0].title[:-1]
        real(s, plan, plan_id=plan_id)

    with Library.open(new_address("sqlite")) as source, Library.open(new_address(target_kind)) as target:
        ids = fill(source)
        monkeypatch.setattr(plan_store, "insert_contents", lossy)
        result = copy_library(source, target)
        assert not result.verified and not result.committed
        assert result.mismatches == [f"#{ids['draft']}: 内容与源不同 / differs from the source"]
        assert target.list_plans() == []
        assert result.to_dict()["verified"] is False


def test_the_seed_plans_to_postgresql_and_back(new_address: Address) -> None:
    seeds = [seed_path(n) for n in ("000", "001", "002", "003", "004")]
    with Library.open(new_address("sqlite")) as source:
        assert import_paths(source, [*seeds, *sorted(resource_path("sample").glob("*.txt"))]).ok
        draft_id = source.create_draft(dataclasses.replace(source.get_plan(2), title="种子草稿"))
        source.snapshot(draft_id, "种子快照")
        source.set_predecessor(draft_id, 2)
        with Library.open(new_address("postgresql")) as shared, Library.open(new_address("sqlite")) as back:
            there = copy_library(source, shared)
            assert there.verified and (there.plans, there.drafts, there.versions) == (6, 1, 1)
            assert copy_library(shared, back).verified
            assert picture(shared) == picture(source) == picture(back)
            for query in ("政务", "电子政务 建设", "信息化"):
                assert search_view(shared, query) == search_view(source, query) == search_view(back, query)
            assert search_view(shared, "政务")


# -- the command -------------------------------------------------------------------------------------


def test_library_copy_command(capsys: pytest.CaptureFixture[str], new_address: Address, tmp_path: Path) -> None:
    source = new_address("sqlite")
    with Library.open(source) as library:
        fill(library)
    shared = new_address("postgresql")
    assert main(["library", "copy", str(source), str(shared)]) == 0
    out = capsys.readouterr().out
    assert "已复制 copied" in out and "核对 verified ✓" in out
    assert [line.split()[-1] for line in out.splitlines()[1:5]] == ["✓"] * 4

    back = tmp_path / "back" / "copy.sqlite3"
    assert main(["library", "copy", str(shared), str(back), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {"plans", "drafts", "versions", "sections", "verified", "mismatches"} <= result.keys()
    assert (result["plans"], result["drafts"], result["versions"], result["verified"], result["mismatches"]) == (
        2, 1, 3, True, [])

    assert main(["library", "copy", str(source), str(back)]) == 1  # not empty now
    err = capsys.readouterr().err
    assert "不是空的" in err and "not empty" in err and back.is_file()

    missing = tmp_path / "nothing-here.sqlite3"
    assert main(["library", "copy", str(missing), str(tmp_path / "new.sqlite3")]) == 1
    assert "No such library file" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "new.sqlite3").exists()


def test_a_new_file_is_removed_when_the_copy_fails(capsys: pytest.CaptureFixture[str], new_address: Address,
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = new_address("sqlite")
    with Library.open(source) as library:
        fill(library)
    import db.copy

    monkeypatch.setattr(db.copy, "_verify", lambda src, dst, result: result.mismatches.append("#9: 演示 / demo"))
    target = tmp_path / "fresh.sqlite3"
    assert main(["library", "copy", str(source), str(target)]) == 1
    out = capsys.readouterr().out
    assert "未复制 not copied" in out and "✗ #9" in out and "left unchanged" in out
    assert not target.exists() and not list(tmp_path.glob("fresh.sqlite3*"))
