"""Export → import gives the same records and changes nothing (DESIGN.md §6)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.services.ledger import export_ledger, import_ledger, ledger_records
from planmgr.store.database import Database, open_database
from tests.exchange.ledger_data import populate, snapshot

KINDS = list(LedgerKind)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_reimporting_an_export_changes_nothing(any_database: Database, tmp_path: Path, suffix: str) -> None:
    database = any_database
    populate(database)
    before = snapshot(database)
    for kind in KINDS:
        path = tmp_path / f"{kind.value}{suffix}"
        exported = export_ledger(database.engine, kind, path)
        assert exported.rows > 0
        report = import_ledger(database.engine, kind, path)
        assert report.errors == ()
        assert (report.inserted, report.updated, report.unchanged) == (0, 0, exported.rows), kind
        assert not report.written
    assert snapshot(database) == before  # not a row changed, no audit entry written


def test_export_imports_into_an_empty_database_as_the_same_records(
    any_database: Database, template_db: Path, tmp_path: Path
) -> None:
    database = any_database
    populate(database)
    fresh_path = tmp_path / "fresh.sqlite"
    shutil.copyfile(template_db, fresh_path)
    fresh = open_database(fresh_path)
    try:
        for kind in KINDS:  # the order a user follows: units, plans, drills, filings
            path = tmp_path / f"{kind.value}.xlsx"
            export_ledger(database.engine, kind, path)
            report = import_ledger(fresh.engine, kind, path, today=date(2026, 1, 1))
            assert report.errors == (), [str(e) for e in report.errors]
            assert report.written and report.inserted == report.rows
        for kind in KINDS:
            assert ledger_records(fresh.engine, kind) == ledger_records(database.engine, kind), kind
        for kind in KINDS:  # and the fresh copy round-trips too
            path = tmp_path / f"again-{kind.value}.xlsx"
            export_ledger(fresh.engine, kind, path)
            report = import_ledger(fresh.engine, kind, path)
            assert (report.inserted, report.updated) == (0, 0)
    finally:
        fresh.dispose()
    conn = sqlite3.connect(fresh_path)
    try:
        # Flags follow 行业类型 + 企业规模 (DOMAIN.md §3).
        flags = conn.execute(
            "SELECT name, must_file, high_risk, listed_for_review, key_enterprise FROM unit WHERE kind='enterprise' "
            "ORDER BY name"
        ).fetchall()
        assert flags == [("开平市华新化工有限公司", 1, 1, 1, 1), ("赤坎商贸城", 1, 1, 0, 0)]
        category = conn.execute(
            "SELECT category FROM plan WHERE title='危险化学品泄漏专项应急预案'"
        ).fetchone()
        assert category == ("ent_special",)
        current = conn.execute(
            "SELECT p.status, v.label, v.published_date FROM plan p JOIN plan_version v ON v.id = p.current_version_id "
            "WHERE p.title='赤坎镇突发事件总体应急预案'"
        ).fetchone()
        assert current == ("revising", "2.0", "2024-04-01")
        assert conn.execute("SELECT count(*) FROM plan WHERE current_version_id IS NULL").fetchone() == (1,)
        # Dated before the import day: done; on or after it: planned (the ledger has no status column).
        statuses = conn.execute("SELECT start, status FROM drill ORDER BY start").fetchall()
        assert statuses == [
            ("2024-06-01", "done"),
            ("2024-09-10", "done"),
            ("2024-12-01", "done"),
            ("2030-03-10", "planned"),
        ]
        links = conn.execute(
            "SELECT p.title FROM drill_plan dp JOIN plan p ON p.id = dp.plan_id JOIN drill d ON d.id = dp.drill_id "
            "WHERE d.title='赤坎镇防汛综合演练' ORDER BY p.title"
        ).fetchall()
        assert links == [("开平市防汛、防台风应急预案",), ("赤坎镇突发事件总体应急预案",)]
        filing = conn.execute(
            "SELECT f.authority_name, u.name, f.filing_number, f.registered_date FROM filing f "
            "JOIN unit u ON u.id = f.authority_unit_id WHERE f.status='filed' ORDER BY f.submitted_date DESC"
        ).fetchone()
        assert filing == ("开平市应急管理局", "开平市应急管理局", "440783-2024-0001", "2024-01-25")
    finally:
        conn.close()


def test_xlsx_export_has_real_types_frozen_header_and_fitted_widths(
    database: Database, tmp_path: Path
) -> None:
    populate(database)
    path = tmp_path / "drills.xlsx"
    export_ledger(database.engine, LedgerKind.DRILLS, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["演练台账"]
    sheet = workbook["演练台账"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["演练名称*", "组织单位*", "关联预案*", "演练日期*", "演练形式*"]
    first = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert first["演练日期*"].is_date and first["演练日期*"].value.date() == date(2024, 6, 1)
    assert first["演练日期*"].number_format == "yyyy-mm-dd"
    assert first["参演人数"].value == 120 and first["参演人数"].data_type == "n"
    assert first["关联预案*"].value == "赤坎镇突发事件总体应急预案；开平市防汛、防台风应急预案"
    assert first["演练方式"].value == "双盲、联合"
    # 关联预案 holds two titles of 13 CJK characters: counted double, the column is wide.
    widths = {
        sheet.cell(1, j).value: sheet.column_dimensions[sheet.cell(1, j).column_letter].width
        for j in range(1, len(header) + 1)
    }
    assert widths["关联预案*"] > 50 > widths["参演人数"]
    assert widths["演练名称*"] >= 2 * len("储罐泄漏现场处置演练")


def test_csv_export_is_utf8_with_bom(database: Database, tmp_path: Path) -> None:
    populate(database)
    path = tmp_path / "units.csv"
    export_ledger(database.engine, "units", path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0].startswith("单位名称*,单位类型*,统一社会信用代码")


def test_export_takes_a_filter_of_uids_or_a_predicate(database: Database, tmp_path: Path) -> None:
    populate(database)
    records = ledger_records(database.engine, "plans")
    chosen = {r.uid for r in records if "化" in r.title}
    assert len(chosen) == 2
    result = export_ledger(database.engine, "plans", tmp_path / "some.xlsx", only=chosen)
    assert result.rows == 2
    towns = ledger_records(database.engine, "units", only=lambda _uid, record: record.kind.value == "town")
    assert [r.name for r in towns] == ["赤坎镇人民政府"]
    # A filtered export imports back without changes, its references resolved in the database.
    report = import_ledger(database.engine, "plans", tmp_path / "some.xlsx")
    assert (report.inserted, report.updated, report.unchanged) == (0, 0, 2)
