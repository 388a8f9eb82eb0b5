"""Drafts in the library: create, save (all or nothing), snapshots, versions, restore."""

from __future__ import annotations

import dataclasses
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import plan_rows
from db.library import RESTORE_BACKUP, Library
from db.versions import AUTOSAVES_KEPT
from planning.errors import LibraryError, NotFoundError
from planning.model import Indicator, Plan, Section, Value
from tests.db.rows import counts, dump, plan_row
from tests.db.sample_plan import make_plan


def first_indicator(plan: Plan) -> Indicator:
    return next(plan.indicator_tables[0].indicators())


def test_create_draft_stores_a_draft_that_reads_back_whole(library: Library) -> None:
    plan = make_plan()
    draft_id = library.create_draft(plan)
    assert plan.status == "plan" and plan.id is None  # the caller's plan is not touched
    stored = library.get_plan(draft_id)
    assert stored.to_dict() == {**plan.to_dict(), "id": draft_id, "status": "draft"}
    assert [(p.id, p.status) for p in library.list_plans()] == [(draft_id, "draft")]
    # the same content twice is two drafts, never a "duplicate"
    other = library.create_draft(plan)
    assert other != draft_id
    assert plan_row(library, draft_id).content_hash.startswith("draft:")
    assert plan_row(library, draft_id).content_hash != plan_row(library, other).content_hash


def test_indicator_reference_and_method_round_trip(library: Library) -> None:
    plan = make_plan()
    ind = first_indicator(plan)
    ind.reference = Value(95.0, 2020, "≥", "≥95")
    ind.method = "points"
    draft_id = library.create_draft(plan)
    stored = first_indicator(library.get_plan(draft_id))
    assert stored.reference == Value(95.0, 2020, "≥", "≥95")
    assert stored.method == "points"
    # an indicator without them reads back without them
    plain = library.get_plan(library.add_plan(make_plan(), content_hash="p"))
    assert first_indicator(plain).reference is None and first_indicator(plain).method is None


def test_save_draft_replaces_everything_and_the_search_index(library: Library) -> None:
    draft_id = library.create_draft(make_plan())
    version_before = plan_row(library, draft_id).version
    draft = library.get_plan(draft_id)
    draft.title = "云河市“十四五”数字政府规划"
    draft.sections = [Section("一、", "总体要求", 1, text="推进城市大脑建设。")]
    draft.indicator_tables[0].categories[0].indicators[0].target = Value(99.0, 2025, None, "99")
    draft.projects = draft.projects[:1]
    draft.glossary = []

    library.save_draft(draft)

    assert library.get_plan(draft_id).to_dict() == draft.to_dict()
    assert library.list_plans()[0].sections == 1
    assert library.hits("城市大脑") and library.hits("政务") == []  # old sections left the index
    after = plan_row(library, draft_id)
    assert after.version == version_before + 1 and after.updated_at
    assert after.updated_by == library.user
    stored = counts(library)
    assert (stored["sections"], stored["projects"], stored["glossary"]) == (1, 1, 0)


def test_save_draft_refuses_imported_plans_and_plans_not_stored(library: Library) -> None:
    imported = library.add_plan(make_plan(), content_hash="imported")
    before = dump(library)
    as_draft = dataclasses.replace(library.get_plan(imported), status="draft", title="改写")
    with pytest.raises(LibraryError) as e:
        library.save_draft(as_draft)  # the object says draft, the library says plan
    assert "草稿" in e.value.zh and "draft" in e.value.en
    with pytest.raises(LibraryError):
        library.save_draft(library.get_plan(imported))  # status "plan"
    with pytest.raises(LibraryError):
        library.save_draft(Plan(title="无编号", status="draft"))
    with pytest.raises(NotFoundError):
        library.save_draft(Plan(title="不存在", id=999, status="draft"))
    assert dump(library) == before


