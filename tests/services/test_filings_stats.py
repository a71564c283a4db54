"""Filing rates of key enterprises and of must-file enterprises, per town and in total, on a
hand-built county: who counts as filed (filed, deemed filed) and who is listed as missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planmgr.services.filing_stats import NO_TOWN, FilingStatistics, filing_statistics
from planmgr.services.filing_stats_xlsx import write_statistics_xlsx
from planmgr.store.database import Database
from planmgr.store.models import Plan, Unit
from tests.factories import add_version, make_filing, make_plan, make_unit

AS_OF = date(2025, 6, 30)


def county(db: Database) -> None:
    a = make_unit(db, "赤坎镇", "town")
    b = make_unit(db, "百合镇", "town")
    village = make_unit(db, "百合镇马降龙村", "village", parent=b)

    def ent(name: str, parent: Unit | None, **flags: bool) -> Unit:
        return make_unit(db, name, "enterprise", parent=parent, **flags)

    def plan(unit: Unit, title: str = "综合应急预案") -> Plan:
        return make_plan(db, unit, title, "ent_comprehensive", published=date(2025, 1, 10))

    # 赤坎镇
    e1 = ent("甲化工", a, key_enterprise=True, must_file=True)
    make_filing(db, plan(e1), status="filed", submitted=date(2025, 2, 1))
    e2 = ent("乙加油站", a, must_file=True)
    make_filing(db, plan(e2), status="submitted", submitted=date(2025, 6, 27))  # check runs to 4 Jul
    e3 = ent("丙纺织", a, key_enterprise=True)
    make_filing(db, plan(e3), status="submitted", submitted=date(2025, 3, 3))  # unanswered: deemed filed
    ent("丁建筑", a, must_file=True)  # no plan at all
    # 百合镇 (one of them under a village of the town)
    e5 = ent("戊烟花", village, key_enterprise=True, must_file=True)
    make_filing(db, plan(e5), status="returned", submitted=date(2025, 2, 1))
    e6 = ent("己矿业", b, must_file=True)
    plan(e6)  # published, never submitted
    e9 = ent("庚冶炼", b, must_file=True)
    make_filing(db, plan(e9, "综合应急预案"), status="filed", submitted=date(2025, 2, 1))
    plan(e9, "储罐区现场处置方案")  # a second plan in force, not filed
    e10 = ent("辛物流", b, must_file=True)
    revised = plan(e10)
    make_filing(db, revised, status="filed", submitted=date(2025, 2, 1))
    add_version(db, revised, label="2.0", published=date(2025, 5, 1), major=True)  # to be filed again
    e11 = ent("壬商场", b, must_file=True)
    minor = plan(e11)
    make_filing(db, minor, status="filed", submitted=date(2025, 2, 1))
    add_version(db, minor, label="1.1", published=date(2025, 5, 1), major=False)  # still covered
    ent("癸贸易", b)  # neither key nor must-file: not counted
    # no town
    e8 = ent("子港务", None, must_file=True)
    make_filing(db, plan(e8), status="deemed_filed", submitted=date(2025, 2, 1))


@pytest.fixture
def stats(database: Database) -> FilingStatistics:
    county(database)
    return filing_statistics(database.engine, as_of=AS_OF)


def test_rates_per_town_and_total(stats: FilingStatistics) -> None:
    rows = {t.town_name: (t.key_filed, t.key_total, t.must_filed, t.must_total) for t in stats.towns}
    assert rows == {
        "赤坎镇": (2, 2, 1, 3),  # 甲 filed, 丙 deemed; 乙 under check, 丁 without plans
        "百合镇": (0, 1, 1, 5),  # only 壬 (minor revision still covered)
        NO_TOWN: (0, 0, 1, 1),
    }
    assert [t.town_name for t in stats.towns] == ["百合镇", "赤坎镇", NO_TOWN]  # sorted, no-town last
    total = stats.total
    assert (total.key_filed, total.key_total, total.must_filed, total.must_total) == (2, 3, 3, 9)
    assert total.key_rate == pytest.approx(2 / 3) and total.must_rate == pytest.approx(1 / 3)
    assert next(t for t in stats.towns if t.town_name == NO_TOWN).key_rate is None


def test_who_is_missing_and_why(stats: FilingStatistics) -> None:
    assert [(m.town_name, m.unit_name, m.reason) for m in stats.missing] == [
        ("百合镇", "己矿业", "未报送"),
        ("百合镇", "庚冶炼", "未报送"),
        ("百合镇", "戊烟花", "退回补正"),
        ("百合镇", "辛物流", "未报送"),
        ("赤坎镇", "丁建筑", "无已发布的预案"),
        ("赤坎镇", "乙加油站", "已报送，审查中"),
    ]


def test_a_submission_becomes_filed_once_the_check_period_is_over(database: Database) -> None:
    county(database)
    later = filing_statistics(database.engine, as_of=date(2025, 7, 5))  # 乙's check ended 4 Jul
    chikan = next(t for t in later.towns if t.town_name == "赤坎镇")
    assert (chikan.must_filed, chikan.must_total) == (2, 3)


def test_xlsx_export(stats: FilingStatistics, tmp_path: Path) -> None:
    path = tmp_path / "备案率.xlsx"
    write_statistics_xlsx(stats, path)
    book = load_workbook(path)
    assert book.sheetnames == ["备案率统计", "未备案企业"]
    rates, missing = book["备案率统计"], book["未备案企业"]
    assert rates.freeze_panes == "A2" and missing.freeze_panes == "A2"
    assert [c.value for c in rates[1]][:4] == [
        "乡镇（街道）",
        "重点企业数",
        "重点企业已备案",
        "重点企业备案率",
    ]
    total = [c.value for c in rates[rates.max_row]]
    assert total[:3] == ["合计", 3, 2] and total[3] == pytest.approx(2 / 3) and total[5] == 3
    assert rates.cell(rates.max_row, 4).number_format == "0.0%"
    assert rates.column_dimensions["A"].width >= 2 * len(
        "未划分乡镇（街道）"
    )  # fitted to the widest CJK text
    assert missing.max_row == 1 + len(stats.missing)
    assert [c.value for c in missing[2]] == ["百合镇", "己矿业", "否", "是", "未报送"]
