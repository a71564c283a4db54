"""One test per rule of DOMAIN.md §3, on plain facts; every due date worked out by hand.

2025 National Day: 10-01..10-08 off, Sun 09-28 and Sat 10-11 worked, so 20 working days
after 2025-09-30 is 2025-11-04 and 5 working days after 2025-10-09 is 2025-10-15.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from itertools import count

import pytest

from planmgr.domain.due import (
    ActionFacts,
    DueItem,
    DueReport,
    FilingFacts,
    PlanFacts,
    UnitFacts,
    VersionFacts,
    compute_due,
)
from planmgr.domain.errors import ValidationError
from planmgr.domain.rules import (
    DEFAULT_RULES,
    DueKind,
    DueStatus,
    RuleOverride,
    RuleSet,
    due_status,
    rule_set,
    validate_override,
)
from planmgr.domain.workdays import WorkdayCalendar

CAL = WorkdayCalendar()
AS_OF = date(2025, 6, 1)
_ids = count(1)


def unit(kind: str = "enterprise", name: str = "某公司", **flags: bool) -> UnitFacts:
    n = next(_ids)
    return UnitFacts(n, f"u{n}", name, kind, **flags)


def version(published: date | None, issued: date | None = None, major: bool = False) -> VersionFacts:
    return VersionFacts(next(_ids), published, issued, major)


def plan(
    owner: UnitFacts,
    category: str,
    published: date | None = None,
    *,
    issued: date | None = None,
    versions: tuple[VersionFacts, ...] | None = None,
    status: str = "published",
    last_drill: date | None = None,
    last_evaluation: date | None = None,
    event_types: tuple[str, ...] = (),
    filings: tuple[FilingFacts, ...] = (),
    title: str | None = None,
) -> PlanFacts:
    n = next(_ids)
    if versions is None:
        versions = (version(published, issued),)
    return PlanFacts(
        id=n,
        uid=f"p{n}",
        title=title or f"预案{n}",
        category=category,
        unit_id=owner.id,
        status=status,
        current_version_id=versions[-1].id,
        event_types=event_types,
        versions=versions,
        filings=filings,
        last_drill=last_drill,
        last_evaluation=last_evaluation,
    )


def report(
    units: Iterable[UnitFacts],
    plans: Iterable[PlanFacts],
    *,
    unit_drills: Mapping[int, Mapping[str, date]] | None = None,
    rules: RuleSet | None = None,
    as_of: date = AS_OF,
    actions: Iterable[ActionFacts] = (),
    calendar: WorkdayCalendar = CAL,
) -> DueReport:
    return compute_due(
        units=units,
        plans=plans,
        unit_drills=unit_drills,
        actions=actions,
        rules=rules or RuleSet(),
        calendar=calendar,
        as_of=as_of,
    )


def items(*args: object, **kwargs: object) -> list[DueItem]:
    return list(report(*args, **kwargs).items)  # type: ignore[arg-type]


def one(found: list[DueItem], rule_id: str) -> DueItem:
    matching = [i for i in found if i.rule_id == rule_id]
    assert len(matching) == 1, [(i.rule_id, i.plan_title, i.due_date) for i in found]
    return matching[0]


def rule_ids(found: list[DueItem]) -> set[str]:
    return {i.rule_id for i in found}


def test_every_rule_names_its_source() -> None:
    assert len({r.id for r in DEFAULT_RULES}) == len(DEFAULT_RULES)
    for rule in DEFAULT_RULES:
        assert ("第" in rule.source and "条" in rule.source) or "办法" in rule.source or "AQ/T" in rule.source


# -- drills --------------------------------------------------------------------------------


def test_ent_unit_drill_counts_from_earliest_comprehensive_or_special_publication() -> None:
    ent = unit()
    comprehensive = plan(ent, "ent_comprehensive", date(2024, 3, 15))
    special = plan(ent, "ent_special", date(2024, 1, 10))
    item = one(items([ent], [comprehensive, special]), "ent_unit_drill")
    assert (item.kind, item.plan_uid, item.due_date) == (DueKind.DRILL, None, date(2025, 1, 10))
    assert item.status is DueStatus.OVERDUE
    assert item.source == "《生产安全事故应急预案管理办法》第三十三条"


def test_ent_unit_drill_ignores_a_drill_of_the_onsite_plan() -> None:
    ent = unit()
    comprehensive = plan(ent, "ent_comprehensive", date(2024, 3, 15))
    onsite = plan(ent, "ent_onsite", date(2024, 3, 15), last_drill=date(2025, 4, 1))
    drills = {ent.id: {"ent_onsite": date(2025, 4, 1)}}
    # The only drill exercised the 现场处置方案: the unit rule still counts from 2024-03-15.
    assert one(items([ent], [comprehensive, onsite], unit_drills=drills), "ent_unit_drill").due_date == date(
        2025, 3, 15
    )
    drills = {ent.id: {"ent_onsite": date(2025, 4, 1), "ent_comprehensive": date(2024, 8, 31)}}
    assert one(items([ent], [comprehensive, onsite], unit_drills=drills), "ent_unit_drill").due_date == date(
        2025, 8, 31
    )


def test_ent_unit_drill_needs_a_comprehensive_or_special_plan() -> None:
    ent = unit()
    onsite = plan(ent, "ent_onsite", date(2024, 3, 15))
    assert "ent_unit_drill" not in rule_ids(items([ent], [onsite]))


def test_ent_onsite_drill_every_six_months_each_plan() -> None:
    ent = unit()
    never = plan(ent, "ent_onsite", date(2024, 8, 31), title="甲")
    drilled = plan(ent, "ent_onsite", date(2023, 1, 1), last_drill=date(2024, 12, 10), title="乙")
    found = [i for i in items([ent], [never, drilled]) if i.rule_id == "ent_onsite_drill"]
    assert [(i.plan_title, i.due_date) for i in found] == [
        ("甲", date(2025, 2, 28)),  # 2024-08-31 + 6 months, clamped
        ("乙", date(2025, 6, 10)),
    ]


def test_high_risk_unit_without_drills_counts_from_its_earliest_publication() -> None:
    ent = unit(high_risk=True)
    plans = [plan(ent, "ent_comprehensive", date(2024, 5, 20)), plan(ent, "ent_onsite", date(2024, 2, 29))]
    item = one(items([ent], plans), "high_risk_drill")
    assert (item.plan_uid, item.due_date) == (None, date(2024, 8, 29))
    assert "《生产安全事故应急条例》第八条" in item.source


def test_high_risk_unit_counts_any_drill_of_its_plans() -> None:
    ent = unit(high_risk=True)
    plans = [plan(ent, "ent_comprehensive", date(2024, 5, 20)), plan(ent, "ent_onsite", date(2024, 2, 29))]
    drills = {ent.id: {"ent_onsite": date(2025, 1, 15)}}
    assert one(items([ent], plans, unit_drills=drills), "high_risk_drill").due_date == date(2025, 7, 15)
    assert "high_risk_drill" not in rule_ids(items([unit()], [plan(unit(), "ent_onsite", date(2024, 1, 1))]))


def test_gov_special_plan_drill_every_36_months() -> None:
    county = unit("city", "开平市人民政府")
    special = plan(county, "special", date(2022, 5, 31), event_types=("flood_drought",))
    item = one(items([county], [special]), "gov_plan_drill")
    assert (item.due_date, item.status) == (date(2025, 5, 31), DueStatus.OVERDUE)
    drilled = plan(county, "department", date(2022, 5, 31), last_drill=date(2023, 7, 1))
    assert one(items([county], [drilled]), "gov_plan_drill").due_date == date(2026, 7, 1)


def test_work_safety_plans_drill_every_24_months_and_the_earlier_rule_wins() -> None:
    town = unit("town", "赤坎镇人民政府")
    town_plan = plan(town, "town", date(2023, 6, 30), event_types=("work_safety",))
    assert one(items([town], [town_plan]), "work_safety_drill").due_date == date(2025, 6, 30)
    county = unit("city", "开平市人民政府")
    special = plan(county, "special", date(2023, 6, 30), event_types=("hazchem",))
    drills = [i for i in items([county], [special]) if i.kind is DueKind.DRILL]
    # 专项 (36 months) and 生产安全事故 (24 months) both apply: one item, the earlier.
    assert [(i.rule_id, i.due_date) for i in drills] == [("work_safety_drill", date(2025, 6, 30))]


def test_village_work_safety_plan_has_no_drill_cycle() -> None:
    village = unit("village", "某村委会")
    village_plan = plan(village, "village", date(2023, 6, 30), event_types=("work_safety",))
    assert DueKind.DRILL not in {i.kind for i in items([village], [village_plan])}


# -- evaluations ---------------------------------------------------------------------------


def test_gov_evaluation_counts_from_latest_evaluation() -> None:
    dept = unit("department", "开平市应急管理局")
    dept_plan = plan(dept, "department", date(2022, 3, 1), last_evaluation=date(2023, 4, 15))
    item = one(items([dept], [dept_plan]), "gov_evaluation")
    assert (item.kind, item.due_date, item.status) == (DueKind.EVALUATION, date(2026, 4, 15), DueStatus.OK)


def test_plan_revised_after_its_last_evaluation_moves_the_anchor() -> None:
    dept = unit("department", "开平市应急管理局")
    revised = plan(
        dept,
        "department",
        versions=(version(date(2021, 1, 1)), version(date(2024, 2, 10))),
        last_evaluation=date(2023, 4, 15),
    )
    assert one(items([dept], [revised]), "gov_evaluation").due_date == date(2027, 2, 10)


def test_listed_enterprise_evaluates_every_36_months() -> None:
    listed = unit(listed_for_review=True)
    onsite = plan(listed, "ent_onsite", date(2022, 8, 31))
    assert one(items([listed], [onsite]), "ent_evaluation").due_date == date(2025, 8, 31)
    other = unit()
    assert DueKind.EVALUATION not in {i.kind for i in items([other], [plan(other, "ent_onsite", date(2022, 8, 31))])}


def test_grassroots_evaluation_default_and_region_override() -> None:
    village = unit("village", "某村委会")
    village_plan = plan(village, "village", date(2023, 9, 30))
    assert one(items([village], [village_plan]), "grassroots_evaluation").due_date == date(2026, 9, 30)
    twelve = rule_set({"grassroots_evaluation": RuleOverride(interval_months=12)})
    item = one(items([village], [village_plan], rules=twelve), "grassroots_evaluation")
    assert (item.due_date, item.status) == (date(2024, 9, 30), DueStatus.OVERDUE)


# -- filing, publication, authority check --------------------------------------------------


def test_ent_filing_20_working_days_after_publication_across_national_day() -> None:
    ent = unit(must_file=True)
    comprehensive = plan(ent, "ent_comprehensive", date(2025, 9, 30))
    item = one(items([ent], [comprehensive], as_of=date(2025, 10, 20)), "ent_filing")
    assert (item.kind, item.due_date, item.status) == (DueKind.FILING, date(2025, 11, 4), DueStatus.DUE_SOON)
    assert item.source == "《生产安全事故应急预案管理办法》第二十六条"
    assert not item.calendar_estimated
    other = unit()
    assert DueKind.FILING not in {i.kind for i in items([other], [plan(other, "ent_comprehensive", date(2025, 9, 30))])}


def test_gov_filing_counts_from_the_issue_date() -> None:
    town = unit("town", "赤坎镇人民政府")
    town_plan = plan(town, "town", date(2025, 10, 20), issued=date(2025, 9, 30))
    item = one(items([town], [town_plan], as_of=date(2025, 10, 20)), "gov_filing")
    assert item.due_date == date(2025, 11, 4)
    assert item.source == "《突发事件应急预案管理办法》（国办发〔2024〕5号）第二十六条"
    no_issue_date = plan(town, "town", date(2025, 9, 30))
    assert one(items([town], [no_issue_date]), "gov_filing").due_date == date(2025, 11, 4)


def test_publication_owed_when_issued_but_not_published() -> None:
    county = unit("city", "开平市人民政府")
    issued_only = plan(county, "overall", None, issued=date(2025, 9, 30))
    item = one(items([county], [issued_only], as_of=date(2025, 10, 9)), "publication")
    assert (item.kind, item.due_date) == (DueKind.PUBLICATION, date(2025, 11, 4))
    published = plan(county, "overall", date(2025, 10, 9), issued=date(2025, 9, 30))
    assert "publication" not in rule_ids(items([county], [published]))


def test_authority_check_then_deemed_filed() -> None:
    ent = unit(must_file=True)
    v1 = version(date(2025, 9, 30))
    submitted = plan(
        ent, "ent_comprehensive", versions=(v1,), filings=(FilingFacts(v1.id, "submitted", date(2025, 10, 9)),)
    )
    on_the_day = report([ent], [submitted], as_of=date(2025, 10, 15))
    item = one(list(on_the_day.items), "authority_check")
    assert (item.kind, item.due_date, item.status) == (DueKind.AUTHORITY_CHECK, date(2025, 10, 15), DueStatus.DUE_SOON)
    assert "filing" not in {i.kind for i in on_the_day.items}
    after = report([ent], [submitted], as_of=date(2025, 10, 16))
    assert {i.kind for i in after.items}.isdisjoint({DueKind.FILING, DueKind.AUTHORITY_CHECK})
    assert [(d.plan_uid, d.check_due) for d in after.deemed_filed] == [(submitted.uid, date(2025, 10, 15))]


@pytest.mark.parametrize("status", ["filed", "deemed_filed"])
def test_filed_plans_owe_nothing(status: str) -> None:
    ent = unit(must_file=True)
    v1 = version(date(2025, 9, 30))
    filed = plan(ent, "ent_comprehensive", versions=(v1,), filings=(FilingFacts(v1.id, status, date(2025, 10, 9)),))
    assert {i.kind for i in items([ent], [filed])}.isdisjoint({DueKind.FILING, DueKind.AUTHORITY_CHECK})


def test_returned_filing_keeps_the_original_deadline() -> None:
    ent = unit(must_file=True)
    v1 = version(date(2025, 9, 30))
    returned = plan(ent, "ent_comprehensive", versions=(v1,), filings=(FilingFacts(v1.id, "returned", date(2025, 10, 9)),))
    assert one(items([ent], [returned]), "ent_filing").due_date == date(2025, 11, 4)


def test_minor_revision_is_covered_by_the_earlier_filing_but_a_major_one_is_not() -> None:
    ent = unit(must_file=True)
    v1, v2 = version(date(2023, 3, 1)), version(date(2024, 5, 6))
    filings = (FilingFacts(v1.id, "filed", date(2023, 3, 10)),)
    minor = plan(ent, "ent_comprehensive", versions=(v1, v2), filings=filings)
    assert "ent_filing" not in rule_ids(items([ent], [minor]))
    v3 = version(date(2025, 9, 30), major=True)
    major = plan(ent, "ent_comprehensive", versions=(v1, v2, v3), filings=filings)
    assert one(items([ent], [major], as_of=date(2025, 10, 1)), "ent_filing").due_date == date(2025, 11, 4)


# -- corrective actions, plan status, status window, ordering ------------------------------


def test_open_corrective_action_is_due_on_its_own_date() -> None:
    action = ActionFacts("a1", date(2025, 6, 20), "u-x", "某公司", "p-x", "综合应急预案")
    item = one(items([], [], actions=[action]), "corrective_action")
    assert (item.kind, item.due_date, item.status, item.plan_uid) == (
        DueKind.ACTION, date(2025, 6, 20), DueStatus.DUE_SOON, "p-x"
    )


@pytest.mark.parametrize("status", ["drafting", "in_review", "superseded", "abolished"])
def test_plans_not_in_force_produce_nothing(status: str) -> None:
    ent = unit(must_file=True, high_risk=True, listed_for_review=True)
    assert items([ent], [plan(ent, "ent_comprehensive", date(2024, 1, 1), status=status)]) == []


def test_plan_under_revision_continues_from_the_version_in_force() -> None:
    ent = unit()
    revising = plan(ent, "ent_onsite", date(2024, 8, 31), status="revising")
    assert one(items([ent], [revising]), "ent_onsite_drill").due_date == date(2025, 2, 28)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2025, 5, 31), DueStatus.OVERDUE),
        (date(2025, 6, 1), DueStatus.DUE_SOON),
        (date(2025, 7, 1), DueStatus.DUE_SOON),  # as-of + 30 days, inclusive
        (date(2025, 7, 2), DueStatus.OK),
    ],
)
def test_status_window(due: date, expected: DueStatus) -> None:
    assert due_status(due, AS_OF) is expected


def test_region_window_changes_the_status() -> None:
    ent = unit()
    onsite = plan(ent, "ent_onsite", date(2025, 1, 10))  # due 2025-07-10
    assert one(items([ent], [onsite]), "ent_onsite_drill").status is DueStatus.OK
    wide = rule_set(due_soon_days=60)
    assert one(items([ent], [onsite], rules=wide), "ent_onsite_drill").status is DueStatus.DUE_SOON


def test_disabled_rule_produces_nothing() -> None:
    county = unit("city", "开平市人民政府")
    issued_only = plan(county, "overall", None, issued=date(2025, 9, 30))
    off = rule_set({"publication": RuleOverride(enabled=False)})
    assert "publication" not in rule_ids(items([county], [issued_only], rules=off))


def test_items_sorted_by_due_date_unit_name_plan_title() -> None:
    a, b = unit(name="乙公司"), unit(name="甲公司")
    plans = [
        plan(b, "ent_onsite", date(2024, 8, 31), title="二"),
        plan(a, "ent_onsite", date(2024, 8, 31), title="一"),
        plan(a, "ent_onsite", date(2024, 7, 31), title="三"),
        plan(b, "ent_onsite", date(2024, 8, 31), title="一"),
    ]
    found = items([a, b], plans)
    assert [(i.due_date, i.unit_name, i.plan_title) for i in found] == [
        (date(2025, 1, 31), "乙公司", "三"),
        (date(2025, 2, 28), "乙公司", "一"),
        (date(2025, 2, 28), "甲公司", "一"),
        (date(2025, 2, 28), "甲公司", "二"),
    ]


def test_year_beyond_the_calendar_is_marked_estimated() -> None:
    ent = unit(must_file=True)
    later = plan(ent, "ent_comprehensive", date(2035, 1, 1))
    item = one(items([ent], [later]), "ent_filing")
    assert (item.due_date, item.calendar_estimated) == (date(2035, 1, 29), True)


def test_override_validation() -> None:
    with pytest.raises(ValidationError, match="工作日"):
        validate_override("grassroots_evaluation", RuleOverride(deadline_workdays=10))
    with pytest.raises(ValidationError, match="1 到 120"):
        validate_override("grassroots_evaluation", RuleOverride(interval_months=0))
    with pytest.raises(ValidationError, match="没有这条规则"):
        validate_override("nope", RuleOverride(interval_months=12))
