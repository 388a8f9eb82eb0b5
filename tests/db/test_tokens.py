from __future__ import annotations

from db.tokens import Piece, fold, index_text, pieces


def test_cjk_runs_become_overlapping_bigrams_and_the_last_character() -> None:
    assert index_text("数据共享") == "数据 据共 共享 享"
    assert index_text("网") == "网"
    assert index_text("政务，数据") == "政务 务 数据 据"


def test_words_are_lowercased_and_punctuation_separates() -> None:
    assert index_text("推进IPv6和5G网络。") == "推进 进 ipv6 和 5g 网络 络"
    assert index_text("ＡＢＣ１２３") == "abc123"
    assert index_text("——“”、；") == ""


def test_fold_keeps_the_length() -> None:
    text = "Ａｂ１２３政务IPv6"
    assert len(fold(text)) == len(text)
    assert fold(text) == "ab123政务ipv6"


def test_pieces() -> None:
    assert pieces("5G网络-政务") == [Piece("5g", False), Piece("网络", True), Piece("政务", True)]
    assert pieces("。，") == []
