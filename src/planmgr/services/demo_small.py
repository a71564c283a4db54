"""The small demo set (``planmgr demo``): Kaiping City's own plan system.

``build_small`` writes the city from the data files in ``db/seed/``: 开平市人民政府, its
departments, streets, towns and villages; the city's overall, special, department and event
plans with their versions, evaluations, drills and filings; one 乡镇（街道）总体应急预案 per
town and the 村（社区）应急预案 under them; and the 40 enterprises, each with the scenario
of the intended due items (``services/demo_scenarios.py``). The set, its content contract
and the intended due items are described in ``services/demo.py``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Any

from planmgr.domain.enums import (
    ActionStatus,
    DrillForm,
    DrillPurpose,
    DrillScope,
    EvaluationConclusion,
    EvaluationMethod,
    FilingStatus,
    FindingSource,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.services.demo_builders import (
    Authority,
    FilingState,
    add_action,
    add_drill,
    add_evaluation,
    add_filing,
    add_finding,
    add_plan,
    add_plan_version,
    add_versions,
    drill_evaluation,
    drill_summary,
)
from planmgr.services.demo_enterprise import EnterpriseIds, Town, UsccMaker, add_enterprise
from planmgr.services.demo_rows import Row, Rows, add_months, fill, load_seed, older_content
from planmgr.services.demo_scenarios import enterprise_spec, scenario_findings
from planmgr.services.drill_evaluation import YES_NO, ScoreItem


@dataclass
class City:
    """What the large generator needs from the small set."""

    city_unit_id: int
    office_uid: str
    overall_plan_id: int
    bureau: Authority
    usccs: UsccMaker


def build_small(rows: Rows) -> City:
    """Kaiping City: units, government plans, town and village plans, 40 enterprises."""
    seed = load_seed("kaiping_units.json")
    plans_seed = load_seed("kaiping_plans.json")
    rng = rows.rng
    units: dict[str, int] = {}
    city = seed["city"]
    city_id = rows.add(
        "unit",
        {
            "name": city["name"],
            "kind": UnitKind.CITY.value,
            "region_code": city["region_code"],
            "address": city["address"],
            "postcode": city["postcode"],
            "contact": city["contact"],
            "phone": city["phone"],
            "duty_phone": city["duty_phone"],
        },
    )
    units[city["name"]] = city_id
    for dept in seed["departments"]:
        units[dept["name"]] = rows.add(
            "unit",
            {"kind": UnitKind.DEPARTMENT.value, "parent_id": city_id, "region_code": "440783", **dept},
        )
    towns: dict[str, Row] = {}
    for town in seed["towns"]:
        units[town["name"]] = rows.add(
            "unit", {"kind": UnitKind.TOWN.value, "parent_id": city_id, "postcode": "529300", **town}
        )
        towns[town["name"]] = town
    for n, village in enumerate(seed["villages"], start=1):
        town = towns[village["town"]]
        units[village["name"]] = rows.add(
            "unit",
            {
                "name": village["name"],
                "kind": UnitKind.VILLAGE.value,
                "parent_id": units[village["town"]],
                "region_code": f"{town['region_code'][:9]}{200 + n:03d}",
                "contact": village["contact"],
                "phone": village["phone"],
                "duty_phone": village["phone"],
            },
        )

    bureau_name = seed["office_unit"]
    bureau = Authority(units[bureau_name], bureau_name, "440783")
    jiangmen = Authority(None, "江门市应急管理局", "440700")
    city_contacts = plans_seed["city_contacts"]
    plan_ids, versions = _government_plans(rows, plans_seed, units, bureau, jiangmen)
    overall = plan_ids["overall"]
    town_plans = _town_plans(rows, plans_seed, units, towns, bureau, overall, plan_ids, city_contacts)
    _village_plans(rows, plans_seed, seed, units, towns, town_plans)

    usccs = UsccMaker(rng)
    enterprises: dict[str, EnterpriseIds] = {}
    scenarios: dict[str, str] = {}
    for index, ent in enumerate(seed["enterprises"]):
        town = towns[ent["town"]]
        spec = enterprise_spec(
            rows,
            ent,
            index,
            Town(
                units[ent["town"]],
                ent["town"],
                town_plans[ent["town"]],
                town["duty_phone"],
                town["region_code"],
            ),
        )
        enterprises[ent["name"]] = add_enterprise(rows, bureau, usccs, spec)
        if "scenario" in ent:
            scenarios[ent["scenario"]] = ent["name"]
    scenario_findings(rows, enterprises, scenarios, plan_ids)
    return City(city_id, rows.get("unit", units[bureau_name])["uid"], overall, bureau, usccs)


def _government_plans(
    rows: Rows,
    plans_seed: Any,
    units: dict[str, int],
    bureau: Authority,
    jiangmen: Authority,
) -> tuple[dict[str, int], dict[str, list[int]]]:
    """City overall, special, department and event plans with versions, drills, filings."""
    today = rows.today
    plan_ids: dict[str, int] = {}
    versions: dict[str, list[int]] = {}
    pending: list[tuple[str, Any]] = []
    for entry in plans_seed["plans"]:
        content = copy.deepcopy(entry["content"])
        if not content["contacts"]:
            content["contacts"] = copy.deepcopy(plans_seed["city_contacts"])
        if not content["resources"] and entry["category"] in ("overall", "special"):
            content["resources"] = copy.deepcopy(plans_seed["city_resources"])
        owner = units[entry["owner"]]
        status = PlanStatus(entry["status"])
        snapshots = [content] if entry["versions"] else []
        for later in reversed(entry["versions"][1:]):
            snapshots.insert(0, older_content(snapshots[0], bool(later["major"])))
        plan_content = content
        if status is PlanStatus.REVISING and "working_change" in entry:
            plan_content = copy.deepcopy(content)
            plan_content["measures"] = [*content["measures"], entry["working_change"]["measures"]]
        plan_id = add_plan(
            rows,
            owner=owner,
            title=entry["title"],
            category=PlanCategory(entry["category"]),
            event_types=entry["event_types"],
            parent=plan_ids.get(entry.get("parent", "")),
            content=plan_content,
            status=status,
            note=entry.get("note"),
        )
        plan_ids[entry["key"]] = plan_id
        labels: set[str] = set()
        ids: list[int] = []
        authority = jiangmen if entry["category"] in ("overall", "special") else bureau
        for n, (version, snapshot) in enumerate(zip(entry["versions"], snapshots, strict=True)):
            published = add_months(today, -int(version["months_ago"])) + timedelta(
                days=version.get("plus_days", 0)
            )
            version_id = add_plan_version(
                rows,
                plan_id=plan_id,
                title=entry["title"],
                published=published,
                content=snapshot,
                labels=labels,
                doc=version["doc"].replace("{year}", str(published.year)),
                approver=version["approver"],
                first=n == 0,
                major=bool(version["major"]),
                trigger=version.get("trigger"),
                change=version["change"],
            )
            ids.append(version_id)
            add_filing(
                rows,
                authority,
                version_id=version_id,
                unit_id=owner,
                published=published,
                state=None,
                materials=("正式印发文本（含电子文本）", "编制说明"),
            )
        versions[entry["key"]] = ids
        if ids:
            rows.get("plan", plan_id)["current_version_id"] = ids[-1]
        for evaluation in entry["evaluations"]:
            add_evaluation(
                rows,
                plan_id=plan_id,
                day=add_months(today, -int(evaluation["months_ago"])),
                evaluators=evaluation["evaluators"],
                method=EvaluationMethod(evaluation["method"]),
                conclusion=evaluation["conclusion"],
                findings=evaluation["findings"],
            )
        pending.extend((entry["key"], drill) for drill in entry["drills"])
    for key, drill in pending:
        plan = rows.get("plan", plan_ids[key])
        day = add_months(today, -int(drill["months_ago"]))
        drill_id = add_drill(
            rows,
            organiser=plan["owner_unit_id"],
            title=drill["title"].replace("{year}", str(day.year)),
            start=day,
            plan_ids=[plan_ids[key], *(plan_ids[k] for k in drill.get("extra_plans", []))],
            form=DrillForm(drill["form"]),
            scope=DrillScope(drill["scope"]),
            purpose=DrillPurpose(drill["purpose"]),
            tags=drill["tags"],
            scenario=drill["scenario"],
            location=drill["location"],
            participants=drill["participants"],
            head_count=drill["head_count"],
            evaluation=drill_evaluation(
                DrillForm(drill["form"]),
                day,
                f"{rows.get('unit', plan['owner_unit_id'])['name']}演练评估组",
                _government_score,
            ),
            summary=drill_summary(
                f"检验《{plan['title']}》的可操作性和部门联动。",
                drill.get("finding", "个别成员单位到场时间偏长。"),
                "指挥部运转顺畅，信息报告及时。",
                "完善预案相关章节，加强基层应急队伍培训。",
            ),
            reported=True,
        )
        if "finding" in drill:
            closing = next(
                i
                for i, v in zip(versions[key], _seed_versions(plans_seed, key), strict=True)
                if v.get("closes_loop")
            )
            closed_on = rows.get("plan_version", closing)["published_date"]
            finding_id = add_finding(
                rows, FindingSource.DRILL, drill["finding"], plan_ids[key], drill=drill_id, on=day
            )
            add_action(
                rows,
                finding_id,
                drill["action"],
                rows.get("unit", plan["owner_unit_id"])["name"],
                closed_on + timedelta(days=15),
                ActionStatus.DONE,
                plan_ids[key],
                drill["action_section"],
                day,
                closed_by=closing,
                closed_at=closed_on,
            )
    return plan_ids, versions


def _government_score(item: ScoreItem) -> bool | int:
    """The city's drills: all done as planned, coordination across departments the weak point."""
    if item.kind == YES_NO:
        return True
    return 3 if item.key.startswith(("cmd_", "link_")) else 4


