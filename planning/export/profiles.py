"""Export profiles: page, grid, fonts and layout choices. Built in: GB/T 9704-2012 (the default)
and the bound plan booklet; users add their own as TOML files in the data folder's profiles/.

A TOML profile names the fields of `Profile` directly, starting from a built-in one (`base`):

    base = "gbt9704"
    lines_per_page = 22
    page_numbers = "gbt"          # gbt (— 1 —, odd right / even left) | center | none
    [page]
    top_mm = 37
    [fonts.body]
    east_asia = "仿宋_GB2312"
    size = "三号"                 # points, or 初号 … 小五 (三号 = 3号 = 16 pt)
    [fallbacks]
    "仿宋_GB2312" = "仿宋"
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal

from planning.export.errors import ProfileError
from planning.paths import data_dir

PageNumbers = Literal["gbt", "center", "none"]
DashStyle = Literal["keep", "emdash"]
MM_PER_PT = 25.4 / 72

ROLES = ("body", "title", "heading1", "heading2", "heading3", "heading4", "table", "caption", "box",
         "box_title", "toc", "page_number", "header", "issuer_mark", "closing")

# Chinese type sizes (字号) in points.
SIZES = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
         "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5}
_ARABIC_SIZE = {"0": "初", "1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "6": "六"}


@dataclass(frozen=True, slots=True)
class Font:
    east_asia: str
    size: float  # points
    latin: str = "Times New Roman"
    bold: bool = False
    color: str | None = None  # RRGGBB


@dataclass(frozen=True, slots=True)
class Page:
    width_mm: float = 210
    height_mm: float = 297
    top_mm: float = 37
    bottom_mm: float = 35
    left_mm: float = 28
    right_mm: float = 26
    header_mm: float = 15
    footer_mm: float = 25


FANGSONG, KAITI, HEITI, SONGTI, XIAOBIAOSONG = "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体", "方正小标宋简体"

GBT_FONTS: dict[str, Font] = {
    "body": Font(FANGSONG, 16),
    "title": Font(XIAOBIAOSONG, 22),
    "heading1": Font(HEITI, 16),
    "heading2": Font(KAITI, 16),
    "heading3": Font(FANGSONG, 16, bold=True),
    "heading4": Font(FANGSONG, 16),
    "table": Font(FANGSONG, 14),
    "caption": Font(HEITI, 16),
    "box": Font(FANGSONG, 14),
    "box_title": Font(HEITI, 14),
    "toc": Font(FANGSONG, 16),
    "page_number": Font(SONGTI, 14),
    "header": Font(SONGTI, 10.5),
    "issuer_mark": Font(XIAOBIAOSONG, 26, color="FF0000"),
    "closing": Font(FANGSONG, 14),
}
# Word substitutes w:altName when a font is missing: the names most machines have.
GBT_FALLBACKS = {FANGSONG: "仿宋", KAITI: "楷体", XIAOBIAOSONG: "宋体"}


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    page: Page = field(default_factory=Page)
    lines_per_page: int = 22
    chars_per_line: int = 28
    line_spacing_pt: float | None = None  # None: the type area's height / lines_per_page
    fonts: dict[str, Font] = field(default_factory=lambda: dict(GBT_FONTS))
    fallbacks: dict[str, str] = field(default_factory=lambda: dict(GBT_FALLBACKS))
    page_numbers: PageNumbers = "gbt"
    cover: bool = False  # a cover page (title, issuer, date) before everything
    toc_own_page: bool = False  # the 目录 alone on its page(s)
    running_header: bool = False  # the plan title in the page header
    dash: DashStyle = "keep"  # a value printed "-" in an indicator table: kept, or printed "—"

    # -- derived measures (twentieths of a point, as WordprocessingML counts) --------------------
    @property
    def type_width_twips(self) -> int:
        return mm_to_twips(self.page.width_mm - self.page.left_mm - self.page.right_mm)

    @property
    def type_height_twips(self) -> int:
        return mm_to_twips(self.page.height_mm - self.page.top_mm - self.page.bottom_mm)

    @property
    def line_pitch_twips(self) -> int:
        if self.line_spacing_pt is not None:
            return round(self.line_spacing_pt * 20)
        return self.type_height_twips // self.lines_per_page

    @property
    def char_spacing_twips(self) -> int:
        """Character spacing (w:spacing in a run's properties, twentieths of a point, negative =
        condensed) that makes `chars_per_line` body characters fit a line: 156 mm holds 27.6
        characters of 16 pt, GB/T asks for 28. Word's character grid (w:docGrid linesAndChars)
        would do the same in Word only; LibreOffice lays such a grid out at double width."""
        pitch_twips = self.type_width_twips / self.chars_per_line
        return min(0, math.floor(pitch_twips - self.fonts["body"].size * 20))

    def font(self, role: str) -> Font:
        return self.fonts.get(role) or self.fonts["body"]


def mm_to_twips(mm: float) -> int:
    return round(mm / MM_PER_PT * 20)


GBT9704 = Profile(name="gbt9704")
BOOKLET = Profile(
    name="booklet",
    page=Page(top_mm=30, bottom_mm=28, left_mm=28, right_mm=26, header_mm=18, footer_mm=18),
    lines_per_page=26,
    fonts={**GBT_FONTS, "title": Font(XIAOBIAOSONG, 26)},
    page_numbers="center",
    cover=True,
    toc_own_page=True,
    running_header=True,
)
BUILT_IN: dict[str, Profile] = {p.name: p for p in (GBT9704, BOOKLET)}


def profiles_dir() -> Path:
    return data_dir() / "profiles"


def available() -> list[str]:
    """Built-in profile names, then the user's (*.toml in the data folder), sorted."""
    user = sorted(p.stem for p in profiles_dir().glob("*.toml")) if profiles_dir().is_dir() else []
    return [*BUILT_IN, *(n for n in user if n not in BUILT_IN)]


