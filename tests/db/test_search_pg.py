"""The PostgreSQL search index (db/search_pg.py) against SQLite's FTS5 one and against brute force.

The same plans go into a SQLite library and a PostgreSQL library, in the same order, so sections
get the same ids in both; hits, counts, bm25 ranks and snippets must then be equal, not close.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.orm import Session

from db import migrate
from db.engine import make_engine
from db.library import Library
from db.migrate import alembic_config
from db.search import pg as search_pg
from db.search.pg_terms import CLOSE, OPEN, Phrase, grams, repeated_bit, repetition, runs, sequence
from db.search.tokens import BREAK, is_cjk
from planning.ingest import content_hash, parse_file
from planning.model import Plan, Section
from tests.conftest import SEEDS, seed_path
from tests.db.rows import brute_force
from tests.db.sample_plan import make_plan
from tests.pg_server import PgServer

LONG_TEXT = "推进政务服务，" * 2500 + "尾部独有词语。"  # 17,500 tokens, 2,500 of 政务: past tsvector's limits


def special_plan() -> Plan:
    """Sections that try the edges: breaks, overlapping repeats, words, a title match, a long text."""
    return Plan(
        title="边界测试规划",
        sections=[
            Section("一、", "数据共享", 1, text="建立目录。"),
            Section("二、", "断开", 1, text="数据，据此。政务、务服"),
            Section("三、", "重叠", 1, text="务务务务，数据数据数，政务政务"),
            Section("四、", "词语", 1, text="部署IPv6和5G基站，ipv6x不算，ＩＰｖ６全角。"),
            Section("五、", "长文", 1, text=LONG_TEXT),
            Section("六、", "其他", 1, text="数据共享和数据开放，推动政务数据共享。"),
            Section("", "", 1, text=""),
        ],
    )


def corpus() -> list[tuple[Plan, str]]:
    plans = [(special_plan(), "special")]
    plans += [
        (make_plan(), "yunhe14"),
        (make_plan(title="云河市“十三五”信息化规划", period="十三五", start=2016, end=2020), "yunhe13"),
        (make_plan(title="青石县“十四五”信息化规划", region="青石县"), "qingshi14"),
    ]
    if SEEDS.is_dir():  # the seed plans when they are around; the tests stand without them
        for number in ("000", "001", "003", "004"):
            plan, doc = parse_file(seed_path(number))
            plans.append((plan, content_hash(doc)))
    return plans


@pytest.fixture(scope="module")
def pair(
    pg_server: PgServer, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Library, Library]]:
    """(SQLite, PostgreSQL) libraries holding the same plans, made once for the module."""
    url = pg_server.create_database(template=pg_template)
    plans = corpus()
    with Library.open(tmp_path_factory.mktemp("pair") / "lib.sqlite3") as lite, Library.open(url) as pg:
        for plan, digest in plans:
            assert lite.add_plan(plan, content_hash=digest) == pg.add_plan(plan, content_hash=digest)
        pg.optimize_index()
        yield lite, pg
    pg_server.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


@pytest.fixture
def pg(pg_url: str) -> Iterator[Library]:
    with Library.open(pg_url) as lib:
        yield lib


def stats(library: Library) -> tuple[tuple[int, int], tuple[int, int]]:
    """(kept in section_search_stats, counted over section_search): (sections, tokens) each; and
    every indexed section has its body row, and no other section."""
    with library.engine.connect() as conn:
        kept = conn.execute(text("SELECT sum(sections), sum(tokens) FROM section_search_stats")).one()
        counted = conn.execute(text("SELECT count(*), sum(tokens) FROM section_search")).one()
        unpaired = conn.execute(
            text(
                "SELECT count(*) FROM section_search ss"
                " FULL JOIN section_search_body b ON b.section_id = ss.section_id"
                " WHERE ss.section_id IS NULL OR b.section_id IS NULL"
            )
        ).scalar()
    assert unpaired == 0
    return (int(kept[0] or 0), int(kept[1] or 0)), (int(counted[0]), int(counted[1] or 0))


# -- sequence strings, grams, phrases (no server needed) -------------------------------------------


def test_sequence_strings() -> None:
    assert sequence("数据共享") == ("数据共享", 4)
    assert sequence("5G网络，IPv6。") == (f"{OPEN}5g{CLOSE}网络{BREAK}{OPEN}ipv6{CLOSE}", 5)
    assert sequence("") == ("", 0) and sequence("。，") == ("", 0)


def test_grams_never_cross_a_break() -> None:
    found = grams(sequence("数据，据此")[0])
    assert found == ["数", "数据", "据", "据此", "此"]
    assert "据据" not in found and "数据据" not in found
    assert f"{OPEN}5g{CLOSE}网" in grams(sequence("5G网")[0])


def test_phrases() -> None:
    short = Phrase.of("政务云")
    assert short is not None and short.exact and short.grams == ("政务云",)
    long = Phrase.of("政务服务平台")
    assert long is not None and not long.exact and long.grams == ("政务服", "务服务", "服务平", "务平台")
    broken = Phrase.of("政务，服务")
    assert broken is not None and not broken.exact and broken.needle == f"政务{BREAK}服务"
    assert broken.grams == ("政务", "服务")
    twice, once = Phrase.of("务务"), Phrase.of("政务")
    assert twice is not None and twice.overlaps and once is not None and not once.overlaps
    assert Phrase.of("。，") is None and search_pg.phrases("  ") == []


@settings(max_examples=300, deadline=None)
@given(
    body=st.text(alphabet="政务数据务，。 aB5", max_size=60),
    term=st.text(alphabet="政务数据aB5", min_size=1, max_size=3),
)
def test_repetition_bounds_every_short_phrase(body: str, term: str) -> None:
    """What ``_bounded`` relies on: a phrase occurs in the body at most ``repeats`` times, and at
    most once when its ``repeated`` bit is clear."""
    phrase = Phrase.of(term)
    if phrase is None or not phrase.exact:
        return
    seq, _ = sequence(body)
    count = sum(1 for run in runs(seq, phrase.run) if run == phrase.needle)  # overlapping, as FTS5
    most, bits = repetition(seq)
    bit = repeated_bit(phrase.needle)
    assert count <= most[phrase.run - 1]
    if not bits[bit // 8] & (1 << (bit % 8)):
        assert count <= 1


# -- the same as SQLite ------------------------------------------------------------------------------

QUERIES = [
    "政务", "数据", "信息化", "电子政务", "信息安全保障", "政务 云平台", "数据共享", "政", "的", "网",
    "务务", "务务务", "数据数", "政务政务", "ipv6", "IPV6", "5G", "5g基站", "政务，服务", "数据，据此",
    "尾部独有词语", "推进政务服务", "政务 政务", "规划 发展 建设", "无此词语", "ipv", '"政务"', "政务*",
]  # fmt: skip


@pytest.fixture(params=["chosen", "counted"])
def ranking(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Rank as search() chooses, and also with every body counted (the bounds then play no part)."""
    if request.param == "counted":
        monkeypatch.setattr(search_pg, "_bounded", search_pg._counted)
    return str(request.param)


