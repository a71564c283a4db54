"""Background operations: the one way the GUI runs writes and long jobs (DESIGN.md §4).

A job is a Qt-free callable run on a worker thread. It either returns its result, or is
a generator that yields ``(done, total, text)`` progress tuples and ``return``s its
result (``total`` 0 means "unknown"). Between two yields the job can be cancelled: the
generator is closed (its ``finally`` blocks run) and the operation ends as cancelled.
A service that reports through a callback instead is run with ``pass_progress=True``: the
job receives ``report(done, total, text)``, and a cancel surfaces inside the job as an
exception raised by ``report`` (a ``BaseException``, so the job's cleanup runs and ordinary
``except Exception`` handlers do not swallow it).

``OpRunner`` owns one worker thread (so database writes never overlap), shows a
``QProgressDialog`` with a cancel button while a job runs, and delivers results on the
GUI thread. Errors all end up in ``OpRunner.report_error``: logged with their traceback,
shown in Chinese through ``dialogs.error``.

Jobs never touch a widget and open their own short sessions (``session_scope``).
"""

from __future__ import annotations

import enum
import inspect
import logging
import threading
import time
from collections.abc import Callable, Generator
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from planmgr import logs
from planmgr.ui import dialogs

log = logging.getLogger(__name__)

Progress = tuple[int, int, str]
Job = Callable[..., Any]  # no arguments, or ``report`` with ``pass_progress``

# At most this many progress updates a second reach the GUI thread.
_PROGRESS_INTERVAL_S = 0.05


