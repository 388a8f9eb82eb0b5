"""Autosave with a fake clock: at most one write per interval, nothing lost on flush."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.library import Library
from planning.drafting import Autosaver
from planning.errors import LibraryError
from planning.model import Plan, Section


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "lib.sqlite3") as lib:
        yield lib


@pytest.fixture
def draft(library: Library) -> Plan:
    return library.get_plan(library.create_draft(Plan(title="草稿", sections=[Section("一、", "总体要求", 1)])))


def test_writes_at_most_every_interval(library: Library, draft: Plan) -> None:
    clock = FakeClock()
    saver = Autosaver(library, draft.id or 0, interval=30.0, clock=clock)
    assert saver.maybe_save() is False  # nothing to write

    draft.sections[0].text = "第一次修改。"
    saver.touch(draft)
    clock.now += 10
    assert saver.maybe_save() is False  # 10 s after opening: too soon
    assert library.get_plan(draft.id or 0).sections[0].text == ""

    clock.now += 20
    assert saver.maybe_save() is True  # 30 s: written
    assert library.get_plan(draft.id or 0).sections[0].text == "第一次修改。"
    assert not saver.pending

    draft.sections[0].text = "第二次修改。"
    saver.touch(draft)
    clock.now += 29
    assert saver.maybe_save() is False  # 29 s after the last write
    clock.now += 1
    assert saver.maybe_save() is True
    assert saver.maybe_save() is False  # nothing new since
    assert [v.kind for v in library.versions(draft.id or 0)] == ["autosave", "autosave"]


def test_flush_writes_now_and_a_failed_write_stays_pending(
    library: Library, draft: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    saver = Autosaver(library, draft.id or 0, clock=clock)
    draft.title = "改名的草稿"
    saver.touch(draft)

    def locked(*_a: object, **_k: object) -> None:
        raise LibraryError("资料库忙", "the library is busy")

    monkeypatch.setattr(library, "save_draft", locked)
    with pytest.raises(LibraryError):
        saver.flush()
    assert saver.pending  # the change is not forgotten
    monkeypatch.undo()
    assert saver.flush() is True
    assert library.get_plan(draft.id or 0).title == "改名的草稿"
    assert saver.flush() is False


def test_touch_refuses_another_draft(library: Library, draft: Plan) -> None:
    saver = Autosaver(library, draft.id or 0)
    with pytest.raises(ValueError):
        saver.touch(Plan(title="别的草稿", id=(draft.id or 0) + 1, status="draft"))
