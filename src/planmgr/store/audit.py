"""Audit trail: every insert, update and delete of an audited row writes an AuditEntry
in the same transaction (DESIGN.md §2), from SQLAlchemy's flush events.

Bulk Core statements (demo generator, ledger import) bypass the ORM; those paths write
their own summary entry through ``write_entries``.
"""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, event, insert, inspect
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import UOWTransaction
from sqlmodel import Session

from planmgr.store.base import utcnow
from planmgr.store.models import AUDITED_TABLES, AuditEntry

_SKIPPED_FIELDS = {"created_at", "updated_at", "row_version"}


@cache
def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, some containers)
        return "unknown"


def _plain(value: Any) -> Any:
    if value is None or type(value) in (str, int, float, bool):  # most values: no JSON trial
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    try:
        json.dumps(value)
    except TypeError:
        return str(value)
    return value


class AuditedSession(Session):
    """The session every service uses: flushes write the audit trail."""


def _entry(obj: Any, action: str) -> dict[str, Any] | None:
    table = getattr(obj, "__tablename__", None)
    if table not in AUDITED_TABLES:
        return None
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIPPED_FIELDS:
            continue
        if action == "insert":
            value = getattr(obj, key)
            if value is not None and value != [] and value != {}:
                changes[key] = _plain(value)
        elif action == "update":
            hist = state.attrs[key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if old != new:
                    changes[key] = [_plain(old), _plain(new)]
    if action == "update" and not changes:
        return None
    return {
        "table_name": table,
        "row_uid": getattr(obj, "uid", None),
        "row_id": getattr(obj, "id", None),
        "action": action,
        "changes": changes,
        "os_user": os_user(),
        "at": utcnow(),
    }


@event.listens_for(AuditedSession, "before_flush")
def _touch(session: OrmSession, _ctx: UOWTransaction, _instances: Any) -> None:
    # Keep updated_at honest for every modified row (row_version is the mapper's
    # version_id_col: SQLAlchemy bumps it in the UPDATE itself, store/models.py).
    for obj in session.dirty:
        if hasattr(obj, "updated_at") and session.is_modified(obj, include_collections=False):
            obj.updated_at = utcnow()


@event.listens_for(AuditedSession, "after_flush")
def _write_audit(session: OrmSession, _ctx: UOWTransaction) -> None:
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if (entry := _entry(obj, "insert")) is not None:
            rows.append(entry)
    for obj in session.dirty:
        if (entry := _entry(obj, "update")) is not None:
            rows.append(entry)
    for obj in session.deleted:
        if (entry := _entry(obj, "delete")) is not None:
            rows.append(entry)
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def write_entries(conn: Connection, table: str, action: str, summaries: list[dict[str, Any]]) -> None:
    """Write audit entries for rows changed by bulk Core statements."""
    if not summaries:
        return
    now = utcnow()
    conn.execute(
        insert(AuditEntry),
        [
            {
                "table_name": table,
                "row_uid": s.get("uid"),
                "row_id": s.get("id"),
                "action": action,
                "changes": {k: _plain(v) for k, v in s.items() if k not in ("uid", "id")},
                "os_user": os_user(),
                "at": now,
            }
            for s in summaries
        ],
    )
