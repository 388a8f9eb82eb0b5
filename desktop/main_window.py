"""The main window: toolbar with import and an always-visible search box; tabs 规划库 / 检索 / 阅读.

Windows never call each other: after an operation that changes the library, `Backend.library_changed`
fires and every view refreshes itself.
"""

from __future__ import annotations

from db.library import PlanSummary
from db.search.fts5 import SearchHit
from desktop.compare_view import CompareView
from desktop.draft_dialogs import NewDraftDialog
from desktop.drafting_view import DraftingView
from desktop.export_dialog import ExportDialog
from desktop.import_dialog import ImportDialog
from desktop.library_view import LibraryView
from desktop.ops import Backend, LibraryOp, error_text
from desktop.qt import (
    QAction,
    QCloseEvent,
    QCoreApplication,
    QFileDialog,
    QInputDialog,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSettings,
    QTabWidget,
    QToolBar,
    QWidget,
)
from desktop.reader_view import ReaderView
from desktop.search_view import SearchView
from desktop.settings_dialog import SettingsDialog
from desktop.trends_view import TrendsView
from planning import __version__
from planning.drafting.trends import PlanRef, lineage
from planning.model import Plan
from planning.paths import resource_path
from service.draft_session import DraftAccess, take_draft
from service.drafts import new_draft
from service.importer import FileOutcome, reimport


def file_filter() -> str:
    return QCoreApplication.translate("MainWindow", "规划文件 (*.txt *.docx *.html *.htm);;所有文件 (*)")


