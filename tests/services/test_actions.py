"""The improvement loop: drill → finding → corrective action → plan revision → closed by the version."""

from __future__ import annotations

from datetime import date

import pytest

from planmgr.domain.enums import ActionStatus, DrillForm, FindingSource, PlanCategory
from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.domain.rules import DueKind
from planmgr.services import actions, drills, plans
from planmgr.services import drill_evaluation as ev
from planmgr.services.compliance import due_report
from planmgr.store.database import Database
from tests.factories import make_action, make_evaluation, make_finding, make_plan, make_unit, set_plan_status

TODAY = date(2025, 12, 1)

PROCEDURE_V1 = [{"step": "1", "action": "发现泄漏立即报告中控室", "responsible": "巡检员", "time_limit": "立即"}]
PROCEDURE_V2 = [
    {"step": "1", "action": "发现泄漏立即报告中控室", "responsible": "巡检员", "time_limit": "立即"},
    {"step": "2", "action": "统一使用对讲机 3 频道下达指令", "responsible": "通讯组", "time_limit": "5分钟"},
]
CONTENT_V1 = {"scope": "适用于本公司液氨储存区。", "procedure": PROCEDURE_V1,
              "contacts": [{"name": "中控室", "role": "值班", "phone": "0750-2611111"}]}  # fmt: skip


def published_plan(engine: object, unit_uid: str, title: str = "甲公司综合应急预案") -> str:
    plan = plans.create_plan(
        engine, plans.PlanDraft(title, PlanCategory.ENT_COMPREHENSIVE, unit_uid, content=CONTENT_V1)  # type: ignore[arg-type]
    )
    plans.send_for_review(engine, plan.uid)  # type: ignore[arg-type]
    plans.publish(engine, plan.uid, plans.PublishInfo("1.0", date(2024, 1, 5)))  # type: ignore[arg-type]
    return plan.uid


@pytest.fixture
def setup(any_database: Database) -> dict[str, str]:
    engine = any_database.engine
    unit = make_unit(any_database, "开平市甲化工有限公司", high_risk=True).uid
    plan = published_plan(engine, unit)
    drill = drills.plan_drill(engine, drills.DrillDraft("液氨泄漏实战演练", unit, date(2025, 6, 10), [plan],
                                                        form=DrillForm.FIELD))  # fmt: skip
    drills.mark_done(engine, drill.uid, held_on=date(2025, 6, 12), today=TODAY)
    return {"unit": unit, "plan": plan, "drill": drill.uid}


def test_whole_loop_from_drill_to_the_plan_version_that_fixed_it(
    any_database: Database, setup: dict[str, str]
) -> None:
    engine = any_database.engine
    ev.record_summary(engine, setup["drill"], ev.SummaryReport(
        "完成液氨泄漏处置演练。", ["对讲机频道不统一，指令传达延迟约 3 分钟"], "", "统一通讯频道"))  # fmt: skip
    findings = actions.findings_from_drill_summary(engine, setup["drill"], plan_uid=setup["plan"])
    assert [f.text for f in findings] == ["对讲机频道不统一，指令传达延迟约 3 分钟"]
    assert findings[0].source is FindingSource.DRILL and findings[0].drill_title == "液氨泄漏实战演练"
    # Asking again does not duplicate the finding.
    assert actions.findings_from_drill_summary(engine, setup["drill"], plan_uid=setup["plan"]) == []

    action = actions.add_action(engine, findings[0].uid, actions.ActionInput(
        "在应急处置程序中明确通讯频道", owner="安全主任 王五", due=date(2025, 8, 1), plan_section="procedure"))  # fmt: skip
    assert (action.status, action.plan_uid, action.plan_section_label) == (
        ActionStatus.OPEN, setup["plan"], "应急处置程序")  # fmt: skip
    assert action.unit_name == "开平市甲化工有限公司"
    # It changes the plan, so only a plan version can close it.
    with pytest.raises(ValidationError, match="请修订预案并发布新版本"):
        actions.set_status(engine, action.uid, ActionStatus.DONE)
    action = actions.set_status(engine, action.uid, ActionStatus.IN_PROGRESS, expected_row_version=action.row_version)

    v1 = plans.list_versions(engine, setup["plan"])[0]
    with pytest.raises(ValidationError, match="早于该问题的登记"):
        actions.close_through_revision(engine, action.uid, v1.uid)

    plans.start_revision(engine, setup["plan"], trigger="ent36-5")
    current = plans.get_plan(engine, setup["plan"])
    plans.update_plan(engine, setup["plan"], expected_row_version=current.summary.row_version,
                      content={**current.content, "procedure": PROCEDURE_V2})  # fmt: skip
    v2 = plans.publish(engine, setup["plan"], plans.PublishInfo("2.0", date(2025, 7, 20), change_summary="明确通讯频道"))
    assert v2.revision_trigger == "ent36-5"

    closed = actions.close_through_revision(engine, action.uid, v2.uid, expected_row_version=action.row_version)
    assert closed.status is ActionStatus.DONE
    assert (closed.closed_by_version_uid, closed.closed_by_version_label) == (v2.uid, "2.0")
    assert closed.closed_at == date(2025, 7, 20)
    verified = actions.set_status(engine, action.uid, ActionStatus.VERIFIED)
    assert verified.status is ActionStatus.VERIFIED
    assert [a.closed_by_version_label for a in actions.list_actions(engine, plan_uid=setup["plan"])] == ["2.0"]
    # A closed action is no longer due.
    assert not [i for i in due_report(engine, date(2025, 9, 1)).items if i.kind is DueKind.ACTION]


