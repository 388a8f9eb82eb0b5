"""设置: where the library lives — a file on this computer, or a shared library on a PostgreSQL
server (host, port, database, user; the password goes to the system keyring when 记住密码 is ticked,
never to the settings file) — and the export defaults and the UI language."""

from __future__ import annotations

import os

from sqlalchemy import URL

from db.location import LibraryLocation, is_url
from desktop.qt import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSettings,
    QSpinBox,
    QStackedWidget,
    Qt,
    QWidget,
)
from planning.errors import LibraryError
from planning.export.profiles import available
from service import connect
from service.connect import default_library_path, resolve_library_path

LIBRARY_KEY = "library/path"  # a file path, or a postgresql:// URL without a password
PROFILE_KEY = "export/profile"
REFERENCE_KEY = "export/reference"
LANGUAGE_KEY = "ui/language"  # "zh" (default) or "en"; read once at start-up by desktop.app
LANGUAGES = [("zh", "中文"), ("en", "English")]  # each shown in its own language, whatever the UI language
DEFAULT_PORT = 5432


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


def shared_url(*, host: str, port: int, database: str, user: str) -> str:
    """postgresql://user@host:port/database, escaped where needed; never a password."""
    return URL.create("postgresql", username=user or None, host=host, port=port, database=database
                      ).render_as_string(hide_password=False)


class SharedLibraryForm(QWidget):
    """Host, port, database and user of a shared library, the URL they make, and the password
    (kept in the keyring only, when 记住密码 is ticked and there is a keyring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("如：192.168.1.20 或 db.example.gov.cn"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.database.setPlaceholderText(self.tr("如：plandesk"))
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("记住密码（存入系统密钥环，不写入设置文件）"), self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.url = QLabel(self)
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("服务器"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库"), self.database)
        form.addRow(self.tr("用户"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.remember)
        form.addRow(self.note)
        form.addRow(self.tr("地址"), self.url)
        self.keyring = connect.keyring_available()
        if not self.keyring:
            self.remember.setEnabled(False)
            self.password.setEnabled(False)
            self.note.setText(self.tr("这台电脑没有可用的系统密钥环：密码不会保存，每次打开资料库时询问。"))
        for edit in (self.host, self.database, self.user):
            edit.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        self.remember.toggled.connect(self._changed)
        self._changed()

    def set_url(self, value: str) -> None:
        url = LibraryLocation.parse(value).url
        self.host.setText(url.host or "")
        self.port.setValue(url.port or DEFAULT_PORT)
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        kept = connect.stored_password(LibraryLocation.parse(self.url_text())) is not None
        self.remember.setChecked(kept)
        if kept:
            self.password.setPlaceholderText(self.tr("（已保存在系统密钥环中；留空则不变）"))

    def url_text(self) -> str:
        return shared_url(host=self.host.text().strip(), port=self.port.value(),
                          database=self.database.text().strip(), user=self.user.text().strip())

    def _changed(self) -> None:
        self.url.setText(self.url_text() if self.host.text().strip() and self.database.text().strip() else "—")
        if self.keyring:
            self.password.setEnabled(self.remember.isChecked())
            self.note.setText("" if self.remember.isChecked() else self.tr("不记住密码：每次打开资料库时询问。"))

    def problem(self) -> str | None:
        if not self.host.text().strip() or not self.database.text().strip():
            return self.tr("请填写共享资料库的服务器和数据库。")
        return None

    def keep_password(self) -> bool:
        """The password to the keyring (ticked, typed), or forgotten (not ticked). False when it
        should have been kept and could not."""
        location = LibraryLocation.parse(self.url_text())
        if not self.remember.isChecked():
            connect.forget_password(location)
            return True
        password = self.password.text()
        return connect.store_password(location, password) if password else True


class SettingsDialog(QDialog):
    def __init__(self, current_library: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        s = settings()
        chosen = str(s.value(LIBRARY_KEY) or current_library)
        self.local = QRadioButton(self.tr("本机文件"), self)
        self.shared = QRadioButton(self.tr("共享资料库（PostgreSQL）"), self)
        kinds = QButtonGroup(self)
        kinds.addButton(self.local)
        kinds.addButton(self.shared)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.local)
        kind_row.addWidget(self.shared)
        kind_row.addStretch(1)
        self.library = QLineEdit(self)
        pick_library = QPushButton(self.tr("选择规划库…"), self)
        pick_library.clicked.connect(self._pick_library)
        file_page = QWidget(self)
        file_row = QHBoxLayout(file_page)
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.library, 1)
        file_row.addWidget(pick_library)
        self.server = SharedLibraryForm(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(file_page)
        self.pages.addWidget(self.server)
        self.local.toggled.connect(lambda on: self.pages.setCurrentIndex(0 if on else 1))
        if is_url(chosen):
            self.server.set_url(chosen)
            self.library.setText(str(default_library_path()))
            self.shared.setChecked(True)
        else:
            self.library.setText(chosen)
            self.local.setChecked(True)
        self.pages.setCurrentIndex(1 if self.shared.isChecked() else 0)
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
        pick_reference = browse.addButton(self.tr("选择参考文档…"), QDialogButtonBox.ButtonRole.ActionRole)
        pick_reference.clicked.connect(self._pick_reference)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("规划库"), kind_row)
        form.addRow(self.pages)
        form.addRow(QLabel(self.tr("更换规划库在重新启动后生效。")))
        form.addRow(self.tr("默认导出格式"), self.profile)
        form.addRow(self.tr("参考文档（字体、字号）"), self.reference)
        form.addRow(browse)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(QLabel(self.tr("界面语言（中文 / English）在重新启动后生效。")))
        form.addRow(self.problem)
        form.addRow(buttons)

    def library_value(self) -> str:
        """What 设置 keeps: the file's path, or the shared library's URL (no password)."""
        return self.server.url_text() if self.shared.isChecked() else self.library.text().strip()

    def _pick_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("规划库文件"), self.library.text(), self.tr("规划库 (*.sqlite3)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.library.setText(path)

    def _pick_reference(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("参考文档"), "", self.tr("Word 文档 (*.docx)"))
        if path:
            self.reference.setText(path)

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def save(self) -> None:
        if self.shared.isChecked():
            problem = self.server.problem()
            if problem is None:
                try:
                    LibraryLocation.parse(self.library_value())
                except LibraryError as e:
                    problem = e.line()
            if problem is not None:
                self._refuse(problem)
                return
            if not self.server.keep_password():
                self._refuse(self.tr("密码未能存入系统密钥环。请取消勾选“记住密码”（打开资料库时会询问密码）。"))
                return
        s = settings()
        s.setValue(LIBRARY_KEY, self.library_value())
        s.setValue(PROFILE_KEY, self.profile.currentData())
        s.setValue(REFERENCE_KEY, self.reference.text().strip())
        s.setValue(LANGUAGE_KEY, self.language.currentData())
        self.accept()
