"""From a reader's blocks to a `Plan`: front matter, body (sections, tables), back matter."""

from __future__ import annotations

import re

from planning.model import Plan
from planning.parse import indicators, projects
from planning.parse.backmatter import find_start, read_back_matter, split_closing
from planning.parse.front import read_front
from planning.parse.labels import label_at_start
from planning.parse.outline import OutlineBuilder
from planning.parse.periods import find_period
from planning.parse.regions import find_region
from planning.readers.blocks import Document, Paragraph, Table

_TOC_TITLE = re.compile(r"^目[\s\u3000]*录$")
_TOC_PAGE = re.compile(r"(\.{3,}|…{2,}|·{3,}|\s)\s*\d{1,3}$")
FRONT_LINES = 40
NO_STRUCTURE_WARNING = "未识别出规划结构，已作为普通文档导入 / no plan structure found; imported as a plain document"
NOT_A_PLAN_WARNING = "标题和正文不像规划（无规划期，标题无“规划”等字样）/ this does not look like a plan (no period, no 规划 in the title)"
_PLAN_WORDS = re.compile(r"规划|纲要|计划|方案|意见|战略")


def _is_toc_entry(line: str) -> bool:
    return len(line) <= 60 and "。" not in line and (label_at_start(line) is not None or bool(_TOC_PAGE.search(line)))


def _skip_toc(texts: list[str], i: int) -> int:
    """Index after a table of contents whose title (目录) is at i. The body's first heading
    repeating the first entry ends it too."""
    j = i + 1
    first = texts[j].strip() if j < len(texts) else ""
    while j < len(texts) and _is_toc_entry(texts[j].strip()):
        j += 1
        if j < len(texts) and texts[j].strip() == first:
            break
    return j


class _BodyReader:
    def __init__(self, plan: Plan, blocks: list[Paragraph | Table], texts: list[str]) -> None:
        self.plan = plan
        self.blocks = blocks
        self.texts = texts
        self.outline = OutlineBuilder()

    def read(self, start: int, end: int) -> None:
        i = start
        body = self.texts[:end]
        while i < end:
            block = self.blocks[i]
            if isinstance(block, Table):
                self._table(block)
                i += 1
                continue
            line = block.text.strip()
            if _TOC_TITLE.match(line):
                i = _skip_toc(body, i)
                continue
            if indicators.looks_like_caption(line) and (found := indicators.read_flattened(body, i)):
                found[0].after = self.outline.current_path()
                self.plan.indicator_tables.append(found[0])
                i = found[1]
                continue
            if projects.looks_like_caption(line) and (got := projects.read_flattened(body, i)):
                self.plan.projects.extend(got[0])
                i = got[1]
                continue
            self.outline.feed_line(line, block.heading_level)
            i += 1

    def _caption(self, test: object) -> str | None:
        last = self.outline.take_last_text()
        if last is not None and callable(test) and test(last):
            return last
        if last is not None:
            self.outline.add_text(last)
        return None

    def _table(self, table: Table) -> None:
        rows = [r for r in table.rows if any(c.strip() for c in r)]
        if not rows:
            return
        if len(rows) == 1 and len(rows[0]) == 1:
            self._box(rows[0][0])
            return
        if indicators.is_indicator_header(rows[0]):
            found = indicators.read_table(rows, self._caption(indicators.looks_like_caption))
            if found is not None:
                found.after = self.outline.current_path()
                self.plan.indicator_tables.append(found)
                return
        if projects.is_project_header(rows[0]):
            got = projects.read_table(rows, self._caption(projects.looks_like_caption))
            if got:
                self.plan.projects.extend(got)
                return
        for row in rows:
            self.outline.add_text(" | ".join(c.strip() for c in row))

    def _box(self, text: str) -> None:
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        head = lines[0]
        label = label_at_start(head)
        if label is not None and label.style == "box":
            self.outline.open_box(head[label.end :].strip(), label.text)
            body = lines[1:]
        elif len(head) <= 40 and "。" not in head:
            self.outline.open_box(head, "专栏")
            body = lines[1:]
        else:
            self.outline.open_box("", "专栏")
            body = lines
        for line in body:
            self.outline.feed_line(line)
        self.outline.close_box()


def parse_document(doc: Document) -> Plan:
    blocks = [b for b in doc.blocks if not (isinstance(b, Paragraph) and not b.text.strip())]
    texts = [b.text if isinstance(b, Paragraph) else "" for b in blocks]
    lead: list[str] = []
    for b in blocks[:FRONT_LINES]:
        if not isinstance(b, Paragraph):
            break
        lead.append(b.text)
    front = read_front(lead)
    plan = Plan(title=front.title, issuers=front.issuers, doc_number=front.doc_number, date=front.date,
                source=front.source, notice="\n".join(front.notice))
    if front.title_rest:
        blocks.insert(front.body_start, Paragraph(front.title_rest))
        texts.insert(front.body_start, front.title_rest)

    back_start = find_start(texts, front.body_start)
    tail = [t for t in texts[back_start:] if t.strip()]
    body_texts, closing = split_closing(texts[:back_start] if back_start < len(texts) else texts)
    body_end = len(body_texts)
    if back_start < len(texts):
        tail, closing = split_closing(tail)

    reader = _BodyReader(plan, blocks, texts)
    reader.read(front.body_start, body_end)
    plan.sections = reader.outline.finish()
    plan.preamble = "\n".join(reader.outline.preamble)

    back = read_back_matter(tail)
    plan.attachments = back.attachments
    plan.glossary = back.glossary
    plan.closing = "\n".join([*back.other, *closing])
    if not plan.projects:
        plan.projects = projects.from_sections(plan.sections)

    plan.region = find_region(plan.title) or find_region(plan.notice)
    plan.period = find_period(plan.title, plan.preamble)
    if not plan.sections and not plan.indicator_tables and not plan.projects:
        plan.warnings.append(NO_STRUCTURE_WARNING)
    elif plan.period is None and not _PLAN_WORDS.search(plan.title):
        plan.warnings.append(NOT_A_PLAN_WARNING)
    return plan
