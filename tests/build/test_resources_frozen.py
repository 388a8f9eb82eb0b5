"""One helper finds resources/ and templates/ both from a checkout and from a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from planning import resources

REPO = Path(__file__).resolve().parents[2]


def test_from_a_checkout_the_root_is_the_repository() -> None:
    assert not hasattr(sys, "_MEIPASS")
    assert resources.app_root() == REPO
    assert resources.resource_path("regions.json").is_file()
    assert (resources.app_root() / "templates").is_dir()


def test_frozen_the_root_is_the_bundle_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.app_root() == tmp_path
    assert resources.resource_path("sample", "x.txt") == tmp_path / "resources" / "sample" / "x.txt"


def test_the_spec_ships_what_the_helper_looks_for() -> None:
    spec = (REPO / "build_spec" / "plandesk.spec").read_text(encoding="utf-8")
    for needle in ('tree("templates", "templates")', 'tree("resources", "resources")',
                   'tree("db/migrations", "db/migrations")', 'collect_submodules("planning")'):
        assert needle in spec
