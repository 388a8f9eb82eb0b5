"""The password of a shared library, asked when the server wants one that the keyring does not have.

`PasswordPrompt` is the `prompt` that `service.connect.open_library` calls; it remembers
whether the user ticked 记住密码, so the caller can keep the password that worked in the system
keyring (never in the settings file).
"""

from __future__ import annotations

from db.location import LibraryLocation
from desktop.qt import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget
from service import connect


class PasswordDialog(QDialog):
    def __init__(self, location: LibraryLocation, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("共享资料库的密码"))
        intro = QLabel(self.tr("打开共享资料库 {where} 需要用户 {user} 的密码。").format(
            where=location.display, user=location.user or self.tr("（默认用户）")), self)
        intro.setWordWrap(True)
        reason = QLabel(message, self)
        reason.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("记住密码（存入系统密钥环）"), self)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(reason)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.remember)
        if not connect.keyring_available():
            self.remember.setEnabled(False)
            form.addRow(QLabel(self.tr("这台电脑没有可用的系统密钥环：密码不会保存，每次打开时询问。"), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class PasswordPrompt:
    """`prompt(location, message)` for `connect.open_library`: the dialog, modal; None = cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.asked = 0
        self.password: str | None = None  # the last answer (the one that worked, if opening succeeded)
        self.remember = False

    def __call__(self, location: LibraryLocation, message: str) -> str | None:
        self.asked += 1
        dialog = PasswordDialog(location, message, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.password = dialog.password.text()
        self.remember = dialog.remember.isChecked() and dialog.remember.isEnabled()
        return self.password

    def keep(self, location: LibraryLocation) -> bool:
        """After the library opened: keep the answered password in the keyring if 记住密码 was ticked."""
        if self.asked and self.remember and self.password:
            return connect.store_password(location, self.password)
        return False
