"""The library's plans as a Qt table model: 标题 / 地区 / 时期 / 文号 / 日期 / 状态."""

from __future__ import annotations

from typing import Any

from db.library import PlanSummary
from desktop.qt import QAbstractTableModel, QModelIndex, Qt


class PlanTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.plans: list[PlanSummary] = []
        self.columns = (self.tr("标题"), self.tr("地区"), self.tr("时期"), self.tr("文号"), self.tr("日期"), self.tr("状态"))
        self.status_names = {"plan": self.tr("规划"), "draft": self.tr("草稿")}

    def set_plans(self, plans: list[PlanSummary]) -> None:
        self.beginResetModel()
        self.plans = list(plans)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.plans)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        plan = self.plans[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return plan.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (plan.title, plan.region, plan.period, plan.doc_number, plan.date,
                      self.status_names.get(plan.status, plan.status))
            return values[index.column()] or ""
        return None
