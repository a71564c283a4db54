"""A plan's life through the page: publish, revise with a trigger, see the diff with the
changed phone number flagged, evaluate with “revise”, read the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from planmgr.domain.enums import EvaluationConclusion, PlanStatus
from planmgr.services import plan_attachments, plans
from planmgr.store.database import Database
from planmgr.ui import theme
from planmgr.ui.plans.history import FLAGS_ROLE, KIND_ROLE, VersionHistoryDialog
from planmgr.ui.plans.lifecycle_dialogs import EvaluationDialog, PublishDialog, RevisionDialog
from tests.ui.conftest import FakeDialogs
from tests.ui.test_plans_data import (
    FOREST_FIRE,
    OVERALL,
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


TODAY = date(2025, 6, 30)


def status_in_tree(page: Any, uid: str) -> str:
    return page.model.index_of_uid(uid).siblingAtColumn(2).data()


def test_publish_a_reviewed_plan(page: Any, system: dict[str, str], database: Database, qtbot: Any) -> None:
    plan_attachments.add_attachment(database.engine, system["forest"], b"%PDF forest", "森林火灾预案.pdf")
    page.actions.today = lambda: TODAY
    page.reveal(system["forest"])
    assert not page.act_publish.isEnabled()  # a draft goes to review first
    run_op(qtbot, page, page.act_review.trigger)
    assert page.act_publish.isEnabled()
    page.act_publish.trigger()
    dialog = page.actions.dialog
    assert isinstance(dialog, PublishDialog)
    assert dialog.windowTitle() == f"发布“{FOREST_FIRE}”"
    assert dialog.label_edit.text() == "1.0"
    assert dialog.major_check.isChecked() and not dialog.major_check.isEnabled()
    assert dialog.major_note.text() == "本预案的第一个版本。"
    assert dialog.published_edit.date().toPython() == TODAY
    dialog.doc_number_edit.setText("开应急〔2025〕3号")
    dialog.approver_edit.setText("市应急管理局局长")
    dialog.label_edit.clear()
    dialog.ok_button.click()
    assert dialog.error_label.text() == "请填写版本号。" and not page.ops.busy
    dialog.label_edit.setText("2025版")
    run_op(qtbot, page, dialog.ok_button.click)
    assert not dialog.isVisible()
    assert status_in_tree(page, system["forest"]) == "已发布"
    assert page.model.index_of_uid(system["forest"]).siblingAtColumn(4).data() == "2025版"
    (version,) = plans.list_versions(database.engine, system["forest"])
    assert (version.label, version.doc_number, version.approver, version.published_date) == (
        "2025版",
        "开应急〔2025〕3号",
        "市应急管理局局长",
        TODAY,
    )
    (document,) = plan_attachments.version_attachments(database.engine, version.uid)
    assert document.filename == "森林火灾预案.pdf"  # the published version carries the text


def start_revision(page: Any, qtbot: Any, uid: str, trigger: str) -> RevisionDialog:
    page.reveal(uid)
    page.act_revise.trigger()
    dialog = page.actions.dialog
    assert isinstance(dialog, RevisionDialog)
    dialog.select_trigger(trigger)
    run_op(qtbot, page, dialog.ok_button.click)
    return dialog


def test_revise_with_a_trigger_and_see_the_changed_phone_number(
    page: Any, system: dict[str, str], database: Database, qtbot: Any
) -> None:
    page.actions.today = lambda: TODAY
    page.reveal(system["overall"])
    page.act_revise.trigger()
    dialog = page.actions.dialog
    sources = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
    assert sources[0] == "GOV2013 第二十五条（一）" and len(sources) == 7  # a government plan's list
    assert not dialog.ok_button.isEnabled()
    dialog.select_trigger("gov25-2")
    assert dialog.view.currentIndex().data() == "应急指挥机构及其职责发生重大调整"
    run_op(qtbot, page, dialog.ok_button.click)
    assert not dialog.isVisible()
    assert status_in_tree(page, system["overall"]) == "修订中"
    qtbot.waitUntil(lambda: "应急指挥机构及其职责发生重大调整" in page.detail.facts.text())

    # the duty phone changes in the working text
    page.act_edit.trigger()
    editor = page.actions.dialog
    contacts = editor.content.sections["contacts"].model
    assert contacts.setData(contacts.index(1, 2), "0750-2219999")
    run_op(qtbot, page, editor.save_button.click)

    page.act_publish.trigger()
    publish = page.actions.dialog
    assert publish.label_edit.text() == "1.1"  # only the contacts changed: not a major revision
    assert not publish.major_check.isChecked()
    assert (
        publish.trigger_combo.currentText() == "应急指挥机构及其职责发生重大调整（GOV2013 第二十五条（二））"
    )
    run_op(qtbot, page, publish.ok_button.click)
    assert [v.label for v in plans.list_versions(database.engine, system["overall"])] == ["1.0", "1.1"]
    assert plans.list_versions(database.engine, system["overall"])[1].revision_trigger == "gov25-2"

    page.act_history.trigger()
    history = page.actions.dialog
    assert isinstance(history, VersionHistoryDialog)
    assert history.windowTitle() == f"“{OVERALL}”的版本历史"
    assert (history.old_combo.currentText(), history.new_combo.currentText()) == ("1.0", "1.1")
    model = history.diff.diff_model
    rows = [
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 2).data())
        for r in range(model.rowCount())
    ]
    assert rows[0] == ("联系方式 — 有修改", "", "⚑ 电话")
    lines = [r for r in range(model.rowCount()) if model.index(r, 0).data(KIND_ROLE) != "section"]
    flagged = [r for r in lines if model.index(r, 0).data(FLAGS_ROLE) == ("电话",)]
    assert len(flagged) == 1
    row = flagged[0]
    assert model.index(row, 0).data() == "市应急管理局 | 值班 | 0750-2219110"
    assert model.index(row, 1).data() == "市应急管理局 | 值班 | 0750-2219999"
    assert model.index(row, 2).data() == "⚑ 电话"
    assert model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole).name().upper() == theme.OVERDUE
    assert model.index(row, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert history.summary.text() == "1 个章节有修改：联系方式。 请核对标有 ⚑ 的修改：电话 1。"
    assert history.diff.columnSpan(0, 0) == 2  # the section row spans both texts

    history.only_changed.setChecked(False)  # every section, unchanged ones too
    kinds = [model.index(r, 0).data(KIND_ROLE) for r in range(model.rowCount())]
    assert kinds.count("section") == 9
    history.choose(1, 1)
    assert history.summary.text() == "两边选择的是同一个文本。"


def test_a_major_revision_is_pre_checked_and_flags_the_response_level(
    page: Any, system: dict[str, str], qtbot: Any
) -> None:
    page.actions.today = lambda: TODAY
    start_revision(page, qtbot, system["overall"], "gov25-3")
    page.act_edit.trigger()
    editor = page.actions.dialog
    levels = editor.content.sections["response_levels"]
    levels.view.selectRow(1)
    levels.remove_button.click()
    procedure = editor.content.sections["procedure"].model
    procedure.setData(procedure.index(0, 3), "1小时内")
    run_op(qtbot, page, editor.save_button.click)
    page.act_publish.trigger()
    publish = page.actions.dialog
    assert publish.major_check.isChecked()
    assert publish.label_edit.text() == "2.0"
    assert "响应分级、应急处置程序" in publish.major_note.text()
    publish.reject()
    page.act_history.trigger()
    history = page.actions.dialog
    assert history.new_combo.currentText() == "编辑稿（未发布）"  # the working text against 1.0
    model = history.diff.diff_model
    flags = {f for r in range(model.rowCount()) for f in model.index(r, 0).data(FLAGS_ROLE)}
    assert flags == {"响应级别", "时限"}


def test_evaluation_with_conclusion_revise_starts_a_revision(
    page: Any, system: dict[str, str], database: Database, qtbot: Any
) -> None:
    page.actions.today = lambda: TODAY
    page.reveal(system["quake"])
    page.act_evaluations.trigger()
    listing = page.actions.dialog
    assert listing.empty.isVisible() and listing.model.rowCount() == 0
    listing.record_button.click()
    dialog = page.actions.dialog
    assert isinstance(dialog, EvaluationDialog)
    assert not dialog.consequence.isVisible()
    dialog.set_conclusion(EvaluationConclusion.REVISE)
    assert dialog.consequence.text() == "保存后，预案将转入“修订中”。"
    dialog.method_combo.setCurrentIndex(1)
    dialog.evaluators_edit.setText("市应急管理局专家组")
    dialog.findings_edit.setPlainText("地震应急指挥部成员单位已调整。")
    run_op(qtbot, page, dialog.ok_button.click)
    assert not dialog.isVisible()
    assert status_in_tree(page, system["quake"]) == "修订中"
    assert plans.get_plan(database.engine, system["quake"]).summary.status is PlanStatus.REVISING
    assert listing.model.rowCount() == 1  # the list shows it at once
    assert [listing.model.index(0, c).data() for c in range(5)] == [
        TODAY.isoformat(),
        "专家评估",
        "需要修订",
        "市应急管理局专家组",
        "地震应急指挥部成员单位已调整。",
    ]
    assert not listing.empty.isVisible()


def test_refusals_from_the_service_stay_in_the_dialog(
    page: Any, system: dict[str, str], qtbot: Any, fake_dialogs: FakeDialogs
) -> None:
    page.actions.today = lambda: TODAY
    start_revision(page, qtbot, system["overall"], "gov25-1")
    page.act_publish.trigger()
    publish = page.actions.dialog
    publish.label_edit.setText("1.0")  # exists already
    run_op(qtbot, page, publish.ok_button.click)
    assert publish.isVisible() and publish.error_label.text() == "版本号“1.0”已存在，请换一个"
    (error,) = fake_dialogs.of_kind("error")
    assert error.title == "“发布”未完成"


def test_audit_trail_is_shown_read_only(page: Any, system: dict[str, str], qtbot: Any) -> None:
    page.reveal(system["forest"])
    run_op(qtbot, page, page.act_review.trigger)
    page.act_audit.trigger()
    dialog = page.actions.dialog
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert [r[2:4] for r in rows] == [["预案", "修改"], ["预案", "新增"]]  # newest first
    assert rows[0][4] == "状态：编制中 → 评审中"
    assert "预案名称：开平市森林火灾应急预案" in rows[1][4]
    assert "事件类型：森林草原火灾" in rows[1][4]
    assert all(not model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable for c in range(5))
    assert dialog.details.isReadOnly()
    assert dialog.details.toPlainText() == "状态：编制中 → 评审中"