def resolve(profile: str | Profile) -> Profile:
    """A Profile from a built-in name, a user profile name, or a path to a .toml file."""
    if isinstance(profile, Profile):
        return profile
    if profile in BUILT_IN:
        return BUILT_IN[profile]
    path = Path(profile).expanduser()
    if path.suffix.lower() != ".toml" or not path.is_file():
        path = profiles_dir() / f"{profile}.toml"
    if not path.is_file():
        names = "、".join(available())
        raise ProfileError(f"没有名为“{profile}”的导出格式（可用：{names}；自定义格式放在 {profiles_dir()}）",
                           f"no export profile named '{profile}' (available: {', '.join(available())}; "
                           f"user profiles live in {profiles_dir()})")
    return load_toml(path)


def load_toml(path: Path) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: 无法读取导出格式文件", f"{path}: cannot read the profile ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: 格式文件不是有效的 TOML（{exc}）", f"{path}: not valid TOML ({exc})") from exc
    return from_dict(data, name=path.stem, source=str(path))


# -- validation ---------------------------------------------------------------------------------
_SCALARS: dict[str, tuple[type, ...]] = {
    "lines_per_page": (int,), "chars_per_line": (int,), "line_spacing_pt": (int, float),
    "cover": (bool,), "toc_own_page": (bool,), "running_header": (bool,),
    "page_numbers": (str,), "dash": (str,), "name": (str,), "base": (str,),
}
_CHOICES = {"page_numbers": ("gbt", "center", "none"), "dash": ("keep", "emdash")}
_RANGES = {"lines_per_page": (5, 60), "chars_per_line": (10, 60), "line_spacing_pt": (6, 72)}
_FONT_KEYS = {"east_asia", "latin", "size", "bold", "color"}
_COLOR = re.compile(r"^[0-9A-Fa-f]{6}$")


