"""The command line in a team: shared libraries by URL, passwords, server users and roles, what a
reader may do, and drafts someone else is editing."""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from cli.main import main
from db.library import Library
from db.location import LibraryLocation
from service import connect as credentials
from service.connect import LIBRARY_ENV, resolve_library
from tests.pg_server import PgServer
from tests.team_fixtures import MemoryKeyring, as_user, password_user, unique

SECRET = "team-secret-1"
OTHER_PLAN = "北岭市“十四五”数据要素规划\n一、总体要求\n推进数据要素市场化配置。\n二、主要任务\n建设数据交易平台。\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return out


class Terminal(io.StringIO):
    """Standard input that is a terminal (what getpass needs to be used)."""

    def isatty(self) -> bool:
        return True


# -- where the library is ---------------------------------------------------------------------------


def test_library_may_be_a_url_from_the_option_or_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    url = "postgresql://alice@db.example:6543/plans"
    assert resolve_library(url) == url
    monkeypatch.setenv(LIBRARY_ENV, f" {url} ")
    assert resolve_library(None) == url
    monkeypatch.setenv(LIBRARY_ENV, "~/plans.sqlite3")
    assert resolve_library(None) == Path.home() / "plans.sqlite3"
    assert resolve_library(tmp_path / "x.sqlite3") == tmp_path / "x.sqlite3"


def test_plandesk_library_url_in_the_environment(capsys: pytest.CaptureFixture[str], pg_url: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIBRARY_ENV, pg_url)
    assert json.loads(ok(capsys, "import", "--sample", "--json"))["imported"] == 1
    (summary,) = json.loads(ok(capsys, "list", "--json"))
    assert summary["region"] == "青禾市"
    with Library.open(pg_url) as library:  # it went to the server, not to a file
        assert [p.id for p in library.list_plans()] == [summary["id"]]


# -- passwords --------------------------------------------------------------------------------------


@pytest.fixture
def login(pg_server: PgServer, pg_url: str, password_logins: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A library URL whose user the server asks a password of; no PGPASSWORD or .pgpass here."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    name = password_user(pg_server, password_logins, SECRET)
    pg_server.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {name}", database=pg_url.rsplit("/", 1)[1])
    return as_user(pg_url, name)


def test_without_a_terminal_a_missing_password_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], login: str, no_keyring: Any
) -> None:
    code, out, err = run(capsys, "--library", login, "list")
    assert code == 1 and out == ""
    assert err.startswith("错误 / error: ") and "需要密码" in err and "needs a password" in err
    assert len(err.strip().splitlines()) == 1


