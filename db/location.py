"""Where a library lives: a SQLite file, or a PostgreSQL database given by URL.

``LibraryLocation.parse`` takes what the user typed (``--library``, the setting, $PLANDESK_LIBRARY):
``postgresql://user@host[:port]/db`` (``postgres://`` too) is a shared library, anything else a
file path. The URL gets psycopg 3 as its driver. ``display`` never shows a password.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from planning.errors import LibraryError

Kind = Literal["sqlite", "postgresql"]
_SCHEMES = ("postgresql", "postgres")


def is_url(value: str | Path) -> bool:
    if isinstance(value, Path):
        return False
    scheme, sep, _ = value.partition("://")
    return bool(sep) and scheme.split("+")[0].lower() in _SCHEMES


@dataclass(frozen=True, slots=True)
class LibraryLocation:
    kind: Kind
    url: URL  # sqlite:///path or postgresql+psycopg://…
    path: Path | None = None  # the file, for SQLite

    @classmethod
    def parse(cls, value: str | Path) -> LibraryLocation:
        if not is_url(value):
            path = Path(value).expanduser()
            return cls("sqlite", URL.create("sqlite", database=str(path)), path)
        try:
            url = make_url(str(value))
        except ArgumentError as e:
            raise LibraryError(f"资料库地址无效：{value}", f"Not a valid library URL: {value}") from e
        if not url.database:
            raise LibraryError(
                f"资料库地址缺少数据库名：{url.render_as_string(hide_password=True)}",
                "The library URL names no database: postgresql://user@host/DATABASE",
            )
        return cls("postgresql", url.set(drivername="postgresql+psycopg"))

    @property
    def shared(self) -> bool:
        return self.kind == "postgresql"

    @property
    def display(self) -> str:
        """For the status bar and messages: the path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return self.url.set(drivername="postgresql").render_as_string(hide_password=True)

    @property
    def user(self) -> str | None:
        return self.url.username

    def with_password(self, password: str | None) -> LibraryLocation:
        if password is None or self.kind != "postgresql":
            return self
        return LibraryLocation(self.kind, self.url.set(password=password), self.path)

    @property
    def has_password(self) -> bool:
        return self.url.password is not None
