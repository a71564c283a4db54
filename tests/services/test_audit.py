"""The audit trail query service: filters by table, user and date, labels in Chinese, read-only."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from planmgr.services.audit import (
    AuditFilter,
    audit_tables,
    audit_users,
    describe_changes,
    query_audit,
)
from planmgr.store.database import Database, open_database, session_scope
from planmgr.store.models import AuditEntry, Unit
from tests.factories import make_plan, make_unit


def add_entry(db: Database, at: datetime, *, table: str = "unit", user: str = "zhang", action: str = "update",
              changes: dict[str, object] | None = None) -> None:  # fmt: skip
    with db.engine.begin() as conn:
        conn.execute(
            insert(AuditEntry),
            [
                {
                    "table_name": table,
                    "row_uid": None,
                    "row_id": 1,
                    "action": action,
                    "changes": changes or {"phone": ["1", "2"]},
                    "os_user": user,
                    "at": at,
                }
            ],  # fmt: skip
        )


def test_changes_made_through_services_are_listed_newest_first_in_chinese(database: Database) -> None:
    unit = make_unit(database, "赤坎镇人民政府", "town")
    make_plan(database, unit, "赤坎镇总体应急预案", "town")
    with session_scope(database.engine) as s:
        row = s.get(Unit, unit.id)
        assert row is not None
        row.phone = "0750-2612345"
        s.add(row)
    page = query_audit(database.engine)
    assert page.total == 3 and not page.limited
    newest = page.records[0]
    assert (newest.table_label, newest.action_label) == ("单位", "修改")
    assert newest.summary == "联系电话：（空） → 0750-2612345"
    assert newest.row_uid == unit.uid
    assert newest.at.tzinfo is not None
    assert [r.table_label for r in page.records[1:]] == ["预案", "单位"]
    assert page.records[2].action_label == "新增" and "名称：赤坎镇人民政府" in page.records[2].summary


def test_filter_by_table_user_and_days(database: Database) -> None:
    base = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
    for day in range(5):
        add_entry(database, base + timedelta(days=day), user="zhang")
        add_entry(database, base + timedelta(days=day, hours=1), table="plan", user="li")
    assert query_audit(database.engine).total == 10
    assert query_audit(database.engine, AuditFilter(table="plan")).total == 5
    assert {r.user for r in query_audit(database.engine, AuditFilter(user="zhang")).records} == {"zhang"}
    days = query_audit(database.engine, AuditFilter(start=date(2025, 3, 11), end=date(2025, 3, 12)))
    assert sorted({r.local_time[:10] for r in days.records}) == ["2025-03-11", "2025-03-12"]
    assert days.total == 4
    one = query_audit(database.engine, AuditFilter(table="unit", user="zhang", start=date(2025, 3, 14)))
    assert one.total == 1 and one.records[0].local_time.startswith("2025-03-14")
    assert query_audit(database.engine, AuditFilter(user="nobody")).records == []
    assert audit_tables(database.engine) == sorted(["unit", "plan"], key={"unit": "单位", "plan": "预案"}.get)
    assert audit_users(database.engine) == ["li", "zhang"]


def test_limit_keeps_the_newest_and_says_how_many_match(database: Database) -> None:
    base = datetime(2025, 1, 1, tzinfo=UTC)
    for i in range(30):
        add_entry(database, base + timedelta(minutes=i), changes={"note": [None, f"第{i}次"]})
    page = query_audit(database.engine, AuditFilter(limit=10))
    assert page.total == 30 and page.limited and len(page.records) == 10
    assert page.records[0].summary == "备注：（空） → 第29次"
    assert page.records[-1].summary == "备注：（空） → 第20次"


def test_bulk_import_entries_and_odd_values_are_readable() -> None:
    assert (
        describe_changes("insert", {"name": "开平市某公司", "ledger_row": 7})
        == "名称：开平市某公司；台账行：7"
    )
    long = describe_changes("update", {"content": [{"scope": "旧" * 100}, {"scope": "新"}]})
    assert long.startswith("预案内容：") and "…" in long and len(long) < 120
    assert describe_changes("delete", {"drill_id": 3}) == "drill_id：3"


def test_reading_the_audit_trail_changes_nothing(db_path: Path) -> None:
    database = open_database(db_path)
    unit = make_unit(database, "开平市应急管理局", "department")
    database.dispose()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    database = open_database(db_path, read_only=True)
    try:
        page = query_audit(database.engine, AuditFilter(table="unit"))
        assert [r.row_uid for r in page.records] == [unit.uid]
    finally:
        database.dispose()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
