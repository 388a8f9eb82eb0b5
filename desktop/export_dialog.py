"""导出 Word: a plan to .docx with a profile (GB/T 9704 by default); opens the folder afterwards."""

from __future__ import annotations

from pathlib import Path

from desktop.ops import Backend, LibraryOp, error_text
from desktop.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QUrl,
    QWidget,
)
from desktop.settings_dialog import PROFILE_KEY, REFERENCE_KEY, settings
from planning.export.export import ExportResult, export_plan
from planning.export.profiles import available
from planning.model import Plan


def profile_names() -> dict[str, str]:
    return {"gbt9704": QCoreApplication.translate("ExportDialog", "党政机关公文格式（GB/T 9704-2012）"),
            "booklet": QCoreApplication.translate("ExportDialog", "规划文本（装订本）")}


class ExportDialog(QDialog):
    def __init__(self, backend: Backend, plan: Plan, parent: QWidget | None = None, *,
                 open_folder: bool = True) -> None:
        super().__init__(parent)
        self.backend, self.plan, self.open_folder = backend, plan, open_folder
        self.setWindowTitle(self.tr("导出 Word 文档"))
        self.profile = QComboBox(self)
        names = profile_names()
        for name in available():
            self.profile.addItem(names.get(name, name), name)
        self.out = QLineEdit(str(Path.home() / f"{plan.title}.docx"), self)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.out)
        row.addWidget(browse)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("可选：自己的参考文档（.docx），用其中的样式"))
        saved = settings()
        if saved.value(PROFILE_KEY):
            self.profile.setCurrentIndex(max(0, self.profile.findData(saved.value(PROFILE_KEY))))
        if saved.value(REFERENCE_KEY):
            self.reference.setText(str(saved.value(REFERENCE_KEY)))
        self.toc = QCheckBox(self.tr("生成目录"), self)
        self.toc.setChecked(True)
        self.status = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("格式"), self.profile)
        form.addRow(self.tr("保存到"), row)
        form.addRow(self.tr("参考文档"), self.reference)
        form.addRow("", self.toc)
        form.addRow(self.status)
        form.addRow(self.buttons)
        self.result: ExportResult | None = None

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出为"), self.out.text(), self.tr("Word 文档 (*.docx)"))
        if path:
            self.out.setText(path if path.endswith(".docx") else path + ".docx")

    def start(self) -> None:
        out = Path(self.out.text()).expanduser()
        reference = Path(self.reference.text()).expanduser() if self.reference.text().strip() else None
        profile, toc, plan = self.profile.currentData(), self.toc.isChecked(), self.plan
        self.buttons.setEnabled(False)
        self.status.setText(self.tr("正在导出…"))
        LibraryOp(self.backend, lambda ctx: export_plan(plan, out, profile=profile, reference_doc=reference,
                                                        toc=toc, progress=ctx.progress),
                  parent=self, file_work=True).success(self._done).failure(self._failed).run_in_background()

    def _done(self, result: ExportResult) -> None:
        self.result = result
        self.status.setText(self.tr("已导出：{path}").format(path=result.path))
        if self.open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(error_text(error))
