"""The card editor: new card with the default contacts, typing steps, reordering them by
buttons and by drag-and-drop, drafting from a 现场处置方案, and a save refused because
someone else saved first (the user's text stays)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QPlainTextEdit, QWidget

from planmgr.services import cards
from planmgr.services.cards import CardContactData, CardStepData
from planmgr.ui.cards.editor import CardEditor
from planmgr.ui.cards.models import ROWS_MIME, StepsModel
from planmgr.ui.cards.page import CardsPage
from planmgr.ui.cards.rows_table import RowsTable
from tests.ui.conftest import FakeDialogs
from tests.ui.test_cards_page import (
    COMPANY,
    TANK_CARD,
    TANK_PLAN,
    World,
    open_page,
    open_world,
    select_titles,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def world(db_path) -> Iterator[World]:  # noqa: ANN001
    yield from open_world(db_path)


@pytest.fixture
def page(qtbot, world: World) -> Iterator[CardsPage]:  # noqa: ANN001
    yield from open_page(qtbot, world)


def open_card(page: CardsPage, title: str) -> CardEditor:
    select_titles(page, title)
    page.edit_action.trigger()
    assert page.editor is not None and page.editor.isVisible()
    return page.editor


def open_new(page: CardsPage) -> CardEditor:
    page.new_action.trigger()
    assert page.editor is not None and page.editor.isVisible()
    return page.editor


def type_into(table: RowsTable, row: int, column: int, text: str) -> None:
    """What a user does: open the cell's editor, type, leave the cell."""
    index = table.model().index(row, column)

    def open_editors() -> list[QWidget]:
        found = table.viewport().findChildren(QWidget)
        return [w for w in found if isinstance(w, QPlainTextEdit | QLineEdit) and w.isVisible()]

    if not open_editors() or table.currentIndex() != index:  # "add step" opens the new row's editor
        table.setCurrentIndex(index)
        table.edit(index)
    editors = open_editors()
    assert len(editors) == 1, editors
    editor = editors[0]
    if isinstance(editor, QPlainTextEdit):
        editor.setPlainText(text)
    else:
        editor.setText(text)
    delegate = table.itemDelegateForIndex(index)
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def actions(editor: CardEditor) -> list[str]:
    return [step.action for step in editor.steps.steps()]


def close(editor: CardEditor, fake_dialogs: FakeDialogs) -> None:
    editor._dirty = False
    editor.reject()


# --- new card ---------------------------------------------------------------------------


def test_new_card_lists_the_default_contacts(page: CardsPage, fake_dialogs: FakeDialogs) -> None:
    editor = open_new(page)
    assert editor.windowTitle() == "新建处置卡"
    assert editor.unit_combo.currentText() == COMPANY  # this database's own unit
    assert [(c.name, c.phone, c.external) for c in editor.contacts.contacts()] == [
        ("火警", "119", True),
        ("急救", "120", True),
        ("报警", "110", True),
        ("交通事故", "122", True),
        (f"{COMPANY}值班电话", "0750-2288001", False),
        ("赤坎镇人民政府（上级）", "0750-2612345", True),
    ]
    # Removed by mistake, put back with one click (nothing listed twice).
    editor.contacts.removeRows(0, 2)
    editor.defaults_button.click()
    assert len(editor.contacts.contacts()) == 6
    close(editor, fake_dialogs)


def test_create_a_card_with_typed_steps(page: CardsPage, world: World, qtbot) -> None:
    editor = open_new(page)
    editor.title_edit.setText("罐区巡检应急处置卡")
    editor.post_edit.setText("罐区巡检员")
    editor.plan_combo.setCurrentIndex(editor.plan_combo.findData(world[TANK_PLAN]))
    assert editor.plan_combo.currentText() == f"{TANK_PLAN}（现场处置方案）"
    table = editor.steps_editor.table
    editor.steps_editor.add_button.click()
    type_into(table, 0, StepsModel.ACTION, "发现泄漏，立即报告中控室\n说明位置和介质")
    type_into(table, 0, StepsModel.RESPONSIBLE, "巡检员")
    editor.steps_editor.add_button.click()
    type_into(table, 1, StepsModel.ACTION, "关闭罐根阀")
    editor.risks_edit.setPlainText("甲醇泄漏")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        editor.save_button.click()
    assert page.editor is None  # closed
    saved = [c for c in cards.list_cards(world.engine) if c.title == "罐区巡检应急处置卡"]
    assert len(saved) == 1
    card = cards.get_card(world.engine, saved[0].uid)
    assert card.steps == (
        CardStepData("发现泄漏，立即报告中控室\n说明位置和介质", "巡检员"),
        CardStepData("关闭罐根阀", ""),
    )
    assert card.plan_title == TANK_PLAN and card.based_on_version_label == "1.0" and not card.stale
    assert [c.title for c in page.selected_cards()] == ["罐区巡检应急处置卡"]  # shown and selected