def _seed_versions(plans_seed: Any, key: str) -> list[Any]:
    return next(list(e["versions"]) for e in plans_seed["plans"] if e["key"] == key)


def _town_plans(
    rows: Rows,
    plans_seed: Any,
    units: dict[str, int],
    towns: dict[str, Row],
    bureau: Authority,
    overall: int,
    plan_ids: dict[str, int],
    city_contacts: list[Any],
) -> dict[str, int]:
    """One 乡镇（街道）总体应急预案 per town, under the city overall plan (GOV2024 衔接)."""
    rng = rows.rng
    today = rows.today
    tpl = plans_seed["town_plan"]
    result: dict[str, int] = {}
    for name, town in towns.items():
        unit_id = units[name]
        content = fill(tpl["content"], {"town": name, "address": town["address"]})
        content["contacts"] = [
            {"name": f"{name}应急值班室", "role": "镇（街道）值班", "phone": town["duty_phone"]},
            *city_contacts[1:6],
        ]
        title = tpl["title"].replace("{town}", name)
        plan_id = add_plan(
            rows,
            owner=unit_id,
            title=title,
            category=PlanCategory.TOWN,
            event_types=tpl["event_types"],
            parent=overall,
            content=content,
        )
        result[name] = plan_id
        for linked in ("flood", "work_safety"):
            rows.add(
                "plan_link",
                {"plan_id": plan_id, "linked_plan_id": plan_ids[linked], "note": "衔接市级专项预案"},
            )
        first_months = rng.randint(20, 50)
        first = add_months(today, -first_months)
        revised: date | None = None
        if name == "龙胜镇":
            revised = today - timedelta(days=8)  # due-soon filing (intended item 13)
        elif rng.random() < 0.4:
            months = rng.randint(3, 18)
            if first_months - months >= 13:
                revised = add_months(today, -months)
        street = name.endswith("街道")
        versions = add_versions(
            rows,
            plan_id=plan_id,
            title=title,
            content=content,
            published=[first] if revised is None else [first, revised],
            doc=f"{name[:2]}{'街办' if street else '府'}",
            serial=partial(rng.randint, 2, 60),
            approver=f"{name}{'办事处' if street else '人民政府'}",
            trigger="依据的法律法规及上位预案发生重大变化",
            change="依据新修订的《开平市突发公共事件总体应急预案》调整镇（街道）响应分级和先期处置程序。",
            first_major=True,
            filed_with=bureau,
            filings=[None, FilingState(FilingStatus.TO_SUBMIT)] if name == "龙胜镇" else [],
            materials=("正式印发文本（含电子文本）", "编制说明"),
        )
        if add_months(versions[-1][1], 30) < today:
            day = add_months(today, -rng.randint(2, 20))
            add_evaluation(
                rows,
                plan_id=plan_id,
                day=day,
                evaluators=f"{name}应急管理办公室",
                method=EvaluationMethod.SELF,
                conclusion=EvaluationConclusion.KEEP.value,
                findings="预案内容与辖区风险相符，转移名单已更新。",
            )
        day = today - timedelta(days=rng.randint(30, 330))
        add_drill(
            rows,
            organiser=unit_id,
            title=f"{name}{day.year}年防汛防风暨人员转移应急演练",
            start=day,
            plan_ids=[plan_id],
            form=DrillForm.FIELD,
            scope=DrillScope.COMPREHENSIVE,
            scenario="台风暴雨红色预警，辖区低洼片区和危房群众需在6小时内完成转移。",
            location=town["address"],
            participants=[name, "开平市应急管理局"],
            head_count=rng.randint(60, 260),
            reported=True,
        )
    return result


