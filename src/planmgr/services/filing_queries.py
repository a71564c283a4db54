"""Small reads the filing screens need besides ``filings`` / ``filing_reply`` / ``filing_stats``.

- ``next_filing_number``: the 备案编号 ``register_filing`` would give now, shown (editable)
  before the office registers a submission (ENT Art.28);
- ``declaration_defaults`` and ``default_authority``: what the 备案申报表 (ENT Art.27 ①) and the
  receiving authority start from in the enterprise's wizard;
- ``version_documents``: the documents attached to plan versions, which travel in the
  package as 预案电子文档 (ENT Art.27 ③) without being picked again;
- ``town_choices``: the towns a new enterprise may be registered under on import.

Every function reads only; none writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import col, select

from planmgr.domain.enums import FilingStatus, UnitKind
from planmgr.exchange.package_schema import Declaration
from planmgr.services.filing_reply import _generate_number
from planmgr.services.filing_stats import unit_by_uid
from planmgr.services.filings import AUTHORITY_KEY, DECLARATION_KEY, own_identity
from planmgr.services.settings import get_setting
from planmgr.store.database import session_scope
from planmgr.store.models import Attachment, Blob, Filing, PlanVersion, Unit


def next_filing_number(engine: Engine, uid: str, *, today: date | None = None) -> str:
    """The 备案编号 registering the submitted filing ``uid`` (and its package) would get today.

    The same computation as ``filing_reply.register_filing`` without a number typed in:
    the region's pattern, the next free sequence number of the year."""
    today = today or date.today()
    with session_scope(engine) as session:
        filing = session.exec(select(Filing).where(Filing.uid == uid)).first()
        if filing is None:
            return ""
        group: list[Filing] = [filing]
        if filing.package_uid is not None:
            group = list(
                session.exec(
                    select(Filing).where(
                        Filing.package_uid == filing.package_uid,
                        Filing.status == FilingStatus.SUBMITTED.value,
                    )
                )
            ) or [filing]
        return _generate_number(session, engine, today.year, group)


def default_authority(engine: Engine) -> str:
    """Where the last package went, else the own unit's parent unit (usually the town)."""
    remembered = get_setting(engine, AUTHORITY_KEY)
    if isinstance(remembered, str) and remembered.strip():
        return remembered.strip()
    identity = own_identity(engine)
    with session_scope(engine) as session:
        unit = unit_by_uid(session, identity.unit_uid)
        parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
        return parent.name if parent is not None else ""


def declaration_defaults(engine: Engine, *, today: date | None = None) -> Declaration:
    """The 申报表 fields to start from: contact and phone of the own unit, the rest as last sent."""
    identity = own_identity(engine)
    raw = get_setting(engine, DECLARATION_KEY)
    raw = raw if isinstance(raw, dict) else {}
    employees = raw.get("employees")
    with session_scope(engine) as session:
        unit = unit_by_uid(session, identity.unit_uid)
        contact, phone = unit.contact, unit.phone
    return Declaration(
        contact=contact,
        phone=phone,
        fax=_text(raw.get("fax")),
        email=_text(raw.get("email")),
        total_assets=_text(raw.get("total_assets")),
        employees=employees if isinstance(employees, int) and not isinstance(employees, bool) else None,
        declared_date=today or date.today(),
    )


def _text(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value).strip() or None


@dataclass(frozen=True)
class VersionDocument:
    """A document attached to a plan version (it travels as 预案电子文档)."""

    version_uid: str
    filename: str
    size: int


def version_documents(engine: Engine, version_uids: Sequence[str]) -> list[VersionDocument]:
    """Documents attached to these plan versions, in the order they were attached."""
    if not version_uids:
        return []
    with session_scope(engine) as session:
        rows = session.exec(
            select(PlanVersion.uid, Attachment.filename, Blob.size)
            .join(Attachment, col(Attachment.plan_version_id) == col(PlanVersion.id))
            .join(Blob, col(Blob.sha256) == col(Attachment.blob_sha256))
            .where(col(PlanVersion.uid).in_(list(version_uids)))
            .order_by(col(Attachment.id))
        ).all()
    return [VersionDocument(v, name, size) for v, name, size in rows]


@dataclass(frozen=True)
class TownChoice:
    uid: str
    name: str
    parent_name: str | None


def town_choices(engine: Engine) -> list[TownChoice]:
    """Live towns (乡镇、街道) of this database, by name."""
    with session_scope(engine) as session:
        towns = session.exec(
            select(Unit)
            .where(Unit.kind == UnitKind.TOWN.value, col(Unit.deleted_at).is_(None))
            .order_by(col(Unit.name))
        ).all()
        parents = {
            u.id: u.name
            for u in session.exec(
                select(Unit).where(col(Unit.id).in_({t.parent_id for t in towns if t.parent_id}))
            )
        }
        return [TownChoice(t.uid, t.name, parents.get(t.parent_id)) for t in towns]
