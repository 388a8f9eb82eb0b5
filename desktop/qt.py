"""The one door to Qt: every desktop module imports Qt names from here, nowhere else."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QThread,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStatusBar,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QAbstractItemView", "QAbstractTableModel", "QAction", "QApplication", "QCloseEvent", "QComboBox", "QDialog", "QDialogButtonBox", "QProgressBar",
    "QDragEnterEvent", "QDropEvent", "QFileDialog", "QFont", "QHBoxLayout", "QHeaderView", "QIcon",
    "QKeySequence", "QLabel", "QLibraryInfo", "QLocale", "QTranslator", "QLineEdit", "QListWidget", "QListWidgetItem", "QMainWindow", "QMessageBox",
    "QModelIndex", "QObject", "QProgressDialog", "QPushButton", "QSortFilterProxyModel", "QSplitter",
    "QStatusBar", "QTabWidget", "QTableView", "QTableWidget", "QTableWidgetItem", "QTextBrowser", "QThread",
    "QTimer", "QToolBar", "QTreeWidget", "QTreeWidgetItem", "QUrl", "QVBoxLayout", "QWidget", "Qt", "Signal",
    "Slot",
]
