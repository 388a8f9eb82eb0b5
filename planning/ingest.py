"""Reading one file into a plan, pure of any store: the files a batch names, one file read and
parsed, and the content hash that recognises the same text in any format."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from planning.errors import PlanDeskError, PlanImportError
from planning.model import Plan
from planning.parse.plan_parser import parse_document
from planning.readers import SUPPORTED_SUFFIXES, read_document
from planning.readers.blocks import Document

_WS = re.compile(r"\s+")


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
