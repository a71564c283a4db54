"""The enterprises of the small demo set and their scenarios (``planmgr demo``).

``enterprise_spec`` makes a Kaiping enterprise of ``db/seed/kaiping_units.json`` one in
good standing, then sets the dates behind its scenario; ``scenario_findings`` adds the
findings and corrective actions those scenarios need. The intended due items they produce
are listed in the docstring of ``services/demo.py`` (numbered there; the comments here
name the numbers).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from planmgr.domain.enums import (
    ActionStatus,
    EnterpriseScale,
    EvaluationConclusion,
    FilingStatus,
    FindingSource,
    PlanStatus,
)
from planmgr.domain.flags import flags_for
from planmgr.services.demo_builders import FilingState, add_action, add_finding
from planmgr.services.demo_enterprise import RISK_INDUSTRY, EnterpriseIds, EnterpriseSpec, Town
from planmgr.services.demo_rows import Rows, add_months, load_seed


def enterprise_spec(rows: Rows, ent: Any, index: int, town: Town) -> EnterpriseSpec:
    """A Kaiping enterprise in good standing, then the scenario of the intended due items."""
    rng = rows.rng
    today = rows.today
    tpl = load_seed("enterprise_templates.json")["risks"][ent["risk"]]
    scale = EnterpriseScale(ent["scale"])
    flags = flags_for(RISK_INDUSTRY[ent["risk"]], scale)
    months = rng.randint(8, 40)
    first = add_months(today, -months) + timedelta(days=rng.randint(0, 10))
    n_onsite = min(len(tpl["onsite"]), rng.choice((1, 2, 2, 3)))
    onsite = sorted(rng.sample(range(len(tpl["onsite"])), n_onsite))
    revised: date | None = None
    if rng.random() < 0.3:
        revised_months = rng.randint(3, 16)
        if months - revised_months >= 13:
            revised = add_months(today, -revised_months)
    evaluation: date | None = None
    if flags.listed_for_review and months > 30:
        evaluation = add_months(today, -rng.randint(2, 24))
    elif rng.random() < 0.25:
        evaluation = add_months(today, -rng.randint(1, min(months - 1, 24)))
    spec = EnterpriseSpec(
        name=ent["name"],
        risk=ent["risk"],
        scale=scale,
        key_enterprise=bool(ent["key"]),
        town=town,
        address=ent["address"],
        legal_rep=ent["legal_rep"],
        contact=ent["contact"],
        phone=ent["phone"],
        n_specials=rng.randint(1, len(tpl["specials"])),
        onsite=onsite,
        first_published=first,
        onsite_last_drill=[today - timedelta(days=rng.randint(10, 120)) for _ in onsite],
        comp_last_drill=today - timedelta(days=rng.randint(20, 240)),
        cards_per_onsite=2 if rng.random() < 0.2 else 1,
        comp_revised=revised,
        evaluation=evaluation,
    )
    if index % 6 == 5:
        spec.planned_drill = (today + timedelta(days=rng.randint(35, 90)), 0)
    if index in (8, 17):
        spec.cancelled_drill = add_months(today, -rng.randint(2, 5))
    spec.extra_plan = {
        4: ("防台风暴雨专项应急预案", PlanStatus.DRAFTING),
        9: ("防台风暴雨专项应急预案", PlanStatus.IN_REVIEW),
        13: ("防台风专项应急预案（2019年版）", PlanStatus.ABOLISHED),
    }.get(index)
    _apply_scenario(spec, ent.get("scenario"), today, len(tpl["onsite"]))
    return spec


def _apply_scenario(spec: EnterpriseSpec, scenario: str | None, today: date, available: int) -> None:
    """Set the dates behind the intended due items listed in the docstring of ``services/demo.py``."""
    every = list(range(available))
    if scenario == "onsite_overdue":  # items 1 and 8
        spec.first_published = add_months(today, -24)
        spec.comp_revised = None
        spec.n_specials = 1
        spec.onsite = every[:2]
        spec.onsite_last_drill = [add_months(today, -8), today - timedelta(days=60)]
        spec.comp_last_drill = today - timedelta(days=90)
    elif scenario == "high_risk_lapsed":  # items 2, 3 and 15
        spec.first_published = add_months(today, -20)
        spec.comp_revised = None
        spec.onsite = every[:3]
        spec.onsite_last_drill = [add_months(today, -9)] * 3
        spec.comp_last_drill = add_months(today, -9)
        spec.evaluation = add_months(today, -1)
        spec.evaluation_conclusion = EvaluationConclusion.REVISE
        spec.comp_status = PlanStatus.REVISING
        spec.planned_drill = (today + timedelta(days=12), -1)
    elif scenario == "onsite_due_soon":  # item 9
        spec.first_published = add_months(today, -18)
        spec.onsite = every[:2]
        spec.onsite_last_drill = [add_months(today, -6) + timedelta(days=15), today - timedelta(days=50)]
        spec.comp_last_drill = today - timedelta(days=120)
        spec.planned_drill = (today + timedelta(days=10), 0)
    elif scenario == "unit_drill_due_soon":  # item 10
        spec.first_published = add_months(today, -28)
        spec.onsite = every[:2]
        spec.onsite_last_drill = [today - timedelta(days=30), today - timedelta(days=95)]
        spec.comp_last_drill = add_months(today, -12) + timedelta(days=20)
    elif scenario == "filing_overdue":  # item 5
        spec.first_published = add_months(today, -30)
        spec.comp_revised = today - timedelta(days=60)
        spec.comp_filing = FilingState(FilingStatus.TO_SUBMIT)
    elif scenario == "filing_due_soon":  # item 12
        spec.first_published = today - timedelta(days=8)
        spec.comp_revised = None
        spec.n_specials = 1
        spec.onsite = every[:2]
        spec.onsite_last_drill = [None, None]
        spec.comp_last_drill = None
        spec.all_filings = FilingState(FilingStatus.TO_SUBMIT)
        spec.evaluation = None
        spec.planned_drill = (today + timedelta(days=45), -1)
    elif scenario == "authority_pending":  # item 14
        spec.first_published = add_months(today, -38)
        spec.comp_revised = today - timedelta(days=15)
        spec.comp_filing = FilingState(FilingStatus.SUBMITTED, today - timedelta(days=1))
        spec.evaluation = add_months(today, -6)
    elif scenario == "authority_lapsed":  # item 7
        spec.first_published = add_months(today, -34)
        spec.comp_revised = today - timedelta(days=70)
        spec.comp_filing = FilingState(FilingStatus.SUBMITTED, today - timedelta(days=40))
        spec.evaluation = add_months(today, -9)
    elif scenario == "filing_returned":
        spec.first_published = add_months(today, -26)
        spec.comp_revised = today - timedelta(days=50)
        spec.comp_filing = FilingState(
            FilingStatus.RETURNED,
            today - timedelta(days=35),
            returned=today - timedelta(days=30),
            notice=["评审意见", "风险评估结果和应急资源调查清单"],
        )
    elif scenario == "improvement_loop":
        spec.first_published = add_months(today, -30)
        spec.onsite = every[:2]
        spec.onsite_last_drill = [today - timedelta(days=40), today - timedelta(days=75)]
        spec.onsite_revised = add_months(today, -10)
        spec.stale_card = True
        spec.evaluation = add_months(today, -10)
    elif scenario == "stale_card":
        spec.first_published = add_months(today, -22)
        spec.onsite = every[:2]
        spec.onsite_last_drill = [today - timedelta(days=25), today - timedelta(days=70)]
        spec.onsite_revised = add_months(today, -5)
        spec.stale_card = True


def scenario_findings(
    rows: Rows,
    enterprises: dict[str, EnterpriseIds],
    scenarios: dict[str, str],
    plan_ids: dict[str, int],
) -> None:
    """Findings and corrective actions of the enterprise scenarios."""
    today = rows.today
    templates = load_seed("enterprise_templates.json")["risks"]

    # Items 1/8: the 液氨 drill found a problem; the fix is overdue.
    ids = enterprises[scenarios["onsite_overdue"]]
    plan_id = ids.onsite_plan_ids[0]
    drill_id, day = ids.drills[plan_id][0]
    unit = rows.get("unit", ids.unit_id)
    found = add_finding(
        rows, FindingSource.DRILL, templates["涉氨制冷"]["findings"][0], plan_id, drill=drill_id, on=day
    )
    add_action(
        rows,
        found,
        "组织制冷机房全体操作工重新学习液氨泄漏处置卡，在机房外增设紧急停机按钮标识，并复演一次。",
        unit["contact"],
        today - timedelta(days=20),
        ActionStatus.OPEN,
        plan_id,
        "procedure",
        day,
    )

    # Item 15: an evaluation asked for a revision; the action falls due soon.
    ids = enterprises[scenarios["high_risk_lapsed"]]
    unit = rows.get("unit", ids.unit_id)
    evaluation_id = next(
        e["id"] for e in reversed(rows.tables["evaluation"]) if e["plan_id"] == ids.comp_plan_id
    )
    day = rows.get("evaluation", evaluation_id)["eval_date"]
    found = add_finding(
        rows,
        FindingSource.EVALUATION,
        "应急物资台账与现场不一致，空气呼吸器数量不足。",
        ids.comp_plan_id,
        evaluation=evaluation_id,
        on=day,
    )
    add_action(
        rows,
        found,
        "补充配备正压式空气呼吸器2套，更新应急资源调查清单并修订预案“应急资源”章节。",
        unit["contact"],
        today + timedelta(days=12),
        ActionStatus.OPEN,
        ids.comp_plan_id,
        "resources",
        day,
    )

    # The enterprise improvement loop: drill -> finding -> action verified, closed by revision 2.
    ids = enterprises[scenarios["improvement_loop"]]
    unit = rows.get("unit", ids.unit_id)
    plan_id = ids.onsite_plan_ids[0]
    v1, v2 = ids.onsite_version_ids[0]
    revised_on: date = rows.get("plan_version", v2)["published_date"]
    drill_id, day = next((d, s) for d, s in ids.drills[plan_id] if s < revised_on)
    found = add_finding(
        rows, FindingSource.DRILL, templates["人员密集场所"]["findings"][0], plan_id, drill=drill_id, on=day
    )
    add_action(
        rows,
        found,
        "在主通道和碉楼出口增设疏散指引标识，修订现场处置方案的疏散程序。",
        unit["contact"],
        revised_on + timedelta(days=10),
        ActionStatus.VERIFIED,
        plan_id,
        "procedure",
        day,
        closed_by=v2,
        closed_at=revised_on,
    )

    # An action still in progress from the city's hazardous-chemicals drill.
    ids = enterprises[scenarios["stale_card"]]
    unit = rows.get("unit", ids.unit_id)
    city_drill = next(r for r in rows.tables["drill_plan"] if r["plan_id"] == plan_ids["work_safety"])[
        "drill_id"
    ]
    day = rows.get("drill", city_drill)["start"]
    found = add_finding(
        rows,
        FindingSource.DRILL,
        "园区企业专职救援队与消防救援队伍的通信频道不统一。",
        plan_ids["work_safety"],
        drill=city_drill,
        on=day,
    )
    add_action(
        rows,
        found,
        "统一园区应急通信频道，修订企业综合应急预案通讯联络附件。",
        unit["contact"],
        today + timedelta(days=60),
        ActionStatus.IN_PROGRESS,
        ids.comp_plan_id,
        "contacts",
        day,
    )
