"""SQLModel tables for the whole data model (DESIGN.md §2).

Conventions:
- every exchangeable row has ``uid`` (UUID4 text, unique) besides the integer key, so it
  keeps its identity when it travels between databases;
- enum columns hold the English value of the ``planmgr.domain.enums`` member;
- timestamps are timezone-aware UTC (sqlmodel UTCDateTime), calendar dates are ``date``;
- plans, units, drills and cards are soft-deleted (``deleted_at``);
- ``row_version`` is the optimistic-locking counter of the records two people may edit:
  the ORM's ``version_id_col``, so every UPDATE says ``WHERE row_version = <the one read>``
  and a save that lost a race with another process fails (``StaleDataError``, turned into
  ``ConflictError`` by ``store.errors.translated``) instead of silently overwriting.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, UniqueConstraint
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from planmgr.store.base import new_uid, utcnow

# Tables whose changes are written to the audit trail (store/audit.py).
AUDITED_TABLES: set[str] = set()


def _audited[T](cls: T) -> T:
    AUDITED_TABLES.add(cls.__tablename__)  # type: ignore[attr-defined]
    return cls


def _json_list() -> Any:
    return Field(default_factory=list, sa_column=Column(JSON, nullable=False))


def _json_dict() -> Any:
    return Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


def _uid() -> Any:
    return Field(default_factory=new_uid, max_length=36, unique=True, index=True)


@declared_attr.directive
def _row_version_lock(cls: Any) -> dict[str, Any]:
    # Checked in the UPDATE itself: the services' read-compare-write alone leaves a window
    # in which two processes both pass the comparison.
    return {"version_id_col": cls.__table__.c.row_version}


@_audited
class Unit(SQLModel, table=True):
    """单位: a government level, department, town, village, enterprise or other unit."""

    __tablename__ = "unit"
    # The unit tree filters live rows by parent; a covering index keeps large rows unread.
    __table_args__ = (Index("ix_unit_parent_live", "parent_id", "deleted_at"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    name: str = Field(max_length=200, index=True)
    kind: str = Field(max_length=20, index=True)
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    uscc: str | None = Field(default=None, max_length=18, unique=True)
    region_code: str | None = Field(default=None, max_length=12)
    industry: str | None = Field(default=None, max_length=40)
    scale: str | None = Field(default=None, max_length=10)
    must_file: bool = False  # ENT Art.26 list
    listed_for_review: bool = False  # ENT Art.21/35 list
    key_enterprise: bool = False  # 重点企业
    high_risk: bool = False
    address: str | None = Field(default=None, max_length=300)
    postcode: str | None = Field(default=None, max_length=10)
    legal_rep: str | None = Field(default=None, max_length=50)
    contact: str | None = Field(default=None, max_length=50)
    phone: str | None = Field(default=None, max_length=40)
    duty_phone: str | None = Field(default=None, max_length=40)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    deleted_at: datetime | None = None
    row_version: int = 1

    __mapper_args__ = _row_version_lock


@_audited
class Plan(SQLModel, table=True):
    """预案: the living plan; its published texts are ``PlanVersion`` rows."""

    __tablename__ = "plan"
    # The lazy plan tree and the dashboard count live plans by parent and status; without
    # these, SQLite reads whole rows (content overflows to extra pages) — measured 34 -> 3 ms.
    __table_args__ = (
        Index("ix_plan_parent_live", "parent_id", "deleted_at"),
        Index("ix_plan_live", "deleted_at"),
        Index("ix_plan_status_live", "status", "deleted_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    owner_unit_id: int = Field(foreign_key="unit.id", index=True)
    title: str = Field(max_length=300, index=True)
    category: str = Field(max_length=30, index=True)
    event_types: list[str] = _json_list()
    parent_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    status: str = Field(default="drafting", max_length=20, index=True)
    # The version in force.  No foreign key: plan <-> plan_version would be a cycle that
    # SQLite batch migrations cannot recreate; the services keep it consistent.
    current_version_id: int | None = None
    content: dict[str, Any] = _json_dict()
    note: str | None = None
    # Why the revision under way was started (a trigger id, domain.triggers); copied to the
    # version it publishes.
    pending_trigger: str | None = Field(default=None, max_length=40)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    deleted_at: datetime | None = None
    row_version: int = 1

    __mapper_args__ = _row_version_lock


@_audited
class PlanLink(SQLModel, table=True):
    """衔接: an extra link from a plan to another plan it must agree with."""

    __tablename__ = "plan_link"
    __table_args__ = (UniqueConstraint("plan_id", "linked_plan_id"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    linked_plan_id: int = Field(foreign_key="plan.id", index=True)
    note: str | None = None


@_audited
class PlanVersion(SQLModel, table=True):
    """An immutable published text of a plan, with a snapshot of its structured content."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "label"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    plan_id: int = Field(foreign_key="plan.id", index=True)
    label: str = Field(max_length=40)
    issued_date: date | None = None  # 印发
    published_date: date | None = Field(default=None, index=True)  # 公布 / 发布
    doc_number: str | None = Field(default=None, max_length=100)  # 文号
    approver: str | None = Field(default=None, max_length=100)
    revision_trigger: str | None = Field(default=None, max_length=40)
    major: bool = False
    change_summary: str | None = None
    content: dict[str, Any] = _json_dict()
    title: str = Field(default="", max_length=300)
    created_at: datetime = Field(default_factory=utcnow)


