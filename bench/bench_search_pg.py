"""Chinese full-text search on PostgreSQL beside SQLite, on the same N plans (default 1,000).

    python bench/bench_search_pg.py [--plans 1000] [--repeat 10] [--writers 20]

The plans (variants of ../shared/seeds, as bench/bench_library.py makes them) are imported through
``db.library.Library`` into a SQLite file and into a PostgreSQL database on a private server
(tests/pg_server.py). Then, for 2-, 3- and 6-character terms, the hit list and the ranked top 20
(with snippets) are timed, p50/p95 in ms:

  sqlite fts5    the SQLite library: FTS5 over one token a character (db/search.py)
  pg grams       the PostgreSQL library: GIN over 1–3-token grams, bm25 bounded so that few bodies
                 are read (db/search_pg.py)
  pg_trgm        GIN gin_trgm_ops over sections.label/title/text, ILIKE '%term%' (top 20 unranked)
  pg like        LIKE '%term%' over the same columns with index scans switched off (top 20 unranked)
  sqlite like    LIKE '%term%' over the same columns of the SQLite file (top 20 unranked)

Hit counts must agree with the scans (the terms are CJK only, where a phrase match is a substring
match); pg_trgm is shown finding 2-character terms, which have no trigram, and at what cost. Also:
index sizes, bm25 statistics maintained per plan against counted per query, and N concurrent
writers with the statistics in one row per plan against one shared row.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import psycopg  # noqa: E402
from bench_library import TERMS, base_texts, variant  # noqa: E402
from sqlalchemy import text  # noqa: E402
from timing import percentiles  # noqa: E402

from db.library import Library  # noqa: E402
from db.search import pg as search_pg  # noqa: E402
from planning.ingest import content_hash  # noqa: E402
from planning.model import Plan  # noqa: E402
from planning.parse.plan_parser import parse_document  # noqa: E402
from planning.readers.blocks import Document, Paragraph  # noqa: E402
from tests.pg_server import PgServer  # noqa: E402

SCAN = "SELECT id FROM sections WHERE label {op} %(p)s OR title {op} %(p)s OR text {op} %(p)s ORDER BY id"
SCAN_TOP = "SELECT id FROM sections WHERE label {op} %(p)s OR title {op} %(p)s OR text {op} %(p)s LIMIT 20"
NO_INDEX = "SET enable_bitmapscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off"


def make_plans(n: int) -> list[tuple[Plan, str]]:
    rng = random.Random(7)
    sources = base_texts()
    plans = []
    for k in range(n):
        body = variant(sources[k % len(sources)], k, rng)
        doc = Document(f"v{k}.txt", "text", [Paragraph(ln.strip()) for ln in body.splitlines() if ln.strip()])
        plans.append((parse_document(doc), content_hash(doc)))
    return plans


def load(library: Library, plans: list[tuple[Plan, str]]) -> tuple[float, float]:
    """(seconds to import the plans one by one, seconds for optimize_index after them)."""
    started = time.perf_counter()
    for plan, digest in plans:
        library.add_plan(plan, content_hash=digest, source_format="text")
    imported = time.perf_counter()
    library.optimize_index()
    return imported - started, time.perf_counter() - imported


def sample(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    """``repeat`` timings in ms after one warm-up call, and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def cell(times: list[float]) -> str:
    p50, p95 = percentiles(times)
    return f"{p50:8.2f} /{p95:8.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=10, help="timed runs per term and method")
    ap.add_argument("--writers", type=int, default=20, help="concurrent writers in the write test")
    args = ap.parse_args()

    plans = make_plans(args.plans)
    server = PgServer.start()
    tmp = tempfile.TemporaryDirectory(prefix="bench_search_pg_")
    try:
        url = server.create_database()
        lite = Library.open(Path(tmp.name) / "bench.sqlite3")
        pg = Library.open(url)
        lite_s, pg_s = load(lite, plans), load(pg, plans)
        conn = psycopg.connect(url, autocommit=True)
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        started = time.perf_counter()
        conn.execute(
            "CREATE INDEX ix_sections_trgm ON sections "
            "USING gin (label gin_trgm_ops, title gin_trgm_ops, text gin_trgm_ops)"
        )
        trgm_s = time.perf_counter() - started
        conn.execute("VACUUM ANALYZE")
        scan_conn = psycopg.connect(url, autocommit=True)
        scan_conn.execute(NO_INDEX)
        lite_conn = sqlite3.connect(Path(tmp.name) / "bench.sqlite3")

        raw = conn.execute(
            "SELECT sum(octet_length(label) + octet_length(title) + octet_length(text)), count(*) FROM sections"
        ).fetchone()
        print(
            f"PostgreSQL {conn.info.server_version}, SQLite {sqlite3.sqlite_version}; {args.plans} plans, "
            f"{raw[1]:,} sections, {raw[0] / 1e6:.1f} MB of section text (UTF-8)"
        )
        print(
            f"import through Library (parse excluded): SQLite {lite_s[0]:.1f} s, PostgreSQL {pg_s[0]:.1f} s; "
            f"optimize_index after it: SQLite {lite_s[1]:.1f} s, PostgreSQL {pg_s[1]:.1f} s; "
            f"pg_trgm index built afterwards in {trgm_s:.1f} s\n"
        )
        sizes(conn, lite_conn, raw[0])

        methods: dict[str, tuple[Callable[[str], list[int]], Callable[[str], object]]] = {
            "sqlite fts5": (lite.hits, lambda t: lite.search(t, limit=20)),
            "pg grams": (pg.hits, lambda t: pg.search(t, limit=20)),
            "pg_trgm": (
                lambda t: [r[0] for r in conn.execute(SCAN.format(op="ILIKE"), {"p": f"%{t}%"})],
                lambda t: conn.execute(SCAN_TOP.format(op="ILIKE"), {"p": f"%{t}%"}).fetchall(),
            ),
            "pg like": (
                lambda t: [r[0] for r in scan_conn.execute(SCAN.format(op="LIKE"), {"p": f"%{t}%"})],
                lambda t: scan_conn.execute(SCAN_TOP.format(op="LIKE"), {"p": f"%{t}%"}).fetchall(),
            ),
            "sqlite like": (
                lambda t: [
                    r[0]
                    for r in lite_conn.execute(SCAN.format(op="LIKE").replace("%(p)s", "?"), (f"%{t}%",) * 3)
                ],
                lambda t: lite_conn.execute(
                    SCAN_TOP.format(op="LIKE").replace("%(p)s", "?"), (f"%{t}%",) * 3
                ).fetchall(),
            ),
        }
        latency(methods, args.repeat)
        ranking_agrees(lite, pg)
        statistics(url, args.repeat)
        conn.close()
        scan_conn.close()
        lite_conn.close()
        lite.close()
        pg.close()
        writers(server, plans, args.writers)
    finally:
        server.cleanup()
        tmp.cleanup()


