"""Plan skeletons and section templates: Jinja2, sandboxed, rendered into outline sections.

A template is a plain outline a drafter can edit:

    {# title: 保障措施（通用） #}
    # 保障措施
    ## 加强组织领导
    text lines …
    > 专栏 重点工程名称          (a box under the latest heading)
    > # 工程一                  (an item inside the box)
    > text of the box or item

Labels (一、 （一） 专栏一 …) are never written in templates: `renumber` generates them.
Rendering runs in Jinja2's sandbox with StrictUndefined: reaching for `__class__` or `__globals__`
and using a variable nobody supplied are both a `TemplateError`, never code execution or a blank.
Users' templates in `<data folder>/templates/{skeletons,sections}/NAME.j2` sit beside the built-in
ones; a user's template with a built-in template's name is the one rendered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from planning.errors import PlanDeskError
from planning.model import Period, Region, Section
from planning.numbering import renumber
from planning.parse.periods import five_year_span
from planning.paths import app_root, data_dir

TemplateKind = Literal["skeleton", "section"]
_FOLDERS: dict[TemplateKind, str] = {"skeleton": "skeletons", "section": "sections"}
_TITLE = re.compile(r"\{#\s*title\s*[:：]\s*(.*?)\s*#\}")
_HEADING = re.compile(r"^(#{1,6})\s*(.+?)\s*$")
_BOX = re.compile(r"^专栏\s*[:：]?\s*(.*)$")
_REGION_SUFFIX = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市|地区|盟)$")
_UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


class TemplateError(PlanDeskError):
    """A template that cannot be found, parsed or rendered."""


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    name: str
    kind: TemplateKind
    source: Literal["built-in", "user"]
    title: str
    path: Path

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "source": self.source, "title": self.title,
                "path": str(self.path)}


def builtin_dir() -> Path:
    return app_root() / "templates"


def user_dir() -> Path:
    return data_dir() / "templates"


def _title_of(path: Path) -> str:
    try:
        head = path.read_text(encoding="utf-8")[:500]
    except (OSError, UnicodeDecodeError):
        return path.stem
    m = _TITLE.search(head)
    return m.group(1) if m else path.stem


def list_templates() -> list[TemplateInfo]:
    """Every skeleton and section template, built-in first, then the user's."""
    out = []
    for source, root in (("built-in", builtin_dir()), ("user", user_dir())):
        for kind, folder in _FOLDERS.items():
            for path in sorted((root / folder).glob("*.j2")):
                out.append(TemplateInfo(path.stem, kind, source, _title_of(path), path))  # type: ignore[arg-type]
    return out


def _environment() -> SandboxedEnvironment:
    loader = jinja2.FileSystemLoader([str(user_dir()), str(builtin_dir())], encoding="utf-8")
    return SandboxedEnvironment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False,
                                trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _render_text(kind: TemplateKind, name: str, variables: Mapping[str, object]) -> str:
    if not re.fullmatch(r"[\w\-]+", name):
        raise TemplateError(f"模板名称无效：“{name}”", f"invalid template name {name!r}")
    template_name = f"{_FOLDERS[kind]}/{name}.j2"
    context = {k: v for k, v in variables.items() if v is not None}  # None is missing, not "None"
    try:
        return _environment().get_template(template_name).render(context)
    except jinja2.TemplateNotFound as exc:
        known = "、".join(t.name for t in list_templates() if t.kind == kind) or "无 none"
        label = "骨架" if kind == "skeleton" else "章节模板"
        raise TemplateError(f"没有名为“{name}”的{label}（可用：{known}）",
                            f"no {kind} template named {name!r} ({exc.name}; available: {known})") from exc
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"模板“{name}”试图访问不允许的内部属性，已拒绝渲染",
                            f"template {name!r} reached for an unsafe attribute and was refused: {exc}") from exc
    except jinja2.UndefinedError as exc:
        m = _UNDEFINED_NAME.search(str(exc))
        missing = (m.group(1) or m.group(2)) if m else str(exc)
        raise TemplateError(f"模板“{name}”缺少变量“{missing}”",
                            f"template {name!r} needs the variable {missing!r}, which was not given") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"模板“{exc.name or name}”第 {exc.lineno} 行语法错误：{exc.message}",
                            f"template {exc.name or name!r} line {exc.lineno}: {exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"模板“{name}”渲染失败：{exc}", f"template {name!r} failed: {exc}") from exc


