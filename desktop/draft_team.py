"""Drafting with others on a shared library: the read-only banner (who is editing, 再试一次编辑
when they let go) and the dialog for a save refused because someone else saved in between."""

from __future__ import annotations

from typing import Literal

from desktop.qt import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget, Signal
from planning.errors import DraftConflictError
from service.draft_session import local_time

Choice = Literal["reload", "copy", "cancel"]


class ReadOnlyBanner(QFrame):
    """A yellow strip above a draft shown read-only; hidden while the draft is ours to edit."""

    retry = Signal()  # 再试一次编辑

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet("#readOnlyBanner { background: #fff4c2; border: 1px solid #e0c060; border-radius: 3px; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("再试一次编辑"), self)
        self.retry_button.clicked.connect(self.retry.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def _show(self, text: str, *, can_retry: bool) -> None:
        self.label.setText(text)
        self.retry_button.setVisible(can_retry)
        self.show()

    def show_holder(self, who: str, since: str | None) -> None:
        self._show(self.tr("正在由 {who} 编辑（自 {since}）— 只读，自动刷新").format(who=who, since=local_time(since)),
                   can_retry=False)

    def show_free(self, who: str | None) -> None:
        self._show(self.tr("{who} 已结束编辑 — 只读，自动刷新；现在可以编辑了").format(who=who or self.tr("对方")),
                   can_retry=True)

    def show_denied(self) -> None:
        self._show(self.tr("您的账号只能查看此资料库 — 只读，自动刷新"), can_retry=False)

    def show_taking(self) -> None:
        self._show(self.tr("正在取得编辑权…"), can_retry=False)

    def show_failed(self, message: str) -> None:
        self._show(self.tr("未能取得编辑权：{message} — 只读").format(message=message), can_retry=True)


class ConflictDialog(QMessageBox):
    """Someone saved the draft after we read it: load their version, keep ours as a new draft, or
    neither for now. Nothing is overwritten in any case."""

    def __init__(self, error: DraftConflictError, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, self.tr("草稿已被他人修改"), "", QMessageBox.StandardButton.NoButton,
                         parent)
        self.setText(self.tr("您打开这份草稿之后，{who} 在 {at} 保存了它。为了不覆盖对方的修改，您的修改还没有保存。").format(
            who=error.by or self.tr("他人"), at=local_time(error.at)))
        self.setInformativeText(self.tr(
            "载入对方的版本：放弃您未保存的修改。\n另存为新草稿：您的修改存成一份新草稿，原草稿保持对方的版本。"))
        self.buttons_by_choice: dict[Choice, QPushButton] = {
            "reload": self.addButton(self.tr("载入对方的版本"), QMessageBox.ButtonRole.AcceptRole),
            "copy": self.addButton(self.tr("另存为新草稿"), QMessageBox.ButtonRole.ActionRole),
            "cancel": self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole),
        }
        self.setDefaultButton(self.buttons_by_choice["copy"])
        self.setEscapeButton(self.buttons_by_choice["cancel"])

    def choice(self) -> Choice:
        clicked = self.clickedButton()
        return next((c for c, b in self.buttons_by_choice.items() if b is clicked), "cancel")
