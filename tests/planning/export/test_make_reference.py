"""The committed reference document is what the generator makes from the GB/T 9704 profile."""

from __future__ import annotations

import docx

from planning.export.export import reference_path
from planning.export.make_reference import build_reference


def test_committed_reference_is_up_to_date() -> None:
    committed = docx.Document(str(reference_path()))
    assert committed.styles.element.xml == build_reference().styles.element.xml, \
        "run: python -m planning.export.make_reference"


def test_reference_shows_a_sample_of_each_heading() -> None:
    texts = [p.text for p in docx.Document(str(reference_path())).paragraphs]
    assert texts[:4] == ["一、标题 1", "（一）标题 2", "1.标题 3", "（1）标题 4"]
