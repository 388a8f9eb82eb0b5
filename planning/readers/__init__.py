"""Readers: a plan file (.txt, .docx, .html) in, a `Document` of paragraphs and tables out.

`read_document` is the only entry point. Every failure, expected or not, ends in a
PlanImportError naming the file, with a Chinese and an English reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planning.errors import PlanImportError
from planning.readers.blocks import Block, Document, Paragraph, Table
from planning.readers.docx import read_docx
from planning.readers.html import read_html
from planning.readers.text import read_text

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "Block", "Document", "Paragraph", "Table", "read_document"]

MAX_FILE_BYTES = 50 * 1024 * 1024

_READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": read_text,
    ".text": read_text,
    ".docx": read_docx,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)


def read_document(path: str | Path) -> Document:
    path = Path(path)
    try:
        reader = _reader_for(path)
        _check_file(path)
        document = reader(path)
    except PlanImportError:
        raise
    except OSError as exc:
        raise PlanImportError(
            str(path), "无法读取文件", f"cannot read the file ({exc.strerror or exc})"
        ) from exc
    except Exception as exc:  # a reader bug or a library surprise must still name the file
        raise PlanImportError(
            str(path), "读取文件时出错", f"unexpected error while reading ({type(exc).__name__}: {exc})"
        ) from exc
    if not any(_has_text(block) for block in document.blocks):
        raise _empty(path)
    return document


def _reader_for(path: Path) -> Callable[[Path], Document]:
    if not path.exists():
        raise PlanImportError(str(path), "文件不存在", "file not found")
    if path.is_dir():
        raise PlanImportError(str(path), "这是一个文件夹，不是文件", "is a directory, not a file")
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise PlanImportError(
            str(path),
            "不支持旧版 Word（.doc）文件，请另存为 .docx",
            "old Word .doc files are not supported; save it as .docx first",
        )
    if suffix not in _READERS:
        shown = suffix or "（无扩展名）"
        supported = " ".join(SUPPORTED_SUFFIXES)
        raise PlanImportError(
            str(path),
            f"不支持的文件类型 {shown}，支持：{supported}",
            f"unsupported file type {suffix or '(no extension)'}; supported: {supported}",
        )
    return _READERS[suffix]


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise PlanImportError(str(path), "不是普通文件", "not a regular file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise PlanImportError(str(path), "文件超过 50 MB", "the file is larger than 50 MB")
    if size == 0:
        raise _empty(path)


def _has_text(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.text.strip())
    return any(cell.strip() for row in block.rows for cell in row)


def _empty(path: Path) -> PlanImportError:
    return PlanImportError(str(path), "文件为空，没有文字内容", "the file is empty: it contains no text")
