from __future__ import annotations

from planning.model import Section
from planning.parse.backmatter import read_back_matter, split_closing
from planning.parse.projects import from_sections, read_flattened, read_table

FLAT = [
    "北岭市重点工程一览表",
    "名  称", "建 设 目 标", "建 设 依 据",
    "1．城市数据",
    "大脑工程",
    "建成城市数据大脑，汇聚各部门数据。",
    "开放一百个数据集。",
    "本规划；市政府有关文件",
    "2．智慧交通工程",
    "主要路口实现信号灯联网，公交到站预报全覆盖。",
    "本规划",
    "主题词：信息化 规划",
]


def test_flattened_project_table_joins_names_and_splits_goal_from_basis() -> None:
    found = read_flattened(FLAT, 0)
    assert found is not None
    projects, end = found
    assert FLAT[end].startswith("主题词")
    assert [p.name for p in projects] == ["城市数据大脑工程", "智慧交通工程"]
    assert projects[0].goal == "建成城市数据大脑，汇聚各部门数据。\n开放一百个数据集。"
    assert projects[0].basis == "本规划；市政府有关文件"


def test_real_project_table() -> None:
    rows = [["序号", "项目名称", "建设内容", "建设依据"], ["1", "政务云工程", "建设政务云", "本规划"]]
    got = read_table(rows, "重点项目表")
    assert got is not None and [(p.name, p.goal, p.basis) for p in got] == [("政务云工程", "建设政务云", "本规划")]


def test_projects_written_as_a_key_projects_chapter() -> None:
    item = Section("1.", "建设试验区", 3, text="设立专项资金。")
    group = Section("（一）", "融合推进工程", 2, children=[item])
    chapter = Section("五、", "重点工程", 1, children=[group])
    (project,) = from_sections([chapter])
    assert (project.group, project.name, project.goal) == ("融合推进工程", "建设试验区", "设立专项资金。")


def test_back_matter_attachments_glossary_and_closing() -> None:
    lines = ["附件：1.名词解释", "2.任务分工表", "附件1", "名词解释", "政务云：为政府提供云计算资源的平台。",
             "数据湖：集中存放原始数据的存储。", "附件2", "任务分工表（略）"]
    back = read_back_matter(lines)
    assert back.attachments == ["名词解释", "任务分工表"]
    assert [(g.term, g.definition) for g in back.glossary] == [
        ("政务云", "为政府提供云计算资源的平台。"), ("数据湖", "集中存放原始数据的存储。")]
    assert back.other == ["任务分工表（略）"]
    body, closing = split_closing(["正文", "抄送：市委各部门。", "北岭市人民政府办公室 2021年4月2日印发"])
    assert body == ["正文"] and closing[0].startswith("抄送")
