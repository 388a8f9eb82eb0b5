"""The token strings of the PostgreSQL search index (``db.search.pg``): pure Python, no SQL.

A *sequence string* is ``db.search.tokens.index_text``'s tokens written one after the other: a CJK
character or BREAK as itself, a word wrapped as OPEN word CLOSE (``数据5G，`` ->
``数据\\ue0015g\\ue002\\ue000``). Every token starts with a character that starts no other token and
ends with one that ends no other, so a term's token run occurs in a text exactly when its
sequence string is a substring. ``grams`` are the distinct 1–3-token runs (never across BREAK)
that the GIN index holds; ``repetition`` gives the bounds on how often a run can occur in a body;
``phrases`` turns a query into what the index is asked.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from db.search.tokens import BREAK, CJK_CLASS, index_text, pieces

OPEN, CLOSE = "\ue001", "\ue002"  # around a word in a sequence string; no text token holds them
GRAM = 3  # the longest indexed run of tokens
REPEATED_BITS = 1024

_WORD = re.compile(f"[^ {CJK_CLASS}{BREAK}]+")  # a word token in an index_text string
_TOKEN = re.compile(f"{OPEN}[^{CLOSE}]*{CLOSE}|[^{OPEN}]")  # a token in a sequence string




def sequence(text: str) -> tuple[str, int]:
    """(sequence string, token count) of ``text``."""
    tokens = index_text(text)
    if not tokens:
        return "", 0
    return _WORD.sub(lambda m: OPEN + m.group() + CLOSE, tokens).replace(" ", ""), tokens.count(" ") + 1


def runs(seq: str, n: int) -> Iterator[str]:
    """Every run of ``n`` tokens in ``seq``, overlapping, never across BREAK."""
    for part in seq.split(BREAK):
        if OPEN not in part:  # CJK characters only: a character is a token
            yield from (part[i : i + n] for i in range(len(part) - n + 1))
        else:
            tokens = _TOKEN.findall(part)
            yield from ("".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def grams(*sequences: str) -> list[str]:
    """The distinct runs of 1 to 3 tokens in ``sequences``, in the order they first occur."""
    found: dict[str, None] = {}
    for seq in sequences:
        for part in seq.split(BREAK):
            if OPEN not in part:
                found.update(dict.fromkeys(part[i : i + n] for i in range(len(part)) for n in (1, 2, 3)))
            else:
                t = _TOKEN.findall(part)
                found.update(dict.fromkeys("".join(t[i : i + n]) for i in range(len(t)) for n in (1, 2, 3)))
    return list(found)


def repeated_bit(run: str) -> int:
    return zlib.crc32(run.encode()) % REPEATED_BITS


def repetition(body: str) -> tuple[tuple[int, int, int], bytes]:
    """(how often the commonest run of 1, 2, 3 tokens occurs in ``body``; the ``repeated`` bits).

    A phrase of up to 3 tokens occurs in the body at most as often as the commonest run of as many
    tokens, and, when its bit is clear, at most once (a bit shared with another run only costs a
    count that was not needed)."""
    bits = bytearray(REPEATED_BITS // 8)
    most = []
    for n in (1, 2, 3):
        counts = Counter(runs(body, n))
        most.append(max(counts.values(), default=0))
        for run, count in counts.items():
            if count > 1:
                bit = repeated_bit(run)
                bits[bit // 8] |= 1 << (bit % 8)
    return (most[0], most[1], most[2]), bytes(bits)


@dataclass(frozen=True, slots=True)
class Phrase:
    """One query term: the token run to find, and how the index finds it."""

    needle: str  # its sequence string
    grams: tuple[str, ...]  # present in every row that holds the needle
    exact: bool  # and only in those: a single gram (1 to 3 tokens, no BREAK)
    overlaps: bool  # two occurrences can share tokens (务务 in 务务务): counted with a lookahead

    @classmethod
    def of(cls, term: str) -> Phrase | None:
        """The phrase of a query term, or None when nothing in it is searchable."""
        tokens: list[str] = []
        for piece in pieces(term):
            if piece.after_break:
                tokens.append(BREAK)
            tokens.extend(piece.text if piece.cjk else [OPEN + piece.text + CLOSE])
        if not tokens:
            return None
        needle = "".join(tokens)
        parts: list[list[str]] = [[]]
        for token in tokens:
            if token == BREAK:
                parts.append([])
            else:
                parts[-1].append(token)
        found: dict[str, None] = {}
        for part in parts:
            for i in range(max(1, len(part) - GRAM + 1)):
                found["".join(part[i : i + GRAM])] = None
        overlaps = any(needle[:k] == needle[-k:] for k in range(1, len(needle)))
        return cls(needle, tuple(found), len(parts) == 1 and len(tokens) <= GRAM, overlaps)

    @property
    def run(self) -> int:
        """Tokens in its gram, for an exact phrase (which ``repeats`` column bounds it)."""
        return len(_TOKEN.findall(self.needle))


def phrases(query: str) -> list[Phrase]:
    """The query's terms (whitespace-separated, all must match), in order, repeats kept as FTS5 does."""
    return [p for term in query.split() if (p := Phrase.of(term)) is not None]


