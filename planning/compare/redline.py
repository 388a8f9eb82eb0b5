"""The Word redline: the new plan exported as usual, every difference from the old plan a real
tracked change that a reviewer accepts or rejects in Word or WPS.

    write_redline(old, new, Path("redline.docx"))                 # compares them itself
    write_redline(old, new, out, comparison=c, date=datetime(…))  # or takes a comparison

Section by section from the comparison: kept text is plain, inserted text w:ins, deleted text w:del
(w:delText); a removed section is written at its old place as deleted paragraphs (their marks
deleted too); a moved section is a real move (w:moveFrom inside a moveFrom range at the old place,
w:moveTo inside a moveTo range of the same name at the new place; edits made to it besides the move
are w:ins inside the moveTo range); a renamed heading changes its heading text alone; a moved or
renamed section carries a comment naming its old place. Generated labels (一、（一）…) are part of
the text, so a renumbering after a deletion shows as label changes.

Accept-all gives the text of `export_plan(new, …, toc=False)` and reject-all that of the old plan's,
paragraph by paragraph, with these exceptions where the new plan's layout is kept:
- indicator and project tables stay where the new plan places them; the old plan's table k is
  compared with the new plan's table k, rows matched by name: changed cells hold w:del + w:ins runs,
  rows only in one plan are inserted or deleted rows (w:trPr/w:ins, w:trPr/w:del); a table whose
  columns changed is one deleted table followed by one inserted table; old tables without a new
  partner are deleted at the end of the body. Where the old plan placed a table after a different
  section, reject-all has it at the new place.
- 专栏 (boxes) are tables: a box kept in place is compared item by item, its item headings and text
  tracked like sections; a box added, removed or moved with its chapter is an inserted or deleted
  table (Word does not track moves of tables).
- The front (title, notice) and the back matter (attachments, glossary, closing) are compared as
  paragraph lists.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Literal

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from planning.compare import compare_plans
from planning.compare.redline_layout import (
    IN_NEW,
    KINDS,
    Layout,
    Mode,
    Node,
    SlotKey,
    align_rows,
    block_segments,
    chunks,
)
from planning.compare.result import Comparison, SectionChange
from planning.compare.textdiff import Op, diff_text
from planning.export import ooxml, revisions
from planning.export import styles as st
from planning.export.export import build_document, check_output, save_atomically
from planning.export.profiles import Profile
from planning.export.revisions import Kind, Stamp
from planning.export.tables import Row, indicator_rows, project_rows
from planning.export.writer import DocxWriter, column_widths, text_lines
from planning.model import IndicatorTable, Plan, Section


class RedlineWriter(DocxWriter):
    """Writes the new plan with every difference from `old` as a tracked change (see the module).
    There is no table of contents (`toc` is ignored): the redline is read for its changes. Comments
    go to the comments part python-docx creates on the first one."""

    def __init__(self, document: WordDocument, profile: Profile, *, toc: bool = True,
                 style_ids: dict[str, str] | None = None, old: Plan, comparison: Comparison,
                 stamp: Stamp) -> None:
        super().__init__(document, profile, toc=False, style_ids=style_ids)
        self.old = old
        self.comparison = comparison
        self.stamp = stamp
        self.revisions = 0
        self._tag: Kind = "="
        self._mark: Kind = "="
        self._spec: dict[str, list[tuple[Kind, str]]] = {}
        self._last_p: dict[int, etree._Element] = {}  # id(container) → the last paragraph written in it
        self._moves = 0

    # -- the hooks: every run and paragraph mark carries the current kind ------------------------
    def add_text(self, paragraph: Paragraph, text: str, *, role: str) -> None:
        spec = self._spec.pop(role, None)
        for kind, piece in spec if spec is not None else [(self._tag, text)]:
            if piece:
                revisions.tracked_run(paragraph._p, piece, kind, rev_id=self._next_id(kind), stamp=self.stamp)

    def new_paragraph(self, style_id: str, container: etree._Element | None = None) -> Paragraph:
        p = super().new_paragraph(style_id, container)
        self._marked(p._p, container)
        return p

    def _row(self, tbl: etree._Element) -> etree._Element:
        tr = super()._row(tbl)
        if self._tag in ("ins", "del"):
            revisions.mark_row(tr, self._tag, rev_id=self._next_id(self._tag), stamp=self.stamp)
        return tr

    def _next_id(self, kind: str = "ins") -> int:
        if kind == "=":
            return 0
        self.revisions += 1
        return self.revisions

    def _marked(self, p: etree._Element, container: etree._Element | None) -> None:
        revisions.mark_paragraph(p, self._mark, rev_id=self._next_id(self._mark), stamp=self.stamp)
        self._last_p[id(container)] = p

    @contextmanager
    def _mode(self, kind: Kind) -> Iterator[None]:
        saved = self._tag, self._mark
        self._tag = self._mark = kind
        try:
            yield
        finally:
            self._tag, self._mark = saved

    # -- the plan -------------------------------------------------------------------------------
    def write(self, plan: Plan, progress: Callable[[float, str], None] | None = None) -> None:
        old = self.old
        self.map = Layout(old, plan, self.comparison)
        self._index_new = {id(n.section): n.index for n in self.map.new}
        self._numbers = {id(n.section): (n.label, n.depth) for n in self.map.new}
        self._numbers.update({id(n.section): (n.label, n.depth) for n in self.map.old})
        self._recorded_block(lambda: DocxWriter._front(self, old), lambda: DocxWriter._front(self, plan))
        if progress is not None:
            progress(0.1, "正文 body")
        self._block(text_lines(old.preamble), text_lines(plan.preamble), self.comparison.preamble, "pair", st.NORMAL,
                    role="preamble")
        self._slot((None, "in"), None)
        placed = self._placements(plan)
        self._write_sections(plan.sections, plan, placed, None)
        for table in placed.pop(None, []):
            self._place(table, plan)
        self._old_tables_left(plan)
        if progress is not None:
            progress(0.8, "附件 back matter")
        self._recorded_block(lambda: DocxWriter._back_matter(self, old), lambda: DocxWriter._back_matter(self, plan))

    def _write_sections(self, sections: list[Section], plan: Plan,
                        placed: dict[int | None, list[IndicatorTable | str]], container: etree._Element | None) -> None:
        m = self.map
        for section in sections:
            n = m.new[self._index_new[id(section)]]
            if section.kind == "box":
                self._write_box(n, plan, placed)
                self._slot((n.index, "after"), container)
                continue
            mode = m.new_mode[n.index]
            o = m.partner(n)
            change = m.change_of_new.get(n.index)
            move = None
            if mode == "insert":
                with self._mode("ins"):
                    self._heading(n.section, n.label, n.depth, container)
                    self._block([], text_lines(section.text), None, "pair", self._body_style(container), container)
            else:
                assert o is not None
                p = self._heading(n.section, n.label, n.depth, container, old=o, mode=mode)
                if mode == "moveTo":
                    root = m.move_root(o)
                    if root is o:
                        move = self._move_start(p, "moveTo", o)
                self._block(text_lines(o.section.text), text_lines(section.text), change.ops if change else None,
                            "moveTo" if mode == "moveTo" else "pair", self._body_style(container), container)
                if change is not None and (change.moved or change.renamed):
                    self._comment(p, o, change)
            for table in placed.pop(id(section), []):
                self._place(table, plan)
            self._slot((n.index, "in"), container)
            self._write_sections(section.children, plan, placed, container)
            if move is not None:
                revisions.move_range_end(self._last_p[id(container)], "moveTo", rev_id=move)

    def _body_style(self, container: etree._Element | None) -> str:
        return st.NORMAL if container is None else st.BOX_TEXT

    def _heading(self, section: Section, label: str, depth: int, container: etree._Element | None, *,
                 old: Node | None = None, mode: str = "") -> etree._Element:
        """A heading in the current kind, or (with `old`) tracked against the old heading: "pair" the
        label and title diffs in place, "moveTo" moved text, "moveFrom" the old heading moved out."""
        box_title = section.kind == "box"
        if old is not None:
            old_label, new_label = old.label, label
            if box_title:
                old_label = f"{old_label}\u3000" if old.section.title else old_label
                new_label = f"{new_label}\u3000" if section.title else new_label
            if mode == "moveFrom":
                self._spec = {"label": [("moveFrom", old_label)], "heading": [("moveFrom", old.section.title)]}
                self._mark = "moveFrom"
            else:
                kinds = KINDS["moveTo" if mode == "moveTo" else "pair"]
                same = old.section.title == section.title
                title_ops = [("=", section.title)] if same else diff_text(old.section.title, section.title)
                if mode == "moveTo":
                    labels: list[tuple[Kind, str]] = [("moveTo", new_label)]
                elif old_label == new_label:
                    labels = [("=", new_label)]
                else:
                    labels = [("del", old_label), ("ins", new_label)]
                self._spec = {"label": labels, "heading": [(kinds[k], t) for k, t in title_ops if k in kinds]}
                self._mark = "moveTo" if mode == "moveTo" else "="
        try:
            if box_title:
                assert container is not None
                p = self.new_paragraph(st.BOX_TITLE, container)
                self.add_text(p, f"{label}\u3000" if section.title else label, role="label")
                self.add_text(p, section.title, role="heading")
            elif container is None:
                p = self.add_heading(section, label, depth)
            else:
                p = self.new_paragraph(st.BOX_HEADING, container)
                self.add_text(p, label, role="label")
                self.add_text(p, section.title, role="heading")
        finally:
            if old is not None:
                self._spec = {}
                self._mark = self._tag
        return p._p

    def _block(self, old_lines: list[str], new_lines: list[str], ops: list[Op] | None, mode: Mode, style_id: str,
               container: etree._Element | None = None, *, role: str = "body", cell: bool = False) -> None:
        """Paragraphs turning `old_lines` into `new_lines` in the current container."""
        if cell:
            old_lines, new_lines = old_lines or [""], new_lines or [""]
        segments, final = block_segments(old_lines, new_lines, ops, mode=mode)
        if cell:
            final = "="
        saved = self._tag, self._mark
        try:
            for chunk in chunks(segments, final):
                self._mark = chunk.mark
                p = self.new_paragraph(style_id, container)
                for kind, piece in chunk.segments:
                    self._tag = kind
                    self.add_text(p, piece, role=role)
                if container is None:
                    self._count("".join(t for _, t in chunk.segments))
        finally:
            self._tag, self._mark = saved

    # -- old-only sections ----------------------------------------------------------------------
    def _slot(self, key: SlotKey, container: etree._Element | None) -> None:
        open_moves: list[tuple[Node, int]] = []
        for o in self.map.slots.get(key, []):
            while open_moves and open_moves[-1][0] not in o.ancestors():
                revisions.move_range_end(self._last_p[id(container)], "moveFrom", rev_id=open_moves.pop()[1])
            if o.section.kind == "box":  # a deleted box: a deleted table
                self._whole_box(o.section, "del")
                continue
            if self.map.old_mode[o.index] == "moveFrom":
                p = self._heading(o.section, o.label, o.depth, container, old=o, mode="moveFrom")
                if self.map.move_root(o) is o:
                    open_moves.append((o, self._move_start(p, "moveFrom", o)))
                n = self.map.partner_old(o)
                assert n is not None
                change = self.map.change_of_old.get(o.index)
                self._block(text_lines(o.section.text), text_lines(n.section.text), change.ops if change else None,
                            "moveFrom", self._body_style(container), container)
            else:
                with self._mode("del"):
                    self._heading(o.section, o.label, o.depth, container)
                    self._block(text_lines(o.section.text), [], None, "pair", self._body_style(container), container)
        while open_moves:
            revisions.move_range_end(self._last_p[id(container)], "moveFrom", rev_id=open_moves.pop()[1])

    def _move_start(self, p: etree._Element, kind: Literal["moveFrom", "moveTo"], root: Node) -> int:
        rev_id = self._next_id()
        revisions.move_range_start(p, kind, rev_id=rev_id, name=f"PlanDeskMove{root.index}", stamp=self.stamp)
        return rev_id

    # -- boxes ----------------------------------------------------------------------------------
    def _write_box(self, n: Node, plan: Plan, placed: dict[int | None, list[IndicatorTable | str]]) -> None:
        if self.map.new_mode[n.index] != "pair":
            self._whole_box(n.section, "ins")
            return
        o = self.map.partner(n)
        assert o is not None
        box = n.section
        tbl = self._table_element(st.BOX_TABLE, [self.profile.type_width_twips])
        tc = self._cell(etree.SubElement(tbl, qn("w:tr")), self.profile.type_width_twips, "", st.BOX_TITLE, role="box")
        tc.remove(tc.find(qn("w:p")))
        change = self.map.change_of_new.get(n.index)
        p = self._heading(box, n.label, n.depth, tc, old=o, mode="pair")
        if change is not None and change.renamed:
            self._comment(p, o, change)
        self._block(text_lines(o.section.text), text_lines(box.text), change.ops if change else None, "pair", st.BOX_TEXT, tc,
                    role="box")
        self._slot((n.index, "in"), tc)
        self._write_sections(box.children, plan, placed, tc)
        self._sect.addprevious(tbl)
        self._lines += 1 + 0.8 * (1 + len(text_lines(box.text)))

    def _whole_box(self, box: Section, kind: Kind) -> None:
        with self._mode(kind):
            DocxWriter._box(self, box)
        tbl = self._sect.getprevious()
        for tr in tbl.iter(qn("w:tr")):
            revisions.mark_row(tr, kind, rev_id=self._next_id(kind), stamp=self.stamp)

    # -- tables ---------------------------------------------------------------------------------
    def _place(self, item: IndicatorTable | str, plan: Plan) -> None:
        old = self.old
        if isinstance(item, IndicatorTable):
            k = next(i for i, t in enumerate(plan.indicator_tables) if t is item)
            old_table = old.indicator_tables[k] if k < len(old.indicator_tables) else None
            self._block(_caption(old_table), _caption(item), None, "pair", st.TABLE_CAPTION, role="caption")
            rows = indicator_rows(item, dash=self.profile.dash, period=plan.period)
            old_rows = indicator_rows(old_table, dash=self.profile.dash, period=old.period) if old_table else None
            self._table_diff(old_rows, rows, role="indicator", name_column=0)
            self._block(_notes(old_table), _notes(item), None, "pair", st.TABLE_NOTE, role="note")
            return
        old_has = self._old_has_projects()
        caption = ["重点工程一览表"] if plan.projects[0].group else []
        old_caption = ["重点工程一览表"] if old_has and old.projects[0].group else []
        self._block(old_caption, caption, None, "pair", st.TABLE_CAPTION, role="caption")
        self._table_diff(project_rows(old.projects) if old_has else None, project_rows(plan.projects),
                         role="project", name_column=1)

    def _old_has_projects(self) -> bool:
        return any(item == "projects" for items in self._placements(self.old).values() for item in items)

    def _old_tables_left(self, plan: Plan) -> None:
        """Old tables without a partner in the new plan: deleted, at the end of the body."""
        with self._mode("del"):
            for table in self.old.indicator_tables[len(plan.indicator_tables):]:
                DocxWriter._place(self, table, self.old)
            new_has = any(item == "projects" for items in self._placements(plan).values() for item in items)
            if self._old_has_projects() and not new_has:
                DocxWriter._place(self, "projects", self.old)

    def _table_diff(self, old: tuple[list[str], list[Row]] | None, new: tuple[list[str], list[Row]], *,
                    role: str, name_column: int) -> None:
        if old is None or len(old[0]) != len(new[0]):
            if old is not None:
                with self._mode("del"):
                    self.table(*old, role=role, name_column=name_column)
            with self._mode("ins"):
                self.table(*new, role=role, name_column=name_column)
            return
        header, rows = new
        widths = column_widths(len(header), name_column, self.profile.type_width_twips)
        tbl = self._table_element(st.PLAN_TABLE, widths)
        pairs = align_rows([Row("header", tuple(old[0])), *old[1]], [Row("header", tuple(header)), *rows],
                           name_column)
        for o, n in pairs:
            kind: Kind = "del" if n is None else "ins" if o is None else "="
            row = n or o
            assert row is not None
            with self._mode(kind):
                tr = self._row(tbl)
                if row.kind == "header":
                    ooxml.repeat_header_row(tr)
                for i, width in enumerate(widths if row.kind != "category" else [sum(widths)]):
                    new_cell = n.cells[i] if n is not None else ""
                    old_cell = o.cells[i] if o is not None else ""
                    text = new_cell if n is not None else old_cell
                    if row.kind == "header":
                        style_id = st.TABLE_HEADER
                    elif row.kind == "category":
                        style_id = st.TABLE_CATEGORY
                    else:
                        style_id = st.TABLE_TEXT_LEFT if i >= name_column and len(text) > 8 else st.TABLE_TEXT
                    span = len(widths) if row.kind == "category" else 1
                    if kind != "=":
                        self._cell(tr, width, text, style_id, role=f"{role}.cell", span=span)
                        continue
                    tc = self._cell(tr, width, "", style_id, role=f"{role}.cell", span=span)
                    tc.remove(tc.find(qn("w:p")))
                    self._block(text_lines(old_cell), text_lines(new_cell), None, "pair", style_id, tc, role=f"{role}.cell",
                                cell=True)
        self._sect.addprevious(tbl)
        self._lines += 1.0 + 0.6 * len(rows)

    # -- front and back matter: the base writer's paragraphs, compared as lists --------------------
    def _recorded(self, write: Callable[[], None]) -> list[etree._Element]:
        """The paragraphs `write` adds to the body, taken out again."""
        before = len(self._body)
        with self._mode("="):
            write()
        added = list(self._body)[before - 1:-1]  # the body ends with w:sectPr
        for p in added:
            self._body.remove(p)
        return [p for p in added if p.tag == qn("w:p")]

    def _recorded_block(self, write_old: Callable[[], None], write_new: Callable[[], None]) -> None:
        old_ps, new_ps = self._recorded(write_old), self._recorded(write_new)
        segments, final = block_segments([_text(p) for p in old_ps], [_text(p) for p in new_ps])
        saved = self._tag, self._mark
        try:
            for chunk in chunks(segments, final):
                in_new = chunk.mark in IN_NEW or any(k in IN_NEW for k, _ in chunk.segments)
                source = new_ps[chunk.new_line] if in_new and chunk.new_line < len(new_ps) else (
                    old_ps[min(chunk.old_line, len(old_ps) - 1)] if old_ps else new_ps[-1])
                p = ooxml.make("p")
                props = source.find(qn("w:pPr"))
                if props is not None:
                    props = copy.deepcopy(props)
                    mark_rpr = props.find(qn("w:rPr"))
                    if mark_rpr is not None:
                        props.remove(mark_rpr)
                    p.append(props)
                self._sect.addprevious(p)
                self._mark = chunk.mark
                self._marked(p, None)
                for kind, piece in chunk.segments:
                    self._tag = kind
                    self.add_text(Paragraph(p, self._parent), piece, role="front")
                self._count("".join(t for _, t in chunk.segments))
        finally:
            self._tag, self._mark = saved

    # -- comments -------------------------------------------------------------------------------
    def _comment(self, p: etree._Element, old: Node, change: SectionChange) -> None:
        place = f"{old.path}　{old.label}{old.section.title}"
        notes = []
        if change.moved:
            notes.append(f"移动：原位于原稿“{place}” / moved from {old.path} in the old plan")
        if change.renamed:
            notes.append(f"改名：原标题“{old.label}{old.section.title}” / renamed; the old heading was "
                         f"“{old.label}{old.section.title}”")
        comment = self.document.comments.add_comment(text="\n".join(notes), author=self.stamp.author,
                                                     initials="PD")
        comment._comment_elm.set(qn("w:date"), self.stamp.date_text)
        revisions.comment_range(p, comment.comment_id)


def _caption(table: IndicatorTable | None) -> list[str]:
    return [table.caption] if table is not None and table.caption else []


def _notes(table: IndicatorTable | None) -> list[str]:
    if table is None:
        return []
    return [n if n.startswith("注") else f"注：{n}" for n in table.notes]


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


# -- the public function ------------------------------------------------------------------------
def build_redline(old: Plan, new: Plan, *, comparison: Comparison | None = None, author: str = "PlanDesk",
                  date: datetime | None = None, profile: str | Profile = "gbt9704") -> WordDocument:
    """The redline as a python-docx Document, not yet saved."""
    comparison = comparison if comparison is not None else compare_plans(old, new)
    stamp = Stamp(author, date or datetime.now(UTC))
    writer = partial(RedlineWriter, old=old, comparison=comparison, stamp=stamp)
    return build_document(new, profile=profile, toc=False, writer_class=writer)  # type: ignore[arg-type]


def write_redline(old: Plan, new: Plan, out: Path, *, comparison: Comparison | None = None,
                  author: str = "PlanDesk", date: datetime | None = None,
                  profile: str | Profile = "gbt9704") -> Path:
    """Write the Word redline of `old` → `new` to `out` (.docx) atomically; returns `out`."""
    out = Path(out).expanduser()
    check_output(out)
    document = build_redline(old, new, comparison=comparison, author=author, date=date, profile=profile)
    save_atomically(document, out)
    return out
