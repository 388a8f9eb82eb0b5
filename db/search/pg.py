"""Full-text search on PostgreSQL: the same hits, bm25 ranks and snippets as SQLite's FTS5 index.

Texts are kept as *sequence strings*: ``db.search.tokens.index_text``'s tokens written one after the
other, a CJK character or BREAK as itself and a word wrapped as U+E001 word U+E002
(``数据5G，`` -> ``数据\\ue0015g\\ue002\\ue000``). Every token starts with a character that starts
no other token and ends with one that ends no other, so a term's run of tokens occurs in a text
exactly when its sequence string is a substring there (``strpos``), and occurrences are counted by
length (overlapping ones, which FTS5 counts too, with ``regexp_count`` and a lookahead). No
tsvector: its 16,383-position and 256-positions-a-lexeme limits cannot drop a match here.

Tables (migration 0005), one row per section in each:

* ``section_search``, the index: ``grams``, the distinct runs of 1 to 3 tokens in title and body
  (never across BREAK), under a GIN index of ``string_to_array(rtrim(grams), ' ')``; a term's
  grams (its run if up to 3 tokens, else all its 3-token runs, each part between BREAKs on its
  own) are in every row that holds it, and for a term of up to 3 tokens without BREAK only there.
  Beside them the little that ranking needs first: the token count (bm25's D, BREAK included, as
  FTS5 counts), the title's sequence, and what bounds a term's count in the body without reading
  it: ``repeats1..3``, how often the body's commonest 1-, 2-, 3-token run occurs, and
  ``repeated``, 1,024 bits with bit crc32(run) % 1024 set for each such run occurring twice or
  more. Rows are kept to about 250 bytes, so a hit list visits few pages: ``grams`` always goes
  to TOAST, for which short rows are padded past PostgreSQL's 2 KB threshold with spaces that
  compress away (hence ``rtrim``); ``toast_tuple_target`` is 128.
* ``section_search_body``: the body's sequence, read by primary key where a term must be checked
  or counted in it.
* ``section_search_stats``: sections and tokens per plan, for bm25's N and average length. Each
  import writes its own plan's row, so concurrent imports never wait on one hot row.

Ranking repeats FTS5's ``bm25(section_fts, 10, 1)`` in SQL with the same double arithmetic in the
same order: per term (phrase), IDF = ln((N - nHit + 0.5) / (nHit + 0.5)), 1e-6 when not positive,
nHit = rows holding the term over the whole index (filters do not change it, as in FTS5);
f = 10 x title occurrences + body occurrences; score = sum of IDF * f * (k1 + 1) / (f + k1 * (1 -
b + b * D / avgdl)), rank = -score, ties by section id. Terms of up to 3 tokens are ranked from
the index rows with bounds, and only the bodies that could change the top are read
(``_bounded``); a query with a longer term, or punctuation inside one, checks its matches in the
bodies anyway and counts them there (``_counted``).

The one known difference from FTS5: FTS5's unicode61 re-tokenizes the words ``db.search.tokens`` writes,
by its own Unicode tables, and for 33 code points it disagrees with Python: it folds twelve letter
variants (µ ſ ς ϐ ϑ ϕ ϖ ϰ ϱ ϵ ẛ ι to μ s σ β θ φ π κ ρ ε ṡ ι) and splits words at 21 New Tai Lue
and Vedic signs. Here words are compared as ``db.search.tokens`` wrote them: a query for ασ does not
find a text spelled ας (SQLite finds it), and a section holding such a character has a slightly
different token count, so a slightly different rank. Chinese text never meets them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from psycopg.rows import dict_row
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from db.search.fts5 import BODY_WEIGHT, TITLE_WEIGHT, SearchHit, make_hit
from db.search.index import searchable_title
from db.search.pg_terms import (
    Phrase,
    grams,
    phrases,
    repeated_bit,
    repetition,
    sequence,
)
from db.search.snippets import needles

ROW_PADDING = 2100  # bytes a section_search row is padded to, past TOAST_TUPLE_THRESHOLD (2032)
K1, B = 1.2, 0.75  # FTS5's bm25 constants
GIN_INDEX = "ix_section_search_grams"



# -- writing -----------------------------------------------------------------------------------------

_ADD = text(
    """
    WITH added AS (
        INSERT INTO section_search (section_id, plan_id, tokens, repeats1, repeats2, repeats3,
                                    repeated, title_seq, grams)
        SELECT u.id, s.plan_id, u.tokens, u.r1, u.r2, u.r3, u.repeated, u.title_seq, u.grams
        FROM unnest(CAST(:ids AS integer[]), CAST(:tokens AS integer[]), CAST(:r1 AS integer[]),
                    CAST(:r2 AS integer[]), CAST(:r3 AS integer[]), CAST(:repeated AS bytea[]),
                    CAST(:titles AS text[]), CAST(:grams AS text[]))
             AS u(id, tokens, r1, r2, r3, repeated, title_seq, grams)
        LEFT JOIN sections s ON s.id = u.id  -- a section not stored: plan_id NULL fails, never skipped
        RETURNING plan_id, tokens
    ), bodies AS (
        INSERT INTO section_search_body (section_id, body_seq)
        SELECT * FROM unnest(CAST(:ids AS integer[]), CAST(:bodies AS text[]))
    )
    INSERT INTO section_search_stats AS st (plan_id, sections, tokens)
    SELECT plan_id, count(*), sum(tokens) FROM added GROUP BY plan_id
    ON CONFLICT (plan_id) DO UPDATE
    SET sections = st.sections + excluded.sections, tokens = st.tokens + excluded.tokens
    """
)
_REMOVE = text(
    """
    WITH gone AS (
        DELETE FROM section_search WHERE section_id = ANY(CAST(:ids AS integer[]))
        RETURNING plan_id, tokens
    ), bodies AS (
        DELETE FROM section_search_body WHERE section_id = ANY(CAST(:ids AS integer[]))
    ), per_plan AS (
        SELECT plan_id, count(*) AS sections, sum(tokens) AS tokens FROM gone GROUP BY plan_id
    )
    UPDATE section_search_stats st
    SET sections = st.sections - p.sections, tokens = st.tokens - p.tokens
    FROM per_plan p WHERE st.plan_id = p.plan_id
    """
)
_COLUMNS = ("ids", "tokens", "r1", "r2", "r3", "repeated", "titles", "grams", "bodies")


def index_rows(sections: Iterable[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """The ``_ADD`` parameters for section rows (keys id, label, title, text): one array a column."""
    rows: dict[str, list[Any]] = {name: [] for name in _COLUMNS}
    for s in sections:
        title, title_tokens = sequence(searchable_title(s["label"], s["title"]))
        body, body_tokens = sequence(s["text"])
        (r1, r2, r3), repeated = repetition(body)
        listed = " ".join(grams(title, body))
        size = 200 + len(title.encode()) + len(listed.encode())  # the row before TOAST, about
        values = (s["id"], title_tokens + body_tokens, r1, r2, r3, repeated, title, listed, body)
        for name, value in zip(_COLUMNS, values, strict=True):
            rows[name].append(value)
        rows["grams"][-1] += " " * max(0, ROW_PADDING - size)
    return rows


def add_sections(session: Session, sections: Iterable[Mapping[str, Any]]) -> None:
    """Index sections already stored in ``sections`` (their plan id is read from there)."""
    rows = index_rows(sections)
    if rows["ids"]:
        session.execute(_ADD, rows)


def remove_sections(session: Session, sections: Iterable[Mapping[str, Any]]) -> None:
    """Drop the sections' rows and their share of the statistics; only the ids are used.

    Deleting a section cascades to its rows too, but only this keeps the statistics right."""
    ids = [s["id"] for s in sections]
    if ids:
        session.execute(_REMOVE, {"ids": ids})


def rebuild(connection: Connection, *, batch: int = 2000) -> None:
    """Index every stored section anew, ``batch`` sections a statement (migration 0005 fills the
    index of a library that already holds sections)."""
    for table in ("section_search_stats", "section_search_body", "section_search"):
        connection.execute(text(f"DELETE FROM {table}"))
    last = 0
    while True:
        chunk = text("SELECT id, label, title, text FROM sections WHERE id > :last ORDER BY id LIMIT :n")
        sections = connection.execute(chunk, {"last": last, "n": batch}).mappings().all()
        if not sections:
            return
        connection.execute(_ADD, index_rows(sections))
        last = sections[-1]["id"]


def optimize(session: Session) -> None:
    """After a batch: move the GIN index's pending entries into its tree, refresh the planner's figures."""
    session.execute(text("SELECT gin_clean_pending_list(CAST(:index AS regclass))"), {"index": GIN_INDEX})
    session.execute(text("ANALYZE section_search"))


# -- reading -----------------------------------------------------------------------------------------

GRAMS = "string_to_array(rtrim(ss.grams), ' ')"  # the indexed expression (migration 0005), spelled the same
BODY = " JOIN section_search_body b ON b.section_id = ss.section_id"


@dataclass
class _Sql:
    """The parameters of a statement being written, with psycopg placeholders."""

    params: dict[str, Any]

    def param(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f"%({name})s"

    def holds(self, phrase: Phrase, *, joined: bool) -> str:
        """The condition that section ``ss`` holds ``phrase``, beyond holding its grams: in its
        title, or in its body (``b`` when joined, else looked up only for rows whose title lacks it)."""
        needle = self.param(phrase.needle)
        in_title = f"strpos(ss.title_seq, {needle}) > 0"
        if joined:
            return f"({in_title} OR strpos(b.body_seq, {needle}) > 0)"
        body = f"SELECT 1 FROM section_search_body b WHERE b.section_id = ss.section_id AND strpos(b.body_seq, {needle}) > 0"
        return f"({in_title} OR EXISTS ({body}))"

    def occurrences(self, phrase: Phrase, column: str) -> str:
        """How often ``phrase`` occurs in ``column``, overlapping occurrences too (an integer)."""
        if phrase.overlaps:  # needles hold letters, digits, CJK and private-use characters only
            return f"regexp_count({column}, {self.param('(?=' + re.escape(phrase.needle) + ')')})"
        needle = self.param(phrase.needle)
        length = self.param(len(phrase.needle.encode()))
        return f"((octet_length({column}) - octet_length(replace({column}, {needle}, ''))) / {length})"

    def matching(
        self,
        found: list[Phrase],
        region: str | None = None,
        period: str | None = None,
        *,
        bodies: bool = False,
    ) -> str:
        """FROM and WHERE for the sections ``ss`` holding every phrase, in plans of the region and
        period; with their bodies ``b`` joined if ``bodies``."""
        all_grams = list(dict.fromkeys(g for p in found for g in p.grams))
        conditions = [f"{GRAMS} @> {self.param(all_grams)}::text[]"]
        # a repeated term is checked once
        conditions += [self.holds(p, joined=bodies) for p in dict.fromkeys(found) if not p.exact]
        joins = BODY if bodies else ""
        if region is not None or period is not None:
            joins += " JOIN plans p ON p.id = ss.plan_id"
        if region is not None:
            conditions.append(f"p.region_name = {self.param(region)}")
        if period is not None:
            conditions.append(f"p.period_name = {self.param(period)}")
        return f"FROM section_search ss{joins} WHERE {' AND '.join(conditions)}"


# The planner may reach section_search only through the GIN index (see _gin_only); and with the
# other plans priced as disabled (10^10), JIT compilation would kick in and cost more than the query.
_SETTINGS = ("enable_seqscan", "jit")
_GIN_ONLY = "SELECT " + ", ".join(
    [f"current_setting('{name}')" for name in _SETTINGS]
    + [f"set_config('{name}', 'off', true)" for name in _SETTINGS]
)
_RESTORE = "SELECT " + ", ".join(f"set_config('{name}', %s, true)" for name in _SETTINGS)


@contextmanager
def _gin_only(session: Session) -> Iterator[Any]:
    """The psycopg connection under the session (inside its transaction), planning through the
    GIN index only while the block runs.

    A sequential scan of ``section_search`` would unpack every row's grams from TOAST, seconds
    instead of milliseconds, and the planner's estimates for a common character tempt it. The
    settings are put back after the block; after an error the transaction's end drops them.
    Statements go straight through the driver, not SQLAlchemy: for tens of thousands of ids its
    result layer costs more than the query.
    """
    driver = session.connection().connection.driver_connection
    assert driver is not None
    before = driver.execute(_GIN_ONLY).fetchone()
    yield driver
    driver.execute(_RESTORE, before[: len(_SETTINGS)])


def hits(session: Session, query: str, *, region: str | None = None, period: str | None = None) -> list[int]:
    """Ids of all matching sections, in id order."""
    found = phrases(query)
    if not found:
        return []
    sql = _Sql({})
    statement = (
        f"SELECT array_agg(ss.section_id ORDER BY ss.section_id) {sql.matching(found, region, period)}"
    )
    with _gin_only(session) as driver:  # one array, in binary: a third faster than a row per id
        ids = driver.cursor(binary=True).execute(statement, sql.params).fetchone()[0]
    return ids or []


def hit_count(session: Session, query: str, *, region: str | None = None, period: str | None = None) -> int:
    found = phrases(query)
    if not found:
        return 0
    sql = _Sql({})
    with _gin_only(session) as driver:
        row = driver.execute(f"SELECT count(*) {sql.matching(found, region, period)}", sql.params).fetchone()
    return int(row[0])


# -- ranking -----------------------------------------------------------------------------------------


def _score(terms: list[tuple[str, str]], d: str) -> str:
    """The bm25 score from (idf, f) expressions per phrase and a row's token count ``d``: FTS5's
    arithmetic in FTS5's order, its constants as Python prints them (the same doubles as its C)."""
    k1, k1_plus_1, one_minus_b, b = (f"{x!r}::float8" for x in (K1, K1 + 1.0, 1 - B, B))
    parts = [
        f"{idf} * (({f} * {k1_plus_1}) / ({f} + {k1} * ({one_minus_b} + {b} * {d} / stats.avgdl)))"
        for idf, f in terms
    ]
    return "(0.0::float8 + " + " + ".join(parts) + ")"


