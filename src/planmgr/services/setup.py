"""Creating a database for a unit (``planmgr init``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planmgr.domain.enums import DatabaseMode, Industry, UnitKind
from planmgr.domain.errors import ValidationError
from planmgr.domain.flags import flags_for
from planmgr.domain.i18n import tr
from planmgr.domain.validators import validate_uscc
from planmgr.services.settings import get_identity, set_identity
from planmgr.store.database import Database, open_database, session_scope
from planmgr.store.models import Unit


@dataclass(frozen=True)
class InitResult:
    database: str
    unit_uid: str
    unit_name: str
    mode: DatabaseMode


def init_database(
    db: str | Path,
    *,
    unit_name: str,
    unit_kind: UnitKind,
    uscc: str | None = None,
    industry: Industry | None = None,
    mode: DatabaseMode | None = None,
) -> InitResult:
    """Create (or migrate) the database and record its own unit; refuses a second identity."""
    name = unit_name.strip()
    if not name:
        raise ValidationError(tr("单位名称不能为空"))
    code = validate_uscc(uscc) if uscc else None
    if mode is None:
        mode = DatabaseMode.ENTERPRISE if unit_kind is UnitKind.ENTERPRISE else DatabaseMode.OFFICE
    if mode is DatabaseMode.ENTERPRISE and unit_kind is not UnitKind.ENTERPRISE:
        raise ValidationError(tr("企业模式的数据库，其本单位类型必须是“企业”"))
    database: Database = open_database(db, create=True)
    try:
        existing = get_identity(database.engine)
        if existing is not None:
            raise ValidationError(tr("该数据库已初始化为“{name}”，不能再次初始化", name=existing.unit_name))
        flags = flags_for(industry, None) if industry else None
        with session_scope(database.engine) as session:
            unit = Unit(
                name=name,
                kind=unit_kind.value,
                uscc=code,
                industry=industry.value if industry else None,
                must_file=bool(flags and flags.must_file),
                high_risk=bool(flags and flags.high_risk),
                listed_for_review=bool(flags and flags.listed_for_review),
            )
            session.add(unit)
            session.flush()
            uid = unit.uid
        set_identity(database.engine, uid, mode)
        return InitResult(database.name, uid, name, mode)
    finally:
        database.dispose()
