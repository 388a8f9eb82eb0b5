"""Section alignment over two plan trees: which old section became which new one.

Labels and numbering are not content: sections are matched by title and by content. The passes:

1. exact: the same title and the same text (whitespace aside) on both sides, one to one;
2. hierarchical: top-level sections, then the children of every matched pair, scored by title
   similarity (rapidfuzz) and content similarity (Dice coefficient of character bigrams over the
   section and its subsections), best pair first; a section left alone between two matched siblings
   on both sides gets a second, weaker chance (it sits in the same place);
3. global: what is left on either side, across parents and levels (moves), with stricter thresholds,
   then the children of those new pairs as in pass 2.

Afterwards a pair whose parents are not a pair, or whose order among its siblings changed, is moved;
an old section whose text is covered by two new ones is split, two old ones covered by one new one
are merged (only where the bigram evidence is clear).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from planning.compare.textdiff import normalize
from planning.model import Plan, Section

# thresholds on 0..1 scores (measured on the seed plans: unrelated sections score a bigram Dice
# of 0.05–0.15, rarely 0.3; a section and its reworded version 0.5 and above)
LOCAL_SCORE, LOCAL_CONTENT, LOCAL_TITLE = 0.35, 0.45, 0.75
GAP_SCORE = 0.2
GLOBAL_SCORE, GLOBAL_CONTENT, GLOBAL_TITLE = 0.6, 0.5, 0.9
PART_CONTAINMENT = 0.8  # a split part's (merged source's) bigrams found in the whole
PART_COVERAGE = 0.6  # the parts together cover this share of the whole's bigrams
PART_MIN_CHARS = 20
SAMPLE_SIZE, SAMPLE_MARGIN = 32, 0.25  # the bigram sample that prunes hopeless pairs before exact overlap


@dataclass(slots=True, eq=False)
class Row:
    """One section of a flattened tree."""

    index: int
    path: tuple[str, ...]
    section: Section
    parent: int | None
    children: list[int] = field(default_factory=list)
    title_key: str = ""
    text_key: str = ""
    _grams: frozenset[str] | None = None
    _own_grams: frozenset[str] | None = None
    _sample: frozenset[str] | None = None

    @property
    def label(self) -> str:
        return self.section.label

    @property
    def title(self) -> str:
        return self.section.title


def flatten(sections: Iterable[Section], *, ignore_punctuation: bool = False) -> list[Row]:
    rows: list[Row] = []

    def visit(section: Section, path: tuple[str, ...], parent: int | None) -> None:
        here = (*path, section.label)
        text = normalize(section.text) if ignore_punctuation else "".join(section.text.split())
        row = Row(len(rows), here, section, parent, title_key=normalize(section.title), text_key=text)
        rows.append(row)
        if parent is not None:
            rows[parent].children.append(row.index)
        for child in section.children:
            visit(child, here, row.index)

    for top in sections:
        visit(top, (), None)
    return rows


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(map(str.__add__, text, text[1:]))


class Tree:
    """The rows of one plan with the lazily computed content used for scoring."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.top = [r.index for r in rows if r.parent is None]

    def children(self, index: int | None) -> list[int]:
        return self.top if index is None else self.rows[index].children

    def grams(self, index: int) -> frozenset[str]:
        """The bigrams of the section's text and of all its subsections' (built from the own sets)."""
        row = self.rows[index]
        if row._grams is None:
            own = self.own_grams(index)
            row._grams = own.union(*(self.grams(c) for c in row.children)) if row.children else own
        return row._grams

    def sample(self, index: int) -> frozenset[str]:
        """Up to SAMPLE_SIZE bigrams of the section and its subsections, evenly spaced in the text
        (taken from the text, not the set, so the sample is the same in every run)."""
        row = self.rows[index]
        if row._sample is None:
            text = self._body(index)
            step = max(1, (len(text) - 1) // SAMPLE_SIZE)
            row._sample = frozenset(text[k:k + 2] for k in range(0, len(text) - 1, step))
        return row._sample

    def own_sample(self, index: int) -> frozenset[str]:
        row = self.rows[index]
        text = row.text_key
        step = max(1, (len(text) - 1) // SAMPLE_SIZE)
        return frozenset(text[k:k + 2] for k in range(0, len(text) - 1, step))

    def _body(self, index: int) -> str:
        row = self.rows[index]
        return row.text_key + "".join(self._body(c) for c in row.children)

    def own_grams(self, index: int) -> frozenset[str]:
        row = self.rows[index]
        if row._own_grams is None:
            row._own_grams = _bigrams(row.text_key)
        return row._own_grams


@dataclass(slots=True)
class Score:
    total: float
    title: float | None
    content: float | None


def score(old: Tree, new: Tree, i: int, j: int) -> Score:
    a, b = old.rows[i], new.rows[j]
    title = fuzz.ratio(a.title_key, b.title_key) / 100 if (a.title_key or b.title_key) else None
    ga, gb = old.grams(i), new.grams(j)
    content = 2 * len(ga & gb) / (len(ga) + len(gb)) if (ga or gb) else None
    if title is None and content is None:
        return Score(0.0, None, None)
    if content is None:
        return Score(title or 0.0, title, None)
    if title is None:
        return Score(content, None, content)
    return Score(max(content, (title + content) / 2), title, content)


EXACT = Score(1.0, 1.0, 1.0)


def _accept(s: Score, total: float, content: float, title: float) -> bool:
    if s.content is None:  # two empty headings: the title alone decides
        return (s.title or 0.0) >= max(title, 0.9)
    return s.total >= total or s.content >= content or (s.title or 0.0) >= title


@dataclass(slots=True)
class Alignment:
    old: Tree
    new: Tree
    pairs: dict[int, int] = field(default_factory=dict)  # old row → new row
    reverse: dict[int, int] = field(default_factory=dict)
    scores: dict[int, Score] = field(default_factory=dict)  # by old row
    moved: set[int] = field(default_factory=set)  # old rows
    splits: dict[int, list[int]] = field(default_factory=dict)  # old row → further new rows (parts)
    merges: dict[int, list[int]] = field(default_factory=dict)  # new row → further old rows (sources)

    def pair(self, i: int, j: int, s: Score = EXACT) -> None:
        self.pairs[i] = j
        self.reverse[j] = i
        self.scores[i] = s

    def partner(self, i: int | None) -> int | None:
        return None if i is None else self.pairs.get(i)


def _hopeless(old: Tree, new: Tree, i: int, j: int, total: float, content: float, title: float) -> bool:
    """True when the pair cannot reach the thresholds: a cheap bound before the exact bigram overlap.

    Dice = containment of the smaller set × 2·min/(|A|+|B|); the containment is estimated from a
    fixed sample of the smaller set's bigrams (generous margin: this only prunes clear misses).
    """
    a, b = old.rows[i], new.rows[j]
    t = fuzz.ratio(a.title_key, b.title_key) / 100 if (a.title_key or b.title_key) else 0.0
    if t >= title:
        return False
    need = min(content, 2 * total - t)
    ga, gb = old.grams(i), new.grams(j)
    if not ga or not gb:
        return False
    size_bound = 2 * min(len(ga), len(gb)) / (len(ga) + len(gb))
    if size_bound < need:
        return True
    small, large = (old.sample(i), gb) if len(ga) <= len(gb) else (new.sample(j), ga)
    estimate = len(small & large) / len(small) if small else 1.0
    return (estimate + SAMPLE_MARGIN) * size_bound < need


def _greedy(al: Alignment, olds: list[int], news: list[int], total: float, content: float, title: float,
            *, prune: bool = False) -> None:
    cands: list[tuple[float, int, int, Score]] = []
    for i in olds:
        for j in news:
            if prune and _hopeless(al.old, al.new, i, j, total, content, title):
                continue
            s = score(al.old, al.new, i, j)
            if _accept(s, total, content, title):
                cands.append((s.total, i, j, s))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    for _, i, j, s in cands:
        if i not in al.pairs and j not in al.reverse:
            al.pair(i, j, s)


def _fill_gaps(al: Alignment, olds: list[int], news: list[int]) -> None:
    """One unmatched sibling on each side between the same matched neighbours: weaker evidence will do."""
    pos_new = {j: k for k, j in enumerate(news)}
    anchors = [(-1, -1)] + sorted((k, pos_new[al.pairs[i]]) for k, i in enumerate(olds)
                                  if al.pairs.get(i) in pos_new) + [(len(olds), len(news))]
    for (k0, m0), (k1, m1) in zip(anchors, anchors[1:], strict=False):
        if m1 <= m0:
            continue  # crossing anchors: no common gap
        gap_old = [i for i in olds[k0 + 1:k1] if i not in al.pairs]
        gap_new = [j for j in news[m0 + 1:m1] if j not in al.reverse]
        if len(gap_old) == 1 and len(gap_new) == 1:  # one in the same place on each side
            _greedy(al, gap_old, gap_new, GAP_SCORE, 1.0, 1.0)


def _align_children(al: Alignment, i: int | None, j: int | None) -> None:
    olds = [c for c in al.old.children(i) if c not in al.pairs]
    news = [c for c in al.new.children(j) if c not in al.reverse]
    if olds and news:
        _greedy(al, olds, news, LOCAL_SCORE, LOCAL_CONTENT, LOCAL_TITLE, prune=True)
        _fill_gaps(al, al.old.children(i), al.new.children(j))


def _hierarchical(al: Alignment, start: list[int | None]) -> None:
    queue = list(start)
    while queue:
        i = queue.pop(0)
        j = al.partner(i)
        if i is not None and j is None:
            continue
        _align_children(al, i, j)
        queue.extend(c for c in al.old.children(i) if c in al.pairs)


def _exact(al: Alignment) -> None:
    by_key: dict[tuple[str, str], list[int]] = {}
    for r in al.new.rows:
        if r.title_key or r.text_key:
            by_key.setdefault((r.title_key, r.text_key), []).append(r.index)
    for r in al.old.rows:
        found = by_key.get((r.title_key, r.text_key))
        if found:
            al.pair(r.index, found.pop(0))


def _mark_moves(al: Alignment) -> None:
    groups: dict[int | None, list[int]] = {}
    for i, j in al.pairs.items():
        po, pn = al.old.rows[i].parent, al.new.rows[j].parent
        if al.partner(po) != pn or (po is None) != (pn is None):
            al.moved.add(i)
        else:
            groups.setdefault(po, []).append(i)
    for members in groups.values():
        members.sort()
        keep = _longest_increasing([al.pairs[i] for i in members])
        al.moved.update(i for k, i in enumerate(members) if k not in keep)


def _longest_increasing(seq: list[int]) -> set[int]:
    """Positions of one longest increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_pos: list[int] = []
    prev = [-1] * len(seq)
    for k, v in enumerate(seq):
        at = bisect.bisect_left(tails, v)
        if at == len(tails):
            tails.append(v)
            tail_pos.append(k)
        else:
            tails[at] = v
            tail_pos[at] = k
        prev[k] = tail_pos[at - 1] if at else -1
    out: set[int] = set()
    k = tail_pos[-1] if tail_pos else -1
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out


def _containment(part: frozenset[str], whole: frozenset[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _find_parts(whole_tree: Tree, part_tree: Tree, partner: dict[int, int], taken: set[int],
                skip: set[int]) -> dict[int, list[int]]:
    """Whole rows (old for splits, new for merges) → further unmatched part rows, where the evidence is clear."""
    loose = [r.index for r in part_tree.rows if r.index not in taken and len(r.text_key) >= PART_MIN_CHARS]
    if not loose:
        return {}
    # a whole is unmatched, or has more text than its partner (a whole with its partner's very text
    # has nothing left to give to, or to have taken from, another section)
    wholes = [r.index for r in whole_tree.rows
              if len(r.text_key) >= 2 * PART_MIN_CHARS and r.index not in skip
              and (r.index not in partner or part_tree.rows[partner[r.index]].text_key != r.text_key)]
    found: dict[int, list[int]] = {}
    for p in loose:
        pg, ps = part_tree.own_grams(p), part_tree.own_sample(p)
        likely = [w for w in wholes if _containment(ps, whole_tree.own_grams(w)) >= PART_CONTAINMENT - SAMPLE_MARGIN]
        best = max(likely, key=lambda w: _containment(pg, whole_tree.own_grams(w)), default=None)
        if best is not None and _containment(pg, whole_tree.own_grams(best)) >= PART_CONTAINMENT:
            found.setdefault(best, []).append(p)
    out: dict[int, list[int]] = {}
    for w, parts in found.items():
        first = partner.get(w)
        members = ([first] if first is not None else []) + parts
        if len(members) < 2:
            continue
        wg = whole_tree.own_grams(w)
        if first is not None and _containment(part_tree.own_grams(first), wg) < 0.5:
            continue  # its partner is not mostly made of it: not a clear split
        covered = frozenset().union(*(part_tree.own_grams(m) for m in members)) & wg
        if len(covered) / max(len(wg), 1) >= PART_COVERAGE:
            out[w] = parts
    return out


def _mark_parts(al: Alignment) -> None:
    splits = _find_parts(al.old, al.new, al.pairs, set(al.reverse), set())
    for i, parts in splits.items():
        if i not in al.pairs:  # the whole had no partner: its largest part becomes the partner
            parts.sort(key=lambda j: -len(al.new.rows[j].text_key))
            al.pair(i, parts.pop(0), Score(0.0, None, None))
        al.splits[i] = parts
    split_parts = {j for parts in al.splits.values() for j in parts}
    merges = _find_parts(al.new, al.old, al.reverse, set(al.pairs), split_parts)
    for j, parts in merges.items():
        if j not in al.reverse:
            parts.sort(key=lambda i: -len(al.old.rows[i].text_key))
            al.pair(parts.pop(0), j, Score(0.0, None, None))
        al.merges[j] = parts


def align(old: Plan, new: Plan, *, ignore_punctuation: bool = False) -> Alignment:
    al = Alignment(Tree(flatten(old.sections, ignore_punctuation=ignore_punctuation)),
                   Tree(flatten(new.sections, ignore_punctuation=ignore_punctuation)))
    _exact(al)
    _hierarchical(al, [None])
    before = set(al.pairs)
    olds = [r.index for r in al.old.rows if r.index not in al.pairs]
    news = [r.index for r in al.new.rows if r.index not in al.reverse]
    if olds and news:
        _greedy(al, olds, news, GLOBAL_SCORE, GLOBAL_CONTENT, GLOBAL_TITLE, prune=True)
    _hierarchical(al, [i for i in al.pairs if i not in before])
    _mark_moves(al)
    _mark_parts(al)
    return al
