"""A library of N plans (default 1,000): import time, size on disk, index build, search latency.

    python bench/bench_library.py [--plans 1000] [--repeat 20]

Plans are variants of the seed plans in ../shared/seeds (region names and years changed, a unique
line added), made at run time; without the seeds, variants of the bundled sample plan. Search is
timed through the Library (hit list; ranked top 20 with snippets) beside the baseline: a plain
LIKE '%term%' scan of the same section text, in the same run and the same file. Hit counts are
compared with the scan, so a scheme that silently misses short terms shows here.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from timing import percentiles  # noqa: E402

from db.library import Library  # noqa: E402
from db.search.index import FTS_TABLE, add_sections  # noqa: E402
from planning.ingest import content_hash  # noqa: E402
from planning.parse.plan_parser import parse_document  # noqa: E402
from planning.paths import resource_path  # noqa: E402
from planning.readers.blocks import Document, Paragraph  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
REGIONS = ["江西", "吉林", "江苏", "湖南", "湖北", "安徽", "河南", "山东", "浙江", "福建", "广东", "四川"]
TERMS = {
    2: ["政务", "网络", "产业", "安全", "数据"],
    3: ["物联网", "云计算", "大数据", "信息化", "电子商"],
    6: ["电子政务网络", "信息安全保障", "两化融合示范", "公共服务平台", "信息基础设施"],
}


def base_texts() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        files = [resource_path("sample", "qinghe_14th_plan.txt")]
    return [f.read_text(encoding="utf-8") for f in files]


def variant(source: str, k: int, rng: random.Random) -> str:
    region = rng.choice(REGIONS)
    out = source
    for name in REGIONS:
        out = out.replace(name, region)
    shift = 5 * (k % 4)
    for year in range(2005, 2021):
        out = out.replace(f"{year}年", f"{year + shift}年")
    return f"{out}\n（第{k}号变体）"




def file_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def compact(path: Path, *, vacuum: bool) -> None:
    """Fold the WAL into the file (and optionally VACUUM) so that the size on disk is honest."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if vacuum:
            conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=20, help="queries per term")
    args = ap.parse_args()
    rng = random.Random(7)
    sources = base_texts()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        library = Library.open(path)
        raw_bytes = 0
        parse_ms: list[float] = []
        store_ms: list[float] = []
        t_all = time.perf_counter()
        for k in range(args.plans):
            body = variant(sources[k % len(sources)], k, rng)
            raw_bytes += len(body.encode("utf-8"))
            t = time.perf_counter()
            doc = Document(f"v{k}.txt", "text", [Paragraph(ln.strip()) for ln in body.splitlines() if ln.strip()])
            plan = parse_document(doc)
            t2 = time.perf_counter()
            library.add_plan(plan, content_hash=content_hash(doc), source_path=None, source_format="text")
            parse_ms.append((t2 - t) * 1000)
            store_ms.append((time.perf_counter() - t2) * 1000)
        import_s = time.perf_counter() - t_all
        t = time.perf_counter()
        library.optimize_index()  # as `import_paths` does after a batch
        optimize_s = time.perf_counter() - t

        engine = library._engine  # the benchmark looks under the hood to time the index alone
        compact(path, vacuum=False)
        size_incremental = file_bytes(path)
        with engine.begin() as conn:
            sections = [dict(r._mapping) for r in conn.execute(text("SELECT id, label, title, text FROM sections"))]
        t = time.perf_counter()
        with Session(engine) as s, s.begin():
            s.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')"))
            add_sections(s, sections)
        index_s = time.perf_counter() - t
        library.optimize_index()
        compact(path, vacuum=True)
        size_rebuilt = file_bytes(path)

        print(f"plans: {args.plans}   sections: {len(sections)}   raw text: {raw_bytes / 1e6:.1f} MB (UTF-8)")
        p50, p95 = percentiles(parse_ms)
        s50, s95 = percentiles(store_ms)
        print(f"import: {import_s:.1f} s total; per plan parse {p50:.2f}/{p95:.2f} ms, "
              f"store+index {s50:.2f}/{s95:.2f} ms (p50/p95)")
        print(f"index optimize after the batch: {optimize_s:.2f} s; "
              f"index rebuild from scratch (all sections, one transaction): {index_s:.2f} s")
        print(f"library on disk: {size_incremental / 1e6:.1f} MB after one-by-one imports "
              f"({size_incremental / raw_bytes:.2f}x raw text); {size_rebuilt / 1e6:.1f} MB after index rebuild "
              f"and VACUUM ({size_rebuilt / raw_bytes:.2f}x)")
        print()
        print(f"{'term':14} {'hits':>6} {'LIKE':>6}   {'hit list p50/p95 ms':>20} {'top20+snippets p50/p95':>24}"
              f" {'BASELINE LIKE p50/p95':>22}")
        like = text("SELECT id FROM sections WHERE title LIKE :p OR text LIKE :p")
        for length, terms in TERMS.items():
            agg_hits: list[float] = []
            agg_top: list[float] = []
            agg_like: list[float] = []
            for term in terms:
                hit_t, top_t, like_t = [], [], []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    ids = library.hits(term)
                    hit_t.append((time.perf_counter() - t) * 1000)
                    t = time.perf_counter()
                    library.search(term, limit=20)
                    top_t.append((time.perf_counter() - t) * 1000)
                    t = time.perf_counter()
                    with engine.connect() as conn:
                        like_ids = [r[0] for r in conn.execute(like, {"p": f"%{term}%"})]
                    like_t.append((time.perf_counter() - t) * 1000)
                agg_hits += hit_t
                agg_top += top_t
                agg_like += like_t
                h = percentiles(hit_t)
                tp = percentiles(top_t)
                lk = percentiles(like_t)
                flag = "" if len(ids) == len(like_ids) else "  ← differs"
                print(f"{term:14} {len(ids):6} {len(like_ids):6}   {h[0]:9.2f}/{h[1]:<9.2f} {tp[0]:11.2f}/{tp[1]:<11.2f}"
                      f" {lk[0]:10.2f}/{lk[1]:<10.2f}{flag}")
            h, tp, lk = percentiles(agg_hits), percentiles(agg_top), percentiles(agg_like)
            print(f"{'all ' + str(length) + '-char':14} {'':6} {'':6}   {h[0]:9.2f}/{h[1]:<9.2f} "
                  f"{tp[0]:11.2f}/{tp[1]:<11.2f} {lk[0]:10.2f}/{lk[1]:<10.2f}")
        library.close()


if __name__ == "__main__":
    main()
