"""The improvement loop (持续改进): findings and corrective actions (纠正行动, AQ/T 9009).

A finding (问题) comes from a drill, a plan evaluation or a real incident. Each finding gets
one or more corrective actions with an owner and a due date. An action may name the plan
section it changes (a ``planmgr.domain.content.SECTIONS`` key); such an action is closed by
the plan revision that changes the section (``close_through_revision``: ENT Art.36 ⑤ /
GOV2013 Art.25 — problems found in drills are a revision trigger), so the fix can be traced
to the version that carries it.

Status of an action::

    open ──→ in_progress ──→ done ──→ verified
      └────────────────────→ done ──→ in_progress   (verification failed: work again)

An action that names a plan section reaches ``done`` only through a plan version.
``overdue_actions`` and the due list (``services.compliance``) count open and in-progress
actions with a due date before the as-of date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, and_, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from planmgr.domain.content import SECTIONS, section_lines, section_text, section_texts
from planmgr.domain.enums import ActionStatus, FindingSource, PlanStatus
from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.domain.i18n import join, tr
from planmgr.store.database import session_scope
from planmgr.store.models import CorrectiveAction, Drill, Evaluation, Finding, Plan, PlanVersion, Unit

MAX_TEXT = 2000
MAX_OWNER = 100

OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)

# Allowed manual status changes (target ← sources).
TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    ActionStatus.IN_PROGRESS: frozenset({ActionStatus.OPEN, ActionStatus.DONE}),
    ActionStatus.DONE: frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS}),
    ActionStatus.VERIFIED: frozenset({ActionStatus.DONE}),
    ActionStatus.OPEN: frozenset(),
}

_RETIRED = (PlanStatus.SUPERSEDED.value, PlanStatus.ABOLISHED.value)


def refusal(current: ActionStatus, target: ActionStatus) -> str | None:
    """The reason (in the user's language) why an action cannot go from ``current`` to
    ``target``, or ``None``."""
    if current is target:
        return tr("整改措施已是“{status}”状态", status=current.text)
    if current in TRANSITIONS[target]:
        return None
    if current is ActionStatus.VERIFIED:
        return tr("整改措施已验证，不能再改变状态；如发现新问题请另行登记")
    if target is ActionStatus.OPEN:
        return tr("整改措施开始后不能退回“未开始”；如需重新整改请改为“整改中”")
    sources = join(s.text for s in ActionStatus if s in TRANSITIONS[target])
    return tr(
        "整改措施当前状态为“{current}”，不能改为“{target}”（只有{sources}的可以）",
        current=current.text,
        target=target.text,
        sources=sources,
    )


# --- plain data ------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingInput:
    source: FindingSource
    text: str
    drill_uid: str | None = None
    evaluation_uid: str | None = None
    plan_uid: str | None = None


@dataclass(frozen=True)
class FindingRecord:
    uid: str
    source: FindingSource
    text: str
    drill_uid: str | None
    drill_title: str | None
    evaluation_uid: str | None
    plan_uid: str | None
    plan_title: str | None
    recorded_on: date


@dataclass(frozen=True)
class ActionInput:
    text: str
    owner: str | None = None
    due: date | None = None
    plan_uid: str | None = None  # default: the finding's plan
    plan_section: str | None = None  # a content section key, e.g. "procedure"


@dataclass(frozen=True)
class ActionRecord:
    uid: str
    finding_uid: str
    finding_text: str
    source: FindingSource
    text: str
    owner: str | None
    due: date | None
    status: ActionStatus
    plan_uid: str | None
    plan_title: str | None
    plan_section: str | None
    unit_uid: str | None
    unit_name: str | None
    closed_by_version_uid: str | None
    closed_by_version_label: str | None
    closed_at: date | None
    row_version: int

    @property
    def plan_section_label(self) -> str:
        """The section's title in the interface language (inside ``chinese()``: as printed)."""
        return section_text(self.plan_section or "")

    def overdue(self, as_of: date) -> bool:
        return self.status in OPEN_STATUSES and self.due is not None and self.due < as_of


# --- helpers ---------------------------------------------------------------------------


def _clean_text(text: str, label: str, limit: int = MAX_TEXT) -> str:
    """``text`` trimmed; ``label`` names the field (already translated)."""
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(tr("{field}不能为空", field=label))
    if len(cleaned) > limit:
        raise ValidationError(tr("{field}过长（最多 {limit} 字）", field=label, limit=limit))
    return cleaned


def _owner(owner: str | None) -> str | None:
    if owner is None or not owner.strip():
        return None
    return _clean_text(owner, tr("责任人"), MAX_OWNER)


def _not_found(model: type, uid: str) -> str:
    if model is Drill:
        return tr("找不到演练：{uid}", uid=uid)
    if model is Evaluation:
        return tr("找不到评估：{uid}", uid=uid)
    if model is Plan:
        return tr("找不到预案：{uid}", uid=uid)
    if model is PlanVersion:
        return tr("找不到预案版本：{uid}", uid=uid)
    if model is Finding:
        return tr("找不到问题：{uid}", uid=uid)
    return tr("找不到整改措施：{uid}", uid=uid)


def _by_uid[M: (Drill, Evaluation, Plan, PlanVersion, Finding, CorrectiveAction)](
    session: Session, model: type[M], uid: str
) -> M:
    stmt = select(model).where(model.uid == uid)
    if hasattr(model, "deleted_at"):
        stmt = stmt.where(col(model.deleted_at).is_(None))  # type: ignore[union-attr]
    row = session.exec(stmt).first()
    if row is None:
        raise NotFoundError(_not_found(model, uid))
    return row


def _check_section(section: str | None, plan_id: int | None) -> str | None:
    if section is None or not section.strip():
        return None
    section = section.strip()
    if section not in SECTIONS:
        raise ValidationError(
            tr(
                "未知的预案章节：{section}（可选：{choices}）",
                section=section,
                choices=join(section_texts().values()),
            )
        )
    if plan_id is None:
        raise ValidationError(
            tr("整改涉及预案章节“{section}”，请同时指明是哪个预案", section=section_text(section))
        )
    return section


def _check_version(action: CorrectiveAction, expected: int | None) -> None:
    if expected is not None and action.row_version != expected:
        raise ConflictError(
            tr(
                "整改措施“{text}”已被其他人修改（您打开的是第 {expected} 版，"
                "现在是第 {current} 版）。您的内容没有保存：请重新打开后再修改。",
                text=action.text[:20],
                expected=expected,
                current=action.row_version,
            )
        )


def _finding_record(session: Session, f: Finding) -> FindingRecord:
    drill = session.get(Drill, f.drill_id) if f.drill_id else None
    evaluation = session.get(Evaluation, f.evaluation_id) if f.evaluation_id else None
    plan = session.get(Plan, f.plan_id) if f.plan_id else None
    return FindingRecord(
        f.uid, FindingSource(f.source), f.text, drill.uid if drill else None, drill.title if drill else None,
        evaluation.uid if evaluation else None, plan.uid if plan else None, plan.title if plan else None,
        f.created_at.date(),
    )  # fmt: skip


def _action_stmt() -> Any:
    """Actions with their finding, resolved plan, unit and closing version (one query)."""
    plan_key = func.coalesce(col(CorrectiveAction.plan_id), col(Finding.plan_id), col(Evaluation.plan_id))
    unit_key = func.coalesce(col(Plan.owner_unit_id), col(Drill.organiser_unit_id))
    return (
        sa_select(CorrectiveAction, Finding, Plan, Unit, PlanVersion)
        .join(Finding, col(Finding.id) == col(CorrectiveAction.finding_id))
        .outerjoin(Evaluation, col(Evaluation.id) == col(Finding.evaluation_id))
        .outerjoin(Drill, col(Drill.id) == col(Finding.drill_id))
        .outerjoin(Plan, col(Plan.id) == plan_key)
        .outerjoin(Unit, col(Unit.id) == unit_key)
        .outerjoin(PlanVersion, col(PlanVersion.id) == col(CorrectiveAction.closed_by_version_id))
    )


def _record(
    a: CorrectiveAction, f: Finding, plan: Plan | None, unit: Unit | None, version: PlanVersion | None
) -> ActionRecord:
    return ActionRecord(
        uid=a.uid,
        finding_uid=f.uid,
        finding_text=f.text,
        source=FindingSource(f.source),
        text=a.text,
        owner=a.owner,
        due=a.due,
        status=ActionStatus(a.status),
        plan_uid=plan.uid if plan else None,
        plan_title=plan.title if plan else None,
        plan_section=a.plan_section,
        unit_uid=unit.uid if unit else None,
        unit_name=unit.name if unit else None,
        closed_by_version_uid=version.uid if version else None,
        closed_by_version_label=version.label if version else None,
        closed_at=a.closed_at,
        row_version=a.row_version,
    )


def _one(session: Session, action_id: int | None) -> ActionRecord:
    row = session.execute(_action_stmt().where(col(CorrectiveAction.id) == action_id)).one()
    return _record(*row)


def _action(session: Session, uid: str) -> CorrectiveAction:
    return _by_uid(session, CorrectiveAction, uid)


# --- findings --------------------------------------------------------------------------


def add_finding(engine: Engine, data: FindingInput) -> FindingRecord:
    """Record a problem; a drill finding names its drill, an evaluation finding its evaluation."""
    text = _clean_text(data.text, tr("问题描述"))
    source = FindingSource(data.source)
    with session_scope(engine) as session:
        drill = _by_uid(session, Drill, data.drill_uid) if data.drill_uid else None
        evaluation = (
            _by_uid(session, Evaluation, data.evaluation_uid) if data.evaluation_uid else None
        )
        plan = _by_uid(session, Plan, data.plan_uid) if data.plan_uid else None
        if source is FindingSource.DRILL and drill is None:
            raise ValidationError(tr("演练中发现的问题请指明是哪次演练"))
        if source is FindingSource.EVALUATION and evaluation is None:
            raise ValidationError(tr("评估中发现的问题请指明是哪次评估"))
        if plan is None and evaluation is not None:
            plan = session.get(Plan, evaluation.plan_id)
        finding = Finding(
            source=source.value,
            text=text,
            drill_id=drill.id if drill else None,
            evaluation_id=evaluation.id if evaluation else None,
            plan_id=plan.id if plan else None,
        )
        session.add(finding)
        session.flush()
        return _finding_record(session, finding)


def findings_from_drill_summary(
    engine: Engine, drill_uid: str, plan_uid: str | None = None
) -> list[FindingRecord]:
    """One finding per problem of the drill's summary report not yet recorded as a finding."""
    with session_scope(engine) as session:
        drill = _by_uid(session, Drill, drill_uid)
        problems = [str(p) for p in (drill.summary or {}).get("problems") or ()]
        known = set(session.exec(select(Finding.text).where(Finding.drill_id == drill.id)).all())
    return [
        add_finding(engine, FindingInput(FindingSource.DRILL, text, drill_uid=drill_uid, plan_uid=plan_uid))
        for text in problems
        if text not in known
    ]


def list_findings(
    engine: Engine, *, drill_uid: str | None = None, plan_uid: str | None = None
) -> list[FindingRecord]:
    with session_scope(engine) as session:
        stmt = select(Finding)
        if drill_uid is not None:
            stmt = stmt.where(Finding.drill_id == _by_uid(session, Drill, drill_uid).id)
        if plan_uid is not None:
            stmt = stmt.where(Finding.plan_id == _by_uid(session, Plan, plan_uid).id)
        rows = session.exec(stmt.order_by(col(Finding.id))).all()
        return [_finding_record(session, f) for f in rows]


# --- actions ---------------------------------------------------------------------------


def add_action(engine: Engine, finding_uid: str, data: ActionInput) -> ActionRecord:
    text = _clean_text(data.text, tr("整改措施"))
    owner = _owner(data.owner)
    with session_scope(engine) as session:
        finding = _by_uid(session, Finding, finding_uid)
        plan_id = _by_uid(session, Plan, data.plan_uid).id if data.plan_uid else finding.plan_id
        section = _check_section(data.plan_section, plan_id)
        action = CorrectiveAction(
            finding_id=finding.id,  # type: ignore[arg-type]
            text=text,
            owner=owner,
            due=data.due,
            status=ActionStatus.OPEN.value,
            plan_id=plan_id,
            plan_section=section,
        )
        session.add(action)
        session.flush()
        return _one(session, action.id)


_UNSET: Any = object()


def update_action(
    engine: Engine,
    uid: str,
    *,
    expected_row_version: int | None,
    text: str | None = None,
    owner: str | None = _UNSET,
    due: date | None = _UNSET,
    plan_uid: str | None = _UNSET,
    plan_section: str | None = _UNSET,
) -> ActionRecord:
    with session_scope(engine) as session:
        action = _action(session, uid)
        _check_version(action, expected_row_version)
        if action.status in (ActionStatus.VERIFIED.value,) or action.closed_by_version_id is not None:
            raise ValidationError(tr("整改措施已关闭（已验证或已由预案新版本关闭），不能再修改"))
        if text is not None:
            action.text = _clean_text(text, tr("整改措施"))
        if owner is not _UNSET:
            action.owner = _owner(owner)
        if due is not _UNSET:
            action.due = due
        if plan_uid is not _UNSET:
            action.plan_id = _by_uid(session, Plan, plan_uid).id if plan_uid else None
        section = action.plan_section if plan_section is _UNSET else plan_section
        action.plan_section = _check_section(section, action.plan_id)
        session.add(action)
        session.flush()
        return _one(session, action.id)


def set_status(
    engine: Engine,
    uid: str,
    target: ActionStatus,
    *,
    expected_row_version: int | None = None,
    on: date | None = None,
) -> ActionRecord:
    """Move an action along open → in_progress → done → verified (checked, see module doc)."""
    with session_scope(engine) as session:
        action = _action(session, uid)
        _check_version(action, expected_row_version)
        current = ActionStatus(action.status)
        reason = refusal(current, target)
        if reason:
            raise ValidationError(reason)
        if target is ActionStatus.DONE and action.plan_section:
            raise ValidationError(
                tr(
                    "这项整改要修改预案的“{section}”，请修订预案并发布新版本后，用“由新版本关闭”把它关联到该版本",
                    section=section_text(action.plan_section),
                )
            )
        if target is ActionStatus.IN_PROGRESS and current is ActionStatus.DONE:
            # Verification failed: the work goes on; the version link (if any) no longer closes it.
            action.closed_at = None
            action.closed_by_version_id = None
        if target is ActionStatus.DONE:
            action.closed_at = on or date.today()
        action.status = target.value
        session.add(action)
        session.flush()
        return _one(session, action.id)


def _baseline(session: Session, plan_id: int, finding: Finding) -> PlanVersion | None:
    """The plan's version in force when the finding was recorded (the text it criticised)."""
    return session.exec(
        select(PlanVersion)
        .where(PlanVersion.plan_id == plan_id, col(PlanVersion.created_at) <= finding.created_at)
        .order_by(col(PlanVersion.created_at).desc(), col(PlanVersion.id).desc())
    ).first()


def close_through_revision(
    engine: Engine, action_uid: str, version_uid: str, *, expected_row_version: int | None = None
) -> ActionRecord:
    """Close an action by the plan version that carries the fix.

    The version must belong to the action's plan and be newer than the finding; where the
    action names a section, that section must differ from the version the finding was
    made against.
    """
    with session_scope(engine) as session:
        action = _action(session, action_uid)
        _check_version(action, expected_row_version)
        finding = session.get(Finding, action.finding_id)
        assert finding is not None
        version = _by_uid(session, PlanVersion, version_uid)
        current = ActionStatus(action.status)
        if current is ActionStatus.VERIFIED or action.closed_by_version_id is not None:
            raise ValidationError(tr("整改措施已关闭（已验证或已由预案新版本关闭），不能再关联版本"))
        plan_id = action.plan_id or finding.plan_id
        if plan_id is None:
            raise ValidationError(tr("这项整改没有指明预案，无法由预案版本关闭；请先指明要修改的预案"))
        plan = session.get(Plan, plan_id)
        assert plan is not None
        if version.plan_id != plan_id:
            raise ValidationError(
                tr(
                    "版本“{version}”不属于预案“{plan}”，不能用来关闭这项整改",
                    version=version.label,
                    plan=plan.title,
                )
            )
        if version.created_at <= finding.created_at:
            raise ValidationError(
                tr(
                    "版本“{version}”早于该问题的登记（{date}），请选择问题登记后发布的新版本",
                    version=version.label,
                    date=finding.created_at.date().isoformat(),
                )
            )
        if action.plan_section:
            base = _baseline(session, plan_id, finding)
            if base is not None and section_lines(base.content or {}, action.plan_section) == section_lines(
                version.content or {}, action.plan_section
            ):
                raise ValidationError(
                    tr(
                        "版本“{version}”没有修改“{section}”（与问题登记时的版本“{base}”相同），不能用来关闭这项整改",
                        version=version.label,
                        section=section_text(action.plan_section),
                        base=base.label,
                    )
                )
        action.plan_id = plan_id
        action.closed_by_version_id = version.id
        action.status = ActionStatus.DONE.value
        action.closed_at = version.published_date or date.today()
        session.add(action)
        session.flush()
        return _one(session, action.id)


@dataclass(frozen=True)
class ClosingVersion:
    """A version of the action's plan offered to close it (``close_through_revision``)."""

    uid: str
    label: str
    published_date: date | None
    change_summary: str | None
    newer_than_finding: bool
    changes_section: bool | None  # None: the action names no section (or no baseline to compare)

    @property
    def usable(self) -> bool:
        return self.newer_than_finding and self.changes_section is not False


def versions_for_closing(engine: Engine, action_uid: str) -> list[ClosingVersion]:
    """The versions of the action's plan, newest first, each saying whether it can close it."""
    with session_scope(engine) as session:
        action = _action(session, action_uid)
        finding = session.get(Finding, action.finding_id)
        assert finding is not None
        plan_id = action.plan_id or finding.plan_id
        if plan_id is None:
            return []
        versions = session.exec(
            select(PlanVersion)
            .where(PlanVersion.plan_id == plan_id)
            .order_by(col(PlanVersion.created_at).desc(), col(PlanVersion.id).desc())
        ).all()
        base = _baseline(session, plan_id, finding) if action.plan_section else None
        result = []
        for version in versions:
            changes: bool | None = None
            if action.plan_section and base is not None:
                changes = section_lines(base.content or {}, action.plan_section) != section_lines(
                    version.content or {}, action.plan_section
                )
            result.append(
                ClosingVersion(version.uid, version.label, version.published_date, version.change_summary,
                               version.created_at > finding.created_at, changes)
            )  # fmt: skip
        return result


# --- lists -----------------------------------------------------------------------------


def list_actions(
    engine: Engine,
    *,
    plan_uid: str | None = None,
    unit_uid: str | None = None,
    statuses: Sequence[ActionStatus] | None = None,
    drill_uid: str | None = None,
    finding_uid: str | None = None,
) -> list[ActionRecord]:
    """Actions by due date (no date last); the unit is the plan's owner, else the drill's organiser."""
    with session_scope(engine) as session:
        stmt = _action_stmt()
        if plan_uid is not None:
            stmt = stmt.where(col(Plan.id) == _by_uid(session, Plan, plan_uid).id)
        if unit_uid is not None:
            unit = session.exec(select(Unit).where(Unit.uid == unit_uid)).first()
            if unit is None:
                raise NotFoundError(tr("找不到单位：{uid}", uid=unit_uid))
            stmt = stmt.where(col(Unit.id) == unit.id)
        if statuses is not None:
            stmt = stmt.where(col(CorrectiveAction.status).in_([s.value for s in statuses]))
        if drill_uid is not None:
            stmt = stmt.where(col(Finding.drill_id) == _by_uid(session, Drill, drill_uid).id)
        if finding_uid is not None:
            stmt = stmt.where(col(Finding.uid) == finding_uid)
        stmt = stmt.order_by(col(CorrectiveAction.due).is_(None), col(CorrectiveAction.due),
                             col(CorrectiveAction.id))  # fmt: skip
        return [_record(*row) for row in session.execute(stmt).all()]


def overdue_actions(engine: Engine, as_of: date, *, unit_uid: str | None = None) -> list[ActionRecord]:
    """Open or in-progress actions whose due date is before ``as_of`` (oldest first).

    As in the due list: actions of deleted or retired (superseded, abolished) plans are left out.
    """
    with session_scope(engine) as session:
        stmt = _action_stmt().where(
            col(CorrectiveAction.status).in_([s.value for s in OPEN_STATUSES]),
            col(CorrectiveAction.due).is_not(None),
            col(CorrectiveAction.due) < as_of,
            or_(
                col(Plan.id).is_(None),
                and_(col(Plan.deleted_at).is_(None), col(Plan.status).not_in(_RETIRED)),
            ),
        )
        if unit_uid is not None:
            stmt = stmt.where(col(Unit.uid) == unit_uid)
        stmt = stmt.order_by(col(CorrectiveAction.due).asc().nulls_last(), col(CorrectiveAction.id))
        return [_record(*row) for row in session.execute(stmt).all()]
