"""Property tests: random and mutated text never crashes the parser or the import, and never hangs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planning.errors import PlanImportError
from planning.ingest import parse_file
from planning.parse.plan_parser import parse_document
from planning.paths import resource_path
from planning.readers.blocks import Document, Paragraph

SAMPLE = resource_path("sample", "qinghe_14th_plan.txt").read_text(encoding="utf-8").splitlines()
# Characters that matter to the parser: labels, brackets, numerals, punctuation, table words.
ALPHABET = list("一二三四五六七八九十第部分章、．.（）()0123456789０１２３ 　。；：:，“”专栏目录附件指标年%≥＞-—预期性约束性名称建设目标依据主题词抄送发展规划省市号〔〕") + ["\n"]
text_strategy = st.text(alphabet=st.sampled_from(ALPHABET), max_size=3000)


def parse_text(text: str) -> None:
    blocks = [Paragraph(line) for line in text.split("\n") if line.strip()]
    plan = parse_document(Document("fuzz.txt", "text", blocks))
    plan.to_dict()  # the model is always serializable


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_random_text_parses_without_error(text: str) -> None:
    parse_text(text)


@settings(max_examples=200, deadline=2000)
@given(st.text(alphabet=st.sampled_from(ALPHABET[:-1]), min_size=1500, max_size=6000))
def test_random_single_long_line_parses_without_error(text: str) -> None:
    parse_text(text)  # the flattened-plan path


@settings(max_examples=150, deadline=2000)
@given(st.lists(st.tuples(st.integers(0, len(SAMPLE) - 1), st.sampled_from(["drop", "dup", "swap", "cut"])),
                max_size=25))
def test_mutated_sample_plan_parses_without_error(mutations: list[tuple[int, str]]) -> None:
    lines = list(SAMPLE)
    for index, op in mutations:
        i = index % max(len(lines), 1)
        if not lines:
            break
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "cut":
            lines[i] = lines[i][: len(lines[i]) // 2]
    parse_text("\n".join(lines))


@settings(max_examples=100, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".docx", ".html"]))
def test_random_bytes_raise_only_our_import_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    try:
        parse_file(path)
    except PlanImportError as exc:
        assert str(path) in exc.line()
