"""Writing the search index: one contentless FTS5 row per section, rowid = section id.

Columns: ``title`` (the label and title) and ``body`` (the section text), both as the token
strings from ``db.search.tokens.index_text``. A contentless row is deleted by handing FTS5 the tokens
it was inserted with, recomputed here from the stored section.

On a PostgreSQL library each function hands over to ``db.search.pg`` and its own index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.search.tokens import index_text

FTS_TABLE = "section_fts"  # created by migration 0001

_INSERT = text(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (:id, :title, :body)")
_DELETE = text(
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', :id, :title, :body)"
)


def searchable_title(label: str, title: str) -> str:
    return f"{label} {title}" if label else title


def fts_row(section: Mapping[str, Any]) -> dict[str, Any]:
    """The index row for a section row (keys id, label, title, text)."""
    return {
        "id": section["id"],
        "title": index_text(searchable_title(section["label"], section["title"])),
        "body": index_text(section["text"]),
    }


def on_postgresql(session: Session) -> bool:
    """Whether the session's library is a PostgreSQL database (whose index is ``db.search.pg``'s)."""
    return session.get_bind().dialect.name == "postgresql"


def add_sections(session: Session, sections: Iterable[Mapping[str, Any]]) -> None:
    if on_postgresql(session):
        from db.search import pg as search_pg  # here, not above: search_pg builds on this module

        search_pg.add_sections(session, sections)
        return
    rows = [fts_row(s) for s in sections]
    if rows:
        session.execute(_INSERT, rows)


def remove_sections(session: Session, sections: Iterable[Mapping[str, Any]]) -> None:
    if on_postgresql(session):
        from db.search import pg as search_pg

        search_pg.remove_sections(session, sections)
        return
    rows = [fts_row(s) for s in sections]
    if rows:
        session.execute(_DELETE, rows)


def optimize(session: Session) -> None:
    if on_postgresql(session):
        from db.search import pg as search_pg

        search_pg.optimize(session)
        return
    session.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))
