"""The plan and unit hierarchies, one level at a time (services/hierarchy.py)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from planmgr.domain.enums import PlanStatus
from planmgr.services import hierarchy
from planmgr.store.base import new_uid, utcnow
from planmgr.store.database import Database, open_database, session_scope
from planmgr.store.models import Plan
from tests.factories import make_plan, make_unit, soft_delete
from tests.ui import sample_data as s


@pytest.fixture
def sample(database: Database) -> s.Sample:
    return s.build_sample(database.engine)


def titles(nodes: list[hierarchy.PlanNode]) -> list[str]:
    return [n.title for n in nodes]


def test_top_level_is_the_city_overall_plan(database: Database, sample: s.Sample) -> None:
    roots = hierarchy.plan_children(database.engine)
    assert titles(roots) == [s.OVERALL]
    (root,) = roots
    assert root.category_label == "总体应急预案"
    assert root.status_label == "已发布"
    assert root.owner_unit_name == s.CITY
    assert root.version_label == "2.0"
    # the deleted special plan is not counted among its children
    assert root.child_count == 4
    assert hierarchy.count_plan_children(database.engine) == 1


def test_children_come_in_category_order_with_labels(database: Database, sample: s.Sample) -> None:
    children = hierarchy.plan_children(database.engine, sample[s.OVERALL])
    # special plans first (by title), then the department plan, then the town plan
    assert titles(children) == [s.WORK_SAFETY, s.FLOOD, s.DEPARTMENT, s.TOWN_PLAN]
    flood = children[1]
    assert (flood.category_label, flood.status, flood.status_label) == ("专项应急预案", "revising", "修订中")
    assert flood.owner_unit_name == "青山市水利局"
    department = children[2]
    assert department.version_label is None  # never published
    assert department.status_label == "编制中"
    assert [c.child_count for c in children] == [0, 0, 0, 3]
    assert s.DELETED_PLAN not in titles(children)


def test_town_plan_lists_villages_then_enterprises(database: Database, sample: s.Sample) -> None:
    children = hierarchy.plan_children(database.engine, sample[s.TOWN_PLAN])
    assert titles(children) == [*s.VILLAGE_PLANS, s.ENTERPRISE_PLAN]
    assert children[-1].category_label == "综合应急预案"
    assert children[-1].child_count == 2
    onsite = hierarchy.plan_children(database.engine, sample[s.ENTERPRISE_PLAN])
    assert titles(onsite) == sorted(s.ONSITE_PLANS)
    assert {n.category_label for n in onsite} == {"现场处置方案"}


def test_paging_returns_each_child_once(database: Database, sample: s.Sample) -> None:
    parent = sample[s.OVERALL]
    pages = [hierarchy.plan_children(database.engine, parent, offset=o, limit=3) for o in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 1, 0]
    assert titles(pages[0] + pages[1]) == titles(hierarchy.plan_children(database.engine, parent))
    assert hierarchy.count_plan_children(database.engine, parent) == 4


def test_unknown_parent_has_no_children(database: Database, sample: s.Sample) -> None:
    assert hierarchy.plan_children(database.engine, new_uid()) == []
    assert hierarchy.count_plan_children(database.engine, new_uid()) == 0


def test_plans_under_a_deleted_plan_move_to_the_top(database: Database, sample: s.Sample) -> None:
    with session_scope(database.engine) as session:
        session.execute(update(Plan).where(Plan.uid == sample[s.TOWN_PLAN]).values(deleted_at=utcnow()))
    roots = hierarchy.plan_children(database.engine)
    assert titles(roots) == [s.OVERALL, *s.VILLAGE_PLANS, s.ENTERPRISE_PLAN]
    assert hierarchy.count_plan_children(database.engine) == 4
    assert roots[0].child_count == 3


def test_unit_tree_levels(database: Database, sample: s.Sample) -> None:
    (city,) = hierarchy.unit_children(database.engine)
    assert (city.name, city.kind_label, city.child_count, city.plan_count) == (s.CITY, "县级以上政府", 3, 1)
    below = hierarchy.unit_children(database.engine, city.uid)
    # departments before towns, each by name
    assert [(u.name, u.kind_label) for u in below] == [
        ("青山市应急管理局", "政府部门"),
        ("青山市水利局", "政府部门"),
        ("河口镇人民政府", "乡镇（街道）"),
    ]
    # the deleted plan is not counted: 应急管理局 owns two live plans
    assert [u.plan_count for u in below] == [2, 1, 1]
    town = below[2]
    assert town.child_count == 3
    leaves = hierarchy.unit_children(database.engine, town.uid)
    assert [u.kind for u in leaves] == ["village", "village", "enterprise"]
    assert leaves[-1].uscc == "91440783MA4UJ2XQ8K"
    assert hierarchy.count_unit_children(database.engine, town.uid) == 3
    assert hierarchy.unit_children(database.engine, town.uid, offset=2, limit=5)[0].name == "青山化工有限公司"


def test_overview_counts_live_rows(database: Database, sample: s.Sample) -> None:
    result = hierarchy.overview(database.engine)
    assert result.unit_count == 7
    assert result.plan_count == 10
    assert result.plans_by_status["published"] == 6
    assert result.plans_by_status["abolished"] == 0  # the abolished plan is deleted
    assert set(result.plans_by_status) == {m.value for m in PlanStatus}


def test_empty_database(database: Database) -> None:
    assert hierarchy.plan_children(database.engine) == []
    assert hierarchy.unit_children(database.engine) == []
    assert hierarchy.overview(database.engine).plan_count == 0


# ------------------------------------------------------------------ large database


@pytest.fixture(scope="module")
def large_db(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict]]:
    path = tmp_path_factory.mktemp("large") / "large.sqlite"
    shutil.copyfile(template_db, path)
    database = open_database(path)
    info = s.generate_large(database.engine, content_chars=300)
    yield database, info
    database.dispose()


def best_of(runs: int, fn: object) -> float:
    assert callable(fn)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        timings.append(time.perf_counter() - started)
    return min(timings)


@pytest.mark.slow
def test_town_with_500_children_expands_fast_in_25000_plans(large_db: tuple[Database, dict]) -> None:
    database, info = large_db
    assert info["plans"] >= 25_000
    town = str(info["big_town"])
    children = hierarchy.plan_children(database.engine, town)
    assert len(children) == s.BIG_TOWN_CHILDREN
    assert children[0].category == "village" and children[-1].category == "ent_comprehensive"
    assert children[-1].child_count == 5
    seconds = best_of(5, lambda: hierarchy.plan_children(database.engine, town))
    roots = best_of(5, lambda: hierarchy.plan_children(database.engine, None, limit=200))
    print(
        f"\n500 children of a town among {info['plans']} plans: {seconds * 1000:.1f} ms; "
        f"top level: {roots * 1000:.1f} ms"
    )
    assert seconds < 0.050
    assert roots < 0.050


def test_unit_plans_lists_a_units_live_plans_in_tree_order(database: Database) -> None:
    firm = make_unit(database, "青山化工", "enterprise")
    other = make_unit(database, "别的企业", "enterprise")
    comprehensive = make_plan(database, firm, "综合应急预案", "ent_comprehensive", published=date(2024, 3, 1))
    make_plan(database, firm, "储罐区泄漏现场处置方案", "ent_onsite", parent=comprehensive)
    make_plan(database, firm, "火灾专项应急预案", "ent_special", status="drafting", parent=comprehensive)
    gone = make_plan(database, firm, "已删除的方案", "ent_onsite")
    soft_delete(database, Plan, gone)
    make_plan(database, other, "别人的预案", "ent_comprehensive")

    plans = hierarchy.unit_plans(database.engine, firm.uid)

    assert [(p.title, p.category_label, p.status_label, p.version_label) for p in plans] == [
        ("综合应急预案", "综合应急预案", "已发布", "1.0"),
        ("火灾专项应急预案", "专项应急预案（企业）", "编制中", None),
        ("储罐区泄漏现场处置方案", "现场处置方案", "已发布", None),
    ]
    assert plans[0].child_count == 2
    assert hierarchy.unit_plans(database.engine, "no-such-unit") == []
