"""Import files and folders of plans into a library: read → parse → store, one transaction a file.

The same function serves the command line and the GUI: progress arrives through a plain callback
`(fraction, message)` and cancelling through a `threading.Event`, as in calibre's job contract.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from planning.errors import DuplicatePlanError, PlanDeskError, PlanImportError
from planning.model import Plan
from planning.parse.plan_parser import parse_document
from planning.readers import SUPPORTED_SUFFIXES, read_document
from planning.readers.blocks import Document

if TYPE_CHECKING:
    from db.library import Library

Progress = Callable[[float, str], None]
Outcome = Literal["imported", "duplicate", "failed"]
_WS = re.compile(r"\s+")
OPTIMIZE_AFTER = 20  # a batch importing this many files ends by merging the search index


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


def content_hash(doc: Document) -> str:
    """The same text gives the same hash whatever the file format, encoding or line breaks."""
    return hashlib.sha256(_WS.sub("", doc.plain_text()).encode("utf-8")).hexdigest()


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the supported files inside folders (recursively, sorted)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                              and not f.name.startswith((".", "~$"))))
        else:
            out.append(p)
    return out


def parse_file(path: str | Path) -> tuple[Plan, Document]:
    """Read and parse one file; any failure is a PlanImportError naming the file."""
    doc = read_document(path)
    try:
        plan = parse_document(doc)
    except PlanDeskError:
        raise
    except Exception as exc:  # a parser bug must not look like a crash to the user
        raise PlanImportError(str(path), f"无法解析规划结构（{type(exc).__name__}）",
                              f"could not parse the plan structure ({type(exc).__name__}: {exc})") from exc
    if not plan.title:
        plan.title = Path(path).stem
    return plan, doc


def import_file(library: Library, path: str | Path) -> FileOutcome:
    name = str(path)
    try:
        plan, doc = parse_file(path)
    except PlanImportError as exc:
        return FileOutcome(name, "failed", message=exc.line())
    digest = content_hash(doc)
    existing = library.find_by_hash(digest)
    if existing is not None:
        return FileOutcome(name, "duplicate", existing, plan.title,
                           f"已在库中（编号 {existing}）/ already in the library (id {existing})")
    try:
        plan_id = library.add_plan(plan, content_hash=digest, source_path=str(Path(path).resolve()),
                                   source_format=doc.fmt)
    except DuplicatePlanError as exc:  # another process imported the same text a moment ago
        return FileOutcome(name, "duplicate", exc.existing_id, plan.title, exc.line())
    except PlanDeskError as exc:
        return FileOutcome(name, "failed", message=f"{name}: {exc.line()}")
    return FileOutcome(name, "imported", plan_id, plan.title, warnings=list(plan.warnings))


def import_paths(
    library: Library,
    paths: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
) -> ImportResult:
    """Import every file; a failing file is reported and the batch goes on. Rerunning an
    interrupted batch skips what is already in (by content hash)."""
    files = collect_files(paths)
    result = ImportResult()
    for n, path in enumerate(files):
        if progress is not None:
            progress(n / max(len(files), 1), path.name)
        if cancel is not None and cancel.is_set():  # checked between files: a file is never half-imported
            result.cancelled = True
            break
        outcome = import_file(library, path)
        result.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    if result.count("imported") >= OPTIMIZE_AFTER:
        if progress is not None:
            progress(1.0, "整理检索索引 / optimizing the search index")
        library.optimize_index()
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