@_audited
class Evaluation(SQLModel, table=True):
    """评估 of a plan."""

    __tablename__ = "evaluation"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    plan_id: int = Field(foreign_key="plan.id", index=True)
    eval_date: date = Field(index=True)
    evaluators: str | None = None
    method: str = Field(default="self", max_length=20)
    conclusion: str = Field(default="keep", max_length=20)
    findings: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


@_audited
class Drill(SQLModel, table=True):
    """演练: planned or done exercise of one or more plans."""

    __tablename__ = "drill"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    organiser_unit_id: int = Field(foreign_key="unit.id", index=True)
    title: str = Field(max_length=300)
    start: date = Field(index=True)
    end: date | None = None
    location: str | None = Field(default=None, max_length=300)
    form: str = Field(default="tabletop", max_length=20)
    scope: str = Field(default="single", max_length=20)
    purpose: str = Field(default="test", max_length=20)
    tags: list[str] = _json_list()
    participant_units: list[str] = _json_list()
    head_count: int | None = None
    scenario: str | None = None
    log: list[dict[str, Any]] = _json_list()
    status: str = Field(default="planned", max_length=20, index=True)
    evaluation: dict[str, Any] = _json_dict()
    summary: dict[str, Any] = _json_dict()
    reported_to_authority: bool = False
    note: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    deleted_at: datetime | None = None
    row_version: int = 1

    __mapper_args__ = _row_version_lock


@_audited
class DrillPlan(SQLModel, table=True):
    """A plan exercised by a drill."""

    __tablename__ = "drill_plan"
    __table_args__ = (UniqueConstraint("drill_id", "plan_id"),)

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = Field(foreign_key="drill.id", index=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)


@_audited
class Finding(SQLModel, table=True):
    """A problem found in a drill, an evaluation or a real incident."""

    __tablename__ = "finding"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    source: str = Field(max_length=20)
    drill_id: int | None = Field(default=None, foreign_key="drill.id", index=True)
    evaluation_id: int | None = Field(default=None, foreign_key="evaluation.id", index=True)
    plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    text: str
    created_at: datetime = Field(default_factory=utcnow)


@_audited
class CorrectiveAction(SQLModel, table=True):
    """纠正行动: what is done about a finding, closed by a plan version where it changes one."""

    __tablename__ = "corrective_action"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    finding_id: int = Field(foreign_key="finding.id", index=True)
    text: str
    owner: str | None = Field(default=None, max_length=100)
    due: date | None = Field(default=None, index=True)
    status: str = Field(default="open", max_length=20, index=True)
    plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    plan_section: str | None = Field(default=None, max_length=40)
    closed_by_version_id: int | None = Field(default=None, foreign_key="plan_version.id")
    closed_at: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    row_version: int = 1

    __mapper_args__ = _row_version_lock


