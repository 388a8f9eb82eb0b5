"""The command line as a user and a script see it: exit codes, one-line errors, the --json contracts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from tests.conftest import SEEDS, seed_path

PLAN_KEYS = {"id", "title", "status", "region", "period", "issuers", "doc_number", "date", "source", "sections",
             "indicator_tables", "projects", "glossary", "attachments"}
SECTION_KEYS = {"label", "title", "level", "kind", "text", "children"}
INDICATOR_KEYS = {"name", "unit", "base", "target", "growth_text", "growth", "attribute"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lib(tmp_path: Path) -> str:
    return str(tmp_path / "lib.sqlite3")


def test_sample_import_list_show_search_delete(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    code, out, _ = run(capsys, "--library", lib, "import", "--sample", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["imported"] == 1 and result["failed"] == 0
    plan_id = result["files"][0]["plan_id"]

    code, out, _ = run(capsys, "--library", lib, "list", "--json")
    (summary,) = json.loads(out)
    assert (summary["id"], summary["region"], summary["period"]) == (plan_id, "青禾市", "十四五")

    code, out, _ = run(capsys, "--library", lib, "show", str(plan_id), "--json")
    plan = json.loads(out)
    assert PLAN_KEYS <= plan.keys()
    assert plan["region"] == {"name": "青禾市", "level": "市"}
    assert plan["period"] == {"name": "十四五", "start": 2021, "end": 2025}
    assert plan["doc_number"] == "青政办发〔2021〕7号" and plan["date"] == "2021-03-05"
    assert SECTION_KEYS <= plan["sections"][0].keys()
    indicator = plan["indicator_tables"][0]["categories"][1]["indicators"][0]
    assert INDICATOR_KEYS <= indicator.keys()
    assert (indicator["growth_text"], indicator["growth"]) == ("-", None)  # "-" printed: null, never 0
    assert any(s["kind"] == "box" for top in plan["sections"] for sub in top["children"] for s in sub["children"])

    code, out, _ = run(capsys, "--library", lib, "search", "政务", "--json")
    hits = json.loads(out)
    assert code == 0 and hits and all("政务" in h["snippet"] for h in hits)
    assert {"plan_id", "section_path", "snippet"} <= hits[0].keys()

    code, out, _ = run(capsys, "--library", lib, "delete", str(plan_id))
    assert code == 0 and "已删除" in out
    code, out, _ = run(capsys, "--library", lib, "list", "--json")
    assert json.loads(out) == []


def test_reimport_is_reported_as_duplicate(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    run(capsys, "--library", lib, "import", "--sample")
    code, out, _ = run(capsys, "--library", lib, "import", "--sample", "--json")
    assert code == 0
    assert json.loads(out)["duplicates"] == 1


def test_batch_goes_on_past_a_bad_file_and_leaves_no_trace_of_it(capsys: pytest.CaptureFixture[str], lib: str,
                                                                tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_good.txt").write_text("北岭市“十四五”规划\n一、总则\n正文。\n二、任务\n正文。", encoding="utf-8")
    code, out, _ = run(capsys, "--library", lib, "import", str(folder), "--json")
    assert code == 1  # some files failed
    result = json.loads(out)
    statuses = {Path(f["path"]).name: f["status"] for f in result["files"]}
    assert statuses == {"a_broken.docx": "failed", "b_empty.txt": "failed", "c_good.txt": "imported"}
    assert all(f["message"] and f["path"] in f["message"] for f in result["files"] if f["status"] == "failed")
    code, out, _ = run(capsys, "--library", lib, "list", "--json")
    assert [p["title"] for p in json.loads(out)] == ["北岭市“十四五”规划"]


def test_errors_are_one_line_in_both_languages(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    code, _, err = run(capsys, "--library", lib, "show", "999")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "/" in err and "999" in err


def test_no_traceback_from_the_installed_command(tmp_path: Path) -> None:
    bad = tmp_path / "plan.xyz"
    bad.write_text("x", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "cli.main", "--library", str(tmp_path / "l.sqlite3"),
                           "import", str(bad)], capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "plan.xyz" in proc.stdout + proc.stderr


def test_library_from_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "env" / "lib.sqlite3"
    monkeypatch.setenv("PLANDESK_LIBRARY", str(target))
    assert run(capsys, "import", "--sample")[0] == 0
    assert target.exists()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed plans in ../shared/seeds are absent")
def test_import_all_seeds_and_search_filters(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    code, out, _ = run(capsys, "--library", lib, "import", str(SEEDS), "--json")
    assert code == 0 and json.loads(out)["imported"] == 5
    code, out, _ = run(capsys, "--library", lib, "list", "--region", "江西省", "--json")
    assert sorted(p["period"] for p in json.loads(out)) == ["十一五", "十三五"]
    code, out, _ = run(capsys, "--library", lib, "search", "政务", "--period", "十二五", "--json")
    hits = json.loads(out)
    assert hits and {h["period"] for h in hits} == {"十二五"}
    code, out, _ = run(capsys, "--library", lib, "show", "2", "--json")
    shown = json.loads(out)
    assert shown["doc_number"] == "赣工信信推字〔2016〕497号"
    assert seed_path("001").name  # the seeds stay where they are: nothing is copied into the repo
