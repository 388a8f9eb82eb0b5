"""DocxWriter: one method for all text, one for headings, so a subclass can change how text is emitted."""

from __future__ import annotations

from docx.text.paragraph import Paragraph

from planning.export import build_document
from planning.export.ooxml import make
from planning.export.writer import DocxWriter
from tests.planning.export.plans import linxi_plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class InsertingWriter(DocxWriter):
    """What the redline will do: every run becomes a tracked insertion."""

    roles: list[str] = []

    def add_text(self, paragraph: Paragraph, text: str, *, role: str) -> None:
        InsertingWriter.roles.append(role)
        ins = make("ins", id=len(InsertingWriter.roles), author="PlanDesk", date="2021-03-05T00:00:00Z")
        paragraph._p.append(ins)
        if text:
            from planning.export.ooxml import append_run

            append_run(ins, text)


def test_every_piece_of_text_goes_through_add_text() -> None:
    InsertingWriter.roles = []
    document = build_document(linxi_plan(), writer_class=InsertingWriter)
    body = document.element.body
    loose = [r for r in body.iter(f"{W}r") if r.find(f"{W}t") is not None
             and r.getparent().tag not in (f"{W}ins", f"{W}hyperlink")]
    assert loose == []  # no text bypassed the hook (TOC entries are generated from headings)
    assert {"title", "notice", "label", "heading", "body", "caption", "indicator.cell", "indicator.category",
            "project.cell", "box", "glossary.term", "attachment", "closing"} <= set(InsertingWriter.roles)


def test_headings_are_collected_for_the_toc_with_bookmarks() -> None:
    document = build_document(linxi_plan(), toc=False)
    writer = DocxWriter(document, __import__("planning.export.profiles", fromlist=["GBT9704"]).GBT9704)
    assert writer.headings == []
    names = [b.get(f"{W}name") for b in document.element.body.iter(f"{W}bookmarkStart")]
    assert len(names) == 7 and all(n.startswith("_Toc") for n in names)
