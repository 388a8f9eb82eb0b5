"""起草: a draft's outline (add, rename, delete, move, change level — numbering regenerated on every
change), the selected section's text, the indicator table with computed growth, reuse of a section
from any plan with each roll-forward replacement previewed, snapshots, undo/redo and autosave."""

from __future__ import annotations

from desktop.draft_dialogs import ReviewDialog, proposals_for
from desktop.draft_session import DraftSession
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
from planning import outline_edit
from planning.drafting.reuse import reuse_into
from planning.model import Plan

AUTOSAVE_MS = 30_000  # the "at most every 30 s"
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
            "复用章节…": self.choose_reuse,
        }
        labels = {
            "添加章节": self.tr("添加章节"), "添加子节": self.tr("添加子节"), "重命名": self.tr("重命名"),
            "删除": self.tr("删除"), "上移": self.tr("上移"), "下移": self.tr("下移"), "升级": self.tr("升级"),
            "降级": self.tr("降级"), "撤销": self.tr("撤销"), "重做": self.tr("重做"), "保存": self.tr("保存"),
            "存为快照": self.tr("存为快照"), "版本…": self.tr("版本…"), "比较版本…": self.tr("比较版本…"),
            "复用章节…": self.tr("复用章节…"),
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
        layout.addWidget(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(lambda: self.save(autosave=True))
        self._loading = False

    # -- loading and showing --------------------------------------------------------------------
    def open_draft(self, plan: Plan) -> None:
        self.session = DraftSession(plan)
        self.title.setText(self.tr("草稿 #{id}：{title}").format(id=plan.id, title=plan.title))
        self._refresh()
        self.indicators.show_table(plan.indicator_tables[0] if plan.indicator_tables else None)
        self.projects.show_plan(plan)
        self.autosave_timer.start()
        self.status.setText(self.tr("已打开（自动保存：每 30 秒）"))

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
        self.buttons["撤销"].setEnabled(self.session.can_undo())
        self.buttons["重做"].setEnabled(self.session.can_redo())

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
        if self.session is None or path is None or self._loading:
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
        if self.session is not None and self.session.can_undo():
            self.session.undo()
            self._after_history()

    def redo(self) -> None:
        if self.session is not None and self.session.can_redo():
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
        if self.session is not None:
            self.session.dirty = True
            self.status.setText(self.tr("有未保存的修改（30 秒内自动保存）"))

    # -- saving --------------------------------------------------------------------------------
    def save(self, autosave: bool = False) -> LibraryOp[None] | None:
        if self.session is None or (autosave and not self.session.dirty):
            return None
        copy = self.session.snapshot_for_saving()
        self.session.saved()
        op: LibraryOp[None] = LibraryOp(self.backend, lambda ctx: ctx.library.save_draft(copy, autosave=autosave),
                                        mutates=True)
        op.success(lambda _r: self.status.setText(self.tr("已自动保存") if autosave else self.tr("已保存"))).failure(
            self._save_failed).run_in_background()
        return op

    def _save_failed(self, error: BaseException) -> None:
        if self.session is not None:
            self.session.dirty = True  # nothing is lost: the next save tries again
        self.status.setText(self.tr("保存失败：") + error_text(error))

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

    def restore_version(self, version_id: int) -> LibraryOp[Plan] | None:
        if self.session is None:
            return None
        plan_id = self.session.plan.id
        assert plan_id is not None
        pending = self.session.snapshot_for_saving() if self.session.dirty else None

        def restore(ctx: object) -> Plan:
            library = ctx.library  # type: ignore[attr-defined]
            if pending is not None:
                library.save_draft(pending)  # unsaved edits are kept in the backup, not lost
            library.restore(plan_id, version_id)
            return library.get_plan(plan_id)

        op: LibraryOp[Plan] = LibraryOp(self.backend, restore, mutates=True)
        op.success(lambda plan: (self.open_draft(plan), self.status.setText(self.tr("已恢复到版本 {id}").format(id=version_id)))).failure(
            lambda e: self.status.setText(error_text(e))).run_in_background()
        return op

    # -- reuse ---------------------------------------------------------------------------------
    def choose_reuse(self) -> None:
        """Pick a plan of the library and a section of it (label path such as 四、 or a title)."""
        if self.session is None:
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
        if self.session is None:
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
        if self.session is None:
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
