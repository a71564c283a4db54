"""处置卡 page: the card list with stale cards marked, filters, delete, bring up to date,
and every item model checked by qtmodeltester. The world built here is shared with the
editor and print-centre tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlmodel import select

from planmgr.domain.enums import DatabaseMode
from planmgr.services import cards, plans
from planmgr.services.cards import CardContactData, CardInput, CardStepData
from planmgr.services.settings import set_identity
from planmgr.store.database import Database, open_database, session_scope
from planmgr.store.models import HandlingCard
from planmgr.ui import theme
from planmgr.ui.cards.models import (
    STALE_TINT,
    CardFilterProxy,
    CardTableModel,
    ContactsModel,
    StepsModel,
)
from planmgr.ui.cards.page import CardsPage
from planmgr.ui.ops import OpRunner
from tests.factories import add_version, make_plan, make_unit
from tests.ui.conftest import FakeDialogs

pytestmark = pytest.mark.gui

TOWN = "赤坎镇人民政府"
COMPANY = "开平市某化工有限公司"
OTHER = "开平市某燃气有限公司"
TANK_PLAN = "储罐区泄漏现场处置方案"
GAS_PLAN = "燃气泄漏现场处置方案"
TANK_CARD = "储罐区泄漏应急处置卡"
LOADING_CARD = "装卸区泄漏应急处置卡"
GAS_CARD = "燃气泄漏应急处置卡"

ONSITE = {
    "scope": "储罐区储存甲醇、液氨，阀门法兰泄漏可能引发火灾爆炸和中毒。",
    "work_groups": [
        {"name": "现场处置组", "lead": "当班班长", "members": "操作工", "duties": "关阀堵漏"},
        {"name": "警戒疏散组", "lead": "安全员", "members": "保安", "duties": "设警戒区、疏散人员"},
    ],
    "procedure": [
        {
            "step": "报警",
            "action": "发现泄漏立即报告当班班长",
            "responsible": "发现人",
            "time_limit": "1分钟内",
        },
        {"step": "关阀", "action": "关闭进料阀ZV-101", "responsible": "现场处置组", "time_limit": ""},
        {"step": "疏散", "action": "疏散下风向人员", "responsible": "警戒疏散组", "time_limit": "5分钟内"},
    ],
    "precautions": ["佩戴正压式空气呼吸器", "严禁使用铁质工具"],
    "contacts": [{"name": "公司应急办", "role": "值班", "phone": "0750-2212345"}],
}
REVISED = {
    **ONSITE,
    "procedure": [
        {"step": "报警", "action": "发现泄漏立即报告中控室", "responsible": "发现人", "time_limit": "立即"},
        {
            "step": "停泵",
            "action": "停止装卸泵并关闭紧急切断阀",
            "responsible": "现场处置组",
            "time_limit": "",
        },
    ],
    "precautions": ["进入现场必须两人以上"],
}


@dataclass
class World:
    database: Database
    uids: dict[str, str]

    @property
    def engine(self):  # noqa: ANN201 - an Engine
        return self.database.engine

    def __getitem__(self, name: str) -> str:
        return self.uids[name]


def card_input(
    world: World, title: str, post: str, *, unit: str = COMPANY, plan: str | None = TANK_PLAN
) -> CardInput:
    return CardInput(
        title=title,
        unit_uid=world[unit],
        plan_uid=world[plan] if plan else None,
        post=post,
        risks="甲醇泄漏",
        precautions="佩戴呼吸器",
        steps=(
            CardStepData("报告班长", "操作工"),
            CardStepData("关闭进料阀", "操作工"),
            CardStepData("疏散人员", "安全员"),
        ),
        contacts=(CardContactData("火警", "119", True), CardContactData("公司应急办", "0750-2212345")),
        number=f"CZK-{len(title):03d}",
        issued_date=date(2025, 3, 2),
    )


def build_world(database: Database) -> World:
    town = make_unit(database, TOWN, "town", duty_phone="0750-2612345")
    company = make_unit(database, COMPANY, parent=town, duty_phone="0750-2288001")
    other = make_unit(database, OTHER, parent=town, duty_phone="0750-2299001")
    tank = make_plan(database, company, TANK_PLAN, "ent_onsite", content=ONSITE)
    add_version(database, tank, label="1.0", published=date(2025, 3, 1), content=ONSITE)
    gas = make_plan(database, other, GAS_PLAN, "ent_onsite", content=ONSITE)
    add_version(database, gas, label="1.0", published=date(2025, 3, 1), content=ONSITE)
    set_identity(database.engine, company.uid, DatabaseMode.ENTERPRISE)
    world = World(
        database,
        {TOWN: town.uid, COMPANY: company.uid, OTHER: other.uid, TANK_PLAN: tank.uid, GAS_PLAN: gas.uid},
    )
    for title, post, unit, plan in (
        (TANK_CARD, "储罐区操作工", COMPANY, TANK_PLAN),
        (LOADING_CARD, "装卸工", COMPANY, TANK_PLAN),
        (GAS_CARD, "调压站值班员", OTHER, GAS_PLAN),
    ):
        world.uids[title] = cards.create_card(
            database.engine, card_input(world, title, post, unit=unit, plan=plan)
        ).uid
    return world


def publish_revision(world: World, plan: str = TANK_PLAN, label: str = "2.0") -> None:
    """The plan is revised and publishes a new version, as a user does on the plans page."""
    uid = world[plan]
    plans.start_revision(world.engine, uid)
    plans.update_plan(world.engine, uid, expected_row_version=None, content=REVISED)
    plans.publish(world.engine, uid, plans.PublishInfo(label, date(2025, 9, 1)))


def open_world(db_path) -> Iterator[World]:  # noqa: ANN001
    """The world on a fresh database, closed afterwards (the body of the ``world`` fixtures)."""
    database = open_database(db_path)
    yield build_world(database)
    database.dispose()


@pytest.fixture
def world(db_path) -> Iterator[World]:  # noqa: ANN001
    yield from open_world(db_path)


def make_page(qtbot, engine) -> CardsPage:  # noqa: ANN001
    ops = OpRunner(show_progress_after_ms=0)
    page = CardsPage(ops)
    ops.widget = page
    qtbot.addWidget(page)
    page.setMinimumSize(900, 600)  # as in the main window: the layout must not resize a shown window
    page.resize(1280, 740)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_engine(engine)
    return page


def reload(page: CardsPage, qtbot) -> None:  # noqa: ANN001
    """F5: the cards are read again in the background."""
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()


def open_page(qtbot, world: World) -> Iterator[CardsPage]:  # noqa: ANN001
    """The page on the world, its jobs finished afterwards (the body of the ``page`` fixtures)."""
    page = make_page(qtbot, world.engine)
    yield page
    page.ops.shutdown(10_000)
    if page.editor is not None:
        page.editor._dirty = False
        page.editor.reject()


@pytest.fixture
def page(qtbot, world: World) -> Iterator[CardsPage]:  # noqa: ANN001
    yield from open_page(qtbot, world)


def shown_titles(page: CardsPage) -> list[str]:
    return [page.proxy.index(row, CardTableModel.TITLE).data() for row in range(page.proxy.rowCount())]


def row_of(page: CardsPage, title: str) -> int:
    titles = shown_titles(page)
    assert title in titles, titles
    return titles.index(title)


def cell(page: CardsPage, title: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return page.proxy.index(row_of(page, title), column).data(role)


def select_titles(page: CardsPage, *titles: str) -> None:
    page.select({page.proxy.index(row_of(page, t), 0).data(Qt.ItemDataRole.UserRole + 1) for t in titles})


# --- the list ---------------------------------------------------------------------------


def test_list_shows_cards_by_unit_with_chinese_headings(page: CardsPage) -> None:
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())]
    assert headers == ["处置卡", "编号", "岗位", "场所", "单位", "预案", "版本", "发布日期", "状态"]
    assert page.tabs.tabText(0) == "处置卡列表" and page.tabs.tabText(1) == "打印中心"
    assert sorted(shown_titles(page)) == sorted([TANK_CARD, LOADING_CARD, GAS_CARD])
    assert cell(page, TANK_CARD, CardTableModel.POST) == "储罐区操作工"
    assert cell(page, TANK_CARD, CardTableModel.PLAN) == TANK_PLAN
    assert cell(page, TANK_CARD, CardTableModel.STATUS) == "现行"
    assert page.count_label.text() == "显示 3 张，共 3 张处置卡"
    assert page.stack.currentWidget() is page.table


def test_stale_cards_are_marked_after_the_plan_publishes_a_new_version(
    page: CardsPage, world: World, qtbot
) -> None:
    publish_revision(world)
    reload(page, qtbot)  # F5
    for title in (TANK_CARD, LOADING_CARD):
        assert cell(page, title, CardTableModel.STATUS) == "预案已更新"
        assert cell(page, title, CardTableModel.STATUS, Qt.ItemDataRole.ForegroundRole) == QColor(
            theme.DUE_SOON
        )
        assert cell(page, title, CardTableModel.TITLE, Qt.ItemDataRole.BackgroundRole) == QColor(STALE_TINT)
        assert not cell(page, title, CardTableModel.TITLE, Qt.ItemDataRole.DecorationRole).isNull()
        tooltip = str(cell(page, title, CardTableModel.TITLE, Qt.ItemDataRole.ToolTipRole))
        assert tooltip.startswith("本卡编制后预案已更新") and TANK_PLAN in tooltip
    assert cell(page, GAS_CARD, CardTableModel.STATUS) == "现行"
    assert cell(page, GAS_CARD, CardTableModel.STATUS, Qt.ItemDataRole.ForegroundRole) is None
    assert "其中 2 张所依据的预案已更新" in page.count_label.text()

    page.filters.stale_box.setChecked(True)
    assert sorted(shown_titles(page)) == sorted([TANK_CARD, LOADING_CARD])
    assert page.filters.stale_box.text() == "仅显示需更新的"


def test_filters_by_plan_unit_post_and_text(page: CardsPage, world: World) -> None:
    filters = page.filters
    plan_items = [filters.plan_combo.itemText(i) for i in range(filters.plan_combo.count())]
    assert plan_items == ["全部预案", TANK_PLAN, GAS_PLAN]
    filters.plan_combo.setCurrentIndex(filters.plan_combo.findData(world[TANK_PLAN]))
    assert sorted(shown_titles(page)) == sorted([TANK_CARD, LOADING_CARD])
    filters.plan_combo.setCurrentIndex(0)
    filters.unit_combo.setCurrentIndex(filters.unit_combo.findData(world[OTHER]))
    assert shown_titles(page) == [GAS_CARD]
    filters.unit_combo.setCurrentIndex(0)
    filters.post_edit.setText("装卸")
    assert shown_titles(page) == [LOADING_CARD]
    assert page.count_label.text() == "显示 1 张，共 3 张处置卡"
    filters.post_edit.clear()
    filters.search_edit.setText("燃气")
    assert shown_titles(page) == [GAS_CARD]


def test_sorting_by_status_puts_stale_cards_first(page: CardsPage, world: World, qtbot) -> None:
    publish_revision(world, GAS_PLAN)
    reload(page, qtbot)
    assert shown_titles(page) == [TANK_CARD, LOADING_CARD, GAS_CARD]  # by unit, number, title
    select_titles(page, LOADING_CARD)
    page.table.sortByColumn(CardTableModel.STATUS, Qt.SortOrder.AscendingOrder)
    assert shown_titles(page)[0] == GAS_CARD
    assert [c.title for c in page.selected_cards()] == [LOADING_CARD]  # the selection follows
    page.table.sortByColumn(CardTableModel.TITLE, Qt.SortOrder.DescendingOrder)
    assert shown_titles(page) == [LOADING_CARD, GAS_CARD, TANK_CARD]  # zhuang, ran, chu
    reload(page, qtbot)  # a reload keeps the order the user chose
    assert shown_titles(page) == [LOADING_CARD, GAS_CARD, TANK_CARD]
    assert page.table.horizontalHeader().sortIndicatorSection() == CardTableModel.TITLE


def test_empty_database_says_what_to_do(qtbot, db_path) -> None:  # noqa: ANN001
    database = open_database(db_path)
    try:
        page = make_page(qtbot, database.engine)
        assert page.stack.currentWidget() is page.empty
        assert page.empty.title_label.text() == "尚无处置卡"
        assert "从预案生成" in page.empty.hint_label.text()
        assert page.new_action.isEnabled() and not page.edit_action.isEnabled()
        page.ops.shutdown(5_000)
    finally:
        database.dispose()


def test_delete_is_soft_and_asks_first(
    page: CardsPage, world: World, fake_dialogs: FakeDialogs, qtbot
) -> None:
    select_titles(page, LOADING_CARD)
    assert page.delete_action.isEnabled()
    fake_dialogs.answers.append(False)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # the Delete key on the list
    assert fake_dialogs.of_kind("ask")[-1].title == "删除处置卡"
    assert LOADING_CARD in shown_titles(page)  # said no
    fake_dialogs.answers.append(True)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.delete_action.trigger()
    question = fake_dialogs.of_kind("ask")[-1]
    assert question.title == "删除处置卡" and LOADING_CARD in question.text
    assert LOADING_CARD not in shown_titles(page)
    with session_scope(world.engine) as session:
        row = session.exec(select(HandlingCard).where(HandlingCard.uid == world[LOADING_CARD])).one()
        assert row.deleted_at is not None  # still in the database


def test_bringing_one_stale_card_up_to_date_opens_it_redrafted(page: CardsPage, world: World, qtbot) -> None:
    publish_revision(world)
    reload(page, qtbot)
    select_titles(page, TANK_CARD)
    assert page.update_action.isEnabled()
    page.update_action.trigger()
    editor = page.editor
    assert editor is not None and editor.isVisible()
    assert editor.banner.isVisible() and "2.0" in editor.banner.text()
    assert [s.action for s in editor.steps.steps()] == [
        "报警：发现泄漏立即报告中控室（时限：立即）",
        "停泵：停止装卸泵并关闭紧急切断阀",
    ]
    assert editor.post_edit.text() == "储罐区操作工"  # what the user set stays
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        editor.save_button.click()
    assert page.editor is None  # closed
    assert cell(page, TANK_CARD, CardTableModel.STATUS) == "现行"
    assert cell(page, TANK_CARD, CardTableModel.VERSION) == "2.0"
    assert cell(page, LOADING_CARD, CardTableModel.STATUS) == "预案已更新"


def test_bringing_several_cards_up_to_date_runs_in_the_background(
    page: CardsPage, world: World, fake_dialogs: FakeDialogs, qtbot
) -> None:
    publish_revision(world)
    reload(page, qtbot)
    select_titles(page, TANK_CARD, LOADING_CARD, GAS_CARD)
    fake_dialogs.answers.append(True)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.update_action.trigger()
    assert "2 张" in fake_dialogs.of_kind("ask")[-1].text
    assert all(cell(page, t, CardTableModel.STATUS) == "现行" for t in (TANK_CARD, LOADING_CARD, GAS_CARD))
    updated = cards.get_card(world.engine, world[TANK_CARD])
    assert [s.action for s in updated.steps][0] == "报警：发现泄漏立即报告中控室（时限：立即）"


def test_manual_needs_a_plan(page: CardsPage, fake_dialogs: FakeDialogs) -> None:
    assert not page.manual_action.isEnabled()
    page.manual()
    assert fake_dialogs.of_kind("inform")[-1].title == "简明操作手册"
    select_titles(page, GAS_CARD)
    assert page.manual_action.isEnabled()
    page.manual_action.trigger()
    assert page.tabs.currentWidget() is page.print_centre
    assert page.print_centre.manual_radio.isChecked()
    assert page.print_centre.manual_combo.currentText() == GAS_PLAN


# --- models -----------------------------------------------------------------------------


def test_card_models_pass_the_model_tester(qtmodeltester, world: World) -> None:
    summaries = cards.list_cards(world.engine)
    for checkable in (False, True):
        model = CardTableModel(checkable=checkable)
        model.set_cards(summaries)
        qtmodeltester.check(model)
        proxy = CardFilterProxy()
        proxy.setSourceModel(model)
        proxy.set_filter(post="装卸")
        qtmodeltester.check(proxy)
        assert proxy.rowCount() == 1


def test_checkable_card_model_keeps_checks_by_uid(world: World) -> None:
    model = CardTableModel(checkable=True)
    summaries = cards.list_cards(world.engine)
    model.set_cards(summaries)
    assert model.checked == {c.uid for c in summaries}  # new cards start checked
    index = model.index(0, CardTableModel.TITLE)
    assert model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.set_cards(summaries)  # a reload keeps the choice
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_rows_models_pass_the_model_tester(qtmodeltester) -> None:
    steps = StepsModel()
    steps.set_steps(
        [CardStepData("报告班长", "操作工"), CardStepData("关阀", ""), CardStepData("疏散", "安全员")]
    )
    qtmodeltester.check(steps)
    contacts = ContactsModel()
    contacts.set_contacts([CardContactData("火警", "119", True), CardContactData("应急办", "0750-2212345")])
    qtmodeltester.check(contacts)
    assert [steps.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["处置内容", "负责岗位"]
    assert [contacts.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["名称", "电话", "外部"]
    assert steps.headerData(2, Qt.Orientation.Vertical) == "3"
