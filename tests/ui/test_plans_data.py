"""The plan system the 预案体系 tests work on, built through the services (so the search
index and the audit trail are written as in real use), and the page fixture.

Other ``test_plans_*`` modules import ``system`` and ``page`` from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine

from planmgr.domain.enums import DatabaseMode, PlanCategory
from planmgr.services import cards, plans
from planmgr.services.plans import PlanDraft, PublishInfo
from planmgr.services.settings import set_identity
from planmgr.store.database import Database
from planmgr.ui.ops import OpRunner
from tests.factories import make_unit

pytestmark = pytest.mark.gui

OVERALL = "开平市突发公共事件总体应急预案"
QUAKE = "开平市地震应急预案"
FOREST_FIRE = "开平市森林火灾应急预案"
TOWN_PLAN = "赤坎镇突发事件总体应急预案"
FIRM_PLAN = "开平市甲化工有限公司生产安全事故综合应急预案"
CARD = "储罐区泄漏应急处置卡"

OVERALL_CONTENT: dict[str, Any] = {
    "scope": "本预案适用于本市行政区域内突发事件的应对工作。",
    "grading": [{"grade": "一般（Ⅳ级）", "criteria": "造成3人以下死亡的突发事件"}],
    "response_levels": [
        {"level": "三级响应", "condition": "发生较大突发事件", "lead": "分管副市长"},
        {"level": "四级响应", "condition": "发生一般突发事件", "lead": "市应急管理局局长"},
    ],
    "work_groups": [
        {"name": "综合协调组", "lead": "市应急管理局", "members": "市府办", "duties": "汇总信息，传达指令"}
    ],
    "procedure": [
        {
            "step": "信息报告",
            "action": "接报后核实并报告",
            "responsible": "事发地镇",
            "time_limit": "30分钟内",
        },
        {
            "step": "先期处置",
            "action": "组织救援力量控制事态",
            "responsible": "事发地镇",
            "time_limit": "立即",
        },
    ],
    "measures": ["组织营救和救治受害人员"],
    "precautions": ["救援人员做好自身防护"],
    "contacts": [
        {"name": "市政府总值班室", "role": "值班", "phone": "0750-2212345"},
        {"name": "市应急管理局", "role": "值班", "phone": "0750-2219110"},
    ],
    "resources": [{"name": "冲锋舟", "quantity": "4艘", "location": "市防汛仓库", "keeper": "张三"}],
}


def publish_new(engine: Engine, draft: PlanDraft, label: str = "1.0", day: date = date(2024, 1, 10)) -> str:
    plan = plans.create_plan(engine, draft)
    plans.send_for_review(engine, plan.uid)
    plans.publish(
        engine, plan.uid, PublishInfo(label, day, doc_number="开府〔2024〕1号", approver="市人民政府")
    )
    return plan.uid


def build_system(database: Database) -> dict[str, str]:
    """City → office, towns → village, enterprise; plans: overall (published, full
    content) → quake (published), forest fire (draft), town plan (published) → the
    enterprise's comprehensive plan (published, with a handling card)."""
    engine = database.engine
    city = make_unit(database, "开平市人民政府", "city")
    office = make_unit(database, "开平市应急管理局", "department", parent=city)
    town = make_unit(database, "赤坎镇人民政府", "town", parent=city)
    other_town = make_unit(database, "塘口镇人民政府", "town", parent=city)
    village = make_unit(database, "三家村村民委员会", "village", parent=town)
    firm = make_unit(database, "开平市甲化工有限公司", "enterprise", parent=town)
    set_identity(engine, city.uid, DatabaseMode.OFFICE)
    overall = publish_new(
        engine,
        PlanDraft(OVERALL, PlanCategory.OVERALL, city.uid, event_types=["natural"], content=OVERALL_CONTENT),
    )
    quake = publish_new(
        engine,
        PlanDraft(
            QUAKE,
            PlanCategory.SPECIAL,
            office.uid,
            parent_uid=overall,
            event_types=["earthquake"],
            content={"scope": "本市行政区域内发生的地震灾害。"},
        ),
    )
    forest = plans.create_plan(
        engine,
        PlanDraft(
            FOREST_FIRE, PlanCategory.SPECIAL, office.uid, parent_uid=overall, event_types=["forest_fire"]
        ),
    ).uid
    town_plan = publish_new(engine, PlanDraft(TOWN_PLAN, PlanCategory.TOWN, town.uid, parent_uid=overall))
    firm_plan = publish_new(
        engine,
        PlanDraft(FIRM_PLAN, PlanCategory.ENT_COMPREHENSIVE, firm.uid, parent_uid=town_plan),
    )
    cards.create_card(
        engine,
        cards.CardInput(
            title=CARD,
            unit_uid=firm.uid,
            plan_uid=firm_plan,
            post="储罐区操作工",
            risks="储罐泄漏遇明火引发火灾",
            steps=(cards.CardStepData("发现泄漏立即报告班长", "操作工"),),
        ),
    )
    return {
        "city": city.uid,
        "office": office.uid,
        "town": town.uid,
        "other_town": other_town.uid,
        "village": village.uid,
        "firm": firm.uid,
        "overall": overall,
        "quake": quake,
        "forest": forest,
        "town_plan": town_plan,
        "firm_plan": firm_plan,
    }


def open_page(qtbot: Any, database: Database) -> Iterator[Any]:
    """The page on ``database`` as the window shows it (the ``page`` fixtures yield from this)."""
    from planmgr.ui.plans.page import PlansPage

    ops = OpRunner(show_progress_after_ms=0)
    widget = PlansPage(ops)
    ops.widget = widget
    qtbot.addWidget(widget)
    widget.setMinimumSize(1000, 600)  # fixed before showing: offscreen Qt warns when it changes later
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_engine(database.engine)
    yield widget
    ops.shutdown()


@pytest.fixture
def system(database: Database) -> dict[str, str]:
    return build_system(database)


def run_op(qtbot: Any, page: Any, action: Any) -> Any:
    """Do ``action`` (a click, a trigger) and wait for the background write it starts."""
    with qtbot.waitSignal(page.ops.finished, timeout=10_000) as blocker:
        action()
    return blocker.args[0]


def test_the_system_is_built_as_the_tests_expect(database: Database, system: dict[str, str]) -> None:
    assert [h.title for h in plans.search_plans(database.engine, "地震")] == [QUAKE]
    assert plans.get_plan(database.engine, system["firm_plan"]).summary.parent_uid == system["town_plan"]
    assert plans.get_plan(database.engine, system["forest"]).summary.status.label == "编制中"
