"""DocxWriter: walks a Plan and emits paragraphs and tables into a python-docx Document.

Every piece of text goes through one method, `add_text(paragraph, text, role=…)`, and every
heading through `add_heading(...)`, so a subclass can emit tracked insertions and deletions (the
redline) or anything else without touching the layout. Formatting lives in named styles
(planning.export.styles); the writer only chooses a style per paragraph.
"""

from __future__ import annotations

import math
import unicodedata
from copy import deepcopy
from dataclasses import dataclass

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from planning.export import ooxml
from planning.export import styles as st
from planning.export.notice import arabic_date, notice_lines
from planning.export.numbering import numbered, style_of
from planning.export.profiles import Profile
from planning.export.tables import Row, indicator_rows, project_rows, projects_in_sections
from planning.jobs import Progress
from planning.model import IndicatorTable, Plan, Section

HEADING_STYLE = {"part": st.HEADINGS[0], "cn": st.HEADINGS[0], "pcn": st.HEADINGS[1], "num": st.HEADINGS[2],
                 "pnum": st.HEADINGS[3], "circ": st.HEADINGS[3]}
_GLOSSARY_TITLE = ("名词解释", "术语解释", "名词术语", "术语表")
TOC_LEVELS = 3
TOC_PAGE_NUMBERS = "upperRoman"  # a booklet's 目录 pages: I, II …; its body starts again at 1


@dataclass(slots=True)
class Heading:
    """A heading as the table of contents lists it."""

    level: int
    text: str
    bookmark: str
    page: int  # estimated from the line count; a render (LibreOffice) can correct it