def test_an_invalid_card_is_refused_and_stays_open(page: CardsPage, fake_dialogs: FakeDialogs, qtbot) -> None:
    editor = open_new(page)
    editor.post_edit.setText("罐区巡检员")
    with qtbot.waitSignal(page.ops.finished, timeout=10_000):
        editor.save_button.click()
    (error,) = fake_dialogs.of_kind("error")
    assert "处置卡名称不能为空" in error.text
    assert editor.isVisible() and editor.post_edit.text() == "罐区巡检员"
    assert editor.save_button.isEnabled()
    close(editor, fake_dialogs)


def test_cancel_with_changes_asks(page: CardsPage, fake_dialogs: FakeDialogs) -> None:
    editor = open_card(page, TANK_CARD)
    editor.reject()
    assert not editor.isVisible() and fake_dialogs.of_kind("ask") == []  # nothing changed
    editor = open_card(page, TANK_CARD)
    editor.title_edit.setText("改过的名称")
    editor.title_edit.textEdited.emit("改过的名称")
    fake_dialogs.answers.append(False)
    editor.buttons.rejected.emit()
    assert editor.isVisible()
    assert fake_dialogs.of_kind("ask")[-1].title == "放弃修改"
    fake_dialogs.answers.append(True)
    editor.reject()
    assert not editor.isVisible()


# --- order of steps ---------------------------------------------------------------------


def test_reorder_steps_with_the_buttons(page: CardsPage, world: World, qtbot) -> None:
    editor = open_card(page, TANK_CARD)
    assert actions(editor) == ["报告班长", "关闭进料阀", "疏散人员"]
    steps = editor.steps_editor
    steps.table.select_row(2)
    assert steps.up_button.isEnabled() and not steps.down_button.isEnabled()
    steps.up_button.click()
    steps.up_button.click()
    assert actions(editor) == ["疏散人员", "报告班长", "关闭进料阀"]
    assert steps.table.current_row() == 0 and not steps.up_button.isEnabled()
    steps.down_button.click()
    assert actions(editor) == ["报告班长", "疏散人员", "关闭进料阀"]
    assert steps.table.model().headerData(1, Qt.Orientation.Vertical) == "2"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        editor.save_button.click()
    saved = cards.get_card(world.engine, world[TANK_CARD])
    assert [s.action for s in saved.steps] == ["报告班长", "疏散人员", "关闭进料阀"]
    assert [s.responsible for s in saved.steps] == ["操作工", "安全员", "操作工"]


