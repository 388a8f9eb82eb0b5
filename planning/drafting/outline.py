"""Editing a plan's outline in memory: add, delete, rename, move, insert; numbering follows every change.

A path is a tuple of child indexes from the root: (2, 6) is the seventh child of the third
top-level section; () is the root (the plan's list of top-level sections).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planning.errors import PlanDeskError
from planning.model import Plan, Section, SectionKind
from planning.numbering import renumber
from planning.parse.labels import label_at_start

Path = tuple[int, ...]


class OutlineError(PlanDeskError):
    """A path that names no section, or a move the tree cannot make."""


def _show(path: Path) -> str:
    return "/".join(str(i) for i in path) or "(root)"


def _children(plan: Plan, parent: Path) -> list[Section]:
    children = plan.sections
    for depth, i in enumerate(parent):
        if not 0 <= i < len(children):
            raise OutlineError(f"找不到章节 {_show(parent[:depth + 1])}", f"no section at {_show(parent[:depth + 1])}")
        children = children[i].children
    return children


def get_section(plan: Plan, path: Path) -> Section:
    if not path:
        raise OutlineError("请指定一个章节（路径为空）", "name a section (the path is empty)")
    siblings = _children(plan, path[:-1])
    if not 0 <= path[-1] < len(siblings):
        raise OutlineError(f"找不到章节 {_show(path)}", f"no section at {_show(path)}")
    return siblings[path[-1]]


def _slot(siblings: list[Section], index: int | None) -> int:
    if index is None:
        return len(siblings)
    if not 0 <= index <= len(siblings):
        raise OutlineError(f"位置 {index} 超出范围（0–{len(siblings)}）",
                           f"position {index} is out of range (0–{len(siblings)})")
    return index


def add_section(plan: Plan, parent: Path, index: int | None, title: str, text: str = "",
                kind: SectionKind = "section") -> Path:
    """A new section under `parent` at `index` (None = last); returns its path."""
    if kind not in ("section", "box"):
        raise OutlineError(f"未知的章节类型“{kind}”", f"unknown section kind {kind!r}")
    siblings = _children(plan, parent)
    at = _slot(siblings, index)
    siblings.insert(at, Section(label="", title=title, level=len(parent) + 1, kind=kind, text=text))
    renumber(plan.sections)
    return (*parent, at)


def insert_subtree(plan: Plan, parent: Path, index: int | None, section: Section) -> Path:
    """Insert `section` with its subtree (e.g. one reused from another plan); levels and labels follow
    the new place. The section object itself is inserted: pass a copy to keep the original intact."""
    siblings = _children(plan, parent)
    at = _slot(siblings, index)
    siblings.insert(at, section)
    renumber(plan.sections)
    return (*parent, at)


def delete_section(plan: Plan, path: Path) -> Section:
    get_section(plan, path)
    removed = _children(plan, path[:-1]).pop(path[-1])
    renumber(plan.sections)
    return removed


def rename_section(plan: Plan, path: Path, title: str) -> None:
    get_section(plan, path).title = title


def set_text(plan: Plan, path: Path, text: str) -> None:
    get_section(plan, path).text = text


def move_section(plan: Plan, path: Path, new_parent: Path, index: int | None) -> Path:
    """Move a section with its subtree under `new_parent`, before the child now at `index` (None =
    last); any level. Returns the section's new path."""
    section = get_section(plan, path)
    if new_parent[:len(path)] == path:
        raise OutlineError("不能把章节移到它自己的下级中", "cannot move a section into its own subtree")
    target = _children(plan, new_parent)
    at = _slot(target, index)
    old_parent, old_index = path[:-1], path[-1]
    # Where the new parent and the slot end up once the section has left its old place.
    depth = len(old_parent)
    if new_parent[:depth] == old_parent and len(new_parent) > depth and new_parent[depth] > old_index:
        new_parent = (*new_parent[:depth], new_parent[depth] - 1, *new_parent[depth + 1:])
    if new_parent == old_parent and at > old_index:
        at -= 1
    _children(plan, old_parent).pop(old_index)
    _children(plan, new_parent).insert(at, section)
    renumber(plan.sections)
    return (*new_parent, at)


# --- finding sections by label path or title ---------------------------------------------------------

_SPACES = re.compile(r"[\s\u3000]+")
_WIDTH = str.maketrans("()0123456789.", "（）０１２３４５６７８９．")


def _norm_label(text: str) -> str:
    """Labels compared loosely: spaces, (一) vs （一）, 1. vs 1、 vs １．"""
    return _SPACES.sub("", text).translate(_WIDTH).replace("、", "．").rstrip("．")


def _norm(text: str) -> str:
    return _SPACES.sub("", text)


def _is_label(part: str) -> bool:
    label = label_at_start(part)
    return label is not None and label.end >= len(part.rstrip())


def _is_box_label(part: str) -> bool:
    label = label_at_start(part)
    return _is_label(part) and label is not None and label.style == "box"


def _matches(section: Section, part: str) -> bool:
    if _is_label(part):
        return _norm_label(section.label) == _norm_label(part)
    key = _norm(part)
    return key in _norm(section.title) or key == _norm(section.label + section.title)


def find_sections(plan: Plan, spec: str) -> list[tuple[Path, Section]]:
    """Sections named by `spec`: a label path from the root (三、/（七）; a bare 3 means 3.), or part of a title.

    A title search returns exact titles when there are any, else every title containing `spec`;
    more than one result means the spec is ambiguous.
    """
    spec = spec.strip()
    if not spec:
        return []
    parts = [p.strip() + ("." if p.strip().isdigit() else "") for p in spec.split("/") if p.strip()]
    if len(parts) > 1 or _is_label(parts[0]):
        found: list[tuple[Path, Section]] = [((), Section("", "", 0, children=plan.sections))]
        for part in parts:
            if _is_box_label(part):  # 专栏 numbers run across the plan: look at any depth
                found = [((*path, *sub), child) for path, s in found
                         for sub, child in _walk(s.children, ()) if _matches(child, part)]
            else:
                found = [((*path, i), child) for path, s in found
                         for i, child in enumerate(s.children) if _matches(child, part)]
        return found
    key = _norm(spec)
    everything = list(_walk(plan.sections, ()))
    exact = [(p, s) for p, s in everything if _norm(s.title) == key or _norm(s.label + s.title) == key]
    if exact:
        return exact
    return [(p, s) for p, s in everything if key in _norm(s.title)]


def _walk(sections: list[Section], path: Path) -> Iterator[tuple[Path, Section]]:
    for i, s in enumerate(sections):
        here = (*path, i)
        yield here, s
        yield from _walk(s.children, here)
