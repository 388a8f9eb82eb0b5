"""Small stateless helpers over WordprocessingML elements, for what python-docx has no API for.

python-docx's element classes know the schema's child order for the properties they model; these
helpers add the rest (East Asian fonts, theme-font removal, fields, a TOC, header-row repeat,
borders) as functions that take an element and add correctly ordered children. Each is tested as
"this XML in, that XML out" in tests/planning/export/test_ooxml.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Child order of the property elements we touch (ECMA-376 Part 1, §17), shortened to what we use
# or may meet in a user's reference document.
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
    "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
    "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblCaption", "tblDescription",
)
TRPR_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
    "tblHeader", "tblCellSpacing", "jc", "hidden",
)
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)
SECTPR_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
    "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
    "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
)
STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
    "rPr", "tblPr", "trPr", "tcPr", "tblStylePr",
)
BORDER_ORDER = ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "between", "bar")
_ORDERS = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "tblPr": TBLPR_ORDER, "trPr": TRPR_ORDER, "tcPr": TCPR_ORDER,
           "sectPr": SECTPR_ORDER, "style": STYLE_ORDER, "pBdr": BORDER_ORDER, "tblBorders": BORDER_ORDER,
           "tcBorders": BORDER_ORDER}
THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_NS_DECL = re.compile(r'\s+xmlns:\w+="[^"]+"')


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def make(tag: str, **attrs: str | int) -> etree._Element:
    """A w: element with w: attributes: make("jc", val="center") → <w:jc w:val="center"/>."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def child(parent: etree._Element, tag: str, order: Sequence[str] | None = None,
          **attrs: str | int) -> etree._Element:
    """The w:`tag` child of `parent`, created in schema order if absent; `attrs` are set on it."""
    found = parent.find(qn(f"w:{tag}"))
    if found is None:
        found = make(tag)
        insert_ordered(parent, found, order)
    for name, value in attrs.items():
        found.set(qn(f"w:{name}"), str(value))
    return found


def replace_child(parent: etree._Element, tag: str, order: Sequence[str] | None = None,
                  **attrs: str | int) -> etree._Element:
    """Like `child`, but a child already there loses its old attributes and content first."""
    old = parent.find(qn(f"w:{tag}"))
    new = make(tag, **attrs)
    if old is not None:
        old.addprevious(new)
        parent.remove(old)
    else:
        insert_ordered(parent, new, order)
    return new


def remove_children(parent: etree._Element, *tags: str) -> None:
    for tag in tags:
        for found in parent.findall(qn(f"w:{tag}")):
            parent.remove(found)


def insert_ordered(parent: etree._Element, new: etree._Element, order: Sequence[str] | None = None) -> None:
    """Insert `new` before the first child that the schema puts after it (append if none)."""
    order = order if order is not None else _ORDERS.get(local(parent), ())
    name = local(new)
    if name not in order:
        parent.append(new)
        return
    rank = order.index(name)
    for existing in parent:
        if not isinstance(existing.tag, str):
            continue
        other = local(existing)
        if other in order and order.index(other) > rank:
            existing.addprevious(new)
            return
    parent.append(new)


def ppr(p: etree._Element) -> etree._Element:
    """A paragraph's (or a style's) w:pPr, created first in place if absent."""
    found = p.find(qn("w:pPr"))
    if found is None:
        found = make("pPr")
        if local(p) == "style":
            insert_ordered(p, found)
        else:
            p.insert(0, found)
    return found


def rpr(parent: etree._Element) -> etree._Element:
    """A run's, a style's or a paragraph mark's w:rPr, created in place if absent."""
    found = parent.find(qn("w:rPr"))
    if found is None:
        found = make("rPr")
        if local(parent) == "r":
            parent.insert(0, found)
        else:
            insert_ordered(parent, found)
    return found


