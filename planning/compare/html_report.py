"""The comparison as one standalone HTML page: no network resources, CSS and script inline.

Summary at the top linking to every change, the section tree beside, and each section side by side
(old | new) with deletions and insertions highlighted. Jinja2 with autoescape: plan text is escaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from planning.compare.result import Comparison, ItemChange, SectionChange

STATUS_ZH = {
    "same": "未变", "reworded": "改写", "renamed": "改名", "moved": "移动", "added": "新增", "removed": "删除",
    "split": "拆分", "merged": "合并", "changed": "修改",
}
FIELD_ZH = {"target": "目标值", "base": "基期值", "attribute": "属性", "unit": "单位", "name": "名称",
            "group": "分组", "goal": "建设目标", "basis": "依据"}

_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>规划比对 · {{ old.title }} → {{ new.title }}</title>
<style>
body { font-family: "Source Han Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0;
       color: #222; background: #fafafa; font-size: 15px; line-height: 1.7; }
header { padding: 16px 24px; background: #fff; border-bottom: 1px solid #ddd; }
h1 { font-size: 20px; margin: 0 0 8px; }
.plans { color: #555; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.count { background: #f0f0f0; border-radius: 4px; padding: 2px 10px; }
.layout { display: flex; }
nav { width: 300px; flex: none; position: sticky; top: 0; height: 100vh; overflow-y: auto; padding: 12px;
      border-right: 1px solid #ddd; background: #fff; box-sizing: border-box; font-size: 13px; }
nav a { display: block; color: #333; text-decoration: none; white-space: nowrap; overflow: hidden;
        text-overflow: ellipsis; }
nav a:hover { background: #eef; }
main { flex: 1; padding: 12px 24px; min-width: 0; }
.pair { background: #fff; border: 1px solid #ddd; border-radius: 4px; margin: 10px 0; }
.pair > .head { display: grid; grid-template-columns: 1fr 1fr; border-bottom: 1px solid #eee; font-weight: bold; }
.cols { display: grid; grid-template-columns: 1fr 1fr; }
.cols > div, .head > div { padding: 6px 12px; white-space: pre-wrap; word-break: break-all; }
.cols > div:first-child, .head > div:first-child { border-right: 1px solid #eee; }
del { background: #fdd; color: #900; }
ins { background: #dfd; color: #060; text-decoration: none; }
.changed-title { background: #fff3c4; }
.badge { display: inline-block; font-size: 12px; font-weight: normal; border-radius: 3px; padding: 0 6px;
         margin-left: 6px; color: #fff; background: #888; }
.badge.reworded, .badge.changed { background: #c80; } .badge.renamed { background: #a5a; }
.badge.moved { background: #36c; } .badge.added { background: #393; } .badge.removed { background: #c33; }
.badge.split, .badge.merged { background: #077; }
.note { color: #666; font-size: 13px; padding: 0 12px 6px; }
.hide-same .pair.same, .hide-same nav a.same { display: none; }
table { border-collapse: collapse; background: #fff; margin: 8px 0 20px; font-size: 14px; }
td, th { border: 1px solid #ddd; padding: 3px 8px; vertical-align: top; }
.empty { color: #aaa; }
</style>
</head>
<body>
<header>
<h1>规划比对 / Plan comparison</h1>
<div class="plans">原 old: {{ old.title }}{% if old.id is not none %}（编号 {{ old.id }}）{% endif %}<br>
新 new: {{ new.title }}{% if new.id is not none %}（编号 {{ new.id }}）{% endif %}
{% if ignore_punctuation %}<br>已忽略标点和空白的变化 / punctuation and whitespace changes hidden{% endif %}</div>
<div class="summary">
{% for status, n in summary.sections.items() %}<span class="count">{{ zh[status] }} {{ status }}: {{ n }}</span>{% endfor %}
<span class="count">增加字数 inserted: {{ summary.chars_inserted }}</span>
<span class="count">删除字数 deleted: {{ summary.chars_deleted }}</span>
<span class="count">指标 indicators: +{{ summary.indicators.added }} −{{ summary.indicators.removed }}
 ~{{ summary.indicators.changed }}</span>
{% if projects %}<span class="count">重点工程 projects: +{{ summary.projects.added }} −{{ summary.projects.removed }}
 ~{{ summary.projects.changed }}</span>{% endif %}
</div>
<label><input type="checkbox" id="only-changes" checked> 只看变化 / changes only</label>
{% if changes %}<details open><summary>变化清单 / changes ({{ changes|length }})</summary><ol>
{% for c in changes %}<li><a href="#{{ c.anchor }}">{{ zh[c.status] }}</a> {{ c.caption }}</li>{% endfor %}
{% if indicator_changes %}<li><a href="#indicators">指标变化 indicators ({{ indicator_changes }})</a></li>{% endif %}
{% if project_changes %}<li><a href="#projects">重点工程变化 projects ({{ project_changes }})</a></li>{% endif %}
</ol></details>{% else %}<p>两份规划的正文没有差别 / no differences in the text.</p>{% endif %}
</header>
<div class="layout hide-same" id="layout">
<nav>
{% for s in sections %}<a class="{{ s.status }}" href="#{{ s.anchor }}" style="padding-left: {{ s.indent }}em">
{{ s.label }}{{ s.title }}{% if s.status != "same" %} <span class="badge {{ s.status }}">{{ zh[s.status] }}</span>{% endif %}</a>
{% endfor %}
{% if indicators %}<a href="#indicators">指标 indicators</a>{% endif %}
{% if projects %}<a href="#projects">重点工程 projects</a>{% endif %}
</nav>
<main>
{% if preamble %}<div class="pair" id="preamble"><div class="head"><div>前言（原）</div><div>前言（新）</div></div>
<div class="cols"><div>{{ ops_old(preamble) }}</div><div>{{ ops_new(preamble) }}</div></div></div>{% endif %}
{% for s in sections %}
<div class="pair {{ s.status }}" id="{{ s.anchor }}">
<div class="head">
<div{% if s.renamed %} class="changed-title"{% endif %}>{% if s.old %}{{ s.old.label }}{{ s.old.title }}{% else %}<span class="empty">（无 none）</span>{% endif %}</div>
<div{% if s.renamed %} class="changed-title"{% endif %}>{% if s.new %}{{ s.new.label }}{{ s.new.title }}{% else %}<span class="empty">（无 none）</span>{% endif %}
<span class="badge {{ s.status }}">{{ zh[s.status] }} {{ s.status }}</span></div>
</div>
{% if s.note %}<div class="note">{{ s.note }}</div>{% endif %}
<div class="cols"><div>{{ ops_old(s.ops) }}</div><div>{{ ops_new(s.ops) }}</div></div>
</div>
{% endfor %}
{% if indicators %}<h2 id="indicators">指标 / Indicators</h2>
<table><tr><th>状态</th><th>指标（原）</th><th>指标（新）</th><th>单位</th><th>基期值</th><th>目标值</th><th>属性</th><th>变化</th></tr>
{% for i in indicators %}<tr><td><span class="badge {{ i.status }}">{{ zh[i.status] }}</span></td>
<td>{{ i.old.name if i.old else "" }}</td><td>{{ i.new.name if i.new else "" }}</td>
<td>{{ both(i, "unit") }}</td><td>{{ both(i, "base") }}</td><td>{{ both(i, "target") }}</td><td>{{ both(i, "attribute") }}</td>
<td>{% for c in i.changes %}{{ field_zh.get(c.field, c.field) }}: <del>{{ c.old }}</del> → <ins>{{ c.new }}</ins><br>{% endfor %}</td></tr>
{% endfor %}</table>{% endif %}
{% if projects %}<h2 id="projects">重点工程 / Key projects</h2>
<table><tr><th>状态</th><th>工程（原）</th><th>工程（新）</th><th>变化</th></tr>
{% for p in projects %}<tr><td><span class="badge {{ p.status }}">{{ zh[p.status] }}</span></td>
<td>{{ p.old.name if p.old else "" }}</td><td>{{ p.new.name if p.new else "" }}</td>
<td>{% for c in p.changes %}{{ field_zh.get(c.field, c.field) }}: <del>{{ c.old }}</del> → <ins>{{ c.new }}</ins><br>{% endfor %}</td></tr>
{% endfor %}</table>{% endif %}
</main>
</div>
<script>
document.getElementById("only-changes").addEventListener("change", function (e) {
  document.getElementById("layout").classList.toggle("hide-same", e.target.checked);
});
</script>
</body>
</html>
"""

