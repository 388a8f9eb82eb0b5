"""新建草稿 and 复用章节: the two dialogs that start and feed a draft."""

from __future__ import annotations

import copy

from desktop.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    Qt,
    QVBoxLayout,
    QWidget,
)
from planning.drafting.reuse import Proposal, reuse_into
from planning.drafting.templates import list_templates
from planning.model import Plan


def auto_label() -> str:
    return QCoreApplication.translate("NewDraftDialog", "（按地区级别自动选择）")


class NewDraftDialog(QDialog):
    """The new-plan wizard: region, period, skeleton, issuer and, optionally, the previous plan."""

    def __init__(self, previous_plans: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建规划草稿"))
        self.region = QLineEdit(self)
        self.region.setPlaceholderText(self.tr("如：江西省、南昌市"))
        self.period = QComboBox(self)
        self.period.setEditable(True)
        self.period.addItems(["十四五", "十五五"])
        self.skeleton = QComboBox(self)
        self.skeleton.addItem(auto_label(), None)
        for t in list_templates():
            if t.kind == "skeleton":
                self.skeleton.addItem(f"{t.title}（{t.name}）", t.name)
        self.issuer = QLineEdit(self)
        self.previous = QComboBox(self)
        self.previous.addItem(self.tr("（不沿用）"), None)
        for plan_id, title in previous_plans:
            self.previous.addItem(title, plan_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("地区"), self.region)
        form.addRow(self.tr("规划期"), self.period)
        form.addRow(self.tr("骨架"), self.skeleton)
        form.addRow(self.tr("发文机关"), self.issuer)
        form.addRow(self.tr("上一期规划（沿用指标表）"), self.previous)
        form.addRow(buttons)

    def values(self) -> dict[str, object]:
        return {"region": self.region.text().strip(), "period": self.period.currentText().strip(),
                "skeleton": self.skeleton.currentData(), "issuer": self.issuer.text().strip() or None,
                "from_plan": self.previous.currentData()}


def proposals_for(draft: Plan, source: Plan, spec: str) -> list[Proposal]:
    """Every replacement roll-forward would make, without changing anything (runs on a copy)."""
    seen: list[Proposal] = []

    def record(p: Proposal) -> bool:
        seen.append(p)
        return True

    reuse_into(copy.deepcopy(draft), source, spec, accept=record)
    return seen


class ReviewDialog(QDialog):
    """Each replacement with its context, before → after, checked to accept (all are, at first)."""

    def __init__(self, proposals: list[Proposal], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("复用章节：确认顺延替换"))
        self.resize(720, 420)
        self.list = QListWidget(self)
        for p in proposals:
            before, after = p.context(12)
            r = p.replacement
            item = QListWidgetItem(f"…{before}【{r.before} → {r.after}】{after}…   （{'/'.join(p.path)}）")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.all = QCheckBox(self.tr("全部接受"), self)
        self.all.setChecked(True)
        self.all.toggled.connect(self._toggle_all)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("共 {n} 处替换；取消勾选的保持原文。").format(n=len(proposals))))
        layout.addWidget(self.list)
        layout.addWidget(self.all)
        layout.addWidget(buttons)

    def _toggle_all(self, on: bool) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def accepted_flags(self) -> list[bool]:
        return [self.list.item(i).checkState() == Qt.CheckState.Checked for i in range(self.list.count())]