def test_closing_version_must_be_of_the_plan_and_change_the_section(
    any_database: Database, setup: dict[str, str]
) -> None:
    engine = any_database.engine
    finding = actions.add_finding(engine, actions.FindingInput(
        FindingSource.DRILL, "通讯频道不统一", drill_uid=setup["drill"], plan_uid=setup["plan"]))  # fmt: skip
    action = actions.add_action(engine, finding.uid, actions.ActionInput("明确通讯频道", plan_section="procedure"))

    other = published_plan(engine, setup["unit"], "甲公司火灾专项应急预案")
    plans.start_revision(engine, other)
    other_v2 = plans.publish(engine, other, plans.PublishInfo("2.0", date(2025, 7, 1), major=False))
    with pytest.raises(ValidationError, match="不属于预案“甲公司综合应急预案”"):
        actions.close_through_revision(engine, action.uid, other_v2.uid)

    # A revision that only changed the contacts did not fix the procedure.
    plans.start_revision(engine, setup["plan"])
    current = plans.get_plan(engine, setup["plan"])
    plans.update_plan(engine, setup["plan"], expected_row_version=None, content={
        **current.content, "contacts": [{"name": "中控室", "role": "值班", "phone": "0750-2622222"}]})  # fmt: skip
    contacts_only = plans.publish(engine, setup["plan"], plans.PublishInfo("1.1", date(2025, 7, 1)))
    with pytest.raises(ValidationError, match="没有修改“应急处置程序”（与问题登记时的版本“1.0”相同）"):
        actions.close_through_revision(engine, action.uid, contacts_only.uid)
    assert actions.list_actions(engine, plan_uid=setup["plan"])[0].status is ActionStatus.OPEN

    with pytest.raises(NotFoundError, match="找不到预案版本"):
        actions.close_through_revision(engine, action.uid, "no-such-version")
    with pytest.raises(ValidationError, match="未知的预案章节"):
        actions.add_action(engine, finding.uid, actions.ActionInput("x", plan_section="chapter9"))
    incident = actions.add_finding(engine, actions.FindingInput(FindingSource.INCIDENT, "停电时应急照明不足"))
    with pytest.raises(ValidationError, match="请同时指明是哪个预案"):
        actions.add_action(engine, incident.uid, actions.ActionInput("补充照明", plan_section="resources"))
    no_plan = actions.add_action(engine, incident.uid, actions.ActionInput("补充照明"))
    with pytest.raises(ValidationError, match="没有指明预案"):
        actions.close_through_revision(engine, no_plan.uid, contacts_only.uid)