_env = Environment(autoescape=True, trim_blocks=False, lstrip_blocks=False)


def _render_ops(ops: list[tuple[str, str]], hide: str, mark: str, tag: str) -> Markup:
    out = []
    for kind, text in ops:
        if kind == hide:
            continue
        out.append(f"<{tag}>{escape(text)}</{tag}>" if kind == mark else str(escape(text)))
    return Markup("".join(out))


def _ops_old(ops: list[tuple[str, str]]) -> Markup:
    return _render_ops(ops, "+", "-", "del")


def _ops_new(ops: list[tuple[str, str]]) -> Markup:
    return _render_ops(ops, "-", "+", "ins")


def _both(item: ItemChange, key: str) -> str:
    a = item.old.get(key) if item.old else None
    b = item.new.get(key) if item.new else None
    if item.old is None:
        return "" if b is None else str(b)
    if item.new is None or a == b:
        return "" if a is None else str(a)
    return f"{a if a is not None else '—'} → {b if b is not None else '—'}"


def _section_view(n: int, s: SectionChange) -> dict[str, Any]:
    ref = s.new or s.old
    assert ref is not None
    note = ""
    if s.moved and s.old and s.new:
        note = f"原位置 was at: {s.old.path}"
    if s.related:
        word = "另见 see also"
        note = (note + "；" if note else "") + f"{word}: {'、'.join(s.related)}"
    return {"anchor": f"s{n}", "status": s.status, "old": s.old, "new": s.new, "ops": s.ops, "renamed": s.renamed,
            "label": ref.label, "title": ref.title, "indent": max(ref.level - 1, 0) * 1.2, "note": note}


