"""A library shared by several people: one editor per draft (the others read it, refreshed as it is
saved), saves that never overwrite someone else's, a lost connection retried, a reader account, and
settings that keep a shared library's address but never its password."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db.library import Library
from desktop.main_window import MainWindow
from desktop.ops import Backend, LibraryOp
from planning.errors import ConnectionLostError, PasswordRequiredError, PermissionDeniedError
from planning.paths import resource_path
from service.draft_session import DraftSession
from service.drafts import new_draft
from service.importer import import_paths

HOST = socket.gethostname()


def make_draft(library: Library) -> int:
    return new_draft(library, region="青禾市", period="十四五", from_plan=library.list_plans()[0].id)


def open_window(qtbot, library: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(Backend(library))
    qtbot.addWidget(win)
    win.show()
    return win


def open_draft_in(qtbot, win: MainWindow, draft_id: int) -> Any:  # type: ignore[no-untyped-def]
    view = win.drafting_view
    win.open_plan(draft_id)
    qtbot.waitUntil(lambda: view.session is not None and view.session.plan.id == draft_id, timeout=5000)
    return view


def edit_first_section(view: Any, text: str) -> None:
    view._select((0,))
    view.text.setPlainText(text)
    assert view.session.dirty


@pytest.fixture
def alice(library: Library) -> Library:
    library.user = "alice"  # who saves and who holds locks through this Library
    return library


@pytest.fixture
def other(library: Library) -> Iterator[Library]:
    """A second Library on the same file: another person (bob) at another desk."""
    lib = Library.open(library.path)  # type: ignore[arg-type]
    lib.user = "bob"
    yield lib
    lib.close()


@pytest.fixture
def second_window(qtbot, other: Library) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, other)
    yield win
    win.backend.shutdown()


# -- one editor, others read ---------------------------------------------------------------------


def test_second_window_reads_a_locked_draft_and_follows_the_editors_saves(
        qtbot, window, alice, second_window) -> None:  # type: ignore[no-untyped-def]
    draft_id = make_draft(alice)
    mine = open_draft_in(qtbot, window, draft_id)
    assert mine.editable and alice.draft_holder(draft_id).who == f"alice@{HOST}"

    theirs = open_draft_in(qtbot, second_window, draft_id)
    assert not theirs.editable
    assert theirs.banner.isVisible()
    text = theirs.banner.label.text()
    assert text.startswith(f"正在由 alice@{HOST} 编辑（自 ") and text.endswith("— 只读，自动刷新")
    assert not theirs.banner.retry_button.isVisible()
    for name in ("保存", "添加章节", "删除", "复用章节…", "存为快照", "撤销"):
        assert not theirs.buttons[name].isEnabled(), name
    assert theirs.buttons["版本…"].isEnabled()  # reading the history is fine
    assert theirs.text.isReadOnly()
    theirs._select((0,))
    theirs.add(child=False, title="不该出现")
    assert "不该出现" not in [s.title for s in theirs.session.plan.sections]

    # the editor saves: the reader's next poll reloads the view, keeping the section in place
    edit_first_section(mine, "alice 写的新内容。")
    mine.save()
    qtbot.waitUntil(lambda: mine.status.text() == "已保存", timeout=5000)
    assert theirs.poll() is not None
    qtbot.waitUntil(lambda: theirs.session.plan.sections[0].text == "alice 写的新内容。", timeout=5000)
    assert theirs.text.toPlainText() == "alice 写的新内容。"
    assert theirs.status.text() == "已刷新：对方保存了新的内容"
    assert theirs.poll_timer.isActive() and not mine.poll_timer.isActive()

    # the editor closes the draft: the lock is let go, and the reader is offered to edit
    mine.close_draft()
    qtbot.waitUntil(lambda: alice.draft_holder(draft_id) is None, timeout=5000)
    theirs.poll()
    qtbot.waitUntil(lambda: theirs.banner.retry_button.isVisible(), timeout=5000)
    assert "已结束编辑" in theirs.banner.label.text()
    theirs.banner.retry_button.click()
    qtbot.waitUntil(lambda: theirs.editable, timeout=5000)
    assert not theirs.banner.isVisible() and theirs.buttons["保存"].isEnabled()
    assert alice.draft_holder(draft_id).who == f"bob@{HOST}"

    # now alice is the reader
    again = open_draft_in(qtbot, window, draft_id)
    assert not again.editable and f"bob@{HOST}" in again.banner.label.text()


def test_closing_the_window_and_switching_drafts_release_the_lock(
        qtbot, window, alice, other) -> None:  # type: ignore[no-untyped-def]
    first, second = make_draft(alice), make_draft(alice)
    view = open_draft_in(qtbot, window, first)
    assert other.draft_holder(first) is not None
    open_draft_in(qtbot, window, second)
    qtbot.waitUntil(lambda: other.draft_holder(first) is None, timeout=5000)
    assert other.draft_holder(second) is not None and view.editable
    edit_first_section(view, "关窗前最后一句。")
    window.close()  # saves what is pending and lets the draft go before the library closes
    assert other.draft_holder(second) is None
    assert other.get_plan(second).sections[0].text == "关窗前最后一句。"


# -- saving: the version flows, a real conflict asks -------------------------------------------------


def test_two_saves_in_a_row_and_autosave_then_save_never_conflict(
        qtbot, window, alice, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    draft_id = make_draft(alice)
    view = open_draft_in(qtbot, window, draft_id)
    failures: list[BaseException] = []
    monkeypatch.setattr(view, "_save_failed", lambda _session, error: failures.append(error))
    start = alice.plan_version(draft_id)

    def save(autosave: bool = False) -> None:
        assert view.save(autosave=autosave) is not None

    edit_first_section(view, "第一次。")
    save()
    edit_first_section(view, "第二次。")
    save()  # queued right behind the first: it must build on the first's version
    qtbot.waitUntil(lambda: not window.backend.busy, timeout=5000)
    edit_first_section(view, "自动保存。")
    save(autosave=True)
    edit_first_section(view, "手动保存。")
    save()
    qtbot.waitUntil(lambda: not window.backend.busy, timeout=5000)
    edit_first_section(view, "等一等再存。")
    save(autosave=True)
    qtbot.waitUntil(lambda: view.status.text() == "已自动保存", timeout=5000)
    save()
    qtbot.waitUntil(lambda: view.status.text() == "已保存" and not window.backend.busy, timeout=5000)
    assert failures == [] and view.conflict_box is None
    stored = alice.get_plan(draft_id)
    assert stored.sections[0].text == "等一等再存。"
    assert stored.version == start + 6 == view.session.version == view.session.plan.version
    view.undo()  # a state from before the saves carries the newest version too
    assert view.session.plan.version == stored.version


def test_draft_session_writes_with_the_version_of_the_last_save(alice) -> None:  # type: ignore[no-untyped-def]
    draft_id = make_draft(alice)
    session = DraftSession(alice.get_plan(draft_id))
    first = session.snapshot_for_saving()
    second = session.snapshot_for_saving()  # made before the first was written: its version is old
    v1 = session.write(alice, first)
    v2 = session.write(alice, second, autosave=True)
    assert v2 == v1 + 1 == session.version == session.plan.version


def conflicting_save(other: Library, draft_id: int, text: str) -> None:
    """bob writes the draft without its lock (an old client, a script): the stored version moves."""
    plan = other.get_plan(draft_id)
    plan.sections[0].text = text
    plan.version = None
    other.save_draft(plan)


def test_a_conflict_asks_and_mine_goes_to_a_new_draft(qtbot, window, alice, other) -> None:  # type: ignore[no-untyped-def]
    draft_id = make_draft(alice)
    view = open_draft_in(qtbot, window, draft_id)
    title = view.session.plan.title
    conflicting_save(other, draft_id, "bob 的内容。")
    edit_first_section(view, "alice 的内容。")
    view.save()
    qtbot.waitUntil(lambda: view.conflict_box is not None and view.conflict_box.isVisible(), timeout=5000)
    box = view.conflict_box
    assert "bob" in box.text() and "没有保存" in box.text()
    assert other.get_plan(draft_id).sections[0].text == "bob 的内容。"  # nothing overwritten
    assert view.save(autosave=True) is None  # no autosave while the question is open
    box.buttons_by_choice["copy"].click()
    qtbot.waitUntil(lambda: view.session.plan.id != draft_id and view.editable, timeout=5000)
    copy_id = view.session.plan.id
    assert view.session.plan.title == f"{title}（副本）"
    assert other.get_plan(copy_id).sections[0].text == "alice 的内容。"
    assert other.get_plan(draft_id).sections[0].text == "bob 的内容。"
    qtbot.waitUntil(lambda: other.draft_holder(draft_id) is None, timeout=5000)  # the original is let go
    assert other.draft_holder(copy_id) is not None
    assert view.status.text() == f"您的修改已另存为新草稿 #{copy_id}"


def test_a_conflict_can_load_their_version_or_wait(qtbot, window, alice, other) -> None:  # type: ignore[no-untyped-def]
    draft_id = make_draft(alice)
    view = open_draft_in(qtbot, window, draft_id)
    conflicting_save(other, draft_id, "bob 的内容。")
    edit_first_section(view, "alice 的内容。")
    view.save()
    qtbot.waitUntil(lambda: view.conflict_box is not None, timeout=5000)
    view.conflict_box.buttons_by_choice["cancel"].click()
    assert view.conflict_box is None and view.session.dirty  # kept, not saved, not lost
    assert "未保存" in view.status.text()
    view.save()  # asks again
    qtbot.waitUntil(lambda: view.conflict_box is not None, timeout=5000)
    view.conflict_box.buttons_by_choice["reload"].click()
    qtbot.waitUntil(lambda: view.status.text() == "已载入对方保存的版本", timeout=5000)
    assert view.session.plan.sections[0].text == "bob 的内容。" and not view.session.dirty
    assert view.editable and other.draft_holder(draft_id).who == f"alice@{HOST}"  # still ours
    edit_first_section(view, "在 bob 的基础上改。")
    view.save()
    qtbot.waitUntil(lambda: view.status.text() == "已保存", timeout=5000)


def test_closing_with_an_unresolved_conflict_keeps_mine_as_a_new_draft(
        qtbot, window, alice, other) -> None:  # type: ignore[no-untyped-def]
    draft_id = make_draft(alice)
    view = open_draft_in(qtbot, window, draft_id)
    conflicting_save(other, draft_id, "bob 的内容。")
    edit_first_section(view, "alice 的内容。")
    view.save()
    qtbot.waitUntil(lambda: view.conflict_box is not None, timeout=5000)
    view.conflict_box.buttons_by_choice["cancel"].click()
    before = {p.id for p in other.list_plans()}
    window.close()
    (copy_id,) = {p.id for p in other.list_plans()} - before
    assert other.get_plan(copy_id).sections[0].text == "alice 的内容。"
    assert other.get_plan(draft_id).sections[0].text == "bob 的内容。"
    assert other.draft_holder(draft_id) is None


# -- connection lost, reader accounts ------------------------------------------------------------


def test_a_lost_connection_offers_retry(qtbot, window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    answers = iter([True, False])
    monkeypatch.setattr("desktop.ops.ask_retry", lambda parent, error: (asked.append(str(error)), next(answers))[1])
    calls: list[int] = []

    def flaky(ctx: object) -> str:
        calls.append(1)
        if len(calls) < 2:
            raise ConnectionLostError("与资料库服务器的连接中断，这次操作没有完成，请重试", "Lost the connection")
        return "done"

    results: list[object] = []
    LibraryOp(window.backend, flaky).success(results.append).failure(results.append).run_in_background()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == ["done"] and len(calls) == 2 and len(asked) == 1

    def down(ctx: object) -> None:
        raise ConnectionLostError("连接中断", "Lost the connection")

    LibraryOp(window.backend, down).failure(results.append).run_in_background()  # 取消: the failure path
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert isinstance(results[1], ConnectionLostError) and len(asked) == 2
    LibraryOp(window.backend, down, retry=False).failure(results.append).run_in_background()  # e.g. autosave
    qtbot.waitUntil(lambda: len(results) == 3, timeout=5000)
    assert len(asked) == 2


def test_a_reader_account_sees_drafts_read_only_and_cannot_import(
        qtbot, window, alice, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    draft_id = make_draft(alice)

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionDeniedError("您的账号对此资料库只有只读权限，未做任何修改", "Your account may only read this library")

    monkeypatch.setattr(alice, "lock_draft", refused)
    view = open_draft_in(qtbot, window, draft_id)
    assert not view.editable and view.banner.label.text() == "您的账号只能查看此资料库 — 只读，自动刷新"
    assert not view.banner.retry_button.isVisible()
    actions = {a.text(): a for a in window.write_actions}
    assert not actions["导入文件…"].isEnabled() and not actions["新建草稿…"].isEnabled()
    assert "只读" in window.library_label.text()


def test_a_reader_role_on_postgresql(qtbot, pg_server, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    with Library.open(pg_url) as owner:
        import_paths(owner, [resource_path("sample")])
        draft_id = make_draft(owner)
    role = f"reader_{uuid.uuid4().hex[:8]}"
    database = pg_url.rsplit("/", 1)[1]
    pg_server.execute(f'CREATE ROLE "{role}" LOGIN')
    pg_server.execute(f'GRANT USAGE ON SCHEMA public TO "{role}"', database=database)
    pg_server.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"', database=database)
    win = open_window(qtbot, Library.open(pg_url.replace("plandesk_admin@", f"{role}@", 1)))
    try:
        view = open_draft_in(qtbot, win, draft_id)
        assert not view.editable and view.banner.label.text() == "您的账号只能查看此资料库 — 只读，自动刷新"
        assert not view.buttons["保存"].isEnabled()
        assert all(not a.isEnabled() for a in win.write_actions)
        assert win.library_label.text() == f"共享 · {role} · 只读"
    finally:
        win.backend.shutdown()


# -- settings and passwords ----------------------------------------------------------------------


class FakeKeyring:
    def __init__(self) -> None:
        self.kept: dict[str, str] = {}

    def install(self, monkeypatch: pytest.MonkeyPatch, available: bool = True) -> None:
        from service import connect as credentials

        monkeypatch.setattr(credentials, "keyring_available", lambda: available)
        monkeypatch.setattr(credentials, "stored_password", lambda loc: self.kept.get(loc.display))
        monkeypatch.setattr(credentials, "store_password",
                            lambda loc, pw: available and (self.kept.__setitem__(loc.display, pw) is None))
        monkeypatch.setattr(credentials, "forget_password", lambda loc: self.kept.pop(loc.display, None))


def settings_text() -> str:
    from desktop.settings_dialog import settings

    s = settings()
    s.sync()
    values = " ".join(f"{k}={s.value(k)}" for k in s.allKeys())
    file = Path(s.fileName())
    return values + (file.read_text(encoding="utf-8", errors="replace") if file.exists() else "")


def test_settings_build_the_shared_url_and_keep_the_password_out_of_settings(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.settings_dialog import LIBRARY_KEY, SettingsDialog, library_from_settings, settings

    keyring = FakeKeyring()
    keyring.install(monkeypatch)
    monkeypatch.delenv("PLANDESK_LIBRARY", raising=False)
    dialog = SettingsDialog("/tmp/old.sqlite3")
    qtbot.addWidget(dialog)
    assert dialog.local.isChecked() and dialog.library.text() == "/tmp/old.sqlite3"
    dialog.shared.setChecked(True)
    assert dialog.pages.currentWidget() is dialog.server
    form = dialog.server
    form.host.setText("db.example.gov.cn")
    form.port.setValue(5433)
    form.database.setText("plans")
    form.user.setText("alice")
    form.remember.setChecked(True)
    form.password.setText("s3cret-口令")
    assert form.url.text() == "postgresql://alice@db.example.gov.cn:5433/plans"
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings().value(LIBRARY_KEY) == "postgresql://alice@db.example.gov.cn:5433/plans"
    assert library_from_settings(None) == "postgresql://alice@db.example.gov.cn:5433/plans"
    assert "s3cret" not in settings_text()
    assert keyring.kept == {"postgresql://alice@db.example.gov.cn:5433/plans": "s3cret-口令"}

    # opened again: the fields come back from the URL, the password stays in the keyring
    again = SettingsDialog("/tmp/old.sqlite3")
    qtbot.addWidget(again)
    assert again.shared.isChecked() and again.server.host.text() == "db.example.gov.cn"
    assert again.server.port.value() == 5433 and again.server.user.text() == "alice"
    assert again.server.remember.isChecked() and again.server.password.text() == ""
    again.server.remember.setChecked(False)  # forget it
    again.save()
    assert keyring.kept == {}

    # back to a file
    third = SettingsDialog("/tmp/old.sqlite3")
    qtbot.addWidget(third)
    third.local.setChecked(True)
    third.library.setText("/tmp/new.sqlite3")
    third.save()
    assert settings().value(LIBRARY_KEY) == "/tmp/new.sqlite3"


def test_settings_without_a_keyring_say_the_password_is_asked(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.settings_dialog import SettingsDialog

    FakeKeyring().install(monkeypatch, available=False)
    dialog = SettingsDialog("/tmp/old.sqlite3")
    qtbot.addWidget(dialog)
    dialog.shared.setChecked(True)
    form = dialog.server
    assert not form.remember.isEnabled() and not form.password.isEnabled()
    assert "每次打开资料库时询问" in form.note.text()
    dialog.save()  # no server and database yet: refused, with the reason
    assert dialog.result() != SettingsDialog.DialogCode.Accepted and "服务器" in dialog.problem.text()


def test_a_password_required_is_asked_in_the_dialog(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from desktop import app
    from desktop.password_dialog import PasswordDialog
    from service import connect as credentials

    keyring = FakeKeyring()
    keyring.install(monkeypatch)
    opened: list[str | None] = []

    def fake_open(where: object, *, password: str | None = None) -> object:
        opened.append(password)
        if password != "right":
            raise PasswordRequiredError("资料库服务器需要密码，或密码不对", "The library server needs a password")
        return type("Opened", (), {"location": where})()

    monkeypatch.setattr(credentials.Library, "open", staticmethod(fake_open))
    answers = iter(["wrong", "right"])
    shown: list[str] = []

    def fake_exec(dialog: PasswordDialog) -> int:
        shown.append(dialog.windowTitle())
        dialog.password.setText(next(answers))
        dialog.remember.setChecked(True)
        return PasswordDialog.DialogCode.Accepted

    monkeypatch.setattr(PasswordDialog, "exec", fake_exec)
    library = app.open_library("postgresql://alice@db.example.gov.cn/plans")
    assert library is not None
    assert shown == ["共享资料库的密码", "共享资料库的密码"]
    assert opened == [None, "wrong", "right"]
    assert keyring.kept == {"postgresql://alice@db.example.gov.cn/plans": "right"}  # 记住密码 ticked
    assert "right" not in settings_text()

    monkeypatch.setattr(PasswordDialog, "exec", lambda dialog: PasswordDialog.DialogCode.Rejected)
    keyring.kept.clear()
    with pytest.raises(PasswordRequiredError):  # cancelled: the app says it cannot open the library
        app.open_library("postgresql://alice@db.example.gov.cn/plans")


def test_a_server_down_at_start_offers_retry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from desktop import app
    from service import connect as credentials

    attempts: list[str] = []

    def flaky(where: str, **_kwargs: object) -> Library:
        attempts.append(where)
        if len(attempts) == 1:
            raise ConnectionLostError("无法连接资料库服务器", "Cannot reach the library server")
        return Library.open(tmp_path / "up.sqlite3")

    monkeypatch.setattr(credentials, "open_library", flaky)
    monkeypatch.setattr(app, "ask_retry", lambda parent, error: True)
    with app.open_library("postgresql://alice@db.example.gov.cn/plans") as library:
        assert library.path == tmp_path / "up.sqlite3" and len(attempts) == 2
    attempts.clear()
    monkeypatch.setattr(app, "ask_retry", lambda parent, error: False)
    with pytest.raises(ConnectionLostError):
        app.open_library("postgresql://alice@db.example.gov.cn/plans")


# -- on PostgreSQL --------------------------------------------------------------------------------


def test_shared_postgresql_library_two_windows(qtbot, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    admin, _, _ = pg_url.partition("@")
    with_password = pg_url.replace(admin, admin + ":hunter2", 1)  # trust auth: the password is ignored
    first = Library.open(with_password)
    import_paths(first, [resource_path("sample")])
    draft_id = make_draft(first)
    second = Library.open(pg_url)
    win_a, win_b = open_window(qtbot, first), open_window(qtbot, second)
    try:
        assert win_b.statusBar().currentMessage() == f"共享资料库：{pg_url}（用户 plandesk_admin）"
        assert win_a.statusBar().currentMessage() == f"共享资料库：{first.display}（用户 plandesk_admin）"
        assert win_a.library_label.text() == "共享 · plandesk_admin" and win_a.library_label.isVisible()
        assert "hunter2" not in win_a.statusBar().currentMessage() + win_a.about_text()
        assert "共享资料库：postgresql://plandesk_admin:***@" in win_a.about_text()
        mine = open_draft_in(qtbot, win_a, draft_id)
        assert mine.editable
        theirs = open_draft_in(qtbot, win_b, draft_id)
        assert not theirs.editable and "正在由 plandesk_admin@" in theirs.banner.label.text()
        edit_first_section(mine, "服务器上的新内容。")
        mine.save()
        edit_first_section(mine, "服务器上的新内容，又改了一次。")
        mine.save()
        qtbot.waitUntil(lambda: mine.status.text() == "已保存" and not win_a.backend.busy, timeout=10000)
        theirs.poll()
        qtbot.waitUntil(lambda: theirs.session.plan.sections[0].text == "服务器上的新内容，又改了一次。", timeout=10000)
        win_a.close()  # releases the lock (the server's advisory lock goes with it)
        assert second.draft_holder(draft_id) is None
        theirs.try_edit()
        qtbot.waitUntil(lambda: theirs.editable, timeout=10000)
    finally:
        win_a.backend.shutdown()
        win_b.backend.shutdown()
