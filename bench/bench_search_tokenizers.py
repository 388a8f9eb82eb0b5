"""Chinese full-text search: four ways to index the same sections, measured side by side.

    python bench/bench_search_tokenizers.py [--plans 1000] [--terms 12] [--seed 7]

Schemes, each built in its own SQLite file:
  unigram  FTS5 (unicode61) over one token per CJK character; a term is the phrase of its characters
  bigram   FTS5 (unicode61) over db/tokens.py's overlapping bigrams: what the library uses
  trigram  FTS5's trigram tokenizer over the raw text; a term is a phrase
  like     no index: SELECT … WHERE body LIKE '%term%' over a plain text table (the baseline)

The text: when ../shared/seeds exists next to the repository, its files are read at run time, cut
into sections and repeated with small random mutations until there are N plans; otherwise
synthetic text is generated. Prints build time, size against the raw UTF-8 text, p50/p95 query
latency for 2-, 3- and 6-character terms (hit list, and ranked top 20), and hit counts, which
must agree with LIKE (trigram cannot find 2-character terms at all). A measurement, not a test.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from db.search.fts5 import fts_query  # noqa: E402
from db.search.tokens import CJK_CLASS, fold, index_text  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
TERM_LENGTHS = (2, 3, 6)
_CJK = re.compile(f"[{CJK_CLASS}]")
_PIECE = re.compile(rf"([{CJK_CLASS}])|([^\W_{CJK_CLASS}]+)")
_RUN = re.compile(rf"([{CJK_CLASS}]+)|([^\W_{CJK_CLASS}]+)")
_ALL_CJK = re.compile(f"[{CJK_CLASS}]+")

# -- the text ------------------------------------------------------------------------------------

# Our own vocabulary for synthetic plans (used when no seed files are around).
WORDS = (
    "信息化 电子政务 政务服务 数据共享 网络安全 基础设施 数字经济 智慧城市 云计算 大数据 物联网 "
    "人工智能 宽带网络 移动互联网 公共服务 社会治理 产业发展 融合应用 信息资源 开发利用 统筹规划 "
    "集约建设 互联互通 业务协同 一网通办 就近办理 平台建设 标准规范 安全保障 体制机制 人才队伍 "
    "资金投入 示范工程 重点项目 企业 园区 农村 医疗 教育 交通 社保 就业 文化 旅游 环保 应急 "
    "推进 加快 完善 提升 建立 健全 深化 推广 实施 加强 创新 转型 升级 覆盖 全面 显著 有序 "
    "全省 全市 各级 部门 政府 群众 城乡 区域 骨干 节点 中心 系统 工程 体系 能力 水平"
).split()


def synthetic_plan(rnd: random.Random) -> list[str]:
    sections = []
    for _ in range(rnd.randint(150, 250)):
        sentences = []
        for _ in range(rnd.randint(2, 5)):
            sentence = "".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 12)))
            sentences.append(sentence + rnd.choice("，；。。"))
        sections.append("".join(sentences))
    return sections


def seed_sections() -> list[list[str]]:
    """Each seed file cut into sections of about 300 characters at sentence ends."""
    plans = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        sentences = re.split(r"(?<=[。；！？\n])", text)
        sections, current = [], ""
        for sentence in sentences:
            current += sentence.strip()
            if len(current) >= 300:
                sections.append(current)
                current = ""
        if current:
            sections.append(current)
        if sections:
            plans.append(sections)
    return plans


def mutate(sections: list[str], rnd: random.Random, alphabet: str) -> list[str]:
    """A variant: a few sections swapped, and about 1 % of the characters replaced."""
    out = []
    for s in sections:
        chars = list(s)
        for _ in range(max(1, len(chars) // 100)):
            i = rnd.randrange(len(chars))
            if _CJK.match(chars[i]):
                chars[i] = rnd.choice(alphabet)
        out.append("".join(chars))
    for _ in range(len(out) // 20):
        i, j = rnd.randrange(len(out)), rnd.randrange(len(out))
        out[i], out[j] = out[j], out[i]
    return out


def corpus(n_plans: int, rnd: random.Random) -> tuple[list[str], str]:
    """All section texts (rowid = index + 1), and where they came from."""
    seeds = seed_sections() if SEEDS.is_dir() else []
    if not seeds:
        return [s for _ in range(n_plans) for s in synthetic_plan(rnd)], "synthetic text"
    alphabet = "".join(sorted({c for plan in seeds for s in plan for c in s if _CJK.match(c)}))
    texts: list[str] = []
    for i in range(n_plans):
        base = seeds[i % len(seeds)]
        texts.extend(base if i < len(seeds) else mutate(base, rnd, alphabet))
    return texts, f"{len(seeds)} seed files from {SEEDS}, mutated"


def pick_terms(texts: list[str], length: int, count: int, rnd: random.Random) -> list[str]:
    """Terms that occur in the text: all-CJK substrings at random places, no repeats."""
    terms: list[str] = []
    if length == 2 and any("政务" in t for t in texts[:2000]):
        terms.append("政务")  # the showcase: trigram cannot find it
    tries = 0
    while len(terms) < count and tries < 100_000:
        tries += 1
        text = texts[rnd.randrange(len(texts))]
        if len(text) <= length:
            continue
        i = rnd.randrange(len(text) - length)
        term = text[i : i + length]
        if _ALL_CJK.fullmatch(term) and term not in terms:
            terms.append(term)
    return terms


# -- the schemes ---------------------------------------------------------------------------------


def unigram_text(text: str) -> str:
    return " ".join(m.group(1) or m.group(2).lower() for m in _PIECE.finditer(fold(text)))


def unigram_query(term: str) -> str:
    return '"' + unigram_text(term).replace('"', '""') + '"'


def bigram_text(text: str) -> str:
    """Overlapping bigrams plus each run's last character (数据共享 -> 数据 据共 共享 享)."""
    out = []
    for m in _RUN.finditer(fold(text)):
        run = m.group(1)
        if run:
            out.append(run if len(run) == 1 else " ".join(a + b for a, b in zip(run, run[1:], strict=False)) + " " + run[-1])
        else:
            out.append(m.group(2).lower())
    return " ".join(out)


