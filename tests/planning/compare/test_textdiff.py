"""The sentence-then-character diff: reconstructs both texts, falls on phrases, hides punctuation on request."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from planning.compare.textdiff import diff_text, new_text, normalize, old_text, similarity, split_sentences

OLD = "加快推进电子政务建设，提高政府效率。完善信息安全保障体系；推动产业发展。"
NEW = "全面推进电子政务建设，提高政府行政效率。完善信息安全保障体系；新增一句话！推动信息产业发展。"


def test_sentences_keep_their_endings_and_join_back() -> None:
    text = "一是加快建设。二是“强化应用！”\n三是保障安全；末尾无句号"
    parts = split_sentences(text)
    assert "".join(parts) == text
    assert parts == ["一是加快建设。", "二是“强化应用！”\n", "三是保障安全；", "末尾无句号"]


def test_equal_and_one_sided_texts() -> None:
    assert diff_text(OLD, OLD) == [("=", OLD)]
    assert diff_text("", NEW) == [("+", NEW)]
    assert diff_text(OLD, "") == [("-", OLD)]
    assert diff_text("", "") == []


def test_changes_fall_on_phrases_and_whole_sentences() -> None:
    ops = diff_text(OLD, NEW)
    assert old_text(ops) == OLD and new_text(ops) == NEW
    assert ("+", "新增一句话！") in ops  # an inserted sentence is one op
    assert ("+", "行政") in ops and ("+", "信息") in ops
    assert ("-", "加快") in ops and ("+", "全面") in ops
    assert 0.8 < similarity(ops) < 1


def test_unrelated_sentences_are_deleted_and_inserted_whole() -> None:
    ops = diff_text("天气晴朗，适合出行。", "预算资金由财政统筹安排。")
    assert ops == [("-", "天气晴朗，适合出行。"), ("+", "预算资金由财政统筹安排。")]


def test_ignore_punctuation_hides_width_and_whitespace_changes() -> None:
    old = "信息化，发展；\n建设（一期）。"
    new = "信息化,发展;建设(一期)."
    assert any(k != "=" for k, _ in diff_text(old, new))
    ops = diff_text(old, new, ignore_punctuation=True)
    assert all(k == "=" for k, _ in ops) and new_text(ops) == new
    mixed = diff_text("加快信息化，发展。", "加快数字化,发展.", ignore_punctuation=True)
    assert [op for op in mixed if op[0] != "="] == [("-", "信息"), ("+", "数字")]
    assert normalize("“十三五”，１２３ ＡＢ。") == "十三五123AB"


def test_long_unrelated_texts_stay_bounded() -> None:
    a = "".join(f"第{i}条甲乙丙丁戊己庚辛壬癸相关工作要求。" for i in range(300))
    b = "".join(f"子丑寅卯辰巳午未申酉戌亥{i}号文件规定。" for i in range(300))
    t = time.perf_counter()
    ops = diff_text(a, b)
    assert time.perf_counter() - t < 2.0
    assert old_text(ops) == a and new_text(ops) == b


sentences = st.lists(st.sampled_from(["推进建设。", "强化保障；", "提升水平！", "数据共享，", "安全可控？", "\n", "，"]),
                     max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(sentences, sentences)
def test_ops_always_rebuild_both_texts(a: str, b: str) -> None:
    ops = diff_text(a, b)
    assert old_text(ops) == a and new_text(ops) == b
    assert all(t for _, t in ops)
    assert all(not (x[0] == y[0]) for x, y in zip(ops, ops[1:], strict=False))
