"""Import speed: one 100 KB plan (text and .docx), beside a plain python-docx dump in the same run.

    python bench/bench_import.py [--runs 30]

Prints median and p95 milliseconds for: reading + splitting a text plan, parsing it, parsing and
storing it in a library, reading a .docx with a plain python-docx paragraph dump (the baseline),
reading the same .docx with our reader, and a full .docx import.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import docx  # noqa: E402
from timing import percentiles, timed  # noqa: E402

from db.library import Library  # noqa: E402
from planning.ingest import content_hash  # noqa: E402
from planning.parse.plan_parser import parse_document  # noqa: E402
from planning.paths import resource_path  # noqa: E402
from planning.readers import read_document  # noqa: E402
from service.importer import import_file  # noqa: E402
from tests.planning.variants import write_docx  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"


def plan_text() -> str:
    """Seed 001 (≈100 KB) when ../shared/seeds is there; else the sample plan repeated to 100 KB."""
    found = sorted(SEEDS.glob("001_*.txt")) if SEEDS.is_dir() else []
    if found:
        return found[0].read_text(encoding="utf-8")
    sample = resource_path("sample", "qinghe_14th_plan.txt").read_text(encoding="utf-8")
    return sample * (100_000 // len(sample.encode("utf-8")) + 1)




def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    text = plan_text()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        txt = folder / "plan.txt"
        txt.write_text(text, encoding="utf-8")
        lines = [ln for ln in text.splitlines() if ln.strip()]
        docx_path = folder / "plan.docx"
        write_docx(lines, docx_path, styled=False)
        doc = read_document(txt)
        library = Library.open(folder / "bench.sqlite3")
        counter = iter(range(10**9))

        def store_text() -> None:
            # a unique first line each time, so the content hash never says "duplicate"
            unique = folder / f"p{next(counter)}.txt"
            unique.write_text(f"{text}\n第{next(counter)}稿", encoding="utf-8")
            assert import_file(library, unique).status == "imported"

        def store_docx() -> None:
            unique = folder / f"d{next(counter)}.docx"
            write_docx([*lines, f"第{next(counter)}稿"], unique, styled=False)
            t = time.perf_counter()
            outcome = import_file(library, unique)
            store_docx.last = (time.perf_counter() - t) * 1000  # type: ignore[attr-defined]
            assert outcome.status == "imported"

        rows = [
            ("read + split text (decode, lines)", timed(lambda: read_document(txt), args.runs)),
            ("parse (blocks → Plan)", timed(lambda: parse_document(doc), args.runs)),
            ("content hash", timed(lambda: content_hash(doc), args.runs)),
            ("import text plan (read, parse, store, index)", timed(store_text, args.runs)),
            (
                "BASELINE plain python-docx paragraph dump",
                timed(lambda: "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs), args.runs),
            ),
            (
                "our .docx reader (tables, boxes, numbering)",
                timed(lambda: read_document(docx_path), args.runs),
            ),
        ]
        docx_imports = []
        for _ in range(args.runs):
            store_docx()
            docx_imports.append(store_docx.last)  # type: ignore[attr-defined]
        rows.append(("import .docx plan (read, parse, store, index)", percentiles(docx_imports)))
        library.close()
    print(f"plan text: {len(text.encode('utf-8')) / 1024:.0f} KB, {len(lines)} lines, {args.runs} runs each")
    print(f"{'step':48} {'median ms':>10} {'p95 ms':>9}")
    for name, (median, p95) in rows:
        print(f"{name:48} {median:10.2f} {p95:9.2f}")


if __name__ == "__main__":
    main()
