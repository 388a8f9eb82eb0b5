"""TOC page numbers from a render: LibreOffice lays the exported file out, pdftotext reads it back.

The writer's TOC carries page numbers estimated from a line count. Where LibreOffice is installed
the exporter converts the file it has just written to PDF, reads each page's text, finds on which
page each heading begins (in document order, after the TOC's own pages) and puts those numbers
in the TOC's cached PAGEREF results, so the file reads right even before Word or WPS refresh it.

    pages = render_pages(docx_path)                    # [text of page 1, text of page 2, …]
    found = locate_headings(pages, [h.text for h in writer.headings])
"""

from __future__ import annotations

import bisect
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from planning.export.errors import PdfError
from planning.export.pdf import TIMEOUT_SECONDS, _no_window, convert_to_pdf

PREFIX_CHARS = 8  # a heading broken by a page end is found by its first characters
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Located:
    """Where headings begin in a render: physical page numbers (1 = the file's first page)."""

    pages: list[int | None]  # per heading, None when it was not found
    body_from: int  # the first page after the TOC
    page_count: int

    @property
    def missing(self) -> int:
        return sum(p is None for p in self.pages)


def find_pdftotext() -> Path | None:
    found = shutil.which("pdftotext")
    return Path(found) if found else None


def render_pages(docx_path: Path, *, timeout: float = TIMEOUT_SECONDS) -> list[str]:
    """The text of each page of `docx_path` as LibreOffice lays it out (pdftotext -layout).

    One pdftotext call for the whole file: it ends every page with a form feed, which is the same
    as reading the pages one by one with -f N -l N, at one process start instead of one per page."""
    pdftotext = find_pdftotext()
    if pdftotext is None:
        raise PdfError("未安装 pdftotext（poppler-utils），无法读取排版结果",
                       "pdftotext (poppler-utils) is not installed, so the render cannot be read")
    with tempfile.TemporaryDirectory(prefix="plandesk-pages-") as folder:
        pdf = convert_to_pdf(Path(docx_path), Path(folder), timeout=timeout)
        try:
            done = subprocess.run([str(pdftotext), "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                  check=False, stdin=subprocess.DEVNULL, creationflags=_no_window(), timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"pdftotext 运行失败（{exc}）", f"pdftotext failed ({exc})") from exc
    if done.returncode != 0:
        raise PdfError("pdftotext 无法读取 PDF", "pdftotext could not read the PDF")
    return split_pages(done.stdout.decode("utf-8", errors="replace"))


def split_pages(text: str) -> list[str]:
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends the last page with a form feed too
    return pages


def normalize(text: str) -> str:
    """Compatibility forms folded (a PDF may give ⼀ for 一), whitespace dropped (layout spacing,
    line ends inside a long heading)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def locate_headings(pages: list[str], headings: list[str]) -> Located:
    """The physical page on which each heading begins, searching in document order.

    The TOC lists every heading before the body does, so the body begins after the first page that
    shows the last heading (the TOC's last entry); from there each heading is searched for after
    the previous one, so a heading's words quoted earlier in the text cannot be taken for it."""
    flat = [normalize(p) for p in pages]
    if not headings:
        return Located([], 1, len(pages))
    last = normalize(headings[-1])
    toc_end = next((i for i, text in enumerate(flat) if last and last in text), 0)
    body_from = toc_end + 1
    starts: list[int] = []  # offset of each body page in `joined`
    joined = ""
    for text in flat[body_from:]:
        starts.append(len(joined))
        joined += text
    found: list[int | None] = []
    cursor = 0
    for heading in headings:
        needle = normalize(heading)
        at = joined.find(needle, cursor) if needle else -1
        if at < 0 and len(needle) > PREFIX_CHARS:
            at = joined.find(needle[:PREFIX_CHARS], cursor)
        if at < 0:
            found.append(None)
            continue
        page = bisect.bisect_right(starts, at) - 1
        found.append(body_from + page + 1)
        cursor = at + len(needle[:PREFIX_CHARS])
    return Located(found, body_from + 1, len(pages))
