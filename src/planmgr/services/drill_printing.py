"""The printed drill forms (reports.drill_forms): the 演练记录表 and the 演练评估报告.

The forms are Chinese documents whatever the interface language: the data is read first (a
refusal speaks the user's language), then what is printed is built inside ``chinese()``.
The plans a drill exercised are named with the version in force on the drill date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import chinese, tr
from planmgr.reports.drill_forms import ActionLine, DrillEvaluationForm, DrillRecordForm, ScoreLine
from planmgr.services import actions, drills
from planmgr.services.drill_evaluation import ITEM_KINDS, get_evaluation, get_summary, value_text
from planmgr.store.database import session_scope
from planmgr.store.models import DrillPlan, Plan, PlanVersion


def versions_in_force(session: Session, plan_ids: Sequence[int], on: date) -> dict[int, PlanVersion]:
    """Per plan, the version published on or before ``on`` (else its current version)."""
    result: dict[int, PlanVersion] = {}
    if not plan_ids:
        return result
    rows = session.exec(
        select(PlanVersion).where(col(PlanVersion.plan_id).in_(plan_ids)).order_by(col(PlanVersion.id))
    ).all()
    for version in rows:
        if version.published_date is not None and version.published_date <= on:
            result[version.plan_id] = version
    for plan_id in plan_ids:
        if plan_id not in result:
            plan = session.get(Plan, plan_id)
            if plan is not None and plan.current_version_id is not None:
                current = session.get(PlanVersion, plan.current_version_id)
                if current is not None:
                    result[plan_id] = current
    return result


def plan_lines(engine: Engine, drill_uid: str) -> list[str]:
    """“《title》（version label）” of each plan the drill exercised, as in force on the drill date."""
    with session_scope(engine) as session:
        drill = drills._drill(session, drill_uid)
        plans = session.exec(
            select(Plan).join(DrillPlan, col(DrillPlan.plan_id) == col(Plan.id))
            .where(DrillPlan.drill_id == drill.id).order_by(col(DrillPlan.id))
        ).all()  # fmt: skip
        versions = versions_in_force(session, [p.id for p in plans if p.id is not None], drill.start)
        lines = []
        for plan in plans:
            version = versions.get(plan.id or 0)
            stamp = f"（{version.label}）" if version else "（未发布）"  # zh-only: printed on the record form
            lines.append(f"《{plan.title}》{stamp}")
        return lines


def record_form(engine: Engine, drill_uid: str, *, printed_on: date | None = None) -> DrillRecordForm:
    """The data of the 演练记录表 of a drill (labels in Chinese, as printed)."""
    detail = drills.get_drill(engine, drill_uid)
    plans = plan_lines(engine, drill_uid)
    s = detail.summary
    time_format = "%m-%d %H:%M" if s.end and s.end != s.start else "%H:%M"
    with chinese():
        attachments = [(drills.ATTACHMENT_KINDS.get(a.kind, a.kind), a.filename) for a in detail.attachments]
    return DrillRecordForm(
        title=s.title,
        unit_name=s.organiser_unit_name,
        start=s.start,
        end=s.end,
        status_label=s.status.label,
        form_label=s.form.label,
        scope_label=s.scope.label,
        purpose_label=s.purpose.label,
        record_version=s.row_version,
        printed_on=printed_on or date.today(),
        location=s.location or "",
        tags=s.tags,
        plans=plans,
        participant_units=detail.participant_units,
        head_count=s.head_count,
        scenario=detail.scenario or "",
        log=[(e.at.strftime(time_format), e.text) for e in detail.log],
        attachments=attachments,
        reported_to_authority=s.reported_to_authority if s.report_required else None,
        note=detail.note or "",
    )  # fmt: skip


def evaluation_form(engine: Engine, drill_uid: str, *, printed_on: date | None = None) -> DrillEvaluationForm:
    """The data of the 演练评估报告 (in Chinese, as printed); ``ValidationError`` if the drill
    has no evaluation yet."""
    evaluation = get_evaluation(engine, drill_uid)
    if evaluation is None:
        raise ValidationError(tr("该演练尚未评估，无法生成评估报告；请先在“演练评估”中评分"))
    summary = get_summary(engine, drill_uid)
    corrective = actions.list_actions(engine, drill_uid=drill_uid)
    record = record_form(engine, drill_uid, printed_on=printed_on)
    with chinese():
        lines = [
            ScoreLine(section.title, item.text, ITEM_KINDS.get(item.kind, item.kind),
                      value_text(item.kind, evaluation.scores.get(item.key)), item.weight)
            for section in evaluation.template.sections
            for item in section.items
        ]  # fmt: skip
        action_lines = [
            ActionLine(a.text, a.owner or "", a.due.isoformat() if a.due else "", a.status.label,
                       a.plan_section_label)
            for a in corrective
        ]  # fmt: skip
    return DrillEvaluationForm(
        record=record,
        template_name=evaluation.template.name,
        template_source=evaluation.template.source,
        eval_date=evaluation.eval_date,
        evaluators=evaluation.evaluators,
        lines=lines,
        score_percent=evaluation.score_percent,
        grade=evaluation.grade,
        comments=evaluation.comments,
        self_assessment=evaluation.self_assessment,
        team_opinion=evaluation.team_opinion,
        conclusion=evaluation.conclusion,
        overview=summary.overview,
        problems=summary.problems,
        lessons=summary.lessons,
        suggestions=summary.suggestions,
        actions=action_lines,
    )
