"""A county-sized ledger imports in seconds (Core bulk statements, DESIGN.md §9)."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

from planmgr.domain.enums import EventType, PlanCategory, PlanStatus, UnitKind
from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.exchange.ledger_records import PlanRecord, UnitRecord
from planmgr.exchange.ledger_xlsx import write_ledger
from planmgr.services.ledger import import_ledger
from planmgr.store.database import Database
from tests.exchange.ledger_data import counts, uscc

ROWS = 10_000


def _units() -> list[UnitRecord]:
    units = [UnitRecord(row=0, name="开平市人民政府", kind=UnitKind.CITY)]
    units += [
        UnitRecord(row=0, name=f"第{t}镇人民政府", kind=UnitKind.TOWN, parent="开平市人民政府")
        for t in range(15)
    ]
    units += [
        UnitRecord(
            row=0,
            name=f"开平市第{e}有限公司",
            kind=UnitKind.ENTERPRISE,
            uscc=uscc(f"91440783MA{e:07d}"),
            parent=f"第{e % 15}镇人民政府",
        )
        for e in range(300)
    ]
    return units


def _plans() -> list[PlanRecord]:
    return [
        PlanRecord(
            row=0,
            title=f"第{i}号专项应急预案",
            category=PlanCategory.SPECIAL,
            owner=f"开平市第{i % 300}有限公司",
            parent=f"第{i - 1}号专项应急预案" if i % 5 else None,
            event_types=(EventType.FIRE, EventType.HAZCHEM),
            version_label="1.0",
            published_date=date(2024, 1, 1) + timedelta(days=i % 365),
            status=PlanStatus.PUBLISHED,
            last_evaluation=date(2025, 1, 1) if i % 2 else None,
            note=f"第{i}行",
        )
        for i in range(ROWS)
    ]


def test_ten_thousand_plans_import_in_seconds(database: Database, db_path: Path, tmp_path: Path) -> None:
    units_file = tmp_path / "units.xlsx"
    plans_file = tmp_path / "plans.xlsx"
    write_ledger(units_file, LedgerKind.UNITS, _units())
    write_ledger(plans_file, LedgerKind.PLANS, _plans())
    assert import_ledger(database.engine, "units", units_file).inserted == 316

    started = time.perf_counter()
    report = import_ledger(database.engine, "plans", plans_file)
    first = time.perf_counter() - started
    assert report.errors == () and report.inserted == ROWS
    started = time.perf_counter()
    again = import_ledger(database.engine, "plans", plans_file)
    second = time.perf_counter() - started
    print(f"\n{ROWS} 行预案台账：首次导入 {first:.2f} 秒，再次导入（无变化）{second:.2f} 秒")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, ROWS)
    found = counts(db_path)
    assert (found["plan"], found["plan_version"], found["evaluation"]) == (ROWS, ROWS, ROWS // 2)
    assert first < 20 and second < 20