@_audited
class HandlingCard(SQLModel, table=True):
    """应急处置卡 for a post or place, usually drawn from a 现场处置方案."""

    __tablename__ = "handling_card"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    number: str | None = Field(default=None, max_length=40)
    title: str = Field(max_length=200)
    post: str = Field(default="", max_length=100)
    place: str | None = Field(default=None, max_length=200)
    risks: str | None = None
    precautions: str | None = None
    version_label: str = Field(default="1.0", max_length=40)
    issued_date: date | None = None
    # The plan version the card was last brought in line with; a newer one makes it stale.
    based_on_version_id: int | None = Field(default=None, foreign_key="plan_version.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    deleted_at: datetime | None = None
    row_version: int = 1

    __mapper_args__ = _row_version_lock


@_audited
class CardStep(SQLModel, table=True):
    __tablename__ = "card_step"

    id: int | None = Field(default=None, primary_key=True)
    card_id: int = Field(foreign_key="handling_card.id", index=True)
    position: int
    action: str
    responsible: str | None = Field(default=None, max_length=100)


@_audited
class CardContact(SQLModel, table=True):
    __tablename__ = "card_contact"

    id: int | None = Field(default=None, primary_key=True)
    card_id: int = Field(foreign_key="handling_card.id", index=True)
    position: int
    name: str = Field(max_length=100)
    phone: str = Field(max_length=40)
    external: bool = False


@_audited
class Filing(SQLModel, table=True):
    """备案 of one plan version with a receiving authority."""

    __tablename__ = "filing"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    plan_version_id: int = Field(foreign_key="plan_version.id", index=True)
    filing_unit_id: int = Field(foreign_key="unit.id", index=True)
    authority_unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    authority_name: str = Field(default="", max_length=200)
    submitted_date: date | None = Field(default=None, index=True)
    status: str = Field(default="to_submit", max_length=20, index=True)
    check_results: dict[str, Any] = _json_dict()
    return_notice: list[str] = _json_list()
    returned_date: date | None = None
    filing_number: str | None = Field(default=None, max_length=60)
    registered_date: date | None = None
    fingerprint: str | None = Field(default=None, max_length=40)
    package_uid: str | None = Field(default=None, max_length=36)
    note: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    row_version: int = 1

    __mapper_args__ = _row_version_lock


@_audited
class FilingMaterial(SQLModel, table=True):
    """One item of a filing's materials checklist (DOMAIN.md §5)."""

    __tablename__ = "filing_material"

    id: int | None = Field(default=None, primary_key=True)
    filing_id: int = Field(foreign_key="filing.id", index=True)
    item: str = Field(max_length=100)
    provided: bool = False
    blob_sha256: str | None = Field(default=None, foreign_key="blob.sha256")
    filename: str | None = Field(default=None, max_length=260)


class Blob(SQLModel, table=True):
    """Attachment content, addressed by its SHA-256, kept inside the database."""

    __tablename__ = "blob"

    sha256: str = Field(primary_key=True, max_length=64)
    size: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


@_audited
class Attachment(SQLModel, table=True):
    """A named file attached to a plan, a plan version or a drill."""

    __tablename__ = "attachment"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = _uid()
    blob_sha256: str = Field(foreign_key="blob.sha256", index=True)
    filename: str = Field(max_length=260)
    kind: str = Field(default="other", max_length=40)
    plan_id: int | None = Field(default=None, foreign_key="plan.id", index=True)
    plan_version_id: int | None = Field(default=None, foreign_key="plan_version.id", index=True)
    drill_id: int | None = Field(default=None, foreign_key="drill.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """One change of an audited row, written in the same transaction as the change."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    table_name: str = Field(max_length=40, index=True)
    row_uid: str | None = Field(default=None, max_length=36, index=True)
    row_id: int | None = None
    action: str = Field(max_length=10)
    changes: dict[str, Any] = _json_dict()
    os_user: str = Field(default="", max_length=100)
    at: datetime = Field(default_factory=utcnow, index=True)


class Setting(SQLModel, table=True):
    """Key/value settings of this database (identity, region rules, holiday tables)."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=100)
    value: Any = Field(sa_column=Column(JSON, nullable=True))
    updated_at: datetime = Field(default_factory=utcnow)
