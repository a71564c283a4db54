"""Plan lifecycle, hierarchy rules, versions, diff, optimistic locking, search, audit."""

from __future__ import annotations

from datetime import date

import pytest

from planmgr.domain.enums import EvaluationConclusion, PlanCategory, PlanStatus
from planmgr.domain.errors import ConflictError, ValidationError
from planmgr.services import plans
from planmgr.store.database import Database, session_scope
from planmgr.store.models import Unit


def add_unit(database: Database, name: str, kind: str, parent: str | None = None) -> str:
    with session_scope(database.engine) as s:
        parent_id = None
        if parent:
            from sqlmodel import select

            parent_id = s.exec(select(Unit.id).where(Unit.uid == parent)).one()
        unit = Unit(name=name, kind=kind, parent_id=parent_id)
        s.add(unit)
        s.flush()
        return unit.uid


CONTENT_V1 = {
    "scope": "适用于赤坎镇行政区域内发生的各类突发事件。",
    "response_levels": [{"level": "四级", "condition": "一般事件", "lead": "镇应急办"}],
    "procedure": [{"step": "1", "action": "接报后30分钟内报告镇值班室", "responsible": "值班员", "time_limit": "30分钟"}],
    "contacts": [{"name": "镇值班室", "role": "值班", "phone": "0750-2612345"}],
}


@pytest.fixture
def city(any_database: Database) -> dict[str, str]:
    city = add_unit(any_database, "开平市人民政府", "city")
    town = add_unit(any_database, "赤坎镇人民政府", "town", city)
    ent = add_unit(any_database, "开平市甲化工有限公司", "enterprise", town)
    village = add_unit(any_database, "三家村", "village", town)
    overall = plans.create_plan(
        any_database.engine,
        plans.PlanDraft("开平市突发公共事件总体应急预案", PlanCategory.OVERALL, city, content={"scope": "全市"}),
    )
    return {"city": city, "town": town, "ent": ent, "village": village, "overall": overall.uid}


def test_create_town_plan_under_overall(any_database: Database, city: dict[str, str]) -> None:
    town_plan = plans.create_plan(
        any_database.engine,
        plans.PlanDraft("  赤坎镇突发事件总体应急预案 ", PlanCategory.TOWN, city["town"], parent_uid=city["overall"]),
    )
    assert town_plan.title == "赤坎镇突发事件总体应急预案"
    assert town_plan.status is PlanStatus.DRAFTING
    assert town_plan.parent_uid == city["overall"]
    assert town_plan.owner_unit_name == "赤坎镇人民政府"


def test_village_plan_under_enterprise_plan_is_refused(any_database: Database, city: dict[str, str]) -> None:
    town_plan = plans.create_plan(
        any_database.engine, plans.PlanDraft("赤坎镇预案", PlanCategory.TOWN, city["town"], parent_uid=city["overall"])
    )
    ent_plan = plans.create_plan(
        any_database.engine,
        plans.PlanDraft("甲公司综合应急预案", PlanCategory.ENT_COMPREHENSIVE, city["ent"], parent_uid=town_plan.uid),
    )
    with pytest.raises(ValidationError, match="村（社区）应急预案不能挂在综合应急预案"):
        plans.create_plan(
            any_database.engine,
            plans.PlanDraft("三家村预案", PlanCategory.VILLAGE, city["village"], parent_uid=ent_plan.uid),
        )
    with pytest.raises(ValidationError, match="应由乡镇（街道）编制"):
        plans.create_plan(any_database.engine, plans.PlanDraft("错的", PlanCategory.TOWN, city["ent"], city["overall"]))


def test_publish_revise_diff_and_supersede(any_database: Database, city: dict[str, str]) -> None:
    engine = any_database.engine
    plan = plans.create_plan(
        engine, plans.PlanDraft("赤坎镇预案", PlanCategory.TOWN, city["town"], city["overall"], content=CONTENT_V1)
    )
    with pytest.raises(ValidationError, match="不能发布"):
        plans.publish(engine, plan.uid, plans.PublishInfo("2023版", date(2023, 3, 1)))
    plans.send_for_review(engine, plan.uid)
    v1 = plans.publish(engine, plan.uid, plans.PublishInfo("2023版", date(2023, 3, 1), doc_number="赤府〔2023〕5号"))
    assert v1.major  # the first version is always filed
    detail = plans.get_plan(engine, plan.uid)
    assert detail.summary.status is PlanStatus.PUBLISHED
    assert detail.summary.current_version == v1

    with pytest.raises(ValidationError, match="启动修订"):
        plans.update_plan(engine, plan.uid, expected_row_version=None, content={"scope": "x"})
    plans.start_revision(engine, plan.uid, trigger="gov25-2")
    v2_content = {
        **CONTENT_V1,
        "response_levels": [{"level": "三级", "condition": "较大事件", "lead": "镇长"}],
        "procedure": [{"step": "1", "action": "接报后15分钟内报告镇值班室", "responsible": "值班员", "time_limit": "15分钟"}],
        "contacts": [{"name": "镇值班室", "role": "值班", "phone": "0750-2698765"}],
    }
    current = plans.get_plan(engine, plan.uid).summary
    plans.update_plan(engine, plan.uid, expected_row_version=current.row_version, content=v2_content)
    v2 = plans.publish(engine, plan.uid, plans.PublishInfo("2025版", date(2025, 6, 1), change_summary="调整响应分级"))
    assert v2.major and v2.revision_trigger == "gov25-2"
    assert "应急指挥机构" in v2.trigger_label
    versions = plans.list_versions(engine, plan.uid)
    assert [v.label for v in versions] == ["2023版", "2025版"]
    # The old version is immutable history: its content is what was published then.
    assert plans.version_content(engine, v1.uid)["procedure"][0]["time_limit"] == "30分钟"

    diff = {d.key: d for d in plans.diff_versions(engine, v1.uid, v2.uid)}
    assert not diff["scope"].changed
    assert diff["contacts"].changed and "电话" in diff["contacts"].flags
    assert "时限" in diff["procedure"].flags
    assert "响应级别" in diff["response_levels"].flags


