"""Where the user's library lives: `--library PATH|URL`, else $PLANDESK_LIBRARY, else the user's data folder.

A library is a file (a path) or a shared PostgreSQL database (a ``postgresql://user@host/db``
URL, kept as the string the user gave: a URL is not a path, and ``Path`` would fold its ``//``).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from db.location import is_url

APP_NAME = "PlanDesk"
LIBRARY_ENV = "PLANDESK_LIBRARY"
LIBRARY_FILE = "library.sqlite3"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_library_path() -> Path:
    return data_dir() / LIBRARY_FILE


def resolve_library(explicit: str | os.PathLike[str] | None = None) -> Path | str:
    """The library to open: a file's path, or a URL string (``Library.open`` takes either)."""
    chosen = os.fspath(explicit) if explicit else os.environ.get(LIBRARY_ENV)
    if not chosen:
        return default_library_path()
    if is_url(chosen.strip()):
        return chosen.strip()
    return Path(chosen).expanduser()


# The settings dialog's name for it (it shows ``str(...)`` of the result, a path or a URL).
resolve_library_path = resolve_library
