"""Units (单位): create, edit, list; USCC validation and the flags that follow from
industry and scale (planmgr.domain.flags, ENT Art.21/26/35)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from planmgr.domain.enums import EnterpriseScale, Industry, UnitKind
from planmgr.domain.errors import ConflictError, NotFoundError, ValidationError
from planmgr.domain.flags import flags_for
from planmgr.domain.i18n import semicolons, tr
from planmgr.domain.validators import validate_phone, validate_uscc
from planmgr.store.database import session_scope
from planmgr.store.models import Unit


@dataclass(frozen=True)
class UnitData:
    """What a user edits; flags other than key_enterprise follow from industry and scale."""

    name: str
    kind: UnitKind
    parent_uid: str | None = None
    uscc: str | None = None
    region_code: str | None = None
    industry: Industry | None = None
    scale: EnterpriseScale | None = None
    key_enterprise: bool = False
    address: str | None = None
    postcode: str | None = None
    legal_rep: str | None = None
    contact: str | None = None
    phone: str | None = None
    duty_phone: str | None = None


@dataclass(frozen=True)
class UnitRecord:
    uid: str
    data: UnitData
    parent_name: str | None
    must_file: bool
    listed_for_review: bool
    high_risk: bool
    row_version: int


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def validate(data: UnitData) -> UnitData:
    """Normalised data, or ``ValidationError`` with every problem in one message."""
    problems: list[str] = []
    name = " ".join(data.name.split())
    if not name:
        problems.append(tr("单位名称不能为空"))
    uscc = _blank_to_none(data.uscc)
    if uscc:
        try:
            uscc = validate_uscc(uscc)
        except ValidationError as error:
            problems.append(error.message)
    phone = _checked_phone(data.phone, "phone", problems)
    duty_phone = _checked_phone(data.duty_phone, "duty_phone", problems)
    if data.kind is not UnitKind.ENTERPRISE and (data.industry or data.scale):
        problems.append(tr("只有企业需要填写行业类型和企业规模"))
    if problems:
        raise ValidationError(semicolons(problems))
    return replace(data, name=name, uscc=uscc, phone=phone, duty_phone=duty_phone)


def _checked_phone(value: str | None, field: str, problems: list[str]) -> str | None:
    """The phone number of ``field`` ("phone" or "duty_phone"), checked."""
    value = _blank_to_none(value)
    if not value:
        return None
    try:
        return validate_phone(value)
    except ValidationError:
        if field == "duty_phone":
            problems.append(tr("值班电话格式不正确：{value}", value=value))
        else:
            problems.append(tr("联系电话格式不正确：{value}", value=value))
        return value


def _record(session: Session, unit: Unit) -> UnitRecord:
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    data = UnitData(
        name=unit.name,
        kind=UnitKind(unit.kind),
        parent_uid=parent.uid if parent else None,
        uscc=unit.uscc,
        region_code=unit.region_code,
        industry=Industry(unit.industry) if unit.industry else None,
        scale=EnterpriseScale(unit.scale) if unit.scale else None,
        key_enterprise=unit.key_enterprise,
        address=unit.address,
        postcode=unit.postcode,
        legal_rep=unit.legal_rep,
        contact=unit.contact,
        phone=unit.phone,
        duty_phone=unit.duty_phone,
    )
    return UnitRecord(unit.uid, data, parent.name if parent else None, unit.must_file,
                      unit.listed_for_review, unit.high_risk, unit.row_version)  # fmt: skip


def _fields(session: Session, data: UnitData) -> dict[str, Any]:
    parent_id = None
    if data.parent_uid:
        parent = session.exec(select(Unit).where(Unit.uid == data.parent_uid)).first()
        if parent is None:
            raise NotFoundError(tr("找不到上级单位：{uid}", uid=data.parent_uid))
        parent_id = parent.id
    flags = flags_for(data.industry, data.scale)
    return {
        "name": data.name,
        "kind": data.kind.value,
        "parent_id": parent_id,
        "uscc": data.uscc,
        "region_code": _blank_to_none(data.region_code),
        "industry": data.industry.value if data.industry else None,
        "scale": data.scale.value if data.scale else None,
        "key_enterprise": data.key_enterprise,
        "must_file": flags.must_file,
        "high_risk": flags.high_risk,
        "listed_for_review": flags.listed_for_review,
        "address": _blank_to_none(data.address),
        "postcode": _blank_to_none(data.postcode),
        "legal_rep": _blank_to_none(data.legal_rep),
        "contact": _blank_to_none(data.contact),
        "phone": data.phone,
        "duty_phone": data.duty_phone,
    }


def _duplicate_message(data: UnitData) -> str:
    if data.uscc:
        return tr("统一社会信用代码 {uscc} 已登记给另一个单位", uscc=data.uscc)
    return tr("单位重复")


def create_unit(engine: Engine, data: UnitData) -> UnitRecord:
    data = validate(data)
    try:
        with session_scope(engine) as session:
            if data.uscc and session.exec(select(Unit.id).where(Unit.uscc == data.uscc)).first():
                raise ValidationError(_duplicate_message(data))
            unit = Unit(**_fields(session, data))
            session.add(unit)
            session.flush()
            return _record(session, unit)
    except IntegrityError as error:
        raise ValidationError(_duplicate_message(data)) from error


def update_unit(engine: Engine, uid: str, data: UnitData, expected_row_version: int | None) -> UnitRecord:
    data = validate(data)
    try:
        with session_scope(engine) as session:
            unit = session.exec(select(Unit).where(Unit.uid == uid)).first()
            if unit is None:
                raise NotFoundError(tr("找不到单位：{uid}", uid=uid))
            if expected_row_version is not None and unit.row_version != expected_row_version:
                raise ConflictError(
                    tr("单位“{name}”已被其他人修改，您的修改没有保存；请重新打开后再改。", name=unit.name)
                )
            if data.parent_uid == uid:
                raise ValidationError(tr("单位不能以自己为上级单位"))
            for key, value in _fields(session, data).items():
                setattr(unit, key, value)
            session.add(unit)
            session.flush()
            return _record(session, unit)
    except IntegrityError as error:
        raise ValidationError(_duplicate_message(data)) from error


def get_unit(engine: Engine, uid: str) -> UnitRecord:
    with session_scope(engine) as session:
        unit = session.exec(select(Unit).where(Unit.uid == uid, col(Unit.deleted_at).is_(None))).first()
        if unit is None:
            raise NotFoundError(tr("找不到单位：{uid}", uid=uid))
        return _record(session, unit)


def find_units(engine: Engine, *, kind: UnitKind | None = None, name_contains: str = "") -> list[UnitRecord]:
    with session_scope(engine) as session:
        query = select(Unit).where(col(Unit.deleted_at).is_(None))
        if kind is not None:
            query = query.where(Unit.kind == kind.value)
        if name_contains:
            query = query.where(col(Unit.name).contains(name_contains))
        return [_record(session, u) for u in session.exec(query.order_by(col(Unit.name)))]