def test_stale_save_is_refused_and_says_so(any_database: Database, city: dict[str, str]) -> None:
    engine = any_database.engine
    plan = plans.create_plan(engine, plans.PlanDraft("赤坎镇预案", PlanCategory.TOWN, city["town"], city["overall"]))
    opened_by_a = plan.row_version
    opened_by_b = plan.row_version
    plans.update_plan(engine, plan.uid, expected_row_version=opened_by_a, content={"scope": "A 的修改"})
    with pytest.raises(ConflictError, match="已被其他人修改"):
        plans.update_plan(engine, plan.uid, expected_row_version=opened_by_b, content={"scope": "B 的修改"})
    assert plans.get_plan(engine, plan.uid).content == {"scope": "A 的修改"}


def test_evaluation_revise_starts_revision(any_database: Database, city: dict[str, str]) -> None:
    engine = any_database.engine
    plan = plans.create_plan(engine, plans.PlanDraft("赤坎镇预案", PlanCategory.TOWN, city["town"], city["overall"]))
    plans.send_for_review(engine, plan.uid)
    plans.publish(engine, plan.uid, plans.PublishInfo("2023版", date(2023, 3, 1)))
    plans.record_evaluation(
        engine, plan.uid, plans.EvaluationInput(date(2025, 3, 1), EvaluationConclusion.REVISE, findings="机构调整")
    )
    assert plans.get_plan(engine, plan.uid).summary.status is PlanStatus.REVISING
    assert [e.findings for e in plans.list_evaluations(engine, plan.uid)] == ["机构调整"]


def test_cannot_become_its_own_descendant(any_database: Database, city: dict[str, str]) -> None:
    engine = any_database.engine
    special = plans.create_plan(
        engine, plans.PlanDraft("开平市地震应急预案", PlanCategory.SPECIAL, city["city"], city["overall"])
    )
    sub = plans.create_plan(engine, plans.PlanDraft("子专项", PlanCategory.SPECIAL, city["city"], special.uid))
    with pytest.raises(ValidationError, match="下级预案"):
        plans.update_plan(engine, special.uid, expected_row_version=None, parent_uid=sub.uid)


@pytest.mark.parametrize("query", ["火", "地震", "森林火灾应急", "值班室"])
def test_search_finds_short_chinese_terms(any_database: Database, city: dict[str, str], query: str) -> None:
    engine = any_database.engine
    fire = plans.create_plan(
        engine, plans.PlanDraft("开平市森林火灾应急预案", PlanCategory.SPECIAL, city["city"], city["overall"])
    )
    quake = plans.create_plan(
        engine,
        plans.PlanDraft("开平市地震应急预案", PlanCategory.SPECIAL, city["city"], city["overall"], content=CONTENT_V1),
    )
    hits = {h.uid for h in plans.search_plans(engine, query)}
    expected = {"火": {fire.uid}, "地震": {quake.uid}, "森林火灾应急": {fire.uid}, "值班室": {quake.uid}}[query]
    assert expected <= hits
    assert not ({fire.uid, quake.uid} - expected) & hits


def test_audit_trail_lists_changes(any_database: Database, city: dict[str, str]) -> None:
    engine = any_database.engine
    plan = plans.create_plan(engine, plans.PlanDraft("赤坎镇预案", PlanCategory.TOWN, city["town"], city["overall"]))
    plans.update_plan(engine, plan.uid, expected_row_version=None, title="赤坎镇突发事件总体应急预案")
    trail = plans.audit_trail(engine, plan.uid)
    assert [r.action for r in trail] == ["update", "insert"]
    assert trail[0].changes["title"] == ["赤坎镇预案", "赤坎镇突发事件总体应急预案"]
