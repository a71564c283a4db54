"""Bulk rows and the enterprise generator behind ``planmgr demo`` (see ``services/demo.py``).

Both demo sizes are built the same way: every row is a plain dict collected per table with
its integer id assigned here, so links (plan → version, drill → plan, card → version) need
no round trip; ``Rows.flush`` inserts them with SQLAlchemy Core ``insert()`` in executemany batches
(ORM ``add_all`` is ~6× slower, DESIGN.md §9), every 200 generated enterprises so memory
stays flat, all inside one transaction. Those Core statements bypass the ORM audit
events, so ``finish_bulk`` writes one summary audit entry per table through
``planmgr.store.audit.write_entries``.

``add_enterprise`` turns one ``EnterpriseSpec`` (unit, risk template, dates) into the
unit, its 综合 / 专项 / 现场处置方案 plans with versions, cards, drills, evaluations and
filings; the small set calls it with hand-set dates for its scenarios, ``add_generated_towns``
with random ones for the county-scale set.
"""

from __future__ import annotations

import calendar
import copy
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from random import Random
from typing import Any

from sqlalchemy import Boolean, Connection, Table, insert
from sqlmodel import SQLModel

from planmgr import paths
from planmgr.domain.enums import (
    DrillForm,
    DrillPurpose,
    DrillScope,
    DrillStatus,
    EnterpriseScale,
    EvaluationConclusion,
    EvaluationMethod,
    FilingStatus,
    Industry,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.domain.flags import flags_for
from planmgr.domain.validators import USCC_CHARSET, uscc_check_char
from planmgr.store import models, search
from planmgr.store.audit import write_entries

Progress = Callable[[str, int, int], None]
Row = dict[str, Any]

# Insert order: a table comes after the tables it points to.
TABLE_ORDER = (
    "unit",
    "plan",
    "plan_version",
    "plan_link",
    "evaluation",
    "drill",
    "drill_plan",
    "finding",
    "corrective_action",
    "handling_card",
    "card_step",
    "card_contact",
    "filing",
    "filing_material",
)
_MODELS: dict[str, type[SQLModel]] = {
    "unit": models.Unit,
    "plan": models.Plan,
    "plan_version": models.PlanVersion,
    "plan_link": models.PlanLink,
    "evaluation": models.Evaluation,
    "drill": models.Drill,
    "drill_plan": models.DrillPlan,
    "finding": models.Finding,
    "corrective_action": models.CorrectiveAction,
    "handling_card": models.HandlingCard,
    "card_step": models.CardStep,
    "card_contact": models.CardContact,
    "filing": models.Filing,
    "filing_material": models.FilingMaterial,
}
BATCH = 5000
# The enterprise filing authority's registration numbers: region code + year + serial.
FILING_REGION = "440783"
ENT_MATERIALS = ("应急预案备案申报表", "评审意见", "应急预案电子文档", "风险评估结果和应急资源调查清单")
FORMAL_CHECKS = ("封面", "批准页", "目录", "正文", "附件", "编制过程记录")
# ENT Art.36 revision triggers (reference data wording, DOMAIN.md §4).
ENT_TRIGGERS = (
    "面临的事故风险发生重大变化",
    "应急指挥机构及其职责发生调整",
    "重要应急资源发生重大变化",
    "在应急演练和事故应急救援中发现需要修订预案的重大问题",
)
RISK_INDUSTRY = {
    "危险化学品": Industry.HAZCHEM,
    "涉氨制冷": Industry.INDUSTRY_TRADE,
    "粉尘涉爆": Industry.INDUSTRY_TRADE,
    "有限空间": Industry.INDUSTRY_TRADE,
    "深井铸造": Industry.METALLURGY,
    "非煤矿山": Industry.NONCOAL_MINE,
    "烟花爆竹": Industry.FIREWORKS,
    "建筑施工": Industry.CONSTRUCTION,
    "人员密集场所": Industry.CROWDED_PLACE,
}


# --- dates -----------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """Calendar months, a day past the month's end clamped (DOMAIN.md §3)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stamp(day: date) -> datetime:
    """09:00 Beijing time of ``day`` as an aware UTC datetime."""
    return datetime.combine(day, time(1, 0), tzinfo=UTC)


def version_label(day: date, taken: set[str]) -> str:
    label = f"{day.year}版"
    serial = 2
    while label in taken:
        label = f"{day.year}版（第{serial}次修订）"
        serial += 1
    taken.add(label)
    return label


# --- seed data ---------------------------------------------------------------------------


@cache
def load_seed(name: str) -> Any:
    """A JSON file of ``db/seed`` (parsed once per process; callers must not mutate it)."""
    with (paths.seed_dir() / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def fill(value: Any, names: dict[str, str]) -> Any:
    """A deep copy of ``value`` with ``{key}`` placeholders in every string replaced."""
    if isinstance(value, str):
        if "{" not in value:
            return value
        for key, text in names.items():
            value = value.replace("{" + key + "}", text)
        return value
    if isinstance(value, list):
        return [fill(v, names) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, names) for k, v in value.items()}
    return value


def older_content(content: dict[str, Any], major: bool) -> dict[str, Any]:
    """The snapshot a revision replaced: what a major revision changes is shorter in it."""
    old = copy.deepcopy(content)
    keys = ("response_levels", "procedure", "measures") if major else ("resources", "precautions")
    for key in keys:
        if len(old.get(key, [])) > 1:
            old[key] = old[key][:-1]
    return old


# --- rows ----------------------------------------------------------------------------------


def _template(model: type[SQLModel]) -> Row:
    table: Table = model.__table__  # type: ignore[attr-defined]
    row: Row = {}
    for column in table.columns:
        name = column.name
        if name == "id":
            continue
        info = model.model_fields.get(name)
        factory = info.default_factory if info is not None else None
        if factory is list:
            row[name] = []
        elif factory is dict:
            row[name] = {}
        elif info is not None and not info.is_required() and factory is None:
            row[name] = info.default
        elif isinstance(column.type, Boolean):
            row[name] = False
        else:
            row[name] = None
    return row


class Rows:
    """Rows per table with ids and deterministic uids assigned in Python.

    Rows wait in memory until ``flush`` inserts them; ids keep counting across flushes, so a
    row may point at one already written. ``get`` reaches only rows not yet flushed.
    """

    def __init__(self, rng: Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.tables: dict[str, list[Row]] = {name: [] for name in TABLE_ORDER}
        self.unit_kinds: dict[str, int] = {}
        self._flushed: dict[str, int] = dict.fromkeys(TABLE_ORDER, 0)
        self._templates = {name: _template(model) for name, model in _MODELS.items()}
        self._now = stamp(today)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, table: str, values: Row, *, on: date | None = None) -> int:
        template = self._templates[table]
        unknown = values.keys() - template.keys()
        if unknown:
            raise KeyError(f"{table}: unknown columns {sorted(unknown)}")
        row = template.copy()
        when = stamp(on) if on is not None else self._now
        if "uid" in template:
            row["uid"] = self.uid()
        if "created_at" in template:
            row["created_at"] = when
        if "updated_at" in template:
            row["updated_at"] = when
        row.update(values)
        rows = self.tables[table]
        row_id = self._flushed[table] + len(rows) + 1
        row["id"] = row_id
        rows.append(row)
        if table == "unit":
            self.unit_kinds[row["kind"]] = self.unit_kinds.get(row["kind"], 0) + 1
        return row_id

    def get(self, table: str, row_id: int) -> Row:
        return self.tables[table][row_id - 1 - self._flushed[table]]

    def count(self, table: str) -> int:
        return self._flushed[table] + len(self.tables[table])

    def pending(self) -> int:
        return sum(len(v) for v in self.tables.values())

    def flush(self, conn: Connection) -> None:
        """Insert the waiting rows with Core executemany batches, in the caller's transaction."""
        for name in TABLE_ORDER:
            data = self.tables[name]
            if not data:
                continue
            table: Table = _MODELS[name].__table__  # type: ignore[attr-defined]
            for start in range(0, len(data), BATCH):
                conn.execute(insert(table), data[start : start + BATCH])
            self._flushed[name] += len(data)
            self.tables[name] = []


def begin_bulk(conn: Connection) -> None:
    """Connection settings for one long bulk transaction."""
    if conn.dialect.name == "sqlite":
        # Rows may point at rows of a later flush; foreign keys are checked at commit.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        conn.exec_driver_sql("PRAGMA cache_size=-131072")


def finish_bulk(conn: Connection, rows: Rows) -> None:
    """Flush what is left, index plans and cards for search, write one audit entry per table.

    Bulk Core inserts bypass the ORM audit events (store/audit.py), and one entry per row
    would double the size of a county-scale demo for no reader's benefit. The search index
    is kept by the services; bulk paths rebuild it (store/search.py).
    """
    rows.flush(conn)
    search.rebuild(conn)
    for name in TABLE_ORDER:
        count = rows.count(name)
        if count:
            write_entries(
                conn, name, "insert", [{"source": "演示数据", "rows": count, "first_id": 1, "last_id": count}]
            )


# --- enterprises ---------------------------------------------------------------------------


@dataclass
class FilingState:
    """How far the filing of one plan version has gone."""

    status: FilingStatus
    submitted: date | None = None
    returned: date | None = None
    notice: list[str] = field(default_factory=list)
    registered: date | None = None


@dataclass
class Authority:
    """Where a unit files its plans, and the registration serials it has issued."""

    unit_id: int | None
    name: str
    region: str
    serials: dict[int, int] = field(default_factory=dict)

    def number(self, year: int) -> str:
        self.serials[year] = self.serials.get(year, 0) + 1
        return f"{self.region}-{year}-{self.serials[year]:04d}"


def add_filing(
    rows: Rows,
    authority: Authority,
    *,
    version_id: int,
    unit_id: int,
    published: date,
    state: FilingState | None,
    materials: tuple[str, ...] = (),
) -> int:
    """A filing of ``version_id``; ``state`` None means a normal one: filed within days."""
    rng = rows.rng
    if state is None:
        submitted = min(published + timedelta(days=rng.randint(3, 18)), rows.today - timedelta(days=1))
        if rng.random() < 0.15:
            state = FilingState(FilingStatus.DEEMED_FILED, submitted)
        else:
            answered = min(submitted + timedelta(days=rng.randint(1, 5)), rows.today)
            state = FilingState(FilingStatus.FILED, submitted, registered=answered)
    registered = state.registered
    filing_id = rows.add(
        "filing",
        {
            "plan_version_id": version_id,
            "filing_unit_id": unit_id,
            "authority_unit_id": authority.unit_id,
            "authority_name": authority.name,
            "submitted_date": state.submitted,
            "status": state.status.value,
            "check_results": (
                {item: True for item in FORMAL_CHECKS} if state.status is FilingStatus.FILED else {}
            ),
            "return_notice": list(state.notice),
            "returned_date": state.returned,
            "filing_number": authority.number(registered.year) if registered is not None else None,
            "registered_date": registered,
        },
        on=state.submitted or published,
    )
    for item in materials:
        rows.add(
            "filing_material",
            {"filing_id": filing_id, "item": item, "provided": item not in state.notice},
        )
    return filing_id


@dataclass
class EnterpriseSpec:
    """One enterprise to generate: its unit data, risk template and the dates that matter."""

    name: str
    risk: str
    scale: EnterpriseScale
    key_enterprise: bool
    town_unit_id: int
    town_name: str
    town_plan_id: int
    town_duty_phone: str
    region_code: str
    address: str
    legal_rep: str
    contact: str
    phone: str
    n_specials: int
    onsite: list[int]
    first_published: date
    onsite_last_drill: list[date | None]
    comp_last_drill: date | None
    cards_per_onsite: int = 1
    comp_revised: date | None = None
    comp_filing: FilingState | None = None
    all_filings: FilingState | None = None
    onsite_revised: date | None = None
    stale_card: bool = False
    evaluation: date | None = None
    evaluation_conclusion: EvaluationConclusion = EvaluationConclusion.KEEP
    comp_status: PlanStatus = PlanStatus.PUBLISHED
    planned_drill: tuple[date, int] | None = None  # (date, onsite index; -1 = 综合)
    cancelled_drill: date | None = None
    extra_plan: tuple[str, PlanStatus] | None = None
    history: int = 4  # past drill cycles per plan at most


@dataclass
class EnterpriseIds:
    unit_id: int
    comp_plan_id: int
    comp_version_ids: list[int]
    onsite_plan_ids: list[int]
    onsite_version_ids: list[list[int]]
    drills: dict[int, list[tuple[int, date]]]  # plan id -> (drill id, start), newest first
    card_ids: list[int]


class UsccMaker:
    """Unique, checksum-valid 统一社会信用代码 for Kaiping enterprises (GB 32100-2015)."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def make(self, region: str = "440783") -> str:
        while True:
            body = "91" + region + "MA" + "".join(self.rng.choice(USCC_CHARSET) for _ in range(7))
            code = body + uscc_check_char(body)
            if code not in self.seen:
                self.seen.add(code)
                return code


def _short(name: str) -> str:
    core = name.removeprefix("开平市")
    return core[:2]


def add_plan_version(
    rows: Rows,
    *,
    plan_id: int,
    title: str,
    published: date,
    content: dict[str, Any],
    labels: set[str],
    doc: str,
    approver: str,
    first: bool,
    major: bool = False,
    trigger: str | None = None,
    change: str | None = None,
) -> int:
    return rows.add(
        "plan_version",
        {
            "plan_id": plan_id,
            "label": version_label(published, labels),
            "issued_date": published,
            "published_date": published,
            "doc_number": doc,
            "approver": approver,
            "revision_trigger": None if first else trigger,
            "major": major,
            "change_summary": "首次发布。" if first else change,
            "content": content,
            "title": title,
        },
        on=published,
    )


def _drill_dates(last: date | None, months: int, floor: date, cycles: int) -> list[date]:
    dates: list[date] = []
    day = last
    while day is not None and day >= floor and len(dates) < cycles:
        dates.append(day)
        day = add_months(day, -months) + timedelta(days=3)
    return dates


def _drill_evaluation(rng: Random) -> dict[str, Any]:
    items = ["预案适用性", "人员职责落实", "处置程序执行", "应急装备使用", "通信联络"]
    points = [rng.randint(3, 5) for _ in items]
    scores = [{"name": item, "score": p, "max": 5} for item, p in zip(items, points, strict=True)]
    total = sum(points)
    conclusion = "达到演练目的" if total >= 20 else "基本达到演练目的，需整改"
    return {"items": scores, "score": total, "conclusion": conclusion}


def _drill_summary(problem: str, plan_title: str) -> dict[str, Any]:
    return {
        "overview": f"按《{plan_title}》组织演练，参演人员按处置卡完成报警、处置和疏散。",
        "problems": [problem],
        "lessons": ["处置卡简明实用，关键岗位人员熟悉处置步骤。"],
        "suggestions": ["针对发现的问题组织专项培训，下次演练复核整改效果。"],
    }


def add_drill(
    rows: Rows,
    *,
    organiser: int,
    title: str,
    start: date,
    plan_ids: list[int],
    form: DrillForm,
    scope: DrillScope,
    scenario: str,
    location: str,
    participants: list[str],
    status: DrillStatus = DrillStatus.DONE,
    purpose: DrillPurpose = DrillPurpose.TEST,
    tags: list[str] | None = None,
    reported: bool = False,
    evaluation: dict[str, Any] | None = None,
    summary: dict[str, Any] | None = None,
    head_count: int | None = None,
    note: str | None = None,
) -> int:
    rng = rows.rng
    drill_id = rows.add(
        "drill",
        {
            "organiser_unit_id": organiser,
            "title": title,
            "start": start,
            "end": start,
            "location": location,
            "form": form.value,
            "scope": scope.value,
            "purpose": purpose.value,
            "tags": tags or [],
            "participant_units": participants,
            "head_count": head_count if head_count is not None else rng.randint(8, 60),
            "scenario": scenario,
            "status": status.value,
            "evaluation": evaluation or {},
            "summary": summary or {},
            "reported_to_authority": reported,
            "note": note,
        },
        on=min(start, rows.today),
    )
    for plan_id in plan_ids:
        rows.add("drill_plan", {"drill_id": drill_id, "plan_id": plan_id})
    return drill_id


def _half(day: date) -> str:
    return f"{day.year}年{'上' if day.month <= 6 else '下'}半年"


def add_enterprise(rows: Rows, authority: Authority, usccs: UsccMaker, spec: EnterpriseSpec) -> EnterpriseIds:
    """The enterprise unit and everything it keeps: plans, versions, cards, drills, filings."""
    templates = load_seed("enterprise_templates.json")
    common = templates["common"]
    risk = templates["risks"][spec.risk]
    rng = rows.rng
    industry = RISK_INDUSTRY[spec.risk]
    flags = flags_for(industry, spec.scale)
    unit_id = rows.add(
        "unit",
        {
            "name": spec.name,
            "kind": UnitKind.ENTERPRISE.value,
            "parent_id": spec.town_unit_id,
            "uscc": usccs.make(),
            "region_code": spec.region_code,
            "industry": industry.value,
            "scale": spec.scale.value,
            "must_file": flags.must_file,
            "listed_for_review": flags.listed_for_review,
            "key_enterprise": spec.key_enterprise,
            "high_risk": flags.high_risk,
            "address": spec.address,
            "postcode": "529300",
            "legal_rep": spec.legal_rep,
            "contact": spec.contact,
            "phone": spec.phone,
            "duty_phone": spec.phone,
        },
        on=add_months(spec.first_published, -6),
    )
    names = {
        "unit": spec.name,
        "town": spec.town_name,
        "legal_rep": spec.legal_rep,
        "contact": spec.contact,
    }
    contacts = [
        {"name": f"{spec.name}应急值班电话", "role": "报警与联络", "phone": spec.phone},
        {"name": spec.legal_rep, "role": "应急总指挥", "phone": spec.phone},
        {"name": spec.contact, "role": "应急副总指挥", "phone": spec.phone},
        {"name": f"{spec.town_name}应急值班室", "role": "属地镇（街道）", "phone": spec.town_duty_phone},
        {"name": authority.name, "role": "上级应急管理部门", "phone": "0750-2288110"},
        {"name": "火警", "role": "消防救援", "phone": "119"},
        {"name": "急救", "role": "医疗救护", "phone": "120"},
        {"name": "报警", "role": "公安", "phone": "110"},
    ]
    resources = [
        {**r, "keeper": f"{spec.name}{r['keeper']}"} for r in risk["resources"] + common["resources"]
    ]
    base = {
        "grading": fill(common["grading"], names),
        "response_levels": fill(common["response_levels"], names),
        "work_groups": fill(common["work_groups"], names),
        "procedure": fill(common["procedure"], names),
        "contacts": contacts,
        "resources": resources,
    }
    materials = (
        ENT_MATERIALS if flags.listed_for_review else tuple(m for m in ENT_MATERIALS if m != "评审意见")
    )
    doc_serial = [rng.randint(1, 5)]

    def doc(day: date) -> str:
        doc_serial[0] += 1
        return f"{_short(spec.name)}安〔{day.year}〕{doc_serial[0]}号"

    def new_plan(title: str, category: PlanCategory, parent: int, events: list[str], content: Row) -> int:
        return rows.add(
            "plan",
            {
                "owner_unit_id": unit_id,
                "title": title,
                "category": category.value,
                "event_types": events,
                "parent_id": parent,
                "status": PlanStatus.PUBLISHED.value,
                "content": content,
            },
            on=spec.first_published - timedelta(days=30),
        )

    def file(version_id: int, published: date, state: FilingState | None) -> None:
        if flags.must_file:
            add_filing(
                rows,
                authority,
                version_id=version_id,
                unit_id=unit_id,
                published=published,
                state=state if state is not None else spec.all_filings,
                materials=materials,
            )

    # 综合应急预案 (GB 29639 §5), under the town's plan it must agree with.
    comp_title = f"{spec.name}生产安全事故综合应急预案"
    comp_content = {
        "scope": (
            f"适用于{spec.name}（{risk['business']}）生产经营过程中各类生产安全事故的应对。"
            + risk["risk_summary"]
        ),
        **base,
        "measures": [m for s in risk["specials"] for m in s["measures"]][:5],
        "precautions": list(common["precautions"]),
    }
    comp_id = new_plan(
        comp_title, PlanCategory.ENT_COMPREHENSIVE, spec.town_plan_id, risk["event_types"], comp_content
    )
    labels: set[str] = set()
    comp_versions: list[int] = []
    if spec.comp_revised is not None:
        trigger = rng.choice(ENT_TRIGGERS)
        v1 = add_plan_version(
            rows,
            plan_id=comp_id,
            title=comp_title,
            published=spec.first_published,
            content=older_content(comp_content, True),
            labels=labels,
            doc=doc(spec.first_published),
            approver=spec.legal_rep,
            first=True,
        )
        file(v1, spec.first_published, None)
        v2 = add_plan_version(
            rows,
            plan_id=comp_id,
            title=comp_title,
            published=spec.comp_revised,
            content=comp_content,
            labels=labels,
            doc=doc(spec.comp_revised),
            approver=spec.legal_rep,
            first=False,
            major=True,
            trigger=trigger,
            change=f"因“{trigger}”修订：调整应急响应分级和处置程序，补充主要处置措施。",
        )
        file(v2, spec.comp_revised, spec.comp_filing)
        comp_versions = [v1, v2]
    else:
        v1 = add_plan_version(
            rows,
            plan_id=comp_id,
            title=comp_title,
            published=spec.first_published,
            content=comp_content,
            labels=labels,
            doc=doc(spec.first_published),
            approver=spec.legal_rep,
            first=True,
        )
        file(v1, spec.first_published, spec.comp_filing)
        comp_versions = [v1]
    comp = rows.get("plan", comp_id)
    comp["current_version_id"] = comp_versions[-1]
    comp["status"] = spec.comp_status.value
    if spec.comp_status is PlanStatus.REVISING:
        working = copy.deepcopy(comp_content)
        working["measures"] = [*working["measures"], "（修订稿）补充与相邻企业的应急联动和信息互通措施。"]
        comp["content"] = working

    special_ids: list[int] = []
    for special in risk["specials"][: spec.n_specials]:
        title = f"{spec.name}{special['title']}"
        content = {
            "scope": f"适用于{spec.name}{special['title'].removesuffix('专项应急预案')}的应对。",
            **base,
            "measures": list(special["measures"]),
            "precautions": list(common["precautions"][:2]),
        }
        plan_id = new_plan(title, PlanCategory.ENT_SPECIAL, comp_id, special["event_types"], content)
        version_id = add_plan_version(
            rows,
            plan_id=plan_id,
            title=title,
            published=spec.first_published,
            content=content,
            labels=set(),
            doc=doc(spec.first_published),
            approver=spec.legal_rep,
            first=True,
        )
        rows.get("plan", plan_id)["current_version_id"] = version_id
        file(version_id, spec.first_published, None)
        special_ids.append(plan_id)

    onsite_ids: list[int] = []
    onsite_versions: list[list[int]] = []
    card_ids: list[int] = []
    for position, index in enumerate(spec.onsite):
        scene = risk["onsite"][index]
        title = f"{spec.name}{scene['title']}"
        procedure = [
            {
                "step": f"第{n}步",
                "action": action,
                "responsible": who,
                "time_limit": "立即" if n <= 2 else "按指令",
            }
            for n, (action, who) in enumerate(scene["steps"], start=1)
        ]
        content = {
            "scope": (
                f"适用于{spec.name}{scene['title'].removesuffix('现场处置方案')}险情的现场处置，"
                f"处置岗位：{scene['post']}。"
            ),
            "grading": [{"grade": "现场险情", "criteria": scene["risks"]}],
            "response_levels": [
                {"level": "班组级响应", "condition": "班组能够立即控制的险情。", "lead": scene["post"]},
                {
                    "level": "公司级响应",
                    "condition": "险情扩大或有人员受伤。",
                    "lead": f"应急总指挥（{spec.legal_rep}）",
                },
            ],
            "work_groups": [
                {
                    "name": "现场处置小组",
                    "lead": scene["post"],
                    "members": "当班班组人员",
                    "duties": "报警、先期处置、疏散和救护。",
                }
            ],
            "procedure": procedure,
            "measures": [action for action, _ in scene["steps"][1:4]],
            "precautions": list(scene["precautions"]),
            "contacts": contacts,
            "resources": resources[:2],
        }
        plan_id = new_plan(title, PlanCategory.ENT_ONSITE, comp_id, risk["event_types"][:1], content)
        plan_labels: set[str] = set()
        versions: list[tuple[int, date]] = []
        if position == 0 and spec.onsite_revised is not None:
            trigger = ENT_TRIGGERS[3]
            v1 = add_plan_version(
                rows,
                plan_id=plan_id,
                title=title,
                published=spec.first_published,
                content=older_content(content, True),
                labels=plan_labels,
                doc=doc(spec.first_published),
                approver=spec.legal_rep,
                first=True,
            )
            file(v1, spec.first_published, None)
            v2 = add_plan_version(
                rows,
                plan_id=plan_id,
                title=title,
                published=spec.onsite_revised,
                content=content,
                labels=plan_labels,
                doc=doc(spec.onsite_revised),
                approver=spec.legal_rep,
                first=False,
                major=True,
                trigger=trigger,
                change="根据演练发现的问题修订应急处置程序和处置措施。",
            )
            file(v2, spec.onsite_revised, None)
            versions = [(v1, spec.first_published), (v2, spec.onsite_revised)]
        else:
            v1 = add_plan_version(
                rows,
                plan_id=plan_id,
                title=title,
                published=spec.first_published,
                content=content,
                labels=plan_labels,
                doc=doc(spec.first_published),
                approver=spec.legal_rep,
                first=True,
            )
            file(v1, spec.first_published, None)
            versions = [(v1, spec.first_published)]
        rows.get("plan", plan_id)["current_version_id"] = versions[-1][0]
        onsite_ids.append(plan_id)
        onsite_versions.append([v for v, _ in versions])
        # 应急处置卡 for the key posts of this 现场处置方案 (ENT Art.19).
        for card_no in range(spec.cards_per_onsite):
            stale = position == 0 and card_no == 0 and spec.stale_card and len(versions) > 1
            based_on, issued = versions[0] if stale else versions[-1]
            post = scene["post"] if card_no == 0 else "带班负责人"
            steps = scene["steps"] if card_no == 0 else scene["steps"][:4]
            card_id = rows.add(
                "handling_card",
                {
                    "plan_id": plan_id,
                    "unit_id": unit_id,
                    "number": f"CZK-{unit_id:05d}-{len(card_ids) + 1:02d}",
                    "title": f"{scene['title'].removesuffix('现场处置方案')}应急处置卡（{post}）",
                    "post": post,
                    "place": scene["place"],
                    "risks": scene["risks"],
                    "precautions": "；".join(scene["precautions"]),
                    "version_label": rows.get("plan_version", based_on)["label"],
                    "issued_date": issued,
                    "based_on_version_id": based_on,
                },
                on=issued,
            )
            card_ids.append(card_id)
            for n, (action, who) in enumerate(steps, start=1):
                rows.add(
                    "card_step", {"card_id": card_id, "position": n, "action": action, "responsible": who}
                )
            card_contacts = [
                ("本单位应急值班电话", spec.phone, False),
                (f"应急总指挥 {spec.legal_rep}", spec.phone, False),
                (spec.contact, spec.phone, False),
                ("火警", "119", True),
                ("急救", "120", True),
                ("报警", "110", True),
                (f"{spec.town_name}应急值班室", spec.town_duty_phone, True),
            ]
            for n, (name, phone, external) in enumerate(card_contacts, start=1):
                rows.add(
                    "card_contact",
                    {"card_id": card_id, "position": n, "name": name, "phone": phone, "external": external},
                )

    if spec.extra_plan is not None:
        title, status = spec.extra_plan
        rows.add(
            "plan",
            {
                "owner_unit_id": unit_id,
                "title": f"{spec.name}{title}",
                "category": PlanCategory.ENT_SPECIAL.value,
                "event_types": ["meteorological"],
                "parent_id": comp_id,
                "status": status.value,
                "content": {
                    **base,
                    "scope": f"（{status.label}）适用于{spec.name}{title.removesuffix('专项应急预案')}。",
                    "measures": [],
                    "precautions": [],
                },
            },
        )

    # Drills: 综合/专项 once a year, each 现场处置方案 every six months (ENT Art.33).
    drills: dict[int, list[tuple[int, date]]] = {}
    problems = risk["findings"]
    participants = [spec.name]
    high_risk = flags.high_risk
    for n, day in enumerate(
        _drill_dates(spec.comp_last_drill, 12, spec.first_published, max(1, spec.history // 2))
    ):
        plans = [comp_id, *special_ids[:1]]
        field_drill = n % 2 == 0
        drill_id = add_drill(
            rows,
            organiser=unit_id,
            title=f"{spec.name}{day.year}年生产安全事故综合应急演练",
            start=day,
            plan_ids=plans,
            form=DrillForm.FIELD if field_drill else DrillForm.TABLETOP,
            scope=DrillScope.COMPREHENSIVE,
            scenario=risk["drill"],
            location=spec.address,
            participants=[*participants, f"{spec.town_name}应急管理办公室"] if field_drill else participants,
            tags=["双盲"] if rng.random() < 0.15 else [],
            reported=high_risk,
            evaluation=_drill_evaluation(rng) if n == 0 or rng.random() < 0.4 else None,
            summary=_drill_summary(rng.choice(problems), comp_title) if n == 0 else None,
            head_count=rng.randint(30, 180),
        )
        for plan_id in plans:
            drills.setdefault(plan_id, []).append((drill_id, day))
    for position, plan_id in enumerate(onsite_ids):
        last = spec.onsite_last_drill[position] if position < len(spec.onsite_last_drill) else None
        scene = risk["onsite"][spec.onsite[position]]
        for n, day in enumerate(_drill_dates(last, 6, spec.first_published, spec.history)):
            drill_id = add_drill(
                rows,
                organiser=unit_id,
                title=f"{scene['title'].removesuffix('现场处置方案')}现场处置演练（{_half(day)}）",
                start=day,
                plan_ids=[plan_id],
                form=DrillForm.FIELD if rng.random() < 0.7 else DrillForm.TABLETOP,
                scope=DrillScope.SINGLE,
                scenario=scene["risks"],
                location=f"{spec.name}{scene['place']}",
                participants=participants,
                reported=high_risk,
                evaluation=_drill_evaluation(rng) if n == 0 and rng.random() < 0.5 else None,
                summary=_drill_summary(rng.choice(problems), scene["title"])
                if n == 0 and rng.random() < 0.3
                else None,
            )
            drills.setdefault(plan_id, []).append((drill_id, day))
    if spec.planned_drill is not None:
        day, index = spec.planned_drill
        plan_id = comp_id if index < 0 else onsite_ids[index]
        add_drill(
            rows,
            organiser=unit_id,
            title=f"{spec.name}{day.year}年{'综合' if index < 0 else '现场处置'}应急演练（计划）",
            start=day,
            plan_ids=[plan_id],
            form=DrillForm.FIELD,
            scope=DrillScope.COMPREHENSIVE if index < 0 else DrillScope.SINGLE,
            scenario=risk["drill"],
            location=spec.address,
            participants=participants,
            status=DrillStatus.PLANNED,
            head_count=rng.randint(20, 80),
        )
    if spec.cancelled_drill is not None:
        add_drill(
            rows,
            organiser=unit_id,
            title=f"{spec.name}防台风应急演练",
            start=spec.cancelled_drill,
            plan_ids=[comp_id],
            form=DrillForm.FIELD,
            scope=DrillScope.COMPREHENSIVE,
            scenario="台风来临前的人员撤离和设备加固。",
            location=spec.address,
            participants=participants,
            status=DrillStatus.CANCELLED,
            note="受台风实际影响取消，改为实战防御。",
        )

    # Evaluations (ENT Art.35): one assessment covers all plans of the unit.
    if spec.evaluation is not None:
        method = EvaluationMethod.EXPERT if flags.listed_for_review else EvaluationMethod.SELF
        for plan_id in [comp_id, *special_ids, *onsite_ids]:
            rows.add(
                "evaluation",
                {
                    "plan_id": plan_id,
                    "eval_date": spec.evaluation,
                    "evaluators": f"{spec.name}预案评估小组"
                    if method is EvaluationMethod.SELF
                    else "开平市安全生产专家库专家",
                    "method": method.value,
                    "conclusion": (
                        spec.evaluation_conclusion if plan_id == comp_id else EvaluationConclusion.KEEP
                    ).value,
                    "findings": "预案与现行法规、风险和资源相符。"
                    if spec.evaluation_conclusion is EvaluationConclusion.KEEP or plan_id != comp_id
                    else "应急物资台账与现场不一致，应急响应分级需细化，建议修订。",
                },
                on=spec.evaluation,
            )
    for ids in drills.values():
        ids.sort(key=lambda pair: pair[1], reverse=True)
    return EnterpriseIds(unit_id, comp_id, comp_versions, onsite_ids, onsite_versions, drills, card_ids)


def person(rng: Random) -> str:
    parts = load_seed("enterprise_templates.json")["name_parts"]
    return str(rng.choice(parts["surnames"]) + rng.choice(parts["given"]))


def random_spec(
    rows: Rows,
    *,
    name: str,
    risk: str,
    town: tuple[int, str, int, str, str],
    lapse: float,
) -> EnterpriseSpec:
    """An enterprise in good standing, or — with probability ``lapse`` — one that let drills slip."""
    rng = rows.rng
    today = rows.today
    town_unit_id, town_name, town_plan_id, duty_phone, region = town
    tpl = load_seed("enterprise_templates.json")["risks"][risk]
    scale = rng.choices(list(EnterpriseScale), weights=(1, 4, 10, 5))[0]
    months = rng.randint(30, 44)
    first = add_months(today, -months) + timedelta(days=rng.randint(0, 20))
    onsite = list(range(len(tpl["onsite"])))
    last_onsite: list[date | None] = []
    for _ in onsite:
        slipped = rng.random() < lapse
        last_onsite.append(today - timedelta(days=rng.randint(190, 330) if slipped else rng.randint(10, 120)))
    comp_last = today - timedelta(days=rng.randint(20, 240))
    revised = add_months(today, -rng.randint(3, 12)) if rng.random() < 0.3 else None
    flags = flags_for(RISK_INDUSTRY[risk], scale)
    evaluation = None
    if flags.listed_for_review or rng.random() < 0.3:
        evaluation = add_months(today, -rng.randint(2, 11))
    return EnterpriseSpec(
        name=name,
        risk=risk,
        scale=scale,
        key_enterprise=rng.random() < 0.4,
        town_unit_id=town_unit_id,
        town_name=town_name,
        town_plan_id=town_plan_id,
        town_duty_phone=duty_phone,
        region_code=region,
        address=f"开平市{town_name}{rng.choice(('工业大道', '兴业路', '环城路'))}{rng.randint(1, 300)}号",
        legal_rep=person(rng),
        contact="安全主任 " + person(rng),
        phone=f"0750-{rng.randint(2200000, 2999999)}",
        n_specials=len(tpl["specials"]),
        onsite=onsite,
        first_published=first,
        onsite_last_drill=last_onsite,
        comp_last_drill=comp_last,
        cards_per_onsite=2,
        comp_revised=revised,
        evaluation=evaluation,
        history=5,
    )


@dataclass
class LargeTotals:
    towns: int
    enterprises: int


def add_generated_towns(
    rows: Rows,
    *,
    city_unit_id: int,
    overall_plan_id: int,
    authority: Authority,
    usccs: UsccMaker,
    scale: float = 1.0,
    progress: Progress | None = None,
    flush: Callable[[], None] | None = None,
) -> LargeTotals:
    """County-server scale: 20 generated towns, the first with 520 enterprises, the rest 240.

    At ``scale`` 1.0 this adds ~5,080 enterprises, ~26,000 plans, ~62,000 drills and
    ~25,000 cards; the first town's plan gets more than 500 child plans (a benchmark
    expands it). ``scale`` shrinks the enterprise counts for tests.
    """
    rng = rows.rng
    today = rows.today
    parts = load_seed("enterprise_templates.json")["name_parts"]
    town_tpl = load_seed("kaiping_plans.json")["town_plan"]
    risks = list(RISK_INDUSTRY)
    per_town = [max(1, round((520 if i == 0 else 240) * scale)) for i in range(20)]
    total = sum(per_town)
    made = 0
    names: set[str] = set()
    for i, town_name in enumerate(parts["towns"][:20]):
        region = f"440783{200 + i:03d}000"
        duty = f"0750-{3100000 + i * 1111}"
        address = f"开平市{town_name}政府路{i + 1}号"
        town_id = rows.add(
            "unit",
            {
                "name": town_name,
                "kind": UnitKind.TOWN.value,
                "parent_id": city_unit_id,
                "region_code": region,
                "address": address,
                "legal_rep": person(rng),
                "contact": "应急办 " + person(rng),
                "phone": duty,
                "duty_phone": duty,
            },
        )
        published = add_months(today, -rng.randint(6, 28))
        content = fill(town_tpl["content"], {"town": town_name, "address": address})
        title = town_tpl["title"].replace("{town}", town_name)
        plan_id = rows.add(
            "plan",
            {
                "owner_unit_id": town_id,
                "title": title,
                "category": PlanCategory.TOWN.value,
                "event_types": town_tpl["event_types"],
                "parent_id": overall_plan_id,
                "status": PlanStatus.PUBLISHED.value,
                "content": content,
            },
        )
        version_id = add_plan_version(
            rows,
            plan_id=plan_id,
            title=title,
            published=published,
            content=content,
            labels=set(),
            doc=f"{town_name[:2]}府〔{published.year}〕{rng.randint(3, 40)}号",
            approver=f"{town_name}人民政府",
            first=True,
        )
        rows.get("plan", plan_id)["current_version_id"] = version_id
        add_filing(rows, authority, version_id=version_id, unit_id=town_id, published=published, state=None)
        add_drill(
            rows,
            organiser=town_id,
            title=f"{town_name}{today.year}年防汛防风应急演练",
            start=today - timedelta(days=rng.randint(20, 300)),
            plan_ids=[plan_id],
            form=DrillForm.FIELD,
            scope=DrillScope.COMPREHENSIVE,
            scenario="台风暴雨，低洼片区群众转移。",
            location=address,
            participants=[town_name],
            head_count=rng.randint(50, 300),
        )
        town = (town_id, town_name, plan_id, duty, region)
        for _ in range(per_town[i]):
            risk = risks[rng.randrange(len(risks))]
            word = rng.choice(parts["words"])
            name = f"开平市{town_name[:2]}{word}{parts['suffix'][risk]}"
            while name in names:
                name = f"开平市{town_name[:2]}{word}{rng.choice(parts['words'])}{parts['suffix'][risk]}"
            names.add(name)
            add_enterprise(
                rows, authority, usccs, random_spec(rows, name=name, risk=risk, town=town, lapse=0.12)
            )
            made += 1
            if made % 200 == 0 or made == total:
                if flush is not None:
                    flush()
                if progress is not None:
                    progress("生成并写入企业数据", made, total)
    return LargeTotals(towns=20, enterprises=made)
