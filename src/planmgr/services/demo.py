"""The demo database (``planmgr demo``): Kaiping City's plan system, small or county-scale.

The small set is built from the data files in ``db/seed/`` (units, government plans with
their content, enterprise templates per risk industry) on the real plan system of 开平市
(广东省江门市): 开平市人民政府, its departments, 2 streets and 13 towns, villages, 40
fictional enterprises in the industries the city names as risky, the city's overall and
special plans, town, village and enterprise plans with versions, handling cards, drills,
evaluations, filings, findings and corrective actions. ``size="large"`` adds 20 generated
towns with ~5,080 enterprises (``services/demo_large.py``). Every row is written with Core
bulk inserts in one transaction into a temporary file beside the target, which replaces the
target only once complete; on a database server (PostgreSQL), into an empty database only.
Dates are relative to ``today``; everything is deterministic for a given ``today`` and ``seed``.

Structured plan content (``Plan.content`` and ``PlanVersion.content``, the same shape; a
contract that printouts and version diffs rely on):

- ``scope``: str — 适用范围;
- ``grading``: list of ``{grade, criteria}`` — 事件分级;
- ``response_levels``: list of ``{level, condition, lead}`` — 响应分级 (kept apart from the
  grades, GB/T 29639 §6.1.2);
- ``work_groups``: list of ``{name, lead, members, duties}`` — 组织指挥体系与工作组;
- ``procedure``: list of ``{step, action, responsible, time_limit}`` — 响应程序;
- ``measures``: list of str — 处置措施;
- ``precautions``: list of str — 注意事项;
- ``contacts``: list of ``{name, role, phone}`` — 通讯联络;
- ``resources``: list of ``{name, quantity, location, keeper}`` — 应急资源.

A plan's ``content`` equals its current version's snapshot, except for plans under revision
(status ``revising``), whose ``content`` is the working draft. Older versions hold the text
they had: a major revision changed the response levels, procedure and measures; a minor
one the resources and precautions. ``Drill.evaluation`` and ``Drill.summary`` are in the
format ``services.drill_evaluation`` records: the evaluation scored on the default template
for the drill's form (template snapshot, scores, score_percent, grade, eval_date = the drill
day, conclusion), the summary with 概要, 发现的问题, 经验教训 and 建议.

Intended due items of the small set, by the rules of DOMAIN.md §3 computed at ``today``
(T; "T-8m" = ``add_months(T, -8)``, "T-60d" = 60 days earlier). The compliance engine is
checked against these:

Overdue
  1. 开平市冰泉冷链物流有限公司 (涉氨制冷 → 工贸, not high-risk), plan 《…机房液氨泄漏现场处置方案》,
     kind drill: last done drill T-8m, due T-2m (ENT Art.33, each 现场处置方案 every 6 months).
  2. 开平市恒泰化工贸易有限公司 (危险化学品, high-risk), unit-level (plan null), kind drill:
     latest done drill of any of its plans T-9m, due T-3m (ENT Art.33, REG708 Art.8).
  3. same unit, each of its three 现场处置方案 (储罐区泄漏, 装卸作业泄漏, 人员中毒窒息), kind drill:
     last done drill T-9m, due T-3m.
  4. 开平市应急管理局 (owner), 《开平市自然灾害救助应急预案》 (city special plan), kind evaluation:
     published T-50m, never evaluated, due T-14m (36 months, GOV2024).
  5. 开平市建安建筑工程有限公司 (建筑施工, must file), 《…生产安全事故综合应急预案》, kind filing:
     revision 2 published T-60d, not submitted; due = 20th working day after (ENT Art.26).
  6. 百合镇雁平村, 《百合镇雁平村突发事件应急预案》, kind filing: first published T-45d, not
     submitted to 百合镇 (GOV2024 Art.26).
  7. 开平市铝创铝业有限公司 (深井铸造 → 金属冶炼), 《…综合应急预案》 revision 2, kind
     authority_check: submitted T-40d, unanswered past the 5th working day after → deemed
     filed (视为已经备案, ENT Art.28): listed among the report's deemed filings and counted
     as filed, not as an overdue item; the filing row itself stays ``submitted``.
  8. 开平市冰泉冷链物流有限公司, kind action: corrective action (open) from the 液氨 drill,
     due T-20d.
Due soon (within 30 days)
  9. 开平市森雅木业有限公司 (粉尘涉爆 → 工贸), 《…除尘系统着火现场处置方案》, kind drill: last
     done drill T-6m+15d, due ≈ T+15d (a planned drill at T+10d does not count).
 10. 开平市清源水务有限公司 (有限空间 → 工贸), unit-level, kind drill (综合 or 专项 every 12
     months, ENT Art.33): latest 综合 drill T-12m+20d, due ≈ T+20d.
 11. 开平市住房和城乡建设局, 《开平市住房和城乡建设局建设工程施工安全事故应急预案》, kind evaluation:
     published T-36m+20d, never evaluated, due ≈ T+20d.
 12. 开平市鸿运烟花爆竹批发有限公司 (烟花爆竹, must file, new), each of its 4 plans (综合, 1 专项,
     2 现场处置方案), kind filing: published T-8d, not submitted, due ≈ T+18..26d.
 13. 龙胜镇, 《龙胜镇突发事件总体应急预案》 revision published T-8d, kind filing: not submitted.
 14. 开平市金山石场有限公司 (非煤矿山), 《…综合应急预案》 revision 2, kind authority_check:
     submitted T-1d, due on the 5th working day after (ENT Art.28).
 15. 开平市恒泰化工贸易有限公司, kind action: corrective action (open) from the T-1m
     evaluation, due T+12d.
OK (a sample; every other item of the small set is ok as well)
 16. 《开平市地震应急预案》: drill (last T-8m; 36 months) and evaluation (published T-30m) ok.
 17. 《开平市突发公共事件总体应急预案》: evaluation T-3m, ok; 《开平市森林火灾应急预案》
     (revising, its published version in force): evaluation T-2m, ok.
 18. Every other enterprise: each 现场处置方案 drilled 10–120 days ago, 综合 drilled 20–240
     days ago (or first published within 8 months), high-risk units drilled within 120 days,
     listed units evaluated or published within 30 months, must-file units' current
     versions filed or deemed filed → all ok.
 19. Every town plan: drilled within 11 months (ok for a 24- or 36-month rule) and
     published or evaluated within 30 months; village plans published within 28 months.
Left to the engine (not asserted): the 退回补正 filing of 开平市南方燃气有限公司 (revision 2
published T-50d, submitted T-35d, returned T-30d; an engine that counts a returned filing
as not submitted reports kind filing overdue), the ``in_progress`` action due T+60d (ok
where counted), plans in drafting, review, superseded or abolished (no items).

Other features of the set: the complete improvement loops — 《开平市防汛防旱防风防冻应急预案》
tabletop drill T-7m → finding → action ``done``, closed by its third version (major
revision) published T-4m; and 开平市碉楼文化旅游发展有限公司: drill → finding → action ``verified``, closed by
revision 2 of its 《…游客拥挤踩踏现场处置方案》 — whose card still follows revision 1 (stale),
as does one card of 开平市翠山湖精细化工有限公司. Filings exist in every status.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from random import Random
from typing import Any

from planmgr.domain.enums import (
    ActionStatus,
    DatabaseMode,
    DrillForm,
    DrillPurpose,
    DrillScope,
    EnterpriseScale,
    EvaluationConclusion,
    EvaluationMethod,
    FilingStatus,
    FindingSource,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.domain.errors import ValidationError
from planmgr.domain.flags import flags_for
from planmgr.domain.i18n import tr
from planmgr.services.demo_enterprise import (
    RISK_INDUSTRY,
    EnterpriseIds,
    EnterpriseSpec,
    Town,
    UsccMaker,
    add_enterprise,
)
from planmgr.services.demo_large import add_generated_towns
from planmgr.services.demo_rows import (
    Authority,
    FilingState,
    Progress,
    Row,
    Rows,
    add_drill,
    add_evaluation,
    add_filing,
    add_months,
    add_plan,
    add_plan_version,
    add_versions,
    begin_bulk,
    drill_evaluation,
    drill_summary,
    fill,
    finish_bulk,
    load_seed,
    older_content,
)
from planmgr.services.drill_evaluation import YES_NO, ScoreItem
from planmgr.services.settings import set_identity
from planmgr.store.database import Database, open_database
from planmgr.store.engine import database_url, display_name, is_sqlite, sqlite_path
from planmgr.store.errors import translated

SIZES = ("small", "large")
DEFAULT_SEED = 20240501


@dataclass(frozen=True)
class DemoSummary:
    database: str  # display path
    counts: dict[str, int]  # Chinese label -> rows


@dataclass
class City:
    """What the large generator needs from the small set."""

    city_unit_id: int
    office_uid: str
    overall_plan_id: int
    bureau: Authority
    usccs: UsccMaker


def create_demo(
    db: str | Path,
    *,
    size: str = "small",
    force: bool = False,
    today: date | None = None,
    seed: int = DEFAULT_SEED,
    scale: float = 1.0,
    progress: Progress | None = None,
) -> DemoSummary:
    """Write the demo database to ``db``; an existing file is replaced only with ``force``.

    ``scale`` shrinks the large set's enterprise counts (tests); ``progress`` receives
    (stage, done, total) while the rows are generated and written.
    """
    if size not in SIZES:
        raise ValidationError(tr("演示数据规模只能是 small 或 large，而不是“{size}”", size=size))
    url = database_url(db)
    target = sqlite_path(url)
    if target is None:
        if is_sqlite(url):
            raise ValidationError(tr("演示数据库只能创建为本机文件或写入数据库服务器，不能建在内存中"))
        return _create_on_server(url, size, today=today, seed=seed, scale=scale, progress=progress)
    if target.is_dir():
        raise ValidationError(tr("“{path}”是一个文件夹，请指定数据库文件的路径", path=target))
    if target.exists() and not force:
        raise ValidationError(
            tr("文件已存在：{path}。创建演示数据库会覆盖它；确认覆盖请加 --force", path=target)
        )

    rows = Rows(Random(seed), today or date.today())
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.demo-tmp")
    _remove_sqlite_files(temp)
    try:
        database = open_database(temp, create=True)
        try:
            _write(database, rows, size, scale=scale, progress=progress, where=str(target))
            with translated(str(target)), database.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            database.dispose()
        # A stale WAL of the old file must not be applied to the new one.
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        _remove_sqlite_files(temp, keep_main=True)
        os.replace(temp, target)
    except BaseException:
        _remove_sqlite_files(temp)
        raise
    if progress is not None:
        progress(tr("完成"), 1, 1)
    return DemoSummary(display_name(database_url(target)), _counts(rows))


def _create_on_server(
    url: str, size: str, *, today: date | None, seed: int, scale: float, progress: Progress | None
) -> DemoSummary:
    """The demo set in a database on a server: only into an empty one (a shared server's data is
    never replaced, ``--force`` or not); written in one transaction, so a failure leaves it empty."""
    where = display_name(url)
    database = open_database(url, create=True)
    try:
        with translated(where), database.engine.connect() as conn:
            used = conn.exec_driver_sql("SELECT 1 FROM unit LIMIT 1").first() is not None
        if used:
            raise ValidationError(
                tr(
                    "服务器上的数据库已有数据：{where}。演示数据只写入空数据库，不会删除或覆盖服务器上的数据；"
                    "请让数据库管理员新建一个空数据库后再试。",
                    where=where,
                )
            )
        rows = Rows(Random(seed), today or date.today())
        _write(database, rows, size, scale=scale, progress=progress, where=where)
    finally:
        database.dispose()
    if progress is not None:
        progress(tr("完成"), 1, 1)
    return DemoSummary(where, _counts(rows))


def _write(
    database: Database, rows: Rows, size: str, *, scale: float, progress: Progress | None, where: str
) -> None:
    """Generate the set and write it with Core bulk inserts in one transaction."""
    with translated(where), database.engine.begin() as conn:
        begin_bulk(conn)
        if progress is not None:
            progress(tr("生成演示数据"), 0, 1)
        city = build_small(rows)
        rows.flush(conn)
        if size == "large":
            add_generated_towns(
                rows,
                city_unit_id=city.city_unit_id,
                overall_plan_id=city.overall_plan_id,
                authority=city.bureau,
                usccs=city.usccs,
                scale=scale,
                progress=progress,
                flush=lambda: rows.flush(conn),
            )
        finish_bulk(conn, rows)
    set_identity(database.engine, city.office_uid, DatabaseMode.OFFICE)


def _remove_sqlite_files(path: Path, *, keep_main: bool = False) -> None:
    for suffix in ("-wal", "-shm", "-journal") if keep_main else ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _counts(rows: Rows) -> dict[str, int]:
    return {
        "单位": rows.count("unit"),
        "企业": rows.unit_kinds.get(UnitKind.ENTERPRISE.value, 0),
        "预案": rows.count("plan"),
        "预案版本": rows.count("plan_version"),
        "评估": rows.count("evaluation"),
        "演练": rows.count("drill"),
        "处置卡": rows.count("handling_card"),
        "备案": rows.count("filing"),
        "问题": rows.count("finding"),
        "整改措施": rows.count("corrective_action"),
    }


# --- the small set ------------------------------------------------------------------------


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
        spec = _enterprise_spec(
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
    _findings(rows, enterprises, scenarios, plan_ids)
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
            finding_id = _finding(
                rows, FindingSource.DRILL, drill["finding"], plan_ids[key], drill=drill_id, on=day
            )
            _action(
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


def _enterprise_spec(rows: Rows, ent: Any, index: int, town: Town) -> EnterpriseSpec:
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
    """Set the dates behind the intended due items listed in the module docstring."""
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


def _finding(
    rows: Rows,
    source: FindingSource,
    text: str,
    plan_id: int,
    *,
    drill: int | None = None,
    evaluation: int | None = None,
    on: date,
) -> int:
    return rows.add(
        "finding",
        {
            "source": source.value,
            "drill_id": drill,
            "evaluation_id": evaluation,
            "plan_id": plan_id,
            "text": text,
        },
        on=on,
    )


def _action(
    rows: Rows,
    finding_id: int,
    text: str,
    owner: str,
    due: date,
    status: ActionStatus,
    plan_id: int,
    section: str,
    on: date,
    closed_by: int | None = None,
    closed_at: date | None = None,
) -> None:
    """The corrective action a finding asks for, closed by a plan version once done."""
    rows.add(
        "corrective_action",
        {
            "finding_id": finding_id,
            "text": text,
            "owner": owner,
            "due": due,
            "status": status.value,
            "plan_id": plan_id,
            "plan_section": section,
            "closed_by_version_id": closed_by,
            "closed_at": closed_at,
        },
        on=on,
    )


def _findings(
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
    found = _finding(
        rows, FindingSource.DRILL, templates["涉氨制冷"]["findings"][0], plan_id, drill=drill_id, on=day
    )
    _action(
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
    found = _finding(
        rows,
        FindingSource.EVALUATION,
        "应急物资台账与现场不一致，空气呼吸器数量不足。",
        ids.comp_plan_id,
        evaluation=evaluation_id,
        on=day,
    )
    _action(
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
    found = _finding(
        rows, FindingSource.DRILL, templates["人员密集场所"]["findings"][0], plan_id, drill=drill_id, on=day
    )
    _action(
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
    found = _finding(
        rows,
        FindingSource.DRILL,
        "园区企业专职救援队与消防救援队伍的通信频道不统一。",
        plan_ids["work_safety"],
        drill=city_drill,
        on=day,
    )
    _action(
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