@pytest.mark.parametrize("query", QUERIES)
def test_same_hits_ranks_and_snippets_as_sqlite(
    pair: tuple[Library, Library], query: str, ranking: str
) -> None:
    lite, pg = pair
    assert pg.hits(query) == lite.hits(query)
    assert pg.hit_count(query) == lite.hit_count(query)
    assert pg.search(query, limit=30) == lite.search(query, limit=30)  # ranks equal, not close


@pytest.mark.parametrize(
    ("region", "period"), [("云河市", None), (None, "十三五"), ("云河市", "十四五"), ("无此地", None)]
)
def test_filters_as_sqlite(
    pair: tuple[Library, Library], region: str | None, period: str | None, ranking: str
) -> None:
    lite, pg = pair
    for query in ("政务", "数据 共享", "城市运行管理"):
        assert pg.hits(query, region=region, period=period) == lite.hits(query, region=region, period=period)
        assert pg.hit_count(query, region=region, period=period) == lite.hit_count(
            query, region=region, period=period
        )
        # filtered or not, nHit and N come from the whole index, as in FTS5
        assert pg.search(query, region=region, period=period) == lite.search(
            query, region=region, period=period
        )


@pytest.mark.parametrize("limit", [1, 2, 7, 500])
def test_any_limit_as_sqlite(pair: tuple[Library, Library], limit: int, ranking: str) -> None:
    """The floor under the bounds is the limit-th best: at 1, and past the number of matches too."""
    lite, pg = pair
    for query in ("政务", "数据共享", "务务", "信息安全保障"):
        assert pg.search(query, limit=limit) == lite.search(query, limit=limit)


