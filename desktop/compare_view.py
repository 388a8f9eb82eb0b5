"""比较: two plans or drafts section by section — aligned pairs, changes highlighted side by side with
synchronized scrolling, next/previous change, the summary on top, indicator changes as a table."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from db.library import PlanSummary
from desktop.ops import Backend, LibraryOp, OpContext, error_text
from desktop.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from planning.compare import compare_plans
from planning.compare.html_report import write_html
from planning.compare.redline import write_redline
from planning.compare.result import Comparison
from planning.model import Plan


def status_names() -> dict[str, str]:
    """What each alignment status is called in the UI language."""
    return {
        "same": QCoreApplication.translate("CompareView", "相同"),
        "reworded": QCoreApplication.translate("CompareView", "改写"),
        "renamed": QCoreApplication.translate("CompareView", "改名"),
        "moved": QCoreApplication.translate("CompareView", "移动"),
        "added": QCoreApplication.translate("CompareView", "新增"),
        "removed": QCoreApplication.translate("CompareView", "删除"),
        "split": QCoreApplication.translate("CompareView", "拆分"),
        "merged": QCoreApplication.translate("CompareView", "合并"),
        "changed": QCoreApplication.translate("CompareView", "变化"),
    }


def side_html(ops: list[list[str]], side: str) -> str:
    """One side of a pair: unchanged text plain, this side's own changes highlighted."""
    keep, mark, color = (("-", QCoreApplication.translate("CompareView", "删除"), "#ffd6d6") if side == "old"
                         else ("+", QCoreApplication.translate("CompareView", "新增"), "#d4f7d4"))
    parts = []
    for op, text in ops:
        if op == "=":
            parts.append(escape(text))
        elif op == keep:
            parts.append(f'<span style="background:{color}" title="{mark}">{escape(text)}</span>')
    return "<p>" + "".join(parts).replace("\n", "</p><p>") + "</p>"


def summary_text(summary: dict[str, Any]) -> str:
    sections = summary["sections"]
    names = status_names()
    parts = [f"{names[k]} {v}" for k, v in sections.items() if v and k != "same"]
    ind = summary["indicators"]
    return QCoreApplication.translate(
        "CompareView", "章节：{sections}（相同 {same}）；字符 +{inserted} −{deleted}；指标 新增 {added}，删除 {removed}，变化 {changed}"
    ).format(sections=QCoreApplication.translate("CompareView", "，").join(parts)
             or QCoreApplication.translate("CompareView", "无变化"),
             same=sections.get("same", 0), inserted=summary["chars_inserted"], deleted=summary["chars_deleted"],
             added=ind["added"], removed=ind["removed"], changed=ind["changed"])


def compare_ids(ctx: OpContext, old_id: int, new_id: int, ignore_punctuation: bool
                ) -> tuple[Comparison, Plan, Plan]:
    old, new = ctx.library.get_plan(old_id), ctx.library.get_plan(new_id)
    return compare_plans(old, new, ignore_punctuation=ignore_punctuation), old, new


