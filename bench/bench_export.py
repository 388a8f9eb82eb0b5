"""Export speed: seed 001 (≈100 KB, a 41-row indicator table, 13 boxes) to .docx, beside a plain
python-docx dump of the same paragraphs and table with no styling, measured in the same run.

    python bench/bench_export.py [--runs 30] [--pdf]

Prints median and p95 milliseconds for the plain dump (the baseline: python-docx's public API,
whose add_paragraph walks the body each call), a bare-element dump of the same content (no styles),
and the GB/T 9704 export (build + save, TOC page numbers estimated: paginate=False), their ratios,
and with --pdf, timed separately, the TOC pagination (a LibreOffice render read back with
pdftotext, then a second save) and the LibreOffice conversion to PDF.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import docx  # noqa: E402
from timing import timed  # noqa: E402

from planning.export import export_plan  # noqa: E402
from planning.export.pdf import convert_to_pdf, find_soffice  # noqa: E402
from planning.export.tables import indicator_rows  # noqa: E402
from planning.ingest import parse_file  # noqa: E402
from planning.model import Plan  # noqa: E402
from planning.paths import resource_path  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"


def load_plan() -> Plan:
    """Seed 001 when ../shared/seeds is there; else the bundled sample plan."""
    found = sorted(SEEDS.glob("001_*.txt")) if SEEDS.is_dir() else []
    path = found[0] if found else sorted(resource_path("sample").glob("*.txt"))[0]
    print(f"plan: {path.name}")
    return parse_file(path)[0]


def plain_dump(plan: Plan) -> None:
    """The baseline: the same paragraphs and tables, python-docx defaults, no styling at all."""
    document = docx.Document()
    document.add_paragraph(plan.title)
    for line in plan.notice.split("\n") + plan.preamble.split("\n"):
        document.add_paragraph(line)
    for _, section in plan.walk():
        document.add_paragraph(f"{section.label}{section.title}")
        for line in section.text.split("\n"):
            document.add_paragraph(line)
    for table in plan.indicator_tables:
        header, rows = indicator_rows(table)
        grid = document.add_table(rows=1 + len(rows), cols=len(header))
        for r, cells in enumerate([tuple(header), *(row.cells for row in rows)]):
            for c, text in enumerate(cells[: len(header)]):
                grid.cell(r, c).text = text
    document.save(io.BytesIO())


def lean_dump(plan: Plan) -> None:
    """A second baseline without python-docx's per-call overhead: the same paragraphs and table as
    bare w:p / w:tbl elements appended to the body (no styles, no properties)."""
    from planning.export.ooxml import append_run, make

    document = docx.Document()
    sect = document.element.body[-1]

    def para(text: str, parent: object = None) -> None:
        p = make("p")
        append_run(p, text)
        (sect.addprevious if parent is None else parent.append)(p)  # type: ignore[attr-defined]

    para(plan.title)
    for line in plan.notice.split("\n") + plan.preamble.split("\n"):
        para(line)
    for _, section in plan.walk():
        para(f"{section.label}{section.title}")
        for line in section.text.split("\n"):
            para(line)
    for table in plan.indicator_tables:
        header, rows = indicator_rows(table)
        tbl = make("tbl")
        for cells in [tuple(header), *(row.cells for row in rows)]:
            tr = make("tr")
            for text in cells:
                tc = make("tc")
                para(text, tc)
                tr.append(tc)
            tbl.append(tr)
        sect.addprevious(tbl)
    document.save(io.BytesIO())



def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--pdf", action="store_true", help="also time the LibreOffice conversion")
    args = ap.parse_args()
    plan = load_plan()
    boxes = sum(1 for _, s in plan.walk() if s.kind == "box")
    rows = sum(1 for t in plan.indicator_tables for _ in t.indicators())
    print(f"{len(list(plan.walk()))} sections, {boxes} boxes, {rows} indicator rows")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan.docx"
        base50, base95 = timed(lambda: plain_dump(plan), args.runs)
        lean50, lean95 = timed(lambda: lean_dump(plan), args.runs)
        exp50, exp95 = timed(lambda: export_plan(plan, out, paginate=False), args.runs)
        print(f"{'plain python-docx dump (baseline)':38} median {base50:7.1f} ms   p95 {base95:7.1f} ms")
        print(f"{'bare-element dump, no styles':38} median {lean50:7.1f} ms   p95 {lean95:7.1f} ms")
        print(f"{'GB/T 9704 export (build + save)':38} median {exp50:7.1f} ms   p95 {exp95:7.1f} ms")
        print(f"{'ratio export / plain':38} {exp50 / base50:.2f}x   (goal: < 150 ms and < 3x)")
        print(f"{'ratio export / bare-element dump':38} {exp50 / lean50:.2f}x   (the cost of the formatting)")
        if args.pdf:
            if find_soffice() is None:
                print("LibreOffice not installed: no PDF timing")
                return
            for profile in ("gbt9704", "booklet"):
                result = export_plan(plan, out, profile=profile, paginate=True)
                label = f"TOC pagination, {profile} (LibreOffice)"
                print(f"{label:38} {result.pagination_seconds:7.2f} s   ({result.pages} pages; "
                      f"export in all {result.seconds:.2f} s{'; ' + result.warnings[0] if result.warnings else ''})")
            export_plan(plan, out, paginate=False)
            t = time.perf_counter()
            pdf = convert_to_pdf(out)
            print(f"{'LibreOffice .docx → PDF (cold start)':38} {time.perf_counter() - t:7.2f} s   ({pdf.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
