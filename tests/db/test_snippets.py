from __future__ import annotations

from db.search.snippets import Snippet, leading, make_snippet, needles


def test_short_text_is_whole_with_marks() -> None:
    snippet = make_snippet("推进政务服务。", needles("政务"))
    assert snippet == Snippet("推进政务服务。", [(2, 4)])
    assert snippet.marked() == "推进【政务】服务。"
    assert snippet.marked("<b>", "</b>") == "推进<b>政务</b>服务。"


def test_window_around_the_first_occurrence() -> None:
    text = "甲" * 100 + "政务" + "乙" * 100 + "政务"
    snippet = make_snippet(text, needles("政务"))
    assert snippet is not None
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.spans) == 1
    start, end = snippet.spans[0]
    assert snippet.text[start:end] == "政务" and start == 21


def test_all_terms_marked_without_overlap() -> None:
    snippet = make_snippet("政务服务和政务云", needles("政务服务 政务"))
    assert snippet is not None
    assert snippet.marked() == "【政务服务】和【政务】云"


def test_words_match_whole_words_ignoring_case() -> None:
    snippet = make_snippet("25G和5G网络", needles("5g"))
    assert snippet is not None and snippet.marked() == "25G和【5G】网络"


def test_newlines_become_spaces_and_no_match_gives_none() -> None:
    assert make_snippet("甲\n政务", needles("政务")) == Snippet("甲 政务", [(2, 4)])
    assert make_snippet("甲乙", needles("政务")) is None
    assert leading("甲" * 70).text == "甲" * 60 + "…"
