"""One editor per draft, on both stores: a held draft is refused to everyone else with the
holder's name, and it comes free when the holder lets go, closes the library, or dies."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.library import Library
from planning.errors import DraftLockedError, LibraryError, NotFoundError
from tests.db.rows import lock_rows
from tests.db.sample_plan import make_plan

HOST = socket.gethostname()
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def draft_id(library: Library) -> int:
    return library.create_draft(make_plan())


@pytest.fixture
def other(library_address: str | Path) -> Iterator[Library]:
    """A second user of the same library: a Library of its own, with its own connections."""
    with Library.open(library_address) as lib:
        yield lib


def test_a_held_draft_is_refused_to_a_second_user_who_sees_who_holds_it(
    library: Library, other: Library, draft_id: int
) -> None:
    second_draft = library.create_draft(make_plan(title="青石县“十四五”信息化规划"))
    with library.lock_draft(draft_id, "张三"):
        with pytest.raises(DraftLockedError) as e:
            other.lock_draft(draft_id, "李四")
        assert (e.value.plan_id, e.value.holder) == (draft_id, f"张三@{HOST}")
        assert f"张三@{HOST}" in e.value.zh and f"张三@{HOST}" in e.value.en
        holder = other.draft_holder(draft_id)
        assert holder is not None and (holder.holder, holder.host) == ("张三", HOST)
        assert holder.acquired_at == e.value.since
        # the held draft only: the second user may still take another one
        with other.lock_draft(second_draft) as lock:
            assert other.draft_holder(second_draft) == library.draft_holder(second_draft)
            assert lock.holder == other.user
        assert lock_rows(library) == [(draft_id, "张三", HOST, os.getpid())]


def test_release_frees_the_draft(library: Library, other: Library, draft_id: int) -> None:
    lock = library.lock_draft(draft_id, "张三")
    lock.release()
    assert other.draft_holder(draft_id) is None and lock_rows(library) == []
    lock.release()  # twice is harmless, and does not free someone else's lock
    with other.lock_draft(draft_id, "李四"):
        lock.release()
        with pytest.raises(DraftLockedError, match="李四"):
            library.lock_draft(draft_id, "张三")
    # leaving the with block released it in turn
    assert library.draft_holder(draft_id) is None
    library.lock_draft(draft_id, "张三").release()


def test_closing_the_library_releases_its_locks(library: Library, other: Library, draft_id: int) -> None:
    lock = library.lock_draft(draft_id, "张三")  # a drafting window still open when the library closes
    library.close()
    assert lock.released
    assert other.draft_holder(draft_id) is None and lock_rows(other) == []
    with other.lock_draft(draft_id, "李四"):
        holder = other.draft_holder(draft_id)
        assert holder is not None and holder.holder == "李四"


HOLDER = """
import sys, time
from db.library import Library

library = Library.open(sys.argv[1])
lock = library.lock_draft(int(sys.argv[2]), "王五")
print("ready", flush=True)
time.sleep(600)
"""


def test_a_holder_whose_process_dies_lets_the_draft_go(
    library_address: str | Path, library: Library, draft_id: int
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(library_address), str(draft_id)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        with pytest.raises(DraftLockedError, match="王五"):
            library.lock_draft(draft_id, "李四")
    finally:
        child.send_signal(signal.SIGKILL)  # no release, no close: a crash or a power cut
        child.wait(timeout=30)

    deadline = time.monotonic() + 10  # PostgreSQL notices the closed connection within moments
    while library.draft_holder(draft_id) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert library.draft_holder(draft_id) is None
    # the dead holder's row is still there, but it no longer counts …
    assert lock_rows(library) == [(draft_id, "王五", HOST, child.pid)]
    with library.lock_draft(draft_id, "李四"):
        # … and is replaced by the new holder's
        assert lock_rows(library) == [(draft_id, "李四", HOST, os.getpid())]


def test_only_stored_drafts_can_be_locked(library: Library) -> None:
    imported = library.add_plan(make_plan(), content_hash="imported")
    with pytest.raises(LibraryError) as e:
        library.lock_draft(imported, "张三")
    assert "不是草稿" in e.value.zh and "not a draft" in e.value.en
    with pytest.raises(NotFoundError) as missing:
        library.lock_draft(999, "张三")
    assert "999" in missing.value.zh and "999" in missing.value.en
    assert library.draft_holder(imported) is None and lock_rows(library) == []


def test_deleting_a_draft_removes_its_lock(library: Library, draft_id: int) -> None:
    kept = library.create_draft(make_plan(title="另一份草稿"))
    lock = library.lock_draft(draft_id, "张三")
    with library.lock_draft(kept, "李四"):
        library.delete_plan(draft_id)
        assert lock_rows(library) == [(kept, "李四", HOST, os.getpid())]
        assert library.draft_holder(draft_id) is None
        lock.release()  # the holder closing the deleted draft afterwards is no error
    assert lock_rows(library) == []


# -- SQLite only: whose row counts on a shared folder ---------------------------------------------------


def test_sqlite_trusts_another_machines_lock_and_ignores_a_dead_process_here(library_path: Path) -> None:
    with Library.open(library_path) as library:
        on_pc2 = library.create_draft(make_plan())
        here = library.create_draft(make_plan(title="另一份草稿"))
    ended = subprocess.Popen([sys.executable, "-c", "pass"])  # a process of this machine, now gone
    ended.wait()
    with sqlite3.connect(library_path) as conn:
        conn.executemany(
            "INSERT INTO draft_locks (plan_id, holder, host, pid, token, acquired_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (on_pc2, "赵六", "规划处-PC2", 1, "t1", "2026-11-23T02:00:00+00:00"),
                (here, "王五", HOST, ended.pid, "t2", "2026-11-23T02:00:00+00:00"),
            ],
        )
    with Library.open(library_path) as library:
        with pytest.raises(DraftLockedError, match="赵六@规划处-PC2"):
            library.lock_draft(on_pc2, "李四")  # its process cannot be checked from here
        assert library.draft_holder(here) is None
        with library.lock_draft(here, "李四"):
            assert lock_rows(library) == [
                (on_pc2, "赵六", "规划处-PC2", 1),
                (here, "李四", HOST, os.getpid()),
            ]