def sizes(conn: psycopg.Connection, lite_conn: sqlite3.Connection, raw: int) -> None:
    def pg_size(relation: str, total: bool = True) -> int:
        fn = "pg_total_relation_size" if total else "pg_relation_size"
        return conn.execute(f"SELECT {fn}(%s::regclass)", (relation,)).fetchone()[0]

    fts = lite_conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'section_fts%'").fetchone()[0]
    index = pg_size("section_search")
    gin = pg_size(search_pg.GIN_INDEX)
    body = pg_size("section_search_body")
    stats = pg_size("section_search_stats")
    rows = [
        ("sqlite fts5: section_fts (all shadow tables)", fts),
        ("pg grams: the three tables with their indexes and TOAST", index + body + stats),
        ("  section_search: GIN index over the grams", gin),
        ("  section_search: rows (heap only)", pg_size("section_search", total=False)),
        (
            "  section_search: grams in TOAST, primary key",
            index - gin - pg_size("section_search", total=False),
        ),
        ("  section_search_body: body sequences", body),
        ("  section_search_stats", stats),
        ("pg_trgm: GIN over label, title, text", pg_size("ix_sections_trgm")),
        (
            "the sections table itself (PostgreSQL, without pg_trgm)",
            pg_size("sections") + pg_size("sections_pkey"),
        ),
    ]
    print(f"{'index size':60} {'MB':>7} {'x text':>7}")
    for name, size in rows:
        print(f"{name:60} {size / 1e6:7.1f} {size / raw:7.2f}")
    print()


def latency(
    methods: dict[str, tuple[Callable[[str], list[int]], Callable[[str], object]]], repeat: int
) -> None:
    """Each term's runs interleave the methods (a, b, c, a, b, c …), so a busy machine slows all alike."""
    print(f"latency in ms, p50 / p95 over the terms x {repeat} runs (after a warm-up); terms:")
    for n, terms in TERMS.items():
        print(f"  {n} chars: {' '.join(terms)}")
    times: dict[tuple[str, int, str], list[float]] = {}
    counts: dict[tuple[str, str], int] = {}
    for n, terms in TERMS.items():
        for term in terms:
            for name, (hits, top) in methods.items():  # warm-up, and the hit counts
                counts[name, term] = len(hits(term))
                top(term)
            for _ in range(repeat):
                for name, (hits, top) in methods.items():
                    for kind, fn in (("hits", hits), ("top", top)):
                        started = time.perf_counter()
                        fn(term)
                        times.setdefault((name, n, kind), []).append((time.perf_counter() - started) * 1000)
    header = "".join(f"{f'{n}ch hits':>20}{f'{n}ch top20':>20}" for n in TERMS)
    print(f"{'method':12}{header}")
    for name in methods:
        print(
            f"{name:12}"
            + "".join(f"{cell(times[name, n, kind]):>20}" for n in TERMS for kind in ("hits", "top"))
        )
    base = "sqlite fts5"
    print(
        f"{'pg / sqlite':12}"
        + "".join(
            f"{percentiles(times['pg grams', n, kind])[0] / percentiles(times[base, n, kind])[0]:>19.2f}x"
            for n in TERMS
            for kind in ("hits", "top")
        )
    )
    print("\nsections found per term (the scans are the truth)")
    print(f"{'term':14}" + "".join(f"{name:>13}" for name in methods))
    for terms in TERMS.values():
        for term in terms:
            found = [counts[name, term] for name in methods]
            flag = "" if len(set(found)) == 1 else "  <- differs"
            print(f"{term:{14 - len(term)}}" + "".join(f"{c:>13}" for c in found) + flag)
    print()


