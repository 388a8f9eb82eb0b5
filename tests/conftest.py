"""Shared fixtures: the seed plans in ../shared/seeds (read at test time, never copied)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_server import ENV_REQUIRE, PgServer, unavailable_reason

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


def seed_path(number: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed plans not found at {SEEDS} (they live in ../shared/seeds beside the repo)")
    found = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not found:
        pytest.skip(f"seed {number} not found in {SEEDS}")
    return found[0]


@pytest.fixture
def seed() -> object:
    """seed("001") → the Path of that seed plan; skips when ../shared/seeds is absent."""
    return seed_path


# -- PostgreSQL: a private server for the session, a fresh library database per test -----------


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server on loopback (started from Debian's binaries, or $PLANDESK_TEST_POSTGRES)."""
    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get(ENV_REQUIRE):
            pytest.fail(f"{ENV_REQUIRE} is set but {reason}")
        pytest.skip(reason)
    server = PgServer.start()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> str:
    """The name of a database holding an empty library at the newest schema, to copy per test."""
    from db.library import Library

    url = pg_server.create_database()
    Library.open(url).close()
    return url.rsplit("/", 1)[1]


@pytest.fixture
def pg_url(pg_server: PgServer, pg_template: str) -> str:
    """A superuser URL to a new, empty library database of its own."""
    return pg_server.create_database(template=pg_template)