def _village_plans(
    rows: Rows,
    plans_seed: Any,
    seed: Any,
    units: dict[str, int],
    towns: dict[str, Row],
    town_plans: dict[str, int],
) -> None:
    """村（社区）应急预案 under their town's plan, filed with the town (GOV2024 Art.26)."""
    rng = rows.rng
    today = rows.today
    tpl = plans_seed["village_plan"]
    authorities: dict[str, Authority] = {}
    for n, village in enumerate(seed["villages"]):
        name = village["name"]
        town_name = village["town"]
        town = towns[town_name]
        authority = authorities.setdefault(
            town_name, Authority(units[town_name], town_name, town["region_code"][:9])
        )
        content = fill(tpl["content"], {"village": name, "town": town_name})
        content["contacts"] = [
            {"name": village["contact"], "role": "村（社区）应急小组", "phone": village["phone"]},
            {"name": f"{town_name}应急值班室", "role": "镇（街道）值班", "phone": town["duty_phone"]},
            {"name": "火警", "role": "消防救援", "phone": "119"},
            {"name": "急救", "role": "医疗救护", "phone": "120"},
            {"name": "报警", "role": "公安", "phone": "110"},
        ]
        status = PlanStatus.REVISING if name == "赤坎镇三家村" else PlanStatus.PUBLISHED
        title = tpl["title"].replace("{village}", name)
        plan_content = content
        if status is PlanStatus.REVISING:
            plan_content = copy.deepcopy(content)
            plan_content["measures"] = [*content["measures"], "（修订稿）增加碉楼景区游客的疏散引导分工。"]
        plan_id = add_plan(
            rows,
            owner=units[name],
            title=title,
            category=PlanCategory.VILLAGE,
            event_types=tpl["event_types"],
            parent=town_plans[town_name],
            content=plan_content,
            status=status,
        )
        new = name == "百合镇雁平村"  # overdue filing (intended item 6)
        published = today - timedelta(days=45) if new else add_months(today, -rng.randint(6, 28))
        add_versions(
            rows,
            plan_id=plan_id,
            title=title,
            content=content,
            published=[published],
            doc=f"{name.removeprefix(town_name)[:2]}村委",
            serial=partial(rng.randint, 1, 9),
            approver=f"{name}村（居）民委员会",
            filed_with=authority,
            filings=[FilingState(FilingStatus.TO_SUBMIT) if new else None],
        )
        if n % 5 == 0 and not new:
            day = today - timedelta(days=rng.randint(20, 200))
            add_drill(
                rows,
                organiser=units[name],
                title=f"{name}防汛转移演练",
                start=day,
                plan_ids=[plan_id],
                form=DrillForm.FIELD,
                scope=DrillScope.SINGLE,
                scenario="暴雨预警，转移低洼处和危房住户。",
                location=name,
                participants=[name, town_name],
                head_count=rng.randint(20, 80),
            )
