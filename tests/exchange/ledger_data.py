"""Data for the ledger tests: a small but complete database, and hand-made ledger files."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import Connection, Engine, create_engine, text

from planmgr.domain.validators import uscc_check_char
from planmgr.store.database import Database
from tests.factories import (
    add_version,
    current_version_id,
    make_drill,
    make_evaluation,
    make_filing,
    make_plan,
    make_unit,
)


def uscc(first17: str) -> str:
    """A valid 统一社会信用代码 from its first 17 characters."""
    return first17 + uscc_check_char(first17)


USCC_CHEM = uscc("91440783MA4UJ0X12")
USCC_MALL = uscc("91440783MA51Q2W3E")

UNITS_HEADER = ["单位名称*", "单位类型*", "统一社会信用代码", "上级单位", "行业类型", "企业规模", "联系电话"]
PLANS_HEADER = [
    "预案名称*",
    "预案类别*",
    "编制单位*",
    "上级预案",
    "版本号",
    "发布日期",
    "状态",
    "最近评估日期",
]
DRILLS_HEADER = ["演练名称*", "组织单位*", "关联预案*", "演练日期*", "演练形式*", "参演人数"]
FILINGS_HEADER = ["预案名称*", "编制单位*", "报送日期*", "受理部门*", "备案状态*", "备案编号"]

AUDITED = ("unit", "plan", "plan_version", "evaluation", "drill", "drill_plan", "filing")


def populate(db: Database) -> None:
    """A city with a department, a town, a village and two enterprises, their plans,
    drills (done, planned, cancelled) and filings (filed, submitted, to submit, an old version's)."""
    city = make_unit(
        db, "开平市人民政府", "city", region_code="440783", address="开平市长沙街道", phone="0750-2212345"
    )
    bureau = make_unit(
        db, "开平市应急管理局", "department", parent=city, contact="张三", phone="0750-2211119"
    )
    town = make_unit(db, "赤坎镇人民政府", "town", parent=city, region_code="440783102")
    village = make_unit(db, "塘美村民委员会", "village", parent=town)
    chem = make_unit(
        db,
        "开平市华新化工有限公司",
        "enterprise",
        parent=town,
        uscc=USCC_CHEM,
        industry="hazchem",
        scale="medium",
        must_file=True,
        high_risk=True,
        listed_for_review=True,
        key_enterprise=True,
        legal_rep="李四",
        contact="王五",
        phone="13800138000",
        address="赤坎镇工业区 8 号",
    )
    mall = make_unit(
        db,
        "赤坎商贸城",
        "enterprise",
        parent=town,
        uscc=USCC_MALL,
        industry="crowded_place",
        scale="small",
        must_file=True,
        high_risk=True,
    )
    overall = make_plan(
        db,
        city,
        "开平市突发事件总体应急预案",
        "overall",
        published=date(2023, 5, 1),
        event_types=["natural", "accident"],
    )
    flood = make_plan(
        db,
        city,
        "开平市防汛、防台风应急预案",
        "special",
        published=date(2023, 6, 1),
        parent=overall,
        event_types=["flood_drought", "meteorological"],
    )
    make_plan(
        db, bureau, "开平市应急管理局部门应急预案", "department", published=date(2023, 7, 1), parent=overall
    )
    town_plan = make_plan(
        db,
        town,
        "赤坎镇突发事件总体应急预案",
        "town",
        published=date(2022, 3, 1),
        parent=overall,
        status="revising",
    )
    first_version = current_version_id(db, town_plan)
    add_version(db, town_plan, label="2.0", published=date(2024, 4, 1))
    make_plan(
        db,
        village,
        "塘美村突发事件应急预案",
        "village",
        status="drafting",
        parent=town_plan,
        note="待村委会讨论",
    )
    ent = make_plan(
        db, chem, "华新化工综合应急预案", "ent_comprehensive", published=date(2024, 1, 15), parent=town_plan
    )
    special = make_plan(
        db,
        chem,
        "危险化学品泄漏专项应急预案",
        "ent_special",
        published=date(2024, 1, 15),
        parent=ent,
        event_types=["hazchem"],
    )
    onsite = make_plan(
        db, chem, "储罐区泄漏现场处置方案", "ent_onsite", published=date(2024, 1, 15), parent=special
    )
    make_plan(db, mall, "商贸城综合应急预案", "ent_comprehensive", published=date(2024, 2, 1))
    make_evaluation(db, overall, date(2024, 3, 1))
    make_evaluation(db, overall, date(2025, 3, 1))
    make_evaluation(db, ent, date(2025, 1, 10))

    make_drill(
        db,
        [town_plan, flood],
        date(2024, 6, 1),
        title="赤坎镇防汛综合演练",
        organiser=town,
        form="field",
        scope="comprehensive",
        purpose="demo",
        tags=["双盲", "联合"],
        location="赤坎镇堤围",
        head_count=120,
        evaluation={"conclusion": "预案可行，响应及时", "score": 90},
        note="市应急局观摩",
    )
    make_drill(
        db,
        [onsite],
        date(2024, 9, 10),
        title="储罐泄漏现场处置演练",
        organiser=chem,
        form="field",
        head_count=25,
    )
    make_drill(
        db, [onsite], date(2030, 3, 10), title="储罐泄漏现场处置演练", organiser=chem, status="planned"
    )
    make_drill(db, [ent], date(2024, 12, 1), title="综合预案桌面推演", organiser=chem, status="cancelled")

    make_filing(
        db,
        ent,
        status="filed",
        submitted=date(2024, 1, 20),
        authority_name="开平市应急管理局",
        authority_unit_id=bureau.id,
        filing_number="440783-2024-0001",
        registered_date=date(2024, 1, 25),
    )
    make_filing(
        db,
        special,
        status="submitted",
        submitted=date(2024, 1, 20),
        authority_name="开平市应急管理局",
        authority_unit_id=bureau.id,
    )
    make_filing(
        db,
        first_version,
        status="filed",
        submitted=date(2022, 3, 10),
        authority_name="开平市人民政府",
        authority_unit_id=city.id,
        filing_number="开府备〔2022〕3号",
    )
    make_filing(db, town_plan, status="to_submit", authority_name="开平市人民政府", authority_unit_id=city.id)


type Where = Database | Engine | Path


def _query[T](where: Where, run: Callable[[Connection], T]) -> T:
    if isinstance(where, Path):
        engine = create_engine(f"sqlite:///{where}")
        try:
            with engine.connect() as conn:
                return run(conn)
        finally:
            engine.dispose()
    engine = where.engine if isinstance(where, Database) else where
    with engine.connect() as conn:
        return run(conn)


def snapshot(
    where: Where, tables: Sequence[str] = (*AUDITED, "audit_entry")
) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the ledger tables (and the audit trail), to compare before and after."""
    return _query(
        where,
        lambda conn: {
            t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY id"))] for t in tables
        },
    )


def counts(where: Where) -> dict[str, int]:
    return _query(
        where,
        lambda conn: {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in (*AUDITED, "audit_entry")
        },
    )


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    title: str = "单位台账",
    merge: Sequence[str] = (),
    formulas: dict[str, str] | None = None,
) -> Path:
    """A workbook with one sheet holding ``rows`` (first row = header)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cell, formula in (formulas or {}).items():
        sheet[cell] = formula
    for span in merge:
        sheet.merge_cells(span)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], *, encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def base_units(db: Database) -> None:
    """The units a plans/drills/filings file can refer to."""
    city = make_unit(db, "开平市人民政府", "city")
    make_unit(db, "赤坎镇人民政府", "town", parent=city)
    make_unit(db, "开平市华新化工有限公司", "enterprise", uscc=USCC_CHEM, industry="hazchem")
