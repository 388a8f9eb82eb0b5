"""Finding the article in a web page: drop the furniture, then pick the densest block of CJK text.

Government sites wrap a plan in navigation, breadcrumbs, share buttons and footers. Furniture is
recognised by tag or by id/class words; the content container is the element with the most CJK
text directly in its paragraph children (text inside links does not count), widened to its parent
when its siblings hold comparable text. An <article>/<main> or a content/article/main/TRS_Editor
id/class wins when it holds a substantial share of that text. Lists of links left inside the
container ("相关文件", a linked table of contents) are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

HtmlElement = lxml.html.HtmlElement

NEVER_CONTENT = ("script", "style", "noscript", "template")
FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "iframe", "button", "select"})
# ASP.NET pages wrap the whole page in one <form>; an id/class word can also mark a page wrapper.
# These are dropped only when they do not hold most of the page's text.
_WRAPPER_TAGS = frozenset({"form"})
_FURNITURE_WORDS = re.compile(r"nav|menu|footer|header|breadcrumb|sidebar|share|comment|copyright", re.I)
_CONTENT_WORDS = re.compile(r"content|article|main|trs_editor", re.I)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PARAGRAPH_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote pre span font strong b em i u center li dd".split()
)
_BLOCK_TAGS = frozenset("p div table ul ol dl section article blockquote pre h1 h2 h3 h4 h5 h6".split())
KEEP_SHARE = 0.5  # furniture holding this share of the page's CJK text is the page itself
WIDEN_SHARE = 0.5  # siblings adding this much text make the parent the container
SUBSTANTIAL_SHARE = 0.5  # a marked container must hold this much of the densest container's text
MARKED_DEPTH_SHARE = 0.8  # among nested marked containers, the innermost holding this share wins
LAYOUT_CELL_CJK = 3000  # a table cell with more text than this is page layout, not a table
LINK_LIST_ANCHORS = 3  # an element with this many links ...
LINK_LIST_SHARE = 0.8  # ... holding this share of its text in them is a list of links


@dataclass(slots=True)
class _Stat:
    total: int  # CJK characters in the element and its descendants
    links: int  # of which inside <a>
    has_blocks: bool  # block elements below it
    anchors: int = 0  # <a> elements in it

    @property
    def own(self) -> int:
        return self.total - self.links

    @property
    def is_link_list(self) -> bool:
        return self.anchors >= LINK_LIST_ANCHORS and self.links >= LINK_LIST_SHARE * self.total > 0


def cjk_count(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


def strip_furniture(body: HtmlElement) -> None:
    for element in list(body.iter(*NEVER_CONTENT, *FURNITURE_TAGS)):
        element.drop_tree()
    page_total = cjk_count(body.text_content())
    for element in list(body.iter()):
        if element is not body and _maybe_furniture(element):
            if page_total == 0 or cjk_count(element.text_content()) < KEEP_SHARE * page_total:
                element.drop_tree()


def _maybe_furniture(element: HtmlElement) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag in _WRAPPER_TAGS:
        return True
    marks = f"{element.get('id', '')} {element.get('class', '')}"
    return _FURNITURE_WORDS.search(marks) is not None


def main_container(body: HtmlElement) -> HtmlElement:
    stats: dict[HtmlElement, _Stat] = {}
    _measure(body, stats)
    densest = _widen(max(stats, key=lambda e: _direct_score(e, stats)), stats)
    marked = _marked_container(stats, body)
    if marked is not None and stats[marked].own >= SUBSTANTIAL_SHARE * stats[densest].own > 0:
        densest = marked
    _drop_link_lists(densest, stats)
    return densest


def _drop_link_lists(container: HtmlElement, stats: dict[HtmlElement, _Stat]) -> None:
    for element in list(container.iterdescendants()):
        stat = stats.get(element)
        if stat is not None and stat.is_link_list and element.getparent() is not None:
            element.drop_tree()


def is_layout_table(table: HtmlElement) -> bool:
    cells = table.xpath("./tr/td | ./*/tr/td | ./tr/th | ./*/tr/th")
    return any(cjk_count(cell.text_content()) > LAYOUT_CELL_CJK for cell in cells)


def _measure(element: HtmlElement, stats: dict[HtmlElement, _Stat]) -> _Stat:
    stat = _Stat(cjk_count(element.text), 0, False)
    for child in element:
        if not isinstance(child.tag, str):
            stat.total += cjk_count(child.tail)
            continue
        inner = _measure(child, stats)
        stat.total += inner.total + cjk_count(child.tail)
        stat.links += inner.links
        stat.anchors += inner.anchors
        stat.has_blocks = stat.has_blocks or inner.has_blocks or child.tag in _BLOCK_TAGS
    if element.tag == "a":
        stat.links = stat.total
        stat.anchors += 1
    stats[element] = stat
    return stat


def _direct_score(element: HtmlElement, stats: dict[HtmlElement, _Stat]) -> int:
    """CJK text directly in the element plus in its paragraph-like children (a leaf <div> is one)."""
    score = cjk_count(element.text)
    for child in element:
        score += cjk_count(child.tail)
        child_stat = stats.get(child)
        if child_stat is not None and _paragraph_like(child, child_stat):
            score += child_stat.own
    return score


def _paragraph_like(element: HtmlElement, stat: _Stat) -> bool:
    return element.tag in _PARAGRAPH_TAGS or (element.tag == "div" and not stat.has_blocks)


def _widen(element: HtmlElement, stats: dict[HtmlElement, _Stat]) -> HtmlElement:
    """A plan split over sibling <div>s: climb while the parent adds comparable text."""
    while (parent := element.getparent()) is not None and parent in stats:
        if stats[parent].own - stats[element].own < WIDEN_SHARE * stats[element].own:
            break
        element = parent
    return element


def _marked_container(stats: dict[HtmlElement, _Stat], body: HtmlElement) -> HtmlElement | None:
    marked = [e for e in stats if e is not body and _is_marked(e) and stats[e].own > 0]
    if not marked:
        return None
    most = max(stats[e].own for e in marked)
    holding = [e for e in marked if stats[e].own >= MARKED_DEPTH_SHARE * most]
    return max(holding, key=lambda e: sum(1 for _ in e.iterancestors()))


def _is_marked(element: HtmlElement) -> bool:
    if element.tag in ("article", "main"):
        return True
    return _CONTENT_WORDS.search(f"{element.get('id', '')} {element.get('class', '')}") is not None