def _caption(s: SectionChange) -> str:
    if s.old and s.new and (s.old.path != s.new.path or s.renamed):
        return f"{s.old.path} {s.old.title} → {s.new.path} {s.new.title}"
    ref = s.new or s.old
    assert ref is not None
    extra = f"（+{s.chars_inserted} −{s.chars_deleted} 字）" if s.status == "reworded" else ""
    return f"{ref.path} {ref.title}{extra}"


def render_html(comparison: Comparison) -> str:
    sections = [_section_view(n, s) for n, s in enumerate(comparison.sections)]
    changes = [{"anchor": v["anchor"], "status": s.status, "caption": _caption(s)}
               for v, s in zip(sections, comparison.sections, strict=True) if s.status != "same"]
    template = _env.from_string(_TEMPLATE)
    return template.render(
        old=comparison.old, new=comparison.new, summary=comparison.summary(), zh=STATUS_ZH, field_zh=FIELD_ZH,
        sections=sections, changes=changes, ignore_punctuation=comparison.ignore_punctuation,
        preamble=comparison.preamble if any(k != "=" for k, _ in comparison.preamble) else [],
        indicators=comparison.indicators, projects=comparison.projects,
        indicator_changes=sum(1 for i in comparison.indicators if i.status != "same"),
        project_changes=sum(1 for p in comparison.projects if p.status != "same"),
        ops_old=_ops_old, ops_new=_ops_new, both=_both,
    )


def write_html(comparison: Comparison, path: str | Path) -> Path:
    out = Path(path)
    out.write_text(render_html(comparison), encoding="utf-8")
    return out
