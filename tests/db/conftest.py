"""Fixtures for the library tests.

As in Anki's tests, an empty library is built once per session (with Alembic) and each test
gets a copy of the file, so the schema is not rebuilt for every test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.library import Library
from planning.model import Plan
from tests.db.sample_plan import make_plan


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


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with Library.open(library_path) as lib:
        yield lib


@pytest.fixture
def plan() -> Plan:
    return make_plan()
