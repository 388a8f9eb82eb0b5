"""Word documents with real tables: a 专栏 as a one-cell table, indicator and project tables."""

from __future__ import annotations

from pathlib import Path

import docx

from planning.ingest import parse_file


def test_docx_with_box_indicator_and_project_tables(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("北岭市“十四五”数字政府规划")
    d.add_paragraph("一、发展目标", style="Heading 1")
    d.add_paragraph("到2025年建成数字政府。")
    d.add_paragraph("北岭市“十四五”主要指标")
    t = d.add_table(rows=3, cols=5)
    for row, cells in zip(t.rows, [["指标", "2020年", "2025年", "年均增长", "指标类型"],
                                   ["一、政务服务"] * 5,
                                   ["网上可办率（%）", "85", "≥98", "-", "约束性"]], strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    d.add_paragraph("二、主要任务", style="Heading 1")
    d.add_paragraph("（一）建设政务云", style="Heading 2")
    box = d.add_table(rows=1, cols=1).rows[0].cells[0]
    box.text = "专栏一 政务云工程"
    box.add_paragraph("1.整合部门机房。")
    box.add_paragraph("2.建设灾备中心。")
    d.add_paragraph("（二）提升服务", style="Heading 2")
    d.add_paragraph("重点工程表")
    p = d.add_table(rows=2, cols=3)
    for row, cells in zip(p.rows, [["名称", "建设目标", "建设依据"], ["1.政务云工程", "机房全部上云", "本规划"]],
                          strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    path = tmp_path / "plan.docx"
    d.save(str(path))

    plan, _ = parse_file(path)
    assert [s.title for s in plan.sections] == ["发展目标", "主要任务"]
    (table,) = plan.indicator_tables
    assert table.caption == "北岭市“十四五”主要指标"
    (indicator,) = table.indicators()
    assert (indicator.name, indicator.unit, indicator.target.qualifier, indicator.target.value) == (
        "网上可办率", "%", "≥", 98)
    assert "主要指标" not in plan.sections[0].text  # the caption belongs to the table, not the text
    cloud = plan.sections[1].children[0]
    (box_section,) = [c for c in cloud.children if c.kind == "box"]
    assert (box_section.label, box_section.title) == ("专栏一", "政务云工程")
    assert [c.title for c in box_section.children] == ["整合部门机房", "建设灾备中心"]
    assert plan.sections[1].children[1].title == "提升服务"
    assert [(pr.name, pr.goal, pr.basis) for pr in plan.projects] == [("政务云工程", "机房全部上云", "本规划")]
