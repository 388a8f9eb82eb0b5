"""SQLite only: the pragmas and the BEGIN IMMEDIATE of a library file's engine."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db.library import Library


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with Library.open(library_path) as lib:
        yield lib


def test_pragmas_on_every_connection(library: Library) -> None:
    for engine in (library._engine, library._reader):
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL


def test_writes_take_the_lock_at_begin_and_reads_do_not(library: Library) -> None:
    # With BEGIN IMMEDIATE a write transaction holds the RESERVED lock before its first statement,
    # so a second writer fails fast with busy_timeout=0 while a reader still gets in.
    with library._session() as s, s.begin():
        s.execute(text("SELECT 1"))
        other = sqlite3.connect(library.path, timeout=0, isolation_level=None)
        try:
            try:
                other.execute("BEGIN IMMEDIATE")
                raise AssertionError("a second writer got the lock")
            except sqlite3.OperationalError as e:
                assert "locked" in str(e)
            assert other.execute("SELECT count(*) FROM plans").fetchone() == (0,)
        finally:
            other.close()
