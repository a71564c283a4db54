"""Reading the audit trail (DESIGN.md §2, AuditEntry): filter by table, user and date.

Read-only on purpose: the application has no way to change or delete an audit entry.
Entries are written by ``planmgr.store.audit`` in the same transaction as the change;
this module only queries them and turns them into plain rows with Chinese labels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.sql import ColumnElement

from planmgr.domain.enums import AuditAction
from planmgr.store.errors import translated
from planmgr.store.models import AuditEntry

DEFAULT_LIMIT = 2000

TABLE_LABELS: dict[str, str] = {
    "unit": "单位",
    "plan": "预案",
    "plan_link": "预案衔接",
    "plan_version": "预案版本",
    "evaluation": "预案评估",
    "drill": "演练",
    "drill_plan": "演练关联预案",
    "finding": "发现的问题",
    "corrective_action": "整改措施",
    "handling_card": "处置卡",
    "card_step": "处置步骤",
    "card_contact": "处置卡联系人",
    "filing": "备案",
    "filing_material": "备案材料",
    "attachment": "附件",
    "setting": "设置",
}

# Field names shown in Chinese; others are shown as they are stored.
FIELD_LABELS: dict[str, str] = {
    "name": "名称",
    "title": "标题",
    "kind": "类型",
    "category": "类别",
    "status": "状态",
    "parent_id": "上级",
    "owner_unit_id": "编制单位",
    "uscc": "统一社会信用代码",
    "industry": "行业",
    "scale": "规模",
    "address": "地址",
    "legal_rep": "法定代表人",
    "contact": "联系人",
    "phone": "联系电话",
    "content": "预案内容",
    "note": "备注",
    "label": "版本号",
    "published_date": "发布日期",
    "issued_date": "印发日期",
    "doc_number": "文号",
    "deleted_at": "删除时间",
    "start": "开始时间",
    "end": "结束时间",
    "location": "地点",
    "filing_number": "备案编号",
    "submitted_date": "报送日期",
    "registered_date": "登记日期",
    "ledger_row": "台账行",
    # summary entries of bulk loads (demo data, imports)
    "source": "来源",
    "rows": "行数",
    "first_id": "起始编号",
    "last_id": "结束编号",
}


def table_label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def action_label(action: str) -> str:
    try:
        return AuditAction(action).label
    except ValueError:
        return action


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def _short(value: Any, width: int = 40) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, str):
        text = value
    elif isinstance(value, dict | list):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe_changes(action: str, changes: dict[str, Any]) -> str:
    """One line a person can read: 名称：旧 → 新；电话：… (inserts list the values)."""
    parts: list[str] = []
    for key, value in changes.items():
        if action == AuditAction.UPDATE and isinstance(value, list) and len(value) == 2:
            parts.append(f"{field_label(key)}：{_short(value[0])} → {_short(value[1])}")
        else:
            parts.append(f"{field_label(key)}：{_short(value)}")
    return "；".join(parts)


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
