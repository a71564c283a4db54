"""Write the sample ledgers of docs/samples/ledgers/ (单位、预案、演练、备案台账示例.xlsx).

Run from a checkout:  .venv/bin/python tools/make_sample_ledgers.py [--out DIR]

The samples are what docs/ledgers.md describes: a city, its emergency bureau, a town, a
village and three enterprises, with their plans, drills and filings. They import cleanly,
in the order units → plans → drills → filings, into an empty database
(tests/exchange/test_ledger_samples.py checks it and that these files are up to date).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from planmgr.domain.enums import (
    DrillForm,
    DrillPurpose,
    DrillScope,
    EnterpriseScale,
    EventType,
    FilingStatus,
    Industry,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.domain.validators import uscc_check_char
from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.exchange.ledger_records import DrillRecord, FilingRecord, LedgerRecord, PlanRecord, UnitRecord
from planmgr.exchange.ledger_xlsx import write_ledger

OUT_DIR = Path(__file__).resolve().parent.parent / "docs" / "samples" / "ledgers"
SAMPLE_FILES = {
    LedgerKind.UNITS: "单位台账示例.xlsx",
    LedgerKind.PLANS: "预案台账示例.xlsx",
    LedgerKind.DRILLS: "演练台账示例.xlsx",
    LedgerKind.FILINGS: "备案台账示例.xlsx",
}


def _uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


CITY = "开平市人民政府"
BUREAU = "开平市应急管理局"
TOWN = "赤坎镇人民政府"
VILLAGE = "塘美村民委员会"
CHEM = "开平市华新化工有限公司"
MALL = "赤坎商贸城有限公司"
WORKS = "开平市精工五金制品厂"

P_OVERALL = "开平市突发事件总体应急预案"
P_FLOOD = "开平市防汛防旱防风应急预案"
P_BUREAU = "开平市应急管理局突发事件应急预案"
P_TOWN = "赤坎镇突发事件总体应急预案"
P_VILLAGE = "塘美村突发事件应急预案"
P_CHEM = "华新化工生产安全事故综合应急预案"
P_CHEM_SPECIAL = "危险化学品泄漏专项应急预案"
P_CHEM_ONSITE = "储罐区泄漏现场处置方案"
P_MALL = "赤坎商贸城生产安全事故综合应急预案"
P_WORKS = "冲压车间机械伤害现场处置方案"


def units() -> list[UnitRecord]:
    u = UnitKind
    return [
        UnitRecord(
            0,
            CITY,
            u.CITY,
            region_code="440783",
            address="广东省开平市长沙街道幕沙路 1 号",
            contact="市政府总值班室",
            phone="0750-2212345",
        ),
        UnitRecord(
            0,
            BUREAU,
            u.DEPARTMENT,
            uscc=_uscc("11440783MB2C12340"),
            parent=CITY,
            region_code="440783",
            address="开平市长沙街道东兴大道 38 号",
            legal_rep="梁志强",
            contact="应急值守科",
            phone="0750-2211119",
        ),
        UnitRecord(
            0,
            TOWN,
            u.TOWN,
            parent=CITY,
            region_code="440783102",
            address="开平市赤坎镇中华东路 8 号",
            contact="镇应急办",
            phone="0750-2612110",
        ),
        UnitRecord(
            0,
            VILLAGE,
            u.VILLAGE,
            parent=TOWN,
            region_code="440783102201",
            contact="关伟民",
            phone="13702286543",
        ),
        UnitRecord(
            0,
            CHEM,
            u.ENTERPRISE,
            uscc=_uscc("91440783MA4UJ0X10"),
            parent=TOWN,
            region_code="440783102",
            industry=Industry.HAZCHEM,
            scale=EnterpriseScale.MEDIUM,
            key_enterprise=True,
            address="开平市赤坎镇工业园区 12 号",
            legal_rep="李明",
            contact="陈华",
            phone="13800138000",
        ),
        UnitRecord(
            0,
            MALL,
            u.ENTERPRISE,
            uscc=_uscc("91440783MA51Q2W30"),
            parent=TOWN,
            region_code="440783102",
            industry=Industry.CROWDED_PLACE,
            scale=EnterpriseScale.SMALL,
            address="开平市赤坎镇堤西路 66 号",
            legal_rep="司徒敏",
            contact="黄晓东",
            phone="0750-2618899",
        ),
        UnitRecord(
            0,
            WORKS,
            u.ENTERPRISE,
            uscc=_uscc("91440783MA52ABCD0"),
            parent=TOWN,
            region_code="440783102",
            industry=Industry.INDUSTRY_TRADE,
            scale=EnterpriseScale.SMALL,
            address="开平市赤坎镇沿江路 3 号",
            legal_rep="周建国",
            contact="周建国",
            phone="13922701234",
        ),
    ]


def plans() -> list[PlanRecord]:
    c, s, e = PlanCategory, PlanStatus, EventType
    return [
        PlanRecord(
            0,
            P_OVERALL,
            c.OVERALL,
            CITY,
            event_types=(e.NATURAL, e.ACCIDENT, e.PUBLIC_HEALTH, e.SOCIAL_SECURITY),
            version_label="2.0",
            published_date=date(2023, 5, 12),
            status=s.PUBLISHED,
            last_evaluation=date(2025, 3, 20),
        ),
        PlanRecord(
            0,
            P_FLOOD,
            c.SPECIAL,
            CITY,
            parent=P_OVERALL,
            event_types=(e.FLOOD_DROUGHT, e.METEOROLOGICAL),
            version_label="1.0",
            published_date=date(2023, 6, 1),
            status=s.PUBLISHED,
        ),
        PlanRecord(
            0,
            P_BUREAU,
            c.DEPARTMENT,
            BUREAU,
            parent=P_OVERALL,
            event_types=(e.WORK_SAFETY,),
            version_label="1.0",
            published_date=date(2023, 7, 15),
            status=s.PUBLISHED,
        ),
        PlanRecord(
            0,
            P_TOWN,
            c.TOWN,
            TOWN,
            parent=P_OVERALL,
            event_types=(e.NATURAL, e.ACCIDENT),
            version_label="1.0",
            published_date=date(2024, 2, 1),
            status=s.PUBLISHED,
            last_evaluation=date(2025, 2, 10),
        ),
        PlanRecord(
            0,
            P_VILLAGE,
            c.VILLAGE,
            VILLAGE,
            parent=P_TOWN,
            event_types=(e.NATURAL,),
            status=s.DRAFTING,
            note="待村民代表会议讨论",
        ),
        PlanRecord(
            0,
            P_CHEM,
            c.ENT_COMPREHENSIVE,
            CHEM,
            parent=P_TOWN,
            event_types=(e.WORK_SAFETY,),
            version_label="2.0",
            published_date=date(2024, 3, 1),
            status=s.PUBLISHED,
            last_evaluation=date(2025, 3, 1),
        ),
        PlanRecord(
            0,
            P_CHEM_SPECIAL,
            c.ENT_SPECIAL,
            CHEM,
            parent=P_CHEM,
            event_types=(e.HAZCHEM,),
            version_label="2.0",
            published_date=date(2024, 3, 1),
            status=s.PUBLISHED,
        ),
        PlanRecord(
            0,
            P_CHEM_ONSITE,
            c.ENT_ONSITE,
            CHEM,
            parent=P_CHEM_SPECIAL,
            event_types=(e.HAZCHEM,),
            version_label="2.0",
            published_date=date(2024, 3, 1),
            status=s.PUBLISHED,
        ),
        PlanRecord(
            0,
            P_MALL,
            c.ENT_COMPREHENSIVE,
            MALL,
            parent=P_TOWN,
            event_types=(e.FIRE,),
            version_label="1.0",
            published_date=date(2024, 5, 10),
            status=s.PUBLISHED,
        ),
        PlanRecord(
            0,
            P_WORKS,
            c.ENT_ONSITE,
            WORKS,
            parent=P_TOWN,
            event_types=(e.WORK_SAFETY,),
            version_label="1.0",
            published_date=date(2024, 6, 1),
            status=s.PUBLISHED,
            note="单一风险的小微企业，只编制现场处置方案",
        ),
    ]


def drills() -> list[DrillRecord]:
    f, sc, pu = DrillForm, DrillScope, DrillPurpose
    return [
        DrillRecord(
            0,
            "2024年赤坎镇防汛综合演练",
            TOWN,
            f"{P_TOWN}、{P_FLOOD}",
            date(2024, 6, 15),
            f.FIELD,
            sc.COMPREHENSIVE,
            pu.TEST,
            ("联合",),
            "潭江赤坎段堤围",
            150,
            "预案可行，群众转移及时；通信保障需加强",
            "市应急管理局派员观摩",
        ),
        DrillRecord(
            0,
            "储罐区泄漏现场处置演练",
            CHEM,
            P_CHEM_ONSITE,
            date(2024, 9, 20),
            f.FIELD,
            sc.SINGLE,
            pu.TEST,
            ("双盲",),
            "罐区东侧",
            30,
            "处置程序熟练，堵漏器材到位",
        ),
        DrillRecord(
            0,
            "储罐区泄漏现场处置演练",
            CHEM,
            P_CHEM_ONSITE,
            date(2025, 3, 18),
            f.FIELD,
            sc.SINGLE,
            pu.TEST,
            (),
            "罐区东侧",
            28,
            "符合要求",
        ),
        DrillRecord(
            0,
            "危险化学品泄漏专项应急预案桌面推演",
            CHEM,
            f"{P_CHEM}、{P_CHEM_SPECIAL}",
            date(2025, 4, 8),
            f.TABLETOP,
            sc.COMPREHENSIVE,
            pu.TEST,
            ("数字化",),
            "公司会议室",
            18,
        ),
        DrillRecord(
            0,
            "商场火灾人员疏散演练",
            MALL,
            P_MALL,
            date(2025, 4, 10),
            f.FIELD,
            sc.COMPREHENSIVE,
            pu.DEMO,
            ("联合",),
            "赤坎商贸城",
            260,
            "疏散用时 6 分钟，达到预期",
            "消防救援站参与",
        ),
        DrillRecord(
            0,
            "冲压车间机械伤害处置演练",
            WORKS,
            P_WORKS,
            date(2027, 6, 15),
            f.FIELD,
            sc.SINGLE,
            pu.TEST,
            (),
            "冲压车间",
            12,
        ),
    ]


def filings() -> list[FilingRecord]:
    s = FilingStatus
    return [
        FilingRecord(
            0, P_CHEM, CHEM, BUREAU, s.FILED, date(2024, 3, 12), "440783-2024-0012", date(2024, 3, 15)
        ),
        FilingRecord(
            0, P_CHEM_SPECIAL, CHEM, BUREAU, s.FILED, date(2024, 3, 12), "440783-2024-0013", date(2024, 3, 15)
        ),
        FilingRecord(
            0, P_MALL, MALL, BUREAU, s.RETURNED, date(2024, 5, 20), note="缺风险评估结果和应急资源调查清单"
        ),
        FilingRecord(0, P_TOWN, TOWN, CITY, s.DEEMED_FILED, date(2024, 2, 20)),
        FilingRecord(0, P_WORKS, WORKS, BUREAU, s.TO_SUBMIT),
    ]


def sample_records() -> dict[LedgerKind, Sequence[LedgerRecord]]:
    return {
        LedgerKind.UNITS: units(),
        LedgerKind.PLANS: plans(),
        LedgerKind.DRILLS: drills(),
        LedgerKind.FILINGS: filings(),
    }


def write_samples(out_dir: Path = OUT_DIR) -> list[Path]:
    written = []
    for kind, records in sample_records().items():
        path = out_dir / SAMPLE_FILES[kind]
        write_ledger(path, kind, records)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成台账示例文件")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=f"输出文件夹（默认 {OUT_DIR}）")
    args = parser.parse_args(argv)
    for path in write_samples(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
