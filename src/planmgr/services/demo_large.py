"""The county-scale demo set (``planmgr demo --size large``, see ``services/demo.py``).

``add_generated_towns`` adds 20 generated towns to the small set's city, each with its town
plan and some 240 enterprises (520 in the first) drawn by ``random_spec``: mostly in good
standing, some with drills let slip. Rows are flushed every 200 enterprises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from random import Random

from planmgr.domain.enums import DrillForm, DrillScope, EnterpriseScale, PlanCategory, UnitKind
from planmgr.domain.flags import flags_for
from planmgr.services.demo_builders import Authority, add_drill, add_plan, add_versions
from planmgr.services.demo_enterprise import RISK_INDUSTRY, EnterpriseSpec, Town, UsccMaker, add_enterprise
from planmgr.services.demo_rows import Progress, Rows, add_months, fill, load_seed

__all__ = ["LargeTotals", "add_generated_towns", "add_months", "person", "random_spec"]


def person(rng: Random) -> str:
    parts = load_seed("enterprise_templates.json")["name_parts"]
    return str(rng.choice(parts["surnames"]) + rng.choice(parts["given"]))


def random_spec(
    rows: Rows,
    *,
    name: str,
    risk: str,
    town: Town,
    lapse: float,
) -> EnterpriseSpec:
    """An enterprise in good standing, or — with probability ``lapse`` — one that let drills slip."""
    rng = rows.rng
    today = rows.today
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
        town=town,
        address=f"开平市{town.name}{rng.choice(('工业大道', '兴业路', '环城路'))}{rng.randint(1, 300)}号",
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
        plan_id = add_plan(
            rows,
            owner=town_id,
            title=title,
            category=PlanCategory.TOWN,
            event_types=town_tpl["event_types"],
            parent=overall_plan_id,
            content=content,
        )
        add_versions(
            rows,
            plan_id=plan_id,
            title=title,
            content=content,
            published=[published],
            doc=f"{town_name[:2]}府",
            serial=partial(rng.randint, 3, 40),
            approver=f"{town_name}人民政府",
            filed_with=authority,
        )
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
        town = Town(town_id, town_name, plan_id, duty, region)
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
