"""Start-up order: the main window's frame is on screen (title, menus, navigation, "opening
the database") before the database is opened, and is completed on it afterwards; a
database that cannot be opened is explained over the frame, which then goes away."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from planmgr.store.database import Database
from planmgr.ui import dialogs, prefs
from planmgr.ui.app import run_gui
from planmgr.ui.main_window import MainWindow
from tests.ui import sample_data as s

pytestmark = pytest.mark.gui

NAV_ZH = ["首页看板", "预案体系", "演练", "备案", "处置卡", "单位", "设置"]

# Slow to import; none of it is needed to paint the frame.
HEAVY = ["sqlalchemy", "sqlmodel", "planmgr.store.models", "qtawesome", "planmgr.ui.plans.page"]

FIRST_FRAME_SCRIPT = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow, QWidget
from planmgr.ui import app as app_module

HEAVY = {heavy!r}
seen = {{}}

def state(window):
    return {{
        "title": window.windowTitle(),
        "status": window.statusBar().currentMessage(),
        "nav": [window.nav.item(i).text() for i in range(window.nav.count())],
        "db_label": window.db_label.text(),
        "heavy": [name for name in HEAVY if name in sys.modules],
    }}

class Spy(QObject):
    def eventFilter(self, watched, event):
        if (
            "frame" not in seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            seen["frame"] = state(watched.window())
        return False

original = app_module._application

def with_spy(qt_args):
    application = original(qt_args)
    application._spy = Spy(application)
    application.installEventFilter(application._spy)
    return application

app_module._application = with_spy
app, window = app_module.start(["--db", {db!r}])
seen["started"] = state(window)
print(json.dumps(seen, ensure_ascii=False))
window.close()
"""


def run_script(script: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PLANMGR_HOME=str(home), QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_frame_is_painted_before_the_database_is_opened(tmp_path: Path, sample_db: Database) -> None:
    script = FIRST_FRAME_SCRIPT.format(heavy=HEAVY, db=str(sample_db.path))
    done = run_script(script, tmp_path / "home")
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    frame, started = seen["frame"], seen["started"]
    # What the user sees first: the real window, in Chinese, saying what it is doing.
    assert frame["title"] == "应急预案与演练管理"
    assert frame["status"] == "正在打开数据库……"
    assert frame["nav"] == NAV_ZH
    assert frame["db_label"] == ""
    assert frame["heavy"] == []  # painted before SQLAlchemy, the data model, pages, icons
    # Then the database is opened and the window completed on it.
    assert started["title"].endswith("— 应急预案与演练管理") and started["title"] != frame["title"]
    assert started["status"] == ""
    assert started["db_label"] == f"数据库：{sample_db.name}"
    assert "sqlalchemy" in started["heavy"]


def test_the_bench_first_paint_hook_writes_its_time_and_the_app_quits(tmp_path: Path, db_path: Path) -> None:
    stamp = tmp_path / "painted"
    script = f"from planmgr.ui.app import run_gui\nraise SystemExit(run_gui(['--db', {str(db_path)!r}]))\n"
    done = run_script(script, tmp_path / "home", PLANMGR_BENCH_FIRST_PAINT=str(stamp))
    assert done.returncode == 0, done.stderr  # quit by the hook once the event loop ran
    assert float(stamp.read_text(encoding="ascii")) > 0
    log = (tmp_path / "home" / "logs" / "planmgr.log").read_text(encoding="utf-8")
    assert log.index("main window frame shown") < log.index("main window shown")


def test_a_refused_database_is_explained_over_the_frame_which_then_goes_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp
) -> None:
    text = tmp_path / "预案.sqlite"
    text.write_text("这是一个文本文件，不是数据库。\n", encoding="utf-8")
    shown: list[tuple[str, str, bool, str, str]] = []

    def error(parent: QWidget | None, title: str, message: str, details: str | None = None) -> None:
        assert isinstance(parent, MainWindow)
        shown.append(
            (title, message, parent.isVisible(), parent.windowTitle(), parent.statusBar().currentMessage())
        )
        frames.append(parent)

    frames: list[MainWindow] = []
    monkeypatch.setattr(dialogs, "error", error)
    assert run_gui(["--db", str(text)]) == 3
    ((title, message, visible, window_title, status),) = shown
    assert (title, message) == ("无法打开数据库", f"该文件不是 planmgr 数据库：{text}")
    assert visible and window_title == "应急预案与演练管理" and status == "正在打开数据库……"
    assert not frames[0].isVisible()


def test_the_frame_waits_for_the_database_then_shows_the_chosen_page(qtbot, sample_db: Database) -> None:
    prefs.app_settings().setValue("window/page", "units")
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.nav.currentItem().text() == "单位"  # the page that will be shown is marked
    assert not window.open_action.isEnabled() and not window.refresh_action.isEnabled()
    assert window.quit_action.isEnabled()
    window.nav.setCurrentRow(6)  # a click on 设置 before the database is open
    assert window.pages.built() == {}

    window.attach_database(sample_db)

    assert window.current_page_key() == "settings"  # the user's click is honoured
    assert list(window.pages.built()) == ["settings"]
    assert window.open_action.isEnabled() and window.refresh_action.isEnabled()
    assert window.unit_label.text() == f"本单位：{s.CITY}"
    assert window.statusBar().currentMessage() == ""
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))
    file_menu = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert file_menu == [
        "新建数据库(&N)…",
        "打开数据库(&O)…",
        "最近打开(&R)",
        "导入台账(&I)…",
        "导出台账(&E)",
        "备份数据库(&B)",
        "恢复备份(&R)…",
        "备份设置(&S)…",
        "审计日志(&A)…",
        "退出(&X)",
    ]
    qtbot.waitUntil(lambda: not window.ops.busy)


def test_closing_the_frame_before_the_database_is_open_remembers_nothing(qtbot) -> None:
    settings = prefs.app_settings()
    settings.setValue("window/page", "drills")
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.nav.setCurrentRow(0)
    assert window.close()
    settings.sync()
    assert prefs.app_settings().value("window/page") == "drills"
