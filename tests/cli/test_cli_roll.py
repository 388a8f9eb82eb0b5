"""plandesk roll and plandesk templates: text out, the --json contract, one-line errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_roll_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.txt"
    path.write_text("“十三五”期间，到2020年建成。2018年启动。", encoding="utf-8")
    code, out, err = run(capsys, "roll", str(path), "--to", "十四五")
    assert code == 0
    assert out == "“十四五”期间，到2025年建成。2018年启动。\n"
    assert "2018年" in err  # the flag goes to stderr


def test_roll_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.txt"
    path.write_text("“十二五”末，2010年", encoding="utf-8-sig")
    code, out, _ = run(capsys, "roll", str(path), "--to", "十三五", "--from", "十一五", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["text"] == "“十四五”末，2020年"  # two periods on: years move by ten
    assert data["replacements"] == [
        {"start": 1, "end": 4, "before": "十二五", "after": "十四五", "rule": "period-name"},
        {"start": 7, "end": 12, "before": "2010年", "after": "2020年", "rule": "end-year"},
    ]
    assert data["flagged"] == []


def test_roll_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("到2020年".encode())))
    code, out, _ = run(capsys, "roll", "-", "--to", "十四五")
    assert (code, out) == (0, "到2025年\n")


@pytest.mark.parametrize("argv", [["roll", "/no/such/file.txt", "--to", "十四五"], ["roll", "-", "--to", "十四"]])
def test_roll_errors(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x")))
    code, out, err = run(capsys, *argv)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and " / " in err


def test_roll_rejects_non_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("十三五期间".encode("gb18030"))
    code, _, err = run(capsys, "roll", str(path), "--to", "十四五")
    assert code == 1 and "UTF-8" in err


def test_templates_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "--json")
    assert code == 0
    names = {(t["name"], t["kind"]) for t in json.loads(out)}
    assert {("province_14th", "skeleton"), ("safeguards", "section")} <= names
    code, out, _ = run(capsys, "templates")
    assert code == 0 and "province_14th" in out
