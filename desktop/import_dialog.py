"""导入: a batch import with a progress bar, each file's outcome as it happens, and a cancel button."""

from __future__ import annotations

from desktop.ops import Backend, LibraryOp, error_text
from desktop.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from service.importer import FileOutcome, ImportResult, import_paths


def outcome_marks() -> dict[str, str]:
    return {"imported": QCoreApplication.translate("ImportDialog", "✓ 已导入"),
            "duplicate": QCoreApplication.translate("ImportDialog", "＝ 已在库中"),
            "failed": QCoreApplication.translate("ImportDialog", "✗ 失败")}


class ImportDialog(QDialog):
    def __init__(self, backend: Backend, paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入规划"))
        self.resize(640, 360)
        self.status = QLabel(self.tr("正在准备…"), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.outcomes = QListWidget(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self._cancel_or_close)
        layout = QVBoxLayout(self)
        for w in (self.status, self.bar, self.outcomes, self.buttons):
            layout.addWidget(w)
        self.result: ImportResult | None = None
        self.op: LibraryOp[ImportResult] = LibraryOp(
            backend,
            lambda ctx: import_paths(ctx.library, paths, progress=ctx.progress, cancel=ctx.cancel,
                                     on_outcome=ctx.report),
            parent=self, mutates=True,
        ).on_event(self._outcome).on_progress(self._progress).success(self._finished).failure(self._failed)

    def start(self) -> None:
        self.op.run_in_background()

    def _progress(self, fraction: float, message: str) -> None:
        self.bar.setValue(int(fraction * 1000))
        if message:
            self.status.setText(self.tr("正在导入：{file}").format(file=message))

    def _outcome(self, event: object) -> None:
        if isinstance(event, FileOutcome):
            detail = event.title if event.status != "failed" else event.message
            item = QListWidgetItem(f"{outcome_marks()[event.status]}  {detail}")
            item.setToolTip(event.path)
            self.outcomes.addItem(item)
            self.outcomes.scrollToBottom()

    def _finished(self, result: ImportResult) -> None:
        self.result = result
        self.bar.setValue(1000)
        done = self.tr("已取消。") if result.cancelled else self.tr("完成。")
        self.status.setText(done + self.tr("导入 {imported}，已在库中 {duplicate}，失败 {failed}").format(
            imported=result.count("imported"), duplicate=result.count("duplicate"), failed=result.count("failed")))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _cancel_or_close(self) -> None:
        """Cancel while running (the current file still finishes: nothing is half-imported); close after."""
        running = self.buttons.standardButtons() & QDialogButtonBox.StandardButton.Cancel
        if running and not self.op.cancel.is_set():
            self.op.cancel.set()
            self.status.setText(self.tr("正在取消（当前文件完成后停止）…"))
            return
        if not running:
            self.accept()
