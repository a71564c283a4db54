"""The main window on a database with a small plan system: navigation, menus and shortcuts,
pages that talk to each other, new/open/recent databases, backup, remembered state."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlmodel import func, select

from planmgr import paths
from planmgr.services import settings, units
from planmgr.store.database import Database, open_database, session_scope
from planmgr.store.models import Plan, Unit
from planmgr.ui import prefs
from planmgr.ui.main_window import MainWindow
from planmgr.ui.new_database import NewDatabaseDialog
from planmgr.ui.ops import OpRunner, OpState
from tests.ui import sample_data as s
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui

NAVIGATION = ["首页看板", "预案体系", "演练", "备案", "处置卡", "单位", "设置"]


@pytest.fixture
def window(qtbot, sample_db: Database) -> Iterator[MainWindow]:
    win = MainWindow(sample_db, ops=OpRunner(show_progress_after_ms=0))
    win.ops.widget = win
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    dashboard = win.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.data is not None and not dashboard.busy_label.isVisibleTo(win))
    yield win


def menu_titles(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def menu_items(win: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in win.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def column(model, parent: QModelIndex, col: int = 0) -> list[str]:
    return [model.index(r, col, parent).data() for r in range(model.rowCount(parent))]


def test_window_shows_chinese_navigation_menus_and_status(window: MainWindow, sample_db: Database) -> None:
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav == NAVIGATION
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))
    assert menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert menu_items(window, "文件(&F)") == [
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
    assert menu_items(window, "编辑(&E)") == ["查找(&F)", "保存(&S)"]
    assert menu_items(window, "帮助(&H)") == ["打开用户手册(&U)", "打开日志文件夹(&L)", "关于 planmgr(&A)"]
    shortcuts = {
        action.text(): action.shortcut().toString()
        for action in (
            window.new_action,
            window.open_action,
            window.quit_action,
            window.find_action,
            window.save_action,
            window.refresh_action,
        )
    }
    assert shortcuts == {
        "新建数据库(&N)…": "Ctrl+Shift+N",
        "打开数据库(&O)…": "Ctrl+O",
        "退出(&X)": "Ctrl+Q",
        "查找(&F)": "Ctrl+F",
        "保存(&S)": "Ctrl+S",
        "刷新(&R)": "F5",
    }
    assert window.db_label.text() == f"数据库：{sample_db.name}"
    assert window.unit_label.text() == f"本单位：{s.CITY}"
    assert "应急预案与演练管理" in window.windowTitle()
    assert window.current_page_key() == "dashboard"


def test_dashboard_counts_plans_by_status(window: MainWindow) -> None:
    page = window.pages["dashboard"]
    assert page.plans.number.text() == "10"
    assert page.units.number.text() == "7"
    assert page.by_status["published"].number.text() == "6"
    assert page.by_status["published"].caption.text() == "已发布"


def test_units_page_shows_the_unit_hierarchy(window: MainWindow, qtbot) -> None:
    window.show_page("units")
    page = window.pages["units"]
    model = page.model
    assert column(model, QModelIndex()) == [s.CITY]
    city = model.index(0, 0)
    page.view.expand(city)
    qtbot.waitUntil(lambda: model.rowCount(city) == 3)
    assert column(model, city) == ["青山市应急管理局", "青山市水利局", "河口镇人民政府"]
    assert column(model, city, 1) == ["政府部门", "政府部门", "乡镇（街道）"]
    town = model.index(2, 0, city)
    page.view.expand(town)
    qtbot.waitUntil(lambda: model.rowCount(town) == 3)
    assert column(model, town, 1) == ["村（社区）", "村（社区）", "企业"]


def test_find_and_save_go_to_the_current_page(window: MainWindow) -> None:
    calls: list[str] = []
    window.show_page("units")
    window.pages["units"].focus_search = lambda: calls.append("units: find")
    assert window.find_action.isEnabled() and not window.save_action.isEnabled()
    window.find_action.trigger()
    window.show_page("settings")
    window.pages["settings"].save = lambda: calls.append("settings: save")
    window.show_page("units")
    window.show_page("settings")  # enabled states follow the page shown
    assert window.save_action.isEnabled()
    window.save_action.trigger()
    assert calls == ["units: find", "settings: save"]


def test_a_plan_opened_elsewhere_is_shown_on_the_plans_page(window: MainWindow, sample_db: Database) -> None:
    shown: list[str] = []
    window.pages["plans"].show_plan = shown.append
    with session_scope(sample_db.engine) as session:
        uid = session.exec(select(Plan.uid).where(Plan.title == s.TOWN_PLAN)).one()
    window.pages["units"].open_plan.emit(uid)  # double-clicked in a unit's plan list
    assert window.current_page_key() == "plans"
    assert shown == [uid]


def test_a_unit_opened_from_the_dashboard_is_selected_on_the_units_page(
    window: MainWindow, sample_db: Database
) -> None:
    (chem,) = units.find_units(sample_db.engine, name_contains="青山化工")
    window.pages["dashboard"].open_unit.emit(chem.uid)
    assert window.current_page_key() == "units"
    assert window.pages["units"].view.currentIndex().data() == "青山化工有限公司"


def test_a_new_unit_shows_on_the_dashboard_next_time(qtbot, window: MainWindow) -> None:
    window.show_page("units")
    editor = window.pages["units"].new_unit()
    editor.name.setText("青山市气象局")
    editor.kind.setCurrentIndex(editor.kind.findText("政府部门"))
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(
            editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    dashboard = window.pages["dashboard"]
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        window.show_page("dashboard")
    assert dashboard.units.number.text() == "8"


def test_empty_database_shows_empty_states(qtbot, database: Database) -> None:
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    dashboard = win.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.data is not None)
    assert dashboard.empty.isVisible()
    assert win.unit_label.text() == "本单位：尚未登记"
    win.show_page("units")
    assert win.pages["units"].empty.title_label.text() == "尚无单位"
    win.show_page("settings")
    assert win.pages["settings"].identity_label.text() == "本数据库尚未登记本单位，请在下面选择。"


def test_refresh_reads_new_units(window: MainWindow, sample_db: Database, qtbot) -> None:
    window.show_page("units")
    model = window.pages["units"].model
    assert model.rowCount() == 1
    with session_scope(sample_db.engine) as session:
        session.add(Unit(name="邻市人民政府", kind="city"))
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert set(column(model, QModelIndex())) == {s.CITY, "邻市人民政府"}


def test_new_database_from_the_menu(
    qtbot, window: MainWindow, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    target = tmp_path / "河口镇.sqlite"
    fake_dialogs.files.append(target.with_suffix(""))  # typed without the suffix
    window.new_action.trigger()
    dialog = window.new_database_dialog
    assert isinstance(dialog, NewDatabaseDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "新建数据库"
    dialog.browse()
    assert dialog.file.text() == str(target)
    dialog.uscc.setText("91440783MA4UJ2XQ8K")
    assert dialog.uscc_hint.text() == "统一社会信用代码校验位错误：91440783MA4UJ2XQ8K"
    dialog.kind.setCurrentIndex(dialog.kind.findText("乡镇（街道）"))
    assert dialog.mode.text() == "应急管理部门"
    with qtbot.waitSignal(window.ops.finished, timeout=10_000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "单位名称不能为空"
    assert not target.exists() and window.database.path != target

    dialog.unit_name.setText("河口镇人民政府")
    with qtbot.waitSignal(window.ops.finished, timeout=10_000):
        dialog.create_button.click()
    assert "校验位错误" in dialog.message.text()
    dialog.uscc.clear()
    with qtbot.waitSignal(window.database_changed, timeout=10_000):
        dialog.create_button.click()
    assert window.database.path == target.resolve()
    assert window.unit_label.text() == "本单位：河口镇人民政府"
    assert settings.get_identity(window.database.engine).mode.value == "office"
    assert prefs.recent_databases(window.settings)[0] == str(target.resolve())
    qtbot.waitUntil(lambda: not dialog.isVisible())

    window.new_action.trigger()  # the same file again is refused
    again = window.new_database_dialog
    again.file.setText(str(target))
    again.unit_name.setText("别的单位")
    again.create_button.click()
    assert again.message.text().startswith(f"文件 {target} 已存在")


def test_backup_menu_writes_a_backup_in_the_background(
    window: MainWindow, qtbot, fake_dialogs: FakeDialogs
) -> None:
    assert window.backup_action.text() == "备份数据库(&B)"
    with qtbot.waitSignal(window.ops.finished, timeout=10_000) as blocker:
        window.backup_action.trigger()
    op = blocker.args[0]
    assert op.state is OpState.SUCCEEDED
    backups = list(paths.backups_dir().glob("*.sqlite"))
    assert backups == [op.result]
    check = open_database(backups[0], read_only=True)
    try:
        with session_scope(check.engine) as session:
            assert session.exec(select(func.count()).select_from(Plan)).one() == 11  # deleted one too
    finally:
        check.dispose()
    (informed,) = fake_dialogs.of_kind("inform")
    assert informed.title == "备份完成"
    assert str(op.result) in informed.text


def test_backup_failure_is_shown_in_chinese(
    window: MainWindow, qtbot, fake_dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    monkeypatch.setattr(paths, "backups_dir", lambda: blocked)
    with qtbot.waitSignal(window.ops.finished, timeout=10_000) as blocker:
        window.backup_action.trigger()
    assert blocker.args[0].state is OpState.FAILED
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "操作失败"
    assert error.text.startswith("“备份数据库”未完成。")
    assert not fake_dialogs.of_kind("inform")


def test_about_shows_the_open_database_without_a_modal(window: MainWindow, fake_dialogs: FakeDialogs) -> None:
    window.about_action.trigger()
    dialog = window.about_dialog
    assert dialog.windowTitle() == "关于 planmgr"
    assert "应急预案与演练管理" in dialog.title.text()
    assert dialog.database.text() == window.database.name
    assert not fake_dialogs.calls
    dialog.reject()


def test_log_folder_opens_in_the_file_manager(window: MainWindow, fake_dialogs: FakeDialogs) -> None:
    window.logs_action.trigger()
    assert fake_dialogs.opened_folders == [paths.user_log_dir()]


def test_open_database_switches_and_is_remembered(
    window: MainWindow, qtbot, fake_dialogs: FakeDialogs, template_db: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    shutil.copyfile(template_db, other)
    fake_dialogs.files.append(other)
    window.show_page("units")
    with qtbot.waitSignal(window.database_changed, timeout=10_000):
        window.open_action.trigger()
    assert window.database.path == other.resolve()
    assert window.db_label.text() == f"数据库：{other.resolve()}"
    assert window.pages["units"].empty.isVisible()  # the other database has no units
    window.recent_menu.aboutToShow.emit()
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent[0] == str(other.resolve())
    assert not window.recent_menu.actions()[0].isEnabled()  # the one open now
    # back to the first one through 最近打开
    first = next(a for a in window.recent_menu.actions() if a.isEnabled())
    with qtbot.waitSignal(window.database_changed, timeout=10_000):
        first.trigger()
    assert window.pages["units"].model.rowCount() == 1


def test_opening_a_file_that_is_not_a_database_keeps_the_current_one(
    window: MainWindow, qtbot, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("这不是数据库", encoding="utf-8")
    fake_dialogs.files.append(text)
    before = window.database
    with qtbot.waitSignal(window.ops.finished, timeout=10_000):
        window.open_action.trigger()
    (error,) = fake_dialogs.of_kind("error")
    assert "不是 planmgr 数据库" in error.text
    assert window.database is before


def test_cancelled_file_chooser_changes_nothing(window: MainWindow, fake_dialogs: FakeDialogs) -> None:
    fake_dialogs.files.append(None)
    before = window.database
    window.open_action.trigger()
    assert window.database is before
    assert not window.ops.busy


def test_window_geometry_and_page_are_remembered(qtbot, sample_db: Database, db_path: Path) -> None:
    first = MainWindow(sample_db)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 560)
    first.show_page("units")
    first.close()
    second = MainWindow(open_database(db_path))
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (780, 560)
    assert second.current_page_key() == "units"
    assert Path(second.settings.fileName()) == paths.user_config_dir() / "planmgr.ini"  # under tmp
    assert prefs.last_database(second.settings) == db_path.resolve()


def test_closing_during_a_background_read_does_not_ask(
    qtbot, sample_db: Database, fake_dialogs: FakeDialogs
) -> None:
    win = MainWindow(sample_db, ops=OpRunner(show_progress_after_ms=0))
    qtbot.addWidget(win)
    win.show()
    win.refresh()  # the dashboard reads in the background
    assert win.ops.busy
    assert win.close()
    assert not fake_dialogs.of_kind("ask")


def test_recent_menu_is_calm_when_empty(window: MainWindow) -> None:
    window.settings.remove("recent/databases")
    window.recent_menu.aboutToShow.emit()
    (only,) = window.recent_menu.actions()
    assert only.text() == "（暂无）" and not only.isEnabled()
