"""Known edits made to a plan at run time (for the compare tests and bench/bench_compare.py).

`synthetic_plan()` is a small made-up plan (no seed text); `edit_plan(plan)` returns a copy in which
one section is reworded, one moved to another chapter, one renamed, one deleted (and its later
siblings renumbered), and the first indicator's target changed, with the paths where each happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planning.cn_numbers import cn_to_int
from planning.list_numbers import chinese
from planning.model import Indicator, IndicatorCategory, IndicatorTable, Plan, Project, Section, Value

REWORD_PREFIX = "切实"
REWORD_SUFFIX = "，不断提升服务水平"
RENAME_PREFIX = "全面"


@dataclass(slots=True)
class Edits:
    reworded: str  # old path (the new path is the same)
    renamed: str
    moved_from: str
    moved_to: str
    removed: str
    removed_chars: int
    inserted_chars: int  # by the rewording
    indicator: str  # the indicator whose target changed


def _leaf(label: str, title: str, text: str, level: int) -> Section:
    return Section(label, title, level, text=text)


def synthetic_plan() -> Plan:
    """Four chapters, twelve leaves of two or three sentences each, one indicator table, two projects."""
    topics = [
        ("发展基础", ["网络设施", "政务服务", "产业规模"]),
        ("总体要求", ["指导思想", "基本原则", "发展目标"]),
        ("主要任务", ["数据平台", "智慧城市", "数字乡村"]),
        ("保障措施", ["组织领导", "资金保障", "人才队伍"]),
    ]
    chapters = []
    for n, (title, subs) in enumerate(topics):
        leaves = []
        for k, sub in enumerate(subs):
            text = (f"围绕{sub}开展第{n}{k}项工作，统筹推进{sub}的规划、建设和运行维护。"
                    f"到期末，{sub}相关指标达到国内先进水平；建立{sub}考核评价制度{n}{k}号。"
                    f"各地各部门要把{sub}摆在突出位置，第{k}{n}批试点按期完成。")
            leaves.append(_leaf(f"（{'一二三'[k]}）", f"{sub}建设", text, 2))
        chapters.append(Section(f"{'一二三四'[n]}、", title, 1, children=leaves))
    table = IndicatorTable("主要指标", ["指标", "2020年", "2025年", "属性"], [IndicatorCategory("数字设施", [
        Indicator("千兆光网覆盖率", "%", Value(40, 2020, None, "40"), Value(90, 2025, None, "90"), attribute="预期性"),
        Indicator("政务服务事项网办率", "%", Value(80, 2020, None, "80"), Value(95, 2025, "≥", "≥95"),
                  attribute="约束性"),
    ])])
    return Plan(title="某市数字政府建设规划（测试）", preamble="为推进数字政府建设，制定本规划。", sections=chapters,
                indicator_tables=[table],
                projects=[Project(None, "政务云整合工程", "机房全部迁入政务云。", None),
                          Project(None, "一网通办提升工程", "事项全部网上可办。", None)])


def copy_plan(plan: Plan) -> Plan:
    return Plan.from_dict(plan.to_dict())


def _path(plan: Plan, target: Section) -> str:
    for path, s in plan.walk():
        if s is target:
            return "/".join(path)
    raise LookupError(target.title)


def _candidate_parents(plan: Plan) -> list[Section]:
    """Sections whose children are all plain leaves with text of two sentences or more."""
    out = []
    for _, s in plan.walk():
        kids = s.children
        if len(kids) >= 2 and all(k.kind == "section" and not k.children and k.text.count("。") >= 2
                                  for k in kids):
            out.append(s)
    return out


def _remove_and_renumber(parent: Section, index: int) -> Section:
    labels = [c.label for c in parent.children]
    gone = parent.children.pop(index)
    for child, label in zip(parent.children, labels, strict=False):
        child.label = label
    return gone


def edit_plan(plan: Plan) -> tuple[Plan, Edits]:
    old = plan
    new = copy_plan(plan)
    parents_old = _candidate_parents(old)
    parents_new = _candidate_parents(new)
    if len(parents_new) < 4:
        raise ValueError("the plan needs four sections with plain leaf children for these edits")
    # spread the edits over the plan: parents a, b, c, d in document order
    pick = [0, len(parents_new) // 3, 2 * len(parents_new) // 3, len(parents_new) - 1]
    pa, pb, pc, pd = (parents_new[k] for k in pick)
    oa, ob, oc, od = (parents_old[k] for k in pick)

    # a: the first leaf reworded (two insertions inside its first and last sentences)
    leaf = pa.children[0]
    reworded = _path(old, oa.children[0])
    first_end = leaf.text.index("。")
    last_end = leaf.text.rstrip().rindex("。")
    leaf.text = (leaf.text[:2] + REWORD_PREFIX + leaf.text[2:last_end] + REWORD_SUFFIX + leaf.text[last_end:])
    assert first_end < last_end

    # b: the last leaf renamed
    renamed = _path(old, ob.children[-1])
    pb.children[-1].title = RENAME_PREFIX + pb.children[-1].title

    # c: the first leaf deleted, the later ones renumbered
    removed = _path(old, oc.children[0])
    removed_chars = len(oc.children[0].text)
    _remove_and_renumber(pc, 0)

    # d → a: the last leaf of d moved to the end of a (d's last leaf: nothing after it to renumber)
    moved_from = _path(old, od.children[-1])
    moving = pd.children.pop()
    moving.level = pa.children[0].level
    moving.label = _next_label(pa.children[-1].label)
    pa.children.append(moving)
    moved_to = _path(new, moving)

    name = "?"
    for table in new.indicator_tables:
        for ind in table.indicators():
            if ind.target.value is not None:
                ind.target = Value(ind.target.value + 1, ind.target.year, ind.target.qualifier,
                                   None if ind.target.text is None else f"{ind.target.qualifier or ''}"
                                   f"{_number(ind.target.value + 1)}")
                name = ind.name
                break
        else:
            continue
        break
    return new, Edits(reworded, renamed, moved_from, moved_to, removed, removed_chars,
                      len(REWORD_PREFIX) + len(REWORD_SUFFIX), name)


def _next_label(label: str) -> str:
    """（三） → （四）, 3. → 4.: the label after `label` in the same style."""
    digits = re.search(r"\d+", label)
    if digits:
        return label[:digits.start()] + str(int(digits.group()) + 1) + label[digits.end():]
    numeral = re.search(r"[一二三四五六七八九十百]+", label)
    if numeral:
        n = cn_to_int(numeral.group())
        if n is not None:
            return label[:numeral.start()] + chinese(n + 1) + label[numeral.end():]
    return label + "之一"


def _number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)
