"""Key projects (重点工程): from project tables, flattened or real, and from 重点工程 chapters."""

from __future__ import annotations

import re

from planning.model import Project, Section
from planning.parse.labels import label_at_start

_WS = re.compile(r"[\s\u3000\xa0]+")
_HEADER_WORDS = ("名称", "项目", "工程", "建设目标", "目标", "建设依据", "依据", "建设内容", "内容", "序号",
                 "责任单位", "牵头单位", "建设期限")
_NAME_PUNCT = re.compile(r"[，。；、,;：:《》（）()“”]")
CLOSING = re.compile(r"^(主题词|抄送|印发|（此件|\(此件)")
NAME_PART_MAX = 20


def _clean(cell: str) -> str:
    return _WS.sub("", cell)


def looks_like_caption(line: str) -> bool:
    line = line.strip()
    return len(line) <= 60 and ("一览表" in line or line.endswith("表")) and ("工程" in line or "项目" in line)


def _is_header_cell(cell: str) -> bool:
    c = _clean(cell)
    return 0 < len(c) <= 8 and any(c == w or c.endswith(w) for w in _HEADER_WORDS)


def _column(header: list[str], *words: str) -> int | None:
    for i, h in enumerate(header):
        if any(w in _clean(h) for w in words):
            return i
    return None


def _is_name_continuation(line: str) -> bool:
    return len(line) <= NAME_PART_MAX and not _NAME_PUNCT.search(line) and label_at_start(line) is None


def _project_start(line: str, expected: int) -> str | None:
    label = label_at_start(line)
    if label is None or label.style != "num" or label.number != expected:
        return None
    return line[label.end :].strip()


def read_flattened(lines: list[str], start: int, group: str | None = None) -> tuple[list[Project], int] | None:
    """A project table printed one cell per line (名称 / 建设目标 / 建设依据), caption at `start`.

    A name broken over several short lines is joined; of a project's paragraphs the last is its
    basis when the table has a 依据 column, the others its goal.
    """
    if not looks_like_caption(lines[start]):
        return None
    i = start + 1
    header: list[str] = []
    while i < len(lines) and _is_header_cell(lines[i]) and len(header) < 6:
        header.append(lines[i].strip())
        i += 1
    if len(header) < 2:
        return None
    has_basis = _column(header, "依据") is not None
    projects: list[Project] = []
    while i < len(lines):
        name = _project_start(lines[i].strip(), len(projects) + 1)
        if name is None:
            break
        i += 1
        while i < len(lines) and _is_name_continuation(lines[i].strip()):
            name += lines[i].strip()
            i += 1
        paragraphs: list[str] = []
        while i < len(lines):
            line = lines[i].strip()
            if CLOSING.match(line) or _project_start(line, len(projects) + 2) is not None:
                break
            paragraphs.append(line)
            i += 1
        basis = paragraphs.pop() if has_basis and len(paragraphs) > 1 else None
        goal = "\n".join(paragraphs) or None
        projects.append(Project(group, _clean(name), goal, basis))
    if not projects:
        return None
    return projects, i


def is_project_header(row: list[str]) -> bool:
    cells = [_clean(c) for c in row]
    return any("名称" in c for c in cells) and any(("目标" in c or "内容" in c) for c in cells)


def read_table(rows: list[list[str]], caption: str | None) -> list[Project] | None:
    """A real table whose first row names its columns (名称, 建设目标/内容, 建设依据 …)."""
    if not rows or not is_project_header(rows[0]):
        return None
    header = rows[0]
    name_col = _column(header, "名称") or 0
    goal_col = _column(header, "目标", "内容")
    basis_col = _column(header, "依据")
    out: list[Project] = []
    group: str | None = caption
    for row in rows[1:]:
        cells = [c.strip() for c in row] + [""] * (len(header) - len(row))
        distinct = {c for c in cells if c}
        if len(distinct) == 1 and len(header) > 1:  # a merged group row
            group = distinct.pop()
            continue
        name = cells[name_col]
        label = label_at_start(name)
        if label is not None:
            name = name[label.end :]
        name = _clean(name)
        if not name:
            continue
        out.append(Project(
            group,
            name,
            (cells[goal_col] or None) if goal_col is not None else None,
            (cells[basis_col] or None) if basis_col is not None else None,
        ))
    return out


def from_sections(sections: list[Section]) -> list[Project]:
    """Projects written as a 重点工程 chapter: groups (（一）…工程) holding numbered items."""
    for top in sections:
        if "重点工程" not in top.title or "任务" in top.title:
            continue
        groups = [g for g in top.children if g.children and g.title.rstrip("。").endswith(("工程", "项目"))
                  and "阶段" not in g.title]
        if not groups:
            continue
        return [
            Project(g.title.rstrip("。"), item.title, item.text or None, None)
            for g in groups
            for item in g.children
        ]
    return []
