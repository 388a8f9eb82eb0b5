"""The .docx reader: headings, Word list labels, tables, text boxes, and hostile packages."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from planning.errors import PlanImportError
from planning.list_numbers import format_number
from planning.readers import Paragraph, Table, read_document
from tests.planning.variants import write_docx

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
LINES = [
    "示例市“十四五”智慧城市建设规划",
    "一、发展基础",
    "（一）主要成效",
    "城市大脑一期建成投用。",
    "二、总体要求",
]


def blocks(path: Path) -> list[Paragraph | Table]:
    return read_document(path).blocks


def refused(path: Path) -> PlanImportError:
    with pytest.raises(PlanImportError) as caught:
        read_document(path)
    assert caught.value.path == str(path)
    return caught.value


# --- headings -----------------------------------------------------------------------------------


def test_styled_headings_carry_their_level(tmp_path: Path) -> None:
    path = write_docx(LINES, tmp_path / "styled.docx", styled=True, heading_levels={0: 1, 1: 1, 2: 2, 4: 1})
    got = [(b.text, b.heading_level) for b in blocks(path)]
    assert got == [(LINES[0], 1), (LINES[1], 1), (LINES[2], 2), (LINES[3], None), (LINES[4], 1)]


def test_unstyled_document_has_no_heading_hints(tmp_path: Path) -> None:
    path = write_docx(LINES, tmp_path / "plain.docx", styled=False)
    assert [(b.text, b.heading_level) for b in blocks(path)] == [(line, None) for line in LINES]


def test_outline_level_on_paragraph_or_through_based_on_style(tmp_path: Path) -> None:
    document = docx.Document()
    own = document.add_paragraph("第一章　总则")
    own._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {NS} w:val="0"/>'))
    custom = document.styles.add_style("规划二级标题", 1)  # 1 = paragraph style
    custom.base_style = document.styles["Heading 2"]
    document.add_paragraph("（一）指导思想", style=custom)
    body = document.add_paragraph("正文。")
    body._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {NS} w:val="9"/>'))  # 9 = body text
    document.save(tmp_path / "outline.docx")
    assert [b.heading_level for b in blocks(tmp_path / "outline.docx")] == [1, 2, None]


def test_empty_paragraphs_and_table_of_contents_entries_are_skipped(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("目　录")
    toc = document.styles.add_style("toc 1", 1)
    document.add_paragraph("一、发展基础\t3", style=toc)
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("一、发展基础")
    document.save(tmp_path / "toc.docx")
    assert [b.text for b in blocks(tmp_path / "toc.docx")] == ["目　录", "一、发展基础"]


def test_soft_breaks_split_paragraphs_and_deleted_or_hidden_text_is_dropped(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("到2025年")
    paragraph.runs[0].add_break()
    paragraph.add_run("基本建成数字政府")
    paragraph._p.append(parse_xml(f"<w:del {NS}><w:r><w:delText>（删除的文字）</w:delText></w:r></w:del>"))
    paragraph._p.append(parse_xml(f"<w:ins {NS}><w:r><w:t>。</w:t></w:r></w:ins>"))
    hidden = paragraph.add_run("隐藏批注")
    hidden.font.hidden = True
    document.save(tmp_path / "breaks.docx")
    assert [b.text for b in blocks(tmp_path / "breaks.docx")] == ["到2025年", "基本建成数字政府。"]


# --- Word list numbering -----------------------------------------------------------------------


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def _add_list(
    document: docx.document.Document, abstract_id: int, levels: list[str], num_ids: dict[int, str]
) -> None:
    """An abstractNum with `levels`, and one w:num per entry of num_ids (value: extra override XML)."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {NS} w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'
    )
    first_num = numbering.find(f"{{{numbering.nsmap['w']}}}num")
    first_num.addprevious(abstract)
    for num_id, overrides in num_ids.items():
        numbering.append(
            parse_xml(
                f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
            )
        )


def _numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    num_pr = f'<w:numPr {NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    paragraph._p.get_or_add_pPr().append(parse_xml(num_pr))


PLAN_LEVELS = [
    _level(0, "chineseCounting", "%1、"),
    _level(1, "chineseCountingThousand", "（%2）"),
    _level(2, "decimal", "%3."),
]