def test_status_changes_allowed_and_refused(any_database: Database, setup: dict[str, str]) -> None:
    engine = any_database.engine
    finding = actions.add_finding(engine, actions.FindingInput(FindingSource.DRILL, "疏散指示牌不清",
                                                               drill_uid=setup["drill"]))  # fmt: skip
    action = actions.add_action(engine, finding.uid, actions.ActionInput("增设疏散指示牌", "设备部", date(2025, 7, 15)))
    assert action.plan_uid == setup["plan"] or action.plan_uid is None
    with pytest.raises(ValidationError, match="不能改为“已验证”（只有已完成的可以）"):
        actions.set_status(engine, action.uid, ActionStatus.VERIFIED)
    with pytest.raises(ValidationError, match="已是“未开始”状态"):
        actions.set_status(engine, action.uid, ActionStatus.OPEN)
    done = actions.set_status(engine, action.uid, ActionStatus.DONE, on=date(2025, 7, 10))
    assert done.closed_at == date(2025, 7, 10)
    # Verification failed: back to work, no longer closed.
    again = actions.set_status(engine, action.uid, ActionStatus.IN_PROGRESS)
    assert again.status is ActionStatus.IN_PROGRESS and again.closed_at is None
    with pytest.raises(ValidationError, match="不能退回“未开始”"):
        actions.set_status(engine, action.uid, ActionStatus.OPEN)
    actions.set_status(engine, action.uid, ActionStatus.DONE, on=date(2025, 7, 12))
    actions.set_status(engine, action.uid, ActionStatus.VERIFIED)
    for target in (ActionStatus.IN_PROGRESS, ActionStatus.DONE):
        with pytest.raises(ValidationError, match="已验证，不能再改变状态"):
            actions.set_status(engine, action.uid, target)
    with pytest.raises(ValidationError, match="已关闭"):
        actions.update_action(engine, action.uid, expected_row_version=None, owner="别人")


def test_stale_action_edit_is_refused(any_database: Database, setup: dict[str, str]) -> None:
    engine = any_database.engine
    finding = actions.add_finding(engine, actions.FindingInput(FindingSource.DRILL, "问题", drill_uid=setup["drill"]))
    action = actions.add_action(engine, finding.uid, actions.ActionInput("整改", "甲", date(2025, 8, 1)))
    actions.update_action(engine, action.uid, expected_row_version=action.row_version, owner="乙")
    with pytest.raises(ConflictError, match="已被其他人修改"):
        actions.update_action(engine, action.uid, expected_row_version=action.row_version, due=date(2025, 9, 1))
    with pytest.raises(ConflictError):
        actions.set_status(engine, action.uid, ActionStatus.IN_PROGRESS, expected_row_version=action.row_version)
    now = actions.list_actions(engine, finding_uid=finding.uid)[0]
    assert (now.owner, now.due, now.status) == ("乙", date(2025, 8, 1), ActionStatus.OPEN)


def test_overdue_actions_at_an_as_of_date(any_database: Database) -> None:
    engine = any_database.engine
    unit = make_unit(any_database, "赤坎镇人民政府", "town")
    other_unit = make_unit(any_database, "塘口镇人民政府", "town")
    plan = make_plan(any_database, unit, "赤坎镇防汛应急预案", "town", published=date(2024, 4, 1))
    other = make_plan(any_database, other_unit, "塘口镇防汛应急预案", "town", published=date(2024, 4, 1))
    old = make_plan(any_database, unit, "赤坎镇旧预案", "town", published=date(2020, 4, 1))
    late = make_action(any_database, due=date(2025, 3, 1), plan=plan, text="更新转移名册")
    working = make_action(any_database, due=date(2025, 3, 15), status="in_progress", plan=plan, text="增设广播")
    make_action(any_database, due=date(2025, 4, 1), plan=plan, text="今天到期")
    make_action(any_database, due=date(2025, 2, 1), status="done", plan=plan, text="已完成")
    make_action(any_database, due=None, plan=plan, text="无期限")
    make_action(any_database, due=date(2025, 1, 1), plan=old, text="旧预案的整改")
    set_plan_status(any_database, old, "abolished")
    elsewhere = make_action(any_database, due=date(2025, 2, 20), plan=other, text="塘口镇的整改")
    evaluation = make_evaluation(any_database, plan, date(2025, 1, 10))
    from_evaluation = make_action(any_database, due=date(2025, 3, 20), evaluation=evaluation, text="评估发现")

    overdue = actions.overdue_actions(engine, date(2025, 4, 1))
    assert [a.uid for a in overdue] == [elsewhere.uid, late.uid, working.uid, from_evaluation.uid]
    assert all(a.overdue(date(2025, 4, 1)) for a in overdue)
    assert from_evaluation.uid in {a.uid for a in actions.list_actions(engine, plan_uid=plan.uid)}
    mine = actions.overdue_actions(engine, date(2025, 4, 1), unit_uid=unit.uid)
    assert [a.text for a in mine] == ["更新转移名册", "增设广播", "评估发现"]
    assert actions.overdue_actions(engine, date(2025, 3, 1)) == [a for a in overdue if a.uid == elsewhere.uid]
    # The due list agrees on which actions are overdue.
    due = {i.plan_uid for i in due_report(engine, date(2025, 4, 1)).items
           if i.kind is DueKind.ACTION and i.status.value == "overdue"}  # fmt: skip
    assert due == {plan.uid, other.uid}

    # The full list still shows the abolished plan's action (by due date, none last).
    by_status = actions.list_actions(engine, unit_uid=unit.uid, statuses=[ActionStatus.OPEN])
    assert [a.text for a in by_status] == ["旧预案的整改", "更新转移名册", "评估发现", "今天到期", "无期限"]


