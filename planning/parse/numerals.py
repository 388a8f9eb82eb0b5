"""Chinese numerals and full-width characters: the small conversions every parser step needs."""

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


_ONES = "零一二三四五六七八九"


def int_to_cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (for labels we generate)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _ONES[n]
    if n < 20:
        return "十" + (_ONES[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _ONES[tens] + "十" + (_ONES[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return _ONES[hundreds] + "百"
    mid = "零" if rest < 10 else ""
    tail = int_to_cn(rest) if rest >= 20 or rest < 10 else "一" + int_to_cn(rest)
    return _ONES[hundreds] + "百" + mid + tail


_NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?")


def parse_number(text: str) -> float | None:
    """The first number in `text` (full-width digits allowed): '5.4%' → 5.4; '-' → None."""
    m = _NUMBER_RE.search(halfwidth(text))
    return float(m.group()) if m else None
