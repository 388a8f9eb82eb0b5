"""An office on one shared library: N client processes import, search and save drafts at once for
a while, then the library is checked for anything lost.

    python bench/bench_team.py [--seconds 60] [--clients 20] [--drafts 4] [--url postgresql://…]

Each client is its own process (multiprocessing, spawn) with its own ``Library``, on loopback
against one PostgreSQL library (a private server from tests/pg_server.py, unless ``--url`` names
a database of yours, which gets new tables of its own: use an empty one). In a loop it picks at
random:

* import: a new plan (a variant of a seed plan, as bench/bench_library.py makes them, with a line
  of its own, so every import is new); timed: ``add_plan`` (parsing excluded);
* search: a 2- or 3-character term (政务, 物联网 …), ranked top 20 with snippets;
* save: one of a few shared drafts: read → write a marker into it → ``save_draft``; half the time
  after taking the draft's lock (``DraftLockedError``: someone else has it; counted, not an
  error). ``DraftConflictError`` is the intended conflict: counted, the draft re-read and saved
  again (up to 5 tries). Timed: ``save_draft``.

Every client records what it did: the content hash and id of each import, each successful save's
(draft, new version, marker). Afterwards the parent checks that nothing was lost: each import is
in the library under its hash with all its sections; search finds exactly the sections a LIKE scan
finds; per draft, the successful saves' versions are 1…n with none twice, each client's in the
order it made them, the stored version is n and the stored draft holds the marker of save n; no
error other than the intended conflicts (each printed).

Baseline, in the same run: the same workload, the same number of processes, on a SQLite library
file. The run takes about 2 × ``--seconds`` plus setup.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
for _p in (str(REPO), str(BENCH)):  # also importable from the tests (bench/ is not a package)
    if _p not in sys.path:
        sys.path.insert(0, _p)

from bench_library import TERMS, base_texts, variant  # noqa: E402
from sqlalchemy import or_, select  # noqa: E402
from timing import percentiles  # noqa: E402

from db.library import Library  # noqa: E402
from db.models import PlanRow, SectionRow  # noqa: E402
from planning.errors import DraftConflictError, DraftLockedError, PlanDeskError  # noqa: E402
from planning.ingest import content_hash  # noqa: E402
from planning.model import Plan  # noqa: E402
from planning.parse.plan_parser import parse_document  # noqa: E402
from planning.readers.blocks import Document, Paragraph  # noqa: E402

SEARCH_TERMS = TERMS[2] + TERMS[3]
WEIGHTS = {"import": 2, "search": 5, "save": 3}
SAVE_TRIES = 5
MARK = "保存标记："  # the preamble's last line: the marker of the save that wrote it
CHECK_TERMS = ["政务", "信息化"]


@dataclass(frozen=True, slots=True)
class Save:
    draft: int
    version: int
    marker: str
    locked: bool


@dataclass(slots=True)
class ClientLog:
    """What one client did, sent back to the parent."""

    client: int
    imports: list[tuple[str, int, int]] = field(default_factory=list)  # (content hash, plan id, sections)
    saves: list[Save] = field(default_factory=list)
    import_ms: list[float] = field(default_factory=list)
    search_ms: list[float] = field(default_factory=list)
    save_ms: list[float] = field(default_factory=list)
    conflicts: int = 0
    locked_out: int = 0
    gave_up: int = 0  # saves still conflicting after SAVE_TRIES
    errors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TeamReport:
    """The figures of one run and what the check found wrong (``problems``: empty when nothing was lost)."""

    store: str
    clients: int
    seconds: float
    logs: list[ClientLog]
    problems: list[str]

    def all(self, name: str) -> list[Any]:
        return [x for log in self.logs for x in getattr(log, name)]

    def total(self, name: str) -> int:
        return sum(getattr(log, name) for log in self.logs)

    @property
    def errors(self) -> list[str]:
        return [f"client {log.client}: {e}" for log in self.logs for e in log.errors]


# -- the client ---------------------------------------------------------------------------------


def new_plan(client: int, k: int, rng: random.Random, sources: list[str]) -> tuple[Plan, str]:
    body = f"{variant(rng.choice(sources), k, rng)}\n（客户端{client}第{k}份，{uuid.uuid4().hex}）"
    doc = Document(f"c{client}-{k}.txt", "text", [Paragraph(ln.strip()) for ln in body.splitlines() if ln.strip()])
    return parse_document(doc), content_hash(doc)


def marked(draft: Plan, marker: str) -> Plan:
    kept = [line for line in draft.preamble.split("\n") if not line.startswith(MARK)]
    draft.preamble = "\n".join([*kept, MARK + marker])
    return draft


def save_once(library: Library, log: ClientLog, draft_id: int, marker: str, locked: bool) -> None:
    """Read → mark → save; on a conflict re-read and save again."""
    for _ in range(SAVE_TRIES):
        draft = marked(library.get_plan(draft_id), marker)
        started = time.perf_counter()
        try:
            version = library.save_draft(draft)
        except DraftConflictError:
            log.conflicts += 1
            continue
        log.save_ms.append((time.perf_counter() - started) * 1000)
        log.saves.append(Save(draft_id, version, marker, locked))
        return
    log.gave_up += 1


def client(address: str, number: int, seconds: float, drafts: list[int], start: Any, results: Any) -> None:
    """One client process: the random loop, then its log on ``results``."""
    log = ClientLog(number)
    rng = random.Random(number)
    sources = base_texts()
    try:
        library = Library.open(address)
    except Exception as e:  # reported, not raised: the parent waits for every log
        log.errors.append(f"open: {e!r}")
        start.wait(timeout=300)
        results.put(log)
        return
    start.wait(timeout=300)
    ends = time.monotonic() + seconds
    k = 0
    while time.monotonic() < ends:
        k += 1
        op = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        try:
            if op == "import":
                plan, digest = new_plan(number, k, rng, sources)
                started = time.perf_counter()
                plan_id = library.add_plan(plan, content_hash=digest, source_format="text")
                log.import_ms.append((time.perf_counter() - started) * 1000)
                log.imports.append((digest, plan_id, sum(1 for _ in plan.walk())))
            elif op == "search":
                term = rng.choice(SEARCH_TERMS)
                started = time.perf_counter()
                library.search(term, limit=20)
                log.search_ms.append((time.perf_counter() - started) * 1000)
            else:
                draft_id = rng.choice(drafts)
                marker = f"{number}-{k}-{uuid.uuid4().hex[:8]}"
                if rng.random() < 0.5:
                    try:
                        lock = library.lock_draft(draft_id, holder=f"客户端{number}")
                    except DraftLockedError:
                        log.locked_out += 1
                        continue
                    with lock:
                        save_once(library, log, draft_id, marker, True)
                else:
                    save_once(library, log, draft_id, marker, False)
        except PlanDeskError as e:  # anything but the intended conflicts is an error the parent prints
            log.errors.append(f"{op}: {type(e).__name__}: {e}")
        except Exception as e:  # not even in plain words: where in our code it came from, too
            ours = [f for f in traceback.extract_tb(e.__traceback__) if f.filename.startswith(str(REPO))]
            where = " ← ".join(f"{Path(f.filename).relative_to(REPO)}:{f.lineno} {f.name}" for f in reversed(ours))
            log.errors.append(f"{op}: {type(e).__name__}: {str(e).splitlines()[0]} (at {where})")
    library.close()
    results.put(log)


# -- the parent ---------------------------------------------------------------------------------


def make_drafts(library: Library, n: int) -> list[int]:
    rng = random.Random(1)
    sources = base_texts()
    drafts = []
    for k in range(n):
        plan, _ = new_plan(-1, k, rng, sources)
        drafts.append(library.create_draft(plan))
    return drafts


def run_workload(address: str | Path, *, clients: int, seconds: float, drafts: int = 4) -> TeamReport:
    """Run the workload on the (empty) library at ``address`` and check it; the report's
    ``problems`` lists everything lost or wrong, errors included."""
    address = str(address)
    with Library.open(address) as library:
        draft_ids = make_drafts(library, drafts)
        draft_sections = {d: sum(1 for _ in library.get_plan(d).walk()) for d in draft_ids}
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(clients + 1)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=client, args=(address, n, seconds, draft_ids, start, results), daemon=True)
        for n in range(clients)
    ]
    for p in procs:
        p.start()
    start.wait(timeout=300)  # every client has opened the library: the clock starts now
    logs: list[ClientLog] = []
    problems: list[str] = []
    deadline = time.monotonic() + seconds + 300
    while len(logs) < clients and time.monotonic() < deadline:
        try:
            logs.append(results.get(timeout=5))
        except Exception:  # queue.Empty: is anyone still alive?
            if not any(p.is_alive() for p in procs):
                break
    for p in procs:
        p.join(timeout=30)
        if p.exitcode != 0:
            problems.append(f"client process {p.pid} ended with exit code {p.exitcode}")
    if len(logs) < clients:
        problems.append(f"only {len(logs)} of {clients} clients reported")
    logs.sort(key=lambda log: log.client)
    store = "PostgreSQL" if address.startswith("postgresql") else "SQLite"
    report = TeamReport(store, clients, seconds, logs, problems)
    with Library.open(address) as library:
        problems += check(library, report, draft_sections)
    problems += report.errors
    return report


def check(library: Library, report: TeamReport, draft_sections: dict[int, int]) -> list[str]:
    """What the library lost, compared with what the clients say they did."""
    problems: list[str] = []
    with library.engine.connect() as conn:
        by_hash = {digest: plan_id for digest, plan_id in conn.execute(select(PlanRow.content_hash, PlanRow.id))}
    sections = {p.id: p.sections for p in library.list_plans()}
    for digest, plan_id, count in report.all("imports"):
        if by_hash.get(digest) != plan_id:
            problems.append(f"import lost: {digest[:12]}… (id {plan_id}) is not in the library under its hash")
        elif sections.get(plan_id) != count:
            problems.append(f"import {plan_id} incomplete: {sections.get(plan_id)} of its {count} sections")
    for term in CHECK_TERMS:  # search rows: the index finds exactly what is there
        pattern = f"%{term}%"
        with library.engine.connect() as conn:
            scan = conn.execute(
                select(SectionRow.id)
                .where(or_(SectionRow.label.like(pattern), SectionRow.title.like(pattern), SectionRow.text.like(pattern)))
                .order_by(SectionRow.id)
            ).scalars().all()
        if library.hits(term) != list(scan):
            problems.append(f"search for {term} disagrees with a scan of the sections: search rows lost or stale")
    saves: dict[int, list[Save]] = defaultdict(list)
    for save in report.all("saves"):
        saves[save.draft].append(save)
    for draft_id, expected_sections in draft_sections.items():
        made = sorted(saves[draft_id], key=lambda s: s.version)
        versions = [s.version for s in made]
        if versions != list(range(1, len(made) + 1)):
            problems.append(f"draft {draft_id}: saved versions are not 1…{len(made)}: {versions}")
        stored = library.get_plan(draft_id)
        if stored.version != len(made):
            problems.append(f"draft {draft_id}: stored version {stored.version}, but {len(made)} saves succeeded")
        if made and not stored.preamble.endswith(MARK + made[-1].marker):
            problems.append(f"draft {draft_id}: the last save's marker {made[-1].marker} is not in the stored draft")
        if sum(1 for _ in stored.walk()) != expected_sections:
            problems.append(f"draft {draft_id}: sections lost")
    for log in report.logs:  # each client's saves of a draft got ever higher versions
        for draft_id in draft_sections:
            mine = [s.version for s in log.saves if s.draft == draft_id]
            if mine != sorted(mine):
                problems.append(f"client {log.client}, draft {draft_id}: versions out of order {mine}")
    return problems


# -- printing -----------------------------------------------------------------------------------


def ms(samples: list[float], *, with_max: bool = False) -> str:
    if not samples:
        return "–"
    p50, p95 = percentiles(samples)
    return f"{p50:.1f} / {p95:.1f}" + (f" / {max(samples):.0f}" if with_max else "")


def rows(r: TeamReport) -> dict[str, str]:
    saves = r.all("saves")
    ops = len(r.all("imports")) + len(r.all("search_ms")) + len(saves)
    return {
        "imports": f"{len(r.all('imports'))}",
        "searches": f"{len(r.all('search_ms'))}",
        "saves (with lock / without)": f"{len(saves)} ({sum(s.locked for s in saves)} / "
        f"{sum(not s.locked for s in saves)})",
        "conflicts (refused, re-read)": f"{r.total('conflicts')}",
        "saves given up after 5 conflicts": f"{r.total('gave_up')}",
        "draft locked by another": f"{r.total('locked_out')}",
        "errors": f"{len(r.errors)}",
        "operations per second": f"{ops / r.seconds:.1f}",
        "search p50 / p95 / max ms": ms(r.all("search_ms"), with_max=True),
        "import p50 / p95 ms": ms(r.all("import_ms")),
        "save p50 / p95 ms": ms(r.all("save_ms")),
        "nothing lost": "yes" if not r.problems else f"NO: {len(r.problems)} problems",
    }


def show(reports: list[TeamReport]) -> None:
    table = [rows(r) for r in reports]
    names = [f"{r.store}{' (baseline)' if r.store == 'SQLite' else ''}" for r in reports]
    print(f"{'':34}" + "".join(f"{n:>24}" for n in names))
    for key in table[0]:
        print(f"{key:34}" + "".join(f"{t[key]:>24}" for t in table))
    for r in reports:
        for problem, times in Counter(p.split(": ", 1)[-1] if p.startswith("client ") else p
                                      for p in r.problems).items():
            print(f"\n{r.store}: {times} × {problem}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--drafts", type=int, default=4, help="shared drafts the clients save")
    ap.add_argument("--url", help="a PostgreSQL library database of yours (default: a private server)")
    args = ap.parse_args()

    server = None
    url = args.url
    if url is None:
        from tests.pg_server import PgServer

        server = PgServer.start()
        url = server.create_database()
    try:
        with tempfile.TemporaryDirectory(prefix="bench_team_") as tmp:
            print(f"{args.clients} client processes × {args.seconds:g} s, {args.drafts} shared drafts, "
                  f"{os.cpu_count()} CPUs; weights {WEIGHTS}")
            reports = []
            for address in (url, Path(tmp) / "team.sqlite3"):
                started = time.perf_counter()
                reports.append(run_workload(address, clients=args.clients, seconds=args.seconds, drafts=args.drafts))
                print(f"  {reports[-1].store}: {time.perf_counter() - started:.0f} s with setup and check")
            print()
            show(reports)
    finally:
        if server is not None:
            server.cleanup()


if __name__ == "__main__":
    main()
