"""Ledger export: the database's units, plans, drills and filings as ledger records and files.

What an export writes imports back unchanged: units and plans come parents first, and a
reference names a row the way the import finds it again (``directory``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from planmgr.domain.enums import (
    DrillForm,
    DrillPurpose,
    DrillScope,
    EnterpriseScale,
    EventType,
    FilingStatus,
    Industry,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.exchange.ledger_records import DrillRecord, FilingRecord, LedgerRecord, PlanRecord, UnitRecord
from planmgr.exchange.ledger_refs import join_references
from planmgr.exchange.ledger_xlsx import write_ledger
from planmgr.services.ledger.directory import Plans, Units
from planmgr.services.ledger.plans import live_plans
from planmgr.services.ledger.tables import DRILL, DRILL_PLAN, EVALUATION, FILING, PLAN, UNIT, VERSION
from planmgr.store.errors import translated

type ExportFilter = Collection[str] | Callable[[str, LedgerRecord], bool] | None


@dataclass(frozen=True)
class ExportResult:
    kind: LedgerKind
    path: Path
    rows: int


def _keep(only: ExportFilter, uid: str, record: LedgerRecord) -> bool:
    if only is None:
        return True
    if callable(only):
        return bool(only(uid, record))
    return uid in only


def ledger_records(
    engine: Engine, kind: LedgerKind | str, *, only: ExportFilter = None
) -> list[LedgerRecord]:
    """What an export writes, as plain records (parents before children for units and plans).

    ``only`` limits the rows: a collection of uids (what a list page shows), or a
    predicate called with (uid, record).
    """
    kind = LedgerKind(kind)
    if only is not None and not callable(only):
        only = frozenset(only)
    with translated(), engine.connect() as conn:
        if kind is LedgerKind.UNITS:
            pairs = _unit_records(conn)
        elif kind is LedgerKind.PLANS:
            pairs = _plan_records(conn)
        elif kind is LedgerKind.DRILLS:
            pairs = _drill_records(conn)
        else:
            pairs = _filing_records(conn)
    return [record for uid, record in pairs if _keep(only, uid, record)]


def export_ledger(
    engine: Engine, kind: LedgerKind | str, path: Path | str, *, only: ExportFilter = None
) -> ExportResult:
    """Write the ledger of ``kind`` to ``path`` (.xlsx or .csv)."""
    kind = LedgerKind(kind)
    records = ledger_records(engine, kind, only=only)
    write_ledger(Path(path), kind, records)
    return ExportResult(kind, Path(path), len(records))


def _tree_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parents before their children, siblings in creation order."""
    ids = {r["id"] for r in rows}
    children: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        children[r["parent_id"] if r["parent_id"] in ids else None].append(r)
    ordered: list[dict[str, Any]] = []
    stack = list(reversed(children[None]))
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if node["id"] in seen:
            continue
        seen.add(node["id"])
        ordered.append(node)
        stack.extend(reversed(children.get(node["id"], [])))
    ordered.extend(r for r in rows if r["id"] not in seen)  # loops, should there be any
    return ordered


def _unit_records(conn: Connection) -> list[tuple[str, LedgerRecord]]:
    units = Units(conn)
    rows = [
        dict(r)
        for r in conn.execute(select(UNIT).where(UNIT.c.deleted_at.is_(None)).order_by(UNIT.c.id)).mappings()
    ]
    return [
        (
            r["uid"],
            UnitRecord(
                row=0,
                name=r["name"],
                kind=UnitKind(r["kind"]),
                uscc=r["uscc"],
                parent=units.reference(r["parent_id"]),
                region_code=r["region_code"],
                industry=Industry(r["industry"]) if r["industry"] else None,
                scale=EnterpriseScale(r["scale"]) if r["scale"] else None,
                key_enterprise=bool(r["key_enterprise"]),
                address=r["address"],
                legal_rep=r["legal_rep"],
                contact=r["contact"],
                phone=r["phone"],
            ),
        )
        for r in _tree_order(rows)
    ]