def test_reorder_steps_by_dropping_a_dragged_row(page: CardsPage, fake_dialogs: FakeDialogs) -> None:
    editor = open_card(page, TANK_CARD)
    table = editor.steps_editor.table
    model = editor.steps
    # The last step, dragged and dropped on the upper half of the first row: it goes first.
    mime = model.mimeData([model.index(2, 0), model.index(2, 1)])
    rect = table.visualRect(model.index(0, 0))
    drop = QDropEvent(
        QPointF(rect.center().x(), rect.top() + 2),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    table.dropEvent(drop)
    assert drop.isAccepted()
    assert drop.dropAction() == Qt.DropAction.IgnoreAction  # so the view does not remove the row again
    assert actions(editor) == ["疏散人员", "报告班长", "关闭进料阀"]
    assert table.current_row() == 0
    # The first, dropped on the lower half of the last row: it goes last.
    mime = model.mimeData([model.index(0, 0)])
    rect = table.visualRect(model.index(2, 0))
    table.dropEvent(
        QDropEvent(
            QPointF(rect.center().x(), rect.bottom() - 2),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    assert actions(editor) == ["报告班长", "关闭进料阀", "疏散人员"]
    assert table.current_row() == 2
    close(editor, fake_dialogs)


def test_steps_model_moves_rows_on_drop() -> None:
    model = StepsModel()
    model.set_steps([CardStepData(a) for a in "ABCD"])
    moved: list[tuple[int, int, int]] = []
    model.rowsMoved.connect(lambda _p, start, end, _d, row: moved.append((start, end, row)))

    def order() -> str:
        return "".join(s.action for s in model.steps())

    assert model.dropMimeData(
        model.mimeData([model.index(3, 0)]), Qt.DropAction.MoveAction, 1, 0, QModelIndex()
    )
    assert order() == "ADBC" and moved == [(3, 3, 1)]
    # Dropped onto a row (no row given): before that row.
    assert model.dropMimeData(
        model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, -1, 0, model.index(3, 0)
    )
    assert order() == "DBAC"
    # Dropped below everything: to the end.
    assert model.dropMimeData(
        model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, -1, 0, QModelIndex()
    )
    assert order() == "BACD"
    # Where it already is: nothing moves.
    assert model.dropMimeData(
        model.mimeData([model.index(1, 0)]), Qt.DropAction.MoveAction, 2, 0, QModelIndex()
    )
    assert order() == "BACD"
    # Rows of another model, or something that is not rows, are refused.
    other = StepsModel()
    other.set_steps([CardStepData("X")])
    foreign = other.mimeData([other.index(0, 0)])
    assert not model.canDropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.dropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    text = QMimeData()
    text.setText("报告班长")
    assert not model.dropMimeData(text, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.mimeTypes() == [ROWS_MIME]
    assert order() == "BACD"
    # The Qt convention for moveRows: the destination counts rows before the move.
    assert model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 4)
    assert order() == "CDBA"
    assert not model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 1)  # into itself


# --- drafting from a plan ---------------------------------------------------------------


def test_draft_from_plan_fills_the_card(
    page: CardsPage, world: World, fake_dialogs: FakeDialogs, qtbot
) -> None:
    editor = open_new(page)
    assert not editor.draft_button.isEnabled()  # no plan chosen yet
    editor.plan_combo.setCurrentIndex(editor.plan_combo.findData(world[TANK_PLAN]))
    editor.post_edit.setText("储罐区操作工")
    editor.draft_button.click()
    assert fake_dialogs.of_kind("ask") == []  # nothing to replace yet
    assert editor.title_edit.text() == "储罐区泄漏应急处置卡"
    assert editor.steps.steps() == (
        CardStepData("报警：发现泄漏立即报告当班班长（时限：1分钟内）", "发现人"),
        CardStepData("关阀：关闭进料阀ZV-101", "现场处置组（当班班长）"),
        CardStepData("疏散：疏散下风向人员（时限：5分钟内）", "警戒疏散组（安全员）"),
    )
    assert editor.risks_edit.toPlainText().startswith("储罐区储存甲醇、液氨")
    assert editor.precautions_edit.toPlainText() == "佩戴正压式空气呼吸器\n严禁使用铁质工具"
    contacts = editor.contacts.contacts()
    assert contacts[0] == CardContactData("公司应急办（值班）", "0750-2212345", False)
    assert {c.phone for c in contacts} >= {"119", "120", "110", "122", "0750-2288001", "0750-2612345"}
    assert editor.version_edit.text() == "1.0"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        editor.save_button.click()
    saved = [c for c in cards.list_cards(world.engine, post="储罐区操作工") if c.uid != world[TANK_CARD]]
    assert len(saved) == 1 and not saved[0].stale
    assert cards.get_card(world.engine, saved[0].uid).based_on_version_label == "1.0"


def test_draft_over_existing_content_asks_first(page: CardsPage, fake_dialogs: FakeDialogs) -> None:
    editor = open_card(page, TANK_CARD)
    fake_dialogs.answers.append(False)
    editor.draft_button.click()
    assert fake_dialogs.of_kind("ask")[-1].title == "从预案生成"
    assert actions(editor) == ["报告班长", "关闭进料阀", "疏散人员"]  # kept
    fake_dialogs.answers.append(True)
    editor.draft_button.click()
    assert actions(editor)[0] == "报警：发现泄漏立即报告当班班长（时限：1分钟内）"
    assert editor.title_edit.text() == TANK_CARD  # a title the user set stays
    close(editor, fake_dialogs)


# --- someone else saved first -----------------------------------------------------------


def test_a_conflicting_save_keeps_the_users_text(
    page: CardsPage, world: World, fake_dialogs: FakeDialogs, qtbot
) -> None:
    editor = open_card(page, TANK_CARD)
    # Meanwhile a colleague saves the same card.
    theirs = cards.get_card(world.engine, world[TANK_CARD])
    cards.update_card(
        world.engine,
        theirs.uid,
        theirs.to_input().__class__(**{**theirs.to_input().__dict__, "post": "班长"}),
        expected_row_version=theirs.row_version,
    )
    editor.title_edit.setText("我改的名称")
    editor.precautions_edit.setPlainText("我写的注意事项\n第二条")
    with qtbot.waitSignal(page.ops.finished, timeout=10_000):
        editor.save_button.click()
    (error,) = fake_dialogs.of_kind("error")
    assert "已被其他人修改" in error.text and "您的修改没有保存" in error.text
    assert editor.isVisible()
    assert editor.title_edit.text() == "我改的名称"
    assert editor.precautions_edit.toPlainText() == "我写的注意事项\n第二条"
    assert editor.banner.isVisible() and "您填写的内容仍在此处" in editor.banner.text()
    assert cards.get_card(world.engine, world[TANK_CARD]).post == "班长"  # theirs stands
    close(editor, fake_dialogs)