def _idf(sql: _Sql, found: list[Phrase], matches: str, *, alone: bool) -> str:
    """CTEs ``stats`` (N, avgdl), ``h`` (nHit per phrase) and ``idf``, to follow the CTE ``matches``."""
    n_hits, idfs = [], []
    for i, phrase in enumerate(found):
        if alone:  # one phrase, no filter: its nHit is the number of matches
            n_hits.append(f"(SELECT count(*) FROM {matches}) AS n{i}")
        else:  # over the whole index, as FTS5 counts it
            n_hits.append(f"(SELECT count(*) {sql.matching([phrase])}) AS n{i}")
        idf = f"ln(((stats.n - h.n{i})::float8 + 0.5::float8) / (h.n{i}::float8 + 0.5::float8))"
        idfs.append(f"CASE WHEN {idf} <= 0 THEN 1e-6::float8 ELSE {idf} END AS idf{i}")
    return f"""
        stats AS MATERIALIZED (
            SELECT sum(sections) AS n, sum(tokens)::float8 / sum(sections)::float8 AS avgdl
            FROM section_search_stats
        ), h AS MATERIALIZED (
            SELECT {", ".join(n_hits)}
        ), idf AS MATERIALIZED (
            SELECT {", ".join(idfs)} FROM stats, h
        )"""


