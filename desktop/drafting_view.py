"""起草: a draft's outline (add, rename, delete, move, change level — numbering regenerated on every
change), the selected section's text, the indicator table with computed growth, reuse of a section
from any plan with each roll-forward replacement previewed, snapshots, undo/redo and autosave.

On a shared library a draft is edited by one person at a time: opening it takes its lock
(`take_draft`, on the worker thread). When someone else has it, it opens read-only under a banner
naming them, and a timer polls the stored version (off the GUI thread) to reload the view when they
save, offering 再试一次编辑 once they let go. Closing the draft, switching drafts or closing the
window releases the lock. A save refused because someone saved in between asks what to do
(`ConflictDialog`); nothing is overwritten silently."""

from __future__ import annotations

from db.draft_locks import DraftLock, Holder
from desktop.draft_dialogs import ReviewDialog, proposals_for
from desktop.draft_team import Choice, ConflictDialog, ReadOnlyBanner
from desktop.indicator_editor import IndicatorEditor
from desktop.ops import Backend, LibraryOp, error_text
from desktop.project_editor import ProjectEditor
from desktop.qt import (
    QAbstractItemView,
    QAction,
    QDropEvent,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from planning.drafting import outline as outline_edit
from planning.drafting.reuse import reuse_into
from planning.errors import DraftConflictError, PermissionDeniedError
from planning.model import Plan
from service.draft_session import DraftAccess, DraftSession, take_draft

AUTOSAVE_MS = 30_000  # the "at most every 30 s"
POLL_MS = 4_000  # a draft shown read-only: how often to look for the editor's saves
READ_ONLY_ACTIONS = {"版本…", "比较版本…", "关闭草稿"}  # what a read-only draft still offers
Path = tuple[int, ...]


class OutlineTree(QTreeWidget):
    """The outline; a section dragged onto or between others is moved there (any level). Qt moves
    the item on screen, then `moved` tells the view, which applies the move to the plan and redraws
    the tree from it (with the numbering regenerated)."""

    moved = Signal(tuple, tuple, int)  # old path, new parent path (before the move), position after it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        item = self.currentItem()
        if item is None:
            return
        old = tuple(item.data(0, Qt.ItemDataRole.UserRole))
        super().dropEvent(event)
        parent = item.parent()
        new_parent = tuple(parent.data(0, Qt.ItemDataRole.UserRole)) if parent is not None else ()
        position = parent.indexOfChild(item) if parent is not None else self.indexOfTopLevelItem(item)
        self.moved.emit(old, new_parent, position)


class DraftingView(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.session: DraftSession | None = None
        self.lock: DraftLock | None = None  # ours while we edit the open draft; None: read-only
        self.holder: str | None = None  # who has it, when it is not ours
        self.denied: PermissionDeniedError | None = None  # the account may only read
        self.conflict_box: ConflictDialog | None = None
        self._conflict = False  # a save was refused as a conflict and not resolved: no autosaves
        self._poll_op: LibraryOp[tuple[Plan | None, Holder | None]] | None = None
        self.banner = ReadOnlyBanner(self)
        self.banner.retry.connect(self.try_edit)
        self.title = QLabel(self.tr("在规划库中打开一份草稿（或用“新建草稿”）。"), self)
        self.status = QLabel(self)
        self.outline = OutlineTree(self)
        self.outline.setHeaderLabel(self.tr("提纲"))
        self.outline.moved.connect(self.on_outline_moved)
        self.outline.currentItemChanged.connect(lambda *_: self._show_current())
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("所选章节的正文"))
        self.text.textChanged.connect(self._text_changed)
        self.indicators = IndicatorEditor(self)
        self.indicators.edited.connect(self._mark_dirty)
        self.projects = ProjectEditor(self)
        self.projects.edited.connect(self._mark_dirty)
        add_project = QPushButton(self.tr("添加项目"), self)
        add_project.clicked.connect(lambda: self.projects.add_project())
        remove_project = QPushButton(self.tr("删除所选项目"), self)
        remove_project.clicked.connect(self.projects.remove_selected)
        self.project_buttons = [add_project, remove_project]
        projects_tab = QWidget(self)
        projects_layout = QVBoxLayout(projects_tab)
        projects_buttons = QHBoxLayout()
        projects_buttons.addWidget(add_project)
        projects_buttons.addWidget(remove_project)
        projects_buttons.addStretch(1)
        projects_layout.addLayout(projects_buttons)
        projects_layout.addWidget(self.projects)
        # a tool bar, not a row of buttons: when the window is narrow (or the labels are English) the
        # actions that do not fit go behind its » menu instead of widening the window
        buttons = QToolBar(self)
        buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions = {
            "添加章节": lambda: self.add(child=False), "添加子节": lambda: self.add(child=True),
            "重命名": self.rename, "删除": self.delete, "上移": lambda: self.move(-1), "下移": lambda: self.move(1),
            "升级": self.outdent, "降级": self.indent, "撤销": self.undo, "重做": self.redo, "保存": self.save,
            "存为快照": self.snapshot, "版本…": self.choose_version, "比较版本…": self.choose_versions_to_compare,
            "复用章节…": self.choose_reuse, "关闭草稿": self.close_draft,
        }
        labels = {
            "添加章节": self.tr("添加章节"), "添加子节": self.tr("添加子节"), "重命名": self.tr("重命名"),
            "删除": self.tr("删除"), "上移": self.tr("上移"), "下移": self.tr("下移"), "升级": self.tr("升级"),
            "降级": self.tr("降级"), "撤销": self.tr("撤销"), "重做": self.tr("重做"), "保存": self.tr("保存"),
            "存为快照": self.tr("存为快照"), "版本…": self.tr("版本…"), "比较版本…": self.tr("比较版本…"),
            "复用章节…": self.tr("复用章节…"), "关闭草稿": self.tr("关闭草稿"),
        }
        self.buttons: dict[str, QAction] = {}  # keyed by the Chinese name, whatever the UI language
        for name, slot in self.actions.items():
            action = buttons.addAction(labels[name])
            action.triggered.connect(lambda _checked=False, run=slot: run())
            self.buttons[name] = action
        right = QTabWidget(self)
        right.addTab(self.text, self.tr("正文"))
        right.addTab(self.indicators, self.tr("指标表"))
        right.addTab(projects_tab, self.tr("重点工程"))
        splitter = QSplitter(self)
        splitter.addWidget(self.outline)
        splitter.addWidget(right)
        splitter.setSizes([360, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(lambda: self.save(autosave=True))
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self._loading = False
        self._set_editable(False)

    # -- opening, locking, closing -------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return self.session is not None and self.lock is not None

    def is_editing(self, plan_id: int | None) -> bool:
        return self.editable and self.session is not None and self.session.plan.id == plan_id

    def show_draft(self, access: DraftAccess) -> None:
        """A draft opened from the library (`take_draft` done): the one being edited stays as it is."""
        if self.is_editing(access.plan.id) and access.lock is self.lock:
            return
        self.open_draft(access.plan, access)

    def open_draft(self, plan: Plan, access: DraftAccess | None = None) -> None:
        """Show draft `plan`; `access` says whether it is ours to edit. Without it, the lock we hold
        on this draft is kept, or else the draft shows read-only while the lock is asked for."""
        if access is None:
            access = DraftAccess(plan, lock=self.lock if self._holds(plan.id) else None)
        self._leave(keep=access.lock)
        self.lock = access.lock
        self._conflict = False
        self._load(access.plan)
        self._set_access(access)
        if access.lock is None and access.holder is None and access.denied is None:
            self.try_edit()

    def close_draft(self) -> None:
        """Save what is pending, let the draft go (its lock released), show nothing."""
        self._leave(keep=None)
        self.session = None
        self.lock = None
        self.holder = self.denied = None
        self.autosave_timer.stop()
        self.poll_timer.stop()
        self.banner.hide()
        self._loading = True
        self.outline.clear()
        self.text.clear()
        self.indicators.show_table(None)
        self.projects.show_plan(None)
        self._loading = False
        self._set_editable(False)
        self.title.setText(self.tr("在规划库中打开一份草稿（或用“新建草稿”）。"))
        self.status.setText(self.tr("草稿已关闭"))

    def _holds(self, plan_id: int | None) -> bool:
        return self.lock is not None and not self.lock.released and self.lock.plan_id == plan_id

    def _leave(self, *, keep: DraftLock | None) -> None:
        """Before another draft (or none) is shown: the open one's edits saved, its lock released
        (both queued on the worker, in that order) — unless the lock is `keep`, the same draft's."""
        lock, session = self.lock, self.session
        if lock is None or lock is keep:
            return
        if session is not None and session.dirty:
            if self._conflict:  # saving would overwrite someone's work, dropping would lose ours
                self._copy_as_new_draft(session)
            else:
                self.save()
        self.lock = None
        self._release(lock)

    def _release(self, lock: DraftLock) -> None:
        if not self.backend.closed:
            LibraryOp(self.backend, lambda ctx: lock.release(), retry=False).failure(
                lambda e: self.status.setText(error_text(e))).run_in_background()

    def _load(self, plan: Plan, *, keep_place: bool = False) -> None:
        """Show `plan` as a new session (no undo history); `keep_place`: the same section stays selected."""
        place = self.current_path() if keep_place else None
        self.session = DraftSession(plan)
        self.title.setText(self.tr("草稿 #{id}：{title}").format(id=plan.id, title=plan.title))
        self._loading = True
        self.text.clear()
        self._loading = False
        self._refresh(place)
        self.indicators.show_table(plan.indicator_tables[0] if plan.indicator_tables else None)
        self.projects.show_plan(plan)

    def _set_access(self, access: DraftAccess) -> None:
        self.holder, self.denied = access.holder, access.denied
        self._set_editable(access.editable)
        if access.editable:
            self.banner.hide()
            self.poll_timer.stop()
            self.autosave_timer.start()
            self.status.setText(self.tr("已打开（自动保存：每 30 秒）"))
            return
        self.autosave_timer.stop()
        self.poll_timer.start()
        if access.denied is not None:
            self.banner.show_denied()
            self.backend.permission_denied.emit(access.denied)  # the window disables what it cannot do
        elif access.holder is not None:
            self.banner.show_holder(access.holder, access.since)
        else:
            self.banner.show_taking()
        self.status.setText(self.tr("只读"))

    def _set_editable(self, editable: bool) -> None:
        for name, action in self.buttons.items():
            action.setEnabled(editable or (name in READ_ONLY_ACTIONS and self.session is not None))
        self.text.setReadOnly(not editable)
        self.outline.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove if editable
                                     else QAbstractItemView.DragDropMode.NoDragDrop)
        self.indicators.set_read_only(not editable)
        self.projects.set_read_only(not editable)
        for button in self.project_buttons:
            button.setEnabled(editable)
        if editable and self.session is not None:
            self.buttons["撤销"].setEnabled(self.session.can_undo())
            self.buttons["重做"].setEnabled(self.session.can_redo())

    def try_edit(self) -> LibraryOp[DraftAccess] | None:
        """再试一次编辑: ask for the open draft's lock again (on the worker thread)."""
        if self.session is None or self.lock is not None:
            return None
        plan = self.session.plan
        plan_id = plan.id
        assert plan_id is not None
        self.banner.show_taking()
        op: LibraryOp[DraftAccess] = LibraryOp(self.backend, lambda ctx: take_draft(ctx.library, plan_id, plan=plan))
        op.success(self._took).failure(self._take_failed).run_in_background()
        return op

    def _took(self, access: DraftAccess) -> None:
        if self.session is None or self.session.plan.id != access.plan.id or self.lock is not None:
            if access.lock is not None and access.lock is not self.lock:  # the draft was left meanwhile
                self._release(access.lock)
            return
        self.lock = access.lock
        if access.plan is not self.session.plan:
            self._load(access.plan, keep_place=True)
        self._set_access(access)

    def _take_failed(self, error: BaseException) -> None:
        if self.session is not None and self.lock is None:
            self.banner.show_failed(error_text(error))

    def poll(self) -> LibraryOp[tuple[Plan | None, Holder | None]] | None:
        """A read-only draft: has it been saved since (then reload it), and is anyone still editing it?"""
        if self.session is None or self.lock is not None or self._poll_op is not None or self.backend.closed:
            return None
        plan_id, known = self.session.plan.id, self.session.version
        assert plan_id is not None

        def check(ctx: object) -> tuple[Plan | None, Holder | None]:
            library = ctx.library  # type: ignore[attr-defined]
            changed = library.plan_version(plan_id) != known
            return (library.get_plan(plan_id) if changed else None), library.draft_holder(plan_id)

        op: LibraryOp[tuple[Plan | None, Holder | None]] = LibraryOp(self.backend, check, retry=False)
        self._poll_op = op
        op.success(lambda found: self._polled(plan_id, *found)).failure(self._poll_failed).run_in_background()
        return op

    def _polled(self, plan_id: int, plan: Plan | None, holder: Holder | None) -> None:
        self._poll_op = None
        if self.session is None or self.session.plan.id != plan_id or self.lock is not None:
            return
        if plan is not None:
            self._load(plan, keep_place=True)
            self.status.setText(self.tr("已刷新：对方保存了新的内容"))
        if self.denied is not None:
            return
        if holder is None:
            self.banner.show_free(self.holder)
        else:
            self.holder = holder.who
            self.banner.show_holder(holder.who, holder.acquired_at)

    def _poll_failed(self, error: BaseException) -> None:
        self._poll_op = None
        self.status.setText(self.tr("刷新失败：") + error_text(error))

    # -- showing --------------------------------------------------------------------------------
    def _refresh(self, select: Path | None = None) -> None:
        assert self.session is not None
        self._loading = True
        self.outline.clear()
        for i, section in enumerate(self.session.plan.sections):
            self._add_item(None, section, (i,))
        self.outline.expandAll()
        self._loading = False
        if select is not None:
            self._select(select)
        self.buttons["撤销"].setEnabled(self.editable and self.session.can_undo())
        self.buttons["重做"].setEnabled(self.editable and self.session.can_redo())

    def _add_item(self, parent: QTreeWidgetItem | None, section: object, path: Path) -> None:
        label = getattr(section, "label", "")
        kind = self.tr("［专栏］") if getattr(section, "kind", "") == "box" else ""
        item = QTreeWidgetItem([f"{label}{section.title}{kind}"])  # type: ignore[attr-defined]
        item.setData(0, Qt.ItemDataRole.UserRole, path)
        if parent is None:
            self.outline.addTopLevelItem(item)
        else:
            parent.addChild(item)
        for i, child in enumerate(section.children):  # type: ignore[attr-defined]
            self._add_item(item, child, (*path, i))

    def _select(self, path: Path) -> None:
        item = self.outline.topLevelItem(path[0]) if path and path[0] < self.outline.topLevelItemCount() else None
        for i in path[1:]:
            item = item.child(i) if item is not None and i < item.childCount() else None
        if item is not None:
            self.outline.setCurrentItem(item)

    def current_path(self) -> Path | None:
        item = self.outline.currentItem()
        return tuple(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_current(self) -> None:
        path = self.current_path()
        if self.session is None or path is None or self._loading:
            return
        self._loading = True
        self.text.setPlainText(outline_edit.get_section(self.session.plan, path).text)
        self._loading = False

    # -- editing -------------------------------------------------------------------------------
    def _edit(self, change, select: Path | None = None) -> object:  # type: ignore[no-untyped-def]
        assert self.session is not None
        if not self.editable:
            self.status.setText(self.tr("只读：这份草稿现在不能修改"))
            return None
        try:
            result = self.session.edit(change)
        except Exception as exc:  # noqa: BLE001 - an edit that cannot be made is explained, nothing changes
            self.status.setText(error_text(exc))
            return None
        placed = getattr(result, "placed_at", result)
        self._refresh(select if select is not None else (placed if isinstance(placed, tuple) else None))
        self._mark_dirty()
        return result

    def _text_changed(self) -> None:
        path = self.current_path()
        if self.session is None or path is None or self._loading or not self.editable:
            return
        outline_edit.get_section(self.session.plan, path).text = self.text.toPlainText()
        self._mark_dirty()

    def add(self, *, child: bool, title: str | None = None) -> None:
        if self.session is None:
            return
        if title is None:
            title, ok = QInputDialog.getText(self, self.tr("添加章节"), self.tr("标题"))
            if not ok or not title.strip():
                return
        path = self.current_path()
        if child and path is not None:
            parent, index = path, None
        elif path is not None:
            parent, index = path[:-1], path[-1] + 1
        else:
            parent, index = (), None
        self._edit(lambda plan: outline_edit.add_section(plan, parent, index, title.strip()))

    def rename(self, title: str | None = None) -> None:
        path = self.current_path()
        if self.session is None or path is None:
            return
        if title is None:
            current = outline_edit.get_section(self.session.plan, path).title
            title, ok = QInputDialog.getText(self, self.tr("重命名"), self.tr("标题"), text=current)
            if not ok or not title.strip():
                return
        self._edit(lambda plan: outline_edit.rename_section(plan, path, title.strip()), select=path)

    def delete(self) -> None:
        path = self.current_path()
        if self.session is not None and path is not None:
            self._edit(lambda plan: outline_edit.delete_section(plan, path), select=path[:-1] or None)

    def move(self, step: int) -> None:
        path = self.current_path()
        if self.session is None or path is None:
            return
        index = path[-1] + step
        if index < 0:
            return
        # move_section's index means "before the child now at that position"
        target = index + 1 if step > 0 else index
        self._edit(lambda plan: outline_edit.move_section(plan, path, path[:-1], target))

    def on_outline_moved(self, old: Path, new_parent: Path, position: int) -> None:
        """A drag ended with the section at `position` under `new_parent` (its path before the move)."""
        if self.session is None:
            return
        same_parent = old[:-1] == new_parent
        before = position + 1 if same_parent and position >= old[-1] else position  # in pre-move terms
        self._edit(lambda plan: outline_edit.move_section(plan, old, new_parent, before))

    def indent(self) -> None:
        """Make the section a child of the sibling before it (one level deeper)."""
        path = self.current_path()
        if self.session is None or path is None or path[-1] == 0:
            return
        self._edit(lambda plan: outline_edit.move_section(plan, path, (*path[:-1], path[-1] - 1), None))

    def outdent(self) -> None:
        """Make the section a sibling right after its parent (one level up)."""
        path = self.current_path()
        if self.session is None or path is None or len(path) < 2:
            return
        self._edit(lambda plan: outline_edit.move_section(plan, path, path[:-2], path[-2] + 1))

    def undo(self) -> None:
        if self.editable and self.session is not None and self.session.can_undo():
            self.session.undo()
            self._after_history()

    def redo(self) -> None:
        if self.editable and self.session is not None and self.session.can_redo():
            self.session.redo()
            self._after_history()

    def _after_history(self) -> None:
        assert self.session is not None
        self._refresh()
        self.indicators.show_table(self.session.plan.indicator_tables[0] if self.session.plan.indicator_tables
                                   else None)
        self.projects.show_plan(self.session.plan)
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        if self.session is not None and self.editable:
            self.session.dirty = True
            self.status.setText(self.tr("有未保存的修改（30 秒内自动保存）"))

    # -- saving --------------------------------------------------------------------------------
    def save(self, autosave: bool = False) -> LibraryOp[int] | None:
        """Save the draft (on the worker thread) with the version of the last save. An autosave
        waits while a conflict is unresolved, and does not ask 重试 (the next one tries again)."""
        session = self.session
        if session is None or self.lock is None or (autosave and (not session.dirty or self._conflict)):
            return None
        self._conflict = False
        copy = session.snapshot_for_saving()
        session.saved()
        op: LibraryOp[int] = LibraryOp(self.backend, lambda ctx: session.write(ctx.library, copy, autosave=autosave),
                                       mutates=True, retry=not autosave)
        op.success(lambda _version: self._saved(session, autosave)).failure(
            lambda error: self._save_failed(session, error)).run_in_background()
        return op

    def _saved(self, session: DraftSession, autosave: bool) -> None:
        if session is self.session:
            self.status.setText(self.tr("已自动保存") if autosave else self.tr("已保存"))

    def _save_failed(self, session: DraftSession, error: BaseException) -> None:
        session.dirty = True  # nothing is lost: the next save tries again
        if session is not self.session:
            return
        if isinstance(error, DraftConflictError):
            self._conflict = True
            self.status.setText(self.tr("未保存：草稿已被他人修改"))
            self.show_conflict(error)
        elif isinstance(error, PermissionDeniedError):  # the account may only read: let the draft go
            lock, self.lock = self.lock, None
            if lock is not None:
                self._release(lock)
            self._set_access(DraftAccess(session.plan, denied=error))
        else:
            self.status.setText(self.tr("保存失败：") + error_text(error))

    def show_conflict(self, error: DraftConflictError) -> ConflictDialog:
        """Ask what to do with a save refused because someone else saved first (window-modal)."""
        if self.conflict_box is not None:
            self.conflict_box.close()
        box = ConflictDialog(error, self)
        box.finished.connect(lambda _result: self.resolve_conflict(box.choice()))
        self.conflict_box = box
        box.open()
        return box

    def resolve_conflict(self, choice: Choice) -> LibraryOp[DraftAccess] | None:
        """reload: their version replaces our unsaved edits; copy: our edits become a new draft (which
        we then edit; the original keeps theirs); cancel: nothing now (a manual save asks again)."""
        self.conflict_box = None
        session = self.session
        if session is None or choice == "cancel":
            self.status.setText(self.tr("未保存：草稿已被他人修改（再次保存时会询问）"))
            return None
        plan_id = session.plan.id
        assert plan_id is not None
        held = self.lock
        if choice == "reload":
            op: LibraryOp[DraftAccess] = LibraryOp(self.backend, lambda ctx: take_draft(ctx.library, plan_id, held=held))
            op.success(lambda access: self._reloaded(access, self.tr("已载入对方保存的版本")))
        else:
            op = self._copy_as_new_draft(session, take=True)
            op.success(self._copied)
        op.failure(lambda e: self.status.setText(error_text(e))).run_in_background()
        return op

    def _copy_as_new_draft(self, session: DraftSession, *, take: bool = False) -> LibraryOp[DraftAccess]:
        """Our edits as a new draft (另存为新草稿); `take`: to be opened (run it), else queued now."""
        mine = session.snapshot_for_saving()
        mine.title = self.tr("{title}（副本）").format(title=mine.title)

        def copy_as_new(ctx: object) -> DraftAccess:
            library = ctx.library  # type: ignore[attr-defined]
            draft_id = library.create_draft(mine)
            return take_draft(library, draft_id) if take else DraftAccess(library.get_plan(draft_id))

        session.saved()  # ours go into the copy: nothing is left to save into the original
        op: LibraryOp[DraftAccess] = LibraryOp(self.backend, copy_as_new, mutates=True)
        if not take and not self.backend.closed:
            op.success(lambda access: self.status.setText(
                self.tr("您的修改已另存为新草稿 #{id}").format(id=access.plan.id))).failure(
                lambda e: self.status.setText(error_text(e))).run_in_background()
        return op

    def _reloaded(self, access: DraftAccess, message: str) -> None:
        """The open draft replaced by the stored one (after a conflict, or a restore)."""
        if self.session is None or self.session.plan.id != access.plan.id:
            if access.lock is not None and access.lock is not self.lock:
                self._release(access.lock)
            return
        self.open_draft(access.plan, access)
        self.status.setText(message)

    def _copied(self, access: DraftAccess) -> None:
        self.open_draft(access.plan, access)  # the original's lock is released
        self.status.setText(self.tr("您的修改已另存为新草稿 #{id}").format(id=access.plan.id))

    # -- versions ------------------------------------------------------------------------------
    def choose_version(self) -> None:
        if self.session is None:
            return
        plan_id = self.session.plan.id
        LibraryOp(self.backend, lambda ctx: ctx.library.versions(plan_id)).success(self._pick_version).failure(
            lambda e: self.status.setText(error_text(e))).run_in_background()

    def _pick_version(self, versions: list) -> None:  # type: ignore[type-arg]
        if not versions:
            self.status.setText(self.tr("这份草稿还没有保存过版本。"))
            return
        kinds = {"snapshot": self.tr("快照")}
        names = [f"{v.id}  {v.created_at:%Y-%m-%d %H:%M}  {kinds.get(v.kind, self.tr('自动保存'))}  {v.name or ''}"
                 for v in reversed(versions)]
        chosen, ok = QInputDialog.getItem(self, self.tr("恢复版本"), self.tr("恢复到哪个版本（当前内容会先存为快照）"), names, 0, False)
        if ok:
            self.restore_version(list(reversed(versions))[names.index(chosen)].id)

    def choose_versions_to_compare(self) -> None:
        if self.session is None:
            return
        plan_id = self.session.plan.id
        LibraryOp(self.backend, lambda ctx: ctx.library.versions(plan_id)).success(self._pick_two).failure(
            lambda e: self.status.setText(error_text(e))).run_in_background()

    def _pick_two(self, versions: list) -> None:  # type: ignore[type-arg]
        if len(versions) < 2:
            self.status.setText(self.tr("至少要有两个保存的版本才能比较。"))
            return
        names = [f"{v.id}  {v.created_at:%Y-%m-%d %H:%M}  {v.name or ''}" for v in versions]
        old, ok = QInputDialog.getItem(self, self.tr("比较版本"), self.tr("旧版本"), names, max(0, len(names) - 2), False)
        if not ok:
            return
        new, ok = QInputDialog.getItem(self, self.tr("比较版本"), self.tr("新版本"), names, len(names) - 1, False)
        if ok:
            self.compare_versions(versions[names.index(old)].id, versions[names.index(new)].id)

    def compare_versions(self, old_id: int, new_id: int) -> None:
        """Both versions from the library, then the comparison shown in the 比较 tab."""
        window = self.window()

        def shown(plans: tuple[Plan, Plan]) -> None:
            compare = getattr(window, "compare_view", None)
            if compare is not None:
                window.tabs.setCurrentWidget(compare)  # type: ignore[attr-defined]
                compare.run_on(*plans, caption=self.tr("版本 {old} → 版本 {new}").format(old=old_id, new=new_id))

        LibraryOp(self.backend, lambda ctx: (ctx.library.get_version(old_id), ctx.library.get_version(new_id))
                  ).success(shown).failure(lambda e: self.status.setText(error_text(e))).run_in_background()

    def restore_version(self, version_id: int) -> LibraryOp[DraftAccess] | None:
        if self.session is None or not self.editable:
            return None
        plan_id = self.session.plan.id
        assert plan_id is not None
        pending = self.session.snapshot_for_saving() if self.session.dirty else None

        session, held = self.session, self.lock

        def restore(ctx: object) -> DraftAccess:
            library = ctx.library  # type: ignore[attr-defined]
            if pending is not None:
                session.write(library, pending)  # unsaved edits are kept in the backup, not lost
            library.restore(plan_id, version_id)
            return take_draft(library, plan_id, held=held)

        op: LibraryOp[DraftAccess] = LibraryOp(self.backend, restore, mutates=True)
        op.success(lambda access: self._reloaded(access, self.tr("已恢复到版本 {id}").format(id=version_id))).failure(
            lambda e: self.status.setText(error_text(e))).run_in_background()
        return op

    # -- reuse ---------------------------------------------------------------------------------
    def choose_reuse(self) -> None:
        """Pick a plan of the library and a section of it (label path such as 四、 or a title)."""
        if not self.editable:
            return
        plans = [p for p in getattr(self.window(), "last_plans", []) if p.status == "plan"]
        if not plans:
            self.status.setText(self.tr("规划库中还没有可复用的规划。"))
            return
        names = [f"#{p.id} {p.title}" for p in plans]
        chosen, ok = QInputDialog.getItem(self, self.tr("复用章节"), self.tr("从哪份规划复用"), names, 0, False)
        if not ok:
            return
        spec, ok = QInputDialog.getText(self, self.tr("复用章节"), self.tr("章节（如：四、 或 三、/（七） 或 标题中的词）"))
        if not ok or not spec.strip():
            return
        plan_id = plans[names.index(chosen)].id
        LibraryOp(self.backend, lambda ctx: ctx.library.get_plan(plan_id)).success(
            lambda source: self.reuse_from(source, spec.strip())).failure(
            lambda e: self.status.setText(error_text(e))).run_in_background()

    def reuse_from(self, source: Plan, spec: str, *, review: bool = True,
                   decide: list[bool] | None = None) -> object:
        """Insert `spec` of `source`, rolled forward; each replacement is shown first (or `decide`d)."""
        if self.session is None or not self.editable:
            return None
        try:
            proposals = proposals_for(self.session.plan, source, spec)
        except Exception as exc:  # noqa: BLE001 - an unknown or ambiguous section is explained
            self.status.setText(error_text(exc))
            return None
        flags = decide if decide is not None else [True] * len(proposals)
        if review and decide is None and proposals:
            dialog = ReviewDialog(proposals, self)
            if dialog.exec() != ReviewDialog.DialogCode.Accepted:
                return None
            flags = dialog.accepted_flags()
        answers = iter(flags)
        result = self._edit(lambda plan: reuse_into(plan, source, spec, accept=lambda _p: next(answers, False)))
        if result is not None:
            self.status.setText(self.tr("已复用：{title} › {spec}（接受 {accepted} 处替换，共 {total} 处）").format(
                title=source.title, spec=spec, accepted=sum(flags), total=len(flags)))
        return result

    def snapshot(self, name: str | None = None) -> None:
        if self.session is None or not self.editable:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("存为快照"), self.tr("快照名称"))
            if not ok:
                return
        plan_id = self.session.plan.id
        self.save()
        LibraryOp(self.backend, lambda ctx: ctx.library.snapshot(plan_id, name or None)).success(
            lambda v: self.status.setText(self.tr("已存为快照 {version}：{name}").format(version=v, name=name))).failure(
            lambda e: self.status.setText(error_text(e))).run_in_background()