def test_a_failure_mid_save_leaves_the_last_saved_draft(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = library.create_draft(make_plan())
    before = dump(library)
    draft = library.get_plan(draft_id)
    draft.sections[0].text = "全新的内容。"

    def broken(*_args: object, **_kwargs: object) -> list[dict[str, object]]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(plan_rows, "indicator_rows", broken)  # after sections and search rows were rewritten
    with pytest.raises(RuntimeError, match="disk on fire"):
        library.save_draft(draft)
    assert dump(library) == before
    assert library.hits("全新") == []


def test_snapshot_versions_get_and_restore(library: Library) -> None:
    draft_id = library.create_draft(make_plan())
    first = library.snapshot(draft_id, "初稿")
    original = library.get_plan(draft_id)

    edited = library.get_plan(draft_id)
    edited.sections[0].title = "发展基础与形势"
    edited.sections[0].text = "数字经济规模持续扩大。"
    library.save_draft(edited)
    second = library.snapshot(draft_id)

    listed = library.versions(draft_id)
    assert [(v.id, v.name, v.kind) for v in listed] == [(first, "初稿", "snapshot"), (second, None, "snapshot")]
    assert all(v.created_at and v.plan_id == draft_id for v in listed)
    assert set(listed[0].to_dict()) >= {"id", "name", "kind", "created_at"}
    assert library.get_version(first).to_dict() == original.to_dict()
    assert library.get_version(second).sections[0].title == "发展基础与形势"

    backup = library.restore(draft_id, first)

    assert library.get_plan(draft_id).to_dict() == original.to_dict()
    assert library.hits("数字经济") == [] and library.hits("政务")  # the index follows the restore
    names = [(v.id, v.name) for v in library.versions(draft_id)]
    assert names[-1] == (backup, RESTORE_BACKUP)
    assert library.get_version(backup).sections[0].title == "发展基础与形势"  # nothing is lost by restoring


def test_restore_refuses_a_version_of_another_plan_and_changes_nothing(library: Library) -> None:
    a = library.create_draft(make_plan())
    b = library.create_draft(make_plan(title="青石县“十四五”信息化规划", region="青石县"))
    version_of_b = library.snapshot(b, "b")
    before = dump(library)
    with pytest.raises(NotFoundError) as e:
        library.restore(a, version_of_b)
    assert str(version_of_b) in e.value.zh
    with pytest.raises(NotFoundError):
        library.restore(a, 9999)
    with pytest.raises(NotFoundError):
        library.get_version(9999)
    with pytest.raises(NotFoundError):
        library.versions(9999)
    with pytest.raises(NotFoundError):
        library.snapshot(9999)
    assert dump(library) == before


def test_autosaves_skip_unchanged_content_and_keep_only_the_newest(library: Library) -> None:
    draft_id = library.create_draft(make_plan())
    named = library.snapshot(draft_id, "定稿前")
    first = library.snapshot(draft_id, kind="autosave")
    assert first == named  # same content as the latest version: nothing new written
    draft = library.get_plan(draft_id)
    for n in range(AUTOSAVES_KEPT + 3):
        draft.preamble = f"第{n}稿。"
        library.save_draft(draft)
        library.snapshot(draft_id, kind="autosave")
    kinds = [v.kind for v in library.versions(draft_id)]
    assert kinds == ["snapshot"] + ["autosave"] * AUTOSAVES_KEPT  # named snapshots are never dropped
    assert library.get_version(library.versions(draft_id)[-1].id).preamble == f"第{AUTOSAVES_KEPT + 2}稿。"
    with pytest.raises(LibraryError):
        library.snapshot(draft_id, kind="weekly")  # type: ignore[arg-type]


def test_deleting_a_draft_deletes_its_versions(library: Library) -> None:
    kept = library.create_draft(make_plan(title="另一份草稿"))
    library.snapshot(kept, "留")
    draft_id = library.create_draft(make_plan())
    library.snapshot(draft_id, "v1")
    library.delete_plan(draft_id)
    assert counts(library)["plan_versions"] == 1
    assert [v.name for v in library.versions(kept)] == ["留"]


# -- a kill in the middle of a save (SQLite: the file stays whole; PostgreSQL: the server rolls back) --

SAVER = """
import sys
from db.library import Library
from planning.model import Section

library = Library.open(sys.argv[1])
draft = library.get_plan(int(sys.argv[2]))
n = 0
while True:
    n += 1
    draft.preamble = f"第{n}稿"
    draft.sections = [Section(f"{i}.", f"第{i}节", 1, text=f"政务数据共享，第{n}稿。" * 40) for i in range(150)]
    library.save_draft(draft)
    print(n, flush=True)  # after the commit
"""


def _state(library: Library, draft_id: int) -> int:
    draft = library.get_plan(draft_id)
    n = int(draft.preamble.strip("第稿"))
    if n:  # every section was written by the same save as the preamble
        assert {s.text for s in draft.sections} == {f"政务数据共享，第{n}稿。" * 40}
        assert len(draft.sections) == 150
    return n


@pytest.mark.parametrize("saves_before_kill", [3, 11, 25])
def test_a_kill_mid_save_leaves_the_last_committed_draft(
    library_address: str | Path, saves_before_kill: int
) -> None:
    with Library.open(library_address) as library:
        draft_id = library.create_draft(Plan(title="草稿", status="draft", preamble="第0稿"))
    child = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(library_address), str(draft_id)],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    reported = 0
    for line in child.stdout:
        reported = int(line)
        if reported >= saves_before_kill:
            break
    child.send_signal(signal.SIGKILL)  # most likely in the middle of the next save
    child.wait(timeout=30)
    reported = max([reported, *(int(line) for line in child.stdout)])

    if isinstance(library_address, Path):  # the SQLite file itself, and its FTS5 index
        with sqlite3.connect(library_address) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.execute("INSERT INTO section_fts(section_fts, rank) VALUES ('integrity-check', 1)")
    with Library.open(library_address) as library:
        n = _state(library, draft_id)
        assert n in (reported, reported + 1)  # the last commit reported, or one committed just before the kill
        assert len(library.hits("政务")) == 150  # the index holds exactly the saved sections
        draft = library.get_plan(draft_id)
        draft.preamble = "第0稿"
        draft.sections = []
        library.save_draft(draft)  # writable again (PostgreSQL: the killed save's row lock is gone)
        assert _state(library, draft_id) == 0