def from_dict(data: dict[str, Any], *, name: str, source: str = "profile") -> Profile:
    """Build and validate a profile; any wrong key or value is a ProfileError naming it."""

    def bad(key: str, value: object, zh: str, en: str) -> ProfileError:
        return ProfileError(f"{source}: {key} = {value!r}：{zh}", f"{source}: {key} = {value!r}: {en}")

    allowed = set(_SCALARS) | {"page", "fonts", "fallbacks"}
    for key in data:
        if key not in allowed:
            raise ProfileError(f"{source}: 未知的设置项“{key}”（可用：{'、'.join(sorted(allowed))}）",
                               f"{source}: unknown key '{key}' (known: {', '.join(sorted(allowed))})")
    base_name = data.get("base", "gbt9704")
    if base_name not in BUILT_IN:
        raise bad("base", base_name, f"只能基于内置格式（{'、'.join(BUILT_IN)}）",
                  f"must be a built-in profile ({', '.join(BUILT_IN)})")
    base = BUILT_IN[base_name]
    changes: dict[str, Any] = {"name": data.get("name", name)}
    for key, types in _SCALARS.items():
        if key not in data or key in ("name", "base"):
            continue
        value = data[key]
        if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            kinds = "/".join(t.__name__ for t in types)
            raise bad(key, value, f"应为 {kinds}", f"must be {kinds}")
        if key in _CHOICES and value not in _CHOICES[key]:
            raise bad(key, value, f"可选值：{'、'.join(_CHOICES[key])}", f"must be one of {', '.join(_CHOICES[key])}")
        if key in _RANGES and not _RANGES[key][0] <= value <= _RANGES[key][1]:
            low, high = _RANGES[key]
            raise bad(key, value, f"应在 {low} 到 {high} 之间", f"must be between {low} and {high}")
        changes[key] = value
    if "page" in data:
        changes["page"] = _page(data["page"], base.page, bad)
    if "fonts" in data:
        changes["fonts"] = _fonts(data["fonts"], base.fonts, bad)
    if "fallbacks" in data:
        table = data["fallbacks"]
        if not isinstance(table, dict) or not all(isinstance(v, str) and v for v in table.values()):
            raise bad("fallbacks", table, "应为“字体名 = 替代字体名”", "must map font names to fallback font names")
        changes["fallbacks"] = {**base.fallbacks, **table}
    profile = replace(base, **changes)
    if profile.type_width_twips <= 0 or profile.type_height_twips <= 0:
        raise bad("page", data.get("page"), "页边距大于纸张", "the margins leave no room on the page")
    return profile


def _page(table: object, base: Page, bad: Any) -> Page:
    if not isinstance(table, dict):
        raise bad("page", table, "应为表 [page]", "must be a [page] table")
    known = {f.name for f in fields(Page)}
    values: dict[str, float] = {}
    for key, value in table.items():
        if key not in known:
            raise bad(f"page.{key}", value, f"未知的页面设置（可用：{'、'.join(sorted(known))}）",
                      f"unknown page setting (known: {', '.join(sorted(known))})")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1000:
            raise bad(f"page.{key}", value, "应为 0 到 1000 之间的毫米数", "must be millimetres between 0 and 1000")
        values[key] = float(value)
    return replace(base, **values)


def _fonts(table: object, base: dict[str, Font], bad: Any) -> dict[str, Font]:
    if not isinstance(table, dict):
        raise bad("fonts", table, "应为表 [fonts.角色]", "must be [fonts.ROLE] tables")
    out = dict(base)
    for role, spec in table.items():
        key = f"fonts.{role}"
        if role not in ROLES:
            raise bad(key, spec, f"未知的角色（可用：{'、'.join(ROLES)}）", f"unknown role (known: {', '.join(ROLES)})")
        if not isinstance(spec, dict):
            raise bad(key, spec, "应为表", "must be a table")
        changes: dict[str, Any] = {}
        for name, value in spec.items():
            if name not in _FONT_KEYS:
                raise bad(f"{key}.{name}", value, f"未知的字体设置（可用：{'、'.join(sorted(_FONT_KEYS))}）",
                          f"unknown font setting (known: {', '.join(sorted(_FONT_KEYS))})")
            if name in ("east_asia", "latin") and not (isinstance(value, str) and value.strip()):
                raise bad(f"{key}.{name}", value, "应为字体名", "must be a font name")
            if name == "bold" and not isinstance(value, bool):
                raise bad(f"{key}.{name}", value, "应为 true 或 false", "must be true or false")
            if name == "color" and not (isinstance(value, str) and _COLOR.match(value)):
                raise bad(f"{key}.{name}", value, "应为 RRGGBB 颜色", "must be an RRGGBB colour")
            if name == "size":
                points = parse_size(value)
                if points is None:
                    raise bad(f"{key}.{name}", value, "应为磅值或字号（如 三号、小四）",
                              "must be points or a Chinese size such as 三号 or 小四")
                value = points
            changes[name] = value
        out[role] = replace(base.get(role, base["body"]), **changes)
    return out


def parse_size(value: object) -> float | None:
    """16, 16.0, "16", "三号", "3号", "小四", "小4号" → points; None when not a size."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if 4 <= value <= 120 else None
    if not isinstance(value, str):
        return None
    text = value.strip().replace(" ", "")
    try:
        return parse_size(float(text))
    except ValueError:
        pass
    text = re.sub(r"[0-6]", lambda m: _ARABIC_SIZE[m.group()], text)
    if text in ("初", "小初"):
        text += "号" if text == "初" else ""
    if not text.endswith("号") and not text.startswith("小"):
        text += "号"
    if text.startswith("小") and text.endswith("号"):
        text = text[:-1]
    points = SIZES.get(text)
    return float(points) if points is not None else None
