"""Import files and folders of plans into a library: read → parse → store, one transaction a file.

The same function serves the command line and the GUI: progress arrives through a plain callback
`(fraction, message)` and cancelling through a `threading.Event`, as in calibre's job contract.

A shared library's server can drop the connection (a restart, the network). Storing a file is one
transaction, so nothing of it is half in: the importer says so through ``progress``, waits and
tries that file again (``RetryPolicy``: three retries over about 20 s). A retry that finds the plan
already stored counts it as imported: the commit went through and only its acknowledgement was
lost. A file still failing is marked failed and the batch goes on, trying each further file once
until one gets through, so a server that stays down fails the batch quickly, not 20 s a file.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from db.library import Library
from planning.errors import ConnectionLostError, DuplicatePlanError, PlanDeskError, PlanImportError
from planning.ingest import collect_files, content_hash, parse_file
from planning.jobs import Progress
from planning.model import Plan
from planning.readers.blocks import Document

Outcome = Literal["imported", "duplicate", "failed"]
OPTIMIZE_AFTER = 20  # a batch importing this many files ends by merging the search index
RETRYING = "与资料库服务器的连接中断，正在重试… / lost the connection, retrying"


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How a file is tried again after ``ConnectionLostError``: wait ``delays[k]`` seconds before
    retry k + 1. ``sleep`` is for tests; None waits on the batch's cancel event (so cancelling
    does not wait out the delay) or, without one, ``time.sleep``."""

    delays: tuple[float, ...] = (2.0, 6.0, 12.0)
    sleep: Callable[[float], None] | None = None

    @property
    def retries(self) -> int:
        return len(self.delays)


RETRY = RetryPolicy()
ONCE = RetryPolicy(delays=())
OnRetry = Callable[[int, int, float], None]  # (retry number, retries allowed, delay in seconds)


@dataclass(slots=True)
class FileOutcome:
    path: str
    status: Outcome
    plan_id: int | None = None
    title: str | None = None
    message: str | None = None  # the reason, for a failure or a duplicate
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "status": self.status, "plan_id": self.plan_id, "title": self.title,
                "message": self.message, "warnings": list(self.warnings)}


@dataclass(slots=True)
class ImportResult:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: Outcome) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0

    def to_dict(self) -> dict[str, object]:
        return {
            "imported": self.count("imported"),
            "duplicates": self.count("duplicate"),
            "failed": self.count("failed"),
            "cancelled": self.cancelled,
            "files": [o.to_dict() for o in self.outcomes],
        }





def import_file(
    library: Library,
    path: str | Path,
    *,
    retry: RetryPolicy = RETRY,
    on_retry: OnRetry | None = None,
    cancel: threading.Event | None = None,
) -> FileOutcome:
    """Read, parse and store one file. A lost server connection is retried as ``retry`` says
    (``on_retry`` hears of each retry before its wait); a set ``cancel`` ends the waiting."""
    return _import_file(library, path, retry=retry, on_retry=on_retry, cancel=cancel)[0]


def _import_file(
    library: Library,
    path: str | Path,
    *,
    retry: RetryPolicy,
    on_retry: OnRetry | None,
    cancel: threading.Event | None,
) -> tuple[FileOutcome, bool]:
    """The outcome, and whether it is a failure for want of the server connection."""
    try:
        plan, doc = parse_file(path)
    except PlanImportError as exc:
        return FileOutcome(str(path), "failed", message=exc.line()), False
    store = _FileStore(library, str(path), plan, doc, content_hash(doc))
    retries = 0
    while True:
        try:
            return store.once(), False
        except ConnectionLostError as exc:
            lost = exc
        if retries == retry.retries:
            break
        if on_retry is not None:
            on_retry(retries + 1, retry.retries, retry.delays[retries])
        if _wait(retry.delays[retries], retry, cancel):
            break
        retries += 1
    tried = (f"（已自动重试 {retries} 次）", f" (retried {retries} times)") if retries else ("", "")
    message = f"{store.name}: {lost.zh}{tried[0]} / {lost.en}{tried[1]}"
    return FileOutcome(store.name, "failed", title=plan.title, message=message), True


