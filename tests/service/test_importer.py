"""Importing files into a library: outcomes, duplicates, cancel and rerun, plain documents."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from db.library import Library
from planning.parse.plan_parser import NO_STRUCTURE_WARNING, NOT_A_PLAN_WARNING
from service.importer import import_paths

PLAN = "北岭市“十四五”信息化规划\n一、发展基础\n网络覆盖全市。\n二、主要任务\n（一）建设政务云\n整合机房。\n"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library.open(tmp_path / "lib.sqlite3")
    yield lib
    lib.close()


def write_plans(folder: Path, n: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"plan{i:02d}.txt"
        p.write_text(PLAN.replace("北岭市", f"北岭{i}市"), encoding="utf-8")
        paths.append(p)
    return paths


def test_progress_reports_each_file_and_finishes_at_one(library: Library, tmp_path: Path) -> None:
    write_plans(tmp_path / "in", 3)
    seen: list[tuple[float, str]] = []
    result = import_paths(library, [tmp_path / "in"], progress=lambda f, m: seen.append((f, m)))
    assert result.count("imported") == 3
    assert [m for _, m in seen[:3]] == ["plan00.txt", "plan01.txt", "plan02.txt"]
    assert seen[-1][0] == 1.0
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)


def test_cancelled_batch_can_be_rerun_without_duplicates(library: Library, tmp_path: Path) -> None:
    write_plans(tmp_path / "in", 4)
    cancel = threading.Event()

    def stop_after_two(fraction: float, message: str) -> None:
        if message == "plan02.txt":
            cancel.set()

    first = import_paths(library, [tmp_path / "in"], progress=stop_after_two, cancel=cancel)
    assert first.cancelled and first.count("imported") == 2
    second = import_paths(library, [tmp_path / "in"])
    assert (second.count("duplicate"), second.count("imported")) == (2, 2)
    assert len(library.list_plans()) == 4


def test_same_text_in_another_format_is_a_duplicate(library: Library, tmp_path: Path) -> None:
    utf8 = tmp_path / "a.txt"
    utf8.write_text(PLAN, encoding="utf-8")
    gbk = tmp_path / "b.txt"
    gbk.write_bytes(PLAN.replace("\n", "\r\n").encode("gb18030"))
    result = import_paths(library, [utf8, gbk])
    assert [o.status for o in result.outcomes] == ["imported", "duplicate"]
    assert result.outcomes[1].plan_id == result.outcomes[0].plan_id


def test_text_without_plan_structure_is_imported_as_a_plain_document(library: Library, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.txt"
    sheet.write_text("地区,人口,面积\n北岭,100,20\n南岭,80,30\n", encoding="utf-8")
    (outcome,) = import_paths(library, [sheet]).outcomes
    assert outcome.status == "imported" and NO_STRUCTURE_WARNING in outcome.warnings
    plan = library.get_plan(outcome.plan_id or 0)
    assert "南岭,80,30" in plan.preamble  # nothing lost


def test_a_novel_with_chapters_is_imported_with_a_warning(library: Library, tmp_path: Path) -> None:
    novel = tmp_path / "novel.txt"
    novel.write_text("山间小记\n第一章 春\n雨落在山间。\n第二章 夏\n蝉声很长。\n", encoding="utf-8")
    (outcome,) = import_paths(library, [novel]).outcomes
    assert outcome.status == "imported" and NOT_A_PLAN_WARNING in outcome.warnings


def test_failed_file_leaves_the_library_unchanged(library: Library, tmp_path: Path) -> None:
    import_paths(library, write_plans(tmp_path / "in", 1))
    before = [p.to_dict() for p in library.list_plans()]
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE x [<!ENTITY a "aaaa">]><html><body><p>&a;</p></body></html>', encoding="utf-8")
    (outcome,) = import_paths(library, [bad]).outcomes
    assert outcome.status == "failed" and "bad.html" in (outcome.message or "")
    assert [p.to_dict() for p in library.list_plans()] == before


def test_reimport_replaces_the_plan_from_its_file_and_keeps_it_on_failure(library: Library, tmp_path: Path) -> None:
    from service.importer import reimport

    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    (first,) = import_paths(library, [path]).outcomes
    path.write_text(PLAN.replace("整合机房。", "整合机房，建设灾备中心。"), encoding="utf-8")
    again = reimport(library, first.plan_id or 0)
    assert again.status == "imported"
    (only,) = library.list_plans()
    assert only.id == again.plan_id
    assert "灾备中心" in library.get_plan(only.id).sections[1].children[0].text
    path.write_bytes(b"")  # now the file is broken: the plan stays as it was
    failed = reimport(library, only.id)
    assert failed.status == "failed" and [p.id for p in library.list_plans()] == [only.id]
