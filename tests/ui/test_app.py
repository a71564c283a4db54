"""Start-up: options, the database it opens, what a user sees when that fails, crash handling."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, qInfo

from planmgr import logs, paths
from planmgr.store.database import Database
from planmgr.ui import crash
from planmgr.ui.app import parse_args, run_gui, start
from tests.ui import sample_data as s
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui

NAV_ZH = ["首页看板", "预案体系", "演练", "备案", "处置卡", "单位", "设置"]


def nav_texts(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def started_window(qtbot, argv: list[str]):
    result = start(argv)
    assert not isinstance(result, int), f"start-up stopped with exit code {result}"
    _app, window = result
    qtbot.addWidget(window)
    return window


def test_options() -> None:
    assert parse_args([]).lang is None  # the language chosen on the settings page
    opts = parse_args(["--db", "x.sqlite", "--demo", "--lang", "en", "-style", "fusion"])
    assert (opts.db, opts.demo, opts.lang, opts.qt_args) == ("x.sqlite", True, "en", ["-style", "fusion"])


def test_start_opens_the_named_database_in_chinese(qtbot, sample_db: Database, db_path: Path) -> None:
    window = started_window(qtbot, ["--db", str(db_path)])
    assert window.isVisible()
    assert nav_texts(window) == NAV_ZH
    assert window.unit_label.text() == f"本单位：{s.CITY}"
    assert QCoreApplication.instance().style().name().lower() == "fusion"
    assert QCoreApplication.instance().font().family() in ("WenQuanYi Micro Hei", "Microsoft YaHei")
    log_file = logs.current_log_file()
    assert log_file is not None and log_file.parent == paths.user_log_dir()
    assert "main window shown" in log_file.read_text(encoding="utf-8")


def test_english_on_request(qtbot, db_path: Path) -> None:
    window = started_window(qtbot, ["--db", str(db_path), "--lang", "en"])
    assert nav_texts(window)[:2] == ["Dashboard", "Plan system"]


def test_without_db_the_last_database_is_reopened(qtbot, sample_db: Database, db_path: Path) -> None:
    first = started_window(qtbot, ["--db", str(db_path)])
    first.close()
    window = started_window(qtbot, [])
    assert window.database.path == db_path.resolve()
    assert window.unit_label.text() == f"本单位：{s.CITY}"
    assert not paths.default_database().exists()


def test_a_last_database_that_is_gone_falls_back_to_the_default(
    qtbot, tmp_path: Path, template_db: Path
) -> None:
    gone = tmp_path / "moved-away.sqlite"
    shutil.copyfile(template_db, gone)
    started_window(qtbot, ["--db", str(gone)]).close()
    gone.unlink()
    window = started_window(qtbot, [])
    assert window.database.path == paths.default_database().resolve()


def test_a_last_database_that_no_longer_opens_is_explained(
    qtbot, tmp_path: Path, template_db: Path, fake_dialogs: FakeDialogs
) -> None:
    broken = tmp_path / "broken.sqlite"
    shutil.copyfile(template_db, broken)
    started_window(qtbot, ["--db", str(broken)]).close()
    broken.write_text("不再是数据库", encoding="utf-8")
    window = started_window(qtbot, [])
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "无法打开上次的数据库"
    assert "现在打开默认数据库" in error.text
    assert window.database.path == paths.default_database().resolve()


def test_the_language_chosen_in_settings_is_used_at_start(qtbot, db_path: Path) -> None:
    from planmgr.ui import prefs

    prefs.set_language(prefs.app_settings(), "en")
    window = started_window(qtbot, ["--db", str(db_path)])
    assert nav_texts(window)[:2] == ["Dashboard", "Plan system"]
    window.close()
    window = started_window(qtbot, ["--db", str(db_path), "--lang", "zh_CN"])  # the option wins
    assert nav_texts(window) == NAV_ZH


def test_without_db_the_default_database_is_created(qtbot) -> None:
    assert not paths.default_database().exists()
    window = started_window(qtbot, [])
    assert paths.default_database().exists()
    assert window.db_label.text() == f"数据库：{paths.default_database()}"
    assert window.unit_label.text() == "本单位：尚未登记"


def test_a_text_file_is_refused_with_exit_3_and_no_traceback(
    tmp_path: Path, fake_dialogs: FakeDialogs, capsys: pytest.CaptureFixture[str], qapp
) -> None:
    text = tmp_path / "预案.sqlite"
    text.write_text("这是一个文本文件，不是数据库。\n", encoding="utf-8")
    before = text.read_bytes()
    assert run_gui(["--db", str(text)]) == 3
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "无法打开数据库"
    assert error.text == f"该文件不是 planmgr 数据库：{text}"
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert text.read_bytes() == before  # left untouched
    assert "cannot open the database" in logs.current_log_file().read_text(encoding="utf-8")


def test_a_missing_named_file_is_not_created(tmp_path: Path, fake_dialogs: FakeDialogs, qapp) -> None:
    missing = tmp_path / "没有这个文件.sqlite"
    assert run_gui(["--db", str(missing)]) == 3
    assert "数据库文件不存在" in fake_dialogs.of_kind("error")[0].text
    assert not missing.exists()


def test_a_data_folder_that_cannot_be_made_is_explained(
    monkeypatch: pytest.MonkeyPatch, fake_dialogs: FakeDialogs, tmp_path: Path, qapp
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setattr(paths, "default_database", lambda: blocker / "data" / "planmgr.sqlite")
    assert run_gui([]) == 3
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "无法打开数据库"
    assert error.text.startswith("文件操作失败：")


def fake_demo_module(template: Path, calls: list[tuple[Path, str]]) -> types.ModuleType:
    module = types.ModuleType("planmgr.services.demo")

    def create_demo(db: Path, *, size: str = "small", force: bool = False, progress=None) -> object:
        calls.append((Path(db), size))
        progress("生成演示数据", 0, 1)
        shutil.copyfile(template, db)
        progress("完成", 1, 1)
        return types.SimpleNamespace(database=str(db), counts={})

    module.create_demo = create_demo  # type: ignore[attr-defined]
    return module


def test_demo_is_created_on_first_use_then_reused(
    qtbot, template_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Path, str]] = []
    monkeypatch.setitem(sys.modules, "planmgr.services.demo", fake_demo_module(template_db, calls))
    window = started_window(qtbot, ["--demo"])
    assert calls == [(paths.demo_database(), "small")]
    assert window.database.path == paths.demo_database().resolve()
    window.close()
    started_window(qtbot, ["--demo"])
    assert len(calls) == 1  # the existing demo file is opened, not rebuilt


def test_demo_builder_refusal_is_shown(
    monkeypatch: pytest.MonkeyPatch, fake_dialogs: FakeDialogs, qapp
) -> None:
    from planmgr.domain.errors import ValidationError

    module = types.ModuleType("planmgr.services.demo")

    def create_demo(db: Path, **kwargs: object) -> object:
        raise ValidationError("演示数据库只能创建为本机文件，不能写入数据库服务器")

    module.create_demo = create_demo  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "planmgr.services.demo", module)
    assert run_gui(["--demo"]) == 2
    (error,) = fake_dialogs.of_kind("error")
    assert error.text == "演示数据库只能创建为本机文件，不能写入数据库服务器"


def test_demo_without_its_builder_explains_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, fake_dialogs: FakeDialogs, qapp
) -> None:
    monkeypatch.setitem(sys.modules, "planmgr.services.demo", None)  # import fails
    assert run_gui(["--demo"]) == 1
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "无法创建演示数据库"
    assert "缺少演示数据模块" in error.text
    assert not paths.demo_database().exists()


def test_unexpected_exception_is_logged_and_shown_with_the_log_path(fake_dialogs: FakeDialogs, qapp) -> None:
    log_file = logs.setup_logging()
    hook = crash.ExceptHook()
    hook.previous = sys.__excepthook__  # not chained into pytest-qt's hook: this error is on purpose
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as error:
        hook(type(error), error, error.__traceback__)
    (shown,) = fake_dialogs.of_kind("error")
    assert shown.title == "意外错误"
    assert "ZeroDivisionError: division by zero" in shown.text
    assert str(log_file) in shown.text
    assert "Traceback" in (shown.details or "")
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")


def test_qt_messages_are_written_to_the_log(qapp) -> None:
    log_file = logs.setup_logging()
    router = crash.install_qt_message_handler()
    assert crash.install_qt_message_handler() is router  # installing twice keeps one router
    qInfo("planmgr test message from Qt")
    assert "planmgr test message from Qt" in log_file.read_text(encoding="utf-8")


def test_start_up_does_not_import_pandas(tmp_path: Path, db_path: Path) -> None:
    script = (
        "import sys, time, json\n"
        "started = time.perf_counter()\n"
        "from planmgr.ui.app import start\n"
        f"app, window = start(['--db', {str(db_path)!r}])\n"
        "app.processEvents()\n"
        "seconds = time.perf_counter() - started\n"
        "print(json.dumps({'pandas': 'pandas' in sys.modules, 'seconds': seconds}))\n"
        "window.close()\n"
    )
    env = dict(os.environ, PLANMGR_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["pandas"] is False
    assert result["seconds"] < 10  # measured ~0.7 s; this only catches a pathological start-up
