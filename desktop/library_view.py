"""规划库: the plans in the library, filterable and sortable; files and folders dropped here are imported."""

from __future__ import annotations

from desktop.plan_table import PlanTableModel
from desktop.qt import (
    QAbstractItemView,
    QDragEnterEvent,
    QDropEvent,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)


class LibraryView(QWidget):
    open_requested = Signal(int)  # plan id
    files_dropped = Signal(list)  # local paths

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PlanTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选：标题、地区、时期、文号…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda index: self.open_requested.emit(self._id_at(index.row())))
        self.empty_hint = QLabel(self.tr(
            "规划库是空的。用“导入文件…”“导入文件夹…”导入以往的规划（.txt .docx .html），也可以把文件拖到这里；"
            "或用“新建草稿…”开始编制新规划。想先试试：点“导入示例规划”。"), self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("padding: 24px; font-size: 15px; color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.setAcceptDrops(True)

    def _id_at(self, proxy_row: int) -> int:
        return int(self.proxy.index(proxy_row, 0).data(Qt.ItemDataRole.UserRole))

    def selected_ids(self) -> list[int]:
        return [self._id_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def set_plans(self, plans: list) -> None:
        self.model.set_plans(plans)
        self.empty_hint.setVisible(not plans)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.files_dropped.emit(paths)
            event.acceptProposedAction()
