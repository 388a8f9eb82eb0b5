"""Opening the library a command works on, and the terminal progress bar long commands draw."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tqdm import tqdm

from db.library import Library
from planning.locations import resolve_library_path


@contextmanager
def open_library(args: argparse.Namespace) -> Iterator[Library]:
    library = Library.open(resolve_library_path(args.library))
    try:
        yield library
    finally:
        library.close()


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
