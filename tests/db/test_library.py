from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import plan_rows
from db.library import Library
from planning.errors import DuplicatePlanError, LibraryError, NotFoundError
from planning.model import Plan
from tests.db.rows import counts, dump, search_leftovers
from tests.db.sample_plan import make_plan


def add(library: Library, plan: Plan, content_hash: str = "h1") -> int:
    return library.add_plan(
        plan, content_hash=content_hash, source_path="/tmp/云河.docx", source_format="docx"
    )


def test_round_trip_equals_the_original(library: Library, plan: Plan) -> None:
    plan_id = add(library, plan)
    stored = library.get_plan(plan_id)
    assert stored.id == plan_id
    assert stored.to_dict() == {**plan.to_dict(), "id": plan_id}


def test_round_trip_of_a_bare_plan(library: Library) -> None:
    bare = Plan(title="空白草稿", status="draft")
    plan_id = add(library, bare)
    assert library.get_plan(plan_id).to_dict() == {**bare.to_dict(), "id": plan_id}


def test_get_missing_plan_raises_not_found_in_both_languages(library: Library) -> None:
    with pytest.raises(NotFoundError) as e:
        library.get_plan(404)
    assert "404" in e.value.zh and "规划" in e.value.zh
    assert "404" in e.value.en and "plan" in e.value.en


def test_list_and_filter(library: Library) -> None:
    a = add(library, make_plan(), "a")
    b = add(library, make_plan(title="云河市“十三五”信息化规划", period="十三五", start=2016, end=2020), "b")
    c = add(library, make_plan(title="青石县“十四五”信息化规划", region="青石县"), "c")

    assert [p.id for p in library.list_plans()] == [a, b, c]
    assert [p.id for p in library.list_plans(region="云河市")] == [a, b]
    assert [p.id for p in library.list_plans(period="十四五")] == [a, c]
    assert [p.id for p in library.list_plans(region="云河市", period="十三五")] == [b]
    assert library.list_plans(region="无此地") == []

    summary = library.list_plans(region="青石县")[0]
    assert summary.title == "青石县“十四五”信息化规划"
    assert (summary.region, summary.region_level) == ("青石县", "市")
    assert (summary.period, summary.start, summary.end) == ("十四五", 2021, 2025)
    assert summary.sections == sum(1 for _ in make_plan().walk())
    assert summary.doc_number == "云政办发〔2021〕18号" and summary.date == "2021-09-30"
    d = summary.to_dict()
    assert d["id"] == c and d["sections"] == summary.sections
    json.dumps(d, ensure_ascii=False)


def test_delete_removes_plan_sections_and_search_rows(library: Library, plan: Plan) -> None:
    keep = add(library, make_plan(title="保留的规划", region="青石县"), "keep")
    before = counts(library)
    gone = add(library, plan, "gone")
    assert library.hits("政务", region="云河市")

    library.delete_plan(gone)

    assert counts(library) == before
    assert library.hits("政务", region="云河市") == []
    assert all(hit.plan_id == keep for hit in library.search("政务"))
    with pytest.raises(NotFoundError):
        library.get_plan(gone)
    with pytest.raises(NotFoundError):
        library.delete_plan(gone)

    assert search_leftovers(library) > 0
    library.delete_plan(keep)
    assert counts(library) == dict.fromkeys(counts(library), 0)
    assert search_leftovers(library) == 0  # not one token is left in the index


def test_ids_are_not_reused_after_a_delete(library: Library, plan: Plan) -> None:
    first = add(library, plan, "1")
    library.delete_plan(first)
    assert add(library, plan, "2") > first


def test_duplicate_content_hash(library: Library, plan: Plan) -> None:
    assert library.find_by_hash("same") is None
    plan_id = add(library, plan, "same")
    assert library.find_by_hash("same") == plan_id
    with pytest.raises(DuplicatePlanError) as e:
        add(library, make_plan(title="另一个标题"), "same")
    assert isinstance(e.value, LibraryError)
    assert e.value.existing_id == plan_id
    assert len(library.list_plans()) == 1


def test_failure_mid_add_leaves_the_library_exactly_as_it_was(
    library: Library, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(library, make_plan(title="已有的规划", region="青石县"), "existing")
    before_dump = dump(library)
    before_hits = library.hits("政务")

    def broken(*_args: object, **_kwargs: object) -> list[dict[str, object]]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(plan_rows, "indicator_rows", broken)  # after the plan, sections, search rows
    with pytest.raises(RuntimeError, match="disk on fire"):
        add(library, plan, "new")

    assert dump(library) == before_dump
    assert library.hits("政务") == before_hits
    assert library.find_by_hash("new") is None
    monkeypatch.undo()
    assert library.get_plan(add(library, plan, "new")).to_dict()["title"] == plan.title  # still writable


def test_predecessor_links_are_set_cleared_and_survive_deletion(library: Library) -> None:
    first = library.add_plan(make_plan(), content_hash="one")
    second_plan = make_plan()
    second_plan.title = "第二份"
    second = library.add_plan(second_plan, content_hash="two")
    library.set_predecessor(second, first)
    assert {p.id: p.predecessor for p in library.list_plans()}[second] == first
    with pytest.raises(LibraryError):
        library.set_predecessor(second, second)
    with pytest.raises(NotFoundError):
        library.set_predecessor(second, 999)
    library.delete_plan(first)  # the link goes back to automatic, the plan stays
    assert [(p.id, p.predecessor) for p in library.list_plans()] == [(second, None)]


# -- SQLite only: a library file ---------------------------------------------------------------------


def test_open_creates_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "library.sqlite3"
    with Library.open(path) as lib:
        assert lib.list_plans() == []
    assert path.exists()


def test_open_a_file_that_is_not_a_library(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LibraryError):
        Library.open(path)
