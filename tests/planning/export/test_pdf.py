"""Through LibreOffice: the exported document opens, converts, and the PDF shows the GB/T 9704 page."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from planning.export import PdfError, export_plan
from planning.export import pdf as pdf_module
from planning.export.pdf import convert_to_pdf, find_soffice
from planning.model import Section
from tests.planning.export.plans import linxi_plan

needs_lo = pytest.mark.skipif(find_soffice() is None or shutil.which("pdftotext") is None,
                              reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed; "
                                     ".ci/run installs libreoffice-writer-nogui and poppler-utils")
SENTENCE = "临溪市统筹推进数字政府建设，持续优化政务服务，提升城市治理能力。"


def _long_plan():  # noqa: ANN202
    plan = linxi_plan()
    plan.sections.append(Section("三、", "保障措施", 1, text="\n".join([SENTENCE * 3] * 40)))
    return plan


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if find_soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext not installed")
    folder = tmp_path_factory.mktemp("pdf")
    out = folder / "linxi.docx"
    export_plan(_long_plan(), out, paginate=False)
    return convert_to_pdf(out)


_WORD = re.compile(r'<word xMin="(?P<x0>[\d.]+)" yMin="(?P<y0>[\d.]+)" xMax="(?P<x1>[\d.]+)" yMax="[\d.]+">'
                   r'(?P<text>[^<]*)</word>')


@needs_lo
def test_pdf_is_a4(rendered: Path) -> None:
    info = subprocess.run(["pdfinfo", str(rendered)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info


def _words(pdf: Path) -> list[list[tuple[float, float, float, str]]]:
    """Per page: (xMin, yMin, xMax, text) of every word, from pdftotext -bbox."""
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in bbox.split("<page ")[1:]:
        words = []
        for line in page.splitlines():
            m = _WORD.search(line)
            if m:
                words.append((float(m["x0"]), float(m["y0"]), float(m["x1"]), m["text"]))
        pages.append(words)
    return pages


@needs_lo
def test_footers_read_dash_number_dash_odd_right_even_left(rendered: Path) -> None:
    pages = _words(rendered)
    assert len(pages) >= 4
    for number, words in enumerate(pages[:4], 1):
        bottom = max(y for _, y, _, _ in words)
        footer = sorted(w for w in words if w[1] == bottom)
        assert [w[3] for w in footer] == ["—", str(number), "—"]  # “— 1 —”
        assert footer[1][0] > footer[0][2] and footer[2][0] > footer[1][2]  # a space either side of the number
        left, right = footer[0][0], footer[-1][2]
        if number % 2:
            assert right > 480  # odd pages: at the right, one character in from the edge of the type area
        else:
            assert left < 120  # even pages: at the left


@needs_lo
def test_a_full_body_page_has_22_lines(rendered: Path) -> None:
    full = []
    for words in _words(rendered):
        bottom = max(y for _, y, _, _ in words)
        body = [w for w in words if w[1] != bottom]
        if body and set("".join(w[3] for w in body)) <= set(SENTENCE):  # a page of the long section only
            full.append(len(Counter(round(w[1]) for w in body)))
    assert len(full) >= 3
    assert full[:-1] == [22] * (len(full) - 1)  # every page but the section's last holds 22 lines


def test_missing_libreoffice_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    with pytest.raises(PdfError, match="LibreOffice is not installed"):
        convert_to_pdf(tmp_path / "x.docx")


def test_timeout_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 5\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PLANDESK_SOFFICE", str(fake))
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    with pytest.raises(PdfError, match="timed out"):
        convert_to_pdf(tmp_path / "x.docx", timeout=0.5)
