"""The covering notice: each line in its GB/T 9704 element's style, dates and numbers in Arabic numerals."""

from __future__ import annotations

from planning.export import styles as st
from planning.export.notice import arabic_date, notice_lines
from tests.planning.export.plans import linxi_plan


def test_each_line_gets_its_element() -> None:
    assert notice_lines(linxi_plan()) == [
        (st.ISSUER_MARK, "临溪市人民政府办公室"),
        (st.TITLE, "关于印发临溪市“十四五”数字政府建设规划的通知"),
        (st.DOC_NUMBER, "临政办发〔2021〕12号"),
        (st.RECIPIENT, "各区人民政府，市政府各部门："),
        (st.NORMAL, "《临溪市“十四五”数字政府建设规划》已经市政府同意，现印发给你们，请认真贯彻执行。"),
        (st.SIGNATURE, "临溪市人民政府办公室"),
        (st.SIGN_DATE, "2021年3月5日"),
        (st.ANNOTATION, "（此件公开发布）"),
    ]


def test_arabic_date() -> None:
    assert arabic_date("2012-01-29") == "2012年1月29日"
