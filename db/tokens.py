"""Index strings for Chinese full-text search: overlapping bigrams.

FTS5's unicode61 tokenizer does not segment Chinese, and its trigram tokenizer cannot find
terms shorter than three characters (政务, 数据, 网). So we tokenize in Python and hand FTS5
a string of space-separated tokens, which unicode61 then splits on the spaces:

* each run of CJK characters c1c2…cn becomes ``c1c2 c2c3 … c(n-1)cn cn``: the overlapping
  bigrams, then the last character alone. A term of n ≥ 2 characters is the phrase of its
  n-1 bigrams; a single character is the prefix query ``c*`` (every position of a run
  starts a token). The trailing single character also keeps a phrase from running on
  across a break: after 数据 in "数据，据此" comes 据, not 据此.
* other letters and digits become lowercased words; full-width ASCII (ＡＢＣ１２３) counts
  as ASCII. Punctuation and spaces only separate.

Contentless FTS5 rows are deleted by handing back the very tokens that were inserted, and the
index is rebuilt from the stored text: ``index_text`` must therefore never change output
for the same input without a migration that rebuilds ``section_fts``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import add

# Han ideographs (basic block, extension A, compatibility, extensions B–H) and 〇
CJK_CLASS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_PIECE = re.compile(rf"(?P<cjk>[{CJK_CLASS}]+)|(?P<word>[^\W_{CJK_CLASS}]+)")

# Full-width ASCII to ASCII and ASCII capitals to lower case: one character for one, so offsets
# found in folded text are offsets in the original too.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({cp: cp + 32 for cp in range(ord("A"), ord("Z") + 1)})
_FOLD.update({cp: cp - 0xFEE0 + 32 for cp in range(0xFF21, 0xFF3B)})


def fold(text: str) -> str:
    """Full-width ASCII to ASCII, ASCII to lower case; the length never changes."""
    return text.translate(_FOLD)


def cjk_tokens(run: str) -> str:
    """``数据共享`` -> ``数据 据共 共享 享``."""
    if len(run) == 1:
        return run
    return " ".join(map(add, run, run[1:])) + " " + run[-1]


def index_text(text: str) -> str:
    """The token string stored in the search index for ``text``."""
    out: list[str] = []
    for m in _PIECE.finditer(fold(text)):
        cjk = m.group("cjk")
        out.append(cjk_tokens(cjk) if cjk else m.group("word").lower())
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of CJK characters or a word, as found in a query term."""

    text: str
    cjk: bool


def pieces(term: str) -> list[Piece]:
    """The searchable pieces of one query term, folded; punctuation between them is dropped."""
    found: list[Piece] = []
    for m in _PIECE.finditer(fold(term)):
        cjk = m.group("cjk")
        found.append(Piece(cjk, True) if cjk else Piece(m.group("word").lower(), False))
    return found


def is_cjk(ch: str) -> bool:
    return bool(re.fullmatch(f"[{CJK_CLASS}]", ch))
