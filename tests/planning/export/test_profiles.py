"""Profiles: the built-in GB/T 9704 measures, and user TOML profiles with errors that name the bad key."""

from __future__ import annotations

from pathlib import Path

import pytest

from planning.export import ProfileError
from planning.export import profiles as pr


def test_gbt9704_type_area_is_156_by_225_mm_with_22_lines_of_28_characters() -> None:
    p = pr.GBT9704
    assert round(p.type_width_twips / 1440 * 25.4) == 156 and round(p.type_height_twips / 1440 * 25.4) == 225
    assert p.line_pitch_twips * 22 <= p.type_height_twips < p.line_pitch_twips * 23
    pitch = 16 * 20 + p.char_spacing_twips  # body 3号 plus the condensing
    assert pitch * 28 <= p.type_width_twips < pitch * 29


def test_fonts_follow_the_standard() -> None:
    f = pr.GBT9704.fonts
    assert (f["body"].east_asia, f["body"].size) == ("仿宋_GB2312", 16)
    assert (f["title"].east_asia, f["title"].size) == ("方正小标宋简体", 22)
    assert [f[f"heading{n}"].east_asia for n in (1, 2, 3)] == ["黑体", "楷体_GB2312", "仿宋_GB2312"]
    assert (f["page_number"].east_asia, f["page_number"].size) == ("宋体", 14)


@pytest.mark.parametrize("text,points", [("三号", 16), ("3号", 16), ("小四", 12), ("小4号", 12), ("二号", 22),
                                         (15, 15), ("10.5", 10.5), ("大号", None), (True, None), (500, None)])
def test_sizes_in_points_or_chinese_names(text: object, points: float | None) -> None:
    assert pr.parse_size(text) == points


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(pr, "data_dir", lambda: tmp_path)
    (tmp_path / "profiles").mkdir()
    return tmp_path / "profiles"


def test_user_profile_from_the_data_folder(data: Path) -> None:
    (data / "本局.toml").write_text(
        'base = "gbt9704"\nlines_per_page = 24\n[page]\ntop_mm = 30\n[fonts.body]\neast_asia = "宋体"\nsize = "小三"\n'
        '[fonts.heading1]\nbold = true\n', encoding="utf-8")
    assert "本局" in pr.available()
    p = pr.resolve("本局")
    assert p.name == "本局" and p.lines_per_page == 24 and p.page.top_mm == 30 and p.page.left_mm == 28
    assert (p.fonts["body"].east_asia, p.fonts["body"].size) == ("宋体", 15)
    assert p.fonts["heading1"].bold and p.fonts["heading1"].east_asia == "黑体"


@pytest.mark.parametrize("body,named", [
    ("colour = 1", "colour"),
    ("lines_per_page = 200", "lines_per_page"),
    ('lines_per_page = "22"', "lines_per_page"),
    ('page_numbers = "roman"', "page_numbers"),
    ("[page]\ntop = 30", "page.top"),
    ("[page]\ntop_mm = -3", "page.top_mm"),
    ('[fonts.bdy]\nsize = 16', "fonts.bdy"),
    ('[fonts.body]\nsize = "大号"', "fonts.body.size"),
    ('[fonts.body]\ncolor = "red"', "fonts.body.color"),
    ('base = "word"', "base"),
    ("[page]\nleft_mm = 150\nright_mm = 100", "page"),
])
def test_bad_key_or_value_is_named(data: Path, body: str, named: str) -> None:
    (data / "bad.toml").write_text(body + "\n", encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        pr.resolve("bad")
    assert named in caught.value.zh and named in caught.value.en
    assert "bad.toml" in caught.value.line()


def test_broken_toml_and_unknown_name(data: Path) -> None:
    (data / "broken.toml").write_text("lines_per_page = \n", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid TOML"):
        pr.resolve("broken")
    with pytest.raises(ProfileError, match="no export profile named 'nothing'.*gbt9704, booklet"):
        pr.resolve("nothing")


def test_a_path_to_a_toml_file_works_too(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text('page_numbers = "center"\n', encoding="utf-8")
    assert pr.resolve(str(path)).page_numbers == "center"
