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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.section import Section
from lxml import etree

from planning.export import ooxml
from planning.export import pdf as pdf_tools
from planning.export import styles as st
from planning.export.errors import ExportError, PdfError
from planning.export.paginate import locate_headings, render_pages
from planning.export.profiles import GBT9704, Profile, mm_to_twips, resolve
from planning.export.writer import DocxWriter
from planning.jobs import Progress
from planning.model import Plan
from planning.paths import resource_path

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
    paginated: bool = False  # the TOC's page numbers come from a LibreOffice render, not the estimate
    pages: int | None = None  # pages in that render
    pagination_seconds: float = 0.0  # of `seconds`, the time the render took

    def to_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "profile": self.profile, "seconds": round(self.seconds, 3),
                "headings": self.headings, "estimated_pages": self.estimated_pages, "warnings": list(self.warnings),
                "paginated": self.paginated, "pages": self.pages,
                "pagination_seconds": round(self.pagination_seconds, 3)}


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
    paginate: bool | None = None,
    progress: Progress | None = None,
    writer_class: type[DocxWriter] = DocxWriter,
) -> ExportResult:
    """Write the plan to `out` (.docx) atomically; raise ExportError/ProfileError with zh and en.

    `paginate`: fill the TOC's page numbers from a LibreOffice render (True), keep the estimate
    from the line count (False), or render when LibreOffice is found (None). A render that cannot
    be made leaves the estimate in place and says why in the result's `warnings`."""
    started = time.perf_counter()
    out = Path(out).expanduser()
    resolved = resolve(profile)
    check_output(out)
    render = toc and (paginate if paginate is not None else pdf_tools.find_soffice() is not None)
    build_share = 0.2 if render else 0.9
    scaled = None if progress is None else (lambda f, m: progress(f * build_share, m))
    document, writer = _build(plan, profile=resolved, reference_doc=reference_doc, toc=toc,
                              progress=scaled, writer_class=writer_class)
    if progress is not None:
        progress(build_share, "保存 saving")
    save_atomically(document, out)
    result = ExportResult(out, resolved.name, 0.0, len(writer.headings), writer.page)
    if toc and writer.headings and not render:
        if paginate is None:
            result.warnings.append(ESTIMATE_WARNING)
    elif render and writer.headings:
        if progress is not None:
            progress(0.25, "排版页码 paginating (LibreOffice)")
        paginate_toc(document, writer, out, resolved, result)
    if progress is not None:
        progress(1.0, "")
    result.seconds = time.perf_counter() - started
    return result


ESTIMATE_WARNING = ("未找到 LibreOffice，目录页码为按行数估算的值（在 Word/WPS 中更新目录即可校正）/ LibreOffice not found: "
                    "the TOC's page numbers are estimated from a line count (update the TOC in Word/WPS to correct them)")


def paginate_toc(document: WordDocument, writer: DocxWriter, out: Path, profile: Profile,
                 result: ExportResult) -> None:
    """Render `out` (already saved from `document`), put the rendered page numbers in the TOC's
    cached entries and save again atomically; on failure keep the estimate and add a warning."""
    started = time.perf_counter()
    try:
        pages = render_pages(out)
    except PdfError as exc:
        result.warnings.append(f"目录页码为估算值：{exc.zh} / the TOC's page numbers are estimates: {exc.en}")
        result.pagination_seconds = time.perf_counter() - started
        return
    located = locate_headings(pages, [h.text for h in writer.headings])
    first = located.body_from if restarts_numbering(profile) else 1
    numbers = {h.bookmark: str(page - first + 1)
               for h, page in zip(writer.headings, located.pages, strict=True) if page is not None}
    ooxml.set_toc_pages(document.element.body, numbers)
    save_atomically(document, out)
    result.paginated = True
    result.pages = located.page_count
    if located.missing:
        result.warnings.append(f"{located.missing} 个目录条目未在排版结果中找到，保留估算页码 / {located.missing} TOC "
                               "entries were not found in the render and keep their estimated page numbers")
    result.pagination_seconds = time.perf_counter() - started


def restarts_numbering(profile: Profile) -> bool:
    """Whether the body's pages are numbered from 1 (the cover and TOC in sections of their own)."""
    return profile.cover


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
    setup_page(document, profile)
    writer = writer_class(document, profile, toc=toc, style_ids=st.style_ids(document.styles.element))
    writer.write(plan, progress)
    fill_sections(document, profile, title=plan.title)
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


def setup_page(document: WordDocument, profile: Profile) -> None:
    """Paper, margins and the line grid of the body's section (the writer copies them into any
    section it starts); headers and footers come after the writing, in `fill_sections`."""
    page = profile.page
    sect = document.element.body.find(qn("w:sectPr"))
    ooxml.replace_child(sect, "pgSz", w=mm_to_twips(page.width_mm), h=mm_to_twips(page.height_mm))
    ooxml.replace_child(sect, "pgMar", top=mm_to_twips(page.top_mm), right=mm_to_twips(page.right_mm),
                        bottom=mm_to_twips(page.bottom_mm), left=mm_to_twips(page.left_mm),
                        header=mm_to_twips(page.header_mm), footer=mm_to_twips(page.footer_mm), gutter=0)
    ooxml.replace_child(sect, "docGrid", type="lines", linePitch=profile.line_pitch_twips)
    ooxml.remove_children(sect, "titlePg")
    document.settings.odd_and_even_pages_header_footer = profile.page_numbers == "gbt"


def fill_sections(document: WordDocument, profile: Profile, *, title: str = "") -> None:
    """Headers and page-number footers, once the writer has made its sections.

    One section (GB/T 9704): page numbers on every page. With a cover (the booklet) the writer
    makes up to three: the cover (no header, no number), the 目录 (numbered I, II …, no header)
    and the body, whose numbers start again at 1 and whose pages alone carry the running header."""
    sections = list(document.sections)
    body = sections[-1]
    _fill_section(body, profile, numbers=True, header=profile.running_header, title=title)
    if len(sections) == 1:
        return
    ooxml.child(body._sectPr, "pgNumType", start=1)
    _fill_section(sections[0], profile, numbers=False, header=False, title=title)
    for middle in sections[1:-1]:
        _fill_section(middle, profile, numbers=True, header=False, title=title)


def _fill_section(section: Section, profile: Profile, *, numbers: bool, header: bool, title: str) -> None:
    page_numbers = profile.page_numbers if numbers else "none"
    footer = st.PAGE_ODD if page_numbers == "gbt" else st.FOOTER
    _fill(section.footer, footer if page_numbers != "none" else None, page_number=True)
    _fill(section.even_page_footer, st.PAGE_EVEN if page_numbers == "gbt" else None, page_number=True)
    _fill(section.header, st.HEADER if header else None, text=title)
    _fill(section.even_page_header, st.HEADER if header else None, text=title)


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