@dataclass(slots=True)
class _FileStore:
    """Storing one parsed file; ``once`` may be called again after ``ConnectionLostError``."""

    library: Library
    name: str
    plan: Plan
    doc: Document
    digest: str
    sent: bool = False  # a try lost the connection inside add_plan: its commit may have gone through

    def once(self) -> FileOutcome:
        existing = self.library.find_by_hash(self.digest)
        if existing is not None:
            return self._found(existing, f"已在库中（编号 {existing}）/ already in the library (id {existing})")
        try:
            plan_id = self.library.add_plan(self.plan, content_hash=self.digest,
                                            source_path=str(Path(self.name).resolve()), source_format=self.doc.fmt)
        except ConnectionLostError:
            self.sent = True
            raise
        except DuplicatePlanError as exc:  # another process imported the same text a moment ago
            return self._found(exc.existing_id, exc.line())
        except PlanDeskError as exc:
            return FileOutcome(self.name, "failed", message=f"{self.name}: {exc.line()}")
        return self._imported(plan_id)

    def _found(self, existing: int, message: str) -> FileOutcome:
        if self.sent:  # our own earlier commit, whose acknowledgement the dropped connection lost
            return self._imported(existing)
        return FileOutcome(self.name, "duplicate", existing, self.plan.title, message)

    def _imported(self, plan_id: int) -> FileOutcome:
        return FileOutcome(self.name, "imported", plan_id, self.plan.title, warnings=list(self.plan.warnings))


def _wait(delay: float, retry: RetryPolicy, cancel: threading.Event | None) -> bool:
    """Wait before a retry; True when the batch was cancelled meanwhile."""
    if retry.sleep is not None:
        retry.sleep(delay)
    elif cancel is not None:
        cancel.wait(delay)
    else:
        time.sleep(delay)
    return cancel is not None and cancel.is_set()


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    retry: RetryPolicy = RETRY,
) -> ImportResult:
    """Import every file; a failing file is reported and the batch goes on. Rerunning an
    interrupted batch skips what is already in (by content hash). A lost server connection is
    reported through ``progress`` and the file retried (see the module's note)."""
    files = collect_files(paths)
    result = ImportResult()
    server_down = False  # a file gave up on the connection: the next ones are tried once each
    for n, path in enumerate(files):
        fraction = n / max(len(files), 1)
        if progress is not None:
            progress(fraction, path.name)
        if cancel is not None and cancel.is_set():  # checked between files: a file is never half-imported
            result.cancelled = True
            break

        def retrying(k: int, of: int, delay: float, fraction: float = fraction, name: str = path.name) -> None:
            if progress is not None:
                progress(fraction, f"{name}：{RETRYING}（{k}/{of}，{delay:g} s）")

        outcome, server_down = _import_file(library, path, retry=ONCE if server_down else retry,
                                            on_retry=retrying, cancel=cancel)
        result.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
        if server_down and cancel is not None and cancel.is_set():  # cancelled while waiting to retry
            result.cancelled = True
            break
    if result.count("imported") >= OPTIMIZE_AFTER:
        if progress is not None:
            progress(1.0, "整理检索索引 / optimizing the search index")
        try:
            library.optimize_index()
        except ConnectionLostError:
            pass  # the plans are in; the index is merged after the next batch
    if progress is not None and not result.cancelled:
        progress(1.0, "")
    return result


def reimport(library: Library, plan_id: int) -> FileOutcome:
    """Read a plan's source file again (after a parser update, or an edited file) and replace the
    plan with it. The file is read and parsed first: if that fails, the library keeps the old plan."""
    source = library.source_of(plan_id)
    if not source:
        raise PlanDeskError(f"规划 {plan_id} 没有来源文件（草稿或示例之外的内存数据）",
                            f"plan {plan_id} has no source file to re-import")
    try:
        parse_file(source)
    except PlanImportError as exc:
        return FileOutcome(source, "failed", plan_id, None, exc.line())
    library.delete_plan(plan_id)
    return import_file(library, source)
