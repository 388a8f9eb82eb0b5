"""Finding a shared library's password: the URL, libpq's own, the keyring, then the user."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db.location import LibraryLocation
from planning.errors import LibraryError, PasswordRequiredError
from service import connect as credentials
from tests.pg_server import PgServer
from tests.team_fixtures import BrokenKeyring, MemoryKeyring, as_user, password_user

SECRET = "s3cret-密码"


class Asker:
    """A prompt that answers from a list and remembers what it was asked."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str]] = []

    def __call__(self, location: LibraryLocation, message: str) -> str | None:
        self.asked.append((location.display, message))
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def login(pg_server: PgServer, pg_url: str, password_logins: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A library URL (no password in it) for a user the server asks a password of."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    name = password_user(pg_server, password_logins, SECRET)
    pg_server.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {name}", database=pg_url.rsplit("/", 1)[1])
    return as_user(pg_url, name)


def test_keyring_key_is_user_host_port_db() -> None:
    location = LibraryLocation.parse("postgresql://alice:pw@db.example:6543/plans")
    assert credentials.keyring_key(location) == "alice@db.example:6543/plans"
    assert credentials.keyring_key(LibraryLocation.parse("postgresql://bob@server/lib")) == "bob@server:5432/lib"


def test_without_a_usable_keyring_nothing_is_kept_and_nothing_raises(no_keyring: Any) -> None:
    location = LibraryLocation.parse("postgresql://alice@server/lib")
    assert credentials.keyring_available() is False
    assert credentials.store_password(location, "x") is False
    assert credentials.stored_password(location) is None
    credentials.forget_password(location)


def test_a_refusing_keyring_is_as_good_as_none() -> None:
    import keyring

    before = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        location = LibraryLocation.parse("postgresql://alice@server/lib")
        assert credentials.stored_password(location) is None
        assert credentials.store_password(location, "x") is False
        credentials.forget_password(location)
    finally:
        keyring.set_keyring(before)


def test_keeping_and_forgetting(memory_keyring: MemoryKeyring) -> None:
    location = LibraryLocation.parse("postgresql://alice@server/lib")
    assert credentials.keyring_available()
    assert credentials.store_password(location, "pw") is True
    assert memory_keyring.entries == {("PlanDesk", "alice@server:5432/lib"): "pw"}
    assert credentials.stored_password(location) == "pw"
    credentials.forget_password(location)
    credentials.forget_password(location)  # twice: no error
    assert credentials.stored_password(location) is None


def test_a_file_opens_without_asking(tmp_path: Path) -> None:
    asker = Asker()
    with credentials.open_library(tmp_path / "lib.sqlite3", prompt=asker) as library:
        assert library.list_plans() == []
    assert asker.asked == []


def test_no_password_anywhere_raises_the_bilingual_error(login: str, no_keyring: Any) -> None:
    with pytest.raises(PasswordRequiredError) as raised:
        credentials.open_library(login)
    assert "需要密码" in raised.value.zh and "needs a password" in raised.value.en
    assert SECRET not in raised.value.line()


def test_the_password_in_the_url_is_used(login: str, no_keyring: Any) -> None:
    user = login.split("//")[1].split("@")[0]
    with credentials.open_library(login.replace(f"//{user}@", f"//{user}:{SECRET}@")) as library:
        assert library.list_plans() == []
        assert SECRET not in library.display


def test_libpq_finds_pgpassword_without_asking(login: str, no_keyring: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", SECRET)
    asker = Asker()
    with credentials.open_library(login, prompt=asker) as library:
        assert library.list_plans() == []
    assert asker.asked == []


def test_libpq_finds_the_pgpass_file(login: str, no_keyring: Any, monkeypatch: pytest.MonkeyPatch,
                                     tmp_path: Path) -> None:
    location = LibraryLocation.parse(login)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{location.user}:{SECRET}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with credentials.open_library(login, prompt=Asker()) as library:
        assert library.list_plans() == []


def test_the_keyring_is_asked_before_the_user(login: str, memory_keyring: MemoryKeyring) -> None:
    credentials.store_password(LibraryLocation.parse(login), SECRET)
    asker = Asker()
    with credentials.open_library(login, prompt=asker):
        pass
    assert asker.asked == []


def test_the_user_is_asked_again_after_a_wrong_password_and_it_is_remembered(
    login: str, memory_keyring: MemoryKeyring
) -> None:
    credentials.store_password(LibraryLocation.parse(login), "outdated")
    asker = Asker("wrong", SECRET)
    with credentials.open_library(login, prompt=asker, remember=True):
        pass
    assert len(asker.asked) == 2
    assert all("密码" in message and "password" in message for _, message in asker.asked)
    assert all(SECRET not in shown for shown, _ in asker.asked)
    assert credentials.stored_password(LibraryLocation.parse(login)) == SECRET


def test_without_remember_nothing_is_kept(login: str, memory_keyring: MemoryKeyring) -> None:
    with credentials.open_library(login, prompt=Asker(SECRET)):
        pass
    assert memory_keyring.entries == {}


def test_cancel_and_three_wrong_answers_raise(login: str, no_keyring: Any) -> None:
    cancel = Asker(None)
    with pytest.raises(PasswordRequiredError):
        credentials.open_library(login, prompt=cancel)
    assert len(cancel.asked) == 1
    wrong = Asker("a", "b", "c", SECRET)
    with pytest.raises(PasswordRequiredError):
        credentials.open_library(login, prompt=wrong, remember=True)
    assert len(wrong.asked) == credentials.ATTEMPTS == 3


def test_other_errors_are_not_answered_with_a_prompt(pg_server: PgServer, no_keyring: Any) -> None:
    asker = Asker(SECRET)
    with pytest.raises(LibraryError, match="does not exist"):
        credentials.open_library(pg_server.database_url("no_such_database_here"), prompt=asker)
    assert asker.asked == []
