"""Reading Chinese numerals and full-width digits: the small conversions every parser step needs."""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，：；（）％＋－／",
    "0123456789.,:;()%+-/",
)
_DIGITS_ONLY = str.maketrans("０１２３４５６７８９", "0123456789")

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL_CHARS = "〇○零一二两三四五六七八九十百"


def halfwidth_digits(text: str) -> str:
    """０-９ → 0-9, nothing else."""
    return text.translate(_DIGITS_ONLY)


def halfwidth(text: str) -> str:
    """Full-width digits and the ASCII-like punctuation used in numbers → half-width."""
    return text.translate(_FULLWIDTH)


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十九 → 29, 一百零五 → 105; None when `text` is not such a numeral."""
    if not text:
        return None
    total = 0
    current = 0
    for ch in text:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def cn_digits_to_int(text: str) -> int | None:
    """Digit-by-digit Chinese numerals, as in years: 二○一二 → 2012."""
    if not text or any(ch not in CN_DIGITS for ch in text):
        return None
    return int("".join(str(CN_DIGITS[ch]) for ch in text))


_NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?")


def parse_number(text: str) -> float | None:
    """The first number in `text` (full-width digits allowed): '5.4%' → 5.4; '-' → None."""
    m = _NUMBER_RE.search(halfwidth(text))
    return float(m.group()) if m else None
