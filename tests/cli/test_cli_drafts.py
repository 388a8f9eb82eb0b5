"""The drafting commands as a user and a script see them: output, --json contracts, exit codes, errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cli.main import main
from tests.conftest import seed_path

PREVIOUS = """北岭市“十三五”信息化发展规划
一、发展基础
“十二五”期间，全市建成政务外网，网上办事大厅投入运行。
二、保障措施
（一）加强组织领导
成立“十三五”信息化工作领导小组，到2020年建成统筹协调机制。
（二）强化资金保障
以2015年为基数，每年安排资金不少于3000万元。
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class Terminal(io.StringIO):
    """Typed answers on a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def lib(tmp_path: Path) -> str:
    return str(tmp_path / "lib.sqlite3")


@pytest.fixture
def previous_id(capsys: pytest.CaptureFixture[str], lib: str, tmp_path: Path) -> int:
    path = tmp_path / "beiling_13.txt"
    path.write_text(PREVIOUS, encoding="utf-8")
    code, out, _ = run(capsys, "--library", lib, "import", str(path), "--json")
    assert code == 0
    return int(json.loads(out)["files"][0]["plan_id"])


@pytest.fixture
def draft_id(capsys: pytest.CaptureFixture[str], lib: str, previous_id: int) -> int:
    code, out, _ = run(capsys, "--library", lib, "new", "--region", "北岭市", "--period", "十四五",
                       "--from", str(previous_id), "--json")
    assert code == 0
    return int(json.loads(out)["id"])


def show(capsys: pytest.CaptureFixture[str], lib: str, plan_id: int) -> dict:  # type: ignore[type-arg]
    code, out, _ = run(capsys, "--library", lib, "show", str(plan_id), "--json")
    assert code == 0
    return json.loads(out)


def safeguards(plan: dict) -> dict:  # type: ignore[type-arg]
    (found,) = [s for s in plan["sections"] if s["title"] == "保障措施"]
    return found


def test_new_prints_the_draft_and_offers_the_previous_plans_sections(
    capsys: pytest.CaptureFixture[str], lib: str, previous_id: int
) -> None:
    code, out, _ = run(capsys, "--library", lib, "new", "--region", "北岭市", "--period", "十四五",
                       "--from", str(previous_id))
    assert code == 0
    assert "北岭市“十四五”信息化发展规划（2021–2025）" in out
    assert f"plandesk reuse 2 {previous_id}:二、" in out and "保障措施" in out


def test_new_with_a_bad_period_is_one_line_and_stores_nothing(capsys: pytest.CaptureFixture[str], lib: str) -> None:
    code, out, err = run(capsys, "--library", lib, "new", "--region", "江西省", "--period", "十四")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "十四" in err and " / " in err
    _, out, _ = run(capsys, "--library", lib, "list", "--json")
    assert json.loads(out) == []


def test_reuse_accept_all_lists_the_replacements(
    capsys: pytest.CaptureFixture[str], lib: str, previous_id: int, draft_id: int
) -> None:
    code, out, _ = run(capsys, "--library", lib, "reuse", str(draft_id), f"{previous_id}:保障措施", "--accept-all",
                       "--json")
    assert code == 0
    result = json.loads(out)
    assert [(r["before"], r["after"], r["accepted"]) for r in result["replacements"]] == [
        ("十三五", "十四五", True), ("到2020年", "到2025年", True), ("2015年", "2020年", True)
    ]
    assert {"path", "field", "start", "end", "rule", "context_before", "context_after"} <= result["replacements"][0].keys()
    texts = [c["text"] for c in safeguards(show(capsys, lib, draft_id))["children"]]
    assert texts == ["成立“十四五”信息化工作领导小组，到2025年建成统筹协调机制。", "以2020年为基数，每年安排资金不少于3000万元。"]


def test_reuse_review_asks_about_each_replacement(
    capsys: pytest.CaptureFixture[str], lib: str, previous_id: int, draft_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("y\nn\n\n"))
    code, out, _ = run(capsys, "--library", lib, "reuse", str(draft_id), f"{previous_id}:二、", "--review")
    assert code == 0
    assert "【十三五 → 十四五】" in out and "成立“【" in out  # before → after, with the text around it
    assert "接受 accepted 2，未改 refused 1" in out
    texts = [c["text"] for c in safeguards(show(capsys, lib, draft_id))["children"]]
    assert texts[0] == "成立“十四五”信息化工作领导小组，到2020年建成统筹协调机制。"
    assert texts[1] == "以2020年为基数，每年安排资金不少于3000万元。"  # an empty answer accepts


def test_reuse_without_a_terminal_needs_accept_all_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], lib: str, previous_id: int, draft_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = show(capsys, lib, draft_id)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "--library", lib, "reuse", str(draft_id), f"{previous_id}:二、")
    assert code == 1 and "--accept-all" in err
    for bad in (f"{previous_id}:九、", f"{previous_id}", "999:二、", f"{previous_id}:措施与"):
        code, _, err = run(capsys, "--library", lib, "reuse", str(draft_id), bad, "--accept-all")
        assert code == 1 and err.startswith("错误 / error:") and err.count("\n") == 1, bad
    assert show(capsys, lib, draft_id) == before


def test_snapshot_versions_restore(capsys: pytest.CaptureFixture[str], lib: str, previous_id: int, draft_id: int) -> None:
    code, out, _ = run(capsys, "--library", lib, "snapshot", str(draft_id), "--name", "骨架")
    assert code == 0 and "骨架" in out
    skeleton = show(capsys, lib, draft_id)
    run(capsys, "--library", lib, "reuse", str(draft_id), f"{previous_id}:二、", "--accept-all")

    code, out, _ = run(capsys, "--library", lib, "versions", str(draft_id), "--json")
    versions = json.loads(out)
    assert code == 0 and [v["name"] for v in versions][0] == "骨架"
    assert {"id", "name", "kind", "created_at"} <= versions[0].keys()
    code, out, _ = run(capsys, "--library", lib, "versions", str(draft_id))
    assert "骨架" in out and "快照 snapshot" in out

    code, out, _ = run(capsys, "--library", lib, "restore", str(draft_id), str(versions[0]["id"]))
    assert code == 0 and "已恢复" in out
    assert show(capsys, lib, draft_id) == skeleton
    _, out, _ = run(capsys, "--library", lib, "versions", str(draft_id), "--json")
    assert json.loads(out)[-1]["name"] == "restore-backup"

    code, _, err = run(capsys, "--library", lib, "restore", str(draft_id), "999")
    assert code == 1 and "999" in err
    code, _, err = run(capsys, "--library", lib, "snapshot", str(previous_id))  # a plan may be snapshotted …
    assert code == 0
    code, _, err = run(capsys, "--library", lib, "restore", str(previous_id), "1")  # … but never rewritten
    assert code == 1 and "草稿" in err


def test_compose_and_indicator_commands_on_seed_001(
    capsys: pytest.CaptureFixture[str], lib: str, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--library", lib, "import", str(seed_path("001")), "--json")
    seed_id = json.loads(out)["files"][0]["plan_id"]

    code, out, _ = run(capsys, "--library", lib, "indicators", "check", str(seed_id), "--json")
    checks = json.loads(out)
    assert code == 0 and len(checks) == 41
    assert {"category", "name", "unit", "base", "target", "years", "growth_text", "verdict", "computed"} == checks[0].keys()
    by_name = {c["name"]: c["verdict"] for c in checks}
    assert by_name["固定宽带家庭用户数"] == "compound" and by_name["移动宽带用户"] == "increment"

    recipe = tmp_path / "jx.toml"
    recipe.write_text(
        "[variables]\nregion = '江西省'\nperiod = '十四五'\n"
        f"[[reuse]]\nplan = {seed_id}\nsection = '保障措施'\n[[carry]]\nindicators = {seed_id}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--library", lib, "compose", str(recipe))
    assert code == 0 and "江西省“十四五”信息化发展规划" in out and "2/2" in out
    code, out, _ = run(capsys, "--library", lib, "compose", str(recipe), "--json")
    draft_id = json.loads(out)["draft_id"]

    draft = show(capsys, lib, draft_id)
    assert draft["status"] == "draft" and draft["period"] == {"name": "十四五", "start": 2021, "end": 2025}
    rows = [i for c in draft["indicator_tables"][0]["categories"] for i in c["indicators"]]
    assert len(rows) == 41 and all(r["reference"]["year"] == 2020 for r in rows)
    text = "".join(c["text"] for c in safeguards(draft)["children"])
    assert "十四五" in text and "十三五" not in text

    code, out, _ = run(capsys, "--library", lib, "indicators", "set", str(draft_id), "固定宽带家庭用户数",
                       "--base", "1000", "--target", "1500")
    assert code == 0 and "8.4" in out
    (row,) = [i for c in show(capsys, lib, draft_id)["indicator_tables"][0]["categories"] for i in c["indicators"]
              if i["name"] == "固定宽带家庭用户数"]
    assert (row["base"]["value"], row["target"]["value"], row["growth"], row["method"]) == (1000, 1500, 8.4, "compound")

    code, _, err = run(capsys, "--library", lib, "indicators", "carry", str(seed_id), "--into", str(draft_id))
    assert code == 1 and "已有" in err  # carried already: refused, nothing doubled
    code, _, err = run(capsys, "--library", lib, "indicators", "carry", str(seed_id), "--into", str(seed_id))
    assert code == 1 and "草稿" in err

    bad = tmp_path / "bad.toml"
    bad.write_text("[variables]\nregion = '江西省'\nperiod = '十四五'\n[[reuse]]\nplan = 404\nsection = '四、'\n",
                   encoding="utf-8")
    _, before, _ = run(capsys, "--library", lib, "list", "--json")
    code, out, err = run(capsys, "--library", lib, "compose", str(bad))
    assert code == 1 and out == "" and "404" in err
    assert run(capsys, "--library", lib, "list", "--json")[1] == before
