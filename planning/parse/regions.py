"""Which province or city a plan belongs to, read from its title against a gazetteer."""

from __future__ import annotations

import json
import re
from functools import cache

from planning.model import Region
from planning.paths import resource_path

_PROVINCE_SUFFIX = re.compile(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
_GENERIC = re.compile(r"([\u4e00-\u9fff]{2,6}?)(市|自治州|地区|盟|县)")


@cache
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """(short province name → full name, short city name → full city name)."""
    data: dict[str, list[str]] = json.loads(resource_path("regions.json").read_text(encoding="utf-8"))
    provinces = {_PROVINCE_SUFFIX.sub("", full): full for full in data}
    cities = {short: f"{short}市" for shorts in data.values() for short in shorts}
    return provinces, cities


def find_region(title: str) -> Region | None:
    """The most specific region the title names: 南昌市 over 江西省; full names before short ones."""
    provinces, cities = _gazetteer()
    for full in cities.values():
        if full in title:
            return Region(full, "市")
    for full in provinces.values():
        if full in title:
            return Region(full, "省")
    for short, full in provinces.items():
        if short in title:
            return Region(full, "省")
    for short, full in cities.items():
        if short in title:
            return Region(full, "市")
    m = _GENERIC.search(title)
    if m:
        return Region(m.group(0), "市" if m.group(2) != "县" else "县")
    return None
