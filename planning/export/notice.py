"""The covering notice (印发通知) laid out as GB/T 9704 prescribes: each line gets the style of
the element it is (发文机关标志, 发文字号, 标题, 主送机关, 正文, 署名, 成文日期, 附注).

Dates and document numbers are printed in Arabic numerals (2012年1月29日, 吉政办发〔2012〕14号).
"""

from __future__ import annotations

import re

from planning.export import styles as st
from planning.model import Plan
from planning.parse.front import normalize_doc_number, parse_date

_ISSUER_END = re.compile(r"(厅|委|局|办|政府|办公室|委员会|部|院|中心|小组|会|文件)$")
_PUBLIC = re.compile(r"^[（(]此件.{0,12}[）)]$")
_SPACES = re.compile(r"[\s\u3000\xa0]+")


def arabic_date(iso: str) -> str:
    """2012-01-29 → 2012年1月29日."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def _is_issuer_line(line: str) -> bool:
    names = [n for n in _SPACES.split(line.strip()) if n]
    return bool(names) and len(line) <= 60 and all(_ISSUER_END.search(n) for n in names)


def notice_lines(plan: Plan) -> list[tuple[str, str]]:
    """(style id, text) for each line of the plan's notice."""
    lines = [ln.strip() for ln in plan.notice.split("\n") if ln.strip()]
    out: list[tuple[str, str]] = []
    seen_title = False
    for i, line in enumerate(lines):
        date = parse_date(line) if len(line) <= 24 else None
        number = normalize_doc_number(line) if len(line) <= 40 else None
        if date is not None:
            out.append((st.SIGN_DATE, arabic_date(date)))
        elif number is not None:  # a line that is only the number is reprinted in the standard form
            only = len(_SPACES.sub("", line)) <= len(number) + 2
            out.append((st.DOC_NUMBER, number if only else line))
        elif _PUBLIC.match(line):
            out.append((st.ANNOTATION, line))
        elif not seen_title and ("关于" in line or "通知" in line) and len(line) <= 80 and "。" not in line:
            seen_title = True
            out.append((st.TITLE, line))
        elif i == 0 and _is_issuer_line(line):
            out.append((st.ISSUER_MARK, line))
        elif _is_issuer_line(line) and i + 1 < len(lines) and parse_date(lines[i + 1]):
            out.append((st.SIGNATURE, line))
        elif line.endswith(("：", ":")) and len(line) <= 120 and "。" not in line:
            out.append((st.RECIPIENT, line))
        else:
            out.append((st.NORMAL, line))
    return out

