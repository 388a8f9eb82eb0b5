"""The front of a plan: its title, the covering notice (印发通知) and the metadata in it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planning.cn_numbers import cn_digits_to_int, cn_to_int, halfwidth_digits

_SPACES = re.compile(r"[\s\u3000\xa0]+")
_QUOTES = re.compile(r"[“”\"'‘’《》「」\s\u3000]")
_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,14})\s*[〔\[【［(（]\s*((?:19|20)\d{2})\s*[〕\]】］)）]\s*(\d{1,5})\s*号"
)
_DATE_ARABIC = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_CN = re.compile(r"([〇○零一二三四五六七八九ＯO]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
_SOURCE = re.compile(r"(来源|更新时间|发布时间|发布日期|发文日期|信息来源)\s*[:：]")
_PUBLIC = re.compile(r"^[（(]此件.{0,8}[）)]$")
_ISSUER_END = re.compile(r"(厅|委|局|办|政府|办公室|委员会|部|院|中心|小组|会)$")
_TITLE_END = re.compile(r"(规划|纲要|方案|计划|意见)(（[^）]{0,20}）|\([^)]{0,20}\))?")
TITLE_MAX = 80


@dataclass(slots=True)
class Front:
    title: str
    body_start: int  # index of the first line of the plan's own text
    title_rest: str = ""  # text that followed the title on its line (plans flattened onto one line)
    notice: list[str] = field(default_factory=list)
    doc_number: str | None = None
    date: str | None = None
    issuers: list[str] = field(default_factory=list)
    source: str | None = None


def _key(text: str) -> str:
    return _QUOTES.sub("", text)


def normalize_doc_number(text: str) -> str | None:
    """吉政办发〔２０１２〕１４号 → 吉政办发〔2012〕14号 (any bracket style → 〔〕)."""
    m = _DOC_NUMBER.search(halfwidth_digits(text))
    if not m:
        return None
    return f"{m.group(1)}〔{m.group(2)}〕{int(m.group(3))}号"


def parse_date(text: str) -> str | None:
    """二○一二年一月二十九日 → 2012-01-29; 2016年10月20日 → 2016-10-20."""
    text = halfwidth_digits(text)
    m = _DATE_ARABIC.search(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DATE_CN.search(text)
        if not m:
            return None
        y = cn_digits_to_int(m.group(1).replace("Ｏ", "〇").replace("O", "〇")) or 0
        mo, d = cn_to_int(m.group(2)) or 0, cn_to_int(m.group(3)) or 0
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1949 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _is_date_line(line: str) -> bool:
    return len(line) <= 24 and parse_date(line) is not None


def _is_meta_line(line: str) -> bool:
    return bool(
        _SOURCE.search(line)
        or _PUBLIC.match(line)
        or _is_date_line(line)
        or (len(line) <= 40 and normalize_doc_number(line))
    )


def split_title(first_line: str) -> tuple[str, str]:
    """The title, and what follows it when the whole plan sits on its first line."""
    line = first_line.strip()
    if len(line) <= TITLE_MAX:
        return line, ""
    m = _TITLE_END.search(line, 0, TITLE_MAX)
    cut = m.end() if m else 40
    return line[:cut].strip(), line[cut:]


def _issuers(header: list[str]) -> list[str]:
    for i, line in enumerate(header):
        if _is_date_line(line) and i > 0:
            names = [n for n in _SPACES.split(header[i - 1].strip()) if n]
            if names and len(header[i - 1]) <= 60 and all(_ISSUER_END.search(n) for n in names):
                return names
    for i, line in enumerate(header):
        at = line.find("关于印发")
        if at < 0:
            at = line.find("关于")
        if at < 0 or "通知" not in line:
            continue
        prefix = line[:at].strip()
        if not prefix and i > 0 and len(header[i - 1]) <= 40 and _ISSUER_END.search(header[i - 1].strip()):
            prefix = header[i - 1].strip()
        names = [n for n in re.split(r"[\s\u3000、，,]+", prefix) if n]
        if names:
            return names
    return []


def read_front(lines: list[str]) -> Front:
    """`lines`: the document's first paragraphs (a few dozen suffice)."""
    title, rest = split_title(lines[0]) if lines else ("", "")
    key = _key(title)
    header: list[str] = []
    body_start = 1
    for i in range(1, min(len(lines), 30)):
        if key and _key(lines[i]) == key:
            header, body_start = lines[1:i], i + 1
            break
    else:
        while body_start < min(len(lines), 12) and _is_meta_line(lines[body_start].strip()):
            header.append(lines[body_start])
            body_start += 1
    header = [h.strip() for h in header]
    front = Front(title=title, body_start=body_start, title_rest=rest, notice=header)
    for line in header:
        if front.doc_number is None and len(line) <= 40:
            front.doc_number = normalize_doc_number(line)
        if front.date is None and _is_date_line(line):
            front.date = parse_date(line)
        if front.source is None and _SOURCE.search(line):
            front.source = line
    front.issuers = _issuers(header)
    return front
