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
The parts: ``demo_small`` (the city and its government plans), ``demo_scenarios`` (its
enterprises' scenarios), ``demo_enterprise`` (one enterprise), ``demo_builders`` (the rows
every part adds the same way) and ``demo_rows`` (the rows and their bulk insert).

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

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from random import Random

from planmgr.domain.enums import DatabaseMode, UnitKind
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr
from planmgr.services.demo_large import add_generated_towns
from planmgr.services.demo_rows import Progress, Rows, begin_bulk, finish_bulk
from planmgr.services.demo_small import build_small
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
