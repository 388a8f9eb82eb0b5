"""What the redline writes where: the pure part of the Word redline (planning/compare/redline.py).

A tracked block's paragraphs as segments of kept / inserted / deleted text, table rows matched by
name, and the two section trees with what each old and new section becomes (kept in place, moved,
inserted, deleted) and the slot of the new plan it is written in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from planning.compare.result import Comparison, SectionChange
from planning.compare.textdiff import Op, diff_text, new_text, old_text
from planning.export.numbering import numbered
from planning.export.revisions import Kind
from planning.export.tables import Row
from planning.model import Plan, Section

Mode = Literal["pair", "moveTo", "moveFrom"]
KINDS: dict[Mode, dict[str, Kind]] = {
    "pair": {"=": "=", "+": "ins", "-": "del"},
    "moveTo": {"=": "moveTo", "+": "ins"},  # text deleted from a moved section shows at the old place
    "moveFrom": {"=": "moveFrom", "-": "moveFrom"},
}
IN_NEW = ("=", "ins", "moveTo")  # kinds whose text and paragraph marks survive accept-all


# -- paragraphs of a tracked block: pure functions ---------------------------------------------
@dataclass(slots=True)
class Chunk:
    """One paragraph of a tracked block: its runs and the kind of its paragraph mark, with the old
    and new line it belongs to (for its style)."""

    segments: list[tuple[Kind, str]]
    mark: Kind
    old_line: int
    new_line: int


def block_segments(old_lines: list[str], new_lines: list[str], ops: list[Op] | None = None, *,
                   mode: Mode = "pair") -> tuple[list[tuple[Kind, str]], Kind | None]:
    """The runs of a block turning `old_lines` into `new_lines`, and the kind of its last paragraph
    mark (None: no paragraph at all). `ops` (a section's diff) are used when they rebuild exactly
    these lines; otherwise the lines are diffed here."""
    old_joined, new_joined = "\n".join(old_lines), "\n".join(new_lines)
    if ops is None or old_text(ops) != old_joined or new_text(ops) != new_joined:
        if old_lines and new_lines:
            ops = diff_text(old_joined, new_joined)
        else:
            ops = [("-", old_joined)] if old_lines else [("+", new_joined)] if new_lines else []
    kinds = KINDS[mode]
    segments = [(kinds[k], t) for k, t in ops if k in kinds and t]
    if mode == "moveTo":
        final: Kind | None = "moveTo" if new_lines else None
    elif mode == "moveFrom":
        final = "moveFrom" if old_lines else None
    else:
        final = "=" if old_lines and new_lines else "ins" if new_lines else "del" if old_lines else None
    return segments, final


def chunks(segments: list[tuple[Kind, str]], final: Kind | None) -> list[Chunk]:
    """Split runs into paragraphs at each line break; a break's kind is the kind of the mark of the
    paragraph it ends (an inserted break is an inserted paragraph mark, and so on)."""
    out: list[Chunk] = []
    current: list[tuple[Kind, str]] = []
    old_line = new_line = 0
    start = (0, 0)
    for kind, text in segments:
        for n, piece in enumerate(text.split("\n")):
            if n:
                out.append(Chunk(current, kind, *start))
                current = []
                old_line += kind in ("=", "del", "moveFrom")
                new_line += kind in IN_NEW
                start = (old_line, new_line)
            if piece:
                if current and current[-1][0] == kind:
                    current[-1] = (kind, current[-1][1] + piece)
                else:
                    current.append((kind, piece))
    if final is None:
        if current or out:
            raise ValueError("a block with text needs a last paragraph mark")
        return out
    out.append(Chunk(current, final, *start))
    return out


def align_rows(old: list[Row], new: list[Row], name_column: int) -> list[tuple[Row | None, Row | None]]:
    """Table rows matched by kind and name (the first cell of a category row); unmatched rows stand
    alone, those of the old table first, so each table reads in its own order."""
    def key(r: Row) -> tuple[str, str]:
        return r.kind, r.cells[name_column if r.kind == "data" and len(r.cells) > name_column else 0]

    out: list[tuple[Row | None, Row | None]] = []
    matcher = SequenceMatcher(None, [key(r) for r in old], [key(r) for r in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = old[i1:i2], new[j1:j2]
        if tag == "equal":
            out.extend(zip(olds, news, strict=True))
            continue
        rest_old: list[Row] = []
        rest_new: list[Row] = []
        for o, n in zip(olds, news, strict=False):
            if o.kind == n.kind and len(o.cells) == len(n.cells):
                out.append((o, n))
            else:
                rest_old.append(o)
                rest_new.append(n)
        rest_old += olds[len(news):]
        rest_new += news[len(olds):]
        out.extend((o, None) for o in rest_old)
        out.extend((None, n) for n in rest_new)
    return out


# -- the two trees and what each section becomes -------------------------------------------------
@dataclass(slots=True, eq=False)
class Node:
    index: int
    section: Section
    path: str
    label: str  # as the exporter generates it
    depth: int
    parent: Node | None
    box: Node | None  # the 专栏 it is inside

    def ancestors(self) -> Iterator[Node]:
        """The node itself, then its parents up to the root."""
        node: Node | None = self
        while node is not None:
            yield node
            node = node.parent


def nodes(plan: Plan) -> list[Node]:
    out: list[Node] = []
    stack: list[Node] = []
    for (path, _), (section, label, depth) in zip(plan.walk(), numbered(plan), strict=True):
        del stack[depth - 1:]
        parent = stack[-1] if stack else None
        box = None if parent is None else parent if parent.section.kind == "box" else parent.box
        node = Node(len(out), section, "/".join(path), label, depth, parent, box)
        out.append(node)
        stack.append(node)
    return out


NewMode = Literal["pair", "moveTo", "insert", "consumed"]
OldMode = Literal["stable", "moveFrom", "delete", "consumed"]
SlotKey = tuple[int | None, Literal["in", "after"]]


class Layout:
    """Both trees with, for each section, how the redline writes it: new sections as a pair (old
    text tracked in place), moved in, inserted, or inside an inserted box; old sections as stable
    (written by their pair), moved out, deleted, or inside a deleted box; and where each old-only
    section goes (after which new section)."""

    def __init__(self, old: Plan, new: Plan, comparison: Comparison) -> None:
        self.old, self.new = nodes(old), nodes(new)
        old_by_path: dict[str, Node] = {}
        new_by_path: dict[str, Node] = {}
        for n in self.old:
            old_by_path.setdefault(n.path, n)
        for n in self.new:
            new_by_path.setdefault(n.path, n)
        self.partner_of_old: dict[int, int] = {}
        self.partner_of_new: dict[int, int] = {}
        self.moved: set[int] = set()
        self.change_of_new: dict[int, SectionChange] = {}
        self.change_of_old: dict[int, SectionChange] = {}
        for c in comparison.sections:
            if c.role == "part" or c.old is None or c.new is None:
                continue
            o, n = old_by_path.get(c.old.path), new_by_path.get(c.new.path)
            if o is None or n is None or o.index in self.partner_of_old or n.index in self.partner_of_new:
                continue
            self.partner_of_old[o.index], self.partner_of_new[n.index] = n.index, o.index
            self.change_of_old[o.index] = self.change_of_new[n.index] = c
            if c.moved:
                self.moved.add(o.index)
        self.kept_boxes = {o.index for o in self.old if o.section.kind == "box" and self._keeps_box(o)}
        self.new_mode: list[NewMode] = [self._new_mode(n) for n in self.new]
        self.old_mode: list[OldMode] = [self._old_mode(o) for o in self.old]
        self.slots = self._slots()

    def move_root(self, o: Node) -> Node | None:
        return next((a for a in o.ancestors() if a.index in self.moved), None)

    def partner(self, n: Node) -> Node | None:
        i = self.partner_of_new.get(n.index)
        return None if i is None else self.old[i]

    def partner_old(self, o: Node) -> Node | None:
        j = self.partner_of_old.get(o.index)
        return None if j is None else self.new[j]

    def _keeps_box(self, o: Node) -> bool:
        n = self.partner_old(o)
        return (n is not None and n.section.kind == "box" and o.box is None and n.box is None
                and self.move_root(o) is None)

    def _new_kept_box(self, n: Node) -> bool:
        o = self.partner(n)
        return o is not None and o.index in self.kept_boxes

    def _new_mode(self, n: Node) -> NewMode:
        if n.box is not None and not self._new_kept_box(n.box):
            return "consumed"
        if n.section.kind == "box":
            return "pair" if self._new_kept_box(n) else "insert"
        o = self.partner(n)
        if o is None or o.section.kind == "box" or (o.box is not None and o.box.index not in self.kept_boxes):
            return "insert"
        return "moveTo" if self.move_root(o) is not None else "pair"

    def _old_mode(self, o: Node) -> OldMode:
        if o.box is not None and o.box.index not in self.kept_boxes:
            return "consumed"
        if o.section.kind == "box" and o.index not in self.kept_boxes:
            return "delete"
        n = self.partner_old(o)
        if n is None or self.new_mode[n.index] in ("insert", "consumed"):
            return "delete"
        return "moveFrom" if self.new_mode[n.index] == "moveTo" else "stable"

    def _slots(self) -> dict[SlotKey, list[Node]]:
        """Old-only sections by the new section they follow: (its index, "in") after its own text and
        tables (inside a box's cell for box items), (a box's index, "after") after the box table."""
        slots: dict[SlotKey, list[Node]] = {}
        anchor: Node | None = None
        for o in self.old:
            mode = self.old_mode[o.index]
            if mode == "stable":
                anchor = self.partner_old(o)
                continue
            if mode == "consumed":
                continue
            key: SlotKey
            if anchor is None:
                key = (None, "in")
            elif o.box is not None:
                key = (anchor.index, "in")
            elif anchor.section.kind == "box":
                key = (anchor.index, "after")
            elif anchor.box is not None:
                key = (anchor.box.index, "after")
            else:
                key = (anchor.index, "in")
            slots.setdefault(key, []).append(o)
        return slots


# -- the writer ---------------------------------------------------------------------------------