def test_the_password_typed_once_is_kept_with_save_password(
    capsys: pytest.CaptureFixture[str], login: str, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed: list[str] = []

    def getpass(prompt: str = "") -> str:
        typed.append(prompt)
        return SECRET

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", getpass)
    assert ok(capsys, "--library", login, "--save-password", "list", "--json") == "[]\n"
    assert len(typed) == 1 and "password" in typed[0] and SECRET not in typed[0]
    assert list(memory_keyring.entries.values()) == [SECRET]

    monkeypatch.setattr("sys.stdin", io.StringIO())  # no terminal now: the keyring answers
    assert ok(capsys, "--library", login, "list", "--json") == "[]\n"
    assert len(typed) == 1


def test_save_password_without_a_keyring_says_so_and_goes_on(
    capsys: pytest.CaptureFixture[str], login: str, no_keyring: Any
) -> None:
    user, rest = login.split("//", 1)[1].split("@", 1)
    code, out, err = run(capsys, "--library", f"postgresql://{user}:{SECRET}@{rest}", "--save-password", "list")
    assert code == 0 and "密钥环" in err and "keyring" in err
    assert SECRET not in out + err


def test_a_password_in_the_url_can_be_kept_for_next_time(
    capsys: pytest.CaptureFixture[str], login: str, memory_keyring: MemoryKeyring
) -> None:
    user, rest = login.split("//", 1)[1].split("@", 1)
    ok(capsys, "--library", f"postgresql://{user}:{SECRET}@{rest}", "--save-password", "list")
    assert credentials.stored_password(LibraryLocation.parse(login)) == SECRET
    ok(capsys, "--library", login, "list")


# -- server init, adduser, users --------------------------------------------------------------------


def adduser(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str, name: str,
            role: str, password: str = SECRET) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return run(capsys, "server", "adduser", url, name, "--role", role, "--password-stdin")


def test_server_init_adduser_users(capsys: pytest.CaptureFixture[str], pg_url: str, pg_server: PgServer,
                                   password_logins: str, monkeypatch: pytest.MonkeyPatch) -> None:
    out = ok(capsys, "server", "init", pg_url)
    assert "资料库已就绪 library ready" in out and "plandesk_reader" in out and "plandesk_editor" in out
    assert "plandesk server adduser" in out
    again = json.loads(ok(capsys, "server", "init", pg_url, "--json"))  # safe to run again
    assert again["created"] == [] and again["schema_version"]

    name = unique("ann")
    code, out, _ = adduser(capsys, monkeypatch, pg_url, name, "reader")
    assert code == 0 and f"已添加用户 added {name}" in out and f"--library postgresql://{name}@" in out
    assert {"name": name, "role": "reader"} in json.loads(ok(capsys, "server", "users", pg_url, "--json"))
    assert "只读 reader" in ok(capsys, "server", "users", pg_url)

    monkeypatch.setattr("sys.stdin", io.StringIO())
    out = ok(capsys, "server", "adduser", pg_url, name, "--role", "editor")  # no password asked again
    assert "编辑 editor" in out
    users = json.loads(ok(capsys, "server", "users", pg_url, "--json"))
    assert [u for u in users if u["name"] == name] == [{"name": name, "role": "editor"}]

    # the password given is the one the server checks
    pg_server.execute(f"GRANT {password_logins} TO {name}")
    user_url = as_user(pg_url, name)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(as_user(user_url, name, "wrong"), connect_timeout=5).close()
    psycopg.connect(as_user(user_url, name, SECRET), connect_timeout=5).close()


def test_server_commands_refuse_what_they_should(capsys: pytest.CaptureFixture[str], pg_url: str,
                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "not-a-server.sqlite3"
    code, _, err = run(capsys, "server", "init", str(file))
    assert code == 1 and "postgresql://" in err and not file.exists()
    ok(capsys, "server", "init", pg_url)
    for bad in ['x"; DROP TABLE plans; --', "pg_admin"]:
        code, _, err = adduser(capsys, monkeypatch, pg_url, bad, "reader")
        assert code == 1 and "user name" in err
    monkeypatch.setattr("sys.stdin", io.StringIO())  # a new user, no terminal, no --password-stdin
    code, _, err = run(capsys, "server", "adduser", pg_url, unique("nopw"), "--role", "reader")
    assert code == 1 and "--password-stdin" in err
    code, _, err = adduser(capsys, monkeypatch, pg_url, unique("empty"), "reader", password="")
    assert code == 1 and "empty" in err


def test_the_new_password_is_typed_twice_on_a_terminal(capsys: pytest.CaptureFixture[str], pg_url: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ok(capsys, "server", "init", pg_url)
    answers = iter(["one", "two"])
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    name = unique("typo")
    code, _, err = run(capsys, "server", "adduser", pg_url, name, "--role", "reader")
    assert code == 1 and "differ" in err
    assert name not in {u["name"] for u in json.loads(ok(capsys, "server", "users", pg_url, "--json"))}


# -- a reader on the command line ---------------------------------------------------------------------


@pytest.fixture
def team(capsys: pytest.CaptureFixture[str], pg_url: str, monkeypatch: pytest.MonkeyPatch,
         tmp_path: Path) -> Iterator[dict[str, str]]:
    """A shared library with the sample plan and a draft from it (with a version), and the URLs of
    a reader and an editor."""
    ok(capsys, "server", "init", pg_url)
    ok(capsys, "--library", pg_url, "import", "--sample")
    ok(capsys, "--library", pg_url, "new", "--region", "青禾市", "--period", "十五五", "--from", "1")
    ok(capsys, "--library", pg_url, "snapshot", "2", "--name", "初稿")
    urls = {"admin": pg_url}
    for role in ("reader", "editor"):
        name = unique(role)
        code, _, err = adduser(capsys, monkeypatch, pg_url, name, role)
        assert code == 0, err
        urls[role] = as_user(pg_url, name)
    monkeypatch.setattr("sys.stdin", io.StringIO())
    yield urls


def _everything(capsys: pytest.CaptureFixture[str], url: str) -> tuple[Any, ...]:
    plans = json.loads(ok(capsys, "--library", url, "list", "--json"))
    return plans, [json.loads(ok(capsys, "--library", url, "show", str(p["id"]), "--json")) for p in plans], (
        json.loads(ok(capsys, "--library", url, "versions", "2", "--json")))


def test_a_reader_reads_and_every_change_is_refused_with_one_clear_line(
    capsys: pytest.CaptureFixture[str], team: dict[str, str], tmp_path: Path
) -> None:
    reader = team["reader"]
    before = _everything(capsys, team["admin"])
    assert _everything(capsys, reader) == before
    assert json.loads(ok(capsys, "--library", reader, "search", "政务", "--json"))
    assert "sections" in ok(capsys, "--library", reader, "diff", "1", "2")
    exported = json.loads(ok(capsys, "--library", reader, "export", "2", "--out", str(tmp_path / "d.docx"),
                             "--no-paginate", "--json"))
    assert Path(exported["path"]).is_file()

    new_file = tmp_path / "other.txt"
    new_file.write_text(OTHER_PLAN, encoding="utf-8")
    refused = {
        "import": ["import", str(new_file)],
        "delete": ["delete", "1"],
        "delete draft": ["delete", "2"],
        "new": ["new", "--region", "青禾市", "--period", "十五五"],
        "snapshot": ["snapshot", "2", "--name", "x"],
        "restore": ["restore", "2", "1"],
        "reuse": ["reuse", "2", "1:一、", "--accept-all"],
        "indicators set": ["indicators", "set", "2", "千兆宽带用户数", "--target", "99"],
        "indicators carry": ["indicators", "carry", "1", "--into", "2"],
    }
    for what, argv in refused.items():
        code, out, err = run(capsys, "--library", reader, *argv)
        assert code == 1, what
        said = out + err
        assert "只读权限" in said and "may only read" in said, what
        assert "Traceback" not in said and "内部错误" not in said, what
    assert _everything(capsys, team["admin"]) == before

    backup = tmp_path / "backup.sqlite3"  # a reader may take a copy home
    copied = json.loads(ok(capsys, "library", "copy", reader, str(backup), "--json"))
    assert copied["verified"] and (copied["plans"], copied["drafts"], copied["versions"]) == (1, 1, 1)
    assert _everything(capsys, str(backup)) == before


def test_an_editor_changes_drafts_and_imports(capsys: pytest.CaptureFixture[str], team: dict[str, str],
                                             tmp_path: Path) -> None:
    editor = team["editor"]
    new_file = tmp_path / "other.txt"
    new_file.write_text(OTHER_PLAN, encoding="utf-8")
    assert json.loads(ok(capsys, "--library", editor, "import", str(new_file), "--json"))["imported"] == 1
    ok(capsys, "--library", editor, "indicators", "set", "2", "千兆宽带用户数", "--target", "99")
    ok(capsys, "--library", editor, "snapshot", "2", "--name", "编辑的版本")
    draft = json.loads(ok(capsys, "--library", team["admin"], "show", "2", "--json"))
    assert draft["editing"] is None  # the command let go of the draft when it was done


# -- drafts someone else is editing -------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def drafting(request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    """A library (a file, or a shared one) with the sample plan (#1) and a draft from it (#2)
    that has one saved version."""
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else str(tmp_path / "lib.sqlite3")
    ok(capsys, "--library", url, "import", "--sample")
    ok(capsys, "--library", url, "new", "--region", "青禾市", "--period", "十五五", "--from", "1")
    ok(capsys, "--library", url, "snapshot", "2", "--name", "初稿")
    return url


def test_a_draft_held_by_someone_else_is_not_changed_and_show_says_who(
    capsys: pytest.CaptureFixture[str], drafting: str
) -> None:
    before = json.loads(ok(capsys, "--library", drafting, "show", "2", "--json"))
    assert before["editing"] is None
    with Library.open(drafting) as bob_library:
        bob = bob_library.lock_draft(2, "bob")
        stored = bob_library.plan_version(2)
        for argv in (["reuse", "2", "1:一、", "--accept-all"],
                     ["indicators", "set", "2", "千兆宽带用户数", "--target", "99"],
                     ["indicators", "carry", "1", "--into", "2"],
                     ["restore", "2", "1"],
                     ["delete", "2"]):
            code, out, err = run(capsys, "--library", drafting, *argv)
            assert code == 1 and out == "", argv
            assert f"正由 bob@{socket.gethostname()} 编辑" in err and "is being edited by bob@" in err, argv
        assert bob_library.plan_version(2) == stored  # nothing saved meanwhile

        text = ok(capsys, "--library", drafting, "show", "2")
        assert f"正在编辑 editing: bob@{socket.gethostname()}" in text
        shown = json.loads(ok(capsys, "--library", drafting, "show", "2", "--json"))
        assert shown["editing"]["holder"] == "bob" and shown["editing"]["host"] == socket.gethostname()
        assert shown["editing"]["since"]
        assert {k: v for k, v in shown.items() if k != "editing"} == {
            k: v for k, v in before.items() if k != "editing"}
        assert "正在编辑" not in ok(capsys, "--library", drafting, "show", "1")
        # a snapshot only reads the draft: allowed while someone edits it
        assert "已保存版本" in ok(capsys, "--library", drafting, "snapshot", "2", "--name", "旁观")
        bob.release()

    out = ok(capsys, "--library", drafting, "indicators", "set", "2", "千兆宽带用户数", "--target", "99")
    assert "千兆宽带用户数" in out
    after = json.loads(ok(capsys, "--library", drafting, "show", "2", "--json"))
    assert after["editing"] is None  # the command let go of it
    assert "正在编辑" not in ok(capsys, "--library", drafting, "show", "2")
    ok(capsys, "--library", drafting, "delete", "2")
    assert [p["id"] for p in json.loads(ok(capsys, "--library", drafting, "list", "--json"))] == [1]


def test_help_names_urls_and_the_new_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "postgresql://" in out and "--save-password" in out
    assert "server" in out and "library" in out
