"""Search snippets, cut in Python from the stored section text.

A window of about 60 characters around the first occurrence of a query term, cut marks (…) where
the text goes on, and the offsets of every term occurrence in the window so a GUI can highlight
them its own way; ``marked()`` gives the plain-text form with 【】 around each occurrence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.search.tokens import CJK_CLASS, fold

WIDTH = 60
BEFORE = 20
ELLIPSIS = "…"
_NEEDLE = re.compile(r"[^\W_]+")
_WORD_CHAR = rf"[^\W_{CJK_CLASS}]"  # a letter or digit that is not CJK


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str  # the excerpt, with … where cut
    spans: list[tuple[int, int]]  # [start, end) of each term occurrence in ``text``

    def marked(self, open_mark: str = "【", close_mark: str = "】") -> str:
        out: list[str] = []
        last = 0
        for start, end in self.spans:
            out += [self.text[last:start], open_mark, self.text[start:end], close_mark]
            last = end
        out.append(self.text[last:])
        return "".join(out)


def needles(query: str) -> list[re.Pattern[str]]:
    """Patterns for the query's terms, to run over ``fold(text)``.

    Each run of letters, digits and CJK characters in a term is one needle; a needle that starts
    or ends with a letter or digit must not continue a word there (FTS5 matched whole words).
    """
    patterns: dict[str, re.Pattern[str]] = {}
    for needle in _NEEDLE.findall(fold(query).lower()):
        pattern = re.escape(needle)
        if re.match(_WORD_CHAR, needle[0]):
            pattern = rf"(?<!{_WORD_CHAR})" + pattern
        if re.match(_WORD_CHAR, needle[-1]):
            pattern += rf"(?!{_WORD_CHAR})"
        patterns[needle] = re.compile(pattern)
    return list(patterns.values())


def make_snippet(text: str, patterns: list[re.Pattern[str]], *, width: int = WIDTH) -> Snippet | None:
    """The snippet around the first match in ``text``, or None if no pattern matches."""
    folded = fold(text)
    matches = sorted(
        ((m.start(), -m.end()) for p in patterns for m in p.finditer(folded) if m.end() > m.start()),
    )
    if not matches:
        return None
    first_start, first_end = matches[0][0], -matches[0][1]
    start = max(0, first_start - BEFORE)
    end = min(len(text), max(start + width, first_end))
    start = max(0, min(start, end - width))
    spans: list[tuple[int, int]] = []
    covered = start
    for s, neg_e in matches:
        e = -neg_e
        if s >= covered and e <= end:
            spans.append((s, e))
            covered = e
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    body = text[start:end].replace("\n", " ")
    shift = len(lead) - start
    return Snippet(lead + body + tail, [(s + shift, e + shift) for s, e in spans])


def leading(text: str, *, width: int = WIDTH) -> Snippet:
    """The start of ``text`` with nothing marked: for hits whose terms are not in ``text``."""
    body = text[:width].replace("\n", " ")
    return Snippet(body + (ELLIPSIS if len(text) > width else ""), [])
