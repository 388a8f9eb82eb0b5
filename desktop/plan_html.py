"""A plan as the HTML the reader shows: headings with anchors, 专栏 as boxes, tables as tables."""

from __future__ import annotations

from html import escape

from planning.model import IndicatorTable, Plan, Project, Section

STYLE = """
body { font-family: 'Noto Serif CJK SC', 'FangSong', 'SimSun', serif; font-size: 15px; line-height: 1.7; }
h1 { font-size: 22px; text-align: center; }
h2 { font-size: 18px; } h3 { font-size: 16px; } h4, h5 { font-size: 15px; }
.meta { color: #555; text-align: center; }
table.box { border: 1px solid #8a6d3b; background: #fcf8e3; margin: 8px 0; }
table.grid { border-collapse: collapse; margin: 8px 0; }
table.grid td, table.grid th { border: 1px solid #999; padding: 2px 6px; }
.caption { font-weight: bold; text-align: center; }
"""


def anchor(index_path: tuple[int, ...]) -> str:
    return "s-" + "-".join(str(i) for i in index_path)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())


def _section(section: Section, index_path: tuple[int, ...]) -> str:
    level = min(section.level + 1, 5)
    heading = f'<a name="{anchor(index_path)}"></a><h{level}>{escape(section.label)}{escape(section.title)}</h{level}>'
    body = _paragraphs(section.text) + "".join(
        _section(child, (*index_path, i)) for i, child in enumerate(section.children))
    if section.kind == "box":
        return f'<table class="box" width="100%" cellpadding="8"><tr><td>{heading}{body}</td></tr></table>'
    return heading + body


def _indicator_table(table: IndicatorTable) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    rows = []
    for cat in table.categories:
        if cat.name:
            rows.append(f'<tr><td colspan="{len(table.columns) or 1}"><b>{escape(cat.name)}</b></td></tr>')
        for ind in cat.indicators:
            name = ind.name + (f"（{ind.unit}）" if ind.unit else "")
            cells = [name, ind.base.text or "", ind.target.text or "", ind.growth_text or "", ind.attribute or ""]
            rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    caption = f'<p class="caption">{escape(table.caption)}</p>' if table.caption else ""
    return f'{caption}<table class="grid"><tr>{head}</tr>{"".join(rows)}</table>'


def _projects(projects: list[Project]) -> str:
    rows = "".join(
        f"<tr><td>{i}</td><td>{escape(p.name)}</td><td>{escape(p.goal or '')}</td><td>{escape(p.basis or '')}</td></tr>"
        for i, p in enumerate(projects, 1))
    return ('<h2>重点工程</h2><table class="grid"><tr><th>序号</th><th>名称</th><th>建设目标</th><th>建设依据</th></tr>'
            f"{rows}</table>")


def plan_html(plan: Plan) -> str:
    meta = " · ".join(x for x in [
        plan.region.name if plan.region else "", plan.period.name if plan.period else "",
        plan.doc_number or "", plan.date or ""] if x)
    parts = [f"<html><head><style>{STYLE}</style></head><body>", f"<h1>{escape(plan.title)}</h1>",
             f'<p class="meta">{escape(meta)}</p>', _paragraphs(plan.preamble)]
    parts += [_section(s, (i,)) for i, s in enumerate(plan.sections)]
    parts += [_indicator_table(t) for t in plan.indicator_tables]
    if plan.projects:
        parts.append(_projects(plan.projects))
    if plan.glossary:
        parts.append("<h2>名词解释</h2>" + "".join(
            f"<p><b>{escape(g.term)}</b>：{escape(g.definition)}</p>" for g in plan.glossary))
    parts.append("</body></html>")
    return "".join(parts)


def index_path_of(plan: Plan, label_path: str) -> tuple[int, ...] | None:
    """The index path of the section whose labels from the root are `label_path` (`三、/（七）`)."""
    labels = label_path.split("/")
    sections, found = plan.sections, ()
    for label in labels:
        for i, s in enumerate(sections):
            if s.label == label:
                found, sections = (*found, i), s.children
                break
        else:
            return found or None
    return found
