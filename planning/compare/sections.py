"""From an alignment to the list of section changes, in reading order of the new plan.

Removed sections (and the parts of a merge) are placed right after the new section that stands for
the old section preceding them, so the list reads as one document.
"""

from __future__ import annotations

from planning.compare.align import Alignment, Row
from planning.compare.result import SectionChange, SectionRef, SectionStatus
from planning.compare.textdiff import diff_text, similarity


def ref(row: Row) -> SectionRef:
    s = row.section
    return SectionRef("/".join(row.path), s.label, s.title, s.level, s.kind)


def _title_changed(a: Row, b: Row, ignore_punctuation: bool) -> bool:
    if ignore_punctuation:
        return a.title_key != b.title_key
    return "".join(a.title.split()) != "".join(b.title.split())


def _pair_change(al: Alignment, i: int, j: int, ignore_punctuation: bool) -> SectionChange:
    a, b = al.old.rows[i], al.new.rows[j]
    ops = diff_text(a.section.text, b.section.text, ignore_punctuation=ignore_punctuation)
    reworded = any(k != "=" for k, _ in ops)
    renamed = _title_changed(a, b, ignore_punctuation)
    moved = i in al.moved
    status: SectionStatus = "moved" if moved else "renamed" if renamed else "reworded" if reworded else "same"
    if a.section.text or b.section.text:
        sim = similarity(ops)
    else:
        sim = al.scores[i].total if i in al.scores else 1.0
    return SectionChange(ref(a), ref(b), status, sim, ops, moved=moved, renamed=renamed, reworded=reworded)


def _deleted(ops: list[tuple[str, str]], kind: str) -> str:
    return "".join(t for k, t in ops if k == kind)


def build_changes(al: Alignment, *, ignore_punctuation: bool = False) -> list[SectionChange]:
    old, new = al.old, al.new
    split_part_of = {j: i for i, parts in al.splits.items() for j in parts}
    merge_part_of = {i: j for j, parts in al.merges.items() for i in parts}
    by_new: dict[int, SectionChange] = {}
    for j, row in enumerate(new.rows):
        i = al.reverse.get(j)
        if i is not None:
            change = _pair_change(al, i, j, ignore_punctuation)
        elif j in split_part_of:
            whole = split_part_of[j]
            primary = _pair_change(al, whole, al.pairs[whole], ignore_punctuation)
            ops = diff_text(_deleted(primary.ops, "-"), row.section.text, ignore_punctuation=ignore_punctuation)
            change = SectionChange(ref(old.rows[whole]), ref(row), "split", similarity(ops), ops, role="part",
                                   related=["/".join(new.rows[al.pairs[whole]].path)])
        else:
            change = SectionChange(None, ref(row), "added", 0.0, [("+", row.section.text)] if row.section.text else [])
        by_new[j] = change
    for i, parts in al.splits.items():
        whole = by_new[al.pairs[i]]
        whole.status, whole.role = "split", "whole"
        whole.related = ["/".join(new.rows[j].path) for j in parts]
    for j, parts in al.merges.items():
        whole = by_new[j]
        whole.status, whole.role = "merged", "whole"
        whole.related = ["/".join(old.rows[i].path) for i in parts]

    extra: dict[int, list[SectionChange]] = {}  # after which new row (-1: first) an old-only entry goes
    last_new = -1
    for i, row in enumerate(old.rows):
        if i in al.pairs:
            last_new = al.pairs[i]
            continue
        if i in merge_part_of:
            target = merge_part_of[i]
            primary = by_new[target]
            inserted = _deleted(primary.ops, "+")
            ops = diff_text(row.section.text, inserted, ignore_punctuation=ignore_punctuation)
            change = SectionChange(ref(row), primary.new, "merged", similarity(ops), ops, role="part",
                                   related=[primary.old.path] if primary.old else [])
        else:
            change = SectionChange(ref(row), None, "removed", 0.0, [("-", row.section.text)] if row.section.text else [])
        extra.setdefault(last_new, []).append(change)
    out = list(extra.get(-1, []))
    for j in range(len(new.rows)):
        out.append(by_new[j])
        out.extend(extra.get(j, []))
    return out