# -- fonts --------------------------------------------------------------------------------------
def set_fonts(rpr_element: etree._Element, *, east_asia: str, latin: str | None = None, hint: bool = True) -> None:
    """Fonts for East Asian text and for Latin letters and digits, theme fonts removed.

    Word picks the font of each character by its class: `w:eastAsia` for CJK, `w:ascii`/`w:hAnsi`
    for Latin and digits. Quotation marks, dashes and ellipses are "shared" characters that Word
    sets in the East Asian font only when `w:hint="eastAsia"` is present, so it is by default.
    """
    fonts = child(rpr_element, "rFonts")
    for attr in THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), latin or east_asia)
    fonts.set(qn("w:hAnsi"), latin or east_asia)
    fonts.set(qn("w:cs"), latin or east_asia)
    if hint:
        fonts.set(qn("w:hint"), "eastAsia")
    else:
        fonts.attrib.pop(qn("w:hint"), None)


def remove_theme_fonts(root: etree._Element) -> int:
    """Drop every theme-font reference under `root` (they override explicit font names). Returns
    how many w:rFonts were changed."""
    changed = 0
    for fonts in root.iter(qn("w:rFonts")):
        hit = False
        for attr in THEME_FONT_ATTRS:
            if fonts.attrib.pop(qn(f"w:{attr}"), None) is not None:
                hit = True
        changed += hit
    return changed


def set_size(rpr_element: etree._Element, points: float) -> None:
    half_points = str(round(points * 2))
    child(rpr_element, "sz", val=half_points)
    child(rpr_element, "szCs", val=half_points)


def set_toggle(rpr_element: etree._Element, tag: str, on: bool) -> None:
    """w:b, w:i …: present when on, absent (inherit off) when off."""
    if on:
        child(rpr_element, tag)
        if tag in ("b", "i"):
            child(rpr_element, f"{tag}Cs")
    else:
        remove_children(rpr_element, tag, f"{tag}Cs")


# -- runs and fields ----------------------------------------------------------------------------
def append_run(parent: etree._Element, text: str, *, rpr_element: etree._Element | None = None) -> etree._Element:
    """A w:r with `text` (tabs and line breaks as w:tab and w:br), appended to `parent`."""
    run = make("r")
    if rpr_element is not None:
        run.append(rpr_element)
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(make("br"))
        for j, piece in enumerate(line.split("\t")):
            if j:
                run.append(make("tab"))
            if piece:
                t = make("t")
                t.text = piece
                if piece[0] == " " or piece[-1] == " ":
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.append(t)
    parent.append(run)
    return run


