"""Tracked changes and comment anchors in WordprocessingML, which python-docx has no API for.

Small stateless helpers in the manner of planning.export.ooxml: each takes a paragraph, a run's
parent or a table row and adds correctly ordered elements, and each is tested as "this XML in, that
XML out" (tests/planning/export/test_revisions.py).

    stamp = Stamp(author="PlanDesk", date=datetime(2024, 5, 1, tzinfo=UTC))
    tracked_run(p, "新增的文字", "ins", rev_id=7, stamp=stamp)      # <w:ins …><w:r><w:t>…
    mark_paragraph(p, "del", rev_id=8, stamp=stamp)                 # the paragraph mark deleted

Kinds: "=" (plain text, no revision), "ins", "del", "moveFrom", "moveTo". Deleted and moved-from text
is written as w:delText, as Word does. Revision ids must be unique in the document; the caller counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from docx.oxml.ns import qn
from lxml import etree

from planning.export import ooxml

Kind = Literal["=", "ins", "del", "moveFrom", "moveTo"]
REVISION_KINDS: tuple[str, ...] = ("ins", "del", "moveFrom", "moveTo")
_REMOVED = ("del", "moveFrom")  # text that reads as w:delText
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who made the revisions and when (w:author, w:date)."""

    author: str = "PlanDesk"
    date: datetime | None = None

    @property
    def date_text(self) -> str:
        """ISO 8601 in UTC without fractions, as Word writes it: 2024-05-01T08:30:00Z."""
        date = self.date or datetime.now(UTC)
        if date.tzinfo is not None:
            date = date.astimezone(UTC)
        return date.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def revision(kind: str, *, rev_id: int, stamp: Stamp) -> etree._Element:
    """An empty w:ins / w:del / w:moveFrom / w:moveTo with id, author and date."""
    if kind not in REVISION_KINDS:
        raise ValueError(f"not a revision kind: {kind!r}")
    return ooxml.make(kind, id=rev_id, author=stamp.author, date=stamp.date_text)


def _text_to_deleted(run: etree._Element) -> None:
    """w:t → w:delText and w:instrText → w:delInstrText inside a run (deleted or moved-from text)."""
    for t in run.iter(qn("w:t")):
        t.tag = qn("w:delText")
    for t in run.iter(qn("w:instrText")):
        t.tag = qn("w:delInstrText")


def tracked_run(parent: etree._Element, text: str, kind: str, *, rev_id: int, stamp: Stamp,
                rpr_element: etree._Element | None = None) -> etree._Element:
    """Append `text` to `parent` (a w:p, or w:hyperlink …) as a run of `kind`: a plain w:r for "=",
    else the run wrapped in w:ins / w:del / w:moveFrom / w:moveTo. Returns the appended element."""
    if kind == "=":
        return ooxml.append_run(parent, text, rpr_element=rpr_element)
    wrapper = revision(kind, rev_id=rev_id, stamp=stamp)
    run = ooxml.append_run(wrapper, text, rpr_element=rpr_element)
    if kind in _REMOVED:
        _text_to_deleted(run)
    parent.append(wrapper)
    return wrapper


def mark_paragraph(p: etree._Element, kind: str, *, rev_id: int, stamp: Stamp) -> etree._Element | None:
    """Mark the paragraph mark of `p` as inserted, deleted or moved (w:pPr/w:rPr/w:ins …): accepting
    a deleted mark (rejecting an inserted one) joins the paragraph to the next. "=" does nothing."""
    if kind == "=":
        return None
    mark_rpr = ooxml.child(ooxml.ppr(p), "rPr")
    for old in list(mark_rpr):
        if ooxml.local(old) in REVISION_KINDS:
            mark_rpr.remove(old)
    mark = revision(kind, rev_id=rev_id, stamp=stamp)
    mark_rpr.insert(0, mark)  # CT_ParaRPr: ins, del, moveFrom, moveTo come before the run properties
    return mark


def mark_row(tr: etree._Element, kind: str, *, rev_id: int, stamp: Stamp) -> etree._Element | None:
    """Mark a table row as inserted or deleted (w:trPr/w:ins, w:trPr/w:del). Moves are not tracked on
    rows (Word shows a moved table as deleted and inserted), so only "ins" and "del" are accepted."""
    if kind == "=":
        return None
    if kind not in ("ins", "del"):
        raise ValueError(f"a table row is inserted or deleted, not {kind!r}")
    tr_pr = tr.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = ooxml.make("trPr")
        before = tr.find(qn("w:tblPrEx"))
        if before is not None:
            before.addnext(tr_pr)
        else:
            tr.insert(0, tr_pr)
    mark = revision(kind, rev_id=rev_id, stamp=stamp)
    change = tr_pr.find(qn("w:trPrChange"))  # CT_TrPr: the base properties, then ins, del, trPrChange
    if change is not None:
        change.addprevious(mark)
    else:
        tr_pr.append(mark)
    return mark


def _after_properties(p: etree._Element) -> int:
    return 1 if len(p) and ooxml.local(p[0]) == "pPr" else 0


def move_range_start(p: etree._Element, kind: Literal["moveFrom", "moveTo"], *, rev_id: int, name: str,
                     stamp: Stamp) -> etree._Element:
    """w:moveFromRangeStart / w:moveToRangeStart at the start of `p`'s content; the moveFrom and the
    moveTo range of one move carry the same `name`."""
    start = ooxml.make(f"{kind}RangeStart", id=rev_id, author=stamp.author, date=stamp.date_text, name=name)
    p.insert(_after_properties(p), start)
    return start


def move_range_end(p: etree._Element, kind: Literal["moveFrom", "moveTo"], *, rev_id: int) -> etree._Element:
    """w:moveFromRangeEnd / w:moveToRangeEnd (the id of its start) at the end of `p`."""
    end = ooxml.make(f"{kind}RangeEnd", id=rev_id)
    p.append(end)
    return end


def comment_range(p: etree._Element, comment_id: int) -> None:
    """Anchor comment `comment_id` on the whole content of `p`: w:commentRangeStart before it,
    w:commentRangeEnd after it, then the run holding w:commentReference."""
    p.insert(_after_properties(p), ooxml.make("commentRangeStart", id=comment_id))
    p.append(ooxml.make("commentRangeEnd", id=comment_id))
    ref = ooxml.make("r")
    ref.append(ooxml.make("commentReference", id=comment_id))
    p.append(ref)
