"""The same store behaviour on SQLite and on PostgreSQL (the URL is the only switch)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from planmgr.store import migrate
from planmgr.store.database import Database, check_database, session_scope
from planmgr.store.models import AuditEntry, Plan, PlanVersion, Setting, Unit


def test_migrated_to_head(any_database: Database) -> None:
    with any_database.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    report = check_database(any_database.url)
    assert report.ok and report.revision == migrate.head_revision()


def test_round_trip_of_json_dates_and_chinese(any_database: Database) -> None:
    content = {"scope": "本预案适用于开平市行政区域内森林火灾的应对工作。", "contacts": [{"name": "值班室", "phone": "0750-2212345"}]}
    with session_scope(any_database.engine) as s:
        city = Unit(name="开平市人民政府", kind="city", region_code="440783")
        s.add(city)
        s.flush()
        plan = Plan(owner_unit_id=city.id, title="开平市森林火灾应急预案", category="special",
                    status="published", event_types=["forest_fire"], content=content)
        s.add(plan)
        s.flush()
        s.add(PlanVersion(plan_id=plan.id, label="2024版", published_date=date(2024, 5, 20), content=content))
        s.add(Setting(key="region", value={"evaluation_months": {"town": 12}}))
    with session_scope(any_database.engine) as s:
        plan = s.exec(select(Plan)).one()
        version = s.exec(select(PlanVersion)).one()
        setting = s.get(Setting, "region")
        audit = s.exec(select(AuditEntry.table_name).order_by(AuditEntry.id)).all()
    assert plan.content == content and plan.event_types == ["forest_fire"]
    assert version.published_date == date(2024, 5, 20)
    assert setting is not None and setting.value == {"evaluation_months": {"town": 12}}
    assert audit == ["unit", "plan", "plan_version"]


def test_foreign_keys_are_enforced(any_database: Database) -> None:
    with pytest.raises(IntegrityError), session_scope(any_database.engine) as s:
        s.add(Plan(owner_unit_id=999_999, title="无主预案", category="town"))


def test_uid_is_unique(any_database: Database) -> None:
    with pytest.raises(IntegrityError), session_scope(any_database.engine) as s:
        s.add(Unit(uid="same-uid", name="甲", kind="town"))
        s.add(Unit(uid="same-uid", name="乙", kind="town"))
        s.flush()
