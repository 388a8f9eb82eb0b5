"""Full-text search over plan sections: query translation, hit lists and ranked hits.

A query is whitespace-separated terms, all of which must match (AND). Each term becomes an FTS5
phrase over the per-character index of ``db.search.tokens``: 政务服务 -> "政" + "务" + "服" + "务";
words (letters/digits) match whole words, case insensitively; punctuation inside a term matches
any punctuation or space at that place in the text. Every token is quoted, so FTS5 operators and quotes in the input are plain text;
a query with nothing searchable in it (only punctuation) finds nothing.

On a PostgreSQL library each function hands over to ``db.search.pg``, which gives the same hits,
ranks and snippets from its own index.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.search.index import FTS_TABLE, on_postgresql, searchable_title
from db.search.snippets import leading, make_snippet, needles
from db.search.tokens import BREAK, Piece, pieces

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class SearchHit:
    plan_id: int
    plan_title: str
    region: str | None
    period: str | None
    section_id: int
    section_path: str
    section_title: str
    snippet: str  # ``excerpt`` with 【】 around each term occurrence
    rank: float  # bm25: lower is better
    excerpt: str = ""  # the snippet's plain text, with … where cut
    snippet_spans: list[tuple[int, int]] = field(default_factory=list)  # offsets in ``excerpt``

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["snippet_spans"] = [list(span) for span in self.snippet_spans]
        return d


def fts_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a user query, or None when nothing in it is searchable."""
    phrases = [_phrase(ps) for term in query.split() if (ps := pieces(term))]
    return " AND ".join(phrases) if phrases else None


def _phrase(term: list[Piece]) -> str:
    tokens: list[str] = []
    for piece in term:
        if piece.after_break:
            tokens.append(BREAK)
        tokens.extend(piece.text if piece.cjk else [piece.text])
    return "(" + " + ".join('"' + t.replace('"', '""') + '"' for t in tokens) + ")"


def _filters(region: str | None, period: str | None) -> tuple[str, str, dict[str, Any]]:
    """(joins, conditions, params) restricting matches to plans of a region and/or period."""
    if region is None and period is None:
        return "", "", {}
    joins = f" JOIN sections s ON s.id = {FTS_TABLE}.rowid JOIN plans p ON p.id = s.plan_id"
    conditions = ""
    params: dict[str, Any] = {}
    if region is not None:
        conditions += " AND p.region_name = :region"
        params["region"] = region
    if period is not None:
        conditions += " AND p.period_name = :period"
        params["period"] = period
    return joins, conditions, params


def hits(session: Session, query: str, *, region: str | None = None, period: str | None = None) -> list[int]:
    """Ids of all matching sections, in id order."""
    if on_postgresql(session):
        from db.search import pg as search_pg  # here, not above: search_pg builds on this module

        return search_pg.hits(session, query, region=region, period=period)
    match = fts_query(query)
    if match is None:
        return []
    joins, conditions, params = _filters(region, period)
    sql = (
        f"SELECT {FTS_TABLE}.rowid FROM {FTS_TABLE}{joins} "
        f"WHERE {FTS_TABLE} MATCH :q{conditions} ORDER BY {FTS_TABLE}.rowid"
    )
    # straight through the driver: for tens of thousands of ids the ORM layer costs more than FTS5 itself
    driver = session.connection().connection.driver_connection
    assert driver is not None
    return [r[0] for r in driver.execute(sql, {"q": match, **params}).fetchall()]


def hit_count(session: Session, query: str, *, region: str | None = None, period: str | None = None) -> int:
    if on_postgresql(session):
        from db.search import pg as search_pg

        return search_pg.hit_count(session, query, region=region, period=period)
    match = fts_query(query)
    if match is None:
        return 0
    joins, conditions, params = _filters(region, period)
    sql = f"SELECT count(*) FROM {FTS_TABLE}{joins} WHERE {FTS_TABLE} MATCH :q{conditions}"
    return session.execute(text(sql), {"q": match, **params}).scalar_one()


def search(
    session: Session, query: str, *, region: str | None = None, period: str | None = None, limit: int = 20
) -> list[SearchHit]:
    """The best ``limit`` matches by bm25 (title matches weigh more), with snippets."""
    if on_postgresql(session):
        from db.search import pg as search_pg

        return search_pg.search(session, query, region=region, period=period, limit=limit)
    match = fts_query(query)
    if match is None or limit <= 0:
        return []
    joins, conditions, params = _filters(region, period)
    # rank first over the index alone, then fetch the texts of the top rows only
    sql = f"""
        WITH top AS (
            SELECT {FTS_TABLE}.rowid AS id, bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank
            FROM {FTS_TABLE}{joins}
            WHERE {FTS_TABLE} MATCH :q{conditions}
            ORDER BY rank, {FTS_TABLE}.rowid
            LIMIT :limit
        )
        SELECT top.rank, s.id, s.plan_id, s.path, s.label, s.title, s.text,
               p.title AS plan_title, p.region_name, p.period_name
        FROM top JOIN sections s ON s.id = top.id JOIN plans p ON p.id = s.plan_id
        ORDER BY top.rank, s.id
    """
    rows = session.execute(text(sql), {"q": match, "limit": limit, **params}).mappings()
    patterns = needles(query)
    return [make_hit(r, patterns) for r in rows]


def make_hit(row: Mapping[str, Any], patterns: list[re.Pattern[str]]) -> SearchHit:
    """A hit from a ranked row (rank, id, plan_id, path, label, title, text, plan_title,
    region_name, period_name), its snippet cut around the first of the query's ``needles``."""
    snippet = (
        make_snippet(row["text"], patterns)
        or make_snippet(searchable_title(row["label"], row["title"]), patterns)
        or leading(row["text"] or row["title"])
    )
    return SearchHit(
        plan_id=row["plan_id"],
        plan_title=row["plan_title"],
        region=row["region_name"],
        period=row["period_name"],
        section_id=row["id"],
        section_path=row["path"],
        section_title=row["title"],
        snippet=snippet.marked(),
        rank=row["rank"],
        excerpt=snippet.text,
        snippet_spans=snippet.spans,
    )