def test_overlapping_repeats_are_counted_as_fts5_counts_them(pair: tuple[Library, Library]) -> None:
    lite, pg = pair
    for query in ("务务", "数据数", "政务政务"):
        (hit,) = [h for h in pg.search(query, limit=50) if h.section_title == "重叠"]
        (same,) = [h for h in lite.search(query, limit=50) if h.section_title == "重叠"]
        assert hit.rank == same.rank


def test_a_long_section_is_found_and_ranked_past_tsvector_limits(pair: tuple[Library, Library]) -> None:
    lite, pg = pair
    (hit,) = pg.search("尾部独有词语")
    assert hit.section_title == "长文" and "【尾部独有词语】" in hit.snippet
    assert pg.search("推进政务服务") == lite.search("推进政务服务")


def test_one_and_two_character_terms_agree_with_brute_force(pair: tuple[Library, Library]) -> None:
    _, pg = pair
    terms = (
        {"网", "政", "据", "务", "〇"} | cjk_substrings(make_plan(), 2) | cjk_substrings(special_plan(), 2)
    )
    for term in sorted(terms):
        assert pg.hits(term) == brute_force(pg, term), term


def test_a_phrase_never_runs_across_punctuation(pair: tuple[Library, Library]) -> None:
    _, pg = pair
    for term in ("据据", "数据据此", "务务服", "政务务服"):
        assert pg.hits(term) == brute_force(pg, term) == [], term
    assert pg.hits("数据，据此") == brute_force(pg, "数据，据此") != []


def cjk_substrings(plan: Plan, n: int) -> set[str]:
    found: set[str] = set()
    for _, s in plan.walk():
        for source in (s.label, s.title, s.text[:2000]):
            found.update(
                source[i : i + n] for i in range(len(source) - n + 1) if all(map(is_cjk, source[i : i + n]))
            )
    return found


ALPHABET = "政务服数据共享信息化网络安全云平台建设发展规划推进务的和。，、 " + "ipv65gIPV"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.text(alphabet=ALPHABET, min_size=1, max_size=8))
def test_random_queries_as_sqlite_and_brute_force(pair: tuple[Library, Library], query: str) -> None:
    lite, pg = pair
    found = pg.hits(query)
    assert found == lite.hits(query)
    term = query.strip()
    if term and all(map(is_cjk, term)):
        assert found == brute_force(pg, term)
    assert pg.search(query, limit=5) == lite.search(query, limit=5)


def test_the_documented_difference_letter_variants(pg: Library, tmp_path: Path) -> None:
    """unicode61 folds ς to σ inside SQLite; here words stay as db.search.tokens wrote them."""
    plan = Plan(title="希腊字母", sections=[Section("一、", "变体", 1, text="写作ας的词")])
    with Library.open(tmp_path / "lib.sqlite3") as lite:
        lite.add_plan(plan, content_hash="greek")
        pg.add_plan(plan, content_hash="greek")
        assert len(lite.hits("ας")) == len(pg.hits("ας")) == 1
        assert len(lite.hits("ασ")) == 1 and pg.hits("ασ") == []


# -- writing ------------------------------------------------------------------------------------------


def test_deleting_a_plan_removes_its_rows_and_statistics(pg: Library) -> None:
    kept = pg.add_plan(make_plan(), content_hash="a")
    gone = pg.add_plan(make_plan(title="青石县“十四五”信息化规划", region="青石县"), content_hash="b")
    assert len(pg.hits("政务")) == 2 * len(pg.hits("政务", region="青石县")) > 0
    pg.delete_plan(gone)
    assert pg.hits("政务") == brute_force(pg, "政务") == pg.hits("政务", region="云河市") != []
    assert {h.plan_id for h in pg.search("政务", limit=100)} == {kept}
    kept_stats, counted = stats(pg)
    assert kept_stats == counted and counted[0] == len(list(make_plan().walk()))
    with pg.engine.connect() as conn:
        left = conn.execute(text("SELECT count(*) FROM section_search_stats WHERE plan_id = :p"), {"p": gone})
        assert left.scalar() == 0


def test_saving_a_draft_replaces_its_rows(pg: Library) -> None:
    draft_id = pg.create_draft(make_plan())
    draft = pg.get_plan(draft_id)
    assert pg.hits("城市运行管理")
    for _, section in draft.walk():
        section.text = section.text.replace("城市运行管理", "城市治理")
    draft.sections.append(Section("九、", "新增", 1, text="草稿里新写的独特词"))
    pg.save_draft(draft)
    assert pg.hits("城市运行管理") == []
    assert len(pg.hits("草稿里新写的独特词")) == 1
    kept, counted = stats(pg)
    assert kept == counted


