"""阅读: a plan's outline beside its text; tables as tables, 专栏 as boxes."""

from __future__ import annotations

from desktop.plan_html import anchor, index_path_of, plan_html
from desktop.qt import QSplitter, Qt, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget
from planning.model import Plan, Section


class ReaderView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline = QTreeWidget(self)
        self.outline.setHeaderLabel(self.tr("目录"))
        self.outline.itemClicked.connect(lambda item, _col: self.scroll_to(item.data(0, Qt.ItemDataRole.UserRole)))
        self.text = QTextBrowser(self)
        splitter = QSplitter(self)
        splitter.addWidget(self.outline)
        splitter.addWidget(self.text)
        splitter.setSizes([280, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.plan: Plan | None = None

    def show_plan(self, plan: Plan, label_path: str | None = None) -> None:
        self.plan = plan
        self.outline.clear()
        root = QTreeWidgetItem([plan.title])
        self.outline.addTopLevelItem(root)
        for i, section in enumerate(plan.sections):
            self._add(root, section, (i,))
        root.setExpanded(True)
        self.text.setHtml(plan_html(plan))
        if label_path:
            found = index_path_of(plan, label_path)
            if found:
                self.scroll_to(anchor(found))

    def _add(self, parent: QTreeWidgetItem, section: Section, path: tuple[int, ...]) -> None:
        title = f"{section.label}{section.title}" + (self.tr("［专栏］") if section.kind == "box" else "")
        item = QTreeWidgetItem([title])
        item.setData(0, Qt.ItemDataRole.UserRole, anchor(path))
        parent.addChild(item)
        for i, child in enumerate(section.children):
            self._add(item, child, (*path, i))

    def scroll_to(self, name: str | None) -> None:
        if name:
            self.text.scrollToAnchor(name)
