"""Background operations: results, progress, cancel and errors, delivered on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from planmgr.domain.errors import ValidationError
from planmgr.ui.ops import OperationCancelled, OpRunner, OpState, describe_error
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot) -> Iterator[OpRunner]:
    parent = QWidget()
    qtbot.addWidget(parent)
    ops = OpRunner(parent, show_progress_after_ms=0)
    yield ops
    ops.shutdown(5_000)


def test_a_plain_job_delivers_its_result_on_the_gui_thread(runner: OpRunner, qtbot) -> None:
    seen: list[tuple[object, str]] = []
    job_threads: list[str] = []

    def job() -> int:
        job_threads.append(threading.current_thread().name)
        return 42

    with qtbot.waitSignal(runner.finished, timeout=5_000) as done:
        runner.run("计算", job, on_success=lambda r: seen.append((r, threading.current_thread().name)))
    assert seen == [(42, threading.main_thread().name)]
    assert job_threads and job_threads[0] != threading.main_thread().name
    op = done.args[0]
    assert op.state is OpState.SUCCEEDED and op.result == 42
    assert not runner.busy


def test_a_generator_job_reports_progress_and_returns(runner: OpRunner, qtbot) -> None:
    proceed = threading.Event()

    def job() -> Iterator[tuple[int, int, str]]:
        yield 1, 3, "第 1 步"
        proceed.wait(5)
        yield 3, 3, "完成"
        return "ok"

    op = runner.run("导入台账", job)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.labelText() == "第 1 步")
    assert (op.dialog.value(), op.dialog.maximum()) == (1, 3)
    assert op.dialog.windowTitle() == "导入台账"
    with qtbot.waitSignal(op.done, timeout=5_000):
        proceed.set()
    assert op.state is OpState.SUCCEEDED and op.result == "ok"
    assert op.dialog is None  # closed


def test_cancel_closes_the_generator_and_skips_on_success(
    runner: OpRunner, qtbot, fake_dialogs: FakeDialogs
) -> None:
    proceed = threading.Event()
    cleaned_up = threading.Event()
    reached_end: list[bool] = []

    def job() -> Iterator[tuple[int, int, str]]:
        try:
            yield 1, 10, "正在处理"
            proceed.wait(5)
            yield 2, 10, "正在处理"
            reached_end.append(True)
        finally:
            cleaned_up.set()

    results: list[object] = []
    op = runner.run("批量打印", job, on_success=results.append)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.labelText() == "正在处理")
    (cancel_button,) = op.dialog.findChildren(QPushButton)
    assert cancel_button.text() == "取消"
    cancel_button.click()
    assert op.dialog.labelText() == "正在取消…"
    with qtbot.waitSignal(runner.finished, timeout=5_000):
        proceed.set()
    assert op.state is OpState.CANCELLED
    assert cleaned_up.is_set() and not reached_end
    assert results == [] and fake_dialogs.calls == []


def test_errors_are_shown_once_in_chinese(runner: OpRunner, qtbot, fake_dialogs: FakeDialogs) -> None:
    failures: list[BaseException] = []

    def job() -> None:
        raise ValidationError("第 3 行：预案类别“总体预案”不是可选的类别")

    with qtbot.waitSignal(runner.finished, timeout=5_000) as done:
        runner.run("导入预案台账", job, on_failure=failures.append)
    assert done.args[0].state is OpState.FAILED
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "操作失败"
    assert error.text == "“导入预案台账”未完成。\n\n第 3 行：预案类别“总体预案”不是可选的类别"
    assert isinstance(failures[0], ValidationError)


def test_an_unexpected_error_points_to_the_log(runner: OpRunner, qtbot, fake_dialogs: FakeDialogs) -> None:
    from planmgr import logs

    log_file = logs.setup_logging()

    def job() -> None:
        raise KeyError("plan")

    with qtbot.waitSignal(runner.finished, timeout=5_000):
        runner.run("生成报表", job)
    (error,) = fake_dialogs.of_kind("error")
    assert "KeyError" in error.text and str(log_file) in error.text
    assert "Traceback" in log_file.read_text(encoding="utf-8")


def test_file_errors_say_which_file() -> None:
    text = describe_error("备份数据库", PermissionError(13, "Permission denied", "/media/u/备份"))
    assert text == "“备份数据库”未完成。\n\n文件操作失败：Permission denied（/media/u/备份）。"


def test_a_failing_success_callback_is_reported(runner: OpRunner, qtbot, fake_dialogs: FakeDialogs) -> None:
    def show(result: object) -> None:
        raise ValidationError("结果无法显示")

    with qtbot.waitSignal(runner.finished, timeout=5_000) as done:
        runner.run("统计", lambda: 1, on_success=show)
    assert done.args[0].state is OpState.FAILED
    assert "结果无法显示" in fake_dialogs.of_kind("error")[0].text


def test_jobs_run_one_at_a_time(runner: OpRunner, qtbot) -> None:
    active = 0
    most = 0
    lock = threading.Lock()

    def job() -> None:
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
        with lock:
            active -= 1

    ops = [runner.run(f"写入 {i}", job, progress=False) for i in range(5)]
    qtbot.waitUntil(lambda: all(op.is_done for op in ops), timeout=5_000)
    assert most == 1


def test_run_and_wait_returns_or_raises(runner: OpRunner) -> None:
    assert runner.run_and_wait("创建", lambda: "done") == "done"
    with pytest.raises(ValidationError, match="名称不能为空"):
        runner.run_and_wait("创建", lambda: (_ for _ in ()).throw(ValidationError("名称不能为空")))


def test_run_and_wait_cancelled(runner: OpRunner) -> None:
    proceed = threading.Event()

    def job() -> Iterator[tuple[int, int, str]]:
        yield 0, 2, "开始"
        proceed.wait(5)
        yield 1, 2, "继续"
        return "不应返回"

    def user_cancels() -> None:
        runner.cancel_all()
        proceed.set()

    QTimer.singleShot(0, user_cancels)  # runs inside run_and_wait's event loop
    with pytest.raises(OperationCancelled):
        runner.run_and_wait("创建演示数据库", job)


def test_a_callback_job_reports_progress_and_can_be_cancelled(runner: OpRunner, qtbot) -> None:
    proceed = threading.Event()
    cleaned_up = threading.Event()

    def service(progress) -> str:  # a service reporting (stage, done, total), like create_demo
        try:
            progress("生成数据", 1, 4)
            proceed.wait(5)
            progress("写入数据", 2, 4)
            return "不应返回"
        except Exception:  # an ordinary handler does not swallow the cancel
            return "被吞掉了"
        finally:
            cleaned_up.set()

    op = runner.run(
        "创建演示数据库",
        lambda report: service(lambda stage, done, total: report(done, total, stage)),
        pass_progress=True,
    )
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.labelText() == "生成数据")
    assert op.dialog.value() == 1 and op.dialog.maximum() == 4
    op.dialog.canceled.emit()  # what the 取消 button does
    with qtbot.waitSignal(op.done, timeout=5_000):
        proceed.set()
    assert op.state is OpState.CANCELLED and op.result is None
    assert cleaned_up.is_set()
