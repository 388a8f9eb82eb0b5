"""检索: results with plan, section path and the highlighted snippet; filters for region and period."""

from __future__ import annotations

from html import escape

from db.search.fts5 import SearchHit
from desktop.qt import (
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)


def all_label() -> str:
    """The "any" entry of the region and period filters (always the combo's first item)."""
    return QCoreApplication.translate("SearchView", "全部")


def hits_html(query: str, hits: list[SearchHit]) -> str:
    if not hits:
        return QCoreApplication.translate("SearchView", "<p>未找到“{query}”。</p>").format(query=escape(query))
    rows = []
    for i, h in enumerate(hits):
        snippet = escape(h.snippet).replace("【", '<b style="background:#ffe58f">').replace("】", "</b>")
        rows.append(
            f'<p><a href="hit:{i}">{escape(h.plan_title)}</a> › {escape(h.section_path)} {escape(h.section_title)}'
            f'<br/><span style="color:#333">{snippet}</span></p>')
    return "".join(rows)


class SearchView(QWidget):
    open_requested = Signal(int, str)  # plan id, section label path
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.region = QComboBox(self)
        self.period = QComboBox(self)
        for combo in (self.region, self.period):
            combo.addItem(all_label())
            combo.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.summary = QLabel(self)
        self.results = QTextBrowser(self)
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._clicked)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("地区")))
        bar.addWidget(self.region)
        bar.addWidget(QLabel(self.tr("时期")))
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.results)
        self.hits: list[SearchHit] = []

    def set_choices(self, regions: list[str], periods: list[str]) -> None:
        for combo, values in ((self.region, regions), (self.period, periods)):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([all_label(), *values])
            combo.setCurrentText(current if current in values else all_label())
            combo.blockSignals(False)

    def chosen(self) -> tuple[str | None, str | None]:
        def value(combo: QComboBox) -> str | None:
            return None if combo.currentIndex() <= 0 else combo.currentText()
        return value(self.region), value(self.period)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.summary.setText(self.tr("{n} 条结果").format(n=len(hits)) if hits else "")
        self.results.setHtml(hits_html(query, hits))

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "hit":
            hit = self.hits[int(url.path())]
            self.open_requested.emit(hit.plan_id, hit.section_path)
