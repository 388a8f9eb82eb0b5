"""The PostgreSQL server restarts (or a connection drops) in the middle of a write: the library
has all of it or none of it, the client hears ``ConnectionLostError`` (or the importer's retry
gets the file in), and the same ``Library`` object carries on without being reopened.

The restart is made deterministic by pausing the write inside its transaction: a hook on
``plan_store.insert_contents`` (or on ``search_index.add_sections``, between a plan's section rows
and its search rows) stops the writing thread there until the test has restarted the server.
A commit whose acknowledgement is lost cannot be hit by timing a restart, so ``CutAfterCommit``
makes it: a TCP proxy that, when armed, closes the client's connection right after the server
answered COMMIT and before the client reads the answer.

PostgreSQL only; the restarts need our own server (skipped with ``$PLANDESK_TEST_POSTGRES``).
"""

from __future__ import annotations

import random
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from db import plan_store
from db.library import Library
from db.search import index as search_index
from planning.errors import ConnectionLostError
from planning.ingest import content_hash
from planning.model import Plan
from planning.parse.plan_parser import parse_document
from planning.readers.blocks import Document, Paragraph
from service.importer import RETRYING, RetryPolicy, import_paths
from tests.db.rows import brute_force, dump, plan_row
from tests.pg_server import PgServer

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_library import base_texts, variant  # noqa: E402  (the benches' plan generator)

T = TypeVar("T")
MODES = ["fast", "immediate"]  # pg_ctl stop modes: clients told and disconnected; as in a crash
TERMS = ["政务", "信息化", "网络", "数据"]


@pytest.fixture
def own_server(pg_server: PgServer) -> PgServer:
    if not pg_server.own:
        pytest.skip("restarts the server: needs the tests' own PostgreSQL, not $PLANDESK_TEST_POSTGRES")
    return pg_server


@pytest.fixture
def library(pg_url: str) -> Iterator[Library]:
    with Library.open(pg_url) as lib:
        yield lib


def big_text(seed: int) -> str:
    """Every seed plan (or the sample plan) as variants, one after another: some hundreds of sections."""
    rng = random.Random(seed)
    return "\n".join(variant(text, seed * 10 + k, rng) for k, text in enumerate(base_texts()))


def text_plan(body: str) -> tuple[Plan, str]:
    doc = Document("big.txt", "text", [Paragraph(ln.strip()) for ln in body.splitlines() if ln.strip()])
    return parse_document(doc), content_hash(doc)


def section_count(plan: Plan) -> int:
    return sum(1 for _ in plan.walk())


