"""Roll a passage of period N forward to a later period: 十三五 → 十四五, 2020年 → 2025年, 2015年 → 2020年.

Only the plan's own period moves: its name (with every other 十X五 shifted by the same number of
periods), its end year, its base year and its year span. Counts and amounts, technology names,
document numbers, dates, and anything inside a cited title 《…》 or a citation in parentheses stay
as printed. A year that may belong to a citation is flagged for the drafter, never changed.

`roll_forward` returns every replacement with offsets into the original text, so a UI can show
each one (before → after) and `apply` only those the drafter accepted.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from planning.cn_numbers import cn_to_int, halfwidth_digits
from planning.errors import PlanDeskError
from planning.list_numbers import chinese
from planning.model import Section
from planning.parse.periods import five_year_span

_D = "0-9０-９"
_PERIOD_DIGITS = "一二三四五六七八九"
_SEP = r"[-－—–~～至到]{1,2}"
_TOKEN = re.compile(
    # 2016—2020年, 2016年至2020年, 2016-2020
    rf"(?<![{_D}.．〔\[【])(?P<y1>[12１２][{_D}]{{3}})(?P<n1>年)?[ \u3000]*(?P<sep>{_SEP})[ \u3000]*"
    rf"(?P<y2>[12１２][{_D}]{{3}})(?P<n2>年)?(?![{_D}])"
    # 到2020年, 2015年, 2016年10月
    rf"|(?P<pre>截至|截止到?|到|至)?(?<![{_D}.．〔\[【])(?P<y>[12１２][{_D}]{{3}})年"
    rf"(?P<month>[{_D}]{{1,2}}月)?"
    # 第十三个五年
    rf"|(?P<ord>第十(?P<ord_n>[{_PERIOD_DIGITS}])个五年)"
    # 十三五 (not inside a bigger numeral, not 十五年 / 十五个)
    rf"|(?<![{_PERIOD_DIGITS}十百千])(?P<period>十(?P<period_n>[{_PERIOD_DIGITS}])五)(?![年个万千百])"
)
_PERIOD = re.compile(rf"(?<![{_PERIOD_DIGITS}十百千])十([{_PERIOD_DIGITS}])五(?![年个万千百])")
_TITLE = re.compile(r"《[^《》\n]{0,200}》|〈[^〈〉\n]{0,200}〉")
_PAREN = re.compile(r"[（(][^（()）\n]{0,120}[）)]")
# What makes a parenthesis a citation: a document number, a title, an issuing verb, an edition.
_CITATION_IN_PAREN = re.compile(r"号|〔|〕|\[|\]|【|】|《|印发|发布|颁布|令|修订|修正|版")
# What makes a bare year near it look like the date of a cited document.
_CITATION_NEAR = re.compile(r"印发|发布|颁布|出台|公布|下发|批复|签署|《")
_NEAR_BEFORE = 8
_NEAR_AFTER = 16
_CLAUSE_END = "。；;\n"


@dataclass(frozen=True, slots=True)
class Replacement:
    start: int  # offsets into the original text
    end: int
    before: str
    after: str
    rule: str  # period-name, period-ordinal, end-year, base-year, target-year, year-span

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "before": self.before, "after": self.after,
                "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Flag:
    start: int
    end: int
    text: str
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "why": self.why}


@dataclass(slots=True)
class RollResult:
    text: str  # the rolled text, every replacement applied
    replacements: list[Replacement] = field(default_factory=list)
    flagged: list[Flag] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "replacements": [r.to_dict() for r in self.replacements],
            "flagged": [f.to_dict() for f in self.flagged],
        }


def period_number(name: str) -> int:
    """十三五 → 13 (quotes and spaces allowed); a PlanDeskError for anything else."""
    cleaned = name.strip().strip("“”\"'「」")
    m = re.fullmatch(rf"十([{_PERIOD_DIGITS}])五", cleaned)
    if not m:
        raise PlanDeskError(f"无法识别的规划时期“{name}”（应为十二五、十四五等）",
                            f"unknown plan period {name!r} (expected 十二五, 十四五 …)")
    return 10 + (cn_to_int(m.group(1)) or 0)


def period_name(n: int) -> str:
    return "十" + chinese(n - 10) + "五" if 11 <= n <= 19 else f"第{chinese(n)}个五年"


def infer_from_period(text: str, to_period: str) -> str:
    """The most frequent 十X五 in `text` that comes before `to_period`; the one just before it if none."""
    to_n = period_number(to_period)
    counts = Counter(10 + (cn_to_int(digit) or 0) for digit in _PERIOD.findall(text))
    earlier = [(count, n) for n, count in counts.items() if n < to_n]
    return period_name(max(earlier)[1] if earlier else to_n - 1)


def _zones(pattern: re.Pattern[str], text: str, keep: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text) if keep is None or keep.search(m.group())]


def _inside(zones: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and zones[i][0] <= pos < zones[i][1]


def _same_width(digits: str, like: str) -> str:
    """Print `digits` in the width (０-９ or 0-9) of the year it replaces."""
    return digits.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if like[0] in "１２" else digits


def _near_citation(text: str, start: int, end: int) -> bool:
    lo = start
    while lo > max(0, start - _NEAR_BEFORE) and text[lo - 1] not in _CLAUSE_END:
        lo -= 1
    hi = end
    while hi < min(len(text), end + _NEAR_AFTER) and text[hi] not in _CLAUSE_END:
        hi += 1
    return _CITATION_NEAR.search(text, lo, hi) is not None


class _Roller:
    def __init__(self, text: str, from_n: int, to_n: int) -> None:
        self.text = text
        self.shift = to_n - from_n
        start, end = five_year_span(from_n)
        self.start_year, self.end_year, self.base_year = start, end, start - 1
        self.years = 5 * self.shift
        self.replacements: list[Replacement] = []
        self.flagged: list[Flag] = []
        self.titles = _zones(_TITLE, text)
        self.title_starts = [z[0] for z in self.titles]
        self.citations = _zones(_PAREN, text, _CITATION_IN_PAREN)
        self.citation_starts = [z[0] for z in self.citations]

    def replace(self, start: int, end: int, after: str, rule: str) -> None:
        self.replacements.append(Replacement(start, end, self.text[start:end], after, rule))

    def flag(self, start: int, end: int, why: str) -> None:
        self.flagged.append(Flag(start, end, self.text[start:end], why))

    def moved(self, year_text: str) -> str:
        return _same_width(str(int(halfwidth_digits(year_text)) + self.years), year_text)

    def run(self) -> None:
        for m in _TOKEN.finditer(self.text):
            start = m.start()
            if _inside(self.titles, self.title_starts, start):
                if m.group("period") or m.group("ord"):
                    self.flag(*m.span(), "引用文件名中的规划时期，未改动 / a period in a cited title: left as printed")
                continue
            if _inside(self.citations, self.citation_starts, start):
                continue
            if m.group("period"):
                self.period(m)
            elif m.group("ord"):
                self.ordinal(m)
            elif m.group("y1"):
                self.span(m)
            else:
                self.year(m)

    def period(self, m: re.Match[str]) -> None:
        n = 10 + (cn_to_int(m.group("period_n")) or 0) + self.shift
        if n > 19:
            self.flag(*m.span("period"), "顺延后超出十九五 / rolled past 十九五: left as printed")
            return
        self.replace(*m.span("period"), period_name(n), "period-name")

    def ordinal(self, m: re.Match[str]) -> None:
        n = 10 + (cn_to_int(m.group("ord_n")) or 0) + self.shift
        if n > 19:
            self.flag(*m.span("ord"), "顺延后超出第十九个五年 / rolled past the 19th plan: left as printed")
            return
        self.replace(*m.span("ord"), f"第{chinese(n)}个五年", "period-ordinal")

    def span(self, m: re.Match[str]) -> None:
        y1, y2 = int(halfwidth_digits(m.group("y1"))), int(halfwidth_digits(m.group("y2")))
        if y2 == self.end_year and y1 in (self.start_year, self.base_year):
            s, e = m.span()
            out = (self.text[s:m.start("y1")] + self.moved(m.group("y1")) + self.text[m.end("y1"):m.start("y2")]
                   + self.moved(m.group("y2")) + self.text[m.end("y2"):e])
            self.replace(s, e, out, "year-span")
        elif self.base_year <= y1 <= self.end_year or self.base_year <= y2 <= self.end_year:
            self.flag(*m.span(), "年份区间与规划期不一致，未改动 / a span that is not the plan period: left as printed")

    def year(self, m: re.Match[str]) -> None:
        y = int(halfwidth_digits(m.group("y")))
        if not self.base_year <= y <= self.end_year:
            return  # history or a later horizon: not the plan's period
        start, end = m.span("y")
        end += 1  # the 年
        if m.group("month"):
            if y in (self.base_year, self.end_year):
                self.flag(start, m.end(), "带月份的日期（可能是引用文件的日期），未改动 / a dated year "
                          "(maybe a cited document's date): left as printed")
            return
        if y not in (self.base_year, self.end_year):
            self.flag(start, end, "规划期内的年份，如为阶段目标请手工顺延 / a year inside the old period: "
                      "roll it by hand if it is a milestone")
            return
        pre = m.group("pre")
        if pre is None and _near_citation(self.text, start, end):
            self.flag(start, end, "可能是引用文件的年份，未改动 / may be the year of a cited document: left as printed")
            return
        after = self.moved(m.group("y")) + "年"
        if pre:
            start = m.start("pre")
            after = pre + after
        rule = "target-year" if pre in ("到", "至") and y == self.end_year else (
            "end-year" if y == self.end_year else "base-year")
        self.replace(start, end, after, rule)


def roll_forward(text: str, *, to_period: str, from_period: str | None = None) -> RollResult:
    """`text` rolled from `from_period` (inferred when None) to the later `to_period`."""
    to_n = period_number(to_period)
    from_n = period_number(from_period if from_period is not None else infer_from_period(text, to_period))
    if from_n >= to_n:
        raise PlanDeskError(f"目标时期{period_name(to_n)}须晚于原时期{period_name(from_n)}",
                            f"the target period {period_name(to_n)} must come after {period_name(from_n)}")
    roller = _Roller(text, from_n, to_n)
    roller.run()
    roller.flagged.sort(key=lambda f: f.start)
    return RollResult(apply(text, roller.replacements), roller.replacements, roller.flagged)


def apply(text: str, replacements: list[Replacement], accepted: Collection[int] | None = None) -> str:
    """`text` with the accepted replacements (by index into `replacements`; None = all) applied."""
    chosen = replacements if accepted is None else [r for i, r in enumerate(replacements) if i in accepted]
    out: list[str] = []
    pos = 0
    for r in sorted(chosen, key=lambda r: r.start):
        if r.start < pos:
            raise PlanDeskError("替换范围重叠", f"overlapping replacements at {r.start}")
        out.append(text[pos:r.start])
        out.append(r.after)
        pos = r.end
    out.append(text[pos:])
    return "".join(out)


SectionChange = tuple[tuple[str, ...], str, RollResult]


def roll_section(section: Section, *, to_period: str, from_period: str | None = None,
                 ) -> tuple[Section, list[SectionChange]]:
    """A rolled deep copy of `section`'s subtree, and (label path, "title"|"text", result) for every
    field with a replacement or a flag. The period is inferred once over the whole subtree."""
    copy = Section.from_dict(section.to_dict())
    if from_period is None:
        whole = "\n".join(f"{s.title}\n{s.text}" for _, s in copy.walk())
        from_period = infer_from_period(whole, to_period)
    changes: list[SectionChange] = []
    for path, s in copy.walk():
        for name in ("title", "text"):
            result = roll_forward(getattr(s, name), to_period=to_period, from_period=from_period)
            if result.replacements or result.flagged:
                changes.append((path, name, result))
                setattr(s, name, result.text)
    return copy, changes
