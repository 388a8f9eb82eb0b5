from __future__ import annotations

from db.search.tokens import BREAK, Piece, fold, index_text, pieces


def test_each_cjk_character_is_a_token_and_punctuation_leaves_a_break() -> None:
    assert index_text("数据共享") == "数 据 共 享"
    assert index_text("网") == "网"
    assert index_text("政务，数据") == f"政 务 {BREAK} 数 据"


def test_words_are_lowercased_and_punctuation_separates() -> None:
    assert index_text("推进IPv6和5G网络。") == "推 进 ipv6 和 5g 网 络"
    assert index_text("ＡＢＣ１２３") == "abc123"
    assert index_text("——“”、；") == ""


def test_fold_keeps_the_length() -> None:
    text = "Ａｂ１２３政务IPv6"
    assert len(fold(text)) == len(text)
    assert fold(text) == "ab123政务ipv6"


def test_pieces() -> None:
    assert pieces("5G网络-政务") == [Piece("5g", False), Piece("网络", True), Piece("政务", True, after_break=True)]
    assert pieces("。，") == []
