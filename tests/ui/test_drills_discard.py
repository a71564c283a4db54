"""Closing the drill editor with unsaved text asks first (Close, Esc, the window's close box, or
opening another drill from the page); a saved part, or nothing typed, closes without a question."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planmgr.domain.enums import DrillForm
from planmgr.services import drill_evaluation, drills
from planmgr.store.database import Database
from planmgr.ui.drills.editor import DrillEditor
from planmgr.ui.drills.page import DrillsPage
from tests.ui import test_drills_support as support
from tests.ui.conftest import FakeDialogs
from tests.ui.test_drills_support import PageMaker, World, wait_idle

pytestmark = pytest.mark.gui

QUESTION = "放弃修改？"


@pytest.fixture
def make_page(qtbot, database: Database, tmp_path: Path) -> Iterator[PageMaker]:  # noqa: ANN001
    maker = PageMaker(qtbot, database, tmp_path)
    yield maker
    for page, _ops in maker.made:  # a test may leave unsaved text behind: no question at the end
        if page.editor is not None:
            page.editor.discard()
    maker.close()


@pytest.fixture
def world(database: Database) -> World:
    return support.build_world(database)


def open_done_drill(
    database: Database, world: World, page: DrillsPage, title: str = "液氨泄漏处置演练"
) -> DrillEditor:
    drill = support.plan_drill(database.engine, world.chem, world.comp, date(2026, 6, 1), title, done=True,
                               form=DrillForm.FIELD)  # fmt: skip
    page.open_drill(drill.uid)
    assert page.editor is not None and page.editor.isVisible()
    return page.editor


def questions(fake_dialogs: FakeDialogs) -> list[tuple[str, str]]:
    return [(c.title, c.text) for c in fake_dialogs.of_kind("ask")]


def test_close_with_unsaved_record_asks_no_keeps_the_text_yes_closes(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    editor.tabs.setCurrentWidget(editor.record)
    editor.record.scenario.insertPlainText("夜间储罐区液氨泄漏，一人中毒")

    fake_dialogs.answers.append(False)
    editor.close_button.click()
    assert questions(fake_dialogs) == [(QUESTION, "演练记录有尚未保存的修改。不保存就关闭吗？")]
    assert editor.isVisible()
    assert editor.record.scenario.toPlainText() == "夜间储罐区液氨泄漏，一人中毒"

    fake_dialogs.answers.append(True)
    editor.close_button.click()
    assert len(questions(fake_dialogs)) == 2
    assert not editor.isVisible()
    assert drills.get_drill(database.engine, editor.session.uid).scenario is None  # discarded, not saved


def test_nothing_typed_closes_without_asking(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    for tab in range(editor.tabs.count()):  # looking at every tab changes nothing
        editor.tabs.setCurrentIndex(tab)
    editor.close_button.click()
    assert not editor.isVisible()
    assert questions(fake_dialogs) == []


def test_text_typed_back_to_what_was_loaded_is_not_a_change(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    editor.form.title.setText("液氨泄漏处置演练（改）")
    editor.form.title.setText("液氨泄漏处置演练")
    editor.close()  # the window's close box
    assert not editor.isVisible()
    assert questions(fake_dialogs) == []


def test_the_question_names_every_part_and_a_saved_part_is_clean_again(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    editor.record.participants.setPlainText("青山化工有限公司\n河口镇卫生院")
    evaluation = editor.evaluation
    evaluation.comments.setPlainText("报警及时，警戒范围偏小")

    fake_dialogs.answers.append(False)
    editor.close_button.click()
    assert questions(fake_dialogs)[-1] == (QUESTION, "演练记录和演练评估有尚未保存的修改。不保存就关闭吗？")
    assert editor.isVisible()

    evaluation.save_button.click()
    wait_idle(qtbot, page.ops)
    saved = drill_evaluation.get_evaluation(database.engine, editor.session.uid)
    assert saved is not None and saved.comments == "报警及时，警戒范围偏小"
    fake_dialogs.answers.append(False)
    editor.close_button.click()
    assert questions(fake_dialogs)[-1] == (QUESTION, "演练记录有尚未保存的修改。不保存就关闭吗？")

    editor.record.save_button.click()
    wait_idle(qtbot, page.ops)
    editor.close_button.click()  # everything saved: no question
    assert not editor.isVisible()
    assert len(questions(fake_dialogs)) == 2


def test_after_saving_the_evaluation_it_closes_without_asking(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    evaluation = editor.evaluation
    editor.tabs.setCurrentWidget(evaluation)
    evaluation.evaluators.setText("张明、李华")
    evaluation.conclusion.setPlainText("预案可行，疏散步骤需修订")
    item = evaluation.model.template.sections[0].items[0]
    evaluation.model.set_score(item.key, True if item.kind == drill_evaluation.YES_NO else 4)
    assert editor.unsaved_parts() == ["演练评估"]

    evaluation.save_button.click()
    editor.close_button.click()  # while the save runs the editor stays open, without a question
    assert editor.isVisible() and questions(fake_dialogs) == []
    wait_idle(qtbot, page.ops)
    assert drill_evaluation.get_evaluation(database.engine, editor.session.uid) is not None

    editor.close_button.click()
    assert not editor.isVisible()
    assert questions(fake_dialogs) == []


def test_plan_data_counts_and_a_failed_save_keeps_it_unsaved(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    editor.form.location.setText("储罐区东侧空地")
    drills.update_drill(database.engine, editor.session.uid, expected_row_version=None, title="别人改过的名称",
                        today=support.TODAY)  # fmt: skip
    editor.save_button.click()  # refused: someone else saved meanwhile
    wait_idle(qtbot, page.ops)
    assert "已被其他人修改" in fake_dialogs.of_kind("error")[-1].text
    fake_dialogs.answers.append(True)
    editor.close_button.click()
    assert questions(fake_dialogs) == [(QUESTION, "计划信息有尚未保存的修改。不保存就关闭吗？")]
    assert not editor.isVisible()


def test_escape_behaves_as_close(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    summary = editor.summary
    editor.tabs.setCurrentWidget(summary)
    summary.problems.setPlainText("警戒范围偏小\n集合点清点人数用时过长")

    fake_dialogs.answers.append(False)
    qtbot.keyClick(summary.problems, Qt.Key.Key_Escape)
    assert questions(fake_dialogs) == [(QUESTION, "总结报告有尚未保存的修改。不保存就关闭吗？")]
    assert editor.isVisible()
    assert summary.problems.toPlainText() == "警戒范围偏小\n集合点清点人数用时过长"

    fake_dialogs.answers.append(True)
    qtbot.keyClick(summary.problems, Qt.Key.Key_Escape)
    assert not editor.isVisible()

    clean = open_done_drill(database, world, page, "二号罐区消防演练")
    qtbot.keyClick(clean, Qt.Key.Key_Escape)
    assert not clean.isVisible()
    assert len(questions(fake_dialogs)) == 2


def test_opening_another_drill_from_the_page_asks_about_unsaved_text(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    editor.record.scenario.setPlainText("写了一半的情景")
    other = support.plan_drill(
        database.engine, world.town, world.town_plan, date(2026, 7, 1), "河口镇防汛演练"
    )

    fake_dialogs.answers.append(False)
    page.open_drill(other.uid)
    assert questions(fake_dialogs) == [(QUESTION, "演练记录有尚未保存的修改。不保存就关闭吗？")]
    assert page.editor is editor and editor.isVisible()
    assert editor.record.scenario.toPlainText() == "写了一半的情景"

    fake_dialogs.answers.append(True)
    page.open_drill(other.uid)
    assert page.editor is not None and page.editor is not editor
    assert page.editor.windowTitle() == "演练：河口镇防汛演练"
    assert not page.editor.unsaved_parts()


def test_a_new_drill_asks_only_once_something_is_filled_in(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    page.new_action.trigger()
    editor = page.editor
    assert editor is not None and editor.unsaved_parts() == []
    editor.form.title.setText("2026年液氨泄漏演练")
    fake_dialogs.answers.append(True)
    editor.close_button.click()
    assert questions(fake_dialogs) == [(QUESTION, "计划信息有尚未保存的修改。不保存就关闭吗？")]
    assert not editor.isVisible()


@pytest.fixture
def english_ui(english: None, qapp) -> Iterator[None]:  # noqa: ANN001 - pytest-qt's fixture
    """English as ``planmgr gui --lang en`` sets it up; Chinese again afterwards."""
    from planmgr.ui.app import UiSetup

    UiSetup(qapp, "en")()
    yield
    UiSetup(qapp, "zh_CN")()


def test_the_question_in_english(
    qtbot, english_ui: None, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    editor.record.scenario.setPlainText("Night-time ammonia leak")
    editor.evaluation.comments.setPlainText("Quick alarm")
    editor.summary.lessons.setPlainText("Muster faster")
    fake_dialogs.answers.append(True)
    editor.close_button.click()
    assert questions(fake_dialogs) == [
        (
            "Discard changes?",
            "The record, the evaluation and the summary report have unsaved changes. Close without saving?",
        )
    ]
    assert not editor.isVisible()