def bigram_query(term: str) -> str | None:
    runs = [m.group(1) or m.group(2).lower() for m in _RUN.finditer(fold(term))]
    if not runs:
        return None
    tokens: list[str] = []
    for i, run in enumerate(runs):
        if len(run) == 1 or not ("\u4e00" <= run[0] <= "\u9fff"):
            tokens.append(run)
        elif i < len(runs) - 1:
            tokens.extend(bigram_text(run).split(" "))
        else:
            tokens.extend(a + b for a, b in zip(run, run[1:], strict=False))
    return " + ".join('"' + t + '"' for t in tokens)


def trigram_query(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


@dataclass
class Scheme:
    name: str
    create: str
    insert: str
    to_index: Callable[[str], str]
    hits_sql: str
    top_sql: str
    to_query: Callable[[str], str | None]
    path: Path = field(default_factory=Path)
    build_seconds: float = 0.0


def schemes() -> list[Scheme]:
    fts_hits = "SELECT rowid FROM t WHERE t MATCH ?"
    fts_top = "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 20"
    fts_insert = "INSERT INTO t(rowid, body) VALUES (?, ?)"
    unicode61 = "tokenize='unicode61 remove_diacritics 0'"
    return [
        Scheme(
            "unigram",
            f"CREATE VIRTUAL TABLE t USING fts5(body, content='', {unicode61})",
            fts_insert,
            unigram_text,
            fts_hits,
            fts_top,
            unigram_query,
        ),
        Scheme(
            "bigram",
            f"CREATE VIRTUAL TABLE t USING fts5(body, content='', {unicode61})",
            fts_insert,
            bigram_text,
            fts_hits,
            fts_top,
            bigram_query,
        ),
        Scheme(
            "ours:char+brk",  # db/tokens.py, as the library uses it
            f"CREATE VIRTUAL TABLE t USING fts5(body, content='', {unicode61})",
            fts_insert,
            index_text,
            fts_hits,
            fts_top,
            fts_query,
        ),
        Scheme(
            "trigram",
            "CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize='trigram')",
            fts_insert,
            str,
            fts_hits,
            fts_top,
            trigram_query,
        ),
        Scheme(
            "like",
            "CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
            "INSERT INTO t(id, body) VALUES (?, ?)",
            str,
            "SELECT id FROM t WHERE body LIKE ?",
            "SELECT id FROM t WHERE body LIKE ? LIMIT 20",  # no ranking without an index
            lambda term: f"%{term}%",
        ),
    ]


def build(scheme: Scheme, texts: list[str], folder: Path) -> None:
    scheme.path = folder / f"{scheme.name}.sqlite3"
    conn = sqlite3.connect(scheme.path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    started = time.perf_counter()
    conn.execute(scheme.create)
    conn.execute("BEGIN")
    rows: Iterator[tuple[int, str]] = ((i, scheme.to_index(t)) for i, t in enumerate(texts, 1))
    conn.executemany(scheme.insert, rows)
    conn.execute("COMMIT")
    scheme.build_seconds = time.perf_counter() - started
    conn.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def timed(conn: sqlite3.Connection, sql: str, arg: str, repeats: int) -> tuple[list[float], list[int]]:
    times, result = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        result = [r[0] for r in conn.execute(sql, (arg,))]
        times.append((time.perf_counter() - started) * 1000)
    return times, result


# -- main ----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=1000, help="number of plans (default 1000)")
    parser.add_argument("--terms", type=int, default=12, help="query terms per length (default 12)")
    parser.add_argument("--seed", type=int, default=7, help="random seed")
    args = parser.parse_args()
    rnd = random.Random(args.seed)

    texts, origin = corpus(args.plans, rnd)
    raw_bytes = sum(len(t.encode("utf-8")) for t in texts)
    print(f"SQLite {sqlite3.sqlite_version}; {args.plans} plans from {origin}")
    print(f"{len(texts):,} sections, {sum(map(len, texts)):,} characters, {raw_bytes / 1e6:.1f} MB UTF-8\n")
    terms = {n: pick_terms(texts, n, args.terms, rnd) for n in TERM_LENGTHS}

    with tempfile.TemporaryDirectory(prefix="bench_search_") as tmp:
        all_schemes = schemes()
        print(f"{'scheme':8} {'build s':>8} {'size MB':>8} {'x raw':>6}")
        for scheme in all_schemes:
            build(scheme, texts, Path(tmp))
            size = scheme.path.stat().st_size
            print(f"{scheme.name:8} {scheme.build_seconds:8.1f} {size / 1e6:8.1f} {size / raw_bytes:6.2f}")

        counts: dict[tuple[str, str], int | None] = {}
        print("\nlatency in ms, p50 / p95 over the terms (FTS: 3 runs each after a warm-up; like: 1 run,")
        print("its top20 = the first 20 rows found, unranked)")
        print(
            f"{'scheme':8} "
            + " ".join(f"{f'{n} chars hits':>17} {f'{n} chars top20':>17}" for n in TERM_LENGTHS)
        )
        for scheme in all_schemes:
            conn = sqlite3.connect(scheme.path)
            repeats = 1 if scheme.name == "like" else 3
            cells = []
            for n in TERM_LENGTHS:
                hit_times: list[float] = []
                top_times: list[float] = []
                for term in terms[n]:
                    query = scheme.to_query(term)
                    if query is None:
                        counts[scheme.name, term] = None
                        continue
                    if repeats > 1:
                        conn.execute(scheme.hits_sql, (query,)).fetchall()  # warm-up
                    times, found = timed(conn, scheme.hits_sql, query, repeats)
                    hit_times += times
                    counts[scheme.name, term] = len(found)
                    top_times += timed(conn, scheme.top_sql, query, repeats)[0]
                for values in (hit_times, top_times):
                    p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
                    cells.append(f"{p50:8.2f} /{p95:7.2f}")
            conn.close()
            print(f"{scheme.name:8} " + " ".join(f"{c:>17}" for c in cells))

        print("\nsections found per term (like = the truth)")
        names = [s.name for s in all_schemes]
        print(f"{'term':14} " + " ".join(f"{name:>8}" for name in names))
        for n in TERM_LENGTHS:
            for term in terms[n][:4]:
                row = [counts.get((name, term)) for name in names]
                print(f"{term:{14 - len(term)}} " + " ".join(f"{'-' if c is None else c:>8}" for c in row))
        print("\nterms on which each scheme agrees with like:")
        for name in names[:-1]:
            agree = {
                n: sum(counts.get((name, t)) == counts[("like", t)] for t in terms[n]) for n in TERM_LENGTHS
            }
            print(f"  {name:8} " + "  ".join(f"{n} chars {agree[n]}/{len(terms[n])}" for n in TERM_LENGTHS))

    demo_trigram_like(texts[:300], terms[2][:3])


def demo_trigram_like(texts: list[str], terms: list[str]) -> None:
    """LIKE on a trigram-indexed column: SQLite 3.40 answers 2-character patterns with no rows."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE tri USING fts5(body, tokenize='trigram')")
    conn.execute("CREATE TABLE plain (body TEXT)")
    conn.executemany("INSERT INTO tri(body) VALUES (?)", ((t,) for t in texts))
    conn.executemany("INSERT INTO plain(body) VALUES (?)", ((t,) for t in texts))
    print(
        f"\nLIKE on a trigram-indexed column, first {len(texts)} sections (SQLite {sqlite3.sqlite_version}):"
    )
    for term in terms:
        on_tri = conn.execute("SELECT count(*) FROM tri WHERE body LIKE ?", (f"%{term}%",)).fetchone()[0]
        on_plain = conn.execute("SELECT count(*) FROM plain WHERE body LIKE ?", (f"%{term}%",)).fetchone()[0]
        print(f"  {term}: trigram column {on_tri} rows, plain column {on_plain} rows")


if __name__ == "__main__":
    main()
