"""The section tree, built heading by heading.

Which numbered lines are headings is decided by sequence: at each level the numbers must run
一、二、三… (a category row 一、 inside a table, or 统一、 inside a sentence, is out of sequence and
stays text). A plan with line breaks is read line by line, tolerating one skipped number; a plan
flattened onto one long line is scanned for labels inside the line, strictly in sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planning.model import Section
from planning.parse.labels import RANK, Label, label_at_start, labels_in

LONG_LINE = 1500  # a "line" this long is a flattened plan, not a paragraph
TITLE_MAX = 60  # a line-start heading's title ends at 。 within this many characters
RUN_IN_MAX = 30  # a run-in heading's title (no line break after it) is at most this long
_BOUNDARY = set("。．.！？!?；;：:”\"」』）) \t\u3000\xa0")
_SENTENCE_END = re.compile(r"[。！？!?]")
_TRAILING = "。．.；;：: \u3000"
# Words that open a body sentence: where a run-in title (000-style, no line break) gives way to its text.
_BODY_CUES = re.compile(r"我省|我国|我市|按照|围绕|根据|通过|以信息|充分发挥|“十")
# Verbs that often open the body too, but also occur inside titles: used only when no 。 ends the title.
_WEAK_CUES = re.compile(r"加强|建立|建成|建设|坚持|鼓励|支持|积极|推进|整合|提高|完善|加快|大力")


@dataclass(slots=True)
class _Open:
    style: str
    number: int | None
    section: Section
    lines: list[str]


def split_title(rest: str) -> tuple[str, str]:
    """A heading line's text after its label → (title, body text that runs on after it)."""
    rest = rest.strip()
    m = _SENTENCE_END.search(rest, 0, TITLE_MAX + 1)
    if m:
        return rest[: m.start()].strip(), rest[m.end() :].strip()
    if len(rest) <= TITLE_MAX:
        return rest.rstrip(_TRAILING), ""
    # A long numbered paragraph with no early full stop: the first clause names it; keep it all as text.
    comma = rest.find("，", 0, TITLE_MAX)
    return (rest[:comma] if comma > 0 else rest[:RUN_IN_MAX]), rest


def split_run_in_title(segment: str) -> tuple[str, str]:
    """Title and body of a heading that runs straight into its body text (no line break)."""
    segment = segment.strip()
    end = _SENTENCE_END.search(segment, 0, RUN_IN_MAX + 1)
    cue = _BODY_CUES.search(segment, 4, end.start() if end else RUN_IN_MAX + 1)
    if cue:
        return segment[: cue.start()], segment[cue.start() :]
    if end:
        return segment[: end.start()].strip(), segment[end.end() :].strip()
    if len(segment) <= RUN_IN_MAX:
        return segment.rstrip(_TRAILING), ""
    weak = _WEAK_CUES.search(segment, 4, RUN_IN_MAX + 1)
    if weak:
        return segment[: weak.start()], segment[weak.start() :]
    comma = segment.find("，", 4, RUN_IN_MAX + 1)
    if comma > 0:
        return segment[:comma], segment[comma + 1 :]
    return segment[:RUN_IN_MAX], segment[RUN_IN_MAX:]


