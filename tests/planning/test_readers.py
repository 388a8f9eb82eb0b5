"""read_document on text files, and every way a file can be refused before a reader runs."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from planning.errors import PlanImportError
from planning.readers import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, Paragraph, read_document
from planning.readers.encoding import decode_bytes
from tests.planning.variants import write_docx, write_gb18030_crlf, write_html

PLAN = [
    "示例省“十四五”数字政府建设规划",
    "一、发展基础",
    "　　“十三五”时期，全省政务服务事项网上可办率达到95%，数据共享交换平台覆盖省市县三级。",
    "（一）主要成效",
    "　　电子证照库汇聚证照类型120类，“一网通办”成为政务服务新常态。",
    "二、总体要求",
    "　　到2025年，政务数据资源目录编制率达到100%。",
]


def texts(path: Path) -> list[str]:
    return [b.text for b in read_document(path).blocks if isinstance(b, Paragraph)]


def refused(path: Path) -> PlanImportError:
    with pytest.raises(PlanImportError) as caught:
        read_document(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    return caught.value


# --- text: encodings and line endings -------------------------------------------------------


def test_utf8_text_gives_one_paragraph_per_nonempty_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("\n\n".join(PLAN) + "   \n\t\n", encoding="utf-8")
    document = read_document(path)
    assert document.fmt == "text"
    assert document.encoding == "utf-8"
    assert [b.text for b in document.blocks] == PLAN  # blank lines gone, 　　 indentation kept
    assert all(b.heading_level is None for b in document.blocks)


def test_gb18030_crlf_text_decodes_as_gb18030(tmp_path: Path) -> None:
    lines = [*PLAN, "　　少数民族地区地名用字“䶮”不在 GBK 中，只有 GB18030 能编码。"]
    document = read_document(write_gb18030_crlf(lines, tmp_path / "plan.txt"))
    assert document.encoding == "gb18030"
    assert [b.text for b in document.blocks] == lines
    assert "\r" not in document.plain_text()


def test_short_gb_text_is_not_mistaken_for_big5(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("发展基础".encode("gbk"))
    document = read_document(path)
    assert (document.encoding, texts(path)) == ("gb18030", ["发展基础"])


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    ],
)
def test_text_with_bom(tmp_path: Path, bom: bytes, codec: str, name: str) -> None:
    path = tmp_path / "plan.text"
    path.write_bytes(bom + "\r\n".join(PLAN).encode(codec))
    document = read_document(path)
    assert document.encoding == name
    assert [b.text for b in document.blocks] == PLAN  # no U+FEFF left on the first line


def test_old_mac_line_endings_split_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes("\r".join(PLAN[:3]).encode("utf-8"))
    assert texts(path) == PLAN[:3]


def test_a_single_long_line_is_not_split(tmp_path: Path) -> None:
    line = "".join(PLAN) * 300  # a plan pasted as one line, well over 48 KB
    path = tmp_path / "oneline.txt"
    path.write_text(line + "\n", encoding="utf-8")
    assert len(line.encode("utf-8")) > 48_000
    assert texts(path) == [line]


def test_utf8_cut_off_mid_character_is_still_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("\n".join(PLAN).encode("utf-8")[:-1])  # last character loses its final byte
    document = read_document(path)
    assert document.encoding == "utf-8"
    assert [b.text for b in document.blocks] == [*PLAN[:-1], PLAN[-1][:-1] + "\ufffd"]


def test_decode_bytes_prefers_gb18030_for_any_gbk_guess() -> None:
    data = "\r\n".join(PLAN).encode("gbk")
    text, encoding = decode_bytes(data, "x.txt")
    assert encoding == "gb18030"
    assert text.splitlines() == PLAN


# --- dispatch ---------------------------------------------------------------------------------


def test_every_supported_suffix_reads_the_same_plan(tmp_path: Path) -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".text", ".docx", ".html", ".htm"}
    variants = [
        write_gb18030_crlf(PLAN, tmp_path / "a.txt"),
        write_gb18030_crlf(PLAN, tmp_path / "a.TEXT"),
        write_docx(PLAN, tmp_path / "a.docx", styled=False),
        write_html(PLAN, tmp_path / "a.htm", title=PLAN[0]),
    ]
    for path in variants:
        assert texts(path) == PLAN, path.name


def test_accepts_str_paths(tmp_path: Path) -> None:
    path = write_gb18030_crlf(PLAN, tmp_path / "plan.txt")
    assert read_document(str(path)).path == str(path)


# --- refusals ---------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert "不存在" in refused(tmp_path / "nope.txt").zh


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "plans.txt"
    folder.mkdir()
    assert "文件夹" in refused(folder).zh


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "为空" in refused(path).zh


@pytest.mark.parametrize(
    "content", [b"   \r\n\t\r\n", "　　\r\n \r\n".encode("gb18030"), codecs.BOM_UTF8 + b"\n\n"]
)
def test_whitespace_only_file_is_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert "为空" in refused(path).zh


def test_random_binary_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    error = refused(path)
    assert error.zh.endswith("不是文本文件")
    assert error.en.endswith("not a text file")


def test_undetectable_encoding(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"  # high bytes, each followed by "!": valid in no CJK code page
    path.write_bytes(b"".join(bytes([b, 0x21]) for b in range(0x80, 0x100)) * 4)
    assert refused(path).zh.endswith("无法识别文本编码")


def test_unknown_extension_names_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.7")
    error = refused(path)
    assert ".pdf" in error.zh
    assert all(suffix in error.en for suffix in SUPPORTED_SUFFIXES)


def test_old_word_doc_asks_for_docx(tmp_path: Path) -> None:
    path = tmp_path / "plan.DOC"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    error = refused(path)
    assert "请另存为 .docx" in error.zh
    assert "save it as .docx first" in error.en


def test_file_over_50_mb(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written to disk
    assert refused(path).zh.endswith("文件超过 50 MB")


def test_file_of_exactly_50_mb_is_not_refused_for_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES)  # all NUL bytes: refused, but as binary
    assert refused(path).zh.endswith("不是文本文件")
