"""Two people saving the same draft, on both stores: a save over someone else's is refused with
their name and nothing written, so no one's work is overwritten without being asked."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from db.library import RESTORE_BACKUP, Library
from db.location import LibraryLocation
from planning.errors import DraftConflictError
from planning.model import Plan
from tests.db.rows import dump, plan_row
from tests.db.sample_plan import make_plan

ROUNDS = 8


def open_as(address: str | Path, user: str) -> Library:
    """The library as ``user`` sees it (the migrated library, opened by someone else)."""
    return Library(LibraryLocation.parse(address), user=user)


@pytest.fixture
def users(library: Library, library_address: str | Path) -> Iterator[tuple[Library, Library]]:
    """张三 and 李四, each with a Library (connections) of their own."""
    with ExitStack() as stack:
        yield (
            stack.enter_context(open_as(library_address, "张三")),
            stack.enter_context(open_as(library_address, "李四")),
        )


@pytest.fixture
def draft_id(library: Library) -> int:
    return library.create_draft(make_plan())


def edited(plan: Plan, text: str) -> Plan:
    plan.sections[0].text = text
    plan.preamble = text
    return plan


def test_a_save_over_someone_elses_is_refused_and_theirs_is_kept(
    library: Library, users: tuple[Library, Library], draft_id: int
) -> None:
    zhang, li = users
    mine, theirs = zhang.get_plan(draft_id), li.get_plan(draft_id)
    assert mine.version == theirs.version == 0
    zhang.save_draft(edited(mine, "张三改写的发展基础。"))
    saved = dump(library)

    edited(theirs, "李四改写的发展基础。")
    with pytest.raises(DraftConflictError) as e:
        li.save_draft(theirs, autosave=True, backup="李四改前")
    assert (e.value.plan_id, e.value.by) == (draft_id, "张三")
    assert "张三" in e.value.zh and "张三" in e.value.en
    assert e.value.at == plan_row(library, draft_id).updated_at
    # nothing of 李四's was written: not the draft, not the backup, not the autosave, not the index
    assert dump(library) == saved
    assert li.get_plan(draft_id).to_dict() == mine.to_dict()
    assert li.hits("李四改写") == [] and li.hits("张三改写")
    assert theirs.version == 0  # 李四's copy is as it was: reopen, then edit again

    again = edited(li.get_plan(draft_id), "李四在张三之后改写。")
    assert li.save_draft(again) == 2
    assert plan_row(library, draft_id).updated_by == "李四"
    with pytest.raises(DraftConflictError, match="李四"):
        zhang.save_draft(edited(mine, "张三再改。"))  # now it is 张三 who is behind


def test_each_save_raises_the_version_by_one(library: Library, draft_id: int) -> None:
    draft = library.get_plan(draft_id)
    assert draft.version == 0 == library.plan_version(draft_id)
    for n in range(1, 4):
        assert library.save_draft(edited(draft, f"第{n}稿。")) == n
        assert draft.version == n == library.plan_version(draft_id) == library.get_plan(draft_id).version
    library.save_draft(edited(draft, "第4稿。"), autosave=True, backup="第4稿前")  # one save, one step
    assert library.plan_version(draft_id) == 4
    assert [v.name for v in library.versions(draft_id)] == ["第4稿前", None]


def test_saving_again_after_a_lost_acknowledgement_is_the_same_save(
    library: Library, users: tuple[Library, Library], draft_id: int
) -> None:
    zhang, li = users
    draft = edited(zhang.get_plan(draft_id), "张三的一稿。")
    zhang.save_draft(draft)
    draft.version = 0  # the commit happened, but its answer never reached 张三's window
    saved = dump(library)
    assert zhang.save_draft(draft) == 1 and draft.version == 1  # so 张三 presses save again
    assert dump(library) == saved
    # the same content from someone else, or different content, is not that save
    same_from_li = Plan.from_dict(draft.to_dict())
    same_from_li.version = 0
    with pytest.raises(DraftConflictError, match="张三"):
        li.save_draft(same_from_li)
    draft.version = 0
    with pytest.raises(DraftConflictError):
        zhang.save_draft(edited(draft, "张三的另一稿。"))


def test_saving_with_no_version_overwrites_whatever_is_stored(
    library: Library, users: tuple[Library, Library], draft_id: int
) -> None:
    zhang, li = users
    theirs = li.get_plan(draft_id)
    zhang.save_draft(edited(zhang.get_plan(draft_id), "张三的修改。"))
    theirs.version = None  # 李四 chose to overwrite, knowingly
    assert li.save_draft(edited(theirs, "李四覆盖的修改。")) == 2
    assert theirs.version == 2
    assert library.get_plan(draft_id).to_dict() == theirs.to_dict()
    assert plan_row(library, draft_id).updated_by == "李四"


def test_snapshots_leave_the_version_and_a_restore_is_a_save(
    library: Library, users: tuple[Library, Library], draft_id: int
) -> None:
    zhang, li = users
    first = zhang.snapshot(draft_id, "初稿")
    assert library.plan_version(draft_id) == 0  # a snapshot copies the draft, it does not change it
    theirs = edited(li.get_plan(draft_id), "李四的第二稿。")
    assert li.save_draft(theirs) == 1  # so 李四, who opened it before the snapshot, still saves

    backup = zhang.restore(draft_id, first)

    assert library.plan_version(draft_id) == 2
    assert plan_row(library, draft_id).updated_by == "张三"
    with pytest.raises(DraftConflictError, match="张三"):
        li.save_draft(edited(theirs, "李四的第三稿。"))  # the restore is not overwritten unseen
    assert library.get_plan(draft_id).to_dict() == library.get_version(first).to_dict()
    assert library.get_version(backup).preamble == "李四的第二稿。"  # nothing is lost by restoring
    assert [v.name for v in library.versions(draft_id)] == ["初稿", RESTORE_BACKUP]
    reopened = li.get_plan(draft_id)
    assert reopened.version == 2 and li.save_draft(edited(reopened, "李四的第三稿。")) == 3


def test_two_saves_at_once_exactly_one_wins(
    library: Library, users: tuple[Library, Library], draft_id: int
) -> None:
    barrier = threading.Barrier(2, timeout=30)
    outcomes: dict[str, list[object]] = {}

    def save_rounds(user: Library) -> None:
        got: list[object] = []
        for n in range(ROUNDS):
            plan = edited(user.get_plan(draft_id), f"{user.user}的第{n}稿。")
            barrier.wait()  # both have read the same version
            try:
                got.append(user.save_draft(plan))
            except DraftConflictError as e:
                got.append(e)
            barrier.wait()  # both are done before the next round's read
        outcomes[user.user] = got

    threads = [threading.Thread(target=save_rounds, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)

    zhang, li = outcomes["张三"], outcomes["李四"]
    assert len(zhang) == len(li) == ROUNDS
    for n, pair in enumerate(zip(zhang, li, strict=True)):
        won = [o for o in pair if isinstance(o, int)]
        lost = [o for o in pair if isinstance(o, DraftConflictError)]
        assert won == [n + 1] and len(lost) == 1, (n, pair)  # one save per round, the other refused
        winner = "张三" if isinstance(pair[0], int) else "李四"
        assert lost[0].by == winner
    assert library.plan_version(draft_id) == ROUNDS
    stored = library.get_plan(draft_id)
    last_winner = plan_row(library, draft_id).updated_by
    assert stored.preamble == f"{last_winner}的第{ROUNDS - 1}稿。"
    assert stored.sections[0].text == stored.preamble  # one save's content, whole
