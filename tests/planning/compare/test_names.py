"""One-to-one fuzzy name matching."""

from __future__ import annotations

from planning.compare.names import match_names


def test_exact_names_first_then_most_similar() -> None:
    pairs = match_names(["移动电话普及率", "固定宽带家庭普及率", "网络零售额"],
                        ["固定宽带家庭用户普及率", "移动电话普及率", "农产品网络营销额"])
    assert (0, 1, 1.0) in pairs
    assert any(i == 1 and j == 0 for i, j, _ in pairs)
    assert not any(i == 2 for i, _, _ in pairs)


def test_a_veto_keeps_a_pair_apart() -> None:
    assert match_names(["覆盖率"], ["覆盖率"], compatible=lambda i, j, s: False) == []
