"""备案台账: match rows to filings and write them.

A row is the filing of its plan with that 受理部门 and 报送日期; else the plan's
current-version filing with that 受理部门 (its date is corrected); else a new filing of
the current version.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from planmgr.domain.i18n import tr
from planmgr.exchange.ledger_records import FilingRecord
from planmgr.exchange.ledger_validate import ParsedLedger
from planmgr.services.ledger.bulk import ChangeSet, MatchedRow, carry_over, diff
from planmgr.services.ledger.directory import PlanInfo, Plans, UnitInfo, Units
from planmgr.services.ledger.tables import FILING, VERSION
from planmgr.store.base import new_uid

FILING_FIELDS = (
    "authority_unit_id",
    "authority_name",
    "submitted_date",
    "status",
    "filing_number",
    "registered_date",
    "note",
)


class FilingRow(MatchedRow[FilingRecord]):
    """``values``: the filing's columns (of a new one, with its plan version and unit)."""


class FilingChanges(ChangeSet[FilingRow]):
    def write(self, conn: Connection) -> Iterator[int]:
        yield from self.write_rows(
            conn,
            FILING,
            defaults={"check_results": {}, "return_notice": []},
            keep=("plan_version_id", "authority_name", "submitted_date", "status"),
            columns=FILING_FIELDS,
        )


type _Pending = tuple[
    FilingRecord, PlanInfo, int, dict[str, Any], list[dict[str, Any]], dict[str, Any] | None
]


def match_filings(conn: Connection, parsed: ParsedLedger) -> FilingChanges:
    records = [r for r in parsed.records if isinstance(r, FilingRecord)]
    present = parsed.present
    units = Units(conn)
    plans = Plans(conn)
    version_plan = dict(conn.execute(select(VERSION.c.id, VERSION.c.plan_id)).all())
    f = FILING.c
    by_plan: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(
        select(
            f.id, f.uid, f.plan_version_id, f.filing_unit_id, f.row_version, *(f[c] for c in FILING_FIELDS)
        )
    ).mappings():
        by_plan[version_plan[r["plan_version_id"]]].append(dict(r))
    seen: dict[tuple[int, str, date | None], int] = {}
    claimed: set[int] = set()
    pending: list[_Pending] = []
    for rec in records:
        owner = units.resolve(rec.owner, tr("编制单位"))
        if isinstance(owner, str):
            parsed.error(rec.row, "owner", owner)
            continue
        plan = filing_plan(rec, owner, plans, parsed)
        if plan is None:
            continue
        if plan.current_version_id is None:
            parsed.error(
                rec.row,
                "plan",
                tr(
                    "预案“{title}”还没有已发布的版本，不能登记备案：请先在预案台账中填写版本号和发布日期",
                    title=plan.title,
                ),
            )
            continue
        key = (plan.id, rec.authority, rec.submitted_date)
        if key in seen:
            message = tr("与第 {row} 行是同一次备案（预案、受理部门和报送日期都相同）", row=seen[key])
            parsed.error(rec.row, "plan", message)
            continue
        seen[key] = rec.row
        named = units.by_name.get(rec.authority, [])
        given = {
            "authority_unit_id": named[0].id if len(named) == 1 else None,
            "authority_name": rec.authority,
            "submitted_date": rec.submitted_date,
            "status": rec.status.value,
            "filing_number": rec.filing_number,
            "registered_date": rec.registered_date,
            "note": rec.note,
        }
        candidates = [x for x in by_plan.get(plan.id, []) if x["authority_name"] == rec.authority]
        exact = next((x for x in candidates if x["submitted_date"] == rec.submitted_date), None)
        if exact is not None:
            claimed.add(exact["id"])
        pending.append((rec, plan, owner.id, given, candidates, exact))
    # Exact matches first, so that a row never takes a filing another row names exactly.
    rows: list[FilingRow] = []
    for rec, plan, owner_id, given, candidates, exact in pending:
        existing = exact
        if existing is None:
            current = [
                x
                for x in candidates
                if x["plan_version_id"] == plan.current_version_id and x["id"] not in claimed
            ]
            existing = current[0] if len(current) == 1 else None
        if existing is None:
            values = given | {"plan_version_id": plan.current_version_id, "filing_unit_id": owner_id}
            rows.append(FilingRow(rec, new_uid(), None, values))
            continue
        claimed.add(existing["id"])
        kept = ("authority_unit_id", "authority_name", "submitted_date", "status")
        values = carry_over(existing, given, FILING_FIELDS, present, kept)
        row = FilingRow(rec, existing["uid"], existing, values)
        row.changes = diff(existing, values)
        rows.append(row)
    return FilingChanges(rows)


def filing_plan(rec: FilingRecord, owner: UnitInfo, plans: Plans, parsed: ParsedLedger) -> PlanInfo | None:
    by_uid = plans.by_uid.get(rec.plan)
    if by_uid is not None and not by_uid.deleted:
        return by_uid
    same = plans.owned(rec.plan, owner.id)
    if len(same) == 1:
        return same[0]
    if same:
        message = tr(
            "编制单位“{owner}”有 {count} 个名为“{title}”的预案，请改填预案编号",
            owner=owner.name,
            count=len(same),
            title=rec.plan,
        )
        parsed.error(rec.row, "plan", message)
    else:
        parsed.error(
            rec.row,
            "plan",
            tr(
                "找不到编制单位“{owner}”的预案“{title}”：请先导入预案台账，或检查预案名称",
                owner=owner.name,
                title=rec.plan,
            ),
        )
    return None
