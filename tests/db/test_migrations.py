from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from db import migrate
from db.engine import make_engine
from db.library import Library
from db.models import Base
from db.search.tokens import index_text
from planning.errors import LibraryError
from tests.db.sample_plan import make_plan

REPO = Path(__file__).resolve().parents[2]
TABLES = {
    "plans", "sections", "indicator_tables", "indicators", "projects", "glossary", "section_fts", "plan_versions"
}


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def version(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_alembic_command_line_upgrades_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "cli.sqlite3"
    path.touch()
    result = subprocess.run(
        [sys.executable, "-m", "alembic", "-c", "db/alembic.ini", "-x", f"db={path}", "upgrade", "head"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert TABLES <= tables(path)
    assert version(path) == migrate.head_revision()
    with Library.open(path) as lib:  # and the program takes it as it is
        assert lib.list_plans() == []


def test_programmatic_upgrade_and_downgrade(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    migrate.upgrade(path)
    assert TABLES <= tables(path)
    engine = make_engine(path, foreign_keys=False, pooled=False)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
    finally:
        engine.dispose()
    assert not (TABLES & tables(path))
    migrate.upgrade(path)
    assert version(path) == migrate.head_revision()


def test_models_agree_with_the_migrated_schema(library_path: Path) -> None:
    engine = make_engine(library_path, pooled=False)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "include_name": lambda name, type_, _p: (
                        not (type_ == "table" and name.startswith("section_fts"))
                    )
                },
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def _insert_plan_at_0001(path: Path) -> None:
    """A plan written with plain SQL against the 0001 schema, as an old PlanDesk would have."""
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO plans (id, title, status, region_name, region_level, period_name, period_start,"
            " period_end, issuers, doc_number, date, source, notice, preamble, closing, attachments, warnings,"
            " content_hash, source_path, source_format, imported_at)"
            " VALUES (7, '白沙市信息化规划', 'plan', '白沙市', '市', '十三五', 2016, 2020, ?, NULL,"
            " '2016-05-01', NULL, '', '前言。', '', '[]', '[]', 'old-hash', NULL, 'txt', '2020-01-01T00:00:00+00:00')",
            (json.dumps(["白沙市人民政府"], ensure_ascii=False),),
        )
        sections = [
            (41, None, 0, 0, "一、", "发展基础", 1, "section", "建成政务外网。", "一、"),
            (42, 41, 0, 1, "（一）", "电子政务", 2, "section", "政务服务中心全面运行。", "一、/（一）"),
        ]
        conn.executemany(
            "INSERT INTO sections (id, plan_id, parent_id, position, ordinal, label, title, level, kind, text, path)"
            " VALUES (?, 7, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            sections,
        )
        conn.executemany(
            "INSERT INTO section_fts (rowid, title, body) VALUES (?, ?, ?)",
            [(s[0], index_text(f"{s[4]} {s[5]}"), index_text(s[8])) for s in sections],
        )
        conn.execute(
            "INSERT INTO indicator_tables (id, plan_id, position, caption, columns, categories, notes)"
            " VALUES (3, 7, 0, '主要指标', '[\"指标\"]', '[\"数字政府\"]', '[]')"
        )
        conn.execute(
            "INSERT INTO indicators (table_id, category, category_position, position, name, unit,"
            " base_value, target_value, target_qualifier, target_text)"
            " VALUES (3, '数字政府', 0, 0, '网上可办率', '%', 80, 95, '≥', '≥95')"
        )


def test_a_library_made_at_0001_opens_at_head_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    migrate.upgrade(path, "0001")
    assert version(path) == "0001"
    _insert_plan_at_0001(path)

    with Library.open(path) as lib:
        assert version(path) == migrate.head_revision()
        assert lib.find_by_hash("old-hash") == 7
        (summary,) = lib.list_plans(region="白沙市")
        assert (summary.id, summary.period, summary.sections) == (7, "十三五", 2)
        plan = lib.get_plan(7)
        assert plan.title == "白沙市信息化规划" and plan.issuers == ["白沙市人民政府"]
        assert [s.title for _, s in plan.walk()] == ["发展基础", "电子政务"]
        (indicator,) = plan.indicator_tables[0].indicators()
        assert (indicator.target.value, indicator.target.qualifier) == (95, "≥")
        assert lib.hits("政务") == [41, 42]
        assert [h.section_id for h in lib.search("政务服务")] == [42]
        lib.delete_plan(7)  # its search rows can be deleted too
        assert lib.hits("政务") == []


def test_a_library_made_at_0001_gains_drafts_at_head(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    migrate.upgrade(path, "0001")
    _insert_plan_at_0001(path)
    with sqlite3.connect(path) as conn:
        before = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES - {"section_fts", "plan_versions"}}

    with Library.open(path) as lib:
        old = lib.get_plan(7)
        (indicator,) = old.indicator_tables[0].indicators()
        assert indicator.reference is None and indicator.method is None
        assert lib.versions(7) == []
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT updated_at, version FROM plans WHERE id = 7").fetchone() == (
                "2020-01-01T00:00:00+00:00", 0
            )
            after = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in before}
        for table, rows in before.items():  # every old row is still there, column for column
            assert [row[: len(rows[0])] for row in after[table]] == rows, table

        # and the old library now takes drafts, with carried-forward indicators and versions
        draft = old
        draft.status = "draft"
        indicator.reference = indicator.target
        indicator.method = "points"
        draft_id = lib.create_draft(draft)
        lib.snapshot(draft_id, "首版")
        (carried,) = lib.get_plan(draft_id).indicator_tables[0].indicators()
        assert (carried.reference, carried.method) == (indicator.target, "points")
        assert [v.name for v in lib.versions(draft_id)] == ["首版"]


def test_downgrading_0002_keeps_the_plans(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        plan_id = lib.create_draft(make_plan())
        lib.snapshot(plan_id, "v1")
    engine = make_engine(library_path, foreign_keys=False, pooled=False)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0001")
    finally:
        engine.dispose()
    assert version(library_path) == "0001" and "plan_versions" not in tables(library_path)
    with sqlite3.connect(library_path) as conn:
        assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM sections").fetchone()[0] == sum(1 for _ in make_plan().walk())


def test_a_library_made_at_0002_gains_table_placement_at_head(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    migrate.upgrade(path, "0001")
    _insert_plan_at_0001(path)
    migrate.upgrade(path, "0002")
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT * FROM indicator_tables").fetchall()
    with Library.open(path) as lib:
        assert version(path) == migrate.head_revision()
        old = lib.get_plan(7)
        assert old.indicator_tables[0].after is None  # not known for a table stored before 0003
        with sqlite3.connect(path) as conn:
            assert [row[: len(before[0])] for row in conn.execute("SELECT * FROM indicator_tables")] == before
        new_id = lib.add_plan(make_plan(), content_hash="placed")  # and it stores where a table sits
        assert lib.get_plan(new_id).indicator_tables[0].after == "二、/（二）"


def test_downgrading_0003_keeps_the_tables(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        lib.add_plan(make_plan(), content_hash="h")
    engine = make_engine(library_path, foreign_keys=False, pooled=False)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0002")
    finally:
        engine.dispose()
    assert version(library_path) == "0002"
    with sqlite3.connect(library_path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(indicator_tables)")]
        assert "after" not in columns
        assert conn.execute("SELECT caption FROM indicator_tables").fetchall() == [("云河市信息化发展主要指标",)]
    migrate.upgrade(library_path)  # and up again
    with Library.open(library_path) as lib:
        assert lib.get_plan(1).indicator_tables[0].after is None


def test_a_library_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    migrate.upgrade(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(LibraryError) as e:
        Library.open(path)
    assert "9999" in e.value.en


NEXT = "next"  # the revision the fixture below adds after our head


@pytest.fixture
def scripts_with_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Point db.migrate at a copy of our migrations plus one more revision after head, given as source."""
    head = migrate.head_revision()
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)
    migrate._scripts.cache_clear()

    def write(upgrade_body: str) -> None:
        source = (
            "import sqlalchemy as sa\nfrom alembic import op\n\n"
            f'revision = "{NEXT}"\ndown_revision = "{head}"\n\n\n'
            f"def upgrade():\n{textwrap.indent(textwrap.dedent(upgrade_body), '    ')}\n"
        )
        (folder / "versions" / f"{NEXT}_test.py").write_text(source, encoding="utf-8")
        migrate._scripts.cache_clear()

    yield write
    migrate._scripts.cache_clear()


def test_a_failing_upgrade_leaves_the_library_as_it_was(
    library_path: Path, scripts_with_next: Callable[[str], None]
) -> None:
    with Library.open(library_path) as lib:
        lib.add_plan(make_plan(), content_hash="x")
    before = list(sqlite3.connect(library_path).iterdump())
    scripts_with_next(
        """
        with op.batch_alter_table("plans") as batch:
            batch.add_column(sa.Column("extra", sa.Text))
        op.execute("CREATE TABLE scratch (x INTEGER)")
        raise RuntimeError("the upgrade breaks half way")
        """
    )
    with pytest.raises(RuntimeError, match="half way"):
        Library.open(library_path)
    assert list(sqlite3.connect(library_path).iterdump()) == before


def test_a_batch_upgrade_of_plans_keeps_their_sections(
    library_path: Path, scripts_with_next: Callable[[str], None]
) -> None:
    # Recreating `plans` with foreign keys on would cascade-delete every section: migrations run
    # with them off, and the foreign key check afterwards passes.
    with Library.open(library_path) as lib:
        plan_id = lib.add_plan(make_plan(), content_hash="x")
        expected = lib.get_plan(plan_id).to_dict()
    scripts_with_next(
        """
        with op.batch_alter_table("plans", recreate="always") as batch:
            batch.add_column(sa.Column("extra", sa.Text))
        """
    )
    with Library.open(library_path) as lib:
        assert version(library_path) == NEXT
        assert lib.get_plan(plan_id).to_dict() == expected
        assert lib.hits("政务")
