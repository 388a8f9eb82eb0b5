"""Helpers for the shared-library tests: an in-memory keyring, users of a test server, and a
group of users whose logins the server checks with a password (the test server trusts the rest)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy import URL, make_url

from tests.pg_server import PgServer

PASSWORD_GROUP = "plandesk_test_password_login"  # pg_hba: members log in with a password


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict, as the system's would keep it."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


class BrokenKeyring(MemoryKeyring):
    """A keyring that is there but refuses everything (locked, D-Bus gone)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("refused")


def _swap(backend: Any) -> Iterator[Any]:
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    yield from _swap(MemoryKeyring())


@pytest.fixture
def no_keyring() -> Iterator[Any]:
    yield from _swap(fail.Keyring())


def unique(prefix: str) -> str:
    """A role name no other test uses (roles belong to the whole server)."""
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def as_user(url: str, user: str, password: str | None = None) -> str:
    """``url`` with another user (and password) in it."""
    u = make_url(url)
    return URL.create(u.drivername, username=user, password=password, host=u.host, port=u.port,
                      database=u.database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def password_logins(pg_server: PgServer) -> str:
    """Make the test server ask a password of members of ``PASSWORD_GROUP`` (everyone else stays
    trusted); returns the group's name."""
    if not pg_server.own or pg_server.datadir is None:
        pytest.skip("needs the tests' own server to change its pg_hba.conf")
    hba = pg_server.datadir / "pg_hba.conf"
    rule = f"host all +{PASSWORD_GROUP} 127.0.0.1/32 scram-sha-256\n"
    text = hba.read_text()
    if rule not in text:
        hba.write_text(rule + text)
    pg_server.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{PASSWORD_GROUP}') THEN "
        f"CREATE ROLE {PASSWORD_GROUP} NOLOGIN; END IF; END $$"
    )
    pg_server.execute("SELECT pg_reload_conf()")
    probe = password_user(pg_server, PASSWORD_GROUP, "probe-secret")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the server reads the file again a moment after the signal
        try:
            psycopg.connect(as_user(pg_server.url, probe), connect_timeout=5).close()
        except psycopg.OperationalError:
            return PASSWORD_GROUP
        time.sleep(0.05)
    pytest.fail("the test server did not start asking for passwords")


def password_user(pg_server: PgServer, group: str, password: str) -> str:
    """A new login that must give ``password``; returns its name."""
    name = unique("pw")
    pg_server.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}' IN ROLE {group}")
    return name