def test_findings_need_their_source(any_database: Database, setup: dict[str, str]) -> None:
    engine = any_database.engine
    with pytest.raises(ValidationError, match="请指明是哪次演练"):
        actions.add_finding(engine, actions.FindingInput(FindingSource.DRILL, "问题"))
    with pytest.raises(ValidationError, match="请指明是哪次评估"):
        actions.add_finding(engine, actions.FindingInput(FindingSource.EVALUATION, "问题"))
    with pytest.raises(ValidationError, match="问题描述不能为空"):
        actions.add_finding(engine, actions.FindingInput(FindingSource.INCIDENT, "  "))
    make_finding(any_database, text="工厂数据", source="incident")
    found = actions.add_finding(engine, actions.FindingInput(FindingSource.DRILL, "演练问题", drill_uid=setup["drill"]))
    assert [f.uid for f in actions.list_findings(engine, drill_uid=setup["drill"])] == [found.uid]
    assert len(actions.list_findings(engine)) == 2


def test_versions_offered_to_close_an_action(any_database: Database, setup: dict[str, str]) -> None:
    engine = any_database.engine
    finding = actions.add_finding(engine, actions.FindingInput(
        FindingSource.DRILL, "通讯频道不统一", drill_uid=setup["drill"], plan_uid=setup["plan"]))  # fmt: skip
    action = actions.add_action(engine, finding.uid, actions.ActionInput("明确通讯频道", plan_section="procedure"))
    loose = actions.add_action(engine, finding.uid, actions.ActionInput("组织一次通讯专项培训"))
    plans.start_revision(engine, setup["plan"])
    current = plans.get_plan(engine, setup["plan"])
    plans.update_plan(engine, setup["plan"], expected_row_version=None, content={
        **current.content, "contacts": [{"name": "中控室", "role": "值班", "phone": "0750-2622222"}]})  # fmt: skip
    plans.publish(engine, setup["plan"], plans.PublishInfo("1.1", date(2025, 7, 1)))
    plans.start_revision(engine, setup["plan"])
    current = plans.get_plan(engine, setup["plan"])
    plans.update_plan(engine, setup["plan"], expected_row_version=None,
                      content={**current.content, "procedure": PROCEDURE_V2})  # fmt: skip
    plans.publish(engine, setup["plan"], plans.PublishInfo("2.0", date(2025, 7, 20), change_summary="明确通讯频道"))

    offered = actions.versions_for_closing(engine, action.uid)
    assert [(v.label, v.newer_than_finding, v.changes_section, v.usable) for v in offered] == [
        ("2.0", True, True, True), ("1.1", True, False, False), ("1.0", False, False, False)]  # fmt: skip
    assert offered[0].change_summary == "明确通讯频道"
    # Without a section any newer version closes it.
    assert [(v.label, v.usable) for v in actions.versions_for_closing(engine, loose.uid)] == [
        ("2.0", True), ("1.1", True), ("1.0", False)]  # fmt: skip
    # The offer matches what closing accepts.
    with pytest.raises(ValidationError):
        actions.close_through_revision(engine, action.uid, offered[1].uid)
    assert actions.close_through_revision(engine, action.uid, offered[0].uid).closed_by_version_label == "2.0"
    incident = actions.add_finding(engine, actions.FindingInput(FindingSource.INCIDENT, "停电时应急照明不足"))
    no_plan = actions.add_action(engine, incident.uid, actions.ActionInput("补充照明"))
    assert actions.versions_for_closing(engine, no_plan.uid) == []
