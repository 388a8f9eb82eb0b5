"""The key-project table of a draft (重点工程): rows added, removed and edited in place."""

from __future__ import annotations

from desktop.qt import QCoreApplication, QHeaderView, QTableWidget, QTableWidgetItem, QWidget, Signal
from planning.model import Plan, Project


def columns() -> list[str]:
    return [QCoreApplication.translate("ProjectEditor", "分组"), QCoreApplication.translate("ProjectEditor", "名称"),
            QCoreApplication.translate("ProjectEditor", "建设目标"), QCoreApplication.translate("ProjectEditor", "建设依据")]


FIELDS = ["group", "name", "goal", "basis"]


class ProjectEditor(QTableWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(FIELDS), parent)
        self.setHorizontalHeaderLabels(columns())
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.plan: Plan | None = None
        self.read_only = False
        self._triggers = self.editTriggers()
        self.itemChanged.connect(self._changed)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers if read_only else self._triggers)

    def show_plan(self, plan: Plan | None) -> None:
        self.blockSignals(True)
        self.plan = plan
        projects = plan.projects if plan else []
        self.setRowCount(len(projects))
        for r, p in enumerate(projects):
            for c, field in enumerate(FIELDS):
                self.setItem(r, c, QTableWidgetItem(getattr(p, field) or ""))
        self.blockSignals(False)

    def add_project(self, name: str | None = None) -> None:
        if self.plan is None or self.read_only:
            return
        self.plan.projects.append(Project(None, name or self.tr("新项目"), None, None))
        self.show_plan(self.plan)
        self.edited.emit()

    def remove_selected(self) -> None:
        if self.plan is None or self.read_only:
            return
        rows = sorted({i.row() for i in self.selectedIndexes()}, reverse=True)
        for r in rows:
            del self.plan.projects[r]
        self.show_plan(self.plan)
        if rows:
            self.edited.emit()

    def _changed(self, item: QTableWidgetItem) -> None:
        if self.plan is None or self.read_only or item.row() >= len(self.plan.projects):
            return
        field = FIELDS[item.column()]
        text = item.text().strip()
        if field == "name" and not text:
            self.blockSignals(True)
            item.setText(self.plan.projects[item.row()].name)  # a project keeps a name
            self.blockSignals(False)
            return
        setattr(self.plan.projects[item.row()], field, text or None)
        self.edited.emit()
