"""The indicator-table editor of a draft: reference, base, target and method per row; growth is
computed (never typed) and the consistency checker's verdict is shown in the row."""

from __future__ import annotations

from desktop.qt import (
    QComboBox,
    QCoreApplication,
    QHeaderView,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    Signal,
)
from planning.drafting.growth import METHODS, check_indicator, recompute_growth
from planning.model import Indicator, IndicatorTable
from planning.parse.indicators import parse_value


def columns() -> list[str]:
    """The header labels, in the UI language (looked up when a table is built, after the translator)."""
    return [
        QCoreApplication.translate("IndicatorEditor", "指标"), QCoreApplication.translate("IndicatorEditor", "单位"),
        QCoreApplication.translate("IndicatorEditor", "参考值"), QCoreApplication.translate("IndicatorEditor", "基期值"),
        QCoreApplication.translate("IndicatorEditor", "目标值"), QCoreApplication.translate("IndicatorEditor", "计算方法"),
        QCoreApplication.translate("IndicatorEditor", "年均增长"), QCoreApplication.translate("IndicatorEditor", "核对"),
    ]


def method_names() -> dict[str, str]:
    return {
        "compound": QCoreApplication.translate("IndicatorEditor", "复合增长率"),
        "points": QCoreApplication.translate("IndicatorEditor", "百分点/年"),
        "increment": QCoreApplication.translate("IndicatorEditor", "年增量"),
    }


def verdicts() -> dict[str, str]:
    return {
        "compound": QCoreApplication.translate("IndicatorEditor", "✓ 复合增长"),
        "points": QCoreApplication.translate("IndicatorEditor", "✓ 百分点"),
        "increment": QCoreApplication.translate("IndicatorEditor", "✓ 年增量"),
        "inconsistent": QCoreApplication.translate("IndicatorEditor", "✗ 不一致"),
        "no-data": "—",
    }


EDITABLE = {3: "base", 4: "target"}


class IndicatorEditor(QTableWidget):
    edited = Signal()  # after the model changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(columns()), parent)
        self.setHorizontalHeaderLabels(columns())
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rows: list[Indicator] = []
        self.table: IndicatorTable | None = None
        self.read_only = False
        self._triggers = self.editTriggers()
        self.itemChanged.connect(self._cell_changed)

    def set_read_only(self, read_only: bool) -> None:
        """A draft someone else is editing: shown, not edited (cells and method boxes)."""
        self.read_only = read_only
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers if read_only else self._triggers)
        for r in range(self.rowCount()):
            box = self.cellWidget(r, 5)
            if box is not None:
                box.setEnabled(not read_only)

    def years(self) -> int:
        ind = self.rows[0] if self.rows else None
        if ind and ind.base.year and ind.target.year:
            return ind.target.year - ind.base.year
        return 5

    def show_table(self, table: IndicatorTable | None) -> None:
        self.blockSignals(True)
        self.table = table
        self.rows = list(table.indicators()) if table else []
        self.setRowCount(len(self.rows))
        for r, ind in enumerate(self.rows):
            self._fill(r, ind)
        self.blockSignals(False)

    def _fill(self, r: int, ind: Indicator) -> None:
        values = [ind.name, ind.unit or "", ind.reference.text or "" if ind.reference else "",
                  ind.base.text or "", ind.target.text or "", None, ind.growth_text or "", None]
        for c, value in enumerate(values):
            if value is None:
                continue
            item = QTableWidgetItem(value)
            if c not in EDITABLE:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(r, c, item)
        combo = QComboBox(self)
        combo.setEnabled(not self.read_only)
        names = method_names()
        for method in METHODS:
            combo.addItem(names.get(method, method), method)
        if ind.method:
            combo.setCurrentIndex(combo.findData(ind.method))
        combo.currentIndexChanged.connect(lambda _i, row=r, box=combo: self._method_changed(row, box.currentData()))
        self.setCellWidget(r, 5, combo)
        self._verdict(r, ind)

    def _verdict(self, r: int, ind: Indicator) -> None:
        check = check_indicator(ind)
        item = QTableWidgetItem(verdicts().get(check.verdict, check.verdict))
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        computed = ", ".join(f"{k} {v:g}" for k, v in check.computed.items() if v is not None)
        item.setToolTip(self.tr("计算值：{values}").format(values=computed) if computed else self.tr("数据不足"))
        if check.verdict == "inconsistent":
            item.setBackground(Qt.GlobalColor.red)
        self.setItem(r, 7, item)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        field = EDITABLE.get(item.column())
        if field is None:
            return
        ind = self.rows[item.row()]
        old = getattr(ind, field)
        setattr(ind, field, parse_value(item.text(), old.year))
        self._recompute(item.row())

    def _method_changed(self, r: int, method: str) -> None:
        self.rows[r].method = method
        self._recompute(r)

    def _recompute(self, r: int) -> None:
        ind = recompute_growth(self.rows[r], self.years())
        self.blockSignals(True)
        self.setItem(r, 6, QTableWidgetItem(ind.growth_text or ""))
        self._verdict(r, ind)
        self.blockSignals(False)
        self.edited.emit()