def ranking_agrees(lite: Library, pg: Library) -> None:
    queries = [t for terms in TERMS.values() for t in terms] + ["政务 网络", "信息 安全 保障", "ipv6", "务务"]
    same = sum(lite.search(q, limit=20) == pg.search(q, limit=20) for q in queries)
    print(f"top 20 with ranks and snippets identical to SQLite's: {same} of {len(queries)} queries\n")


def statistics(url: str, repeat: int) -> None:
    """bm25's N and total tokens: summed from one row per plan, or counted over the index."""
    with psycopg.connect(url) as conn:
        maintained, a = sample(
            lambda: conn.execute("SELECT sum(sections), sum(tokens) FROM section_search_stats").fetchone(),
            repeat,
        )
        counted, b = sample(
            lambda: conn.execute("SELECT count(*), sum(tokens) FROM section_search").fetchone(), repeat
        )
    assert tuple(a) == tuple(b), (a, b)
    print("bm25 statistics (N, total tokens), ms p50 / p95:")
    print(f"  summed from section_search_stats (one row per plan) {cell(maintained)}")
    print(f"  counted over section_search on each query           {cell(counted)}\n")


# search_pg's own insert, with the statistics kept in one shared row instead of a row per plan
HOT_ROW = (
    search_pg._ADD.text.split("INSERT INTO section_search_stats")[0]
    + """UPDATE hot_stats SET sections = sections + (SELECT count(*) FROM added),
                         tokens = tokens + (SELECT coalesce(sum(tokens), 0) FROM added)"""
)


def writers(server: PgServer, plans: list[tuple[Plan, str]], n: int) -> None:
    """``n`` threads, each with its own Library, import plans at once: statistics per plan against
    one shared row (the alternative, patched in here: every import updates the same row)."""
    batch = plans[: min(len(plans), 10 * n)]
    print(f"{n} concurrent writers importing {len(batch)} plans (each its own connection):")
    for label, statement in (("one stats row per plan", None), ("one shared stats row", HOT_ROW)):
        url = server.create_database()
        Library.open(url).close()
        if statement is not None:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("CREATE TABLE hot_stats (sections bigint, tokens bigint)")
                conn.execute("INSERT INTO hot_stats VALUES (0, 0)")
        original = search_pg._ADD
        if statement is not None:
            search_pg._ADD = text(statement)
        libraries = [Library.open(url) for _ in range(n)]
        per_plan: list[float] = []
        errors: list[BaseException] = []
        barrier = threading.Barrier(n)

        def work(
            i: int,
            libraries: list[Library] = libraries,
            per_plan: list[float] = per_plan,
            errors: list[BaseException] = errors,
            barrier: threading.Barrier = barrier,
        ) -> None:
            try:
                barrier.wait()
                for plan, digest in batch[i::n]:
                    started = time.perf_counter()
                    libraries[i].add_plan(plan, content_hash=digest, source_format="text")
                    per_plan.append((time.perf_counter() - started) * 1000)
            except BaseException as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        search_pg._ADD = original
        for library in libraries:
            library.close()
        with psycopg.connect(url) as conn:
            truth = conn.execute("SELECT count(*), coalesce(sum(tokens), 0) FROM section_search").fetchone()
            table = "hot_stats" if statement else "section_search_stats"
            kept = conn.execute(f"SELECT sum(sections), sum(tokens) FROM {table}").fetchone()
        ok = (
            "statistics exact"
            if tuple(map(int, kept)) == tuple(map(int, truth))
            else f"DRIFT {kept} vs {truth}"
        )
        print(f"  {label:24} wall {wall:6.1f} s, per plan {cell(per_plan)} ms, {len(errors)} errors, {ok}")


if __name__ == "__main__":
    main()