def test_word_list_labels_are_prepended_like_hand_numbering(tmp_path: Path) -> None:
    document = docx.Document()
    _add_list(document, 90, PLAN_LEVELS, {90: ""})
    outline = [
        ("发展基础", 0),
        ("主要成效", 1),
        ("数字基础设施", 2),
        ("政务服务", 2),
        ("存在不足", 1),
        ("总体要求", 0),
        ("指导思想", 1),
        ("基本原则", 1),
    ]
    for text, ilvl in outline:
        _numbered(document, text, 90, ilvl)
    document.save(tmp_path / "numbered.docx")
    by_word = read_document(tmp_path / "numbered.docx")
    expected = [
        "一、发展基础",
        "（一）主要成效",
        "1.数字基础设施",
        "2.政务服务",
        "（二）存在不足",
        "二、总体要求",
        "（一）指导思想",
        "（二）基本原则",
    ]
    assert [b.text for b in by_word.blocks] == expected
    by_hand = read_document(write_docx(expected, tmp_path / "by_hand.docx", styled=False))
    assert by_word.plain_text() == by_hand.plain_text()


def test_list_numbering_through_the_heading_style(tmp_path: Path) -> None:
    document = docx.Document()
    _add_list(document, 91, [_level(0, "chineseCounting", "第%1章　")], {91: ""})
    heading = document.styles["Heading 1"].element
    heading.get_or_add_pPr().append(parse_xml(f'<w:numPr {NS}><w:numId w:val="91"/></w:numPr>'))
    for title in ("总则", "发展基础", "保障措施"):
        document.add_paragraph(title, style="Heading 1")
        document.add_paragraph("正文。")
    document.save(tmp_path / "chapters.docx")
    headings = [(b.text, b.heading_level) for b in blocks(tmp_path / "chapters.docx") if b.heading_level]
    assert headings == [("第一章　总则", 1), ("第二章　发展基础", 1), ("第三章　保障措施", 1)]


def test_start_override_restarts_and_other_formats(tmp_path: Path) -> None:
    document = docx.Document()
    levels = [
        _level(0, "ideographTraditional", "%1."),
        _level(1, "decimalFullWidth", "%2）"),
        _level(2, "upperLetter", "%3)"),
        _level(3, "bullet", "•"),
    ]
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    _add_list(document, 92, levels, {92: "", 93: restart})
    for text, num_id, ilvl in [
        ("甲项", 92, 0),
        ("乙项", 92, 0),
        ("细目", 92, 1),
        ("分项", 92, 2),
        ("要点", 92, 3),
        ("另一清单", 93, 0),
        ("第二项", 93, 0),
    ]:
        _numbered(document, text, num_id, ilvl)
    document.save(tmp_path / "formats.docx")
    assert [b.text for b in blocks(tmp_path / "formats.docx")] == [
        "甲.甲项",
        "乙.乙项",
        "１）细目",
        "A)分项",
        "要点",
        "甲.另一清单",
        "乙.第二项",
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "label"),
    [
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"),
        (105, "chineseCounting", "一百零五"),
        (3, "ideographTraditional", "丙"),
        (12, "decimalFullWidth", "１２"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (3, "decimalEnclosedCircle", "③"),
        (7, "bullet", ""),
        (5, "someFutureFormat", "5"),
    ],
)
def test_number_formats(n: int, fmt: str, label: str) -> None:
    assert format_number(n, fmt) == label


# --- tables -------------------------------------------------------------------------------------


def test_tables_stay_in_reading_order_with_merged_cells_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("表1　主要指标")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "指标名称"
    table.cell(0, 2).text = "2025年目标"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "数字政府"
    table.cell(1, 1).text = "政务服务网上可办率（%）"
    table.cell(1, 2).text = "≥95"
    table.cell(2, 1).text = "电子证照共享率（%）"
    table.cell(2, 2).text = "100"
    document.add_paragraph("表后正文。")
    document.save(tmp_path / "table.docx")
    got = blocks(tmp_path / "table.docx")
    assert got[0] == Paragraph("表1　主要指标")
    assert got[1] == Table(
        rows=[
            ["指标名称", "2025年目标"],
            ["数字政府", "政务服务网上可办率（%）", "≥95"],
            ["", "电子证照共享率（%）", "100"],
        ]
    )
    assert got[2] == Paragraph("表后正文。")


def test_one_cell_table_keeps_its_paragraphs_and_nested_tables_flatten(tmp_path: Path) -> None:
    document = docx.Document()
    box = document.add_table(rows=1, cols=1).cell(0, 0)
    box.text = "专栏1　新型基础设施建设工程"
    box.add_paragraph("5G基站：新建5G基站1万个。")
    inner = box.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "千兆光网"
    inner.cell(0, 1).text = "覆盖城镇家庭"
    document.save(tmp_path / "box.docx")
    assert blocks(tmp_path / "box.docx") == [
        Table(rows=[["专栏1　新型基础设施建设工程\n5G基站：新建5G基站1万个。\n千兆光网\n覆盖城镇家庭"]])
    ]


