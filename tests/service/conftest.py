"""Fixtures of the shared-library tests (keyrings, a server that asks passwords): see team_fixtures.py."""

from tests.team_fixtures import memory_keyring, no_keyring, password_logins

__all__ = ["memory_keyring", "no_keyring", "password_logins"]
