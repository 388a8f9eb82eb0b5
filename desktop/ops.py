"""Background operations, Anki-style: the GUI never touches the library on its own thread.

    LibraryOp(window.backend, lambda ctx: import_paths(ctx.library, paths, progress=ctx.progress,
                                                      cancel=ctx.cancel))
        .with_progress("正在导入…").success(show_result).failure(show_error).run_in_background()

Library work runs on ONE worker thread (sessions never cross threads); results, failures and
progress come back to the GUI thread through Qt signals. The function gets an `OpContext`
(library, progress callback, cancel event: calibre's plain-Python contract), never a widget.

A shared library's server can go away (a restart, the network): an op that fails with
`ConnectionLostError` shows the plain message with 重试, which runs the same op again (nothing was
committed, so that is safe). Ops that run by themselves on a timer (autosave, refresh polls) pass
`retry=False` and simply try again at their next tick. An op refused with `PermissionDeniedError`
(the account may only read) is announced by `Backend.permission_denied`, so the window can
disable what it cannot do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from db.library import Library
from desktop.qt import QCoreApplication, QMessageBox, QObject, QProgressDialog, Qt, QWidget, Signal
from planning.errors import ConnectionLostError, PermissionDeniedError, PlanDeskError

T = TypeVar("T")


@dataclass
class OpContext:
    library: Library
    cancel: threading.Event = field(default_factory=threading.Event)
    _emit_progress: Callable[[float, str], None] = lambda f, m: None
    _emit_event: Callable[[object], None] = lambda e: None

    def progress(self, fraction: float, message: str) -> None:
        self._emit_progress(fraction, message)

    def report(self, event: object) -> None:
        """Hand an intermediate result (e.g. one file's outcome) to the GUI thread."""
        self._emit_event(event)


class Backend(QObject):
    """Owns the library and the worker thread; announces changes so every view can refresh."""

    library_changed = Signal()
    permission_denied = Signal(object)  # a PermissionDeniedError: this account may only read
    _done = Signal(object, object, object)  # op, result, error
    _progress = Signal(object, float, str)
    _event = Signal(object, object)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="plandesk-library")
        # file work (export, compare, parse) must not queue behind library work, nor touch the library
        self._files = ThreadPoolExecutor(max_workers=2, thread_name_prefix="plandesk-files")
        self._running: set[LibraryOp[Any]] = set()
        self._closed = False
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(lambda op, f, m: op._on_progress(f, m), Qt.ConnectionType.QueuedConnection)
        self._event.connect(lambda op, e: op._on_event(e), Qt.ConnectionType.QueuedConnection)

    def submit(self, op: LibraryOp[Any]) -> None:
        if self._closed:  # the window is closing: nothing new starts (queued writes still finish)
            op.cancel.set()
            return
        self._running.add(op)
        ctx = OpContext(self.library, op.cancel, lambda f, m: self._progress.emit(op, f, m),
                        lambda e: self._event.emit(op, e))

        def work() -> None:
            try:
                result = op.fn(ctx)
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
                self._done.emit(op, None, exc)
            else:
                self._done.emit(op, result, None)

        (self._files if op.file_work else self._worker).submit(work)

    def _on_done(self, op: LibraryOp[Any], result: object, error: BaseException | None) -> None:
        self._running.discard(op)
        if isinstance(error, PermissionDeniedError) and not self._closed:
            self.permission_denied.emit(error)
        op._finish(result, error)
        if error is None and op.mutates and not self._closed:
            self.library_changed.emit()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @property
    def closed(self) -> bool:
        return self._closed

    def shutdown(self) -> None:
        """Cancel what can be cancelled, let queued writes finish, close the library. Idempotent."""
        if self._closed:
            return
        self._closed = True
        for op in list(self._running):
            op.cancel.set()
        self._worker.shutdown(wait=True)
        self._files.shutdown(wait=True)
        self.library.close()


class LibraryOp(Generic[T]):
    def __init__(self, backend: Backend, fn: Callable[[OpContext], T], *, parent: QWidget | None = None,
                 mutates: bool = False, file_work: bool = False, retry: bool = True) -> None:
        """`file_work`: runs on the file pool (export, compare): `fn` must not use `ctx.library`.
        `retry`: a lost server connection asks 重试 / 取消 (else it goes straight to `failure`)."""
        self.backend = backend
        self.fn = fn
        self.parent = parent
        self.mutates = mutates
        self.file_work = file_work
        self.retry = retry
        self.cancel = threading.Event()
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._on_event_cb: Callable[[object], None] | None = None
        self._on_progress_cb: Callable[[float, str], None] | None = None
        self._dialog: QProgressDialog | None = None
        self._label = ""

    def success(self, cb: Callable[[T], None]) -> LibraryOp[T]:
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> LibraryOp[T]:
        self._failure = cb
        return self

    def on_event(self, cb: Callable[[object], None]) -> LibraryOp[T]:
        self._on_event_cb = cb
        return self

    def on_progress(self, cb: Callable[[float, str], None]) -> LibraryOp[T]:
        """Progress to a widget of the caller's own, instead of a progress dialog."""
        self._on_progress_cb = cb
        return self

    def with_progress(self, label: str) -> LibraryOp[T]:
        self._label = label
        return self

    def run_in_background(self) -> None:
        if self._label:
            dialog = QProgressDialog(self._label, QCoreApplication.translate("LibraryOp", "取消"), 0, 1000, self.parent)
            dialog.setWindowTitle(QCoreApplication.translate("LibraryOp", "规划编制助手"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.canceled.connect(self.cancel.set)
            self._dialog = dialog
        self.backend.submit(self)

    def _on_progress(self, fraction: float, message: str) -> None:
        if self._on_progress_cb is not None:
            self._on_progress_cb(fraction, message)
        if self._dialog is not None:
            self._dialog.setValue(int(fraction * 1000))
            if message:
                self._dialog.setLabelText(f"{self._label}\n{message}")

    def _on_event(self, event: object) -> None:
        if self._on_event_cb is not None:
            self._on_event_cb(event)

    def _finish(self, result: object, error: BaseException | None) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        if (isinstance(error, ConnectionLostError) and self.retry and not self.cancel.is_set()
                and not self.backend.closed and ask_retry(self.parent, error)):
            self.run_in_background()  # the same operation again: nothing of it was committed
            return
        if error is not None:
            if self._failure is not None:
                self._failure(error)
            else:
                raise error
        elif self._success is not None:
            self._success(result)  # type: ignore[arg-type]


def ask_retry(parent: QWidget | None, error: BaseException) -> bool:
    """The lost-connection message with 重试 / 取消; True for 重试. (Tests replace this function.)"""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("LibraryOp", "与资料库的连接中断"),
                      error_text(error), QMessageBox.StandardButton.NoButton, parent)
    again = box.addButton(QCoreApplication.translate("LibraryOp", "重试"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("LibraryOp", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() is again


def error_text(error: BaseException) -> str:
    """What a user reads for a failure: our own errors in both languages, anything else named."""
    if isinstance(error, PlanDeskError):
        return error.line()
    return f"内部错误 / internal error: {type(error).__name__}: {error}"
