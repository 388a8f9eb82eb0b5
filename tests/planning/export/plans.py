"""Small plans written by hand for the export tests (a fictional city, our own text)."""

from __future__ import annotations

from planning.model import (
    GlossaryEntry,
    Indicator,
    IndicatorCategory,
    IndicatorTable,
    Period,
    Plan,
    Project,
    Region,
    Section,
    Value,
)


def linxi_plan(*, notice: bool = True) -> Plan:
    """临溪市“十四五”数字政府建设规划: every part the exporter prints."""
    goals = Section("（一）", "发展目标", 2, text="到2025年，全市数字政府建设取得明显成效。")
    tasks = Section("二、", "主要任务", 1, children=[
        Section("（一）", "夯实数字底座", 2, text="统筹建设全市政务云平台。", children=[
            Section("1.", "建设政务云", 3, text="整合各部门机房资源。"),
            Section("2.", "完善政务外网", 3, text="实现市县乡三级全覆盖。"),
            Section("专栏一", "数字底座重点工程", 3, kind="box", text="政务云扩容：新增算力一千核。",
                    children=[Section("1.", "算力扩容", 4, text="新增服务器二百台。")]),
        ]),
        Section("（二）", "推进重点工程", 2, text="实施一批重点工程。"),
    ])
    table = IndicatorTable(
        caption="临溪市“十四五”数字政府主要指标",
        columns=["指标", "2020年", "2025年", "年均增长", "属性"],
        categories=[
            IndicatorCategory("基础设施", [
                Indicator("千兆光网覆盖率", "%", Value(40, 2020, None, "40"), Value(95, 2025, "≥", "≥95"),
                          "18.9", 18.9, "预期性"),
                Indicator("政务云资源利用率", "%", Value(None, 2020, None, "-"), Value(80, 2025, "＞", "＞80"),
                          "-", None, "约束性"),
            ]),
            IndicatorCategory("政务服务", [
                Indicator("政务服务事项网上可办率", "%", Value(85, 2020, None, "85"), Value(100, 2025, None, "100"),
                          "3.3", 3.3, "约束性"),
            ]),
        ],
    )
    return Plan(
        title="临溪市“十四五”数字政府建设规划",
        region=Region("临溪市", "市"),
        period=Period("十四五", 2021, 2025),
        issuers=["临溪市人民政府办公室"] if notice else [],
        doc_number="临政办发〔2021〕12号" if notice else None,
        date="2021-03-05" if notice else None,
        notice="\n".join([
            "临溪市人民政府办公室",
            "关于印发临溪市“十四五”数字政府建设规划的通知",
            "临政办发〔２０２１〕１２号",
            "各区人民政府，市政府各部门：",
            "《临溪市“十四五”数字政府建设规划》已经市政府同意，现印发给你们，请认真贯彻执行。",
            "临溪市人民政府办公室",
            "二〇二一年三月五日",
            "（此件公开发布）",
        ]) if notice else "",
        preamble="本规划依据《临溪市国民经济和社会发展第十四个五年规划纲要》编制。",
        sections=[Section("一、", "总体要求", 1, text="坚持统筹规划、集约建设。", children=[goals]), tasks],
        indicator_tables=[table],
        projects=[
            Project("数字底座工程", "城市大脑一期", "建成城市运行管理中枢。", "市委市政府决策部署"),
            Project("数字底座工程", "政务云扩容", "新增算力一千核。", None),
            Project("惠民服务工程", "一网通办提升", "高频事项全程网办。", None),
        ],
        glossary=[GlossaryEntry("政务云", "为政务部门提供的云计算服务。"),
                  GlossaryEntry("城市大脑", "城市运行数据的汇聚与分析中枢。")],
        attachments=["规划名词解释"],
        closing="抄送：市委各部门，市人大常委会办公室。\n临溪市人民政府办公室 2021年3月5日印发",
    )