class Pause:
    """Replaces a function so that its first call stops, inside the caller's transaction, until
    the test calls ``go_on``; ``after``: stop after the real call instead of before it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str, *, after: bool) -> None:
        self.reached = threading.Event()
        self._go_on = threading.Event()
        real: Callable[..., Any] = getattr(owner, name)

        def paused(*args: Any, **kwargs: Any) -> Any:
            if not after:
                self._stop_once()
            result = real(*args, **kwargs)
            if after:
                self._stop_once()
            return result

        monkeypatch.setattr(owner, name, paused)

    def _stop_once(self) -> None:
        if not self.reached.is_set():
            self.reached.set()
            assert self._go_on.wait(60), "the test never let the write go on"

    def wait(self) -> None:
        assert self.reached.wait(60), "the write never reached the pause"

    def go_on(self) -> None:
        self._go_on.set()


PAUSE_POINTS = {
    # the section rows are written, their search rows not yet
    "between sections and search rows": (search_index, "add_sections", False),
    # everything is written, the commit not yet sent
    "before commit": (plan_store, "insert_contents", True),
}


def in_thread(fn: Callable[[], T]) -> tuple[Future[T], ThreadPoolExecutor]:
    pool = ThreadPoolExecutor(max_workers=1)
    return pool.submit(fn), pool


def outcome_of(future: Future[T]) -> T | BaseException:
    try:
        return future.result(timeout=120)
    except Exception as e:  # the test asserts on what came back
        return e


class CutAfterCommit:
    """A TCP proxy in front of the server. ``arm()``: the next COMMIT the server acknowledges is
    not passed on; the client's connection is closed instead (the commit happened, the client
    cannot know)."""

    COMMIT_DONE = b"C\x00\x00\x00\x0bCOMMIT\x00"  # CommandComplete "COMMIT"

    def __init__(self, port: int) -> None:
        self._target = ("127.0.0.1", port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._armed = threading.Event()
        self.cut = threading.Event()
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, server_url: str) -> str:
        return server_url.replace(f":{self._target[1]}/", f":{self.port}/")

    def arm(self) -> None:
        self._armed.set()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self._target)
            self._sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, True), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, from_server: bool) -> None:
        try:
            while data := src.recv(65536):
                if from_server and self._armed.is_set() and self.COMMIT_DONE in data:
                    self._armed.clear()
                    self.cut.set()
                    break
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self) -> None:
        self._listener.close()
        for s in self._sockets:
            s.close()


@pytest.fixture
def proxy(pg_server: PgServer, pg_url: str) -> Iterator[tuple[CutAfterCommit, Library]]:
    """A library reached through ``CutAfterCommit`` (any server will do: nothing restarts)."""
    port = int(pg_url.rsplit(":", 1)[1].split("/")[0])
    cutter = CutAfterCommit(port)
    try:
        with Library.open(cutter.url(pg_url)) as lib:
            yield cutter, lib
    finally:
        cutter.close()


def assert_whole(library: Library, plan_id: int, plan: Plan) -> None:
    """The stored plan is all of ``plan``: every section, and search finds exactly what is there."""
    stored = library.get_plan(plan_id)
    assert section_count(stored) == section_count(plan) > 0
    assert [s.text for _, s in stored.walk()] == [s.text for _, s in plan.walk()]
    for term in TERMS:
        assert library.hits(term) == brute_force(library, term), term


# -- (a) an import whose transaction the restart cuts ------------------------------------------


@pytest.mark.parametrize("point", list(PAUSE_POINTS))
@pytest.mark.parametrize("mode", MODES)
def test_restart_during_an_import_leaves_none_of_it_and_the_library_carries_on(
    own_server: PgServer, library: Library, monkeypatch: pytest.MonkeyPatch, mode: str, point: str
) -> None:
    earlier, earlier_hash = text_plan(big_text(1))
    earlier_id = library.add_plan(earlier, content_hash=earlier_hash)
    before = dump(library)
    plan, digest = text_plan(big_text(2))
    assert section_count(plan) > 10
    owner, name, after = PAUSE_POINTS[point]
    pause = Pause(monkeypatch, owner, name, after=after)

    future, pool = in_thread(lambda: library.add_plan(plan, content_hash=digest))
    pause.wait()
    own_server.restart(mode)
    pause.go_on()
    got = outcome_of(future)
    pool.shutdown()

    assert isinstance(got, ConnectionLostError), got
    assert got.zh.startswith("与资料库服务器的连接中断")  # plain words, not the driver's
    assert dump(library) == before  # none of it: no plan row, no section, no search row
    # the same Library object, not reopened: the next write goes through, whole
    plan_id = library.add_plan(plan, content_hash=digest)
    assert_whole(library, plan_id, plan)
    assert_whole(library, earlier_id, earlier)


def test_a_commit_whose_answer_is_lost_is_all_there(
    proxy: tuple[CutAfterCommit, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    cutter, library = proxy
    plan, digest = text_plan(big_text(3))
    real = plan_store.insert_contents

    def then_arm(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        cutter.arm()  # the next COMMIT's answer is lost

    monkeypatch.setattr(plan_store, "insert_contents", then_arm)
    with pytest.raises(ConnectionLostError):
        library.add_plan(plan, content_hash=digest)
    monkeypatch.undo()
    assert cutter.cut.is_set()
    found = library.find_by_hash(digest)  # the same Library object carries on
    assert found is not None
    assert_whole(library, found, plan)


# -- (b) a draft save whose transaction the restart cuts -------------------------------------


def edited(draft: Plan, marker: str) -> Plan:
    draft.preamble = f"{draft.preamble}（{marker}）"
    for _, section in draft.walk():
        section.text = f"{section.text}{marker}"
    return draft


@pytest.mark.parametrize("mode", MODES)
def test_restart_during_a_save_keeps_the_old_draft_and_the_version(
    own_server: PgServer, library: Library, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    draft_id = library.create_draft(text_plan(big_text(4))[0])
    first = edited(library.get_plan(draft_id), "第一次保存")
    library.save_draft(first)
    old = library.get_plan(draft_id)
    before = dump(library)
    new = edited(library.get_plan(draft_id), "第二次保存")
    pause = Pause(monkeypatch, plan_store, "insert_contents", after=True)

    future, pool = in_thread(lambda: library.save_draft(new))
    pause.wait()
    own_server.restart(mode)
    pause.go_on()
    got = outcome_of(future)
    pool.shutdown()

    assert isinstance(got, ConnectionLostError), got
    assert dump(library) == before  # entirely the old draft: rows, search rows, versions
    assert library.get_plan(draft_id).to_dict() == old.to_dict()
    assert new.version == 1 == plan_row(library, draft_id).version  # the failed save changed nothing
    # saving again, on the same Library object, is the second save
    assert library.save_draft(new) == 2 == plan_row(library, draft_id).version
    assert library.get_plan(draft_id).to_dict() == new.to_dict()
    assert "第二次保存" in library.get_plan(draft_id).preamble
    for term in TERMS:
        assert library.hits(term) == brute_force(library, term)


def test_a_save_whose_answer_is_lost_is_all_there_and_saving_again_is_the_same_save(
    proxy: tuple[CutAfterCommit, Library], monkeypatch: pytest.MonkeyPatch
) -> None:
    cutter, library = proxy
    draft_id = library.create_draft(text_plan(big_text(5))[0])
    new = edited(library.get_plan(draft_id), "新版本")
    real = plan_store.insert_contents

    def then_arm(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        cutter.arm()

    monkeypatch.setattr(plan_store, "insert_contents", then_arm)
    with pytest.raises(ConnectionLostError):
        library.save_draft(new)
    monkeypatch.undo()
    assert cutter.cut.is_set() and new.version == 0
    stored = library.get_plan(draft_id)
    assert stored.version == 1 and "新版本" in stored.preamble  # entirely the new version
    # the user presses save again: recognised as the save already made, not a conflict, not a third
    assert library.save_draft(new) == 1 == plan_row(library, draft_id).version


# -- (c) the importer: the file is retried and ends up imported exactly once --------------------


def write_batch(folder: Path) -> tuple[list[Path], list[str]]:
    """A big plan, then a small one (sorted by name), and their content hashes."""
    folder.mkdir()
    texts = [big_text(6), variant(base_texts()[0], 99, random.Random(6))]
    paths = [folder / "a_big.txt", folder / "b_small.txt"]
    for path, body in zip(paths, texts, strict=True):
        path.write_text(body, encoding="utf-8")
    return paths, [text_plan(body)[1] for body in texts]


FAST_RETRY = RetryPolicy(delays=(0.3, 0.6, 1.2, 2.4, 4.8))  # about 9 s, for a server that takes a second to start


@pytest.mark.parametrize("mode", MODES)
def test_the_importer_retries_a_file_the_restart_cut_and_imports_it_once(
    own_server: PgServer, library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, mode: str
) -> None:
    paths, hashes = write_batch(tmp_path / "in")
    pause = Pause(monkeypatch, plan_store, "insert_contents", after=True)
    messages: list[str] = []
    future, pool = in_thread(
        lambda: import_paths(library, [tmp_path / "in"], progress=lambda f, m: messages.append(m), retry=FAST_RETRY)
    )
    pause.wait()
    own_server.stop(mode)  # the server is gone for a while: the first retries find it down
    pause.go_on()
    time.sleep(1.0)
    own_server._ctl_start()  # noqa: SLF001  (restart() without the stop, which we did above)
    result = outcome_of(future)
    pool.shutdown()

    assert not isinstance(result, BaseException), result
    assert [o.status for o in result.outcomes] == ["imported", "imported"]
    assert any(RETRYING in m and m.startswith("a_big.txt") for m in messages)
    listed = library.list_plans()
    assert len(listed) == 2
    assert {plan_row(library, p.id).content_hash for p in listed} == set(hashes)
    assert_whole(library, result.outcomes[0].plan_id or 0, text_plan(paths[0].read_text(encoding="utf-8"))[0])


def test_the_importer_counts_a_commit_whose_answer_was_lost_as_imported_once(
    proxy: tuple[CutAfterCommit, Library], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cutter, library = proxy
    paths, hashes = write_batch(tmp_path / "in")
    real = plan_store.insert_contents
    armed = threading.Event()

    def then_arm(*args: Any, **kwargs: Any) -> None:
        real(*args, **kwargs)
        if not armed.is_set():
            armed.set()
            cutter.arm()

    monkeypatch.setattr(plan_store, "insert_contents", then_arm)
    messages: list[str] = []
    result = import_paths(library, paths, progress=lambda f, m: messages.append(m), retry=FAST_RETRY)
    assert cutter.cut.is_set()
    assert [(o.status, o.message) for o in result.outcomes] == [("imported", None), ("imported", None)]
    assert any(RETRYING in m for m in messages)
    assert [plan_row(library, p.id).content_hash for p in library.list_plans()] == hashes
