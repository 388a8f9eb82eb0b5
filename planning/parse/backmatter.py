"""What follows the body: the attachment list (附件：1. … 2. …), a glossary (名词解释), and the
closing block (主题词, 抄送, 印发机关和日期), which is metadata and never content."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planning.model import GlossaryEntry
from planning.parse.labels import label_at_start

_ATTACHMENTS = re.compile(r"^附\s*件\s*[：:]\s*")
_ATTACHMENT_MARK = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*$")
_GLOSSARY_TITLE = re.compile(r"名词解释|术语解释|名词术语|术语表")
_TERM = re.compile(r"^([^：:，。；]{1,30})[：:]\s*(.+)$")
CLOSING = re.compile(r"^\s*(主题词|主题词语|抄送|抄报|印发|[（(]此件)")
TAIL_SCAN = 12


@dataclass(slots=True)
class BackMatter:
    attachments: list[str] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # attachment text that is neither of those


def find_start(lines: list[str], begin: int) -> int:
    """Index of the first line of the back matter (the 附件 list, or an 附件N marker), or len(lines)."""
    for i in range(begin, len(lines)):
        line = lines[i].strip()
        if _ATTACHMENTS.match(line) or _ATTACHMENT_MARK.match(line):
            return i
    return len(lines)


def split_closing(lines: list[str]) -> tuple[list[str], list[str]]:
    """(lines before the closing block, the closing block), looking only at the last lines."""
    for i in range(max(0, len(lines) - TAIL_SCAN), len(lines)):
        if CLOSING.match(lines[i]) and len(lines[i]) < 400:
            return lines[:i], lines[i:]
    return lines, []


def _strip_label(line: str) -> str:
    label = label_at_start(line)
    return line[label.end :].strip() if label else line.strip()


def read_back_matter(lines: list[str]) -> BackMatter:
    out = BackMatter()
    i = 0
    if lines and _ATTACHMENTS.match(lines[0].strip()):
        first = _ATTACHMENTS.sub("", lines[0].strip())
        if first:
            out.attachments.append(_strip_label(first))
        i = 1
        while i < len(lines):
            label = label_at_start(lines[i].strip())
            if label is None or label.style != "num" or label.number != len(out.attachments) + 1:
                break
            out.attachments.append(_strip_label(lines[i]))
            i += 1
    in_glossary = False
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if _ATTACHMENT_MARK.match(line):
            in_glossary = False
            continue
        if len(line) <= 30 and _GLOSSARY_TITLE.search(line):
            in_glossary = True
            continue
        m = _TERM.match(line) if in_glossary else None
        if m:
            out.glossary.append(GlossaryEntry(m.group(1).strip(), m.group(2).strip()))
        else:
            out.other.append(line)
    return out
