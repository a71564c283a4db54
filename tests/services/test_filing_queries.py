"""The small reads behind the filing screens: the number a registration would get, the
declaration and authority the wizard starts from, the documents that travel with a version,
and the towns a new enterprise may be put under."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import select

from planmgr.domain.enums import PlanCategory
from planmgr.services import blobs
from planmgr.services.filing_import import import_package
from planmgr.services.filing_queries import (
    declaration_defaults,
    default_authority,
    next_filing_number,
    town_choices,
    version_documents,
)
from planmgr.services.filing_reply import register_filing
from planmgr.services.filings import export_filing_package, filing_candidates
from planmgr.services.settings import set_setting
from planmgr.store.database import open_database, session_scope
from planmgr.store.models import Attachment, PlanVersion
from tests.factories import make_unit
from tests.services.filing_builders import TOWN_NAME, enterprise_site, office_site, publish


def test_next_number_is_the_one_registration_gives(tmp_path: Path) -> None:
    ent, _ = enterprise_site(tmp_path / "ent.sqlite")
    office = office_site(tmp_path / "office.sqlite")
    database = open_database(ent.path)
    try:
        first = export_filing_package(database.engine, tmp_path / "a.planpkg", today=date(2026, 3, 2))
        publish(database.engine, ent.unit_uid, "储罐区泄漏现场处置方案", PlanCategory.ENT_ONSITE)
        second = export_filing_package(database.engine, tmp_path / "b.planpkg", today=date(2026, 3, 3))
    finally:
        database.dispose()
    database = open_database(office.path)
    try:
        engine = database.engine
        import_package(engine, tmp_path / "a.planpkg")
        import_package(engine, tmp_path / "b.planpkg")
        uid = first.filing_uids[0]
        assert next_filing_number(engine, uid, today=date(2026, 3, 5)) == "440783-2026-0001"
        register_filing(engine, uid, today=date(2026, 3, 5))
        other = second.filing_uids[0]
        expected = next_filing_number(engine, other, today=date(2026, 3, 6))
        assert expected == "440783-2026-0002"
        (registered,) = register_filing(engine, other, today=date(2026, 3, 6))
        assert registered.filing_number == expected
        assert next_filing_number(engine, "no-such-filing") == ""
    finally:
        database.dispose()


def test_wizard_defaults_come_from_the_unit_and_the_last_package(tmp_path: Path) -> None:
    ent, _ = enterprise_site(tmp_path / "ent.sqlite")
    database = open_database(ent.path)
    try:
        engine = database.engine
        assert default_authority(engine) == TOWN_NAME  # the parent unit before any package
        start = declaration_defaults(engine, today=date(2026, 4, 1))
        assert (start.contact, start.phone, start.fax, start.declared_date) == (
            "王芳",
            "13900139000",
            None,
            date(2026, 4, 1),
        )
        set_setting(engine, "filing_authority", "开平市应急管理局")
        set_setting(
            engine, "filing_declaration", {"fax": "0750-1234567", "employees": 85, "total_assets": 1200}
        )
        assert default_authority(engine) == "开平市应急管理局"
        remembered = declaration_defaults(engine)
        assert (remembered.fax, remembered.employees, remembered.total_assets) == ("0750-1234567", 85, "1200")
    finally:
        database.dispose()


def test_documents_of_versions_and_towns(tmp_path: Path) -> None:
    ent, _ = enterprise_site(tmp_path / "ent.sqlite")
    database = open_database(ent.path)
    try:
        engine = database.engine
        (candidate,) = filing_candidates(engine)
        sha = blobs.put(engine, b"%PDF-1.4 plan", "预案正文.pdf")
        with session_scope(engine) as session:
            version = session.exec(select(PlanVersion).where(PlanVersion.uid == candidate.version_uid)).one()
            session.add(Attachment(blob_sha256=sha, filename="预案正文.pdf", plan_version_id=version.id))
        (document,) = version_documents(engine, [candidate.version_uid])
        assert (document.filename, document.size) == ("预案正文.pdf", len(b"%PDF-1.4 plan"))
        assert version_documents(engine, []) == []
        county = make_unit(engine, "开平市人民政府", "city")
        make_unit(engine, "百合镇人民政府", "town", parent_id=county.id)
        assert [(t.name, t.parent_name) for t in town_choices(engine)] == [
            ("百合镇人民政府", "开平市人民政府"),
            (TOWN_NAME, None),
        ]
    finally:
        database.dispose()
