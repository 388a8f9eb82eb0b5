"""The text diff inside one aligned section pair: sentences first, then characters inside changed ones.

Sentences (ending in 。；！？ or a line break) are aligned with `difflib.SequenceMatcher` over the
sentence lists; changed runs of sentences are paired by similarity, and only a pair of similar
sentences goes to diff-match-patch (`diff_main` + `diff_cleanupSemantic`, under a time limit), so
the character diff is always small and bounded. Two whole plans never reach diff-match-patch.

Ops are ``("=", text)``, ``("+", text)``, ``("-", text)``: joining the "=" and "-" texts gives the old
text, joining "=" and "+" the new one (with ``ignore_punctuation`` the "=" texts are the new text's).
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import Literal

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz

OpKind = Literal["=", "+", "-"]
Op = tuple[OpKind, str]

_SENTENCE = re.compile(r"[^。；！？\n]*(?:[。；！？]+[”’」』）)]*\n?|\n|$)")
PAIR_MIN_SIMILARITY = 40.0  # two sentences below this are a deletion and an insertion, not an edit
DMP_TIMEOUT = 0.02  # seconds for one sentence pair; pairs are short, so this only bounds the worst case
_DMP_OPS: dict[int, OpKind] = {0: "=", 1: "+", -1: "-"}

_dmp = diff_match_patch()
_dmp.Diff_Timeout = DMP_TIMEOUT


def split_sentences(text: str) -> list[str]:
    """Sentences with their ending punctuation (and closing quotes, line break); joined they give `text`."""
    return [s for s in _SENTENCE.findall(text) if s]


def is_punctuation_or_space(text: str) -> bool:
    return all(_is_mark(ch) for ch in text)


def _is_mark(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PSZ"


# punctuation, symbols and spaces (after NFKC folding) up to the CJK ideographs and in the full-width
# forms: every mark plan text uses; deleted by str.translate
_MARKS = {cp: None for r in (range(0x3400), range(0xFE10, 0xFE70), range(0xFF00, 0xFFF0))
          for cp in r if _is_mark(chr(cp))}


def normalize(text: str) -> str:
    """The comparison key with punctuation ignored: no whitespace, no punctuation, full-width folded."""
    return unicodedata.normalize("NFKC", text).translate(_MARKS)


def squash(ops: list[Op]) -> list[Op]:
    """Adjacent ops of one kind joined, empty ones dropped, and a run of changes as "-" then "+"."""
    out: list[Op] = []
    for kind, text in ops:
        if not text:
            continue
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + text)
        elif kind == "-" and out and out[-1][0] == "+":
            # keep deletions before insertions inside one change, so a reader sees old → new
            if len(out) >= 2 and out[-2][0] == "-":
                out[-2] = ("-", out[-2][1] + text)
            else:
                out.insert(len(out) - 1, ("-", text))
        else:
            out.append((kind, text))
    return out


def char_diff(old: str, new: str, *, ignore_punctuation: bool = False) -> list[Op]:
    """Character diff of two short, similar texts, cleaned up to whole words and phrases."""
    diffs = _dmp.diff_main(old, new, False)
    _dmp.diff_cleanupSemantic(diffs)
    ops: list[Op] = [(_DMP_OPS[d], t) for d, t in diffs]
    if ignore_punctuation:
        ops = _hide_punctuation(squash(ops))
    return squash(ops)


def _trim_pair(old: str, new: str) -> list[Op]:
    """A change "-old +new" with the prefix and suffix that differ only in marks (or not at all) kept."""
    def same(x: str, y: str) -> bool:
        return normalize(x) == normalize(y)

    p = 0
    while p < min(len(old), len(new)) and same(old[p], new[p]):
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and same(old[-1 - q], new[-1 - q]):
        q += 1
    return [("=", new[:p]), ("-", old[p:len(old) - q]), ("+", new[p:len(new) - q]), ("=", new[len(new) - q:])]


def _hide_punctuation(ops: list[Op]) -> list[Op]:
    trimmed: list[Op] = []
    for n, (kind, text) in enumerate(ops):
        if kind == "-" and n + 1 < len(ops) and ops[n + 1][0] == "+":
            continue
        if kind == "+" and n > 0 and ops[n - 1][0] == "-":
            trimmed.extend(_trim_pair(ops[n - 1][1], text))
            continue
        trimmed.append((kind, text))
    ops = [op for op in trimmed if op[1]]
    out: list[Op] = []
    for n, (kind, text) in enumerate(ops):
        if kind == "-" and n + 1 < len(ops) and ops[n + 1][0] == "+" and normalize(text) == normalize(ops[n + 1][1]):
            continue  # "１" → "1", "，" → ",": the same once folded; the "+" is shown unmarked below
        if kind == "+" and n > 0 and ops[n - 1][0] == "-" and normalize(text) == normalize(ops[n - 1][1]):
            out.append(("=", text))
            continue
        if kind != "=" and is_punctuation_or_space(text):
            if kind == "+":
                out.append(("=", text))  # shown as the new text, unmarked
            continue  # a deleted punctuation mark is hidden
        out.append((kind, text))
    return out


def _pair_sentences(old: list[str], new: list[str], key: dict[str, str]) -> list[tuple[int | None, int | None]]:
    """Pair sentences of a changed run in order (old index, new index); None marks an unpaired one."""
    # dynamic programming over the run for the most similar ordered pairing; runs are a few sentences
    n, m = len(old), len(new)
    if n * m > 400:  # a wholly rewritten long passage: no sentence edits worth showing
        return [(i, None) for i in range(n)] + [(None, j) for j in range(m)]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    sim = [[fuzz.ratio(key[old[i]], key[new[j]], score_cutoff=PAIR_MIN_SIMILARITY) for j in range(m)]
           for i in range(n)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if sim[i][j]:
                best = max(best, score[i + 1][j + 1] + sim[i][j])
            score[i][j] = best
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] and score[i][j] == score[i + 1][j + 1] + sim[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs.extend((k, None) for k in range(i, n))
    pairs.extend((None, k) for k in range(j, m))
    return pairs


def diff_text(old: str, new: str, *, ignore_punctuation: bool = False) -> list[Op]:
    """The ops turning `old` into `new`: by sentence, then by character inside changed sentences."""
    if old == new:
        return [("=", new)] if new else []
    if not old:
        return [("+", new)]
    if not new:
        return [("-", old)]
    a, b = split_sentences(old), split_sentences(new)
    keyf = normalize if ignore_punctuation else (lambda s: s.strip())
    key = {s: keyf(s) for s in (*a, *b)}
    ops: list[Op] = []
    matcher = SequenceMatcher(None, [key[s] for s in a], [key[s] for s in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if a[i] == b[j]:
                    ops.append(("=", b[j]))
                else:  # equal keys, different text: whitespace or (ignored) punctuation
                    ops.extend(char_diff(a[i], b[j], ignore_punctuation=ignore_punctuation))
        elif tag == "delete":
            ops.append(("-", "".join(a[i1:i2])))
        elif tag == "insert":
            ops.append(("+", "".join(b[j1:j2])))
        elif ignore_punctuation and normalize("".join(a[i1:i2])) == normalize("".join(b[j1:j2])):
            # the same words, split into sentences differently (； vs ;): only punctuation changed
            ops.extend(char_diff("".join(a[i1:i2]), "".join(b[j1:j2]), ignore_punctuation=True))
        else:
            for i, j in _pair_sentences(a[i1:i2], b[j1:j2], key):
                if i is not None and j is not None:
                    ops.extend(char_diff(a[i1 + i], b[j1 + j], ignore_punctuation=ignore_punctuation))
                elif i is not None:
                    ops.append(("-", a[i1 + i]))
                elif j is not None:
                    ops.append(("+", b[j1 + j]))
    return squash(ops)


def old_text(ops: list[Op]) -> str:
    return "".join(t for k, t in ops if k != "+")


def new_text(ops: list[Op]) -> str:
    return "".join(t for k, t in ops if k != "-")


def similarity(ops: list[Op]) -> float:
    """Share of characters kept unchanged, 0..1 (1.0 for two empty texts)."""
    kept = sum(len(t) for k, t in ops if k == "=")
    total = sum(len(t) for _, t in ops) + kept
    return 1.0 if total == 0 else 2 * kept / total