def append_field(parent: etree._Element, instruction: str, cached: str = "", *, dirty: bool = False) -> None:
    """A complex field (begin, instruction, separate, cached result, end) as runs of `parent`."""
    begin = make("fldChar", fldCharType="begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    parent.append(_wrap_run(begin))
    instr = make("instrText")
    instr.text = f" {instruction.strip()} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    parent.append(_wrap_run(instr))
    parent.append(_wrap_run(make("fldChar", fldCharType="separate")))
    if cached:
        append_run(parent, cached)
    parent.append(_wrap_run(make("fldChar", fldCharType="end")))


def _wrap_run(inner: etree._Element) -> etree._Element:
    run = make("r")
    run.append(inner)
    return run


def append_page_number(p: etree._Element, *, dash: str = "—") -> None:
    """GB/T 9704 page number: "— 1 —", a PAGE field between two one-character dashes."""
    append_run(p, f"{dash} ")
    append_field(p, "PAGE", "1")
    append_run(p, f" {dash}")


def add_bookmark(p: etree._Element, bookmark_id: int, name: str) -> None:
    """Bookmark the whole paragraph content (TOC entries link to it)."""
    start = make("bookmarkStart", id=bookmark_id, name=name)
    end = make("bookmarkEnd", id=bookmark_id)
    first_content = next((c for c in p if local(c) != "pPr"), None)
    if first_content is None:
        p.append(start)
    else:
        first_content.addprevious(start)
    p.append(end)


def toc_sdt(title_paragraph: etree._Element, entries: Iterable[etree._Element], *,
            levels: str = "1-3", dirty: bool = False) -> etree._Element:
    """A table of contents as Word writes one: a content control (docPartGallery "Table of
    Contents") holding the title and a TOC field whose cached result is `entries`.

    The TOC field begins in the first entry paragraph and ends in a paragraph after the last, so the
    cached entries read correctly before any refresh, and Word/WPS can refresh them (F9).
    """
    sdt = make("sdt")
    sdt_pr = etree.SubElement(sdt, qn("w:sdtPr"))
    part = etree.SubElement(sdt_pr, qn("w:docPartObj"))
    etree.SubElement(part, qn("w:docPartGallery")).set(qn("w:val"), "Table of Contents")
    etree.SubElement(part, qn("w:docPartUnique"))
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    content.append(title_paragraph)
    begin = make("r")
    fld = make("fldChar", fldCharType="begin")
    if dirty:
        fld.set(qn("w:dirty"), "true")
    begin.append(fld)
    instr = make("instrText")
    instr.text = f' TOC \\o "{levels}" \\h \\z \\u '
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    separate = make("fldChar", fldCharType="separate")
    entries = list(entries)
    first = entries[0] if entries else make("p")
    anchor = next((c for c in first if local(c) != "pPr"), None)
    for node in (_wrap_run(fld), _wrap_run(instr), _wrap_run(separate)):
        if anchor is None:
            first.append(node)
        else:
            anchor.addprevious(node)
    if not entries:
        entries = [first]
    for entry in entries:
        content.append(entry)
    closing = make("p")
    closing.append(_wrap_run(make("fldChar", fldCharType="end")))
    content.append(closing)
    return sdt


def toc_entry(p: etree._Element, text: str, page: str, bookmark: str) -> None:
    """One cached TOC line: a hyperlink to the heading's bookmark, a tab, its PAGEREF page."""
    link = make("hyperlink", anchor=bookmark, history="1")
    append_run(link, text)
    append_run(link, "\t")
    append_field(link, f"PAGEREF {bookmark} \\h", page)
    p.append(link)


def set_toc_pages(root: etree._Element, pages: dict[str, str]) -> int:
    """Put `pages[bookmark]` in the cached result of the PAGEREF field of each TOC entry that links
    to that bookmark (as `toc_entry` writes them). Returns how many entries were changed."""
    changed = 0
    for link in root.iter(qn("w:hyperlink")):
        page = pages.get(link.get(qn("w:anchor"), ""))
        if page is None:
            continue
        state, texts = "", []
        for node in link.iter(qn("w:fldChar"), qn("w:t")):
            if local(node) == "fldChar":
                state = node.get(qn("w:fldCharType"), "")
            elif state == "separate":
                texts.append(node)
        if not texts:
            continue
        texts[0].text = page
        for extra in texts[1:]:
            extra.text = ""
        changed += 1
    return changed


# -- tables and borders -------------------------------------------------------------------------
def repeat_header_row(tr: etree._Element) -> None:
    """The row repeats at the top of every page the table runs onto, and never splits."""
    tr_pr = tr.find(qn("w:trPr"))
    if tr_pr is None:
        tr_pr = make("trPr")
        tc = tr.find(qn("w:tc"))
        tbl_pr_ex = tr.find(qn("w:tblPrEx"))
        if tbl_pr_ex is not None:
            tbl_pr_ex.addnext(tr_pr)
        elif tc is not None:
            tc.addprevious(tr_pr)
        else:
            tr.append(tr_pr)
    child(tr_pr, "cantSplit")
    child(tr_pr, "tblHeader")


def set_borders(props: etree._Element, container: str, *, sides: Sequence[str] = ("top", "left", "bottom", "right"),
                val: str = "single", size: int = 4, color: str = "000000", space: int = 0) -> etree._Element:
    """Borders on a pPr (pBdr), tblPr (tblBorders) or tcPr (tcBorders). `size` in eighths of a point."""
    box = child(props, container)
    for side in sides:
        replace_child(box, side, val=val, sz=size, space=space, color=color)
    return box


def set_shading(props: etree._Element, fill: str) -> None:
    child(props, "shd", val="clear", color="auto", fill=fill)


def xml(element: etree._Element) -> str:
    """Compact XML without namespace declarations, for tests and debugging."""
    return _NS_DECL.sub("", etree.tostring(element, encoding="unicode"))