def _title(sql: _Sql, phrase: Phrase) -> str:
    return f"({TITLE_WEIGHT!r}::float8 * {sql.occurrences(phrase, 'ss.title_seq')})"


def _body(sql: _Sql, phrase: Phrase) -> str:
    return f"({BODY_WEIGHT!r}::float8 * {sql.occurrences(phrase, 'b.body_seq')})"


def _counted(sql: _Sql, found: list[Phrase], region: str | None, period: str | None, limit: int) -> str:
    """Best ``limit`` (section_id, rank), every match counted: for queries with a phrase of more
    than 3 tokens or with punctuation, whose matches are checked in their bodies anyway."""
    matching = sql.matching(found, region, period, bodies=True)
    freqs = [f"{_title(sql, p)} + {_body(sql, p)} AS f{i}" for i, p in enumerate(found)]
    scores = [(f"idf.idf{i}", f"m.f{i}") for i in range(len(found))]
    alone = len(set(found)) == 1 and region is None and period is None
    return f"""
        WITH m AS MATERIALIZED (
            SELECT ss.section_id, ss.tokens::float8 AS d, {", ".join(freqs)} {matching}
        ), {_idf(sql, found, "m", alone=alone)}
        SELECT m.section_id, -1.0::float8 * {_score(scores, "m.d")} AS rank
        FROM m, idf, stats
        ORDER BY rank, m.section_id
        LIMIT {sql.param(limit)}
    """


