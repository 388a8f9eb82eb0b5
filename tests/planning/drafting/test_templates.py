"""Templates: the built-in skeletons and sections, the user's beside them, the sandbox, missing variables."""

from __future__ import annotations

from pathlib import Path

import pytest

import planning.drafting.templates as templates
from planning.drafting.templates import (
    TemplateError,
    default_skeleton,
    list_templates,
    parse_outline,
    plan_variables,
    region_short,
    render_section,
    render_skeleton,
)
from planning.model import Period, Region

VARS = plan_variables(Region("江西省", "省"), Period("十四五", 2021, 2025), "江西省人民政府", "2021-06-30")


@pytest.fixture
def user_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(templates, "data_dir", lambda: tmp_path)
    for folder in ("skeletons", "sections"):
        (tmp_path / "templates" / folder).mkdir(parents=True)
    return tmp_path / "templates"


def test_plan_variables() -> None:
    assert VARS == {"region": "江西省", "region_short": "江西", "period": "十四五", "start_year": 2021,
                    "end_year": 2025, "base_year": 2020, "issuer": "江西省人民政府", "date": "2021-06-30"}
    city = plan_variables(Region("南昌市", "市"), Period("十五五", None, None), None, None)
    assert (city["region_short"], city["start_year"], city["end_year"], city["base_year"]) == ("南昌", 2026, 2030, 2025)
    assert region_short("广西壮族自治区") == "广西" and region_short("北京市") == "北京"


def test_default_skeleton() -> None:
    assert default_skeleton("省") == "province_14th"
    assert default_skeleton("市") == "city_14th"


def test_builtin_templates_listed(user_templates: Path) -> None:
    found = {(t.name, t.kind, t.source) for t in list_templates()}
    assert {("province_14th", "skeleton", "built-in"), ("city_14th", "skeleton", "built-in"),
            ("safeguards", "section", "built-in"), ("indicator_section", "section", "built-in")} <= found
    info = next(t for t in list_templates() if t.name == "province_14th")
    assert set(info.to_dict()) == {"name", "kind", "source", "title", "path"} and info.title != "province_14th"


def test_province_skeleton() -> None:
    sections = render_skeleton("province_14th", VARS)
    assert [s.label + s.title for s in sections] == [
        "一、发展基础与形势", "二、总体要求", "三、主要任务", "四、重点工程", "五、保障措施", "六、附件"]
    assert [c.title for c in sections[1].children] == ["指导思想", "基本原则", "发展目标"]
    boxes = [s for top in sections for _, s in top.walk() if s.kind == "box"]
    assert [b.label for b in boxes] == ["专栏一", "专栏二"] and all(b.level == 2 for b in boxes)
    whole = "".join(s.title + s.text for top in sections for _, s in top.walk())
    assert "2025" in whole and "2020" in whole and "十四五" in whole and "{{" not in whole


def test_city_skeleton_and_sections() -> None:
    city = render_skeleton("city_14th", plan_variables(Region("南昌市", "市"), Period("十四五", 2021, 2025), None, None))
    assert city[-2].title == "保障措施" and city[-1].title == "附件"
    safeguards = render_section("safeguards", VARS)
    assert (safeguards.label, safeguards.title, len(safeguards.children)) == ("一、", "保障措施", 5)
    indicators = render_section("indicator_section", VARS)
    assert "2020" in indicators.text and indicators.children


def test_missing_variable_is_named() -> None:
    variables = dict(VARS)
    del variables["region"]
    with pytest.raises(TemplateError) as err:
        render_skeleton("province_14th", variables)
    assert "region" in err.value.zh and "region" in err.value.en


def test_none_counts_as_missing(user_templates: Path) -> None:
    (user_templates / "sections" / "sign.j2").write_text("# 落款\n{{ issuer }}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="issuer"):
        render_section("sign", {**VARS, "issuer": None})
    assert render_section("sign", VARS).text == "江西省人民政府"


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ region.__class__ }}",
    "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
])
def test_sandbox_escape_is_refused(user_templates: Path, attack: str) -> None:
    (user_templates / "sections" / "evil.j2").write_text(f"# 标题\n{attack}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        render_section("evil", VARS)
    assert "evil" in err.value.en


def test_user_templates_beside_builtin(user_templates: Path) -> None:
    (user_templates / "skeletons" / "county.j2").write_text(
        "{# title: 县级骨架 #}\n# {{ region_short }}现状\n## 成效\n文字\n# 任务\n> 专栏 工程\n> # 项目甲\n> 内容\n",
        encoding="utf-8")
    infos = {t.name: t for t in list_templates()}
    assert infos["county"].source == "user" and infos["county"].title == "县级骨架"
    assert infos["province_14th"].source == "built-in"
    sections = render_skeleton("county", VARS)
    assert [s.label + s.title for s in sections] == ["一、江西现状", "二、任务"]
    box = sections[1].children[0]
    assert (box.kind, box.label, box.children[0].label, box.children[0].text) == ("box", "专栏一", "（一）", "内容")


def test_unknown_template_and_bad_names() -> None:
    with pytest.raises(TemplateError, match="province_14th"):
        render_skeleton("nope", VARS)
    with pytest.raises(TemplateError):
        render_section("../skeletons/province_14th", VARS)


def test_syntax_error_names_the_line(user_templates: Path) -> None:
    (user_templates / "sections" / "broken.j2").write_text("# 标题\n正文\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        render_section("broken", VARS)
    assert "3" in err.value.en


@pytest.mark.parametrize("text", ["正文在标题前\n# 标题", "# 一\n### 跳级", "> 专栏 无标题", "# 一\n> 孤立的引用行"])
def test_malformed_outlines(text: str) -> None:
    with pytest.raises(TemplateError):
        parse_outline(text, name="t")


def test_section_template_needs_one_heading(user_templates: Path) -> None:
    (user_templates / "sections" / "two.j2").write_text("# 一\n# 二\n", encoding="utf-8")
    with pytest.raises(TemplateError):
        render_section("two", VARS)
