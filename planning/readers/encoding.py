"""Bytes to text for the text and html readers: BOM, strict UTF-8, then a guess biased to GB18030.

Chinese plans arrive as UTF-8, UTF-16 (Windows Notepad) or GBK/GB18030. Any GBK family guess is
decoded as GB18030, its superset, so characters outside GB2312 are never lost.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from planning.errors import PlanImportError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_GB_FAMILY = frozenset({"gbk", "cp936", "ms936", "euc-cn", "x-gbk", "csgb2312", "x-euc-cn"})
# Other East Asian multi-byte guesses that short GB text is often mistaken for.
_CJK_LOOKALIKES = frozenset(
    {
        "big5",
        "big5hkscs",
        "cp950",
        "cp949",
        "euc_kr",
        "johab",
        "cp932",
        "shift_jis",
        "shift_jis_2004",
        "euc_jp",
        "euc_jis_2004",
        "euc_jisx0213",
        "iso2022_jp",
        "iso2022_kr",
    }
)
# C0 controls that never occur in text (TAB, LF, VT, FF, CR, ESC and Ctrl-Z are allowed).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1a\x1b") + b"\x7f"
_MAX_CONTROL_SHARE = 0.05
_NON_ASCII = re.compile(r"[\x00-\x7f]+")
_MIN_GB2312_SHARE = 0.9
_MAX_BAD_UTF8 = 4
_MAX_BAD_UTF8_SHARE = 0.001


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises PlanImportError for binary data or an unknown encoding."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], name.removesuffix("-sig"), path), name
    reject_binary(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _nearly_utf8(data) or _guess(data, path)


def reject_binary(data: bytes, path: str) -> None:
    """Raise if `data` holds NUL bytes or many control characters: an image, archive or executable."""
    if b"\x00" in data or _control_share(data) > _MAX_CONTROL_SHARE:
        raise PlanImportError(path, "不是文本文件", "not a text file")


def normalize_encoding_name(name: str) -> str:
    """The codec we actually decode with: GBK-family names become gb18030."""
    key = name.strip().lower().replace("_", "-")
    if key in _GB_FAMILY or key.startswith("gb"):  # gb2312, gb18030, gb-2312-80 ...
        return "gb18030"
    return key


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)


def _decode_strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise _undetectable(path) from exc


def _nearly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a handful of bad bytes (a file cut off mid-character): keep it, marking them U+FFFD."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return (text, "utf-8") if bad <= min(_MAX_BAD_UTF8, 1 + len(text) * _MAX_BAD_UTF8_SHARE) else None


def _guess(data: bytes, path: str) -> tuple[str, str]:
    matches = [m for m in charset_normalizer.from_bytes(data) if not m.encoding.startswith("utf_")]
    best = matches[0] if matches else None
    if best is not None and normalize_encoding_name(best.encoding) == "gb18030":
        return _decode_gb(data, path, fallback=best.encoding), "gb18030"
    if best is None or best.encoding in _CJK_LOOKALIKES:
        gb_text = _plausible_gb(data)
        if gb_text is not None:
            return gb_text, "gb18030"
    if best is None:
        raise _undetectable(path)
    return str(best), best.encoding


def _decode_gb(data: bytes, path: str, *, fallback: str) -> str:
    """GB18030 first; GBK as Python knows it also maps 0x80 to the euro sign, which GB18030 rejects."""
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return _decode_strict(data, fallback, path)


def _plausible_gb(data: bytes) -> str | None:
    """GB18030 text when it decodes cleanly and reads as simplified Chinese (mostly GB2312 characters).

    Short GB texts are ambiguous to statistics; for a Chinese plan tool GB is the likely answer.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = _NON_ASCII.sub("", text)
    if not wide:
        return None
    common = len(wide.encode("gb2312", errors="ignore")) // 2
    return text if common / len(wide) >= _MIN_GB2312_SHARE else None


def _undetectable(path: str) -> PlanImportError:
    return PlanImportError(path, "无法识别文本编码", "cannot detect the text encoding")
