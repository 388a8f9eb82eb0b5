"""Index strings for Chinese full-text search: one token a character, with a break token.

FTS5's unicode61 tokenizer does not segment Chinese, and its trigram tokenizer cannot find
terms shorter than three characters (政务, 数据, 网). So we tokenize in Python and hand FTS5
a string of space-separated tokens, which unicode61 then splits on the spaces:

* each CJK character is a token (数据共享 -> ``数 据 共 享``); a term of any length is the
  phrase of its characters, one character included.
* other letters and digits become lowercased words; full-width ASCII (ＡＢＣ１２３) counts
  as ASCII.
* where the text has punctuation or space between two pieces, the index holds ``BREAK``, a
  private-use character that no text contains, so that a phrase never runs on across it:
  after 数据 in "数据，据此" comes BREAK, not 据.

bench/bench_search_tokenizers.py measured this against overlapping bigrams and FTS5's trigram
tokenizer: bigrams answer 2-character terms a little faster but make the index about 1.4x
larger (the library would exceed 2.5x its raw text); trigrams cannot match 1–2 characters.

Contentless FTS5 rows are deleted by handing back the very tokens that were inserted, and the
index is rebuilt from the stored text: ``index_text`` must therefore never change output
for the same input without a migration that rebuilds ``section_fts``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


BREAK = "\ue000"


def cjk_tokens(run: str) -> str:
    """``数据共享`` -> ``数 据 共 享``."""
    return " ".join(run)


def index_text(text: str) -> str:
    """The token string stored in the search index for ``text``."""
    out: list[str] = []
    end = 0
    for m in _PIECE.finditer(fold(text)):
        if out and m.start() > end:
            out.append(BREAK)
        cjk = m.group("cjk")
        out.append(cjk_tokens(cjk) if cjk else m.group("word").lower())
        end = m.end()
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of CJK characters or a word, as found in a query term."""

    text: str
    cjk: bool
    after_break: bool = False  # punctuation or space stood between this piece and the one before


def pieces(term: str) -> list[Piece]:
    """The searchable pieces of one query term, folded; punctuation between them is dropped."""
    found: list[Piece] = []
    end = 0
    for m in _PIECE.finditer(fold(term)):
        cjk = m.group("cjk")
        gap = bool(found) and m.start() > end
        found.append(Piece(cjk, True, gap) if cjk else Piece(m.group("word").lower(), False, gap))
        end = m.end()
    return found


def is_cjk(ch: str) -> bool:
    return bool(re.fullmatch(f"[{CJK_CLASS}]", ch))
