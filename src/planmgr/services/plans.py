"""Plans: create, edit, lifecycle (review, publish, revise, abolish), versions, diff, audit.

Every write is one short transaction; the search index is updated in the same one.
Edits carry the ``row_version`` the user started from: if someone else saved in between,
``ConflictError`` says so and nothing is overwritten (two app instances on one database).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from planmgr.domain import lifecycle
from planmgr.domain.content import SectionDiff, diff_content, major_sections_changed
from planmgr.domain.enums import EvaluationConclusion, EvaluationMethod, PlanCategory, PlanStatus, UnitKind
from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.domain.hierarchy import Placement, check_owner, check_parent
from planmgr.domain.i18n import tr
from planmgr.domain.triggers import TRIGGERS_BY_ID
from planmgr.store import search
from planmgr.store.database import session_scope
from planmgr.store.models import Attachment, AuditEntry, Evaluation, Plan, PlanLink, PlanVersion, Unit

MAX_TITLE = 300


@dataclass(frozen=True)
class VersionSummary:
    uid: str
    label: str
    published_date: date | None
    issued_date: date | None
    doc_number: str | None
    approver: str | None
    revision_trigger: str | None
    major: bool
    change_summary: str | None

    @property
    def trigger_label(self) -> str:
        trigger = TRIGGERS_BY_ID.get(self.revision_trigger or "")
        return trigger.text if trigger else (self.revision_trigger or "")


@dataclass(frozen=True)
class PlanSummary:
    uid: str
    title: str
    category: PlanCategory
    status: PlanStatus
    owner_unit_uid: str
    owner_unit_name: str
    parent_uid: str | None
    event_types: tuple[str, ...]
    current_version: VersionSummary | None
    row_version: int


@dataclass(frozen=True)
class PlanDetail:
    summary: PlanSummary
    content: dict[str, Any]
    note: str | None
    versions: list[VersionSummary]
    linked_uids: list[str]


@dataclass
class PlanDraft:
    title: str
    category: PlanCategory
    owner_unit_uid: str
    parent_uid: str | None = None
    event_types: Sequence[str] = ()
    content: dict[str, Any] = field(default_factory=dict)
    note: str | None = None


@dataclass(frozen=True)
class PublishInfo:
    label: str
    published_date: date
    issued_date: date | None = None
    doc_number: str | None = None
    approver: str | None = None
    revision_trigger: str | None = None
    major: bool | None = None  # None: decided from the sections that changed (ENT Art.37)
    change_summary: str | None = None


@dataclass(frozen=True)
class EvaluationInput:
    eval_date: date
    conclusion: EvaluationConclusion
    method: EvaluationMethod = EvaluationMethod.SELF
    evaluators: str | None = None
    findings: str | None = None


@dataclass(frozen=True)
class EvaluationSummary:
    uid: str
    plan_uid: str
    eval_date: date
    method: EvaluationMethod
    conclusion: EvaluationConclusion
    evaluators: str | None
    findings: str | None


@dataclass(frozen=True)
class AuditRow:
    at: str
    os_user: str
    table: str
    action: str
    changes: dict[str, Any]


# --- reading ---------------------------------------------------------------------------


def _version(v: PlanVersion) -> VersionSummary:
    return VersionSummary(
        v.uid, v.label, v.published_date, v.issued_date, v.doc_number, v.approver,
        v.revision_trigger, v.major, v.change_summary,
    )  # fmt: skip


def _summary(session: Session, plan: Plan) -> PlanSummary:
    owner = session.get(Unit, plan.owner_unit_id)
    parent = session.get(Plan, plan.parent_id) if plan.parent_id else None
    current = session.get(PlanVersion, plan.current_version_id) if plan.current_version_id else None
    assert owner is not None
    return PlanSummary(
        uid=plan.uid,
        title=plan.title,
        category=PlanCategory(plan.category),
        status=PlanStatus(plan.status),
        owner_unit_uid=owner.uid,
        owner_unit_name=owner.name,
        parent_uid=parent.uid if parent else None,
        event_types=tuple(plan.event_types or ()),
        current_version=_version(current) if current else None,
        row_version=plan.row_version,
    )


def _plan(session: Session, uid: str) -> Plan:
    plan = session.exec(select(Plan).where(Plan.uid == uid, col(Plan.deleted_at).is_(None))).first()
    if plan is None:
        raise NotFoundError(tr("找不到预案：{uid}", uid=uid))
    return plan


def _unit(session: Session, uid: str) -> Unit:
    unit = session.exec(select(Unit).where(Unit.uid == uid, col(Unit.deleted_at).is_(None))).first()
    if unit is None:
        raise NotFoundError(tr("找不到单位：{uid}", uid=uid))
    return unit


def get_plan(engine: Engine, uid: str) -> PlanDetail:
    with session_scope(engine) as session:
        plan = _plan(session, uid)
        versions = session.exec(
            select(PlanVersion).where(PlanVersion.plan_id == plan.id).order_by(col(PlanVersion.id))
        ).all()
        links = session.exec(
            select(Plan.uid).join(PlanLink, col(PlanLink.linked_plan_id) == col(Plan.id)).where(
                PlanLink.plan_id == plan.id
            )
        ).all()
        return PlanDetail(_summary(session, plan), dict(plan.content or {}), plan.note,
                          [_version(v) for v in versions], list(links))  # fmt: skip


def list_versions(engine: Engine, plan_uid: str) -> list[VersionSummary]:
    return get_plan(engine, plan_uid).versions


def version_content(engine: Engine, version_uid: str) -> dict[str, Any]:
    with session_scope(engine) as session:
        version = session.exec(select(PlanVersion).where(PlanVersion.uid == version_uid)).first()
        if version is None:
            raise NotFoundError(tr("找不到预案版本：{uid}", uid=version_uid))
        return dict(version.content or {})


def diff_versions(engine: Engine, old_uid: str, new_uid: str) -> list[SectionDiff]:
    """Section-by-section diff of two versions (any order the user picked)."""
    return diff_content(version_content(engine, old_uid), version_content(engine, new_uid))


def audit_trail(engine: Engine, plan_uid: str) -> list[AuditRow]:
    """Changes to the plan, its versions and evaluations, newest first."""
    with session_scope(engine) as session:
        plan = _plan(session, plan_uid)
        uids = {plan.uid}
        uids.update(session.exec(select(PlanVersion.uid).where(PlanVersion.plan_id == plan.id)).all())
        uids.update(session.exec(select(Evaluation.uid).where(Evaluation.plan_id == plan.id)).all())
        rows = session.exec(
            select(AuditEntry).where(col(AuditEntry.row_uid).in_(uids)).order_by(col(AuditEntry.id).desc())
        ).all()
        return [
            AuditRow(r.at.strftime("%Y-%m-%d %H:%M:%S"), r.os_user, r.table_name, r.action, dict(r.changes))
            for r in rows
        ]


def search_plans(engine: Engine, query: str, limit: int = 200) -> list[search.Hit]:
    with engine.connect() as conn:
        return search.search(conn, query, limit=limit)


# --- writing ---------------------------------------------------------------------------


def _placement(session: Session, plan_category: PlanCategory, owner: Unit, title: str = "") -> Placement:
    return Placement(plan_category, owner.uid, UnitKind(owner.kind), title)


def _check_hierarchy(session: Session, category: PlanCategory, owner: Unit, parent: Plan | None) -> None:
    reason = check_owner(category, UnitKind(owner.kind))
    if reason:
        raise ValidationError(reason)
    parent_place = None
    if parent is not None:
        parent_owner = session.get(Unit, parent.owner_unit_id)
        assert parent_owner is not None
        parent_place = _placement(session, PlanCategory(parent.category), parent_owner, parent.title)
    reason = check_parent(_placement(session, category, owner), parent_place)
    if reason:
        raise ValidationError(reason)


def _clean_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise ValidationError(tr("预案名称不能为空"))
    if len(cleaned) > MAX_TITLE:
        raise ValidationError(tr("预案名称过长（最多 {count} 字）", count=MAX_TITLE))
    return cleaned


def _reindex(session: Session, plan: Plan) -> None:
    title, body = search.plan_document(plan.title, plan.content, plan.note)
    search.index_rows(session.connection(), [(plan.uid, "plan", title, body)])


def create_plan(engine: Engine, draft: PlanDraft) -> PlanSummary:
    title = _clean_title(draft.title)
    with session_scope(engine) as session:
        owner = _unit(session, draft.owner_unit_uid)
        parent = _plan(session, draft.parent_uid) if draft.parent_uid else None
        _check_hierarchy(session, draft.category, owner, parent)
        plan = Plan(
            owner_unit_id=owner.id,  # type: ignore[arg-type]
            title=title,
            category=draft.category.value,
            event_types=list(draft.event_types),
            parent_id=parent.id if parent else None,
            status=PlanStatus.DRAFTING.value,
            content=dict(draft.content),
            note=draft.note,
        )
        session.add(plan)
        session.flush()
        _reindex(session, plan)
        return _summary(session, plan)


def _check_version(plan: Plan, expected_row_version: int | None) -> None:
    if expected_row_version is not None and plan.row_version != expected_row_version:
        raise ConflictError(
            tr(
                "预案“{title}”已被其他人修改（您打开的是第 {opened} 版，现在是第 {current} 版）。"
                "您的内容没有保存，也没有丢失：请复制后重新打开再修改。",
                title=plan.title,
                opened=expected_row_version,
                current=plan.row_version,
            )
        )


_UNSET: Any = object()


def update_plan(
    engine: Engine,
    uid: str,
    *,
    expected_row_version: int | None,
    title: str | None = None,
    content: dict[str, Any] | None = None,
    parent_uid: str | None = _UNSET,
    event_types: Sequence[str] | None = None,
    note: str | None = _UNSET,
) -> PlanSummary:
    with session_scope(engine) as session:
        plan = _plan(session, uid)
        _check_version(plan, expected_row_version)
        status = PlanStatus(plan.status)
        if content is not None and not lifecycle.editable(status):
            raise ValidationError(tr("“{status}”的预案不能直接修改内容，请先启动修订", status=status.text))
        if title is not None:
            plan.title = _clean_title(title)
        if content is not None:
            plan.content = dict(content)
        if event_types is not None:
            plan.event_types = list(event_types)
        if note is not _UNSET:
            plan.note = note
        if parent_uid is not _UNSET:
            parent = _plan(session, parent_uid) if parent_uid else None
            if parent is not None and _is_descendant(session, parent, plan):
                raise ValidationError(tr("不能把预案挂到它自己的下级预案下"))
            owner = session.get(Unit, plan.owner_unit_id)
            assert owner is not None
            _check_hierarchy(session, PlanCategory(plan.category), owner, parent)
            plan.parent_id = parent.id if parent else None
        session.add(plan)
        session.flush()
        _reindex(session, plan)
        return _summary(session, plan)


def _is_descendant(session: Session, candidate: Plan, ancestor: Plan) -> bool:
    node: Plan | None = candidate
    seen = 0
    while node is not None and seen < 100:
        if node.id == ancestor.id:
            return True
        node = session.get(Plan, node.parent_id) if node.parent_id else None
        seen += 1
    return False


def _transition(
    engine: Engine, uid: str, action: str, target: PlanStatus, expected: int | None
) -> PlanSummary:
    with session_scope(engine) as session:
        plan = _plan(session, uid)
        _check_version(plan, expected)
        reason = lifecycle.refusal(action, PlanStatus(plan.status))
        if reason:
            raise ValidationError(reason)
        plan.status = target.value
        session.add(plan)
        session.flush()
        return _summary(session, plan)


def send_for_review(engine: Engine, uid: str, expected_row_version: int | None = None) -> PlanSummary:
    return _transition(engine, uid, "send_for_review", PlanStatus.IN_REVIEW, expected_row_version)


def abolish(engine: Engine, uid: str, expected_row_version: int | None = None) -> PlanSummary:
    return _transition(engine, uid, "abolish", PlanStatus.ABOLISHED, expected_row_version)


def start_revision(
    engine: Engine, uid: str, trigger: str | None = None, expected_row_version: int | None = None
) -> PlanSummary:
    if trigger is not None and trigger not in TRIGGERS_BY_ID:
        raise ValidationError(tr("未知的修订情形：{trigger}", trigger=trigger))
    with session_scope(engine) as session:
        plan = _plan(session, uid)
        _check_version(plan, expected_row_version)
        reason = lifecycle.refusal("start_revision", PlanStatus(plan.status))
        if reason:
            raise ValidationError(reason)
        plan.status = PlanStatus.REVISING.value
        plan.pending_trigger = trigger
        session.add(plan)
        session.flush()
        return _summary(session, plan)


def publish(
    engine: Engine, uid: str, info: PublishInfo, expected_row_version: int | None = None
) -> VersionSummary:
    """Freeze the current content as a new immutable version and put it in force."""
    label = info.label.strip()
    if not label:
        raise ValidationError(tr("版本号不能为空"))
    if info.revision_trigger is not None and info.revision_trigger not in TRIGGERS_BY_ID:
        raise ValidationError(tr("未知的修订情形：{trigger}", trigger=info.revision_trigger))
    with session_scope(engine) as session:
        plan = _plan(session, uid)
        _check_version(plan, expected_row_version)
        reason = lifecycle.refusal("publish", PlanStatus(plan.status))
        if reason:
            raise ValidationError(reason)
        duplicate = session.exec(
            select(func.count()).select_from(PlanVersion).where(PlanVersion.plan_id == plan.id,
                                                                 PlanVersion.label == label)
        ).one()  # fmt: skip
        if duplicate:
            raise ValidationError(tr("版本号“{label}”已存在，请换一个", label=label))
        content = dict(plan.content or {})
        previous = session.get(PlanVersion, plan.current_version_id) if plan.current_version_id else None
        if previous and previous.published_date and info.published_date < previous.published_date:
            raise ValidationError(tr("新版本的发布日期不能早于上一版本"))
        major = info.major
        if major is None:
            major = previous is None or bool(major_sections_changed(previous.content or {}, content))
        version = PlanVersion(
            plan_id=plan.id,  # type: ignore[arg-type]
            label=label,
            title=plan.title,
            published_date=info.published_date,
            issued_date=info.issued_date or info.published_date,
            doc_number=info.doc_number,
            approver=info.approver,
            revision_trigger=info.revision_trigger or plan.pending_trigger,
            major=major,
            change_summary=info.change_summary,
            content=content,
        )
        session.add(version)
        session.flush()
        # The version carries the documents as they are now, in the same transaction.
        for document in session.exec(select(Attachment).where(Attachment.plan_id == plan.id)).all():
            session.add(
                Attachment(blob_sha256=document.blob_sha256, filename=document.filename,
                           kind=document.kind, plan_version_id=version.id)
            )  # fmt: skip
        plan.current_version_id = version.id
        plan.status = PlanStatus.PUBLISHED.value
        plan.pending_trigger = None
        session.add(plan)
        session.flush()
        return _version(version)


def record_evaluation(engine: Engine, plan_uid: str, data: EvaluationInput) -> EvaluationSummary:
    """Record an evaluation; the conclusion "revise" starts a revision (GOV2024 Art.3)."""
    if data.eval_date > date.today():
        raise ValidationError(tr("评估日期不能晚于今天"))
    with session_scope(engine) as session:
        plan = _plan(session, plan_uid)
        evaluation = Evaluation(
            plan_id=plan.id,  # type: ignore[arg-type]
            eval_date=data.eval_date,
            method=data.method.value,
            conclusion=data.conclusion.value,
            evaluators=data.evaluators,
            findings=data.findings,
        )
        session.add(evaluation)
        if data.conclusion is EvaluationConclusion.REVISE and plan.status == PlanStatus.PUBLISHED.value:
            plan.status = PlanStatus.REVISING.value
            session.add(plan)
        session.flush()
        return EvaluationSummary(
            evaluation.uid, plan.uid, evaluation.eval_date, data.method, data.conclusion,
            evaluation.evaluators, evaluation.findings,
        )  # fmt: skip


def list_evaluations(engine: Engine, plan_uid: str) -> list[EvaluationSummary]:
    with session_scope(engine) as session:
        plan = _plan(session, plan_uid)
        rows = session.exec(
            select(Evaluation).where(Evaluation.plan_id == plan.id).order_by(col(Evaluation.eval_date).desc())
        ).all()
        return [
            EvaluationSummary(e.uid, plan.uid, e.eval_date, EvaluationMethod(e.method),
                              EvaluationConclusion(e.conclusion), e.evaluators, e.findings)
            for e in rows
        ]  # fmt: skip
