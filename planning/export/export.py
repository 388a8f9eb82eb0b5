"""Export a plan to a Word document: the public API the command line and the GUI call.

    result = export_plan(plan, Path("out.docx"))                 # GB/T 9704-2012
    document = build_document(plan, profile="booklet")           # a python-docx Document, unsaved

Styles come from a reference document (the bundled resources/reference/gbt9704.docx, or the
user's own, as pandoc's --reference-doc); page setup and page numbers from the profile. The file
is written to a temporary name in the target folder and renamed into place, so an interrupted
export never leaves a half-written .docx over an earlier good one.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree

from planning.export import ooxml
from planning.export import styles as st
from planning.export.errors import ExportError
from planning.export.profiles import GBT9704, Profile, mm_to_twips, resolve
from planning.export.writer import DocxWriter
from planning.model import Plan
from planning.resources import resource_path

Progress = Callable[[float, str], None]
REFERENCE_NAME = "gbt9704.docx"


def reference_path() -> Path:
    return resource_path("reference", REFERENCE_NAME)


@dataclass(slots=True)
class ExportResult:
    path: Path
    profile: str
    seconds: float
    headings: int  # entries in the table of contents
    estimated_pages: int
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "profile": self.profile, "seconds": round(self.seconds, 3),
                "headings": self.headings, "estimated_pages": self.estimated_pages, "warnings": list(self.warnings)}


def build_document(
    plan: Plan,
    *,
    profile: str | Profile = "gbt9704",
    reference_doc: Path | None = None,
    toc: bool = True,
    progress: Progress | None = None,
    writer_class: type[DocxWriter] = DocxWriter,
) -> WordDocument:
    """The plan as a python-docx Document, not yet saved."""
    document, _ = _build(plan, profile=resolve(profile), reference_doc=reference_doc, toc=toc,
                         progress=progress, writer_class=writer_class)
    return document


def export_plan(
    plan: Plan,
    out: Path,
    *,
    profile: str | Profile = "gbt9704",
    reference_doc: Path | None = None,
    toc: bool = True,
    progress: Progress | None = None,
    writer_class: type[DocxWriter] = DocxWriter,
) -> ExportResult:
    """Write the plan to `out` (.docx) atomically; raise ExportError/ProfileError with zh and en."""
    started = time.perf_counter()
    out = Path(out).expanduser()
    resolved = resolve(profile)
    check_output(out)
    document, writer = _build(plan, profile=resolved, reference_doc=reference_doc, toc=toc,
                              progress=progress, writer_class=writer_class)
    if progress is not None:
        progress(0.9, "保存 saving")
    save_atomically(document, out)
    if progress is not None:
        progress(1.0, "")
    return ExportResult(out, resolved.name, time.perf_counter() - started, len(writer.headings), writer.page)


def check_output(out: Path) -> None:
    folder = out.parent if str(out.parent) else Path(".")
    if out.suffix.lower() != ".docx":
        raise ExportError(f"输出文件应以 .docx 结尾：{out}", f"the output file must end in .docx: {out}")
    if not folder.is_dir():
        raise ExportError(f"输出文件夹不存在：{folder}", f"the output folder does not exist: {folder}")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"没有写入输出文件夹的权限：{folder}", f"the output folder is not writable: {folder}")
    if out.is_dir():
        raise ExportError(f"输出路径是一个文件夹：{out}", f"the output path is a folder: {out}")


def save_atomically(document: WordDocument, out: Path) -> None:
    """Save to a temporary file beside `out`, then rename it over `out`."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".docx.tmp", dir=out.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            document.save(handle)
        os.replace(tmp, out)
    except PermissionError as exc:
        raise ExportError(f"无法写入 {out}：文件可能正被其他程序（如 Word、WPS）打开",
                          f"cannot write {out}: the file may be open in another program (Word, WPS)") from exc
    except OSError as exc:
        raise ExportError(f"无法写入 {out}（{exc.strerror or exc}）", f"cannot write {out} ({exc.strerror or exc})") from exc
    finally:
        if tmp.exists():
            tmp.unlink()


