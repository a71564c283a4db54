"""Key/value settings of one database (the ``setting`` table).

Known keys:
- ``identity``: ``{"unit_uid": ..., "mode": "office" | "enterprise"}``, this database's own unit;
- region rule overrides and holiday tables: see ``planmgr.services.region_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlmodel import select

from planmgr.domain.enums import DatabaseMode
from planmgr.store.base import utcnow
from planmgr.store.database import session_scope
from planmgr.store.models import Setting, Unit

IDENTITY_KEY = "identity"


def get_setting(engine: Engine, key: str, default: Any = None) -> Any:
    with session_scope(engine) as session:
        row = session.get(Setting, key)
        return default if row is None else row.value


def set_setting(engine: Engine, key: str, value: Any) -> None:
    with session_scope(engine) as session:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
            row.updated_at = utcnow()
            session.add(row)


@dataclass(frozen=True)
class Identity:
    unit_uid: str
    unit_name: str
    unit_kind: str
    mode: DatabaseMode


def get_identity(engine: Engine) -> Identity | None:
    """This database's own unit and mode, or ``None`` before ``planmgr init``."""
    value = get_setting(engine, IDENTITY_KEY)
    if not value:
        return None
    with session_scope(engine) as session:
        unit = session.exec(select(Unit).where(Unit.uid == value["unit_uid"])).first()
        if unit is None:
            return None
        return Identity(unit.uid, unit.name, unit.kind, DatabaseMode(value.get("mode", "office")))


def set_identity(engine: Engine, unit_uid: str, mode: DatabaseMode) -> None:
    set_setting(engine, IDENTITY_KEY, {"unit_uid": unit_uid, "mode": mode.value})