# --- text boxes ---------------------------------------------------------------------------------

BOX_PARAGRAPHS = "<w:p><w:r><w:t>专栏2　数据要素工程</w:t></w:r></w:p><w:p><w:r><w:t>建设公共数据开放平台。</w:t></w:r></w:p>"
DRAWING_BOX = (
    f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
    '<wp:extent cx="3000000" cy="900000"/><wp:docPr id="1" name="文本框 1"/><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    f"<wps:wsp><wps:txbx><w:txbxContent>{BOX_PARAGRAPHS}</w:txbxContent></wps:txbx></wps:wsp>"
    "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    f"<mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>{BOX_PARAGRAPHS}</w:txbxContent>"
    "</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_text_box_becomes_one_cell_table_after_its_paragraph_exactly_once(tmp_path: Path) -> None:
    document = docx.Document()
    anchor = document.add_paragraph("推进数据要素市场化配置。")
    anchor._p.append(parse_xml(DRAWING_BOX))
    document.add_paragraph("（三）强化安全保障")
    document.save(tmp_path / "textbox.docx")
    read = read_document(tmp_path / "textbox.docx")
    assert read.blocks == [
        Paragraph("推进数据要素市场化配置。"),
        Table(rows=[["专栏2　数据要素工程\n建设公共数据开放平台。"]]),
        Paragraph("（三）强化安全保障"),
    ]
    assert read.plain_text().count("数据要素工程") == 1


def test_vml_only_text_box_is_read(tmp_path: Path) -> None:
    document = docx.Document()
    anchor = document.add_paragraph("")
    vml = f"<w:r {NS}><w:pict><v:shape><v:textbox><w:txbxContent>{BOX_PARAGRAPHS}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    anchor._p.append(parse_xml(vml))
    document.save(tmp_path / "vml.docx")
    assert blocks(tmp_path / "vml.docx") == [Table(rows=[["专栏2　数据要素工程\n建设公共数据开放平台。"]])]


# --- hostile or broken packages -------------------------------------------------------------------


def test_random_bytes_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(random.Random(3).randbytes(2048))
    error = refused(path)
    assert error.zh.endswith("不是有效的 .docx 文件")
    assert error.en.endswith("not a valid .docx")


def test_ole_signature_named_docx_is_encrypted_or_old_word(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(4).randbytes(4096))
    assert refused(path).zh.endswith("已加密或旧格式的 Word 文件")


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"0" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    assert path.stat().st_size < 5 * 1024 * 1024
    assert "压缩炸弹" in refused(path).zh


def _rewrite_part(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, change(data) if item.filename == part else data)
    return target


def test_billion_laughs_doctype_is_refused(tmp_path: Path) -> None:
    good = write_docx(LINES, tmp_path / "good.docx", styled=False)
    entities = [b'<!ENTITY lol0 "lol">'] + [
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10)
    ]
    laughs = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [' + b"".join(entities) + b"]>"
    bad = _rewrite_part(
        good,
        tmp_path / "laughs.docx",
        "word/document.xml",
        lambda xml: laughs + xml.split(b"?>", 1)[1].replace(b"<w:t>", b"<w:t>&lol9;", 1),
    )
    error = refused(bad)
    assert "实体声明" in error.zh
    assert "declares XML entities" in error.en


def test_external_entity_in_relationships_is_refused(tmp_path: Path) -> None:
    good = write_docx(LINES, tmp_path / "good.docx", styled=False)
    xxe = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    bad = _rewrite_part(good, tmp_path / "xxe.docx", "_rels/.rels", lambda xml: xxe + xml.split(b"?>", 1)[1])
    assert "实体声明" in refused(bad).zh


def test_damaged_member_is_a_clear_error(tmp_path: Path) -> None:
    good = write_docx(LINES * 50, tmp_path / "good.docx", styled=False)
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("word/document.xml")
    data = bytearray(good.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    data[start : start + 40] = bytes(40)
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(bytes(data))
    assert refused(damaged).zh.endswith("文件已损坏，无法打开")


def test_zip_without_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "只是一个压缩包")
    assert refused(path).zh.endswith("文件已损坏，无法打开")


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    docx.Document().save(tmp_path / "blank.docx")
    assert "为空" in refused(tmp_path / "blank.docx").zh
