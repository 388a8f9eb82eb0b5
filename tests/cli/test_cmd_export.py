"""plandesk export: a file from the library, one-line zh/en errors and non-zero exits for bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli.main import main
from planning.export import pdf as pdf_module
from planning.ingest import parse_file


@pytest.fixture
def library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    lib = str(tmp_path / "lib.sqlite3")
    assert main(["--library", lib, "import", "--sample"]) == 0
    capsys.readouterr()
    return lib


def test_export_a_library_plan(library: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "青禾.docx"
    assert main(["--library", library, "export", "1", "--out", str(out), "--no-paginate", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["path"] == str(out) and result["profile"] == "gbt9704" and result["pdf"] is None
    assert result["paginated"] is False and result["warnings"] == []
    plan, _ = parse_file(out)
    assert plan.doc_number == "青政办发〔2021〕7号"


def test_default_name_is_the_title_in_the_current_folder(library: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--library", library, "export", "1", "--no-toc", "--profile", "booklet", "--no-paginate"]) == 0
    assert "已导出 exported" in capsys.readouterr().out
    assert [p.suffix for p in tmp_path.glob("*.docx")] == [".docx"]


@pytest.mark.parametrize("argv,message", [
    (["export", "99"], "No plan with id 99"),
    (["export", "1", "--profile", "nope"], "no export profile named 'nope'"),
    (["export", "1", "--out", "/no/such/folder/x.docx"], "output folder does not exist"),
    (["export", "1", "--out", "x.pdf"], "must end in .docx"),
    (["export", "1", "--reference-doc", "/no/such.docx"], "reference document not found"),
])
def test_bad_input_is_one_line_in_both_languages(library: str, capsys: pytest.CaptureFixture[str],
                                                 argv: list[str], message: str) -> None:
    assert main(["--library", library, *argv]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and " / " in err and "\n" not in err


def test_pdf_without_libreoffice_says_so(library: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    assert main(["--library", library, "export", "1", "--out", str(tmp_path / "a.docx"), "--pdf"]) == 1
    assert "LibreOffice is not installed" in capsys.readouterr().err
    assert (tmp_path / "a.docx").is_file()  # the .docx is written before the conversion is tried


def test_without_libreoffice_the_toc_keeps_its_estimate_and_says_so(library: str, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    assert main(["--library", library, "export", "1", "--out", str(tmp_path / "a.docx")]) == 0
    out = capsys.readouterr().out
    assert "! 未找到 LibreOffice" in out and "estimated from a line count" in out


@pytest.mark.skipif(pdf_module.find_soffice() is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed")
def test_with_libreoffice_the_toc_is_paginated_by_default(library: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", library, "export", "1", "--out", str(tmp_path / "a.docx"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["paginated"] is True and result["pages"] >= 2 and result["warnings"] == []
