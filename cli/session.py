"""Opening the library a command works on (a file, or a shared library whose password may be
asked for on the terminal), holding a draft while a command changes it, and the terminal
progress bar long commands draw."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm

from db.library import Library
from db.location import LibraryLocation
from service import connect as access
from service.connect import resolve_library


def terminal_prompt(location: LibraryLocation, message: str) -> str | None:
    """Ask for the password on the terminal; None (cancel) without one, or for an empty answer."""
    if not sys.stdin.isatty():
        return None
    print(message, file=sys.stderr)
    try:
        password = getpass.getpass(f"{location.display} 的密码 / password: ")
    except EOFError:
        return None
    return password or None


def connect(where: str | Path | LibraryLocation, args: argparse.Namespace) -> Library:
    """Open ``where``; the caller closes it. ``--save-password`` keeps a password that worked."""
    remember = bool(getattr(args, "save_password", False))
    if remember and not access.keyring_available():
        print("系统没有可用的密钥环，密码不会保存 / no usable system keyring: the password will not be saved",
              file=sys.stderr)
        remember = False
    return access.open_library(where, prompt=terminal_prompt, remember=remember)


@contextmanager
def open_library(args: argparse.Namespace) -> Iterator[Library]:
    """The library of ``--library``, $PLANDESK_LIBRARY or the user's data folder."""
    library = connect(resolve_library(args.library), args)
    try:
        yield library
    finally:
        library.close()


@contextmanager
def editing(library: Library, draft_id: int) -> Iterator[None]:
    """Hold the draft while a command reads, changes and saves it; ``DraftLockedError`` (naming
    who has it) when someone else is editing it."""
    with library.lock_draft(draft_id):
        yield


@contextmanager
def terminal_progress(label: str, enabled: bool) -> Iterator[Callable[[float, str], None] | None]:
    """A progress callback drawing a bar on stderr when it is a terminal; None otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    bar = tqdm(total=1000, desc=label, unit="‰", leave=False, file=sys.stderr,
               bar_format="{desc} {percentage:3.0f}%|{bar}| {postfix}")

    def update(fraction: float, message: str) -> None:
        bar.n = int(fraction * 1000)
        bar.set_postfix_str(message[:40], refresh=True)

    try:
        yield update
    finally:
        bar.close()
