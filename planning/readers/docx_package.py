"""Open a .docx only after checking it: a real zip, no zip bomb, no XML entity declarations.

A .docx is a zip of XML parts. Everything here runs before python-docx sees a byte, so a hostile
file (billion laughs, an entity pointing at a local file, a 300 MB member compressed to 300 KB)
ends in a PlanImportError instead of exhausting memory or leaking a file into a plan.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

import docx
from docx.document import Document as WordDocument

from planning.errors import PlanImportError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # compound file: .doc, or a password-protected .docx
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_MIN_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 10_000
_XML_SUFFIXES = (".xml", ".rels")
_ENTITY_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


def open_docx(path: Path) -> WordDocument:
    data = path.read_bytes()
    check_package(data, str(path))
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise PlanImportError(str(path), "不是 Word 文档", "not a Word document") from exc
        raise _corrupt(str(path)) from exc
    except Exception as exc:  # python-docx and lxml raise many types for a damaged package
        raise _corrupt(str(path)) from exc


def check_package(data: bytes, path: str) -> None:
    """Raise PlanImportError unless `data` is a zip that is safe to hand to python-docx."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(OLE_SIGNATURE):
            raise PlanImportError(path, "已加密或旧格式的 Word 文件", "encrypted or old-format Word file")
        raise PlanImportError(path, "不是有效的 .docx 文件", "not a valid .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            _check_sizes(members, path)
            _check_xml_parts(archive, members, path)
    except _ZIP_ERRORS as exc:
        raise _corrupt(path) from exc


def _check_sizes(members: list[zipfile.ZipInfo], path: str) -> None:
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNCOMPRESSED_BYTES:
        raise _bomb(path)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise _bomb(path)


def _check_xml_parts(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], path: str) -> None:
    for member in members:
        if member.filename.lower().endswith(_XML_SUFFIXES) and _declares_entities(archive.read(member)):
            raise PlanImportError(
                path, "包含不允许的 XML 实体声明", "declares XML entities, which are not allowed"
            )


def _declares_entities(blob: bytes) -> bool:
    if b"\x00" in blob[:512]:  # a UTF-16 part: look at it without the zero bytes
        blob = blob.replace(b"\x00", b"")
    return _ENTITY_DECLARATION.search(blob) is not None


def _bomb(path: str) -> PlanImportError:
    return PlanImportError(path, "解压后过大，疑似压缩炸弹", "expands too much when unpacked (zip bomb)")


def _corrupt(path: str) -> PlanImportError:
    return PlanImportError(path, "文件已损坏，无法打开", "the .docx is damaged and cannot be opened")