class MainWindow(QMainWindow):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(self.tr("规划编制助手 PlanDesk"))
        self.resize(1200, 800)
        self.library_view = LibraryView(self)
        self.search_view = SearchView(self)
        self.reader_view = ReaderView(self)
        self.trends_view = TrendsView(backend, self)
        self.compare_view = CompareView(backend, self)
        self.drafting_view = DraftingView(backend, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.library_view, self.tr("规划库"))
        self.tabs.addTab(self.search_view, self.tr("检索"))
        self.tabs.addTab(self.reader_view, self.tr("阅读"))
        self.tabs.addTab(self.drafting_view, self.tr("起草"))
        self.tabs.addTab(self.compare_view, self.tr("比较"))
        self.tabs.addTab(self.trends_view, self.tr("指标趋势"))
        self.setCentralWidget(self.tabs)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("检索全文，如：政务 数据共享"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(360)
        self.search_box.returnPressed.connect(self.run_search)
        self._build_toolbar()
        self.count_label = QLabel(self)
        self.library_label = QLabel(self)  # 共享 · who we are, on a shared library
        self.statusBar().addPermanentWidget(self.library_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.show_library()
        self.library_view.open_requested.connect(self.open_plan)
        self.library_view.files_dropped.connect(self.import_paths)
        self.search_view.open_requested.connect(self.open_plan)
        self.search_view.filters_changed.connect(self.run_search)
        backend.library_changed.connect(self.refresh)
        backend.permission_denied.connect(self.reader_only)
        self.read_only_role = False
        self.last_plans: list[PlanSummary] = []
        self.settings = QSettings("PlanDesk", "PlanDesk")
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.refresh()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("主工具栏"), self)
        bar.setMovable(False)
        self.addToolBar(bar)
        actions = [  # text, shortcut, slot, whether it writes to the library
            (self.tr("导入文件…"), QKeySequence.StandardKey.Open, self.choose_files, True),
            (self.tr("导入文件夹…"), None, self.choose_folder, True),
            (self.tr("导入示例规划"), None, self.import_sample, True),
            (self.tr("删除"), QKeySequence.StandardKey.Delete, self.delete_selected, True),
            (self.tr("重新导入"), None, self.reimport_selected, True),
            (self.tr("新建草稿…"), QKeySequence.StandardKey.New, self.new_draft, True),
            (self.tr("导出 Word…"), None, self.export_current, False),
            (self.tr("与上一期比较"), None, self.compare_with_previous, False),
            (self.tr("上一期规划…"), None, self.choose_predecessor, True),
        ]
        self.write_actions: list[QAction] = []  # disabled for an account that may only read
        for text, shortcut, slot, writes in actions:
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            bar.addAction(action)
            if writes:
                self.write_actions.append(action)
        bar.addSeparator()
        bar.addWidget(self.search_box)
        self.recent_menu = QMenu(self.tr("最近打开"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        recent = QAction(self.tr("最近打开"), self)
        recent.setMenu(self.recent_menu)
        bar.addAction(recent)
        preferences = QAction(self.tr("设置…"), self)
        preferences.triggered.connect(lambda: SettingsDialog(self.backend.library.display, self).open())
        bar.addAction(preferences)
        about = QAction(self.tr("关于"), self)
        about.triggered.connect(self.show_about)
        bar.addAction(about)
        focus = QAction(self.tr("检索"), self)
        focus.setShortcut(QKeySequence.StandardKey.Find)
        focus.triggered.connect(self.search_box.setFocus)
        self.addAction(focus)

    # -- library --------------------------------------------------------------------------------
    def library_text(self) -> str:
        """Where the library is (never its password) and, when shared, who we are there."""
        library = self.backend.library
        if library.shared:
            return self.tr("共享资料库：{where}（用户 {user}）").format(where=library.display, user=library.user)
        return self.tr("规划库：{path}").format(path=library.display)

    def show_library(self) -> None:
        library = self.backend.library
        self.statusBar().showMessage(self.library_text())
        self.library_label.setText(self.tr("共享 · {user}").format(user=library.user) if library.shared else "")
        self.library_label.setToolTip(library.display)
        self.library_label.setVisible(library.shared)

    def reader_only(self, _error: object = None) -> None:
        """The database refused a change: this account may only read. Say so once, and disable what
        would only be refused again (imports, deletes, new drafts, links)."""
        if self.read_only_role:
            return
        self.read_only_role = True
        for action in self.write_actions:
            action.setEnabled(False)
            action.setToolTip(self.tr("您的账号只能查看此资料库"))
        self.library_label.setText(self.library_label.text() + self.tr(" · 只读"))
        self.library_label.setVisible(True)
        self.statusBar().showMessage(self.tr("您的账号只能查看此资料库：导入、删除和新建草稿已停用"))

    def refresh(self) -> None:
        LibraryOp(self.backend, lambda ctx: ctx.library.list_plans()).success(self._show_plans).failure(
            self.show_error).run_in_background()

    def _show_plans(self, plans: list[PlanSummary]) -> None:
        self.last_plans = plans
        self.library_view.set_plans(plans)
        self.count_label.setText(self.tr("共 {n} 份").format(n=len(plans)))
        regions = sorted({p.region for p in plans if p.region})
        periods = sorted({p.period for p in plans if p.period})
        self.search_view.set_choices(regions, periods)
        self.compare_view.set_plans(plans)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("导入规划文件"), "", file_filter())
        if paths:
            self.import_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("导入文件夹中的规划"))
        if folder:
            self.import_paths([folder])

    def import_sample(self) -> None:
        self.import_paths([str(p) for p in sorted(resource_path("sample").glob("*.txt"))])

    def import_paths(self, paths: list[str]) -> ImportDialog:
        dialog = ImportDialog(self.backend, paths, self)
        dialog.show()
        dialog.start()
        return dialog

    def delete_selected(self) -> None:
        ids = self.library_view.selected_ids()
        if not ids:
            return
        titles = "\n".join(p.title for p in self.last_plans if p.id in ids)
        answer = QMessageBox.question(self, self.tr("删除规划"), self.tr("从规划库中删除以下 {n} 份规划？\n\n{titles}").format(
            n=len(ids), titles=titles))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def delete(ctx: object) -> None:
            for plan_id in ids:
                ctx.library.delete_plan(plan_id)  # type: ignore[attr-defined]

        LibraryOp(self.backend, delete, parent=self, mutates=True).failure(self.show_error).run_in_background()

    def reimport_selected(self) -> None:
        ids = self.library_view.selected_ids()
        if not ids:
            return
        titles = "\n".join(p.title for p in self.last_plans if p.id in ids)
        answer = QMessageBox.question(self, self.tr("重新导入"), self.tr(
            "从原文件重新导入以下 {n} 份规划？（库中的这几份会被替换）\n\n{titles}").format(n=len(ids), titles=titles))
        if answer != QMessageBox.StandardButton.Yes:
            return
        LibraryOp(self.backend, lambda ctx: [reimport(ctx.library, i) for i in ids], parent=self, mutates=True
                  ).with_progress(self.tr("正在重新导入…")).success(self._reimported).failure(self.show_error).run_in_background()

    def _reimported(self, outcomes: list[FileOutcome]) -> None:
        failed = [o for o in outcomes if o.status == "failed"]
        if failed:
            QMessageBox.warning(self, self.tr("重新导入"), "\n".join(o.message or o.path for o in failed))
        self.statusBar().showMessage(self.tr("已重新导入 {n} 份").format(n=len(outcomes) - len(failed)), 5000)

    # -- reading and searching ------------------------------------------------------------------
    def open_plan(self, plan_id: int, label_path: str = "") -> None:
        """Show a plan in 阅读; a draft also in 起草, taken for editing when no one else has it."""
        held = self.drafting_view.lock

        def load(ctx: object) -> Plan | DraftAccess:
            library = ctx.library  # type: ignore[attr-defined]
            plan = library.get_plan(plan_id)
            return take_draft(library, plan_id, plan=plan, held=held) if plan.status == "draft" else plan

        def shown(found: Plan | DraftAccess) -> None:
            plan = found.plan if isinstance(found, DraftAccess) else found
            self.remember(plan_id)
            self.reader_view.show_plan(plan, label_path or None)
            self.tabs.setCurrentWidget(self.reader_view)
            if isinstance(found, DraftAccess):
                self.drafting_view.show_draft(found)
                self.tabs.setCurrentWidget(self.drafting_view)
            if plan.indicator_tables:
                self.trends_view.show_for(plan_id)

        LibraryOp(self.backend, load).success(shown).failure(self.show_error).run_in_background()

    def run_search(self) -> None:
        query = self.search_box.text().strip()
        if not query:
            return
        region, period = self.search_view.chosen()

        def shown(hits: list[SearchHit]) -> None:
            self.search_view.show_hits(query, hits)
            self.tabs.setCurrentWidget(self.search_view)

        LibraryOp(self.backend, lambda ctx: ctx.library.search(query, region=region, period=period, limit=100)
                  ).success(shown).failure(self.show_error).run_in_background()

    # -- recent plans ---------------------------------------------------------------------------
    RECENT_KEY = "recent/plans"
    RECENT_MAX = 10

    def recent_ids(self) -> list[int]:
        value = self.settings.value(self.RECENT_KEY) or []
        return [int(v) for v in (value if isinstance(value, list) else [value])]

    def remember(self, plan_id: int) -> None:
        ids = [plan_id, *[i for i in self.recent_ids() if i != plan_id]][: self.RECENT_MAX]
        self.settings.setValue(self.RECENT_KEY, ids)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        titles = {p.id: p.title for p in self.last_plans}
        for plan_id in self.recent_ids():
            if plan_id in titles:  # a deleted plan is simply not offered
                action = self.recent_menu.addAction(titles[plan_id])
                action.triggered.connect(lambda _checked=False, i=plan_id: self.open_plan(i))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("（还没有打开过规划）")).setEnabled(False)

    # -- export and compare ---------------------------------------------------------------------
    def current_plan_id(self) -> int | None:
        if self.tabs.currentWidget() is self.reader_view and self.reader_view.plan is not None:
            return self.reader_view.plan.id
        selected = self.library_view.selected_ids()
        return selected[0] if selected else (self.reader_view.plan.id if self.reader_view.plan else None)

    def export_current(self) -> None:
        plan_id = self.current_plan_id()
        if plan_id is None:
            QMessageBox.information(self, self.tr("导出"), self.tr("请先在规划库中选择一份规划。"))
            return
        LibraryOp(self.backend, lambda ctx: ctx.library.get_plan(plan_id)).success(
            lambda plan: ExportDialog(self.backend, plan, self).open()).failure(self.show_error).run_in_background()

    def new_draft(self, values: dict[str, object] | None = None) -> None:
        if values is None:
            dialog = NewDraftDialog([(p.id, p.title) for p in self.last_plans if p.status == "plan"], self)
            if dialog.exec() != NewDraftDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        args = dict(values)
        LibraryOp(self.backend, lambda ctx: new_draft(ctx.library, **args), parent=self, mutates=True).success(
            self.open_plan).failure(self.show_error).run_in_background()

    def choose_predecessor(self) -> None:
        """Correct the automatic link: which plan this one follows (or back to automatic)."""
        plan_id = self.current_plan_id()
        if plan_id is None:
            return
        others = [p for p in self.last_plans if p.id != plan_id]
        names = [self.tr("（自动：同一地区的上一期）"), *[f"#{p.id} {p.period or ''} {p.title}" for p in others]]
        chosen, ok = QInputDialog.getItem(self, self.tr("上一期规划"), self.tr("这份规划接续哪一份？"), names, 0, False)
        if ok:
            self.set_predecessor(plan_id, None if chosen == names[0] else others[names.index(chosen) - 1].id)

    def set_predecessor(self, plan_id: int, predecessor: int | None) -> None:
        LibraryOp(self.backend, lambda ctx: ctx.library.set_predecessor(plan_id, predecessor), mutates=True
                  ).failure(self.show_error).run_in_background()

    def compare_with_previous(self) -> None:
        plan_id = self.current_plan_id()
        refs = [PlanRef(p.id, p.region, p.period, p.start, p.end, p.predecessor) for p in self.last_plans]
        previous = lineage(refs).get(plan_id or -1)
        if plan_id is None or previous is None or previous.predecessor is None:
            QMessageBox.information(self, self.tr("比较"), self.tr("没有找到这份规划的上一期规划（同一地区、紧接的时期）。"))
            return
        self.compare_view.choose(previous.predecessor, plan_id)
        self.tabs.setCurrentWidget(self.compare_view)
        self.compare_view.run()

    def about_text(self) -> str:
        return self.tr("规划编制助手 PlanDesk {version}\n\n{library}\n共 {n} 份规划和草稿").format(
            version=__version__, library=self.library_text(), n=len(self.last_plans))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("关于规划编制助手"), self.about_text())

    def show_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("出错了"), error_text(error))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        if not self.backend.closed:
            # the draft's pending edits saved and its lock released: queued before shutdown, which
            # lets the worker finish them, so nothing is lost and no one is locked out
            self.drafting_view.close_draft()
            self.backend.shutdown()
        event.accept()
