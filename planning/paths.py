"""Where PlanDesk's files live: the user's data folder, and the files that ship with the app (from a
source checkout and from a frozen bundle)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "PlanDesk"


def data_dir() -> Path:
    """The user's data folder: ~/.local/share/PlanDesk, %APPDATA%\\PlanDesk …"""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def app_root() -> Path:
    """The folder holding resources/ and templates/: the checkout, or the PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)
