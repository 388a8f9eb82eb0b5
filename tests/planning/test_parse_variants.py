"""The same seed plan saved as GB18030 text with CRLF, as .docx (styled and unstyled) and as a saved
web page gives the same structure as the original text file. Variants are written at test time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planning.ingest import parse_file
from planning.model import Plan
from tests.conftest import seed_path
from tests.planning.variants import write_docx, write_gb18030_crlf, write_html

SEEDS = ["000", "001", "002", "003", "004"]


def structure(plan: Plan) -> dict[str, Any]:
    return {
        "title": plan.title,
        "region": plan.region and plan.region.to_dict(),
        "period": plan.period and plan.period.to_dict(),
        "doc_number": plan.doc_number,
        "date": plan.date,
        "issuers": plan.issuers,
        "sections": [("/".join(path), s.title, s.kind) for path, s in plan.walk()],
        "indicators": [(i.name, i.base.value, i.target.value, i.attribute)
                       for t in plan.indicator_tables for i in t.indicators()],
        "projects": [(p.group, p.name) for p in plan.projects],
        "glossary": [g.term for g in plan.glossary],
    }


def seed_lines(number: str) -> list[str]:
    text = seed_path(number).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def heading_levels(lines: list[str], plan: Plan) -> dict[int, int]:
    """Which lines are headings, at which level, as the text parse found them (for the styled .docx)."""
    wanted = {s.label + s.title: s.level for _, s in plan.walk() if s.kind == "section"}
    return {i: wanted[line] for i, line in enumerate(lines) if line in wanted}


@pytest.fixture(scope="module")
def originals() -> dict[str, Plan]:
    return {n: parse_file(seed_path(n))[0] for n in SEEDS}


@pytest.mark.parametrize("number", SEEDS)
@pytest.mark.parametrize("variant", ["gb18030_crlf", "docx_unstyled", "docx_styled", "html"])
def test_variant_gives_the_same_structure(tmp_path: Path, originals: dict[str, Plan], number: str,
                                          variant: str) -> None:
    lines = seed_lines(number)
    original = originals[number]
    if variant == "gb18030_crlf":
        path = write_gb18030_crlf(lines, tmp_path / "plan.txt")
    elif variant == "docx_unstyled":
        path = write_docx(lines, tmp_path / "plan.docx", styled=False)
    elif variant == "docx_styled":
        path = write_docx(lines, tmp_path / "plan.docx", styled=True,
                          heading_levels=heading_levels(lines, original))
    else:
        path = write_html(lines, tmp_path / "plan.html", title=original.title)
    plan, _ = parse_file(path)
    assert structure(plan) == structure(original)