class CompareView(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.old_plan, self.new_plan = QComboBox(self), QComboBox(self)
        self.ignore_punct = QCheckBox(self.tr("忽略标点和空白"), self)
        self.run_button = QPushButton(self.tr("比较"), self)
        self.run_button.clicked.connect(self.run)
        self.prev_button, self.next_button = QPushButton(self.tr("上一处"), self), QPushButton(self.tr("下一处"), self)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.html_button = QPushButton(self.tr("导出 HTML 报告…"), self)
        self.html_button.clicked.connect(self.save_html)
        self.docx_button = QPushButton(self.tr("导出修订版 Word…"), self)
        self.docx_button.clicked.connect(lambda: self.save_redline())
        self.summary = QLabel(self.tr("选择旧版和新版，然后点“比较”。"), self)
        self.summary.setWordWrap(True)
        self.pairs = QTableWidget(0, 4, self)
        self.pairs.setHorizontalHeaderLabels([self.tr("状态"), self.tr("旧版章节"), self.tr("新版章节"), self.tr("相似度")])
        self.pairs.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.pairs.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.pairs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs.currentCellChanged.connect(lambda row, *_: self.show_pair(row))
        self.old_text, self.new_text = QTextBrowser(self), QTextBrowser(self)
        self._sync(self.old_text, self.new_text)
        self.indicators = QTableWidget(0, 4, self)
        self.indicators.setHorizontalHeaderLabels([self.tr("状态"), self.tr("旧版指标"), self.tr("新版指标"), self.tr("变化")])
        self.indicators.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        for w in (QLabel(self.tr("旧版")), self.old_plan, QLabel(self.tr("新版")), self.new_plan, self.ignore_punct, self.run_button,
                  self.prev_button, self.next_button, self.html_button, self.docx_button):
            top.addWidget(w)
        texts = QSplitter(self)
        texts.addWidget(self.old_text)
        texts.addWidget(self.new_text)
        sections = QSplitter(Qt.Orientation.Vertical, self)
        sections.addWidget(self.pairs)
        sections.addWidget(texts)
        tabs = QTabWidget(self)
        tabs.addTab(sections, self.tr("章节"))
        tabs.addTab(self.indicators, self.tr("指标"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        self.comparison: Comparison | None = None
        self.plans: tuple[Plan, Plan] | None = None
        self.result: dict[str, Any] | None = None

    @staticmethod
    def _sync(a: QTextBrowser, b: QTextBrowser) -> None:
        """Scroll both sides together, proportionally (the two texts differ in length)."""
        def follow(src: QTextBrowser, dst: QTextBrowser) -> None:
            s, d = src.verticalScrollBar(), dst.verticalScrollBar()
            s.valueChanged.connect(lambda v: d.setValue(int(v / max(s.maximum(), 1) * d.maximum())))
        follow(a, b)
        follow(b, a)

    def set_plans(self, plans: list[PlanSummary]) -> None:
        for combo in (self.old_plan, self.new_plan):
            current = combo.currentData()
            combo.clear()
            for p in plans:
                combo.addItem(f"#{p.id} {p.period or ''} {p.title}", p.id)
            if current is not None and combo.findData(current) >= 0:
                combo.setCurrentIndex(combo.findData(current))

    def choose(self, old_id: int, new_id: int) -> None:
        self.old_plan.setCurrentIndex(self.old_plan.findData(old_id))
        self.new_plan.setCurrentIndex(self.new_plan.findData(new_id))

    def run(self) -> None:
        old_id, new_id = self.old_plan.currentData(), self.new_plan.currentData()
        if old_id is None or new_id is None:
            return
        ignore = self.ignore_punct.isChecked()
        self.summary.setText(self.tr("正在比较…"))
        LibraryOp(self.backend, lambda ctx: compare_ids(ctx, old_id, new_id, ignore), parent=self).success(
            lambda r: self.show_comparison(*r)).failure(lambda e: self.summary.setText(error_text(e))
                                                        ).run_in_background()

    def run_on(self, old: Plan, new: Plan, caption: str = "") -> None:
        """Compare two plans the caller already has (e.g. two saved versions of a draft)."""
        ignore = self.ignore_punct.isChecked()
        self.summary.setText(self.tr("正在比较{caption}…").format(caption=caption))
        LibraryOp(self.backend, lambda _ctx: (compare_plans(old, new, ignore_punctuation=ignore), old, new),
                  parent=self, file_work=True).success(lambda r: self.show_comparison(*r, caption=caption)).failure(
            lambda e: self.summary.setText(error_text(e))).run_in_background()

    def show_comparison(self, comparison: Comparison, old: Plan, new: Plan, caption: str = "") -> None:
        self.comparison, self.plans = comparison, (old, new)
        self.result = comparison.to_dict()
        self.summary.setText((self.tr("{caption}：").format(caption=caption) if caption else "") + summary_text(self.result["summary"]))
        names = status_names()
        self.pairs.setRowCount(0)
        for s in self.result["sections"]:
            row = self.pairs.rowCount()
            self.pairs.insertRow(row)
            cells = [names.get(s["status"], s["status"]),
                     f"{s['old']['path']} {s['old']['title']}" if s["old"] else "",
                     f"{s['new']['path']} {s['new']['title']}" if s["new"] else "",
                     f"{s['similarity']:.0%}"]
            for col, text in enumerate(cells):
                self.pairs.setItem(row, col, QTableWidgetItem(text))
        self.indicators.setRowCount(0)
        for ind in self.result["indicators"]:
            if ind["status"] == "same":
                continue
            row = self.indicators.rowCount()
            self.indicators.insertRow(row)
            changes = "；".join(_change(c) for c in ind.get("changes", []))
            for col, text in enumerate([names.get(ind["status"], ind["status"]), _name(ind["old"]),
                                        _name(ind["new"]), changes]):
                self.indicators.setItem(row, col, QTableWidgetItem(text))
        if self.pairs.rowCount():
            self.step(1, start=-1)

    def show_pair(self, row: int) -> None:
        if self.result is None or not 0 <= row < len(self.result["sections"]):
            return
        ops = self.result["sections"][row]["ops"]
        self.old_text.setHtml(side_html(ops, "old"))
        self.new_text.setHtml(side_html(ops, "new"))

    def step(self, direction: int, start: int | None = None) -> None:
        """Select the next (1) or previous (-1) changed section."""
        if self.result is None:
            return
        rows = self.result["sections"]
        row = self.pairs.currentRow() if start is None else start
        row += direction
        while 0 <= row < len(rows):
            if rows[row]["status"] != "same":
                self.pairs.setCurrentCell(row, 0)
                return
            row += direction

    def save_redline(self, path: str | None = None) -> LibraryOp[Path] | None:
        """The new plan as Word, every difference a tracked change (accept/reject in Word or WPS)."""
        comparison, plans = self.comparison, self.plans
        if comparison is None or plans is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出修订版"), str(Path.home() / self.tr("修订版.docx")),
                                                  self.tr("Word 文档 (*.docx)"))
            if not path:
                return None
        out = Path(path)
        op: LibraryOp[Path] = LibraryOp(
            self.backend, lambda _ctx: write_redline(plans[0], plans[1], out, comparison=comparison),
            parent=self, file_work=True)
        op.success(lambda p: self.summary.setText(self.tr("已导出修订版：{path}").format(path=p))).failure(
            lambda e: self.summary.setText(error_text(e))).run_in_background()
        return op

    def save_html(self, path: str | None = None) -> Path | None:
        if self.comparison is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出比较报告"), str(Path.home() / self.tr("比较报告.html")),
                                                  self.tr("网页 (*.html)"))
        return write_html(self.comparison, path) if path else None


def _change(change: Any) -> str:
    if isinstance(change, dict) and "field" in change:
        return f"{change['field']}：{change.get('old') or '—'} → {change.get('new') or '—'}"
    return str(change)


def _name(item: dict[str, Any] | None) -> str:
    if not item:
        return ""
    unit = f"（{item['unit']}）" if item.get("unit") else ""
    return f"{item.get('name', '')}{unit}"