def _plan_records(conn: Connection) -> list[tuple[str, LedgerRecord]]:
    units = Units(conn)
    plans = Plans(conn)
    rows = [dict(r) for r in conn.execute(live_plans().order_by(PLAN.c.id)).mappings()]
    v = VERSION.c
    versions = {
        vid: (label, published)
        for vid, label, published in conn.execute(select(v.id, v.label, v.published_date))
    }
    last_eval = dict(
        conn.execute(
            select(EVALUATION.c.plan_id, func.max(EVALUATION.c.eval_date)).group_by(EVALUATION.c.plan_id)
        ).all()
    )
    out: list[tuple[str, LedgerRecord]] = []
    for r in _tree_order(rows):
        label, published = versions.get(r["current_version_id"], (None, None))
        out.append(
            (
                r["uid"],
                PlanRecord(
                    row=0,
                    uid=r["uid"],
                    title=r["title"],
                    category=PlanCategory(r["category"]),
                    owner=units.reference(r["owner_unit_id"]) or "",
                    parent=plans.reference(r["parent_id"]),
                    event_types=tuple(EventType(e) for e in r["event_types"] or ()),
                    version_label=label,
                    published_date=published,
                    status=PlanStatus(r["status"]),
                    last_evaluation=last_eval.get(r["id"]),
                    note=r["note"],
                ),
            )
        )
    return out


def _drill_records(conn: Connection) -> list[tuple[str, LedgerRecord]]:
    units = Units(conn)
    plans = Plans(conn)
    links: dict[int, list[int]] = defaultdict(list)
    for drill_id, plan_id in conn.execute(
        select(DRILL_PLAN.c.drill_id, DRILL_PLAN.c.plan_id).order_by(DRILL_PLAN.c.id)
    ):
        links[drill_id].append(plan_id)
    d = DRILL.c
    out: list[tuple[str, LedgerRecord]] = []
    for r in conn.execute(select(DRILL).where(d.deleted_at.is_(None)).order_by(d.start, d.id)).mappings():
        names = [plans.reference(pid, r["organiser_unit_id"]) or "" for pid in links.get(r["id"], [])]
        conclusion = (r["evaluation"] or {}).get("conclusion")
        out.append(
            (
                r["uid"],
                DrillRecord(
                    row=0,
                    title=r["title"],
                    organiser=units.reference(r["organiser_unit_id"]) or "",
                    plans=join_references(names),
                    start=r["start"],
                    form=DrillForm(r["form"]),
                    scope=DrillScope(r["scope"]),
                    purpose=DrillPurpose(r["purpose"]),
                    tags=tuple(r["tags"] or ()),
                    location=r["location"],
                    head_count=r["head_count"],
                    conclusion=str(conclusion) if conclusion else None,
                    note=r["note"],
                ),
            )
        )
    return out


def _filing_records(conn: Connection) -> list[tuple[str, LedgerRecord]]:
    units = Units(conn)
    plans = Plans(conn)
    version_plan = dict(conn.execute(select(VERSION.c.id, VERSION.c.plan_id)).all())
    f = FILING.c
    out: list[tuple[str, LedgerRecord]] = []
    for r in conn.execute(select(FILING).order_by(f.submitted_date.asc().nulls_last(), f.id)).mappings():
        plan = plans.by_id[version_plan[r["plan_version_id"]]]
        if plan.deleted:
            continue
        # Its title names the plan again when the owner has one plan of that title.
        unique = len(plans.owned(plan.title, plan.owner_unit_id)) == 1
        out.append(
            (
                r["uid"],
                FilingRecord(
                    row=0,
                    plan=plan.title if unique else plan.uid,
                    owner=units.reference(plan.owner_unit_id) or "",
                    authority=r["authority_name"],
                    status=FilingStatus(r["status"]),
                    submitted_date=r["submitted_date"],
                    filing_number=r["filing_number"],
                    registered_date=r["registered_date"],
                    note=r["note"],
                ),
            )
        )
    return out
