"""A small plan built by hand for the library tests: a fictional city, our own text."""

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


def make_plan(
    *,
    title: str = "云河市“十四五”信息化发展规划",
    region: str = "云河市",
    period: str = "十四五",
    start: int = 2021,
    end: int = 2025,
) -> Plan:
    return Plan(
        title=title,
        region=Region(region, "市"),
        period=Period(period, start, end),
        issuers=["云河市人民政府办公室"],
        doc_number="云政办发〔2021〕18号",
        date="2021-09-30",
        source="云河市人民政府网站",
        notice="各区县人民政府，市政府各部门：\n现将《规划》印发给你们，请认真贯彻执行。",
        preamble="为加快建设数字云河，推动全市信息化高质量发展，制定本规划。",
        closing="抄送：市委各部门。",
        sections=[
            Section(
                "一、",
                "发展基础",
                1,
                text="“十三五”时期，全市电子政务建设取得明显成效，政务服务事项网上可办率达到95%。",
                children=[
                    Section(
                        "（一）",
                        "政务信息化",
                        2,
                        text="建成全市统一的政务云平台，部门数据共享交换能力显著增强。",
                    ),
                    Section(
                        "（二）",
                        "信息基础设施",
                        2,
                        text="光纤网络覆盖城乡，5G基站达到3200个，推进IPv6规模部署。",
                    ),
                ],
            ),
            Section(
                "二、",
                "总体要求",
                1,
                text="坚持统筹规划、集约建设，以数据为关键要素，以应用为导向。",
                children=[
                    Section("（一）", "指导思想", 2, text="坚持以人民为中心，服务群众和企业。"),
                    Section(
                        "（二）",
                        "发展目标",
                        2,
                        text="到2025年，数字政府基本建成，城市治理能力明显提升。",
                        children=[Section("1.", "数字政府", 3, text="政务服务实现“掌上办、就近办”。")],
                    ),
                ],
            ),
            Section(
                "三、",
                "主要任务",
                1,
                children=[
                    Section(
                        "（一）",
                        "推进“一网通办”",
                        2,
                        text="深化服务改革，推行“一窗受理、一网通办”，实现高频事项全程网办。",
                    ),
                    Section(
                        "专栏1",
                        "智慧城市重点工程",
                        2,
                        kind="box",
                        text="建设城市运行管理中心，汇聚交通、水务、环保等数据。\n推广智能水表和智慧停车。",
                    ),
                ],
            ),
            Section("四、", "保障措施", 1, text="加强组织领导，建立健全网络安全保障体系。"),
        ],
        indicator_tables=[
            IndicatorTable(
                caption="云河市信息化发展主要指标",
                columns=["类别", "指标", "单位", "2020年", "2025年", "属性"],
                categories=[
                    IndicatorCategory(
                        "数字政府",
                        [
                            Indicator(
                                "政务服务事项网上可办率",
                                "%",
                                base=Value(95.0, 2020, None, "95"),
                                target=Value(99.0, 2025, "≥", "≥99"),
                                attribute="约束性",
                            ),
                        ],
                    ),
                    IndicatorCategory(
                        "数字经济",
                        [
                            Indicator(
                                "公共数据开放数据集",
                                "个",
                                base=Value(None, 2020, None, "-"),
                                target=Value(500.0, 2025, None, "500"),
                                attribute="预期性",
                            ),
                            Indicator(
                                "数字经济核心产业增加值",
                                "亿元",
                                base=Value(120.5, 2020, None, "120.5"),
                                target=Value(260.0, 2025, None, "260"),
                                growth_text="16.6%",
                                growth=16.6,
                                attribute="预期性",
                            ),
                        ],
                    ),
                    IndicatorCategory("待补充", []),
                ],
                notes=["注：“-”表示无统计数据。"],
                after="二、/（二）",  # after 发展目标
            )
        ],
        projects=[
            Project("数字政府", "一体化政务服务平台升级", "事项网上可办率达到99%", "已建成市级政务服务平台"),
            Project(None, "城市运行管理中心", "汇聚20个部门数据", None),
        ],
        glossary=[
            GlossaryEntry("一网通办", "群众办事只进一扇门、只上一张网。"),
            GlossaryEntry("IPv6", "互联网协议第六版。"),
        ],
        attachments=["附件：重点项目表"],
        warnings=["第3页表格列数不一致"],
    )
