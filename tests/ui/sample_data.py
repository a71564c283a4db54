"""A small plan system built with ORM inserts (no Qt): one city, its departments and a
town with villages and enterprises, and their plans linked in a hierarchy.

Used by the GUI tests and the hierarchy service tests; the demo builder is separate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine, insert

from planmgr.domain.enums import DatabaseMode, PlanCategory, PlanStatus, UnitKind
from planmgr.services.settings import set_identity
from planmgr.store.base import new_uid, utcnow
from planmgr.store.database import session_scope
from planmgr.store.models import Plan, PlanVersion, Unit

CITY = "青山市人民政府"
OVERALL = "青山市突发事件总体应急预案"
FLOOD = "青山市防汛防旱应急预案"
WORK_SAFETY = "青山市生产安全事故应急预案"
DEPARTMENT = "青山市应急管理局部门应急预案"
TOWN_PLAN = "河口镇突发事件总体应急预案"
VILLAGE_PLANS = ["东湖村突发事件应急预案", "西岭村突发事件应急预案"]
ENTERPRISE_PLAN = "青山化工有限公司生产安全事故综合应急预案"
ONSITE_PLANS = ["储罐区泄漏现场处置方案", "装卸区火灾现场处置方案"]
DELETED_PLAN = "已删除的旧预案"


@dataclass
class Sample:
    uids: dict[str, str] = field(default_factory=dict)  # title or unit name -> uid

    def __getitem__(self, name: str) -> str:
        return self.uids[name]


def build_sample(engine: Engine, *, identity: bool = True) -> Sample:
    sample = Sample()
    with session_scope(engine) as session:

        def unit(name: str, kind: UnitKind, parent: Unit | None = None, uscc: str | None = None) -> Unit:
            row = Unit(name=name, kind=kind.value, parent_id=parent.id if parent else None, uscc=uscc)
            session.add(row)
            session.flush()
            sample.uids[name] = row.uid
            return row

        def plan(
            title: str,
            category: PlanCategory,
            owner: Unit,
            parent: Plan | None = None,
            status: PlanStatus = PlanStatus.PUBLISHED,
            version: str | None = "1.0",
        ) -> Plan:
            row = Plan(
                title=title,
                category=category.value,
                owner_unit_id=owner.id,  # type: ignore[arg-type]
                parent_id=parent.id if parent else None,
                status=status.value,
            )
            session.add(row)
            session.flush()
            if version is not None:
                ver = PlanVersion(
                    plan_id=row.id,  # type: ignore[arg-type]
                    label=version,
                    title=title,
                    published_date=date(2024, 3, 1),
                )
                session.add(ver)
                session.flush()
                row.current_version_id = ver.id
                session.add(row)
            sample.uids[title] = row.uid
            return row

        city = unit(CITY, UnitKind.CITY)
        office = unit("青山市应急管理局", UnitKind.DEPARTMENT, city)
        water = unit("青山市水利局", UnitKind.DEPARTMENT, city)
        town = unit("河口镇人民政府", UnitKind.TOWN, city)
        villages = [
            unit("东湖村民委员会", UnitKind.VILLAGE, town),
            unit("西岭村民委员会", UnitKind.VILLAGE, town),
        ]
        chem = unit("青山化工有限公司", UnitKind.ENTERPRISE, town, uscc="91440783MA4UJ2XQ8K")

        overall = plan(OVERALL, PlanCategory.OVERALL, city, version="2.0")
        plan(FLOOD, PlanCategory.SPECIAL, water, overall, status=PlanStatus.REVISING)
        plan(WORK_SAFETY, PlanCategory.SPECIAL, office, overall)
        plan(DEPARTMENT, PlanCategory.DEPARTMENT, office, overall, status=PlanStatus.DRAFTING, version=None)
        town_plan = plan(TOWN_PLAN, PlanCategory.TOWN, town, overall)
        for title, village in zip(VILLAGE_PLANS, villages, strict=True):
            plan(title, PlanCategory.VILLAGE, village, town_plan, status=PlanStatus.IN_REVIEW, version=None)
        ent = plan(ENTERPRISE_PLAN, PlanCategory.ENT_COMPREHENSIVE, chem, town_plan)
        for title in ONSITE_PLANS:
            plan(title, PlanCategory.ENT_ONSITE, chem, ent)
        gone = plan(DELETED_PLAN, PlanCategory.SPECIAL, office, overall, status=PlanStatus.ABOLISHED)
        gone.deleted_at = utcnow()
        session.add(gone)
        city_uid = city.uid
    if identity:
        set_identity(engine, city_uid, DatabaseMode.OFFICE)
    return sample


# ------------------------------------------------------------------ large database

BIG_TOWN_CHILDREN = 500


def generate_large(
    engine: Engine, *, towns: int = 20, enterprises_per_town: int = 200, content_chars: int = 0
) -> dict[str, object]:
    """~25,000 plans: city → specials/departments/towns → villages/enterprises → their plans.

    ``content_chars`` of Chinese text in each plan's content, so rows have a realistic size.
    Core inserts with explicit ids (DESIGN.md §9: ORM add_all is too slow for this)."""
    now = utcnow()
    content = (
        {"scope": "适用于本行政区域内突发事件的应对工作。" * (content_chars // 18)} if content_chars else {}
    )
    units: list[dict[str, object]] = []
    plans: list[dict[str, object]] = []
    versions: list[dict[str, object]] = []

    def add_unit(name: str, kind: UnitKind, parent: int | None) -> int:
        uid_ = len(units) + 1
        units.append(
            {
                "id": uid_,
                "uid": new_uid(),
                "name": name,
                "kind": kind.value,
                "parent_id": parent,
                "created_at": now,
                "updated_at": now,
            }
        )
        return uid_

    def add_plan(title: str, category: PlanCategory, owner: int, parent: int | None) -> int:
        pid = len(plans) + 1
        plans.append(
            {
                "id": pid,
                "uid": new_uid(),
                "owner_unit_id": owner,
                "title": title,
                "category": category.value,
                "event_types": [],
                "parent_id": parent,
                "status": "published",
                "current_version_id": pid,
                "content": content,
                "created_at": now,
                "updated_at": now,
            }
        )
        versions.append(
            {
                "id": pid,
                "uid": new_uid(),
                "plan_id": pid,
                "label": "1.0",
                "content": {},
                "title": title,
                "created_at": now,
            }
        )
        return pid

    city = add_unit("大市人民政府", UnitKind.CITY, None)
    overall = add_plan("大市突发事件总体应急预案", PlanCategory.OVERALL, city, None)
    for d in range(30):
        dept = add_unit(f"部门{d:02d}", UnitKind.DEPARTMENT, city)
        special = add_plan(f"专项应急预案{d:02d}", PlanCategory.SPECIAL, dept, overall)
        add_plan(f"部门应急预案{d:02d}", PlanCategory.DEPARTMENT, dept, special)
    big_town_uid = ""
    for t in range(towns):
        town = add_unit(f"镇{t:02d}", UnitKind.TOWN, city)
        town_plan = add_plan(f"镇{t:02d}总体应急预案", PlanCategory.TOWN, town, overall)
        if t == 0:
            big_town_uid = str(plans[-1]["uid"])
            villages, firms = 100, BIG_TOWN_CHILDREN - 100
        else:
            villages, firms = 20, enterprises_per_town
        for v in range(villages):
            village = add_unit(f"镇{t:02d}村{v:03d}", UnitKind.VILLAGE, town)
            add_plan(f"镇{t:02d}村{v:03d}应急预案", PlanCategory.VILLAGE, village, town_plan)
        for e in range(firms):
            firm = add_unit(f"镇{t:02d}企业{e:03d}", UnitKind.ENTERPRISE, town)
            comprehensive = add_plan(
                f"企业{t:02d}-{e:03d}综合应急预案", PlanCategory.ENT_COMPREHENSIVE, firm, town_plan
            )
            add_plan(f"企业{t:02d}-{e:03d}专项应急预案", PlanCategory.ENT_SPECIAL, firm, comprehensive)
            for k in range(4):
                add_plan(f"企业{t:02d}-{e:03d}现场处置方案{k}", PlanCategory.ENT_ONSITE, firm, comprehensive)
    with engine.begin() as conn:
        conn.execute(insert(Unit.__table__), units)  # type: ignore[attr-defined]
        conn.execute(insert(Plan.__table__), plans)  # type: ignore[attr-defined]
        conn.execute(insert(PlanVersion.__table__), versions)  # type: ignore[attr-defined]
    return {"plans": len(plans), "units": len(units), "big_town": big_town_uid}