def parse_outline(text: str, *, name: str = "") -> list[Section]:
    """The rendered outline → top-level sections, labels generated."""
    roots: list[Section] = []
    stack: list[Section] = []  # the open headings, stack[i] at level i + 1
    box: Section | None = None
    box_item: Section | None = None

    def add_text(node: Section, line: str) -> None:
        node.text = f"{node.text}\n{line}" if node.text else line

    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(">"):
            inner = line[1:].strip()
            box_title = _BOX.match(inner)
            if box_title:
                if not stack:
                    raise TemplateError(f"模板“{name}”第 {lineno} 行：专栏须在某个标题之下",
                                        f"template {name!r} line {lineno}: a box needs a heading above it")
                box = Section("", box_title.group(1), len(stack) + 1, kind="box")
                box_item = None
                stack[-1].children.append(box)
            elif box is None:
                raise TemplateError(f"模板“{name}”第 {lineno} 行：以 > 开头的行须在“> 专栏 …”之后",
                                    f"template {name!r} line {lineno}: a '>' line must follow '> 专栏 …'")
            elif (item := _HEADING.match(inner)) is not None:
                box_item = Section("", item.group(2), box.level + 1)
                box.children.append(box_item)
            elif inner:
                add_text(box_item or box, inner)
            continue
        box = box_item = None
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if level > len(stack) + 1:
                raise TemplateError(f"模板“{name}”第 {lineno} 行：标题层级跳级（{'#' * level}）",
                                    f"template {name!r} line {lineno}: heading level {level} skips a level")
            section = Section("", heading.group(2), level)
            del stack[level - 1:]
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        elif stack:
            add_text(stack[-1], line)
        else:
            raise TemplateError(f"模板“{name}”第 {lineno} 行：正文须在某个标题之下",
                                f"template {name!r} line {lineno}: text must follow a heading")
    renumber(roots)
    return roots


def render_skeleton(name: str, variables: Mapping[str, object]) -> list[Section]:
    sections = parse_outline(_render_text("skeleton", name, variables), name=name)
    if not sections:
        raise TemplateError(f"骨架“{name}”没有任何章节", f"skeleton {name!r} has no sections")
    return sections


def render_section(name: str, variables: Mapping[str, object]) -> Section:
    sections = parse_outline(_render_text("section", name, variables), name=name)
    if len(sections) != 1:
        raise TemplateError(f"章节模板“{name}”须恰好有一个一级标题（现有 {len(sections)} 个）",
                            f"section template {name!r} must have exactly one '#' heading ({len(sections)} found)")
    return sections[0]


def default_skeleton(level: str | None) -> str:
    """The built-in skeleton for a region's level: 省 → province_14th; 市 (县, 区 …) → city_14th."""
    return "province_14th" if level is None or level.startswith("省") else "city_14th"


def region_short(name: str) -> str:
    """江西省 → 江西, 南昌市 → 南昌, 广西壮族自治区 → 广西."""
    short = _REGION_SUFFIX.sub("", name)
    return short if len(short) >= 2 else name


def plan_variables(region: Region, period: Period, issuer: str | None, date: str | None) -> dict[str, object]:
    """The variables every template may use; base_year is the year before the period starts."""
    start, end = period.start, period.end
    if start is None or end is None:
        from planning.drafting.rollforward import period_number

        start, end = five_year_span(period_number(period.name))
    return {
        "region": region.name,
        "region_short": region_short(region.name),
        "period": period.name,
        "start_year": start,
        "end_year": end,
        "base_year": start - 1,
        "issuer": issuer,
        "date": date,
    }
