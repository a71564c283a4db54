"""One enterprise of the demo database (``planmgr demo``, see ``services/demo.py``).

``add_enterprise`` turns an ``EnterpriseSpec`` (unit data, a risk template of
``db/seed/enterprise_templates.json``, the dates that matter) into the unit and everything it
keeps: the 综合应急预案 under its town's plan, 专项应急预案 and 现场处置方案 under that (GB29639
§5) with their versions, 应急处置卡 for the key posts (ENT Art.19), drills on the ENT
Art.33 cycles, evaluations (ENT Art.35) and, for units that must file, filings (ENT Art.26).
The small set fills the spec with hand-set dates for its scenarios (``services/demo_scenarios.py``),
the county-scale set with random ones (``services/demo_large.py``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random
from typing import Any

from planmgr.domain.enums import (
    DrillForm,
    DrillScope,
    DrillStatus,
    EnterpriseScale,
    EvaluationConclusion,
    EvaluationMethod,
    Industry,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.domain.flags import flags_for
from planmgr.domain.validators import USCC_CHARSET, uscc_check_char
from planmgr.services.demo_builders import (
    Authority,
    FilingState,
    add_drill,
    add_evaluation,
    add_plan,
    add_versions,
    drill_evaluation,
    drill_summary,
)
from planmgr.services.demo_rows import Row, Rows, add_months, fill, load_seed
from planmgr.services.drill_evaluation import YES_NO

# ENT Art.27, named as services.filings names them (MATERIAL_*)
ENT_MATERIALS = ("应急预案备案申报表", "评审意见", "预案电子文档", "风险评估结果和应急资源调查清单")
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


@dataclass(frozen=True)
class Town:
    """The town (街道) an enterprise lies in: its unit, plan and duty phone."""

    unit_id: int
    name: str
    plan_id: int
    duty_phone: str
    region_code: str


@dataclass
class EnterpriseSpec:
    """One enterprise to generate: its unit data, risk template and the dates that matter."""

    name: str
    risk: str
    scale: EnterpriseScale
    key_enterprise: bool
    town: Town
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


def add_enterprise(rows: Rows, authority: Authority, usccs: UsccMaker, spec: EnterpriseSpec) -> EnterpriseIds:
    """The enterprise unit and everything it keeps: plans, versions, cards, drills, filings."""
    ent = _Enterprise(rows, authority, usccs, spec)
    comp_id, comp_versions = ent.comprehensive_plan()
    special_ids = ent.special_plans(comp_id)
    onsite_ids: list[int] = []
    onsite_versions: list[list[int]] = []
    card_ids: list[int] = []
    for position, index in enumerate(spec.onsite):
        plan_id, versions = ent.onsite_plan(comp_id, position, index)
        onsite_ids.append(plan_id)
        onsite_versions.append([v for v, _ in versions])
        card_ids.extend(ent.cards(plan_id, position, index, versions, len(card_ids)))
    ent.extra_plan(comp_id)
    drills = ent.drills(comp_id, special_ids, onsite_ids)
    ent.evaluations([comp_id, *special_ids, *onsite_ids], comp_id)
    return EnterpriseIds(
        ent.unit_id, comp_id, [v for v, _ in comp_versions], onsite_ids, onsite_versions, drills, card_ids
    )


class _Enterprise:
    """What the parts of one enterprise share: its unit, template, contacts and numbering."""

    def __init__(self, rows: Rows, authority: Authority, usccs: UsccMaker, spec: EnterpriseSpec) -> None:
        templates = load_seed("enterprise_templates.json")
        self.rows = rows
        self.rng = rows.rng
        self.authority = authority
        self.spec = spec
        self.common = templates["common"]
        self.risk = templates["risks"][spec.risk]
        industry = RISK_INDUSTRY[spec.risk]
        self.flags = flags = flags_for(industry, spec.scale)
        self.unit_id = rows.add(
            "unit",
            {
                "name": spec.name,
                "kind": UnitKind.ENTERPRISE.value,
                "parent_id": spec.town.unit_id,
                "uscc": usccs.make(),
                "region_code": spec.town.region_code,
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
            "town": spec.town.name,
            "legal_rep": spec.legal_rep,
            "contact": spec.contact,
        }
        self.contacts = [
            {"name": f"{spec.name}应急值班电话", "role": "报警与联络", "phone": spec.phone},
            {"name": spec.legal_rep, "role": "应急总指挥", "phone": spec.phone},
            {"name": spec.contact, "role": "应急副总指挥", "phone": spec.phone},
            {"name": f"{spec.town.name}应急值班室", "role": "属地镇（街道）", "phone": spec.town.duty_phone},
            {"name": authority.name, "role": "上级应急管理部门", "phone": "0750-2288110"},
            {"name": "火警", "role": "消防救援", "phone": "119"},
            {"name": "急救", "role": "医疗救护", "phone": "120"},
            {"name": "报警", "role": "公安", "phone": "110"},
        ]
        self.resources = [
            {**r, "keeper": f"{spec.name}{r['keeper']}"}
            for r in self.risk["resources"] + self.common["resources"]
        ]
        self.base = {
            "grading": fill(self.common["grading"], names),
            "response_levels": fill(self.common["response_levels"], names),
            "work_groups": fill(self.common["work_groups"], names),
            "procedure": fill(self.common["procedure"], names),
            "contacts": self.contacts,
            "resources": self.resources,
        }
        self.materials = (
            ENT_MATERIALS if flags.listed_for_review else tuple(m for m in ENT_MATERIALS if m != "评审意见")
        )
        self.doc_serial = self.rng.randint(1, 5)

    def next_serial(self) -> int:
        self.doc_serial += 1
        return self.doc_serial

    def new_plan(
        self, title: str, category: PlanCategory, parent: int, events: list[str], content: Row
    ) -> int:
        return add_plan(
            self.rows,
            owner=self.unit_id,
            title=title,
            category=category,
            event_types=events,
            parent=parent,
            content=content,
            on=self.spec.first_published - timedelta(days=30),
        )

    def publish(
        self,
        plan_id: int,
        title: str,
        content: Row,
        *,
        revised: date | None = None,
        trigger: str | None = None,
        change: str | None = None,
        filing: FilingState | None = None,
    ) -> list[tuple[int, date]]:
        """Version 1 on the first publication day, a major revision on ``revised``; each filed."""
        spec = self.spec
        dates = [spec.first_published] if revised is None else [spec.first_published, revised]
        return add_versions(
            self.rows,
            plan_id=plan_id,
            title=title,
            content=content,
            published=dates,
            doc=f"{spec.name.removeprefix('开平市')[:2]}安",
            serial=self.next_serial,
            approver=spec.legal_rep,
            trigger=trigger,
            change=change,
            filed_with=self.authority if self.flags.must_file else None,
            filings=[*[spec.all_filings] * (len(dates) - 1), filing or spec.all_filings],
            materials=self.materials,
        )

    def comprehensive_plan(self) -> tuple[int, list[tuple[int, date]]]:
        """综合应急预案 (GB29639 §5), under the town's plan it must agree with."""
        spec, risk, common = self.spec, self.risk, self.common
        title = f"{spec.name}生产安全事故综合应急预案"
        content = {
            "scope": (
                f"适用于{spec.name}（{risk['business']}）生产经营过程中各类生产安全事故的应对。"
                + risk["risk_summary"]
            ),
            **self.base,
            "measures": [m for s in risk["specials"] for m in s["measures"]][:5],
            "precautions": list(common["precautions"]),
        }
        plan_id = self.new_plan(
            title, PlanCategory.ENT_COMPREHENSIVE, spec.town.plan_id, risk["event_types"], content
        )
        trigger = self.rng.choice(ENT_TRIGGERS) if spec.comp_revised is not None else None
        versions = self.publish(
            plan_id,
            title,
            content,
            revised=spec.comp_revised,
            trigger=trigger,
            change=f"因“{trigger}”修订：调整应急响应分级和处置程序，补充主要处置措施。" if trigger else None,
            filing=spec.comp_filing,
        )
        plan = self.rows.get("plan", plan_id)
        plan["status"] = spec.comp_status.value
        if spec.comp_status is PlanStatus.REVISING:
            working = copy.deepcopy(content)
            working["measures"] = [*working["measures"], "（修订稿）补充与相邻企业的应急联动和信息互通措施。"]
            plan["content"] = working
        return plan_id, versions

    def special_plans(self, comp_id: int) -> list[int]:
        spec = self.spec
        plan_ids: list[int] = []
        for special in self.risk["specials"][: spec.n_specials]:
            title = f"{spec.name}{special['title']}"
            content = {
                "scope": f"适用于{spec.name}{special['title'].removesuffix('专项应急预案')}的应对。",
                **self.base,
                "measures": list(special["measures"]),
                "precautions": list(self.common["precautions"][:2]),
            }
            plan_id = self.new_plan(title, PlanCategory.ENT_SPECIAL, comp_id, special["event_types"], content)
            self.publish(plan_id, title, content)
            plan_ids.append(plan_id)
        return plan_ids

    def onsite_plan(self, comp_id: int, position: int, index: int) -> tuple[int, list[tuple[int, date]]]:
        """The 现场处置方案 of scene ``index`` of the risk template; the first may be revised."""
        spec = self.spec
        scene = self.risk["onsite"][index]
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
            "contacts": self.contacts,
            "resources": self.resources[:2],
        }
        plan_id = self.new_plan(
            title, PlanCategory.ENT_ONSITE, comp_id, self.risk["event_types"][:1], content
        )
        versions = self.publish(
            plan_id,
            title,
            content,
            revised=spec.onsite_revised if position == 0 else None,
            trigger=ENT_TRIGGERS[3],
            change="根据演练发现的问题修订应急处置程序和处置措施。",
        )
        return plan_id, versions

    def cards(
        self, plan_id: int, position: int, index: int, versions: list[tuple[int, date]], numbered: int
    ) -> list[int]:
        """应急处置卡 for the key posts of a 现场处置方案 (ENT Art.19); ``numbered`` made before."""
        rows, spec = self.rows, self.spec
        scene = self.risk["onsite"][index]
        card_ids: list[int] = []
        for card_no in range(spec.cards_per_onsite):
            stale = position == 0 and card_no == 0 and spec.stale_card and len(versions) > 1
            based_on, issued = versions[0] if stale else versions[-1]
            post = scene["post"] if card_no == 0 else "带班负责人"
            steps = scene["steps"] if card_no == 0 else scene["steps"][:4]
            card_id = rows.add(
                "handling_card",
                {
                    "plan_id": plan_id,
                    "unit_id": self.unit_id,
                    "number": f"CZK-{self.unit_id:05d}-{numbered + len(card_ids) + 1:02d}",
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
                (f"{spec.town.name}应急值班室", spec.town.duty_phone, True),
            ]
            for n, (name, phone, external) in enumerate(card_contacts, start=1):
                rows.add(
                    "card_contact",
                    {"card_id": card_id, "position": n, "name": name, "phone": phone, "external": external},
                )
        return card_ids

    def extra_plan(self, comp_id: int) -> None:
        """A plan that is not in force (drafting, in review or abolished), if the spec has one."""
        spec = self.spec
        if spec.extra_plan is None:
            return
        title, status = spec.extra_plan
        add_plan(
            self.rows,
            owner=self.unit_id,
            title=f"{spec.name}{title}",
            category=PlanCategory.ENT_SPECIAL,
            event_types=["meteorological"],
            parent=comp_id,
            status=status,
            content={
                **self.base,
                "scope": f"（{status.label}）适用于{spec.name}{title.removesuffix('专项应急预案')}。",
                "measures": [],
                "precautions": [],
            },
        )

    def drills(
        self, comp_id: int, special_ids: list[int], onsite_ids: list[int]
    ) -> dict[int, list[tuple[int, date]]]:
        """综合/专项 drills once a year, each 现场处置方案 every six months (ENT Art.33)."""
        rows, rng, spec, risk = self.rows, self.rng, self.spec, self.risk
        drills: dict[int, list[tuple[int, date]]] = {}
        problems = risk["findings"]
        participants = [spec.name]
        high_risk = self.flags.high_risk
        comp_title = f"{spec.name}生产安全事故综合应急预案"
        for n, day in enumerate(
            _drill_dates(spec.comp_last_drill, 12, spec.first_published, max(1, spec.history // 2))
        ):
            plans = [comp_id, *special_ids[:1]]
            field_drill = n % 2 == 0
            form = DrillForm.FIELD if field_drill else DrillForm.TABLETOP
            drill_id = add_drill(
                rows,
                organiser=self.unit_id,
                title=f"{spec.name}{day.year}年生产安全事故综合应急演练",
                start=day,
                plan_ids=plans,
                form=form,
                scope=DrillScope.COMPREHENSIVE,
                scenario=risk["drill"],
                location=spec.address,
                participants=[*participants, f"{spec.town.name}应急管理办公室"]
                if field_drill
                else participants,
                tags=["双盲"] if rng.random() < 0.15 else [],
                reported=high_risk,
                evaluation=self.evaluation(form, day) if n == 0 or rng.random() < 0.4 else None,
                summary=_summary(rng.choice(problems), comp_title) if n == 0 else None,
                head_count=rng.randint(30, 180),
            )
            for plan_id in plans:
                drills.setdefault(plan_id, []).append((drill_id, day))
        for position, plan_id in enumerate(onsite_ids):
            last = spec.onsite_last_drill[position] if position < len(spec.onsite_last_drill) else None
            scene = risk["onsite"][spec.onsite[position]]
            for n, day in enumerate(_drill_dates(last, 6, spec.first_published, spec.history)):
                form = DrillForm.FIELD if rng.random() < 0.7 else DrillForm.TABLETOP
                drill_id = add_drill(
                    rows,
                    organiser=self.unit_id,
                    title=f"{scene['title'].removesuffix('现场处置方案')}现场处置演练（{_half(day)}）",
                    start=day,
                    plan_ids=[plan_id],
                    form=form,
                    scope=DrillScope.SINGLE,
                    scenario=scene["risks"],
                    location=f"{spec.name}{scene['place']}",
                    participants=participants,
                    reported=high_risk,
                    evaluation=self.evaluation(form, day) if n == 0 and rng.random() < 0.5 else None,
                    summary=_summary(rng.choice(problems), scene["title"])
                    if n == 0 and rng.random() < 0.3
                    else None,
                )
                drills.setdefault(plan_id, []).append((drill_id, day))
        if spec.planned_drill is not None:
            day, index = spec.planned_drill
            add_drill(
                rows,
                organiser=self.unit_id,
                title=f"{spec.name}{day.year}年{'综合' if index < 0 else '现场处置'}应急演练（计划）",
                start=day,
                plan_ids=[comp_id if index < 0 else onsite_ids[index]],
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
                organiser=self.unit_id,
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
        for ids in drills.values():
            ids.sort(key=lambda pair: pair[1], reverse=True)
        return drills

    def evaluation(self, form: DrillForm, day: date) -> dict[str, Any]:
        """The evaluation of a drill held that day: 3 to 5 points an item, now and then a 否."""
        rng = self.rng
        return drill_evaluation(
            form,
            day,
            f"{self.spec.name}演练评估组",
            lambda item: rng.random() < 0.9 if item.kind == YES_NO else rng.randint(3, 5),
        )

    def evaluations(self, plan_ids: list[int], comp_id: int) -> None:
        """One assessment (ENT Art.35) covers all plans of the unit; only the 综合 may need revising."""
        spec = self.spec
        if spec.evaluation is None:
            return
        method = EvaluationMethod.EXPERT if self.flags.listed_for_review else EvaluationMethod.SELF
        for plan_id in plan_ids:
            revise = plan_id == comp_id and spec.evaluation_conclusion is not EvaluationConclusion.KEEP
            add_evaluation(
                self.rows,
                plan_id=plan_id,
                day=spec.evaluation,
                evaluators=f"{spec.name}预案评估小组"
                if method is EvaluationMethod.SELF
                else "开平市安全生产专家库专家",
                method=method,
                conclusion=(
                    spec.evaluation_conclusion if plan_id == comp_id else EvaluationConclusion.KEEP
                ).value,
                findings="应急物资台账与现场不一致，应急响应分级需细化，建议修订。"
                if revise
                else "预案与现行法规、风险和资源相符。",
            )


def _drill_dates(last: date | None, months: int, floor: date, cycles: int) -> list[date]:
    """Drill days going back from ``last`` every ``months``, not before ``floor``."""
    dates: list[date] = []
    day = last
    while day is not None and day >= floor and len(dates) < cycles:
        dates.append(day)
        day = add_months(day, -months) + timedelta(days=3)
    return dates


def _half(day: date) -> str:
    return f"{day.year}年{'上' if day.month <= 6 else '下'}半年"


def _summary(problem: str, plan_title: str) -> dict[str, Any]:
    return drill_summary(
        f"按《{plan_title}》组织演练，参演人员按处置卡完成报警、处置和疏散。",
        problem,
        "处置卡简明实用，关键岗位人员熟悉处置步骤。",
        "针对发现的问题组织专项培训，下次演练复核整改效果。",
    )