class OpState(enum.Enum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class OperationCancelled(Exception):
    """Raised by ``OpRunner.run_and_wait`` when the user cancelled the job."""


class _Cancelled(BaseException):
    """Raised inside a job (generator closed, or ``report`` called) once it is cancelled."""


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Worker(QRunnable):
    """Runs the job on a pool thread; talks to the GUI thread only through signals."""

    def __init__(self, job: Job, signals: _Signals, cancel: threading.Event, pass_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._job = job
        self._signals = signals
        self._cancel = cancel
        self._pass_progress = pass_progress
        self._last_report = 0.0

    def report(self, done: int, total: int, text: str = "") -> None:
        """The progress callback handed to ``pass_progress`` jobs (called on the worker thread)."""
        if self._cancel.is_set():
            raise _Cancelled
        now = time.monotonic()
        if now - self._last_report >= _PROGRESS_INTERVAL_S or (total and done >= total):
            self._last_report = now
            self._signals.progress.emit(int(done), int(total), str(text))

    def run(self) -> None:
        try:
            if self._cancel.is_set():
                raise _Cancelled
            result = self._job(self.report) if self._pass_progress else self._job()
            if inspect.isgenerator(result):
                result = self._drive(cast(Generator[Progress, None, Any], result))
        except _Cancelled:
            self._signals.cancelled.emit()
        except BaseException as error:  # every failure is reported; none escapes the thread
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)

    def _drive(self, gen: Generator[Progress, None, Any]) -> Any:
        while True:
            if self._cancel.is_set():
                gen.close()
                raise _Cancelled
            try:
                done, total, text = next(gen)
            except StopIteration as stop:
                return stop.value
            try:
                self.report(done, total, text)
            except _Cancelled:
                gen.close()
                raise


class Operation(QObject):
    """One submitted job: its state, result or error, progress dialog and ``done`` signal."""

    done = Signal()

    def __init__(
        self,
        title: str,
        job: Job,
        *,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        show_errors: bool,
        cancellable: bool,
        pass_progress: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.state = OpState.RUNNING
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog: QProgressDialog | None = None
        self.on_success = on_success
        self.on_failure = on_failure
        self.show_errors = show_errors
        self.cancellable = cancellable
        self._cancel = threading.Event()
        self.signals = _Signals()
        self.worker = _Worker(job, self.signals, self._cancel, pass_progress)

    def cancel(self) -> None:
        """Ask the job to stop at its next progress step (a plain callable runs to its end)."""
        if self.state is OpState.RUNNING and self.cancellable:
            self._cancel.set()
            if self.dialog is not None:
                self.dialog.setLabelText(QCoreApplication.translate("ops", "Cancelling…"))

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @property
    def is_done(self) -> bool:
        return self.state is not OpState.RUNNING


class OpRunner(QObject):
    """Runs operations one at a time off the GUI thread and reports their outcome.

    ``finished`` is emitted with the ``Operation`` once its callbacks have run (tests
    wait on it). ``widget`` is the parent of progress dialogs and error messages.
    """

    finished = Signal(object)

    def __init__(
        self,
        widget: QWidget | None = None,
        *,
        show_progress_after_ms: int = 400,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.widget = widget
        self.show_progress_after_ms = show_progress_after_ms
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one writer at a time (DESIGN.md §4)
        self._running: set[Operation] = set()

    # ------------------------------------------------------------------ submitting

    def run(
        self,
        title: str,
        job: Job,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        show_errors: bool = True,
        cancellable: bool = True,
        progress: bool = True,
        pass_progress: bool = False,
    ) -> Operation:
        """Start ``job`` in the background; ``on_success(result)`` runs on the GUI thread.

        ``cancellable``: the dialog has a cancel button (only useful for generator and
        ``pass_progress`` jobs); ``progress``: show a progress dialog at all.
        """
        op = Operation(
            title,
            job,
            on_success=on_success,
            on_failure=on_failure,
            show_errors=show_errors,
            cancellable=cancellable,
            pass_progress=pass_progress,
            parent=self,
        )
        op.signals.progress.connect(lambda done, total, text: self._on_progress(op, done, total, text))
        op.signals.succeeded.connect(lambda result: self._on_succeeded(op, result))
        op.signals.failed.connect(lambda error: self._on_failed(op, error))
        op.signals.cancelled.connect(lambda: self._on_cancelled(op))
        if progress:
            op.dialog = self._make_dialog(op)
        self._running.add(op)
        log.info("operation started: %s", title)
        self._pool.start(op.worker)
        return op

    def run_and_wait(
        self, title: str, job: Job, *, cancellable: bool = True, pass_progress: bool = False
    ) -> Any:
        """Run ``job`` with its progress dialog and wait (the GUI stays responsive).

        Returns the result; raises the job's error, or ``OperationCancelled``. Used where
        nothing else can happen until the job is done (creating the demo database at start).
        """
        op = self.run(title, job, show_errors=False, cancellable=cancellable, pass_progress=pass_progress)
        if not op.is_done:
            loop = QEventLoop()
            op.done.connect(loop.quit)
            loop.exec()
        if op.state is OpState.CANCELLED:
            raise OperationCancelled(title)
        if op.error is not None:
            raise op.error
        return op.result

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for op in list(self._running):
            op.cancel()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel what can be cancelled and wait for the worker; ``False`` on time-out."""
        self.cancel_all()
        return bool(self._pool.waitForDone(timeout_ms))

    # ------------------------------------------------------------------ progress dialog

    def _make_dialog(self, op: Operation) -> QProgressDialog:
        dialog = QProgressDialog(op.title, QCoreApplication.translate("ops", "Cancel"), 0, 0, self.widget)
        dialog.setWindowTitle(op.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumDuration(self.show_progress_after_ms)
        dialog.setMinimumWidth(420)
        if op.cancellable:
            dialog.canceled.connect(op.cancel)
        else:
            dialog.setCancelButton(None)
        dialog.setValue(0)
        return dialog

    def _on_progress(self, op: Operation, done: int, total: int, text: str) -> None:
        dialog = op.dialog
        if dialog is None or op.is_done or op.cancel_requested:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        dialog.setLabelText(text or op.title)

    def _close_dialog(self, op: Operation) -> None:
        if op.dialog is not None:
            op.dialog.reset()
            op.dialog.hide()
            op.dialog.deleteLater()
            op.dialog = None

    # ------------------------------------------------------------------ outcomes

    def _finish(self, op: Operation, state: OpState) -> None:
        op.state = state
        self._close_dialog(op)
        self._running.discard(op)
        log.info("operation %s: %s", state.value, op.title)

    def _on_succeeded(self, op: Operation, result: Any) -> None:
        self._finish(op, OpState.SUCCEEDED)
        op.result = result
        try:
            if op.on_success is not None:
                op.on_success(result)
        except Exception as error:  # a failing callback is reported like a failing job
            op.error = error
            op.state = OpState.FAILED
            self.report_error(op.title, error)
        self._done(op)

    def _on_failed(self, op: Operation, error: BaseException) -> None:
        self._finish(op, OpState.FAILED)
        op.error = error
        if op.show_errors:
            self.report_error(op.title, error)
        if op.on_failure is not None:
            op.on_failure(error)
        self._done(op)

    def _on_cancelled(self, op: Operation) -> None:
        self._finish(op, OpState.CANCELLED)
        self._done(op)

    def _done(self, op: Operation) -> None:
        op.done.emit()
        self.finished.emit(op)
        op.deleteLater()

    def report_error(self, title: str, error: BaseException) -> None:
        """The one place an operation's failure is logged and shown to the user."""
        log.error("operation failed: %s", title, exc_info=(type(error), error, error.__traceback__))
        dialogs.error(
            self.widget, QCoreApplication.translate("ops", "Operation failed"), describe_error(title, error)
        )


def describe_error(title: str, error: BaseException) -> str:
    """A Chinese message for ``error``: what failed, why, and what to do."""
    from planmgr.domain.errors import PlanmgrError

    if isinstance(error, PlanmgrError):
        reason = error.message
    elif isinstance(error, OSError):
        reason = QCoreApplication.translate("ops", "A file operation failed: {reason} ({file}).").format(
            reason=error.strerror or str(error), file=error.filename or ""
        )
    elif isinstance(error, MemoryError):
        reason = QCoreApplication.translate(
            "ops", "Not enough memory to finish. Close other programs and try again."
        )
    else:
        log_file = logs.current_log_file()
        where = str(log_file) if log_file else QCoreApplication.translate("ops", "(no log file)")
        reason = QCoreApplication.translate(
            "ops", "An unexpected error stopped it ({kind}). Details are in the log file: {log}"
        ).format(kind=type(error).__name__, log=where)
    return QCoreApplication.translate("ops", "{title} did not finish.\n\n{reason}").format(
        title=title, reason=reason
    )
