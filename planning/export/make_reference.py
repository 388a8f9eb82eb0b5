"""Generate resources/reference/gbt9704.docx, the reference document every export takes its styles
from. Run once after changing the GB/T 9704 profile or the styles, and commit the output:

    python -m planning.export.make_reference

The document shows one paragraph of each style (as pandoc's reference.docx does), so a user can
copy it, change fonts or sizes in Word or WPS, and pass it with --reference-doc.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.document import Document as WordDocument

from planning.export import styles as st
from planning.export.export import _fill, _font_fallbacks, clear_body, reference_path, setup_page
from planning.export.profiles import GBT9704, Profile
from planning.export.writer import DocxWriter
from planning.model import Section

SAMPLES = (
    (st.TITLE, "标题（方正小标宋简体 2号）"),
    (st.ISSUER_MARK, "发文机关标志"),
    (st.DOC_NUMBER, "某政办发〔2021〕12号"),
    (st.RECIPIENT, "主送机关："),
    (st.NORMAL, "正文（仿宋_GB2312 3号，每页22行，每行28字）。"),
    (st.SIGNATURE, "署名"),
    (st.SIGN_DATE, "2021年3月5日"),
    (st.ANNOTATION, "（此件公开发布）"),
    (st.TABLE_CAPTION, "表题"),
    (st.TABLE_NOTE, "注：表注。"),
    (st.ATTACHMENT_NOTE, "附件：1.附件名称"),
    (st.ATTACHMENT_NOTE_MORE, "2.附件名称"),
    (st.ATTACHMENT_MARK, "附件1"),
    (st.CLOSING, "抄送：版记。"),
)


def build_reference(profile: Profile = GBT9704) -> WordDocument:
    document = docx.Document()
    st.apply_profile(document.styles.element, profile)
    _font_fallbacks(document, profile)
    clear_body(document)
    setup_page(document, profile)
    writer = DocxWriter(document, profile, toc=False)
    for n, label in enumerate(("一、", "（一）", "1.", "（1）"), 1):
        writer.add_heading(Section(label, f"标题 {n}", n), label, n)
    for style_id, text in SAMPLES:
        writer.paragraph(text, style_id, role="sample")
    writer.table(["表头", "表头"], [], role="sample", name_column=0)
    _fill(document.sections[0].header, None)
    return document


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else reference_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    build_reference().save(str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
