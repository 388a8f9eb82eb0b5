"""Connecting to a library: where it lives, and the passwords of shared ones.

Where: `--library PATH|URL`, else $PLANDESK_LIBRARY, else the user's data folder. A library is a
file (a path) or a shared PostgreSQL database (a ``postgresql://user@host/db`` URL, kept as the
string the user gave: a URL is not a path, and ``Path`` would fold its ``//``).

Passwords of shared libraries: never in the user's settings, only in the system keyring.

``open_library`` opens a file, or a PostgreSQL library with the first password that works, in
this order: the one written in the URL; libpq's own (``PGPASSWORD``, ``~/.pgpass``, or a server
that asks none: tried by connecting without one); the one kept in the system keyring (service
"PlanDesk", key ``user@host:port/db``); then, if the caller gave a ``prompt``, the user's answer
(up to ``ATTEMPTS`` times), which is kept in the keyring when ``remember`` is set.

The keyring functions never raise: a machine without a usable keyring (no Secret Service on a
bare desktop, a locked or refusing backend) simply has none, and the user is asked each time.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from db.library import Library
from db.location import LibraryLocation, is_url
from planning.errors import PasswordRequiredError
from planning.paths import data_dir

SERVICE = "PlanDesk"
LIBRARY_ENV = "PLANDESK_LIBRARY"
LIBRARY_FILE = "library.sqlite3"
ATTEMPTS = 3
DEFAULT_PORT = 5432



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

# (the location asking, why: the error's bilingual line) -> the password, or None for "cancel"
Prompt = Callable[[LibraryLocation, str], str | None]


def keyring_key(location: LibraryLocation) -> str:
    """``user@host:port/db``: the same server, database and user share one entry."""
    url = location.url
    user = url.username or _login_name()
    return f"{user}@{url.host or 'localhost'}:{url.port or DEFAULT_PORT}/{url.database}"


def _login_name() -> str:
    try:
        return getpass.getuser()  # libpq's default user name too
    except (OSError, KeyError):
        return ""


def _backend() -> Any | None:
    """The keyring backend, or None when there is no usable one."""
    try:
        import keyring
        from keyring.backends import chainer, fail

        backend = keyring.get_keyring()
    except Exception:  # an import or configuration failure is "no keyring", never a crash
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:  # fail, null
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return backend


def keyring_available() -> bool:
    return _backend() is not None


def stored_password(location: LibraryLocation) -> str | None:
    """The password kept for this library's user, or None (none kept, or no usable keyring)."""
    backend = _backend()
    if backend is None or not location.shared:
        return None
    try:
        password = backend.get_password(SERVICE, keyring_key(location))
    except Exception:  # locked, refused, D-Bus gone: as good as nothing kept
        return None
    return password if isinstance(password, str) else None


def store_password(location: LibraryLocation, password: str) -> bool:
    """Keep the password in the system keyring; False when there is no usable keyring."""
    backend = _backend()
    if backend is None or not location.shared:
        return False
    try:
        backend.set_password(SERVICE, keyring_key(location), password)
    except Exception:
        return False
    return True


def forget_password(location: LibraryLocation) -> None:
    backend = _backend()
    if backend is None or not location.shared:
        return
    try:
        backend.delete_password(SERVICE, keyring_key(location))
    except Exception:  # nothing kept, or no keyring: forgotten either way
        pass


def open_library(
    where: str | Path | LibraryLocation,
    *,
    prompt: Prompt | None = None,
    remember: bool = False,
) -> Library:
    """Open the library at ``where``, finding the password of a shared one as the module says.

    ``prompt(location, message)`` asks the user; None from it cancels (the last
    ``PasswordRequiredError`` is raised). Any other error (server down, no such database, a
    read-only role's refusal) is raised at once, never answered with a prompt.
    """
    location = where if isinstance(where, LibraryLocation) else LibraryLocation.parse(where)
    if not location.shared:
        return Library.open(location)
    if location.has_password:
        library = Library.open(location)
        if remember and location.url.password:
            store_password(location, location.url.password)
        return library
    try:
        return Library.open(location)  # libpq finds PGPASSWORD and ~/.pgpass by itself
    except PasswordRequiredError as e:
        error = e
    kept = stored_password(location)
    if kept is not None:
        try:
            return Library.open(location, password=kept)
        except PasswordRequiredError as e:  # changed on the server since: ask
            error = e
    if prompt is None:
        raise error
    for _ in range(ATTEMPTS):
        password = prompt(location, error.line())
        if password is None:
            raise error
        try:
            library = Library.open(location, password=password)
        except PasswordRequiredError as e:
            error = e
            continue
        if remember:
            store_password(location, password)
        return library
    raise error
