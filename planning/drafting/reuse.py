"""Reusing a section of any plan in a draft, its period rolled forward replacement by replacement.

Every replacement roll-forward proposes is shown to ``accept`` (or taken wholesale with
``accept_all``); with neither, none is applied and the section goes in as printed. The section
takes the place of the draft's top-level section of the same title (the skeleton's placeholder),
or goes under it when it is a subsection, or is appended at the end when the draft has no such title.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from planning.drafting.outline import delete_section, find_sections, insert_subtree
from planning.drafting.rollforward import Flag, Replacement, apply, period_number, roll_section
from planning.errors import PlanDeskError
from planning.model import Plan, Section

CONTEXT = 12  # characters shown either side of a replacement
SHOWN = 8  # candidates listed for an ambiguous section
_SPACES = re.compile(r"[\s\u3000]+")
_FIVE_YEAR = re.compile(r"十[一二三四五六七八九]五")


@dataclass(frozen=True, slots=True)
class Proposal:
    """One replacement roll-forward proposes, where it is, and the text around it."""

    path: tuple[str, ...]  # label path in the source plan
    field: str  # "title" | "text"
    replacement: Replacement
    text: str  # the field as the source prints it

    def context(self, width: int = CONTEXT) -> tuple[str, str]:
        r = self.replacement
        return self.text[max(0, r.start - width):r.start], self.text[r.end:r.end + width]

    def to_dict(self) -> dict[str, Any]:
        left, right = self.context()
        return {"path": "/".join(self.path), "field": self.field, **self.replacement.to_dict(),
                "context_before": left, "context_after": right}


@dataclass(frozen=True, slots=True)
class FlagNote:
    path: tuple[str, ...]
    field: str
    flag: Flag

    def to_dict(self) -> dict[str, Any]:
        return {"path": "/".join(self.path), "field": self.field, **self.flag.to_dict()}


Accept = Callable[[Proposal], bool]


@dataclass(slots=True)
class ReuseResult:
    plan_id: int | None
    source_path: str  # the section's label path in the source, e.g. 四、
    title: str  # as inserted (rolled forward where accepted)
    placed_at: tuple[int, ...]  # index path in the draft
    label: str  # its label in the draft
    replaced: str | None  # the title of the draft section it took the place of
    from_period: str | None
    to_period: str | None
    proposals: list[Proposal] = field(default_factory=list)
    accepted: list[bool] = field(default_factory=list)
    flagged: list[FlagNote] = field(default_factory=list)
    draft_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "draft_id": self.draft_id,
            "plan_id": self.plan_id,
            "source_path": self.source_path,
            "title": self.title,
            "label": self.label,
            "placed_at": list(self.placed_at),
            "replaced": self.replaced,
            "from_period": self.from_period,
            "to_period": self.to_period,
            "replacements": [{**p.to_dict(), "accepted": a} for p, a in zip(self.proposals, self.accepted, strict=True)],
            "flagged": [f.to_dict() for f in self.flagged],
        }


def _norm(text: str) -> str:
    return _SPACES.sub("", text)


def find_one(plan: Plan, spec: str) -> tuple[tuple[int, ...], Section]:
    """The one section ``spec`` names (label path or part of a title); a clear error otherwise."""
    found = find_sections(plan, spec)
    if len(found) == 1:
        return found[0]
    if not found:
        raise PlanDeskError(f"规划“{plan.title}”中没有章节“{spec}”", f"plan {plan.id} has no section {spec!r}")
    listed = "；".join(f"{'/'.join(label_path(plan, p))} {s.title}" for p, s in found[:SHOWN])
    more = f"…（共 {len(found)} 个）" if len(found) > SHOWN else ""
    raise PlanDeskError(f"“{spec}”对应多个章节，请写明标号路径：{listed}{more}",
                        f"{spec!r} names {len(found)} sections; give the label path of one (listed above)")


def label_path(plan: Plan, path: tuple[int, ...]) -> tuple[str, ...]:
    labels, children = [], plan.sections
    for i in path:
        labels.append(children[i].label)
        children = children[i].children
    return tuple(labels)


def _periods(source: Plan, draft: Plan) -> tuple[str, str] | None:
    """(from, to) when the source's period comes before the draft's; None when there is nothing to roll."""
    to = draft.period.name if draft.period else None
    if to is None or not _FIVE_YEAR.fullmatch(to):
        return None
    source_name = source.period.name if source.period else ""
    m = _FIVE_YEAR.search(source_name)
    if m is None:
        return None
    if period_number(m.group()) >= period_number(to):
        return None
    return m.group(), to


def _rolled_copy(
    original: Section, prefix: tuple[str, ...], periods: tuple[str, str] | None, accept: Accept | None, accept_all: bool
) -> tuple[Section, list[Proposal], list[bool], list[FlagNote]]:
    copy = Section.from_dict(original.to_dict())
    if periods is None:
        return copy, [], [], []
    _, changes = roll_section(original, from_period=periods[0], to_period=periods[1])
    proposals: list[Proposal] = []
    decisions: list[bool] = []
    notes: list[FlagNote] = []
    pending = iter(changes)
    change = next(pending, None)
    # roll_section lists its changes in walk order, title before text: walk both trees the same way
    for (path, source), (_, target) in zip(original.walk(), copy.walk(), strict=True):
        for name in ("title", "text"):
            if change is None or change[0] != path or change[1] != name:
                continue
            result = change[2]
            text = getattr(source, name)
            full = (*prefix, *path)
            chosen = set()
            for i, r in enumerate(result.replacements):
                proposal = Proposal(full, name, r, text)
                ok = accept_all or (accept is not None and accept(proposal))
                proposals.append(proposal)
                decisions.append(ok)
                if ok:
                    chosen.add(i)
            setattr(target, name, apply(text, result.replacements, chosen))
            notes.extend(FlagNote(full, name, f) for f in result.flagged)
            change = next(pending, None)
    return copy, proposals, decisions, notes


def reuse_into(
    draft: Plan, source: Plan, spec: str, *, accept: Accept | None = None, accept_all: bool = False
) -> ReuseResult:
    """Insert ``source``'s section ``spec`` into ``draft`` (in memory), rolled forward as accepted."""
    index_path, original = find_one(source, spec)
    labels = label_path(source, index_path)
    periods = _periods(source, draft)
    section, proposals, decisions, notes = _rolled_copy(original, labels[:-1], periods, accept, accept_all)

    top_title = _norm(source.sections[index_path[0]].title)
    match = next((i for i, s in enumerate(draft.sections) if _norm(s.title) == top_title), None)
    replaced = None
    if match is None:
        placed = insert_subtree(draft, (), None, section)
    elif len(index_path) == 1:
        replaced = delete_section(draft, (match,)).title
        placed = insert_subtree(draft, (), match, section)
    else:
        placed = insert_subtree(draft, (match,), None, section)
    return ReuseResult(
        plan_id=source.id,
        source_path="/".join(labels),
        title=section.title,
        placed_at=placed,
        label=section.label,
        replaced=replaced,
        from_period=periods[0] if periods else None,
        to_period=periods[1] if periods else None,
        proposals=proposals,
        accepted=decisions,
        flagged=notes,
        draft_id=draft.id,
    )
