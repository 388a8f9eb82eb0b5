"""Fixtures for the library tests.

``library`` runs each test twice, on the two stores a library can live in: ``[sqlite]`` a file,
``[postgresql]`` a database on a private server (skipped, with the reason, where PostgreSQL
cannot be started). As in Anki's tests the empty library is built once per session and each test
gets a copy (of the file, or of a template database), so the schema is not rebuilt per test.

``library_path`` is for the tests that are about SQLite files themselves: copies, the sqlite3
module, killing a writer of the file, migrating old files.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.library import Library
from planning.model import Plan
from tests.db.sample_plan import make_plan
from tests.pg_server import PgServer


@pytest.fixture(scope="session")
def empty_library_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    Library.open(path).close()
    assert not path.with_name(path.name + "-wal").exists()  # everything is in the one file
    return path


@pytest.fixture
def library_path(tmp_path: Path, empty_library_file: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    shutil.copyfile(empty_library_file, path)
    return path


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def library_address(request: pytest.FixtureRequest) -> Iterator[str | Path]:
    """Where this test's empty library is: a SQLite file, or a ``postgresql://`` URL. For tests
    that open it a second time (a second user) or from another process."""
    if request.param == "sqlite":
        yield request.getfixturevalue("library_path")
        return
    url: str = request.getfixturevalue("pg_url")
    yield url
    # dropped now rather than with the server at the end: the session's server stays small
    server: PgServer = request.getfixturevalue("pg_server")
    server.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


@pytest.fixture
def library(library_address: str | Path) -> Iterator[Library]:
    with Library.open(library_address) as lib:
        yield lib


@pytest.fixture
def plan() -> Plan:
    return make_plan()
