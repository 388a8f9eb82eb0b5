"""设置: where the library lives, and the export defaults (profile, reference document with your fonts)."""

from __future__ import annotations

import os

from desktop.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSettings,
    QWidget,
)
from planning.export.profiles import available
from planning.locations import resolve_library_path

LIBRARY_KEY = "library/path"
PROFILE_KEY = "export/profile"
REFERENCE_KEY = "export/reference"
LANGUAGE_KEY = "ui/language"  # "zh" (default) or "en"; read once at start-up by desktop.app
LANGUAGES = [("zh", "中文"), ("en", "English")]  # each shown in its own language, whatever the UI language


def settings() -> QSettings:
    return QSettings("PlanDesk", "PlanDesk")


def library_from_settings(explicit: str | None) -> str:
    """`--library`, else $PLANDESK_LIBRARY, else the one chosen in 设置, else the default."""
    if explicit:
        return explicit
    if os.environ.get("PLANDESK_LIBRARY"):
        return str(resolve_library_path(None))
    chosen = settings().value(LIBRARY_KEY)
    return str(chosen) if chosen else str(resolve_library_path(None))


def ui_language() -> str:
    """The UI language for this start: $PLANDESK_LANG, else the one chosen in 设置, else Chinese."""
    chosen = os.environ.get("PLANDESK_LANG") or str(settings().value(LANGUAGE_KEY) or "zh")
    return "en" if chosen.lower().startswith("en") else "zh"


class SettingsDialog(QDialog):
    def __init__(self, current_library: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        s = settings()
        self.library = QLineEdit(str(s.value(LIBRARY_KEY) or current_library), self)
        self.profile = QComboBox(self)
        for name in available():
            self.profile.addItem(name, name)
        self.profile.setCurrentText(str(s.value(PROFILE_KEY) or "gbt9704"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(str(s.value(LANGUAGE_KEY) or "zh"))))
        self.reference = QLineEdit(str(s.value(REFERENCE_KEY) or ""), self)
        self.reference.setPlaceholderText(self.tr("可选：带有自己字体和字号的参考文档（.docx）"))
        browse = QDialogButtonBox(self)
        pick_library = browse.addButton(self.tr("选择规划库…"), QDialogButtonBox.ButtonRole.ActionRole)
        pick_library.clicked.connect(self._pick_library)
        pick_reference = browse.addButton(self.tr("选择参考文档…"), QDialogButtonBox.ButtonRole.ActionRole)
        pick_reference.clicked.connect(self._pick_reference)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("规划库文件"), self.library)
        form.addRow(self.tr("默认导出格式"), self.profile)
        form.addRow(self.tr("参考文档（字体、字号）"), self.reference)
        form.addRow(browse)
        form.addRow(QLabel(self.tr("更换规划库在重新启动后生效。")))
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(QLabel(self.tr("界面语言（中文 / English）在重新启动后生效。")))
        form.addRow(buttons)

    def _pick_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("规划库文件"), self.library.text(), self.tr("规划库 (*.sqlite3)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.library.setText(path)

    def _pick_reference(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("参考文档"), "", self.tr("Word 文档 (*.docx)"))
        if path:
            self.reference.setText(path)

    def save(self) -> None:
        s = settings()
        s.setValue(LIBRARY_KEY, self.library.text().strip())
        s.setValue(PROFILE_KEY, self.profile.currentData())
        s.setValue(REFERENCE_KEY, self.reference.text().strip())
        s.setValue(LANGUAGE_KEY, self.language.currentData())
        self.accept()
