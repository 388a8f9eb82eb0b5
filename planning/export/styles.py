"""The named styles an exported plan uses, defined from a profile (all formatting lives here).

Built-in Word styles keep their built-in names (Word and WPS show "heading 1" as 标题 1, "Normal"
as 正文, "toc 1" as 目录 1), so a user's reference document edited in Word overrides them; our own
styles have Chinese names and ASCII ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

from planning.export import ooxml
from planning.export.profiles import Profile


@dataclass(frozen=True, slots=True)
class StyleSpec:
    style_id: str
    name: str
    role: str  # the profile font role
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    next_style: str | None = None
    jc: str | None = None  # both | center | right | left
    first_line_chars: int | None = 0  # hundredths of a character; None: inherit
    left_chars: int | None = None
    right_chars: int | None = None
    outline: int | None = None  # 0-based outline level (headings)
    keep_next: bool = False
    grid: bool = True  # the body's fixed line pitch; False: single spacing, not snapped to the grid
    space_after_lines: float = 0
    borders: tuple[str, ...] = ()
    page_break_before: bool = False
    toc_tab: bool = False
    bold: bool | None = None  # None: the role's font decides


NORMAL = "Normal"
TITLE = "Title"
HEADINGS = ("Heading1", "Heading2", "Heading3", "Heading4")
TOC_HEADING = "TOCHeading"
TOCS = ("TOC1", "TOC2", "TOC3")
FOOTER, HEADER = "Footer", "Header"
TABLE_TEXT, TABLE_CAPTION, TABLE_NOTE = "TableText", "TableCaption", "TableNote"
TABLE_TEXT_LEFT, TABLE_HEADER, TABLE_CATEGORY = "TableTextLeft", "TableHeader", "TableCategory"
PAGE_ODD, PAGE_EVEN, BOX_HEADING = "PageNumberOdd", "PageNumberEven", "BoxHeading"
BOX_TITLE, BOX_TEXT = "BoxTitle", "BoxText"
ISSUER_MARK, DOC_NUMBER, RECIPIENT, SIGNATURE, SIGN_DATE, ANNOTATION = (
    "IssuerMark", "DocNumber", "Recipient", "Signature", "SignDate", "Annotation")
ATTACHMENT_NOTE, ATTACHMENT_NOTE_MORE, ATTACHMENT_MARK = "AttachmentNote", "AttachmentNoteMore", "AttachmentMark"
CLOSING, COVER_TEXT = "Closing", "CoverText"
PLAN_TABLE, BOX_TABLE = "PlanTable", "BoxTable"

SPECS: tuple[StyleSpec, ...] = (
    StyleSpec(NORMAL, "Normal", "body", based_on=None, jc="both", first_line_chars=200),
    StyleSpec(TITLE, "Title", "title", next_style=NORMAL, jc="center", space_after_lines=1),
    *(StyleSpec(sid, f"heading {n}", f"heading{n}", next_style=NORMAL, first_line_chars=200, outline=n - 1,
                keep_next=True) for n, sid in enumerate(HEADINGS, 1)),
    StyleSpec(TOC_HEADING, "TOC Heading", "heading1", next_style=NORMAL, jc="center"),
    *(StyleSpec(sid, f"toc {n}", "toc", next_style=NORMAL, left_chars=(n - 1) * 200, toc_tab=True)
      for n, sid in enumerate(TOCS, 1)),
    StyleSpec(FOOTER, "footer", "page_number", jc="center", grid=False),
    StyleSpec(PAGE_ODD, "页码（单页）", "page_number", based_on=FOOTER, jc="right", right_chars=100, grid=False),
    StyleSpec(PAGE_EVEN, "页码（双页）", "page_number", based_on=FOOTER, jc="left", left_chars=100, grid=False),
    StyleSpec(HEADER, "header", "header", jc="center", grid=False, borders=("bottom",)),
    StyleSpec(TABLE_TEXT, "表格", "table", jc="center", grid=False),
    StyleSpec(TABLE_TEXT_LEFT, "表格（左对齐）", "table", based_on=TABLE_TEXT, jc="both", grid=False),
    StyleSpec(TABLE_HEADER, "表头", "table", based_on=TABLE_TEXT, jc="center", grid=False, bold=True),
    StyleSpec(TABLE_CATEGORY, "表格分类", "table", based_on=TABLE_TEXT, jc="left", grid=False, bold=True),
    StyleSpec(TABLE_CAPTION, "表题", "caption", next_style=TABLE_TEXT, jc="center", keep_next=True),
    StyleSpec(TABLE_NOTE, "表注", "table", jc="both", grid=False),
    StyleSpec(BOX_TITLE, "专栏标题", "box_title", next_style=BOX_TEXT, jc="center", grid=False, keep_next=True),
    StyleSpec(BOX_TEXT, "专栏", "box", jc="both", first_line_chars=200, grid=False),
    StyleSpec(BOX_HEADING, "专栏小标题", "box", based_on=BOX_TEXT, jc="both", first_line_chars=200, grid=False,
              bold=True, keep_next=True),
    StyleSpec(ISSUER_MARK, "发文机关标志", "issuer_mark", jc="center", grid=False, space_after_lines=1),
    StyleSpec(DOC_NUMBER, "发文字号", "body", jc="center"),
    StyleSpec(RECIPIENT, "主送机关", "body", jc="both"),
    StyleSpec(SIGNATURE, "署名", "body", jc="right", right_chars=400),
    StyleSpec(SIGN_DATE, "成文日期", "body", jc="right", right_chars=400),
    StyleSpec(ANNOTATION, "附注", "body", first_line_chars=200),
    StyleSpec(ATTACHMENT_NOTE, "附件说明", "body", first_line_chars=200),
    StyleSpec(ATTACHMENT_NOTE_MORE, "附件说明续", "body", left_chars=500),
    StyleSpec(ATTACHMENT_MARK, "附件标记", "heading1", jc="left", keep_next=True),
    StyleSpec(CLOSING, "版记", "closing", left_chars=100, right_chars=100, borders=("top", "bottom")),
    StyleSpec(COVER_TEXT, "封面", "heading2", jc="center"),
)
TABLE_SPECS = ((PLAN_TABLE, "规划表格", 4), (BOX_TABLE, "专栏框", 8))  # id, name, border eighths of a point


def apply_profile(styles: etree._Element, profile: Profile, *, only_missing: bool = False) -> None:
    """Define every style of SPECS from `profile` in a styles.xml root.

    only_missing: keep the styles already there (a user's reference document) and add the others.
    """
    if not only_missing:
        _doc_defaults(styles, profile)
    existing = {s.get(qn("w:styleId")): s for s in styles.iterfind(qn("w:style"))}
    by_name = {_name(s): s for s in existing.values()}
    for spec in SPECS:
        found = existing.get(spec.style_id)
        if found is None:
            found = by_name.get(spec.name.lower())
        if found is not None and only_missing:
            continue
        _define(styles, found, spec, profile)
    for style_id, name, eighths in TABLE_SPECS:
        found = existing.get(style_id)
        if found is not None and only_missing:
            continue
        _define_table(styles, found, style_id, name, eighths)
    if not only_missing:
        ooxml.remove_theme_fonts(styles)


def style_ids(styles: etree._Element) -> dict[str, str]:
    """Our style id for each spec, as found in `styles` (a user's document may use other ids for
    the built-in names, e.g. "1" for heading 1 in a Chinese Word)."""
    out: dict[str, str] = {}
    by_name = {_name(s): s.get(qn("w:styleId")) for s in styles.iterfind(qn("w:style"))}
    ids = {s.get(qn("w:styleId")) for s in styles.iterfind(qn("w:style"))}
    for spec in SPECS:
        if spec.style_id in ids:
            out[spec.style_id] = spec.style_id
        elif (sid := by_name.get(spec.name.lower())) is not None:
            out[spec.style_id] = sid
    for style_id, _, _ in TABLE_SPECS:
        if style_id in ids:
            out[style_id] = style_id
    return out


def _name(style: etree._Element) -> str:
    name = style.find(qn("w:name"))
    return "" if name is None else (name.get(qn("w:val")) or "").lower()


def _doc_defaults(styles: etree._Element, profile: Profile) -> None:
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = ooxml.make("docDefaults")
        styles.insert(0, defaults)
    for old in list(defaults):
        defaults.remove(old)
    body = profile.font("body")
    r_default = etree.SubElement(defaults, qn("w:rPrDefault"))
    rpr = etree.SubElement(r_default, qn("w:rPr"))
    ooxml.set_fonts(rpr, east_asia=body.east_asia, latin=body.latin)
    ooxml.set_size(rpr, body.size)
    ooxml.child(rpr, "lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    p_default = etree.SubElement(defaults, qn("w:pPrDefault"))
    ppr = etree.SubElement(p_default, qn("w:pPr"))
    ooxml.child(ppr, "spacing", before=0, after=0)


def _define(styles: etree._Element, old: etree._Element | None, spec: StyleSpec, profile: Profile) -> None:
    style = ooxml.make("style", type=spec.kind, styleId=spec.style_id)
    if spec.style_id == NORMAL:
        style.set(qn("w:default"), "1")
    ooxml.child(style, "name", val=spec.name)
    if spec.based_on:
        ooxml.child(style, "basedOn", val=spec.based_on)
    if spec.next_style:
        ooxml.child(style, "next", val=spec.next_style)
    ooxml.child(style, "qFormat")
    ppr = ooxml.ppr(style)
    if spec.keep_next:
        ooxml.child(ppr, "keepNext")
    if spec.page_break_before:
        ooxml.child(ppr, "pageBreakBefore")
    if spec.borders:
        ooxml.set_borders(ppr, "pBdr", sides=spec.borders, size=6, space=1)
    if spec.toc_tab:
        tabs = ooxml.child(ppr, "tabs")
        ooxml.replace_child(tabs, "tab", val="right", leader="dot", pos=profile.type_width_twips - 10)
    if spec.grid:
        after = round(spec.space_after_lines * profile.line_pitch_twips)
        ooxml.child(ppr, "spacing", before=0, after=after, line=profile.line_pitch_twips, lineRule="exact")
    else:
        ooxml.child(ppr, "snapToGrid", val=0)
        after = round(spec.space_after_lines * profile.line_pitch_twips)
        ooxml.child(ppr, "spacing", before=0, after=after, line=240, lineRule="auto")
    ind: dict[str, int] = {}
    if spec.first_line_chars is not None:
        ind["firstLineChars"] = spec.first_line_chars
        ind["firstLine"] = round(spec.first_line_chars / 100 * profile.font(spec.role).size * 20)
    for attr, chars in (("left", spec.left_chars), ("right", spec.right_chars)):
        if chars is not None:
            ind[f"{attr}Chars"] = chars
            ind[attr] = round(chars / 100 * profile.font(spec.role).size * 20)
    if ind:
        ooxml.child(ppr, "ind", **ind)
    if spec.jc:
        ooxml.child(ppr, "jc", val=spec.jc)
    if spec.outline is not None:
        ooxml.child(ppr, "outlineLvl", val=spec.outline)
    font = profile.font(spec.role)
    rpr = ooxml.rpr(style)
    ooxml.set_fonts(rpr, east_asia=font.east_asia, latin=font.latin)
    ooxml.set_toggle(rpr, "b", font.bold if spec.bold is None else spec.bold)
    ooxml.child(rpr, "color", val=font.color or "auto")
    if spec.grid and font.size == profile.font("body").size and profile.char_spacing_twips:
        ooxml.child(rpr, "spacing", val=profile.char_spacing_twips)
    ooxml.set_size(rpr, font.size)
    if old is not None:
        old.addprevious(style)
        styles.remove(old)
    else:
        styles.append(style)


def _define_table(styles: etree._Element, old: etree._Element | None, style_id: str, name: str, eighths: int) -> None:
    style = ooxml.make("style", type="table", styleId=style_id)
    ooxml.child(style, "name", val=name)
    ooxml.child(style, "basedOn", val="TableNormal")
    ooxml.child(style, "qFormat")
    tbl_pr = ooxml.make("tblPr")
    ooxml.insert_ordered(style, tbl_pr)
    ooxml.set_borders(tbl_pr, "tblBorders", sides=("top", "left", "bottom", "right", "insideH", "insideV"),
                      size=eighths)
    margins = ooxml.child(tbl_pr, "tblCellMar")
    for side in ("left", "right"):
        ooxml.child(margins, side, w=85, type="dxa")
    if old is not None:
        old.addprevious(style)
        styles.remove(old)
    else:
        styles.append(style)


def add_font_fallbacks(font_table: etree._Element, fallbacks: dict[str, str]) -> None:
    """w:altName for each font (fontTable.xml): the font Word and WPS use where it is missing."""
    fonts = {f.get(qn("w:name")): f for f in font_table.iterfind(qn("w:font"))}
    for name, alt in fallbacks.items():
        font = fonts.get(name)
        if font is None:
            font = ooxml.make("font", name=name)
            font_table.append(font)
        ooxml.replace_child(font, "altName", ("altName", "panose1", "charset", "family", "pitch"), val=alt)
        ooxml.child(font, "charset", ("altName", "panose1", "charset", "family", "pitch"), val="86")