# -- building -----------------------------------------------------------------------------------
def _build(plan: Plan, *, profile: Profile, reference_doc: Path | None, toc: bool, progress: Progress | None,
           writer_class: type[DocxWriter]) -> tuple[WordDocument, DocxWriter]:
    if progress is not None:
        progress(0.0, "样式 styles")
    if reference_doc is not None:
        document = open_reference(Path(reference_doc))
        st.apply_profile(document.styles.element, profile, only_missing=True)
    else:
        document = docx.Document(io.BytesIO(_bundled_reference()))
        if profile != GBT9704:  # the bundled reference holds the GB/T styles already
            st.apply_profile(document.styles.element, profile)
            _font_fallbacks(document, profile)
    clear_body(document)
    setup_page(document, profile, title=plan.title)
    writer = writer_class(document, profile, toc=toc, style_ids=st.style_ids(document.styles.element))
    writer.write(plan, progress)
    core = document.core_properties
    core.title = plan.title[:255]
    core.author = "、".join(plan.issuers)[:255] or "PlanDesk"
    core.comments = "PlanDesk 规划编制助手"
    return document, writer


@lru_cache(maxsize=1)
def _bundled_reference() -> bytes:
    path = reference_path()
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ExportError(f"找不到内置参考文档 {path}，请重新安装", f"the bundled reference document {path} is missing; "
                          "reinstall PlanDesk") from exc


def open_reference(path: Path) -> WordDocument:
    """A user's reference .docx; a clear error when it is not one."""
    if not path.is_file():
        raise ExportError(f"参考文档不存在：{path}", f"reference document not found: {path}")
    if path.suffix.lower() != ".docx" or not zipfile.is_zipfile(path):
        raise ExportError(f"参考文档不是 .docx 文件：{path}", f"the reference document is not a .docx: {path}")
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for a damaged or foreign package
        raise ExportError(f"参考文档无法打开（不是有效的 Word 文档）：{path}",
                          f"the reference document cannot be opened as a Word document: {path} ({exc})") from exc


def clear_body(document: WordDocument) -> None:
    """Remove the reference document's sample content; keep its final section properties."""
    body = document.element.body
    for element in list(body):
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    if body.find(qn("w:sectPr")) is None:
        body.append(ooxml.make("sectPr"))


def setup_page(document: WordDocument, profile: Profile, *, title: str = "") -> None:
    """Paper, margins, the line and character grid, headers and page-number footers."""
    page = profile.page
    sect = document.element.body.find(qn("w:sectPr"))
    ooxml.replace_child(sect, "pgSz", w=mm_to_twips(page.width_mm), h=mm_to_twips(page.height_mm))
    ooxml.replace_child(sect, "pgMar", top=mm_to_twips(page.top_mm), right=mm_to_twips(page.right_mm),
                        bottom=mm_to_twips(page.bottom_mm), left=mm_to_twips(page.left_mm),
                        header=mm_to_twips(page.header_mm), footer=mm_to_twips(page.footer_mm), gutter=0)
    ooxml.replace_child(sect, "docGrid", type="lines", linePitch=profile.line_pitch_twips)
    ooxml.remove_children(sect, "titlePg")
    if profile.cover:
        ooxml.child(sect, "titlePg")
    section = document.sections[0]
    section.different_first_page_header_footer = profile.cover
    document.settings.odd_and_even_pages_header_footer = profile.page_numbers == "gbt"
    footer = st.PAGE_ODD if profile.page_numbers == "gbt" else st.FOOTER
    _fill(section.footer, footer if profile.page_numbers != "none" else None, page_number=True)
    _fill(section.even_page_footer, st.PAGE_EVEN if profile.page_numbers == "gbt" else None, page_number=True)
    _fill(section.header, st.HEADER if profile.running_header else None, text=title)
    _fill(section.even_page_header, st.HEADER if profile.running_header else None, text=title)
    if profile.cover:
        _fill(section.first_page_footer, None)
        _fill(section.first_page_header, None)


def _fill(part: object, style_id: str | None, *, page_number: bool = False, text: str = "") -> None:
    """Replace a header's or footer's content by one paragraph (empty when `style_id` is None)."""
    part.is_linked_to_previous = False  # type: ignore[attr-defined]
    element = part._element  # type: ignore[attr-defined]
    for old in list(element):
        element.remove(old)
    p = etree.SubElement(element, qn("w:p"))
    if style_id is None:
        return
    ooxml.child(ooxml.ppr(p), "pStyle", val=style_id)
    if page_number:
        ooxml.append_page_number(p)
    elif text:
        ooxml.append_run(p, text)


def _font_fallbacks(document: WordDocument, profile: Profile) -> None:
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            root = etree.fromstring(part.blob)
            st.add_font_fallbacks(root, profile.fallbacks)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            return
