"""Matching two lists of named things (indicators, projects) one to one by name, fuzzily."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from planning.compare.textdiff import normalize

NAME_SIMILARITY = 80.0  # rapidfuzz ratio, 0..100, on names without punctuation or spaces


def name_key(name: str) -> str:
    return normalize(name)


def match_names(
    old: Sequence[str],
    new: Sequence[str],
    *,
    compatible: Callable[[int, int, float], bool] | None = None,
    cutoff: float = NAME_SIMILARITY,
) -> list[tuple[int, int, float]]:
    """Pairs (old index, new index, similarity 0..1): equal names first, then the most similar first.

    `compatible(i, j, score)` can veto a pair (units that differ, say); score is 0..100.
    """
    ok = compatible or (lambda i, j, s: True)
    keys_old = [name_key(n) for n in old]
    keys_new = [name_key(n) for n in new]
    pairs: list[tuple[int, int, float]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    first: dict[str, list[int]] = {}
    for j, k in enumerate(keys_new):
        first.setdefault(k, []).append(j)
    for i, k in enumerate(keys_old):
        for j in first.get(k, []):
            if j not in used_new and ok(i, j, 100.0):
                pairs.append((i, j, 1.0))
                used_old.add(i)
                used_new.add(j)
                break
    cands: list[tuple[float, int, int]] = []
    for i, a in enumerate(keys_old):
        if i in used_old:
            continue
        for j, b in enumerate(keys_new):
            if j in used_new:
                continue
            s = fuzz.ratio(a, b, score_cutoff=cutoff)
            if s and ok(i, j, s):
                cands.append((s, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    for s, i, j in cands:
        if i not in used_old and j not in used_new:
            pairs.append((i, j, s / 100))
            used_old.add(i)
            used_new.add(j)
    return pairs
