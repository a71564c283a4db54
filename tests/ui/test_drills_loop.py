"""The whole drill loop as a user goes through it on the 演练 page: plan a drill, record it,
mark it done, evaluate it (the grade shows as the scores are given), write the summary,
raise a finding and a corrective action, revise the plan, close the action by the new
version and see it leave the open-actions list (and the due list)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planmgr.domain.enums import ActionStatus, DrillStatus
from planmgr.domain.rules import DueKind
from planmgr.services import actions, drills
from planmgr.services.compliance import due_report
from planmgr.services.drill_evaluation import YES_NO
from planmgr.store.database import Database
from planmgr.ui import theme
from planmgr.ui.drills.action_models import ActionModel
from planmgr.ui.drills.drill_form import select_data
from planmgr.ui.drills.models import DrillTableModel
from planmgr.ui.drills.small_dialogs import to_qdate
from tests.ui import test_drills_support as support
from tests.ui.conftest import FakeDialogs
from tests.ui.test_drills_support import COMP, ONSITE, TODAY, PageMaker, wait_idle

pytestmark = pytest.mark.gui


@pytest.fixture
def make_page(qtbot, database: Database, tmp_path: Path) -> Iterator[PageMaker]:
    yield from support.pages(qtbot, database, tmp_path)


def cell(model, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
    return model.index(row, column).data(role)


def test_plan_record_evaluate_and_close_the_loop_through_a_revision(
    qtbot, database: Database, make_page: PageMaker, fake_dialogs: FakeDialogs
) -> None:
    world = support.build_world(database)
    engine = database.engine
    page = make_page()
    ops = page.ops
    assert page.list_stack.currentWidget() is page.empty
    assert page.empty.title_label.text() == "尚无演练记录"

    # --- plan: a new drill of the enterprise, exercising its comprehensive plan
    page.new_action.trigger()
    editor = page.editor
    assert editor is not None and editor.windowTitle() == "新建演练"
    assert [editor.tabs.isTabEnabled(i) for i in range(editor.tabs.count())] == [True, False, False, False, False]
    form = editor.form
    form.unit.setCurrentIndex(form.unit.findData(world.chem))
    assert [form.plans.item_at(r).title for r in range(form.plans.rowCount())] == sorted([COMP, ONSITE])
    form.title.setText("储罐区泄漏综合应急演练")
    form.start.setDate(to_qdate(date(2026, 6, 10)))
    select_data(form.form, "field")
    form.tag_boxes["双盲"].setChecked(True)
    form.location.setText("储罐区")
    assert editor.save_button.text() == "列入演练计划"
    form.plans.set_checked(world.comp)
    editor.save_button.click()
    wait_idle(qtbot, ops)
    assert editor.windowTitle() == "演练：储罐区泄漏综合应急演练"
    assert editor.status.text() == "状态：计划中"
    assert editor.tabs.currentWidget() is editor.record
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    wait_idle(qtbot, ops)
    assert cell(page.proxy, 0, DrillTableModel.TITLE) == "储罐区泄漏综合应急演练"
    assert cell(page.proxy, 0, DrillTableModel.TAGS) == "双盲"
    # Planned on 06-10, and it is the 15th: the list says so, in red.
    assert cell(page.proxy, 0, DrillTableModel.STATUS) == "计划中（已过计划日期）"
    assert cell(page.proxy, 0, DrillTableModel.STATUS, Qt.ItemDataRole.ForegroundRole) == QColor(theme.OVERDUE)

    # --- record: participants, head count, scenario, a line of the log
    record = editor.record
    record.participants.setPlainText(f"{support.CHEM}\n{support.TOWN}")
    record.head_count.setValue(48)
    record.scenario.setPlainText("2号储罐法兰泄漏，现场可燃气体报警。")
    record.save_button.click()
    wait_idle(qtbot, ops)
    record.add_log_button.click()
    entry = record.dialog
    assert entry is not None and entry.windowTitle() == "添加过程记录"
    assert entry.when().isoformat() == "2026-06-10T09:00:00"
    assert not entry.ok_button.isEnabled()  # nothing written yet
    entry.what.setText("指挥部下达疏散命令")
    entry.ok_button.click()
    wait_idle(qtbot, ops)
    assert [(cell(record.log_model, 0, 0), cell(record.log_model, 0, 1))] == [("09:00", "指挥部下达疏散命令")]
    saved = drills.get_drill(engine, editor.session.uid)
    assert (saved.summary.head_count, saved.participant_units) == (48, (support.CHEM, support.TOWN))
    assert not editor.evaluation.save_button.isEnabled()  # only a done drill is evaluated

    # --- done on the day it was held
    editor.done_button.click()
    done = editor.dialog
    assert done is not None and done.held() == date(2026, 6, 10)
    done.ok_button.click()
    wait_idle(qtbot, ops)
    assert editor.status.text() == "状态：已完成"
    assert not editor.done_button.isEnabled()
    assert cell(page.proxy, 0, DrillTableModel.STATUS) == "已完成"
    assert cell(page.proxy, 0, DrillTableModel.STATUS, Qt.ItemDataRole.ForegroundRole) == QColor(theme.OK)

    # --- evaluate: the field template for a field drill; the grade follows the scores
    evaluation = editor.evaluation
    editor.tabs.setCurrentWidget(evaluation)
    assert evaluation.template.currentText() == "实战演练评估表"
    assert evaluation.score_label.text() == "得分率：尚未评分"
    items = [row[1] for row in evaluation.model.items()]
    for item in items:
        evaluation.model.set_score(item.key, True if item.kind == YES_NO else 4)
    assert evaluation.score_label.text() == "得分率 87.5% · 良好"  # (6 × 1 + 10 × 0.8) / 16
    first_yes_no = next(i for i in items if i.kind == YES_NO)
    evaluation.model.set_score(first_yes_no.key, False)
    assert evaluation.score_label.text() == "得分率 81.3% · 良好"
    evaluation.model.set_score(first_yes_no.key, True)
    evaluation.team_opinion.setPlainText("处置程序基本可行，人员清点环节需改进。")
    evaluation.save_button.click()
    wait_idle(qtbot, ops)
    assert cell(page.proxy, 0, DrillTableModel.SCORE) == "87.5%"
    assert editor.print_evaluation_button.isEnabled()

    # --- summary report; its problem becomes a finding
    summary = editor.summary
    summary.overview.setPlainText("检验储罐区泄漏处置程序。")
    summary.problems.setPlainText("疏散集合点清点人数用时过长\n")
    summary.save_button.click()
    wait_idle(qtbot, ops)
    summary.findings_button.click()
    wait_idle(qtbot, ops)
    assert fake_dialogs.of_kind("inform")[-1].text == "新登记了 1 个问题。请在“问题与整改”页制定整改措施。"

    # --- a corrective action that changes the plan's 应急处置程序, due five days ago
    improvement = editor.improvement
    assert cell(improvement.findings, 0, 0) == "疏散集合点清点人数用时过长"
    assert not improvement.add_action_button.isEnabled()
    improvement.finding_view.selectRow(0)
    improvement.add_action_button.click()
    dialog = improvement.dialog
    assert dialog is not None and dialog.plan.currentText() == COMP
    dialog.what.setPlainText("修订应急处置程序：集合点由安全员按花名册清点人数")
    dialog.owner.setText("安全主任 王五")
    dialog.due.setDate(to_qdate(date(2026, 6, 10)))
    dialog.section.setCurrentIndex(dialog.section.findData("procedure"))
    dialog.ok_button.click()
    wait_idle(qtbot, ops)
    panel = improvement.actions
    assert panel.model.rowCount() == 1
    assert cell(panel.model, 0, ActionModel.DUE) == "2026-06-10（已逾期）"
    assert cell(panel.model, 0, ActionModel.TEXT, Qt.ItemDataRole.ForegroundRole) == QColor(theme.OVERDUE)
    panel.view.selectRow(0)
    assert not panel.done_button.isEnabled()  # a plan section is closed by a plan version only
    assert panel.done_button.toolTip() == "这项整改要修改预案章节：请用预案新版本关闭。"
    assert [i.kind for i in due_report(engine, TODAY).items if i.kind is DueKind.ACTION]

    # The page's list of open actions shows it too, overdue.
    page.tabs.setCurrentWidget(page.actions_panel)
    open_list = page.actions_panel
    assert open_list.model.rowCount() == 1
    assert open_list.counts.text() == "未完成整改 1 项，其中逾期 1 项"
    assert cell(open_list.model, 0, ActionModel.SECTION) == "应急处置程序"

    # --- the plan is revised and published (the plans page's work), then the action is closed by it
    v2 = support.revise_procedure(engine, world.comp)
    open_list.view.selectRow(0)
    assert open_list.close_button.isEnabled()
    open_list.close_button.click()
    close = open_list.dialog
    assert close is not None and close.windowTitle() == "由新版本关闭"
    offered = [(cell(close.model, r, 0), cell(close.model, r, 3)) for r in range(close.model.rowCount())]
    assert offered == [("2.0", "能"), ("1.0", "否：早于问题登记")]
    assert close.selected() is not None and close.selected().uid == v2.uid
    close.ok_button.click()
    wait_idle(qtbot, ops)

    # It left the open list (and the due list), and shows as closed by 2.0 among the closed ones.
    assert open_list.model.rowCount() == 0
    assert open_list.counts.text() == "未完成整改 0 项，其中逾期 0 项"
    assert not [i for i in due_report(engine, TODAY).items if i.kind is DueKind.ACTION]
    open_list.show_closed.setChecked(True)
    assert open_list.model.rowCount() == 1
    assert cell(open_list.model, 0, ActionModel.STATUS) == "已完成"
    assert cell(open_list.model, 0, ActionModel.CLOSED_BY) == "2.0"
    closed = actions.list_actions(engine)[0]
    assert (closed.status, closed.closed_by_version_label) == (ActionStatus.DONE, "2.0")
    # Verifying it ends the loop.
    open_list.view.selectRow(0)
    open_list.verify_button.click()
    wait_idle(qtbot, ops)
    assert cell(open_list.model, 0, ActionModel.STATUS) == "已验证"
    assert drills.get_drill(engine, editor.session.uid).summary.status is DrillStatus.DONE
    assert fake_dialogs.of_kind("error") == []
