"""The main window on a database with a small plan system: what a user sees and does."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlmodel import func, select

from planmgr import paths
from planmgr.store.database import Database, open_database, session_scope
from planmgr.store.models import Plan, Unit
from planmgr.ui.main_window import MainWindow
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
    yield win


def menu_titles(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def column(model, parent: QModelIndex, col: int = 0) -> list[str]:
    return [model.index(r, col, parent).data() for r in range(model.rowCount(parent))]


def row_of(model, parent: QModelIndex, title: str) -> QModelIndex:
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        if index.data() == title:
            return index
    raise AssertionError(f"{title} not among {column(model, parent)}")


def test_window_shows_chinese_navigation_menus_and_status(window: MainWindow, sample_db: Database) -> None:
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav == NAVIGATION
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))
    assert menu_titles(window) == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert window.open_action.text() == "打开数据库(&O)…"
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.refresh_action.shortcut().toString() == "F5"
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


def test_plan_tree_shows_top_plans_and_fetches_children_on_expand(window: MainWindow, qtbot) -> None:
    window.nav.setCurrentRow(NAVIGATION.index("预案体系"))
    page = window.pages["plans"]
    assert window.stack.currentWidget() is page
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["预案名称", "类别", "状态", "编制单位", "版本"]
    root = QModelIndex()
    assert column(model, root) == [s.OVERALL]
    overall = model.index(0, 0)
    assert [model.index(0, c).data() for c in range(5)] == [
        s.OVERALL,
        "总体应急预案",
        "已发布",
        s.CITY,
        "2.0",
    ]
    assert model.hasChildren(overall) and model.rowCount(overall) == 0  # nothing read before expanding

    page.view.expand(overall)
    qtbot.waitUntil(lambda: model.rowCount(overall) == 4)
    assert column(model, overall) == [s.WORK_SAFETY, s.FLOOD, s.DEPARTMENT, s.TOWN_PLAN]
    assert column(model, overall, 2) == ["已发布", "修订中", "编制中", "已发布"]
    assert column(model, overall, 4) == ["1.0", "1.0", "未发布", "1.0"]
    flood_status = model.index(1, 2, overall)
    assert flood_status.data(Qt.ItemDataRole.ForegroundRole).name().upper() == "#F29900"

    town = row_of(model, overall, s.TOWN_PLAN)
    page.view.expand(town)
    qtbot.waitUntil(lambda: model.rowCount(town) == 3)
    assert column(model, town) == [*s.VILLAGE_PLANS, s.ENTERPRISE_PLAN]
    assert column(model, town, 3)[-1] == "青山化工有限公司"
    enterprise = row_of(model, town, s.ENTERPRISE_PLAN)
    page.view.expand(enterprise)
    qtbot.waitUntil(lambda: model.rowCount(enterprise) == 2)
    assert column(model, enterprise, 1) == ["现场处置方案", "现场处置方案"]


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


@pytest.mark.parametrize(
    ("key", "heading"),
    [
        ("drills", "尚无演练记录"),
        ("filings", "尚无备案记录"),
        ("cards", "这里还没有处置卡"),
        ("settings", "设置暂不能在此修改"),
    ],
)
def test_pages_not_built_yet_say_what_comes_and_what_to_do(
    window: MainWindow, key: str, heading: str, qtbot
) -> None:
    window.show_page(key)
    page = window.pages[key]
    assert page.empty.isVisible()
    assert page.empty.title_label.text() == heading
    assert "planmgr" in page.empty.hint_label.text()  # the command to use meanwhile
    hint = page.empty.hint_label
    qtbot.waitUntil(lambda: hint.height() >= hint.heightForWidth(hint.width()))  # every line shows


def test_empty_database_shows_empty_states(qtbot, database: Database) -> None:
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    assert win.pages["dashboard"].empty.isVisible()
    assert win.unit_label.text() == "本单位：尚未登记"
    win.show_page("plans")
    plans = win.pages["plans"]
    assert plans.empty.isVisible() and not plans.view.isVisible()
    assert plans.empty.title_label.text() == "尚无预案"
    win.show_page("units")
    assert win.pages["units"].empty.title_label.text() == "尚无单位"


def test_refresh_reads_new_plans(window: MainWindow, sample_db: Database, qtbot) -> None:
    window.show_page("plans")
    model = window.pages["plans"].model
    assert model.rowCount() == 1
    with session_scope(sample_db.engine) as session:
        city = session.exec(select(Unit).where(Unit.name == s.CITY)).one()
        session.add(Plan(title="青山市森林火灾应急预案", category="special", owner_unit_id=city.id))
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert column(model, QModelIndex()) == [s.OVERALL, "青山市森林火灾应急预案"]


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


def test_about_goes_through_the_dialogs_helper(window: MainWindow, fake_dialogs: FakeDialogs) -> None:
    window.about_action.trigger()
    (about,) = fake_dialogs.of_kind("inform")
    assert about.title == "关于 planmgr"
    assert "应急预案与演练管理" in about.text
    assert window.database.name in about.text


def test_log_folder_opens_in_the_file_manager(window: MainWindow, fake_dialogs: FakeDialogs) -> None:
    window.logs_action.trigger()
    assert fake_dialogs.opened_folders == [paths.user_log_dir()]


def test_open_database_switches_and_is_remembered(
    window: MainWindow, qtbot, fake_dialogs: FakeDialogs, template_db: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    shutil.copyfile(template_db, other)
    fake_dialogs.files.append(other)
    window.show_page("plans")
    with qtbot.waitSignal(window.database_changed, timeout=10_000):
        window.open_action.trigger()
    assert window.database.path == other.resolve()
    assert window.db_label.text() == f"数据库：{other.resolve()}"
    assert window.pages["plans"].empty.isVisible()  # the other database has no plans
    window.recent_menu.aboutToShow.emit()
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent[0] == str(other.resolve())
    # back to the first one through 最近打开
    first = next(a for a in window.recent_menu.actions() if a.isEnabled())
    with qtbot.waitSignal(window.database_changed, timeout=10_000):
        first.trigger()
    assert window.pages["plans"].model.rowCount() == 1


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


def test_recent_menu_is_calm_when_empty(window: MainWindow) -> None:
    window.settings.remove("recent/databases")
    window.recent_menu.aboutToShow.emit()
    (only,) = window.recent_menu.actions()
    assert only.text() == "（暂无）" and not only.isEnabled()
