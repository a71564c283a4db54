"""Reading the audit trail (DESIGN.md §2, AuditEntry): filter by table, user and date.

Read-only on purpose: the application has no way to change or delete an audit entry.
Entries are written by ``planmgr.store.audit`` in the same transaction as the change;
this module only queries them and turns them into plain rows with labels in the
interface language (the stored values are shown as they are).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.sql import ColumnElement

from planmgr.domain.enums import AuditAction
from planmgr.domain.i18n import is_english, language, tr
from planmgr.store.errors import translated
from planmgr.store.models import AuditEntry

DEFAULT_LIMIT = 2000


@cache
def _table_labels(lang: str) -> dict[str, str]:
    """The tables' names in the current language ``lang`` (the cache key)."""
    return {
        "unit": tr("单位"),
        "plan": tr("预案"),
        "plan_link": tr("预案衔接"),
        "plan_version": tr("预案版本"),
        "evaluation": tr("预案评估"),
        "drill": tr("演练"),
        "drill_plan": tr("演练关联预案"),
        "finding": tr("发现的问题"),
        "corrective_action": tr("整改措施"),
        "handling_card": tr("处置卡"),
        "card_step": tr("处置步骤"),
        "card_contact": tr("处置卡联系人"),
        "filing": tr("备案"),
        "filing_material": tr("备案材料"),
        "attachment": tr("附件"),
        "setting": tr("设置"),
    }


@cache
def _field_labels(lang: str) -> dict[str, str]:
    """Field names in the current language ``lang`` (the cache key); other fields are shown
    as they are stored."""
    return {
        "name": tr("名称"),
        "title": tr("标题"),
        "kind": tr("类型"),
        "category": tr("类别"),
        "status": tr("状态"),
        "parent_id": tr("上级"),
        "owner_unit_id": tr("编制单位"),
        "uscc": tr("统一社会信用代码"),
        "industry": tr("行业"),
        "scale": tr("规模"),
        "address": tr("地址"),
        "legal_rep": tr("法定代表人"),
        "contact": tr("联系人"),
        "phone": tr("联系电话"),
        "content": tr("预案内容"),
        "note": tr("备注"),
        "label": tr("版本号"),
        "published_date": tr("发布日期"),
        "issued_date": tr("印发日期"),
        "doc_number": tr("文号"),
        "deleted_at": tr("删除时间"),
        "start": tr("开始时间"),
        "end": tr("结束时间"),
        "location": tr("地点"),
        "filing_number": tr("备案编号"),
        "submitted_date": tr("报送日期"),
        "registered_date": tr("登记日期"),
        "ledger_row": tr("台账行"),
        # summary entries of bulk loads (demo data, imports)
        "source": tr("来源"),
        "rows": tr("行数"),
        "first_id": tr("起始编号"),
        "last_id": tr("结束编号"),
    }


def table_label(table: str) -> str:
    return _table_labels(language()).get(table, table)


def action_label(action: str) -> str:
    try:
        return AuditAction(action).text
    except ValueError:
        return action


def field_label(name: str) -> str:
    return _field_labels(language()).get(name, name)


def _short(value: Any, width: int = 40) -> str:
    if value is None or value == "":
        return tr("（空）")
    if isinstance(value, str):
        text = value
    elif isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe_changes(action: str, changes: dict[str, Any]) -> str:
    """One line a person can read: 名称：旧 → 新；电话：… (inserts list the values), the
    field names in the interface language, the values as stored."""
    english = is_english()
    colon, semicolon = (": ", "; ") if english else ("：", "；")
    parts: list[str] = []
    for key, value in changes.items():
        if action == AuditAction.UPDATE and isinstance(value, list) and len(value) == 2:
            parts.append(f"{field_label(key)}{colon}{_short(value[0])} → {_short(value[1])}")
        else:
            parts.append(f"{field_label(key)}{colon}{_short(value)}")
    return semicolon.join(parts)


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show. Dates are local calendar days, both ends included."""

    table: str | None = None
    user: str | None = None
    start: date | None = None
    end: date | None = None
    row_uid: str | None = None
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime  # timezone-aware UTC
    table: str
    table_label: str
    row_uid: str | None
    row_id: int | None
    action: str
    action_label: str
    user: str
    changes: dict[str, Any]
    summary: str

    @property
    def local_time(self) -> str:
        return self.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class AuditPage:
    records: list[AuditRecord]
    total: int  # entries matching the filter (``records`` holds at most ``limit``, newest first)

    @property
    def limited(self) -> bool:
        return self.total > len(self.records)


def _day_start_utc(day: date) -> datetime:
    # A naive datetime's astimezone() reads it as local time: the user's calendar day.
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _conditions(where: AuditFilter) -> list[ColumnElement[bool]]:
    table = AuditEntry.__table__.c  # type: ignore[attr-defined]
    conditions: list[ColumnElement[bool]] = []
    if where.table:
        conditions.append(table.table_name == where.table)
    if where.user:
        conditions.append(table.os_user == where.user)
    if where.row_uid:
        conditions.append(table.row_uid == where.row_uid)
    if where.start is not None:
        conditions.append(table.at >= _day_start_utc(where.start))
    if where.end is not None:
        conditions.append(table.at < _day_start_utc(where.end + timedelta(days=1)))
    return conditions


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def query_audit(engine: Engine, where: AuditFilter | None = None) -> AuditPage:
    """Entries matching ``where``, newest first (at most ``where.limit``), and how many match."""
    where = where or AuditFilter()
    table = AuditEntry.__table__  # type: ignore[attr-defined]
    conditions = _conditions(where)
    with translated(), engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(table).where(*conditions)).scalar_one())
        rows = conn.execute(
            select(table)
            .where(*conditions)
            .order_by(table.c.at.desc(), table.c.id.desc())
            .limit(max(0, where.limit))
        ).mappings()
        records = [
            AuditRecord(
                id=int(r["id"]),
                at=_aware(r["at"]),
                table=r["table_name"],
                table_label=table_label(r["table_name"]),
                row_uid=r["row_uid"],
                row_id=r["row_id"],
                action=r["action"],
                action_label=action_label(r["action"]),
                user=r["os_user"] or "",
                changes=dict(r["changes"] or {}),
                summary=describe_changes(r["action"], dict(r["changes"] or {})),
            )
            for r in rows
        ]
    return AuditPage(records, total)


def audit_tables(engine: Engine) -> list[str]:
    """The tables that have audit entries, in label order."""
    table = AuditEntry.__table__  # type: ignore[attr-defined]
    with translated(), engine.connect() as conn:
        names = [str(n) for n in conn.execute(select(table.c.table_name).distinct()).scalars()]
    return sorted(names, key=table_label)


def audit_users(engine: Engine) -> list[str]:
    """The OS users that appear in the audit trail."""
    table = AuditEntry.__table__  # type: ignore[attr-defined]
    with translated(), engine.connect() as conn:
        return sorted(str(n) for n in conn.execute(select(table.c.os_user).distinct()).scalars() if n)
