"""TOC page numbers from a render: finding headings in page texts, and (with LibreOffice) that the
numbers the exported TOC gives are the pages the headings are on."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from planning.export import export_plan
from planning.export import pdf as pdf_module
from planning.export.export import ESTIMATE_WARNING
from planning.export.paginate import locate_headings, normalize, split_pages
from planning.export.pdf import convert_to_pdf, find_soffice
from planning.ingest import parse_file
from tests.conftest import seed_path
from tests.planning.export.plans import linxi_plan

needs_lo = pytest.mark.skipif(find_soffice() is None or shutil.which("pdftotext") is None,
                              reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed; "
                                     ".ci/run installs libreoffice-writer-nogui and poppler-utils")


# -- finding headings in page texts ---------------------------------------------------------------
PAGES = [
    "临溪市规划\n印发通知……\n — 1 —",
    "目    录\n一、总体要求........3\n  （一）指导思想........3\n — 2 —",
    "  （二）发展目标........4\n二、主要任务........5\n — 3 —",
    "一、总体要求\n  （一）指导思想\n正文提到二、主要任务的安排。\n — 4 —",  # quoted, not its heading
    "  （二）发展\n目标\n正文。\n — 5 —",  # a heading broken across lines
    "正文。\n二、主要任务\n — 6 —",
]
HEADINGS = ["一、总体要求", "（一）指导思想", "（二）发展目标", "二、主要任务"]


def test_headings_are_found_in_order_after_the_toc() -> None:
    located = locate_headings(PAGES, HEADINGS)
    assert located.body_from == 4  # the page after the one that lists the last heading
    assert located.pages[:3] == [4, 4, 5]
    assert located.page_count == 6 and located.missing == 0


def test_a_heading_quoted_in_text_before_it_is_not_taken_for_it() -> None:
    # "二、主要任务" occurs on page 4 inside a sentence, after (二) it is searched for only from page 5
    assert locate_headings(PAGES, HEADINGS).pages[3] == 6


def test_a_heading_missing_from_the_render_is_none() -> None:
    located = locate_headings(PAGES, [*HEADINGS[:2], "三、保障措施"])
    assert located.pages[2] is None and located.missing == 1


def test_page_texts_are_split_at_form_feeds_and_normalized() -> None:
    assert split_pages("a\fb\f") == ["a", "b"]
    assert normalize("⼀、 总体\n要求\u3000") == "一、总体要求"  # Kangxi radical ⼀ folded, spaces dropped


# -- without LibreOffice ------------------------------------------------------------------------
def test_without_libreoffice_the_estimate_stays_and_the_result_says_so(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    result = export_plan(linxi_plan(), tmp_path / "a.docx")
    assert not result.paginated and result.warnings == [ESTIMATE_WARNING]
    forced = export_plan(linxi_plan(), tmp_path / "b.docx", paginate=True)
    assert not forced.paginated and "LibreOffice is not installed" in forced.warnings[0]
    assert (tmp_path / "b.docx").is_file()


def test_no_pagination_asked_for_gives_no_warning(tmp_path: Path) -> None:
    result = export_plan(linxi_plan(), tmp_path / "a.docx", paginate=False)
    assert not result.paginated and result.warnings == [] and result.pagination_seconds == 0


# -- with LibreOffice: the TOC's numbers are the pages in a fresh render ----------------------------
def toc_entries(path: Path) -> list[tuple[str, str]]:
    """(heading text, cached page number) of each TOC entry of an exported file."""
    body = docx.Document(str(path)).element.body
    out = []
    for link in body.iter(qn("w:hyperlink")):
        state, text, page = "", "", ""
        for node in link.iter(qn("w:fldChar"), qn("w:t")):
            if node.tag == qn("w:fldChar"):
                state = node.get(qn("w:fldCharType"))
            elif state == "separate":
                page += node.text or ""
            elif state in ("", "end"):
                text += node.text or ""
        out.append((text.strip(), page))
    return out


def pdf_pages(pdf: Path) -> list[str]:
    count = next(int(line.split()[-1]) for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:"))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, count + 1)]


def footer_number(page: str) -> str:
    last = [line for line in page.splitlines() if line.strip()][-1]
    return "".join(ch for ch in last if ch.isdigit())


def heading_page(pages: list[str], heading: str, after: int) -> int:
    """The first page after page `after` with a line that is exactly `heading`."""
    for n, page in enumerate(pages[after:], after + 1):
        if any(line.strip() == heading for line in page.splitlines()):
            return n
    raise AssertionError(f"{heading} is on no page after {after}")


@pytest.fixture(scope="module", params=["gbt9704", "booklet"])
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    if find_soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext (poppler-utils) not installed")
    plan, _ = parse_file(seed_path("001"))
    out = tmp_path_factory.mktemp(request.param) / "001.docx"
    result = export_plan(plan, out, profile=request.param, paginate=True)
    folder = out.parent / "again"
    folder.mkdir()
    return out, convert_to_pdf(out, folder), result


@needs_lo
def test_toc_page_numbers_are_the_pages_the_headings_are_on(exported: tuple[Path, Path, object]) -> None:
    out, pdf, result = exported
    assert result.paginated and result.warnings == [] and result.pagination_seconds > 0  # type: ignore[attr-defined]
    entries = toc_entries(out)
    assert len(entries) == result.headings  # type: ignore[attr-defined]
    pages = pdf_pages(pdf)
    assert result.pages == len(pages)  # type: ignore[attr-defined]
    toc_end = max(n for n, page in enumerate(pages, 1) if ".." in page and entries[-1][0] in page.replace(" ", ""))
    checked = [entries[0], entries[len(entries) // 3], entries[len(entries) // 2], entries[-1]]
    checked += [e for e in entries if e[0] == "（三）发展目标"]
    assert len(checked) == 5
    for heading, number in checked:
        on = heading_page(pages, heading, toc_end)
        assert footer_number(pages[on - 1]) == number, (heading, number, on)


@needs_lo
def test_every_toc_number_was_rendered_not_estimated(exported: tuple[Path, Path, object]) -> None:
    out, pdf, _ = exported
    pages = pdf_pages(pdf)
    entries = toc_entries(out)
    toc_end = max(n for n, page in enumerate(pages, 1) if ".." in page and entries[-1][0] in page.replace(" ", ""))
    shown = {footer_number(page): n for n, page in enumerate(pages, 1)}
    for heading, number in entries:
        assert heading_page(pages, heading, toc_end) == shown[number], heading


@needs_lo
def test_page_numbers_per_section(exported: tuple[Path, Path, object]) -> None:
    """GB/T: every page numbered from the first. Booklet: the cover bare, the 目录 in roman
    numerals without the running header, the body from 1 under the plan title."""
    out, pdf, result = exported
    pages = pdf_pages(pdf)
    body = next(n for n, page in enumerate(pages, 1) if "一、发展现状及发展趋势" in page and ".." not in page)
    title = parse_file(out)[0].title
    lines = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]
    if result.profile == "gbt9704":  # type: ignore[attr-defined]
        assert [footer_number(page) for page in pages[:body]] == [str(n) for n in range(1, body + 1)]
        return
    assert body >= 3  # a cover, one or more 目录 pages
    assert title in lines[0][0] and not any(line.startswith("—") for line in lines[0])  # the cover: no number
    toc = lines[1 : body - 1]
    assert [page[-1].replace(" ", "") for page in toc] == [f"—{r}—" for r in ("I", "II", "III", "IV")[: len(toc)]]
    assert all(title not in " ".join(page) for page in toc)  # no running header on the 目录
    assert lines[body - 1][-1].replace(" ", "") == "—1—" and lines[body][-1].replace(" ", "") == "—2—"
    assert all(page[0] == title for page in lines[body - 1 :])  # the running header on every body page
