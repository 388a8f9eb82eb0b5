"""plandesk diff: ids or files, the human summary, --json, --html, and one-line errors with exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from planning.paths import resource_path
from tests.conftest import seed_path

SAMPLE = str(resource_path("sample", "qinghe_14th_plan.txt"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _edited_sample(tmp_path: Path) -> Path:
    text = Path(SAMPLE).read_text(encoding="utf-8")
    path = tmp_path / "edited.txt"
    path.write_text(text.replace("覆盖所有行政村", "覆盖所有行政村和自然村", 1), encoding="utf-8")
    return path


def test_files_against_each_other(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--library", str(tmp_path / "lib.sqlite3"), "diff", SAMPLE, SAMPLE)
    assert code == 0 and "no differences" in out
    assert not (tmp_path / "lib.sqlite3").exists()  # files are not stored
    code, out, _ = run(capsys, "diff", SAMPLE, str(_edited_sample(tmp_path)), "--json")
    d = json.loads(out)
    assert code == 0 and d["summary"]["chars_inserted"] == 4


def test_library_id_against_a_file_with_html(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite3")
    code, out, _ = run(capsys, "--library", lib, "import", "--sample", "--json")
    plan_id = str(json.loads(out)["files"][0]["plan_id"])
    html = tmp_path / "report.html"
    code, out, _ = run(capsys, "--library", lib, "diff", plan_id, str(_edited_sample(tmp_path)), "--html", str(html))
    assert code == 0
    assert "章节 sections:" in out and "[改写 reworded]" in out and "+4 字" in out
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("argv, words", [
    (["diff", "no-such-file.txt", SAMPLE], "no such plan file or library id"),
    (["diff", "999", SAMPLE], "999"),
    (["diff", SAMPLE, SAMPLE, "--docx", "/no/such/dir/redline.docx"], "output folder does not exist"),
    (["diff", SAMPLE, SAMPLE, "--html", "/no/such/dir/r.html"], "cannot write"),
])
def test_errors_are_one_line_with_a_nonzero_exit(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   argv: list[str], words: str) -> None:
    code, out, err = run(capsys, "--library", str(tmp_path / "lib.sqlite3"), *argv)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and " / " in err and words in err


def test_seeds_000_against_001(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", str(seed_path("000")), str(seed_path("001")), "--json")
    d = json.loads(out)
    assert code == 0 and d["summary"]["indicators"]["added"] > 0
