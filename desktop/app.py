"""`plandesk` with no sub-command: the desktop window over the user's library."""

from __future__ import annotations

import sys

from db.library import Library
from desktop.main_window import MainWindow
from desktop.ops import Backend, ask_retry
from desktop.password_dialog import PasswordPrompt
from desktop.qt import (
    QApplication,
    QCoreApplication,
    QFont,
    QIcon,
    QLibraryInfo,
    QLocale,
    QMessageBox,
    QTranslator,
)
from desktop.settings_dialog import library_from_settings, ui_language
from planning.errors import ConnectionLostError, PlanDeskError
from planning.paths import resource_path
from service import connect

CJK_FONTS = ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "SimSun"]


def setup_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with its name, a CJK font list and the UI language: Chinese (with Qt's own
    Chinese strings, 按钮 关闭/取消) unless 设置 or $PLANDESK_LANG says English, then our English
    translation (resources/translations/plandesk_en.qm) and Qt's built-in English."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("PlanDesk")
    app.setDesktopFileName("plandesk")  # matches the .desktop entry the installer ships
    app.setWindowIcon(QIcon(str(resource_path("icons", "plandesk.png"))))
    font = QFont()
    font.setFamilies([*CJK_FONTS, font.family()])
    app.setFont(font)
    install_translator(app)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "规划编制助手"))
    return app


def install_translator(app: QApplication) -> QTranslator | None:
    """English (设置 → 界面语言, or $PLANDESK_LANG=en): our plandesk_en.qm, Qt's own strings stay English.
    Chinese: the source strings as they are, plus Qt's zh_CN qtbase. Returns what was installed."""
    translator = QTranslator(app)
    if ui_language() == "en":
        loaded = translator.load(str(resource_path("translations", "plandesk_en.qm")))
    else:
        loaded = translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                                 QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not loaded:
        return None
    app.installTranslator(translator)
    return translator


def open_library(where: str) -> Library:
    """The library at `where`; a shared one's password from the URL, libpq, the keyring or, last,
    the password dialog (kept in the keyring when 记住密码 is ticked). A server that cannot be
    reached asks 重试. Raises the PlanDeskError of a failure the user gave up on."""
    while True:
        prompt = PasswordPrompt()
        try:
            library = connect.open_library(where, prompt=prompt)
        except ConnectionLostError as exc:
            if ask_retry(None, exc):
                continue
            raise
        prompt.keep(library.location)
        return library


def run(library: str | None = None, argv: list[str] | None = None) -> int:
    app = setup_application(argv)
    try:
        lib = open_library(library_from_settings(library))
    except PlanDeskError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "无法打开规划库"), exc.line())
        return 1
    window = MainWindow(Backend(lib))
    window.show()
    return int(app.exec())