class DocxWriter:
    """Writes one plan into `document`, whose body is empty and whose styles are defined."""

    def __init__(self, document: WordDocument, profile: Profile, *, toc: bool = True,
                 style_ids: dict[str, str] | None = None) -> None:
        self.document = document
        self.profile = profile
        self.toc = toc
        self.headings: list[Heading] = []
        self._ids = style_ids or {}
        self._body = document.element.body
        self._sect = self._body.find(qn("w:sectPr"))
        self._parent = document._body  # python-docx's proxy parent for Paragraph objects
        self._break_before = False
        self._bookmarks = 0
        self._lines = 0.0  # lines used so far, for the TOC's estimated page numbers
        self._toc_anchor: etree._Element | None = None
        self._numbers: dict[int, tuple[str, int]] = {}  # id(section) → (generated label, depth)
        self.section_starts: list[int] = [1]  # estimated first page of each section

    # -- the two overridable hooks ------------------------------------------------------------
    def add_text(self, paragraph: Paragraph, text: str, *, role: str) -> None:
        """Add `text` to `paragraph` as a run. `role` names what the text is ("body", "label",
        "heading", "title", "indicator.base" …) for subclasses; the default ignores it."""
        if text:
            ooxml.append_run(paragraph._p, text)

    def add_heading(self, section: Section, label: str, depth: int) -> Paragraph:
        """A section's heading: its generated label, then its title, in the style of its numbering."""
        style = HEADING_STYLE.get(style_of(section, depth), st.HEADINGS[min(depth, 4) - 1])
        p = self.new_paragraph(style)
        if int(style[-1]) != depth:  # the outline follows the tree even where the numbering style does not
            ooxml.child(ooxml.ppr(p._p), "outlineLvl", val=min(depth, 9) - 1)
        self._bookmarks += 1
        bookmark = f"_Toc{self._bookmarks:06d}"
        ooxml.add_bookmark(p._p, self._bookmarks, bookmark)
        self.add_text(p, label, role="label")
        self.add_text(p, section.title, role="heading")
        if depth <= TOC_LEVELS:
            self.headings.append(Heading(depth, f"{label}{section.title}", bookmark, self.page))
        self._count(label + section.title)
        return p

    # -- building blocks ----------------------------------------------------------------------
    def style(self, style_id: str) -> str:
        return self._ids.get(style_id, style_id)

    def new_paragraph(self, style_id: str, container: etree._Element | None = None) -> Paragraph:
        p = ooxml.make("p")
        ppr = ooxml.make("pPr")
        p.append(ppr)
        ooxml.child(ppr, "pStyle", val=self.style(style_id))
        if container is None:
            if self._break_before:
                ooxml.child(ppr, "pageBreakBefore")
                self._break_before = False
                self._new_page()
            self._sect.addprevious(p)
        else:
            container.append(p)
        return Paragraph(p, self._parent)

    def paragraph(self, text: str, style_id: str, *, role: str, container: etree._Element | None = None) -> Paragraph:
        p = self.new_paragraph(style_id, container)
        self.add_text(p, text, role=role)
        if container is None:
            self._count(text)
        return p

    def page_break(self) -> None:
        """The next paragraph starts a new page."""
        self._break_before = True

    def section_break(self, *, numbers: str | None = None) -> etree._Element:
        """End the current section here (the next paragraph starts a new page and a new section)
        and return its w:sectPr: a copy of the page setup without headers or footers, which the
        exporter fills per section. `numbers` restarts the page numbers at 1 in that format
        ("decimal", "upperRoman" …) for the section that ends here."""
        sect = deepcopy(self._sect)
        ooxml.remove_children(sect, "headerReference", "footerReference", "titlePg", "pgNumType", "type")
        ooxml.child(sect, "type", val="nextPage")
        if numbers is not None:
            ooxml.child(sect, "pgNumType", fmt=numbers, start=1)
        p = self.new_paragraph(st.NORMAL)
        ooxml.insert_ordered(ooxml.ppr(p._p), sect)
        self._break_before = False
        self._lines += 1
        self._new_page()
        self.section_starts.append(self.page)
        return sect

    @property
    def page(self) -> int:
        return int(self._lines // self.profile.lines_per_page) + 1

    # -- the plan -----------------------------------------------------------------------------
    def write(self, plan: Plan, progress: Progress | None = None) -> None:
        self._front(plan)
        if progress is not None:
            progress(0.1, "正文 body")
        for line in text_lines(plan.preamble):
            self.paragraph(line, st.NORMAL, role="preamble")
        self._numbers = {id(s): (label, depth) for s, label, depth in numbered(plan)}
        placed = self._placements(plan)
        for table in [t for t in placed.get(None, []) if isinstance(t, IndicatorTable) and t.after == ""]:
            placed[None] = [t for t in placed[None] if t is not table]
            self._place(table, plan)  # it sat before the first heading
        self._sections(plan.sections, plan, placed)
        for table in placed.pop(None, []):
            self._place(table, plan)
        if progress is not None:
            progress(0.8, "附件 back matter")
        self._back_matter(plan)
        if self.toc and self._toc_anchor is not None:
            self._finish_toc()

    def _front(self, plan: Plan) -> None:
        if self.profile.cover:
            self._cover(plan)
            return
        self.paragraph(plan.title, st.TITLE, role="title")
        if plan.notice.strip():
            for style_id, text in notice_lines(plan):
                self.paragraph(text, style_id, role="notice")
        elif plan.doc_number or plan.date:  # metadata without a printed notice: under the title
            if plan.doc_number:
                self.paragraph(plan.doc_number, st.DOC_NUMBER, role="doc_number")
            if plan.date:
                self.paragraph(f"（{arabic_date(plan.date)}）", st.DOC_NUMBER, role="date")
        if self.toc:
            if plan.notice.strip():
                self.page_break()
            self._toc_placeholder()
        if plan.notice.strip() or self.toc:
            self.page_break()
            self.paragraph(plan.title, st.TITLE, role="title")

    def _cover(self, plan: Plan) -> None:
        for _ in range(4):
            self.paragraph("", st.COVER_TEXT, role="cover")
        self.paragraph(plan.title, st.TITLE, role="title")
        for _ in range(6):
            self.paragraph("", st.COVER_TEXT, role="cover")
        if plan.issuers:
            self.paragraph("\u3000".join(plan.issuers), st.COVER_TEXT, role="issuers")
        if plan.date:
            self.paragraph(arabic_date(plan.date), st.COVER_TEXT, role="date")
        self.section_break()  # the cover: a section of its own, no header, no page number
        if self.toc:
            self._toc_placeholder()
            self.section_break(numbers=TOC_PAGE_NUMBERS)  # the 目录: its own pages, numbered I, II …
        self.paragraph(plan.title, st.TITLE, role="title")

    def _sections(self, sections: list[Section], plan: Plan,
                  placed: dict[int | None, list[IndicatorTable | str]]) -> None:
        for section in sections:
            if section.kind == "box":  # written whole, its items inside the box
                self._box(section)
                continue
            label, depth = self._numbers[id(section)]
            self.add_heading(section, label, depth)
            for line in text_lines(section.text):
                self.paragraph(line, st.NORMAL, role="body")
            for table in placed.pop(id(section), []):
                self._place(table, plan)
            self._sections(section.children, plan, placed)

    def _placements(self, plan: Plan) -> dict[int | None, list[IndicatorTable | str]]:
        """Where tables go, keyed by the id of the section whose text they follow (None: the body's
        end). An indicator table goes where the source had it (`IndicatorTable.after`, a label
        path); one whose place is not known follows the first section about 目标 (goals), the
        project table the first about 重点工程; else the body's end. A table that sat before the
        first heading (after == "") is keyed None too; `write` puts it after the preamble."""
        out: dict[int | None, list[IndicatorTable | str]] = {}
        sections: list[Section] = []

        def outside_boxes(children: list[Section]) -> None:
            for s in children:
                if s.kind == "section":
                    sections.append(s)
                    outside_boxes(s.children)

        outside_boxes(plan.sections)
        paths = section_paths(plan.sections)

        def home(*words: str) -> int | None:
            found = next((s for s in sections if any(w in s.title for w in words)), None)
            return id(found) if found is not None else None

        for table in plan.indicator_tables:
            if table.after == "":
                out.setdefault(None, []).append(table)
            elif table.after is not None and table.after in paths:
                out.setdefault(id(paths[table.after]), []).append(table)
            else:
                out.setdefault(home("目标", "指标"), []).append(table)
        if plan.projects and not projects_in_sections(plan.projects, (s.title for s in sections)):
            out.setdefault(home("重点工程", "重大工程", "重点项目"), []).append("projects")
        return out

    def _place(self, item: IndicatorTable | str, plan: Plan) -> None:
        if isinstance(item, IndicatorTable):
            if item.caption:
                self.paragraph(item.caption, st.TABLE_CAPTION, role="caption")
            header, rows = indicator_rows(item, dash=self.profile.dash, period=plan.period)
            self.table(header, rows, role="indicator", name_column=0)
            for note in item.notes:
                self.paragraph(note if note.startswith("注") else f"注：{note}", st.TABLE_NOTE, role="note")
        else:
            header, rows = project_rows(plan.projects)
            if plan.projects[0].group:  # a caption above a first group row cannot be taken for a group
                self.paragraph("重点工程一览表", st.TABLE_CAPTION, role="caption")
            self.table(header, rows, role="project", name_column=1)

    # -- tables -------------------------------------------------------------------------------
    def table(self, header: list[str], rows: list[Row], *, role: str, name_column: int) -> etree._Element:
        """A bordered table, its header row repeated on every page; category rows span it."""
        widths = column_widths(len(header), name_column, self.profile.type_width_twips)
        tbl = self._table_element(st.PLAN_TABLE, widths)
        tr = self._row(tbl)
        ooxml.repeat_header_row(tr)
        for text, width in zip(header, widths, strict=True):
            self._cell(tr, width, text, st.TABLE_HEADER, role=f"{role}.header")
        for row in rows:
            tr = self._row(tbl)
            if row.kind == "category":
                self._cell(tr, sum(widths), row.cells[0], st.TABLE_CATEGORY, role=f"{role}.category",
                           span=len(widths))
                continue
            for i, (text, width) in enumerate(zip(row.cells, widths, strict=True)):
                style_id = st.TABLE_TEXT_LEFT if i >= name_column and len(text) > 8 else st.TABLE_TEXT
                self._cell(tr, width, text, style_id, role=f"{role}.cell")
        self._sect.addprevious(tbl)
        self._lines += 1.0 + 0.6 * sum(max(1, max(math.ceil(_width(c) / 12) for c in r.cells)) for r in rows)
        return tbl

    def _table_element(self, style_id: str, widths: list[int]) -> etree._Element:
        tbl = ooxml.make("tbl")
        tbl_pr = etree.SubElement(tbl, qn("w:tblPr"))
        ooxml.child(tbl_pr, "tblStyle", val=self.style(style_id))
        ooxml.child(tbl_pr, "tblW", w=sum(widths), type="dxa")
        ooxml.child(tbl_pr, "jc", val="center")
        ooxml.child(tbl_pr, "tblLayout", type="fixed")
        ooxml.child(tbl_pr, "tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0,
                    noHBand=1, noVBand=1)
        grid = etree.SubElement(tbl, qn("w:tblGrid"))
        for width in widths:
            etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(width))
        if self._break_before:  # a table cannot break a page itself: an empty paragraph does
            self.new_paragraph(st.NORMAL)
        return tbl

    def _row(self, tbl: etree._Element) -> etree._Element:
        tr = etree.SubElement(tbl, qn("w:tr"))
        return tr

    def _cell(self, tr: etree._Element, width: int, text: str, style_id: str, *, role: str,
              span: int = 1) -> etree._Element:
        tc = etree.SubElement(tr, qn("w:tc"))
        tc_pr = etree.SubElement(tc, qn("w:tcPr"))
        ooxml.child(tc_pr, "tcW", w=width, type="dxa")
        if span > 1:
            ooxml.child(tc_pr, "gridSpan", val=span)
        ooxml.child(tc_pr, "vAlign", val="center")
        lines = text_lines(text) or [""]
        for line in lines:
            self.paragraph(line, style_id, role=role, container=tc)
        return tc

    def _box(self, box: Section) -> None:
        """A 专栏: a bordered one-cell table, its title line first, then its text and items."""
        label = self._numbers[id(box)][0]
        tbl = self._table_element(st.BOX_TABLE, [self.profile.type_width_twips])
        tc = self._cell(etree.SubElement(tbl, qn("w:tr")), self.profile.type_width_twips, "", st.BOX_TITLE,
                        role="box")
        tc.remove(tc.find(qn("w:p")))
        title = self.new_paragraph(st.BOX_TITLE, tc)
        self.add_text(title, f"{label}\u3000" if box.title else label, role="label")
        self.add_text(title, box.title, role="heading")
        count = 1 + len(text_lines(box.text))
        for line in text_lines(box.text):
            self.paragraph(line, st.BOX_TEXT, role="box", container=tc)
        for child, child_label in self._box_items(box):
            heading = self.new_paragraph(st.BOX_HEADING, tc)
            self.add_text(heading, child_label, role="label")
            self.add_text(heading, child.title, role="heading")
            for line in text_lines(child.text):
                self.paragraph(line, st.BOX_TEXT, role="box", container=tc)
            count += 1 + len(text_lines(child.text))
        self._sect.addprevious(tbl)
        self._lines += 1 + count * 0.8

    def _box_items(self, box: Section) -> list[tuple[Section, str]]:
        out: list[tuple[Section, str]] = []

        def walk(sections: list[Section]) -> None:
            for s in sections:
                out.append((s, self._numbers[id(s)][0]))
                walk(s.children)

        walk(box.children)
        return out

    # -- back matter --------------------------------------------------------------------------
    def _back_matter(self, plan: Plan) -> None:
        attachments = list(plan.attachments)
        for n, name in enumerate(attachments, 1):
            prefix = "附件：" if n == 1 else ""
            number = f"{n}." if len(attachments) > 1 else ""
            style_id = st.ATTACHMENT_NOTE if n == 1 else st.ATTACHMENT_NOTE_MORE
            self.paragraph(f"{prefix}{number}{name}", style_id, role="attachment")
        if plan.glossary:
            n = next((i for i, a in enumerate(attachments, 1) if any(w in a for w in _GLOSSARY_TITLE)), None)
            title = attachments[n - 1] if n is not None else "名词解释"
            if not any(w in title for w in _GLOSSARY_TITLE) or len(title) > 30:
                title = "名词解释"
            self.page_break()
            mark = f"附件{n}" if n is not None and len(attachments) > 1 else "附件"
            self.paragraph(mark, st.ATTACHMENT_MARK, role="attachment_mark")
            self.paragraph(title, st.TITLE, role="glossary_title")
            for entry in plan.glossary:
                p = self.new_paragraph(st.NORMAL)
                self.add_text(p, f"{entry.term}：", role="glossary.term")
                self.add_text(p, entry.definition, role="glossary.definition")
                self._count(entry.term + entry.definition)
        for line in text_lines(plan.closing):
            self.paragraph(line, st.CLOSING, role="closing")

    # -- table of contents --------------------------------------------------------------------
    def _toc_placeholder(self) -> None:
        p = self.new_paragraph(st.TOC_HEADING)
        self._toc_anchor = p._p
        # a page of TOC lines, roughly, so that the estimated page numbers of the body are right
        self._lines += 2

    def _finish_toc(self) -> None:
        assert self._toc_anchor is not None
        title = ooxml.make("p")
        ooxml.child(ooxml.ppr(title), "pStyle", val=self.style(st.TOC_HEADING))
        self.add_text(Paragraph(title, self._parent), "目\u3000\u3000录", role="toc_title")
        toc_pages = math.ceil((len(self.headings) + 2) / self.profile.lines_per_page)
        entries = []
        for heading in self.headings:
            p = ooxml.make("p")
            ooxml.child(ooxml.ppr(p), "pStyle", val=self.style(st.TOCS[heading.level - 1]))
            ooxml.toc_entry(p, heading.text, str(self.shown_page(heading.page, toc_pages)), heading.bookmark)
            entries.append(p)
        sdt = ooxml.toc_sdt(title, entries, levels=f"1-{TOC_LEVELS}")
        anchor_ppr = self._toc_anchor.find(qn("w:pPr"))
        if anchor_ppr is not None and anchor_ppr.find(qn("w:pageBreakBefore")) is not None:
            ooxml.child(ooxml.ppr(title), "pageBreakBefore")
        self._toc_anchor.addprevious(sdt)
        self._toc_anchor.getparent().remove(self._toc_anchor)

    # -- line count (estimated pages) -----------------------------------------------------------
    def shown_page(self, page: int, toc_pages: int = 1) -> int:
        """The number printed on estimated page `page`: the body's own count where it restarts
        at 1 (a cover in its own section), else the page in the file, the TOC's pages added."""
        if len(self.section_starts) > 1:
            return page - self.section_starts[-1] + 1
        return page + toc_pages - 1

    def _count(self, text: str) -> None:
        chars = self.profile.chars_per_line
        self._lines += max(1, math.ceil((_width(text) + 2) / chars))

    def _new_page(self) -> None:
        per_page = self.profile.lines_per_page
        if self._lines % per_page:
            self._lines = (self._lines // per_page + 1) * per_page


def section_paths(sections: list[Section]) -> dict[str, Section]:
    """Sections by label path (labels from the root joined by "/"; the first of equal paths), as
    the parser records a table's place: 专栏 and what is inside them are not places for a table."""
    out: dict[str, Section] = {}

    def walk(children: list[Section], path: str) -> None:
        for section in children:
            if section.kind == "box":
                continue
            here = f"{path}/{section.label}" if path else section.label
            out.setdefault(here, section)
            walk(section.children, here)

    walk(sections, "")
    return out


def _width(text: str) -> float:
    """Width in body characters: CJK and full-width count 1, Latin letters and digits 1/2."""
    return sum(1 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def text_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def column_widths(n: int, name_column: int, total: int) -> list[int]:
    """The name column (and those after it, for project tables) wider than number columns."""
    if n == 1:
        return [total]
    weights = [1.0] * n
    weights[name_column] = 3.0 if name_column == 0 else 2.5
    for i in range(name_column + 1, n):
        if name_column > 0:
            weights[i] = 3.5
    if name_column > 0:
        weights[0] = 0.7
    scale = total / sum(weights)
    widths = [int(w * scale) for w in weights]
    widths[-1] += total - sum(widths)
    return widths
