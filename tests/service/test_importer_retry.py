"""The importer after a lost server connection: retried with backoff, reported through progress,
counted once; without a server (a fake library that drops the connection on cue)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from planning.errors import ConnectionLostError, DuplicatePlanError
from planning.model import Plan
from service.importer import RETRYING, ImportResult, RetryPolicy, import_paths

if TYPE_CHECKING:
    from db.library import Library

PLAN = "北岭市“十四五”信息化规划\n一、发展基础\n网络覆盖全市。\n二、主要任务\n（一）建设政务云\n整合机房。\n"


def lost() -> ConnectionLostError:
    return ConnectionLostError("与资料库服务器的连接中断，这次操作没有完成，请重试",
                               "Lost the connection to the library server; this change did not complete, try again")


@dataclass
class FakeLibrary:
    """Stores hashes in a dict. ``drops``: per call name, the outcomes of its next calls:
    "lost" (raise before anything is stored), "lost-after-commit" (store, then raise: the
    acknowledgement was lost), "duplicate" (another process stored it just now)."""

    drops: dict[str, list[str | None]] = field(default_factory=dict)
    stored: dict[str, int] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def _next(self, call: str) -> str | None:
        self.calls.append(call)
        queue = self.drops.get(call, [])
        return queue.pop(0) if queue else None

    def find_by_hash(self, content_hash: str) -> int | None:
        if self._next("find_by_hash") == "lost":
            raise lost()
        return self.stored.get(content_hash)

    def add_plan(self, plan: Plan, *, content_hash: str, source_path: str | None = None,
                 source_format: str | None = None) -> int:
        what = self._next("add_plan")
        if what == "lost":
            raise lost()
        if what == "duplicate":
            self.stored[content_hash] = 99
            raise DuplicatePlanError(99)
        self.stored[content_hash] = len(self.stored) + 1
        if what == "lost-after-commit":
            raise lost()
        return self.stored[content_hash]

    def optimize_index(self) -> None:
        pass


@dataclass
class Sleeps:
    seconds: list[float] = field(default_factory=list)

    def __call__(self, s: float) -> None:
        self.seconds.append(s)


def plan_files(folder: Path, n: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"plan{i}.txt"
        p.write_text(PLAN.replace("北岭市", f"北岭{i}市"), encoding="utf-8")
        paths.append(p)
    return paths


def as_library(fake: FakeLibrary) -> Library:
    return cast("Library", fake)


def run(library: FakeLibrary, paths: list[Path]) -> tuple[ImportResult, list[str], Sleeps]:
    sleeps = Sleeps()
    messages: list[str] = []
    result = import_paths(as_library(library), paths, progress=lambda f, m: messages.append(m),
                          retry=RetryPolicy(sleep=sleeps))
    return result, messages, sleeps


def test_a_lost_connection_is_reported_and_the_file_retried(tmp_path: Path) -> None:
    library = FakeLibrary(drops={"add_plan": ["lost", "lost"]})
    result, messages, sleeps = run(library, plan_files(tmp_path, 1))
    (outcome,) = result.outcomes
    assert outcome.status == "imported" and outcome.plan_id == 1
    assert sleeps.seconds == [2.0, 6.0]
    retrying = [m for m in messages if RETRYING in m]
    assert len(retrying) == 2 and retrying[0].startswith("plan0.txt：")
    assert "与资料库服务器的连接中断，正在重试" in retrying[0] and "lost the connection, retrying" in retrying[0]


def test_a_commit_whose_acknowledgement_was_lost_counts_as_imported(tmp_path: Path) -> None:
    library = FakeLibrary(drops={"add_plan": ["lost-after-commit"]})
    result, _, _ = run(library, plan_files(tmp_path, 1))
    (outcome,) = result.outcomes
    assert (outcome.status, outcome.plan_id, outcome.message) == ("imported", 1, None)
    assert library.calls == ["find_by_hash", "add_plan", "find_by_hash"]  # found by the retry, not stored twice


def test_a_duplicate_on_the_retry_after_a_lost_store_counts_as_imported(tmp_path: Path) -> None:
    library = FakeLibrary(drops={"add_plan": ["lost", "duplicate"]})
    result, _, _ = run(library, plan_files(tmp_path, 1))
    (outcome,) = result.outcomes
    assert (outcome.status, outcome.plan_id) == ("imported", 99)


def test_a_plan_stored_before_stays_a_duplicate_when_only_the_lookup_lost_the_connection(tmp_path: Path) -> None:
    (path,) = plan_files(tmp_path, 1)
    library = FakeLibrary()
    run(library, [path])
    library.drops = {"find_by_hash": ["lost"]}
    result, _, sleeps = run(library, [path])
    (outcome,) = result.outcomes
    assert outcome.status == "duplicate" and sleeps.seconds == [2.0]


def test_a_file_still_failing_is_marked_failed_and_the_batch_goes_on_quickly(tmp_path: Path) -> None:
    paths = plan_files(tmp_path, 3)
    # the first file exhausts its 3 retries; the second is tried once (the server still seems down);
    # the third gets through, so the connection is trusted again
    library = FakeLibrary(drops={"find_by_hash": ["lost"] * 5})
    result, _, sleeps = run(library, paths)
    first, second, third = result.outcomes
    assert first.status == second.status == "failed" and third.status == "imported"
    assert sleeps.seconds == [2.0, 6.0, 12.0]
    assert first.message.startswith(f"{paths[0]}: 与资料库服务器的连接中断")
    assert "（已自动重试 3 次）" in first.message and "(retried 3 times)" in first.message
    assert "已自动重试" not in second.message  # tried once
    assert not result.ok


def test_after_a_good_file_the_retries_are_back(tmp_path: Path) -> None:
    paths = plan_files(tmp_path, 4)
    library = FakeLibrary(drops={"find_by_hash": ["lost"] * 5 + [None, "lost"]})
    result, _, sleeps = run(library, paths)
    assert [o.status for o in result.outcomes] == ["failed", "failed", "imported", "imported"]
    assert sleeps.seconds == [2.0, 6.0, 12.0, 2.0]


def test_cancelling_while_waiting_to_retry_stops_the_batch(tmp_path: Path) -> None:
    paths = plan_files(tmp_path, 2)
    cancel = threading.Event()
    library = FakeLibrary(drops={"add_plan": ["lost"]})
    result = import_paths(as_library(library), paths, cancel=cancel,
                          retry=RetryPolicy(sleep=lambda s: cancel.set()))
    assert result.cancelled
    (outcome,) = result.outcomes
    assert outcome.status == "failed" and "连接中断" in (outcome.message or "")
    assert library.stored == {}


def test_the_default_wait_is_cut_short_by_cancel(tmp_path: Path) -> None:
    cancel = threading.Event()
    library = FakeLibrary(drops={"add_plan": ["lost"]})
    timer = threading.Timer(0.05, cancel.set)
    timer.start()
    result = import_paths(as_library(library), plan_files(tmp_path, 1), cancel=cancel,
                          retry=RetryPolicy(delays=(30.0,)))
    timer.join()
    assert result.cancelled and result.outcomes[0].status == "failed"