class OutlineBuilder:
    """Feeds lines in reading order; headings open sections, other lines become their text."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.preamble: list[str] = []
        self._stack: list[_Open] = []

    # -- placing a heading -------------------------------------------------------------------
    def _depth_for(self, label: Label, *, tolerant: bool) -> int | None:
        """The stack depth a heading with `label` would open at, or None if out of sequence."""
        for depth, open_ in enumerate(self._stack):
            if open_.style == label.style:
                if label.style == "box":  # 专栏 numbers are often out of order in real plans
                    return depth
                last = open_.number or 0
                n = label.number or 0
                return depth if n == last + 1 or (tolerant and n == last + 2) else None
        if label.style != "box" and label.number not in ((1, 2, 3) if tolerant else (1,)):
            return None
        depth = len(self._stack)
        rank = RANK[label.style]
        while depth > 0 and RANK[self._stack[depth - 1].style] >= rank:
            depth -= 1
        return depth

    def _open(self, depth: int, style: str, number: int | None, label: str, title: str, kind: str) -> Section:
        self._close_to(depth)
        section = Section(label=label, title=title, level=depth + 1, kind=kind)  # type: ignore[arg-type]
        if self._stack:
            self._stack[-1].section.children.append(section)
        else:
            self.sections.append(section)
        self._stack.append(_Open(style, number, section, []))
        return section

    def _close_to(self, depth: int) -> None:
        while len(self._stack) > depth:
            open_ = self._stack.pop()
            open_.section.text = "\n".join(open_.lines)

    def current_path(self) -> str:
        """The label path of the section being read ("二、/（三）": labels from the root joined by
        "/", as the library stores section paths); "" before the first heading. An open 专栏 and
        the items inside it are left out: the path names the section that holds the box, since
        an exported box is written whole and a table cannot sit inside it."""
        labels = []
        for open_ in self._stack:
            if open_.section.kind == "box":
                break
            labels.append(open_.section.label)
        return "/".join(labels)

    # -- feeding ----------------------------------------------------------------------------
    def add_text(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        (self._stack[-1].lines if self._stack else self.preamble).append(text)

    def take_last_text(self) -> str | None:
        """Remove and return the last text line added (a table's caption, once the table is known)."""
        lines = self._stack[-1].lines if self._stack else self.preamble
        return lines.pop() if lines else None

    def feed_line(self, line: str, heading_hint: int | None = None) -> None:
        line = line.strip()
        if len(line) >= LONG_LINE:
            self._feed_flattened(line)
            return
        label = label_at_start(line)
        if label is not None and self._try_heading(label, line, forced=heading_hint is not None):
            return
        if label is None and heading_hint is not None:
            depth = len(self._stack)
            rank = heading_hint - 0.5
            while depth > 0 and RANK.get(self._stack[depth - 1].style, 9) >= rank:
                depth -= 1
            self._open(depth, f"h{heading_hint}", None, "", line.rstrip(_TRAILING), "section")
            return
        self.add_text(line)

    def _try_heading(self, label: Label, line: str, *, forced: bool) -> bool:
        rest = line[label.end :].strip()
        if not rest and label.style != "box":
            return False
        if label.style == "box" and len(line) > 80:
            return False
        depth = self._depth_for(label, tolerant=True)
        if depth is None:
            if not forced:
                return False
            depth = self._forced_depth(label)
        title, body = split_title(rest) if label.style != "box" else (rest.rstrip(_TRAILING), "")
        kind = "box" if label.style == "box" else "section"
        self._open(depth, label.style, label.number, label.text, title, kind)
        self.add_text(body)
        return True

    def _forced_depth(self, label: Label) -> int:
        for depth, open_ in enumerate(self._stack):
            if open_.style == label.style:
                return depth
        depth = len(self._stack)
        while depth > 0 and RANK.get(self._stack[depth - 1].style, 9) >= RANK[label.style]:
            depth -= 1
        return depth

    def open_box(self, title: str, label: str = "专栏") -> None:
        """A 专栏 that arrived as its own object (a one-cell table or a Word text box)."""
        parsed = label_at_start(label)
        number = parsed.number if parsed is not None else None
        depth = self._depth_for(Label("box", number, label, 0, 0), tolerant=True) or 0
        self._open(depth, "box", number, label, title, "box")

    def close_box(self) -> None:
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth].style == "box":
                self._close_to(depth)
                return

    def _feed_flattened(self, line: str) -> None:
        """A whole plan (or a large part of one) on one line: headings run into their text."""
        pos = 0
        pending: _Open | None = None  # the heading whose title/body is the text up to the next one
        pending_start = 0
        for label in labels_in(line):
            if label.start < pos or label.style == "box":
                continue
            depth = self._depth_for(label, tolerant=False)
            if depth is None:
                continue
            at_boundary = label.start == 0 or line[label.start - 1] in _BOUNDARY
            run_in_child = (
                pending is not None
                and depth == len(self._stack)
                and label.number == 1
                and label.start - pending_start <= RUN_IN_MAX + 10
            )
            if not (at_boundary or run_in_child):
                continue
            self._finish_segment(pending, line[pos if pending is None else pending_start : label.start])
            section = self._open(depth, label.style, label.number, label.text, "", "section")
            pending = self._stack[-1]
            assert pending.section is section
            pending_start = pos = label.end
        self._finish_segment(pending, line[pos if pending is None else pending_start :])

    def _finish_segment(self, pending: _Open | None, segment: str) -> None:
        if pending is None:
            self.add_text(segment)
            return
        title, body = split_run_in_title(segment)
        pending.section.title = title
        self.add_text(body)

    def finish(self) -> list[Section]:
        self._close_to(0)
        return self.sections
