"""演练台账: match rows to drills (by organiser + title + 演练日期) and write them, with the
plans each drill exercised (关联预案)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, select

from planmgr.domain.enums import DrillPurpose, DrillScope, DrillStatus
from planmgr.domain.i18n import join, semicolons, tr
from planmgr.exchange.ledger_records import DrillRecord
from planmgr.exchange.ledger_refs import segment_references
from planmgr.exchange.ledger_validate import ParsedLedger
from planmgr.services.ledger.bulk import ChangeSet, MatchedRow, audit, carry_over, chunks, diff, insert_chunks
from planmgr.services.ledger.directory import Plans, Units
from planmgr.services.ledger.tables import DRILL, DRILL_PLAN
from planmgr.store.base import new_uid

DRILL_FIELDS = (
    "title",
    "organiser_unit_id",
    "start",
    "form",
    "scope",
    "purpose",
    "tags",
    "location",
    "head_count",
    "evaluation",
    "note",
)


@dataclass
class DrillRow(MatchedRow[DrillRecord]):
    plan_ids: list[int]
    add_links: list[int] = field(default_factory=list)
    drop_links: list[tuple[int, int]] = field(default_factory=list)  # (drill_plan id, plan id)


class DrillChanges(ChangeSet[DrillRow]):
    def write(self, conn: Connection) -> Iterator[int]:
        ids = yield from self.write_rows(
            conn,
            DRILL,
            defaults={"participant_units": [], "log": [], "summary": {}, "reported_to_authority": False},
            keep=("title", "organiser_unit_id", "start", "status", "plan_ids"),
            columns=DRILL_FIELDS,
            extra=lambda r: {"plan_ids": r.plan_ids},
        )
        ids.update({r.uid: r.existing["id"] for r in self.changed if r.existing is not None})
        links = [{"drill_id": ids[r.uid], "plan_id": pid} for r in self.new for pid in r.plan_ids]
        links += [{"drill_id": ids[r.uid], "plan_id": pid} for r in self.changed for pid in r.add_links]
        for _ in insert_chunks(conn, DRILL_PLAN, links):
            pass
        audit(conn, "drill_plan", "insert", links)
        drops = [(link_id, ids[r.uid], pid) for r in self.changed for link_id, pid in r.drop_links]
        for chunk in chunks(drops, 500):
            conn.execute(delete(DRILL_PLAN).where(DRILL_PLAN.c.id.in_([d[0] for d in chunk])))
        audit(conn, "drill_plan", "delete", [{"id": i, "drill_id": d, "plan_id": p} for i, d, p in drops])


def match_drills(conn: Connection, parsed: ParsedLedger, today: date) -> DrillChanges:
    records = [r for r in parsed.records if isinstance(r, DrillRecord)]
    present = parsed.present
    units = Units(conn)
    plans = Plans(conn)
    d = DRILL.c
    existing_by_key: dict[tuple[int, str, date], list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(
        select(d.id, d.uid, *(d[c] for c in DRILL_FIELDS), d.row_version).where(d.deleted_at.is_(None))
    ).mappings():
        existing_by_key[(r["organiser_unit_id"], r["title"], r["start"])].append(dict(r))
    links: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for link_id, drill_id, plan_id in conn.execute(
        select(DRILL_PLAN.c.id, DRILL_PLAN.c.drill_id, DRILL_PLAN.c.plan_id)
    ):
        links[drill_id].append((link_id, plan_id))
    rows: list[DrillRow] = []
    seen: dict[tuple[int, str, date], int] = {}
    # A plan is drilled again and again: resolve each 关联预案 text once per organiser.
    resolved: dict[tuple[str, int], list[int] | str] = {}
    for rec in records:
        organiser = units.resolve(rec.organiser, tr("组织单位"))
        if isinstance(organiser, str):
            parsed.error(rec.row, "organiser", organiser)
            continue
        plan_ids = resolved.get((rec.plans, organiser.id))
        if plan_ids is None:
            plan_ids = resolved[(rec.plans, organiser.id)] = drill_plans(rec.plans, organiser.id, plans)
        if isinstance(plan_ids, str):
            parsed.error(rec.row, "plans", plan_ids)
            continue
        key = (organiser.id, rec.title, rec.start)
        if key in seen:
            message = tr("与第 {row} 行是同一次演练（组织单位、名称和日期都相同）", row=seen[key])
            parsed.error(rec.row, "title", message)
            continue
        seen[key] = rec.row
        candidates = existing_by_key.get(key, [])
        if len(candidates) > 1:
            parsed.error(
                rec.row, "title", tr("数据库中已有多次同名、同日期的该单位演练，无法确定要更新哪一次")
            )
            continue
        existing = candidates[0] if candidates else None
        given = {
            "title": rec.title,
            "organiser_unit_id": organiser.id,
            "start": rec.start,
            "form": rec.form.value,
            "scope": (rec.scope or DrillScope.SINGLE).value,
            "purpose": (rec.purpose or DrillPurpose.TEST).value,
            "tags": list(rec.tags),
            "location": rec.location,
            "head_count": rec.head_count,
            "note": rec.note,
        }
        if existing is None:
            values = given | {"evaluation": {"conclusion": rec.conclusion} if rec.conclusion else {}}
            # The ledger has no status column: a drill dated before today is taken as held
            # (done), one dated today or later as planned. Re-imports leave the status alone.
            values["status"] = (DrillStatus.DONE if rec.start < today else DrillStatus.PLANNED).value
            rows.append(DrillRow(rec, new_uid(), None, values, plan_ids))
            continue
        values = carry_over(existing, given, DRILL_FIELDS, present, ("organiser_unit_id",))
        if "conclusion" in present:
            evaluation = dict(existing["evaluation"] or {})
            if rec.conclusion:
                evaluation["conclusion"] = rec.conclusion
            else:
                evaluation.pop("conclusion", None)
            values["evaluation"] = evaluation
        row = DrillRow(rec, existing["uid"], existing, values, plan_ids)
        row.changes = diff(existing, values)
        current = links.get(existing["id"], [])
        have = {pid for _lid, pid in current}
        row.add_links = [pid for pid in plan_ids if pid not in have]
        row.drop_links = [(lid, pid) for lid, pid in current if pid not in plan_ids]
        if row.add_links or row.drop_links:
            row.changes["plans"] = [sorted(have), sorted(plan_ids)]
        rows.append(row)
    return DrillChanges(rows)


def drill_plans(text: str, organiser_id: int, plans: Plans) -> list[int] | str:
    """The plans a 关联预案 cell names (ties go to the organiser's own plans), or the reason."""

    def resolve(part: str) -> int | str | None:
        found = plans.lookup(part, organiser_id)
        return found if found is None or isinstance(found, str) else found.id

    found, unknown = segment_references(text, resolve)
    problems = [f for f in found if isinstance(f, str)]
    if unknown:
        problems.append(tr("找不到预案“{titles}”：请先导入预案台账，或检查预案名称", titles=join(unknown)))
    ids = [f for f in found if isinstance(f, int)]
    if not problems and not ids:
        problems.append(tr("必填项不能为空"))
    return semicolons(dict.fromkeys(problems)) if problems else ids