def _bounded(sql: _Sql, found: list[Phrase], region: str | None, period: str | None, limit: int) -> str:
    """Best ``limit`` (section_id, rank) for phrases of up to 3 tokens, bodies read only where needed.

    ``c`` takes each match from ``section_search`` alone: its token count, each phrase's count in
    the title, and bounds for its count in the body: at least 1 where the title lacks it (the row
    holds it somewhere), at most 1 where its ``repeated`` bit is clear, else at most its
    ``repeats``. Where the bounds meet (mostly: a phrase once in the body, not in the title) the
    score is known; elsewhere it lies between the scores of the bounds. The ``limit``-th best lower
    bound is a floor under the ``limit``-th best score, so bodies are read and counted only for the
    rows not known whose upper bound reaches the floor; the true top ``limit``, ties included, is
    among the known rows and those. Floating-point arithmetic is monotonic, so the bounds hold for
    the computed doubles as well, and a known score is computed from the very same f as a counted
    one; the floor is lowered by a relative 1e-9 all the same.
    """
    cheap, lows, highs, known, scores = [], [], [], [], []
    body = f"{BODY_WEIGHT!r}::float8"
    for i, phrase in enumerate(found):
        bit = sql.param(repeated_bit(phrase.grams[0]))
        cheap.append(
            f"{_title(sql, phrase)} AS t{i}, "
            f"CASE WHEN get_bit(ss.repeated, {bit}) = 0 THEN least(1, ss.repeats{phrase.run})"
            f" ELSE ss.repeats{phrase.run} END AS r{i}"
        )
        lows.append((f"idf.idf{i}", f"(c.t{i} + CASE WHEN c.t{i} = 0 THEN {body} ELSE 0 END)"))
        highs.append((f"idf.idf{i}", f"(c.t{i} + {body} * c.r{i})"))
        known.append(f"(c.t{i} = 0 AND c.r{i} = 1 OR c.t{i} > 0 AND c.r{i} = 0)")
        scores.append((f"idf.idf{i}", f"(x.t{i} + {_body(sql, phrase)})"))
    ts = ", ".join(f"c.t{i}" for i in range(len(found)))
    alone = len(set(found)) == 1 and region is None and period is None
    return f"""
        WITH c AS MATERIALIZED (
            SELECT ss.section_id, ss.tokens::float8 AS d, {", ".join(cheap)}
            {sql.matching(found, region, period)}
        ), {_idf(sql, found, "c", alone=alone)},
        bounds AS MATERIALIZED (
            SELECT c.section_id, c.d, {ts}, {" AND ".join(known)} AS known,
                   {_score(lows, "c.d")} AS low, {_score(highs, "c.d")} AS high
            FROM c, idf, stats
        ), floor AS MATERIALIZED (
            SELECT coalesce(
                (SELECT low FROM bounds ORDER BY low DESC LIMIT 1 OFFSET {sql.param(limit - 1)}), '-Infinity'
            ) * (1 - 1e-9::float8) AS low
        ), x AS (
            SELECT bounds.* FROM bounds, floor WHERE NOT bounds.known AND bounds.high >= floor.low
        ), ranked AS (
            SELECT bounds.section_id, bounds.low AS score FROM bounds, floor
            WHERE bounds.known AND bounds.low >= floor.low
            UNION ALL
            SELECT x.section_id, {_score(scores, "x.d")}
            FROM x JOIN section_search_body b ON b.section_id = x.section_id, idf, stats
        )
        SELECT ranked.section_id, -1.0::float8 * ranked.score AS rank
        FROM ranked
        ORDER BY rank, ranked.section_id
        LIMIT {sql.param(limit)}
    """


def search(
    session: Session, query: str, *, region: str | None = None, period: str | None = None, limit: int = 20
) -> list[SearchHit]:
    """The best ``limit`` matches by bm25 (title matches weigh more), with snippets."""
    found = phrases(query)
    if not found or limit <= 0:
        return []
    sql = _Sql({})
    ranked = (_bounded if all(p.exact for p in found) else _counted)(sql, found, region, period, limit)
    statement = f"""
        WITH top AS ({ranked})
        SELECT top.rank, s.id, s.plan_id, s.path, s.label, s.title, s.text,
               p.title AS plan_title, p.region_name, p.period_name
        FROM top JOIN sections s ON s.id = top.section_id JOIN plans p ON p.id = s.plan_id
        ORDER BY top.rank, s.id
    """
    with _gin_only(session) as driver:
        rows = driver.cursor(row_factory=dict_row).execute(statement, sql.params).fetchall()
    patterns = needles(query)
    return [make_hit(r, patterns) for r in rows]
