"""What a comparison found: the objects the CLI, the HTML report, the GUI and the redline render.

`Comparison.to_dict()` is the JSON contract of `plandesk diff --json`; its keys are stable.

Every `SectionChange` carries the ops over the section's own text (not its subsections', which have
their own entries) and its heading change separately, so a redline can be built from it: joining the
"=" and "-" texts gives the old section's text, "=" and "+" the new one's. The exceptions are the
`role == "part"` entries of a split or merge: their old (split) or new (merged) side is text already
shown as deleted (inserted) in the primary entry of the same split or merge, which is where it went.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from planning.compare.textdiff import Op

SectionStatus = Literal["same", "reworded", "renamed", "moved", "added", "removed", "split", "merged"]
SECTION_STATUSES: tuple[SectionStatus, ...] = (
    "same", "reworded", "renamed", "moved", "added", "removed", "split", "merged")
ItemStatus = Literal["same", "changed", "added", "removed"]


@dataclass(slots=True)
class SectionRef:
    path: str  # labels from the root joined by "/", e.g. 三、/（七）
    label: str
    title: str
    level: int
    kind: str = "section"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "label": self.label, "title": self.title, "level": self.level,
                "kind": self.kind}


@dataclass(slots=True)
class SectionChange:
    old: SectionRef | None
    new: SectionRef | None
    status: SectionStatus
    similarity: float  # 0..1: the share of the section's text kept (the match score for empty sections)
    ops: list[Op] = field(default_factory=list)
    moved: bool = False
    renamed: bool = False  # the heading's title changed (numbering aside)
    reworded: bool = False  # the text changed
    role: Literal["whole", "part"] | None = None  # split / merged entries only
    related: list[str] = field(default_factory=list)  # paths of the other sections of a split / merge

    @property
    def changed(self) -> bool:
        return self.status != "same"

    @property
    def chars_inserted(self) -> int:
        return sum(len(t) for k, t in self.ops if k == "+") if not self._part_of_merge else 0

    @property
    def chars_deleted(self) -> int:
        return sum(len(t) for k, t in self.ops if k == "-") if not self._part_of_split else 0

    @property
    def _part_of_split(self) -> bool:
        return self.role == "part" and self.status == "split"

    @property
    def _part_of_merge(self) -> bool:
        return self.role == "part" and self.status == "merged"

    def heading(self) -> dict[str, Any]:
        return {
            "old_label": self.old.label if self.old else None,
            "old_title": self.old.title if self.old else None,
            "new_label": self.new.label if self.new else None,
            "new_title": self.new.title if self.new else None,
            "changed": self.renamed,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
            "status": self.status,
            "similarity": round(self.similarity, 3),
            "ops": [[k, t] for k, t in self.ops],
            "heading": self.heading(),
            "moved": self.moved,
            "renamed": self.renamed,
            "reworded": self.reworded,
            "role": self.role,
            "related": list(self.related),
            "chars_inserted": self.chars_inserted,
            "chars_deleted": self.chars_deleted,
        }


@dataclass(slots=True)
class FieldChange:
    field: str  # target, base, attribute, unit, name, goal, basis, group
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new}


@dataclass(slots=True)
class ItemChange:
    """An indicator or a key project: matched by name, with the fields that changed."""

    old: dict[str, Any] | None
    new: dict[str, Any] | None
    status: ItemStatus
    similarity: float = 1.0  # of the names
    changes: list[FieldChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "status": self.status, "similarity": round(self.similarity, 3),
                "changes": [c.to_dict() for c in self.changes]}


def _count(items: list[ItemChange]) -> dict[str, int]:
    return {s: sum(1 for i in items if i.status == s) for s in ("added", "removed", "changed")}


@dataclass(slots=True)
class PlanRef:
    title: str
    id: int | None
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "id": self.id, "source": self.source}


@dataclass(slots=True)
class Comparison:
    old: PlanRef
    new: PlanRef
    sections: list[SectionChange] = field(default_factory=list)
    indicators: list[ItemChange] = field(default_factory=list)
    projects: list[ItemChange] = field(default_factory=list)
    preamble: list[Op] = field(default_factory=list)  # ops over the text before the first section
    ignore_punctuation: bool = False

    def section_counts(self) -> dict[str, int]:
        """Sections by status; a split or merge counts once (its whole), not once per part."""
        counts = dict.fromkeys(SECTION_STATUSES, 0)
        for s in self.sections:
            if s.role != "part":
                counts[s.status] += 1
        return counts

    @property
    def chars_inserted(self) -> int:
        return sum(s.chars_inserted for s in self.sections) + sum(len(t) for k, t in self.preamble if k == "+")

    @property
    def chars_deleted(self) -> int:
        return sum(s.chars_deleted for s in self.sections) + sum(len(t) for k, t in self.preamble if k == "-")

    @property
    def unchanged(self) -> bool:
        return (not any(s.changed for s in self.sections) and all(k == "=" for k, _ in self.preamble)
                and all(i.status == "same" for i in (*self.indicators, *self.projects)))

    def summary(self) -> dict[str, Any]:
        return {
            "sections": self.section_counts(),
            "chars_inserted": self.chars_inserted,
            "chars_deleted": self.chars_deleted,
            "chars_unchanged": sum(len(t) for s in self.sections if s.role != "part" for k, t in s.ops if k == "="),
            "indicators": _count(self.indicators),
            "projects": _count(self.projects),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "plans": {"old": self.old.to_dict(), "new": self.new.to_dict()},
            "ignore_punctuation": self.ignore_punctuation,
            "preamble": {"ops": [[k, t] for k, t in self.preamble]},
            "sections": [s.to_dict() for s in self.sections],
            "indicators": [i.to_dict() for i in self.indicators],
            "projects": [p.to_dict() for p in self.projects],
        }
