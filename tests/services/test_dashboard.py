"""The dashboard's figures: plans per category and state, drills per month over a year,
the key-enterprise filing rate (the city's own indicator)."""

from __future__ import annotations

from datetime import date

from planmgr.domain.enums import PlanCategory
from planmgr.services import dashboard as svc
from planmgr.services.filing_stats import filing_statistics
from planmgr.store.database import Database
from planmgr.store.models import Drill, Plan, Unit
from tests.factories import add_version, make_drill, make_filing, make_plan, make_unit, soft_delete

AS_OF = date(2025, 6, 30)


def test_plans_by_category_splits_in_force_preparing_and_retired(database: Database) -> None:
    city = make_unit(database, "青山市人民政府", "city")
    firm = make_unit(database, "青山化工", "enterprise")
    make_plan(database, city, "总体", "overall", status="published")
    make_plan(database, city, "防汛", "special", status="revising")
    make_plan(database, city, "地震", "special", status="drafting")
    make_plan(database, city, "旧森林防火", "special", status="superseded")
    make_plan(database, city, "旧交通", "special", status="abolished")
    gone = make_plan(database, city, "已删除", "special", status="published")
    soft_delete(database, Plan, gone)
    make_plan(database, firm, "储罐区", "ent_onsite", status="in_review")

    counts = {c.category: c for c in svc.plans_by_category(database.engine)}

    assert list(counts) == list(PlanCategory)  # every category, empty ones too, in order
    special = counts[PlanCategory.SPECIAL]
    assert (special.in_force, special.preparing, special.retired, special.total) == (1, 1, 2, 4)
    assert (counts[PlanCategory.OVERALL].in_force, counts[PlanCategory.OVERALL].total) == (1, 1)
    assert counts[PlanCategory.ENT_ONSITE].preparing == 1
    assert counts[PlanCategory.JOINT].total == 0
    assert special.label == "专项应急预案"


def test_drills_per_month_covers_the_last_twelve_months(database: Database) -> None:
    firm = make_unit(database, "青山化工", "enterprise")
    plan = make_plan(database, firm, "综合", "ent_comprehensive", published=date(2023, 1, 1))
    make_drill(database, [plan], date(2024, 6, 30))  # the day before the first month: not counted
    make_drill(database, [plan], date(2024, 7, 1))  # first day of the first month
    make_drill(database, [plan], date(2025, 3, 10))
    make_drill(database, [plan], date(2025, 3, 28))
    make_drill(database, [plan], date(2025, 3, 15), status="cancelled")
    gone = make_drill(database, [plan], date(2025, 3, 16))
    soft_delete(database, Drill, gone)
    make_drill(database, [plan], date(2025, 6, 29), status="planned")
    make_drill(database, [plan], date(2025, 7, 1), status="planned")  # next month: not counted

    months = svc.drills_per_month(database.engine, AS_OF)

    assert [m.label for m in months] == [
        "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12",
        "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06",
    ]  # fmt: skip
    by_label = {m.label: (m.done, m.planned) for m in months}
    assert by_label["2024-07"] == (1, 0)
    assert by_label["2025-03"] == (2, 0)
    assert by_label["2025-06"] == (0, 1)
    assert sum(m.done for m in months) == 3


