"""Shared fixtures: the seed plans in ../shared/seeds (read at test time, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
