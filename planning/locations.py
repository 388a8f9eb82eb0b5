"""Where the user's library lives: `--library PATH`, else $PLANDESK_LIBRARY, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "PlanDesk"
LIBRARY_ENV = "PLANDESK_LIBRARY"
LIBRARY_FILE = "library.sqlite3"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_library_path() -> Path:
    return data_dir() / LIBRARY_FILE


def resolve_library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return default_library_path()
