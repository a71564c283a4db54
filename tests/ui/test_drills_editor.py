"""The drill editor: editing the log, attachments and the size limit, a stale save that keeps
the user's text, the planning data, and the evaluation templates dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTime

from planmgr.domain.enums import DrillForm, DrillStatus
from planmgr.services import blobs, drill_evaluation, drill_lists, drill_records, drills
from planmgr.store.database import Database
from planmgr.ui.drills.editor import DrillEditor
from planmgr.ui.drills.evaluation_models import TemplateItemsModel
from planmgr.ui.drills.page import DrillsPage
from planmgr.ui.drills.small_dialogs import to_qdate
from tests.ui import test_drills_support as support
from tests.ui.conftest import FakeDialogs
from tests.ui.test_drills_support import TODAY, PageMaker, World, wait_idle

pytestmark = pytest.mark.gui


@pytest.fixture
def make_page(qtbot, database: Database, tmp_path: Path) -> Iterator[PageMaker]:
    yield from support.pages(qtbot, database, tmp_path)


@pytest.fixture
def world(database: Database) -> World:
    return support.build_world(database)


def open_done_drill(database: Database, world: World, page: DrillsPage) -> DrillEditor:
    drill = support.plan_drill(database.engine, world.chem, world.comp, date(2026, 6, 1), "液氨泄漏处置演练", done=True,
                               form=DrillForm.FIELD)  # fmt: skip
    page.open_drill(drill.uid)
    assert page.editor is not None
    return page.editor


def test_log_entries_are_added_edited_and_removed_in_time_order(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    record = editor.record
    for hour, text in ((10, "现场指挥部成立"), (9, "中控室接到泄漏报警")):
        record.add_log_button.click()
        record.dialog.at.setTime(QTime(hour, 5))
        record.dialog.what.setText(text)
        record.dialog.ok_button.click()
        wait_idle(qtbot, page.ops)
    shown = [(record.log_model.index(r, 0).data(), record.log_model.index(r, 1).data()) for r in range(2)]
    assert shown == [("09:05", "中控室接到泄漏报警"), ("10:05", "现场指挥部成立")]

    record.log_view.selectRow(1)
    record.edit_log_button.click()
    assert record.dialog.windowTitle() == "修改过程记录"
    record.dialog.what.setText("现场指挥部成立，下达警戒命令")
    record.dialog.ok_button.click()
    wait_idle(qtbot, page.ops)
    assert record.log_model.index(1, 1).data() == "现场指挥部成立，下达警戒命令"

    record.log_view.selectRow(0)
    fake_dialogs.answers.append(True)
    record.remove_log_button.click()
    wait_idle(qtbot, page.ops)
    assert fake_dialogs.of_kind("ask")[-1].text == "删除“09:05 中控室接到泄漏报警”？"
    assert [e.text for e in drills.get_drill(database.engine, editor.session.uid).log] == ["现场指挥部成立，下达警戒命令"]


def test_attachments_open_with_the_system_viewer_and_refuse_big_files(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    opened = support.record_opened(monkeypatch)
    page = make_page()
    record = open_done_drill(database, world, page).record
    assert "每个文件最大 20.0 MB。" in [label.text() for label in record.findChildren(type(record.reported_note))]

    big = tmp_path / "现场录像.mp4"
    with big.open("wb") as handle:
        handle.truncate(blobs.MAX_BLOB_BYTES + 1)
    fake_dialogs.files.append(big)
    record.add_file_button.click()
    wait_idle(qtbot, page.ops)
    error = fake_dialogs.of_kind("error")[-1]
    assert "附件“现场录像.mp4”太大（20.0 MB），每个文件最大 20.0 MB" in error.text
    assert record.attachment_model.rowCount() == 0

    sheet = tmp_path / "签到表.pdf"
    sheet.write_bytes(b"%PDF-1.4 sign-in sheet")
    record.kind.setCurrentIndex(record.kind.findData("sign_in"))
    fake_dialogs.files.append(sheet)
    record.add_file_button.click()
    wait_idle(qtbot, page.ops)
    assert [record.attachment_model.index(0, c).data() for c in range(3)] == ["签到表", "签到表.pdf", "22 字节"]
    record.attachment_view.selectRow(0)
    record.open_file_button.click()
    wait_idle(qtbot, page.ops)
    assert len(opened) == 1 and opened[0].name == "签到表.pdf"
    assert opened[0].read_bytes() == sheet.read_bytes()

    fake_dialogs.answers.append(True)
    record.remove_file_button.click()
    wait_idle(qtbot, page.ops)
    assert record.attachment_model.rowCount() == 0


def test_a_stale_save_is_refused_and_keeps_the_users_text(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    record = editor.record
    # Someone else saves the record meanwhile.
    drill_records.update_record(database.engine, editor.session.uid, expected_row_version=None, head_count=12)
    record.scenario.setPlainText("我写了一半的演练情景")
    record.save_button.click()
    wait_idle(qtbot, page.ops)
    assert "已被其他人修改" in fake_dialogs.of_kind("error")[-1].text
    assert record.scenario.toPlainText() == "我写了一半的演练情景"
    assert drills.get_drill(database.engine, editor.session.uid).scenario is None


def test_planning_data_is_saved_and_a_drill_needs_a_plan(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    page.new_action.trigger()
    editor = page.editor
    editor.form.unit.setCurrentIndex(editor.form.unit.findData(world.chem))
    editor.form.title.setText("没有勾选预案的演练")
    editor.save_button.click()
    wait_idle(qtbot, page.ops)
    assert fake_dialogs.of_kind("error")[-1].text.endswith("请至少选择一个演练所检验的预案")
    assert editor.form.title.text() == "没有勾选预案的演练"  # nothing lost

    editor.form.plans.set_checked(world.onsite)
    editor.form.multi_day.setChecked(True)
    editor.form.start.setDate(to_qdate(date(2026, 9, 1)))
    editor.form.end.setDate(to_qdate(date(2026, 9, 2)))
    editor.form.other_tags.setText("夜间、联合")
    editor.save_button.click()
    wait_idle(qtbot, page.ops)
    saved = drills.get_drill(database.engine, editor.session.uid).summary
    assert (saved.start, saved.end, saved.tags) == (date(2026, 9, 1), date(2026, 9, 2), ("夜间", "联合"))
    assert saved.status is DrillStatus.PLANNED
    # Changing it later keeps the same drill.
    editor.form.title.setText("夜间储罐区演练")
    editor.form.plans.set_checked(world.comp)
    editor.save_button.click()
    wait_idle(qtbot, page.ops)
    saved = drills.get_drill(database.engine, editor.session.uid).summary
    assert saved.title == "夜间储罐区演练"
    assert editor.form.unit.currentText() == support.CHEM and not editor.form.unit.isEnabled()
    assert sorted(p.uid for p in saved.plans) == sorted([world.onsite, world.comp])
    assert editor.windowTitle() == "演练：夜间储罐区演练"
    assert len(drill_lists.list_drills(database.engine)) == 1


def test_templates_are_edited_in_their_dialog(
    qtbot, database: Database, world: World, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    page = make_page()
    editor = open_done_drill(database, world, page)
    evaluation = editor.evaluation
    evaluation.templates_button.click()
    dialog = editor.dialog
    assert dialog is not None and dialog.windowTitle() == "演练评估表"
    assert dialog.names.stringList() == ["实战演练评估表", "桌面演练评估表"]
    assert dialog.grades.text() == "90 优秀；75 良好；60 合格；0 不合格"

    dialog.name.setText("实战演练评估表（本公司）")
    row = dialog.items.add_item("危化品专项", "泄漏源得到有效控制")
    dialog.items.setData(dialog.items.index(row, TemplateItemsModel.KIND), "yes_no")
    dialog.save_button.click()
    wait_idle(qtbot, page.ops)
    saved = drill_evaluation.get_template(database.engine, "field")
    assert saved.name == "实战演练评估表（本公司）"
    assert saved.sections[-1].title == "危化品专项"
    assert [(i.text, i.kind) for i in saved.sections[-1].items] == [("泄漏源得到有效控制", "yes_no")]
    # The evaluation tab offers the edited template at once.
    assert evaluation.template.currentText() == "实战演练评估表（本公司）"
    assert evaluation.model.rowCount() == len(saved.items)

    dialog.grades.setText("九十分优秀")
    dialog.save_button.click()
    assert fake_dialogs.of_kind("error")[-1].title == "无法识别评分等级"

    fake_dialogs.answers.append(True)
    dialog.reset_button.click()
    wait_idle(qtbot, page.ops)
    assert drill_evaluation.get_template(database.engine, "field").name == "实战演练评估表"
    assert dialog.names.stringList()[0] == "实战演练评估表"


def test_evaluation_waits_for_the_drill_to_be_done(
    qtbot, database: Database, world: World, make_page: PageMaker
) -> None:
    drill = support.plan_drill(database.engine, world.chem, world.onsite, date(2026, 7, 1), "桌面推演")
    page = make_page()
    page.open_drill(drill.uid)
    evaluation = page.editor.evaluation
    assert evaluation.template.currentText() == "桌面演练评估表"  # a tabletop drill gets the tabletop sheet
    assert not evaluation.save_button.isEnabled()
    assert evaluation.closed_note.text() == "演练完成后才能评估。"
    assert not page.editor.summary.save_button.isEnabled()
    assert page.editor.done_button.isEnabled()
    # The day held cannot be after today (15 June), whatever was planned.
    page.editor.done_button.click()
    assert page.editor.dialog.held() == TODAY
    assert page.editor.dialog.held_on.maximumDate() == to_qdate(TODAY)