def key_county(db: Database) -> dict[str, Unit]:
    """Key enterprises in two towns and none: filed, deemed filed, pending, returned, none."""
    city = make_unit(db, "青山市人民政府", "city")
    a = make_unit(db, "赤坎镇", "town", parent=city)
    b = make_unit(db, "百合镇", "town", parent=city)
    village = make_unit(db, "百合镇马降龙村", "village", parent=b)

    def ent(name: str, parent: Unit | None, key: bool = True) -> Unit:
        return make_unit(db, name, "enterprise", parent=parent, key_enterprise=key)

    def plan(unit: Unit, title: str = "综合应急预案") -> Plan:
        return make_plan(db, unit, title, "ent_comprehensive", published=date(2025, 1, 10))

    units = {
        "filed": ent("甲化工", a),
        "deemed": ent("丙纺织", a),
        "pending": ent("乙加油站", a),
        "returned": ent("戊烟花", village),
        "no_plan": ent("丁建筑", b),
        "major": ent("辛物流", b),
        "minor": ent("壬商场", b),
        "townless": ent("子港务", None),
        "not_key": ent("癸贸易", b, key=False),
    }
    make_filing(db, plan(units["filed"]), status="filed", submitted=date(2025, 2, 1))
    make_filing(db, plan(units["deemed"]), status="submitted", submitted=date(2025, 3, 3))
    make_filing(db, plan(units["pending"]), status="submitted", submitted=date(2025, 6, 27))  # check to 4 Jul
    make_filing(db, plan(units["returned"]), status="returned", submitted=date(2025, 2, 1))
    major = plan(units["major"])
    make_filing(db, major, status="filed", submitted=date(2025, 2, 1))
    add_version(db, major, label="2.0", published=date(2025, 5, 1), major=True)  # to be filed again
    minor = plan(units["minor"])
    make_filing(db, minor, status="filed", submitted=date(2025, 2, 1))
    add_version(db, minor, label="1.1", published=date(2025, 5, 1))  # still covered
    make_filing(db, plan(units["townless"]), status="deemed_filed", submitted=date(2025, 2, 1))
    plan(units["not_key"])
    return units


def test_key_enterprise_filing_rate_per_town_and_in_total(database: Database) -> None:
    key_county(database)

    rate = svc.key_enterprise_filing_rate(database.engine, AS_OF)

    assert [(t.town_name, t.total, t.filed) for t in rate.towns] == [
        ("百合镇", 4, 1),  # 壬商场 (minor revision covered); not 戊烟花, 丁建筑, 辛物流
        ("赤坎镇", 3, 2),  # 甲化工, 丙纺织 (deemed filed); not 乙加油站 (check still running)
        (svc.NO_TOWN, 1, 1),
    ]
    assert (rate.total, rate.filed) == (8, 4)
    assert rate.rate == 0.5 and rate.target == 1.0
    # Once 乙加油站's check has run out unanswered, it counts as filed too.
    assert svc.key_enterprise_filing_rate(database.engine, date(2025, 7, 10)).filed == 5


def test_key_enterprise_filing_rate_agrees_with_the_filing_statistics(database: Database) -> None:
    key_county(database)
    for as_of in (AS_OF, date(2025, 7, 10)):
        ours = svc.key_enterprise_filing_rate(database.engine, as_of)
        theirs = filing_statistics(database.engine, as_of=as_of)
        assert (ours.total, ours.filed) == (theirs.total.key_total, theirs.total.key_filed)
        assert [(t.town_name, t.total, t.filed) for t in ours.towns] == [
            (t.town_name, t.key_total, t.key_filed) for t in theirs.towns if t.key_total
        ]


def test_no_key_enterprises_has_no_rate(database: Database) -> None:
    rate = svc.key_enterprise_filing_rate(database.engine, AS_OF)
    assert (rate.total, rate.rate, rate.towns) == (0, None, ())


def test_dashboard_reads_everything_with_the_due_list(database: Database) -> None:
    key_county(database)
    data = svc.dashboard(database.engine, AS_OF)
    assert data.as_of == AS_OF == data.due.as_of
    assert (data.overview.unit_count, data.overview.plan_count) == (13, 8)
    assert data.key_filing.filed == 4
    assert len(data.drills) == 12
    # every enterprise with a 综合 plan owes its yearly drill (ENT Art.33); 丁建筑 has no plan
    drilling = {i.unit_name for i in data.due.items if i.kind.value == "drill"}
    assert len(drilling) == 8 and "丁建筑" not in drilling
