"""Plans, units, filings, statistics, audit trail and backups speak English in an English
session, while what goes to an office or an enterprise (the statistics workbook, the printed
filing forms, the one-time notice) and what is stored stays Chinese."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from planmgr.domain.enums import PlanCategory, UnitKind
from planmgr.domain.errors import ConflictError, ValidationError
from planmgr.services import (
    backups,
    filing_form_data,
    filing_reply,
    filing_stats,
    filing_stats_xlsx,
    filings,
    plan_attachments,
    plan_queries,
    plans,
    units,
)
from planmgr.services.audit import query_audit
from planmgr.services.filing_import import ImportResult
from planmgr.store.backup import BackupPolicy
from planmgr.store.database import Database
from planmgr.store.models import AuditEntry, Plan, Unit
from tests.factories import make_filing, make_plan, make_unit

pytestmark = pytest.mark.usefixtures("english")

HAN = re.compile(r"[\u3400-\u9fff]")
AS_OF = date(2025, 6, 30)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def english_only(text: str) -> str:
    assert not HAN.search(text), text
    return text


# --------------------------------------------------------------------------- plans and units


def test_plan_refusals_are_english_and_carry_their_values(database: Database) -> None:
    engine = database.engine
    owner = make_unit(database, "Acme Chemicals")
    draft = plans.PlanDraft("Leak plan", PlanCategory.ENT_COMPREHENSIVE, owner.uid)
    plan = plans.create_plan(engine, draft)
    plans.send_for_review(engine, plan.uid)
    plans.publish(engine, plan.uid, plans.PublishInfo("1.0", date(2025, 3, 3)))

    with pytest.raises(ValidationError) as frozen:
        plans.update_plan(engine, plan.uid, expected_row_version=None, content={"scope": "x"})
    # The status is named in English too (PlanStatus.text).
    assert english_only(str(frozen.value)).startswith('The content of a "Published" plan cannot be edited')

    with pytest.raises(ConflictError) as conflict:
        plans.update_plan(engine, plan.uid, expected_row_version=99, title="Other")
    message = english_only(str(conflict.value))
    assert '"Leak plan"' in message and "revision 99" in message

    plans.start_revision(engine, plan.uid)
    with pytest.raises(ValidationError) as duplicate:
        plans.publish(engine, plan.uid, plans.PublishInfo("1.0", date(2025, 4, 1)))
    assert 'Version "1.0" already exists' in english_only(str(duplicate.value))


def test_unit_problems_are_listed_in_english_in_one_message(database: Database) -> None:
    data = units.UnitData(name=" ", kind=UnitKind.TOWN, phone="12ab", duty_phone="x")
    with pytest.raises(ValidationError) as problems:
        units.create_unit(database.engine, data)
    assert english_only(str(problems.value)) == (
        "The unit name must not be empty; The phone number is not valid: 12ab; "
        "The duty phone number is not valid: x"
    )


def test_plan_rows_and_attachments_are_labelled_in_english(database: Database) -> None:
    owner = make_unit(database, "Acme Chemicals")
    plan = make_plan(database, owner, "Leak plan", "ent_onsite")
    row = plan_queries.get_row(database.engine, plan.uid)
    assert (row.category_label, row.status_label) == ("On-site response plan", "Published")
    added = plan_attachments.add_attachment(database.engine, plan.uid, b"%PDF-1.4 x", "text.pdf")
    assert added.kind_label == "Plan text"
    assert plan_attachments.ATTACHMENT_KINDS["text"] == "预案文本"  # the stored kinds keep Chinese
    with pytest.raises(ValidationError) as refused:
        plan_attachments.check_file("movie.mp4", 10)
    assert english_only(str(refused.value)).startswith('"movie.mp4" is not a file type that can be attached')


# --------------------------------------------------------------------------- statistics


@pytest.fixture
def stats(database: Database) -> filing_stats.FilingStatistics:
    town = make_unit(database, "Red Town", "town")

    def enterprise(name: str, parent: Unit | None = town) -> Unit:
        return make_unit(database, name, "enterprise", parent=parent, must_file=True)

    def plan(unit: Unit) -> Plan:
        return make_plan(database, unit, "Plan", "ent_comprehensive", published=date(2025, 1, 10))

    make_filing(database, plan(enterprise("Pending Ltd")), status="submitted", submitted=date(2025, 6, 27))
    make_filing(database, plan(enterprise("Returned Ltd")), status="returned", submitted=date(2025, 2, 1))
    plan(enterprise("Silent Ltd"))
    enterprise("Planless Ltd", None)
    return filing_stats.filing_statistics(database.engine, as_of=AS_OF)


def test_missing_enterprises_have_a_state_code_and_an_english_reason(
    stats: filing_stats.FilingStatistics,
) -> None:
    rows = [(m.town_name, m.unit_name, m.state, m.reason) for m in stats.missing]
    assert rows == [
        ("No town assigned", "Planless Ltd", "no_plan", "No published plan"),
        ("Red Town", "Pending Ltd", "pending", "Submitted, under check"),
        ("Red Town", "Returned Ltd", "returned", "Returned for correction"),
        ("Red Town", "Silent Ltd", "none", "Not submitted"),
    ]
    assert stats.total.town_name == "Total"


def test_the_statistics_workbook_stays_chinese(stats: filing_stats.FilingStatistics, tmp_path: Path) -> None:
    path = tmp_path / "rates.xlsx"
    filing_stats_xlsx.write_statistics_xlsx(stats, path)
    book = load_workbook(path)
    assert book.sheetnames == ["备案率统计", "未备案企业"]
    rates, missing = book["备案率统计"], book["未备案企业"]
    assert rates.cell(1, 1).value == "乡镇（街道）"
    assert [rates.cell(r, 1).value for r in range(2, rates.max_row + 1)] == [
        "Red Town",
        "未划分乡镇（街道）",
        "合计",
    ]
    assert [[c.value for c in row] for row in missing.iter_rows(min_row=2)] == [
        ["未划分乡镇（街道）", "Planless Ltd", "否", "是", "无已发布的预案"],
        ["Red Town", "Pending Ltd", "否", "是", "已报送，审查中"],
        ["Red Town", "Returned Ltd", "否", "是", "退回补正"],
        ["Red Town", "Silent Ltd", "否", "是", "未报送"],
    ]
    with pytest.raises(ValidationError) as wrong:
        filing_stats_xlsx.write_statistics_xlsx(stats, tmp_path / "rates.csv")
    assert english_only(str(wrong.value)) == "The statistics can only be saved as an .xlsx file: rates.csv"


# --------------------------------------------------------------------------- filings


def test_answering_a_filing_twice_is_refused_in_english(database: Database) -> None:
    owner = make_unit(database, "Acme Chemicals")
    filed = make_filing(
        database, make_plan(database, owner, "Leak plan", published=date(2025, 1, 10)), status="filed"
    )
    with pytest.raises(ValidationError) as refused:
        filing_reply.register_filing(database.engine, filed.uid)
    assert english_only(str(refused.value)) == (
        'Only a "Submitted" filing can be registered; this filing is "Filed"'
    )
    with pytest.raises(ValidationError) as no_notice:
        filing_form_data.return_notice_form(database.engine, filed.uid)
    assert '"Leak plan" has not been returned for correction (status: Filed)' in english_only(
        str(no_notice.value)
    )


def test_a_bad_filing_number_pattern_is_explained_in_english() -> None:
    with pytest.raises(ValidationError) as refused:
        filing_reply.format_number("{region}-{year}", "440783", 2025, 1)
    assert english_only(str(refused.value)) == (
        'The filing number pattern "{region}-{year}" has no sequence number {seq}: use {region} '
        "(administrative division code), {year} (year) and {seq} (sequence number), "
        "e.g. {region}-{year}-{seq:04d}"
    )


def test_the_one_time_notice_and_the_check_form_stay_chinese(database: Database) -> None:
    owner = make_unit(database, "Acme Chemicals")
    plan = make_plan(database, owner, "Leak plan", published=date(2025, 1, 10))
    sent = make_filing(database, plan, status="submitted", submitted=date(2025, 6, 2))
    filing_reply.record_formal_check(
        database.engine, sent.uid, {"封面": False, "目录": True}, notes={"封面": "missing date"}
    )
    assert filing_reply.suggested_missing(database.engine, sent.uid) == ["封面：missing date"]
    form = filing_form_data.check_form(database.engine, sent.uid)
    assert [item.item for item in form.items][:2] == ["封面", "批准页"]
    printed = pdf_text(filing_form_data.form_pdf(database.engine, "check", sent.uid))
    assert "封面" in printed and "missing date" in printed
    # What a dialog shows follows the language; the stored keys and the form do not.
    assert filing_stats.formal_check_items()[0] == (
        "Cover",
        "Version, plan name, owner unit, publication date",
    )
    assert filing_form_data.form_kinds()["check"] != filing_form_data.FORM_KINDS["check"] == "形式审查表"
    with pytest.raises(ValidationError) as unknown:
        filing_reply.record_formal_check(database.engine, sent.uid, {"Cover": True})
    assert str(unknown.value).startswith("Unknown formal check items: Cover (choose from: 封面, 批准页")


def test_filing_without_an_own_unit_and_the_import_summary_are_english(database: Database) -> None:
    with pytest.raises(ValidationError) as not_set_up:
        filings.materials_checklist(database.engine)
    assert english_only(str(not_set_up.value)) == (
        "The database has no own unit registered yet; run planmgr init first"
    )
    result = ImportResult("p", "f", "u", "Acme", True, None, ("a", "b"), ("Leak plan", "Fire plan"), None)
    assert result.to_json()["message"] == "2 filings imported"
    one = ImportResult("p", "f", "u", "Acme", True, None, ("a",), ("Leak plan",), None)
    assert one.to_json()["message"] == "1 filing imported"


# --------------------------------------------------------------------------- audit and backups


def test_the_audit_trail_names_tables_actions_and_fields_in_english(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.execute(
            insert(AuditEntry),
            [
                {
                    "table_name": "unit",
                    "row_uid": None,
                    "row_id": 1,
                    "action": "update",
                    "changes": {"phone": [None, "0750-2612345"], "note": ["a", "b"], "odd_field": 1},
                    "os_user": "zhang",
                    "at": datetime(2025, 5, 1, tzinfo=UTC),
                }
            ],
        )
    record = query_audit(database.engine).records[0]
    assert record.action_label == "Changed" and english_only(record.table_label)
    assert record.summary == "Phone: (empty) → 0750-2612345; Note: a → b; odd_field: 1"


def test_backup_policy_problems_and_labels_are_english(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        backups.check_policy(BackupPolicy(keep_daily=0, keep_weekly=99, second_folder=Path("relative")))
    assert english_only(str(refused.value)).startswith(
        "The number of daily backups kept must be between 1 and 60; "
        "The number of weekly backups kept must be between 0 and 52; "
        "The second backup location must be a full folder path"
    )
    assert backups.reason_label("daily") == "Daily automatic backup"
    assert backups.reason_label("pre-upgrade-abc123") == "Backup before upgrade (schema revision abc123)"
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a database", encoding="utf-8")
    preview = backups.preview_backup(text_file)
    assert preview.problem == "This file is not a planmgr database backup"


def test_statutory_materials_read_in_english_and_a_regions_extra_as_written(english: None) -> None:
    from planmgr.services.filings import MATERIAL_DECLARATION, checklist_items, material_text

    items = checklist_items("enterprise", True, ["消防验收意见"])
    shown = [material_text(item) for item in items]
    assert shown[0] == "Plan filing declaration form" and items[0] == MATERIAL_DECLARATION
    assert shown[-1] == "消防验收意见"  # the office's own item, as it wrote it
    assert not any(re.search(r"[\u4e00-\u9fff]", text) for text in shown[:-1])
