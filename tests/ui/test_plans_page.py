"""The 预案体系 page as a user meets it: the tree, the detail panel, the context menu,
instant search (火, 地震), the filters, shortcuts, refresh, review and abolish."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from planmgr.domain.enums import EventType, PlanCategory, PlanStatus
from planmgr.services import plans
from planmgr.services.plans import PlanDraft
from planmgr.store.database import Database
from planmgr.ui import theme
from planmgr.ui.models.lazy_tree import UID_ROLE
from planmgr.ui.plans.editor import PlanEditorDialog
from tests.ui.conftest import FakeDialogs
from tests.ui.test_plans_data import (
    CARD,
    FIRM_PLAN,
    FOREST_FIRE,
    OVERALL,
    QUAKE,
    TOWN_PLAN,
    build_system,
    open_page,
    run_op,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def system(database: Database) -> dict[str, str]:
    return build_system(database)


@pytest.fixture
def page(qtbot: Any, database: Database, system: dict[str, str]) -> Iterator[Any]:
    yield from open_page(qtbot, database)


def titles(model: Any, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def tree_row(page: Any, uid: str) -> list[str]:
    index = page.model.index_of_uid(uid)
    return [index.siblingAtColumn(c).data() for c in range(page.model.columnCount())]


def test_tree_detail_and_context_menu(page: Any, system: dict[str, str], qtbot: Any) -> None:
    assert titles(page.model) == [OVERALL]
    assert page.reveal(system["firm_plan"])  # opens overall → town plan → the enterprise's plan
    overall = page.model.index_of_uid(system["overall"])
    assert titles(page.model, overall) == [QUAKE, FOREST_FIRE, TOWN_PLAN]
    assert tree_row(page, system["forest"])[1:] == ["专项应急预案", "编制中", "开平市应急管理局", "未发布"]
    assert page.selected_uid() == system["firm_plan"]
    qtbot.waitUntil(lambda: page.detail.title.text() == FIRM_PLAN)
    facts = page.detail.facts.text()
    assert "综合应急预案" in facts and "开平市甲化工有限公司" in facts and TOWN_PLAN in facts
    assert "1.0（2024-01-10） 开府〔2024〕1号" in facts

    menu = page.context_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "新建下级预案…",
        "编辑…",
        "提交评审",
        "发布…",
        "启动修订…",
        "废止…",
        "记录评估…",
        "评估记录",
        "版本历史…",
        "审计记录…",
    ]
    enabled = {a.text() for a in menu.actions() if a.isEnabled() and not a.isSeparator()}
    assert "启动修订…" in enabled and "发布…" not in enabled and "提交评审" not in enabled  # published

    page.view.setCurrentIndex(page.model.index_of_uid(system["forest"]))
    enabled = {a.text() for a in page.context_menu().actions() if a.isEnabled()}
    assert "提交评审" in enabled and "启动修订…" not in enabled  # a draft


def test_double_click_opens_the_editor(page: Any, system: dict[str, str], qtbot: Any) -> None:
    page.reveal(system["quake"])
    index = page.view.currentIndex()
    qtbot.waitUntil(lambda: page.view.visualRect(index).isValid())
    rect = page.view.visualRect(index)
    # A real double-click: press and release, then the double-click event.
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = page.actions.dialog
    assert isinstance(editor, PlanEditorDialog) and editor.isVisible()
    assert editor.title_edit.text() == QUAKE
    assert editor.windowTitle() == "编辑预案"
    editor.reject()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter opens it too
    assert page.actions.dialog is not editor and page.actions.dialog.title_edit.text() == QUAKE
    page.actions.dialog.reject()


def search(page: Any, qtbot: Any, text: str) -> list[str]:
    page.search.setText(text)  # as typed; the search runs after a short pause
    qtbot.waitUntil(lambda: page.in_results() and not page.filters.timer.isActive())
    return page.result_titles()


def test_search_finds_two_and_one_character_terms_and_card_hits(
    page: Any, system: dict[str, str], qtbot: Any
) -> None:
    assert search(page, qtbot, "地震") == [QUAKE]
    assert page.status_line.text() == "找到 1 个预案。双击可编辑。"
    found = search(page, qtbot, "火")
    assert sorted(found) == sorted([FOREST_FIRE, FIRM_PLAN])
    row = found.index(FIRM_PLAN)
    match = page.results_proxy.index(row, 5).data()
    assert match.startswith(f"处置卡“{CARD}”：") and "[火]" in match  # the card hit shows its plan
    assert search(page, qtbot, "不存在的词") == []
    assert page.status_line.text() == "没有符合条件的预案。请减少搜索字数或清除筛选条件。"
    page.search.clear()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.view)
    assert titles(page.model) == [OVERALL]


def test_a_search_hit_opens_in_the_editor_and_can_be_acted_on(
    page: Any, system: dict[str, str], qtbot: Any
) -> None:
    search(page, qtbot, "地震")
    assert page.selected_uid() == system["quake"]  # the first hit is selected
    qtbot.waitUntil(lambda: page.detail.title.text() == QUAKE)
    page.act_edit.trigger()
    assert page.actions.dialog.title_edit.text() == QUAKE
    page.actions.dialog.reject()


def test_filters_replace_the_tree_with_matching_plans(page: Any, system: dict[str, str], qtbot: Any) -> None:
    page.set_filter(category=PlanCategory.SPECIAL)
    assert page.in_results()
    assert sorted(page.result_titles()) == sorted([QUAKE, FOREST_FIRE])
    page.set_filter(status=PlanStatus.DRAFTING)
    assert page.result_titles() == [FOREST_FIRE]
    page.clear_filters()
    assert not page.in_results()

    page.set_filter(unit_uid=system["town"])  # the town and the units under it
    assert page.result_titles() == [TOWN_PLAN, FIRM_PLAN]
    page.set_filter(event_type=EventType.EARTHQUAKE)
    assert page.result_titles() == []
    page.filters.clear_button.click()
    page.set_filter(event_type=EventType.EARTHQUAKE)
    assert page.result_titles() == [QUAKE]
    status = page.results_proxy.index(0, 2)
    assert status.data() == "已发布"
    assert status.data(Qt.ItemDataRole.ForegroundRole).name().upper() == theme.OK
    page.set_filter(category=PlanCategory.OVERALL)
    search(page, qtbot, "地震")  # search and filters together
    assert page.result_titles() == []


def test_ctrl_f_focuses_the_search_and_ctrl_n_opens_a_new_plan(
    page: Any, system: dict[str, str], qtbot: Any
) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.reveal(system["overall"])
    page.view.setFocus()
    qtbot.keySequence(page.view, QKeySequence("Ctrl+F"))
    assert page.search.hasFocus()
    page.view.setFocus()
    qtbot.keySequence(page.view, QKeySequence("Ctrl+N"))
    editor = page.actions.dialog
    assert isinstance(editor, PlanEditorDialog) and editor.windowTitle() == "新建预案"
    assert editor.parent_label.text() == f"{OVERALL}（总体应急预案）"  # proposed under the selection
    editor.reject()


def test_refresh_keeps_the_tree_open_and_shows_new_plans(
    page: Any, system: dict[str, str], database: Database, qtbot: Any
) -> None:
    page.reveal(system["firm_plan"])
    plans.create_plan(
        database.engine,
        PlanDraft("开平市甲化工有限公司储罐区泄漏现场处置方案", PlanCategory.ENT_ONSITE, system["firm"],
                  parent_uid=system["firm_plan"]),
    )  # fmt: skip
    page.refresh()
    town = page.model.index_of_uid(system["town_plan"])
    assert page.view.isExpanded(page.model.index_of_uid(system["overall"])) and page.view.isExpanded(town)
    assert page.selected_uid() == system["firm_plan"]
    firm = page.model.index_of_uid(system["firm_plan"])
    assert page.model.hasChildren(firm)  # the new plan under it


def test_send_for_review_then_abolish_after_confirming(
    page: Any, system: dict[str, str], qtbot: Any, fake_dialogs: FakeDialogs
) -> None:
    page.reveal(system["forest"])
    run_op(qtbot, page, page.act_review.trigger)
    assert tree_row(page, system["forest"])[2] == "评审中"
    assert page.selected_uid() == system["forest"]

    fake_dialogs.answers.append(False)
    page.act_abolish.trigger()
    assert not page.ops.busy  # said no: nothing happens
    fake_dialogs.answers.append(True)
    run_op(qtbot, page, page.act_abolish.trigger)
    (first, second) = fake_dialogs.of_kind("ask")
    assert second.title == "废止预案" and f"确定废止“{FOREST_FIRE}”吗？" in second.text
    assert tree_row(page, system["forest"])[2] == "已废止"
    assert not page.act_abolish.isEnabled()


def test_a_refused_step_says_why(page: Any, system: dict[str, str], fake_dialogs: FakeDialogs) -> None:
    page.reveal(system["quake"])
    page.actions.send_for_review(system["quake"])  # e.g. from an outdated menu
    (message,) = fake_dialogs.of_kind("inform")
    assert message.text == "预案当前状态为“已发布”，不能提交评审（只有编制中、修订中的预案可以）"


def test_show_plan_from_another_page_clears_the_search(page: Any, system: dict[str, str], qtbot: Any) -> None:
    search(page, qtbot, "地震")
    assert page.show_plan(system["firm_plan"])
    assert not page.in_results() and page.search.text() == ""
    assert page.view.currentIndex().data(UID_ROLE) == system["firm_plan"]


def test_empty_database_says_how_to_start(qtbot: Any, database: Database) -> None:
    from planmgr.ui.ops import OpRunner
    from planmgr.ui.plans.page import PlansPage

    empty_page = PlansPage(OpRunner())
    qtbot.addWidget(empty_page)
    empty_page.setMinimumSize(1000, 600)
    empty_page.show()
    empty_page.set_engine(database.engine)
    assert empty_page.empty.isVisible() and not empty_page.view.isVisible()
    assert empty_page.empty.title_label.text() == "尚无预案"
    assert "新建预案" in empty_page.empty.hint_label.text()
    assert empty_page.act_new.isEnabled() and not empty_page.act_edit.isEnabled()


def test_a_key_the_window_menu_already_has_is_left_to_it(qtbot: Any, database: Database) -> None:
    """In the main window 编辑 › 查找 (Ctrl+F) calls ``focus_search``: the page must not
    register the same key too, or Qt finds both ambiguous and does nothing."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    from planmgr.ui.ops import OpRunner
    from planmgr.ui.plans.page import PlansPage

    window = QMainWindow()
    window.setMinimumSize(1000, 600)
    qtbot.addWidget(window)
    inner = PlansPage(OpRunner())
    find = QAction("查找", window)
    find.setShortcut(QKeySequence("Ctrl+F"))
    find.triggered.connect(inner.focus_search)
    window.menuBar().addMenu("编辑").addAction(find)
    window.setCentralWidget(inner)
    window.show()
    qtbot.waitExposed(window)
    inner.set_engine(database.engine)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert inner.act_find.shortcut().isEmpty()  # yielded to the window's action
    assert inner.act_new.shortcut().toString() == "Ctrl+N"  # nobody else has this one here
    inner.view.setFocus()
    qtbot.keySequence(inner.view, QKeySequence("Ctrl+F"))  # a Qt warning here would fail the test
    assert inner.search.hasFocus()
