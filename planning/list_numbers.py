"""Numbers as Word's list formats print them: 一 十一 一百零一, 甲 乙, （1）'s １, A … AA, iv."""

from __future__ import annotations

from collections.abc import Callable

_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
_LEGAL_UNITS = ((1000, "仟"), (100, "佰"), (10, "拾"), (1, ""))
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_IDEOGRAPH_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


def chinese(n: int, *, legal: bool = False) -> str:
    """Chinese counting below 10,000: 十 十一 二十 一百零一 一千零一十; 壹拾 for the legal form."""
    if not 0 < n < 10_000:
        return str(n)
    digits, units = (_LEGAL_DIGITS, _LEGAL_UNITS) if legal else (_DIGITS, _UNITS)
    out, pending_zero = "", False
    for value, unit in units:
        digit = n // value % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        out += ("零" if pending_zero else "") + digits[digit] + unit
        pending_zero = False
    return out[1:] if not legal and 10 <= n < 20 else out  # 十一, not 一十一


def letters(n: int, *, upper: bool) -> str:
    """Word's letter lists: A … Z, then AA, BB …"""
    if n <= 0:
        return str(n)
    letter = chr((ord("A") if upper else ord("a")) + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        out += symbol * count
    return out


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda n: symbols[(n - 1) % len(symbols)] if n > 0 else str(n)


def _enclosed(first: int) -> Callable[[int], str]:
    """①… ⑴… ⒈…: Unicode has 1 to 20 of each; beyond that Word prints plain digits."""
    return lambda n: chr(first + n - 1) if 1 <= n <= 20 else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalHalfWidth": str,
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "japaneseCounting": chinese,
    "chineseLegalSimplified": lambda n: chinese(n, legal=True),
    "ideographDigital": lambda n: str(n).translate(_IDEOGRAPH_DIGITS),
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "upperLetter": lambda n: letters(n, upper=True),
    "lowerLetter": lambda n: letters(n, upper=False),
    "upperRoman": roman,
    "lowerRoman": lambda n: roman(n).lower(),
    "decimalEnclosedCircle": _enclosed(0x2460),
    "decimalEnclosedCircleChinese": _enclosed(0x2460),
    "decimalEnclosedParen": _enclosed(0x2474),
    "decimalEnclosedFullstop": _enclosed(0x2488),
    "bullet": lambda n: "",
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """`n` in the w:numFmt `fmt`; an unknown format prints decimal, as Word does."""
    return _FORMATS.get(fmt, str)(n)
