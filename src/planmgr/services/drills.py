"""Drills (演练): planning, editing and state changes; one drill with its record.

Phases (AQ/T 9007): 计划 → 准备 → 实施 → 评估总结 → 持续改进. A drill is planned with the
plans it exercises (``DrillPlan`` rows), then either marked done or cancelled:

    planned → done        (``mark_done``: the day it was actually held)
    planned → cancelled   (``cancel``: with a reason)

Nothing else: a done drill cannot be cancelled and a cancelled one cannot be done (plan a
new drill instead). **The drill date is ``Drill.start``**: the planned day while the drill
is planned, the actual day once it is done; ``end`` is the last day of a multi-day drill
(``None`` for one day). The compliance engine (``services.compliance``) counts drills with
``status == 'done'`` by ``start``, so ``mark_done`` always sets both together.

The drill record (participants, head count, scenario, the time-stamped ``Drill.log``,
attachments) is written by ``services.drill_records``, ``Drill.evaluation`` and
``Drill.summary`` by ``services.drill_evaluation``; ``get_drill`` reads them all back. Lists
of drills (the page, the calendar, the annual plan) are ``services.drill_lists``; the
printed record and evaluation forms are ``services.drill_printing``.

Edits carry the ``row_version`` the user started from; if someone else saved in between,
``ConflictError`` says so and nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from planmgr.domain.enums import DrillForm, DrillPurpose, DrillScope, DrillStatus, PlanStatus
from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.domain.i18n import join, tr
from planmgr.services.drill_lists import RETIRED, DrillSummary, summary_of, unit_id
from planmgr.store.base import utcnow
from planmgr.store.database import session_scope
from planmgr.store.models import Attachment, Blob, Drill, DrillPlan, Plan

MAX_TITLE = 300
MAX_TEXT = 5000
MAX_TAG = 20

# Practice terms kept as tags, not a fourth axis (DOMAIN.md §7); users may add others.
SUGGESTED_TAGS = ("双盲", "数字化", "联合")  # zh-only: tag values stored with the drill (data)


class LiveLabels(Mapping[str, str]):
    """key → label in the language of the moment it is read: a table of labels built at
    import would keep the language of that moment (planmgr.domain.i18n). ``build`` returns
    the table with its labels passed through ``tr``; read it inside ``chinese()`` for a
    printed document."""

    def __init__(self, build: Callable[[], dict[str, str]]) -> None:
        self._build = build

    def __getitem__(self, key: str) -> str:
        return self._build()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._build())

    def __len__(self) -> int:
        return len(self._build())


def _attachment_kinds() -> dict[str, str]:
    return {
        "photo": tr("现场照片"),
        "sign_in": tr("签到表"),
        "scheme": tr("演练工作方案"),
        "script": tr("演练脚本"),
        "evaluation": tr("评估报告"),
        "summary": tr("总结报告"),
        "other": tr("其他"),
    }


ATTACHMENT_KINDS: Mapping[str, str] = LiveLabels(_attachment_kinds)

# planned → done | cancelled; nothing else (see the module docstring).
TRANSITIONS: dict[str, tuple[frozenset[DrillStatus], DrillStatus]] = {
    "mark_done": (frozenset({DrillStatus.PLANNED}), DrillStatus.DONE),
    "cancel": (frozenset({DrillStatus.PLANNED}), DrillStatus.CANCELLED),
}


def refusal(action: str, status: DrillStatus) -> str | None:
    """The reason (in the user's language) why ``action`` is not allowed in ``status``, or ``None``."""
    allowed, target = TRANSITIONS[action]
    if status in allowed:
        return None
    done = action == "mark_done"
    if status is target:
        if done:
            return tr("演练已是“{status}”状态，不能再次标记为已完成", status=status.text)
        return tr("演练已是“{status}”状态，不能再次取消", status=status.text)
    states = join(s.text for s in DrillStatus if s in allowed)
    if done and status is DrillStatus.CANCELLED:
        return tr(
            "演练当前状态为“{status}”，不能标记为已完成（只有{states}的演练可以）。"
            "已取消的演练不能再标记完成；请新建一次演练",
            status=status.text,
            states=states,
        )
    if not done and status is DrillStatus.DONE:
        return tr(
            "演练当前状态为“{status}”，不能取消（只有{states}的演练可以）。"
            "已完成的演练不能取消；记录有误请修改演练记录",
            status=status.text,
            states=states,
        )
    if done:
        return tr(
            "演练当前状态为“{status}”，不能标记为已完成（只有{states}的演练可以）",
            status=status.text,
            states=states,
        )
    return tr(
        "演练当前状态为“{status}”，不能取消（只有{states}的演练可以）", status=status.text, states=states
    )


# --- plain data ------------------------------------------------------------------------


@dataclass(frozen=True)
class LogEntry:
    id: str
    at: datetime  # wall-clock time at the drill site, naive
    text: str


@dataclass(frozen=True)
class AttachmentInfo:
    uid: str
    drill_uid: str
    filename: str
    kind: str
    kind_label: str
    size: int
    sha256: str


@dataclass(frozen=True)
class DrillDetail:
    summary: DrillSummary
    participant_units: tuple[str, ...]
    scenario: str | None
    note: str | None
    log: tuple[LogEntry, ...]
    attachments: tuple[AttachmentInfo, ...]
    evaluation: dict[str, Any]
    report: dict[str, Any]  # Drill.summary: 概要, 发现的问题, 经验教训, 建议

    @property
    def uid(self) -> str:
        return self.summary.uid

    @property
    def row_version(self) -> int:
        return self.summary.row_version


@dataclass
class DrillDraft:
    """What a user fills in to put a drill on the annual plan."""

    title: str
    organiser_unit_uid: str
    start: date
    plan_uids: Sequence[str]
    end: date | None = None
    location: str | None = None
    form: DrillForm = DrillForm.TABLETOP
    scope: DrillScope = DrillScope.SINGLE
    purpose: DrillPurpose = DrillPurpose.TEST
    tags: Sequence[str] = ()
    note: str | None = None


# --- helpers ---------------------------------------------------------------------------


def _text(value: str | None, label: str, limit: int = MAX_TEXT) -> str | None:
    """``value`` trimmed (``None`` if blank); ``label`` names the field (already translated)."""
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise ValidationError(tr("{field}过长（最多 {limit} 字）", field=label, limit=limit))
    return value or None


def _clean_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise ValidationError(tr("演练名称不能为空"))
    if len(cleaned) > MAX_TITLE:
        raise ValidationError(tr("演练名称过长（最多 {limit} 字）", limit=MAX_TITLE))
    return cleaned


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags trimmed, without blanks or repeats, in the order given."""
    result: list[str] = []
    for tag in tags:
        tag = " ".join(tag.split())
        if not tag or tag in result:
            continue
        if len(tag) > MAX_TAG:
            raise ValidationError(tr("演练方式标签过长（最多 {limit} 字）：{tag}", limit=MAX_TAG, tag=tag))
        result.append(tag)
    return result


def _check_dates(start: date, end: date | None) -> None:
    if end is not None and end < start:
        raise ValidationError(
            tr("结束日期（{end}）不能早于开始日期（{start}）", end=end.isoformat(), start=start.isoformat())
        )


def _drill(session: Session, uid: str) -> Drill:
    drill = session.exec(select(Drill).where(Drill.uid == uid, col(Drill.deleted_at).is_(None))).first()
    if drill is None:
        raise NotFoundError(tr("找不到演练：{uid}", uid=uid))
    return drill


def _plans_for_drill(session: Session, plan_uids: Sequence[str]) -> list[Plan]:
    uids = list(dict.fromkeys(plan_uids))
    if not uids:
        raise ValidationError(tr("请至少选择一个演练所检验的预案"))
    rows = session.exec(select(Plan).where(col(Plan.uid).in_(uids), col(Plan.deleted_at).is_(None))).all()
    by_uid = {p.uid: p for p in rows}
    missing = [u for u in uids if u not in by_uid]
    if missing:
        raise NotFoundError(tr("找不到预案：{uid}", uid=join(missing)))
    retired = [p for p in rows if p.status in RETIRED]
    if retired:
        names = join(
            tr("“{title}”（{status}）", title=p.title, status=PlanStatus(p.status).text) for p in retired
        )
        raise ValidationError(tr("预案{names}已不再有效，不能安排演练", names=names))
    return [by_uid[u] for u in uids]


def check_version(drill: Drill, expected_row_version: int | None) -> None:
    if expected_row_version is not None and drill.row_version != expected_row_version:
        raise ConflictError(
            tr(
                "演练“{title}”已被其他人修改（您打开的是第 {expected} 版，"
                "现在是第 {current} 版）。您的内容没有保存，也没有丢失：请复制后重新打开再修改。",
                title=drill.title,
                expected=expected_row_version,
                current=drill.row_version,
            )
        )


def _editable(drill: Drill) -> None:
    if drill.status == DrillStatus.CANCELLED.value:
        raise ValidationError(tr("演练“{title}”已取消，不能修改；如需重新安排请新建演练", title=drill.title))


def _log_entries(raw: Sequence[dict[str, Any]] | None) -> tuple[LogEntry, ...]:
    entries = [LogEntry(str(e["id"]), datetime.fromisoformat(str(e["at"])), str(e.get("text", "")))
               for e in raw or ()]  # fmt: skip
    return tuple(sorted(entries, key=lambda e: e.at))


def _attachment(a: Attachment, drill_uid: str, size: int) -> AttachmentInfo:
    return AttachmentInfo(a.uid, drill_uid, a.filename, a.kind, ATTACHMENT_KINDS.get(a.kind, a.kind), size,
                          a.blob_sha256)  # fmt: skip


def _detail(session: Session, drill: Drill) -> DrillDetail:
    rows = session.exec(
        select(Attachment, Blob.size)
        .join(Blob, col(Blob.sha256) == col(Attachment.blob_sha256))
        .where(Attachment.drill_id == drill.id)
        .order_by(col(Attachment.id))
    ).all()
    return DrillDetail(
        summary=summary_of(session, drill),
        participant_units=tuple(drill.participant_units or ()),
        scenario=drill.scenario,
        note=drill.note,
        log=_log_entries(drill.log),
        attachments=tuple(_attachment(a, drill.uid, size) for a, size in rows),
        evaluation=dict(drill.evaluation or {}),
        report=dict(drill.summary or {}),
    )


# --- reading ---------------------------------------------------------------------------


def get_drill(engine: Engine, uid: str) -> DrillDetail:
    with session_scope(engine) as session:
        return _detail(session, _drill(session, uid))


# --- planning and editing --------------------------------------------------------------


def plan_drill(engine: Engine, draft: DrillDraft) -> DrillSummary:
    """Put a drill on the unit's annual plan (status planned)."""
    title = _clean_title(draft.title)
    _check_dates(draft.start, draft.end)
    tags = clean_tags(draft.tags)
    with session_scope(engine) as session:
        organiser_id = unit_id(session, draft.organiser_unit_uid)
        plans = _plans_for_drill(session, draft.plan_uids)
        drill = Drill(
            organiser_unit_id=organiser_id,
            title=title,
            start=draft.start,
            end=draft.end,
            location=_text(draft.location, tr("演练地点"), 300),
            form=DrillForm(draft.form).value,
            scope=DrillScope(draft.scope).value,
            purpose=DrillPurpose(draft.purpose).value,
            tags=tags,
            status=DrillStatus.PLANNED.value,
            note=_text(draft.note, tr("备注")),
        )
        session.add(drill)
        session.flush()
        for plan in plans:
            session.add(DrillPlan(drill_id=drill.id, plan_id=plan.id))  # type: ignore[arg-type]
        session.flush()
        return summary_of(session, drill)


_UNSET: Any = object()


def update_drill(
    engine: Engine,
    uid: str,
    *,
    expected_row_version: int | None,
    title: str | None = None,
    start: date | None = None,
    end: date | None = _UNSET,
    location: str | None = _UNSET,
    form: DrillForm | None = None,
    scope: DrillScope | None = None,
    purpose: DrillPurpose | None = None,
    tags: Sequence[str] | None = None,
    plan_uids: Sequence[str] | None = None,
    note: str | None = _UNSET,
    today: date | None = None,
) -> DrillSummary:
    """Change what was planned (or correct a done drill's record); cancelled drills are closed."""
    with session_scope(engine) as session:
        drill = _drill(session, uid)
        check_version(drill, expected_row_version)
        _editable(drill)
        if title is not None:
            drill.title = _clean_title(title)
        new_start = start if start is not None else drill.start
        new_end = drill.end if end is _UNSET else end
        _check_dates(new_start, new_end)
        if drill.status == DrillStatus.DONE.value and new_start > (today or date.today()):
            raise ValidationError(tr("已完成演练的日期不能晚于今天"))
        drill.start, drill.end = new_start, new_end
        if location is not _UNSET:
            drill.location = _text(location, tr("演练地点"), 300)
        if form is not None:
            drill.form = DrillForm(form).value
        if scope is not None:
            drill.scope = DrillScope(scope).value
        if purpose is not None:
            drill.purpose = DrillPurpose(purpose).value
        if tags is not None:
            drill.tags = clean_tags(tags)
        if note is not _UNSET:
            drill.note = _text(note, tr("备注"))
        if plan_uids is not None:
            plans = _plans_for_drill(session, plan_uids)
            wanted = {p.id for p in plans}
            existing = session.exec(select(DrillPlan).where(DrillPlan.drill_id == drill.id)).all()
            for link in existing:
                if link.plan_id not in wanted:
                    session.delete(link)
            have = {link.plan_id for link in existing}
            for plan in plans:
                if plan.id not in have:
                    session.add(DrillPlan(drill_id=drill.id, plan_id=plan.id))  # type: ignore[arg-type]
            # The links are other rows: bump the drill so a concurrent editor sees the change.
            drill.updated_at = utcnow()
        session.add(drill)
        session.flush()
        return summary_of(session, drill)


# --- state changes ---------------------------------------------------------------------


def _transition_check(drill: Drill, action: str) -> None:
    reason = refusal(action, DrillStatus(drill.status))
    if reason:
        raise ValidationError(reason)


def mark_done(
    engine: Engine,
    uid: str,
    *,
    held_on: date,
    end: date | None = _UNSET,
    expected_row_version: int | None = None,
    today: date | None = None,
) -> DrillSummary:
    """planned → done, on the day it was actually held (sets ``start``, the drill date).

    ``end``: the last day; not given, a multi-day drill keeps its planned length.
    """
    if held_on > (today or date.today()):
        raise ValidationError(tr("演练实际日期（{date}）不能晚于今天", date=held_on.isoformat()))
    with session_scope(engine) as session:
        drill = _drill(session, uid)
        check_version(drill, expected_row_version)
        _transition_check(drill, "mark_done")
        if end is _UNSET:
            end = held_on + (drill.end - drill.start) if drill.end and drill.end > drill.start else None
        _check_dates(held_on, end)
        drill.status = DrillStatus.DONE.value
        drill.start = held_on
        drill.end = end
        session.add(drill)
        session.flush()
        return summary_of(session, drill)


def cancel(
    engine: Engine, uid: str, *, reason: str, expected_row_version: int | None = None
) -> DrillSummary:
    """planned → cancelled; the reason is kept in the note (and the audit trail)."""
    why = _text(reason, tr("取消原因"), 500)
    if not why:
        raise ValidationError(tr("请填写取消原因"))
    with session_scope(engine) as session:
        drill = _drill(session, uid)
        check_version(drill, expected_row_version)
        _transition_check(drill, "cancel")
        drill.status = DrillStatus.CANCELLED.value
        cancelled = f"取消原因：{why}"  # zh-only: the note is data, printed on the record form
        drill.note = f"{drill.note}\n{cancelled}" if drill.note else cancelled
        session.add(drill)
        session.flush()
        return summary_of(session, drill)


def set_reported_to_authority(
    engine: Engine, uid: str, reported: bool = True, *, expected_row_version: int | None = None
) -> DrillSummary:
    """已报送: the drill was reported to the county authority (ENT Art.33; REG708 Art.8)."""
    with session_scope(engine) as session:
        drill = _drill(session, uid)
        check_version(drill, expected_row_version)
        if reported and drill.status != DrillStatus.DONE.value:
            raise ValidationError(
                tr("演练当前状态为“{status}”，完成后才能登记为已报送", status=DrillStatus(drill.status).text)
            )
        drill.reported_to_authority = reported
        session.add(drill)
        session.flush()
        return summary_of(session, drill)


def delete_drill(engine: Engine, uid: str, *, expected_row_version: int | None = None) -> None:
    """Soft delete (the row and its history stay; lists and the due list no longer count it)."""
    with session_scope(engine) as session:
        drill = _drill(session, uid)
        check_version(drill, expected_row_version)
        drill.deleted_at = utcnow()
        session.add(drill)