def test_concurrent_writers_keep_the_statistics_exact(pg_url: str) -> None:
    libraries = [Library.open(pg_url) for _ in range(8)]
    barrier = threading.Barrier(len(libraries))
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            barrier.wait()
            for k in range(3):
                plan = make_plan(title=f"并发{i}-{k}", region=f"地区{i}")
                libraries[i].add_plan(plan, content_hash=f"{i}-{k}")
                libraries[i].search("政务")
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(libraries))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    kept, counted = stats(libraries[0])
    assert kept == counted and counted[0] == 24 * len(list(make_plan().walk()))
    per_plan = libraries[0].hit_count("政务", region="地区0") // 3
    assert per_plan > 0 and libraries[0].hit_count("政务") == 24 * per_plan
    for library in libraries:
        library.close()


# -- how the server answers -------------------------------------------------------------------------


def test_queries_go_through_the_gin_index(pair: tuple[Library, Library]) -> None:
    """Even for the commonest character, where the planner would rather scan every row's grams."""
    _, pg = pair
    sql = search_pg._Sql({})
    statement = (
        f"SELECT array_agg(ss.section_id ORDER BY ss.section_id) {sql.matching(search_pg.phrases('的'))}"
    )
    with pg.engine.connect() as conn, conn.begin():
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.execute(search_pg._GIN_ONLY)
        plan = "\n".join(r[0] for r in driver.execute("EXPLAIN " + statement, sql.params))
    assert search_pg.GIN_INDEX in plan and "Seq Scan" not in plan, plan


def test_rows_stay_short(pair: tuple[Library, Library]) -> None:
    """The grams go to TOAST even for a short section, so a hit list reads few pages."""
    _, pg = pair
    with pg.engine.connect() as conn:
        size, rows = conn.execute(
            text("SELECT pg_relation_size('section_search'), (SELECT count(*) FROM section_search)")
        ).one()
    assert size / rows < 400


def test_planner_settings_are_put_back(pg: Library) -> None:
    pg.add_plan(make_plan(), content_hash="a")
    with pg.engine.connect() as conn, conn.begin(), Session(bind=conn) as session:

        def now() -> list[str | None]:
            return [session.execute(text(f"SHOW {name}")).scalar() for name in search_pg._SETTINGS]

        before = now()
        assert search_pg.hits(session, "政务") and search_pg.search(session, "政务")
        assert now() == before


def test_user_input_is_never_sql(pg: Library) -> None:
    pg.add_plan(make_plan(), content_hash="a")
    for query in ("'; DROP TABLE section_search; --", "%s", "%(p0)s", "\\", "' OR 1=1 --", "政务'"):
        pg.hits(query)
        pg.search(query)
    assert pg.hits("政务")


# -- migration 0005 ----------------------------------------------------------------------------------


def test_upgrading_a_library_with_sections_indexes_them(pg_server: PgServer) -> None:
    url = pg_server.create_database()
    migrate.upgrade(url, "0004")
    engine = make_engine(url)
    with engine.begin() as conn:
        plan_id = conn.execute(
            text(
                "INSERT INTO plans (title, status, issuers, notice, preamble, closing, attachments, warnings,"
                " content_hash, imported_at, updated_at) VALUES ('旧库', 'plan', '[]', '', '', '', '[]', '[]',"
                " 'old', '2024-01-01', '2024-01-01') RETURNING id"
            )
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO sections (plan_id, position, ordinal, label, title, level, kind, text, path)"
                " VALUES (:p, 0, 0, '一、', '旧章节', 1, 'section', '升级前存入的政务内容', '一、')"
            ),
            {"p": plan_id},
        )
    engine.dispose()
    with Library.open(url) as library:  # upgrades to the head
        assert len(library.hits("升级前存入")) == 1
        assert library.search("旧章节")[0].section_title == "旧章节"
        kept, counted = stats(library)
        tokens = sequence("一、 旧章节")[1] + sequence("升级前存入的政务内容")[1]
        assert kept == counted == (1, tokens)
    engine = make_engine(url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0004")
        tables = conn.execute(
            text("SELECT to_regclass('section_search'), to_regclass('section_search_stats')")
        )
        assert tables.one() == (None, None)
    engine.dispose()


def test_sqlite_libraries_get_nothing_from_0005(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "section_fts" in names and "section_search" not in names
