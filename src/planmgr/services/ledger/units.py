"""单位台账: match rows to units (by 统一社会信用代码, else by name + 上级单位) and write them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from planmgr.domain.enums import EnterpriseScale, Industry
from planmgr.domain.flags import flags_for
from planmgr.domain.i18n import tr
from planmgr.domain.validators import normalise_uscc
from planmgr.exchange.ledger_columns import LedgerKind, column_by_field
from planmgr.exchange.ledger_records import UnitRecord
from planmgr.exchange.ledger_validate import ParsedLedger
from planmgr.services.ledger.bulk import (
    ChangeSet,
    MatchedRow,
    Updated,
    carry_over,
    diff,
    enum_value,
    insert_audited,
    new_row,
    update_rows,
)
from planmgr.services.ledger.directory import Ref, UnitInfo, Units
from planmgr.services.ledger.parents import parent_first, report_loops
from planmgr.services.ledger.tables import UNIT
from planmgr.store.base import new_uid, utcnow

UNIT_FIELDS = (
    "name",
    "kind",
    "uscc",
    "region_code",
    "industry",
    "scale",
    "key_enterprise",
    "address",
    "legal_rep",
    "contact",
    "phone",
)
UNIT_FLAGS = ("must_file", "high_risk", "listed_for_review")


@dataclass
class UnitRow(MatchedRow[UnitRecord]):
    """``values``: the unit's columns except ``parent_id`` (known once the parent is written)."""

    parent_uid: str | None


class UnitChanges(ChangeSet[UnitRow]):
    def __init__(self, rows: list[UnitRow], db_ids: dict[str, int]) -> None:
        super().__init__(rows)
        self.db_ids = db_ids  # uid -> id of the units already in the database

    def write(self, conn: Connection) -> Iterator[int]:
        now = utcnow()
        ids = dict(self.db_ids)
        # Parents before children, a level at a time, so that every row is inserted with
        # its parent's id (no second pass over the new rows).
        for level in levels(self.new, self.db_ids):
            inserts = [
                new_row(r.uid, r.values, now, {"parent_id": ids[r.parent_uid] if r.parent_uid else None})
                for r in level
            ]
            added = yield from insert_audited(
                conn, UNIT, level, inserts, ("name", "kind", "uscc", "parent_id")
            )
            ids.update(added)
        updates: list[Updated] = []
        for r in self.changed:
            assert r.existing is not None
            after = {**r.existing, **r.values, "parent_id": ids[r.parent_uid] if r.parent_uid else None}
            updates.append((r.uid, after, diff(r.existing, after)))
        yield from update_rows(conn, UNIT, updates, [*UNIT_FIELDS, *UNIT_FLAGS, "parent_id"])


def levels(rows: list[UnitRow], known: dict[str, int]) -> list[list[UnitRow]]:
    """New rows grouped by depth below the units already known (parent loops were refused)."""
    by_uid = {r.uid: r for r in rows}
    depth: dict[str, int] = {}

    def depth_of(row: UnitRow) -> int:
        chain = []
        node: UnitRow | None = row
        while node is not None and node.uid not in depth:
            chain.append(node)
            parent = node.parent_uid
            node = by_uid.get(parent) if parent is not None and parent not in known else None
        level = depth[node.uid] + 1 if node is not None else 0
        for item in reversed(chain):
            depth[item.uid] = level
            level += 1
        return depth[row.uid]

    grouped: dict[int, list[UnitRow]] = defaultdict(list)
    for row in rows:
        grouped[depth_of(row)].append(row)
    return [grouped[k] for k in sorted(grouped)]


def unit_values(
    record: UnitRecord, present: frozenset[str], existing: dict[str, Any] | None
) -> dict[str, Any]:
    given = {
        "name": record.name,
        "kind": record.kind.value,
        "uscc": record.uscc,
        "region_code": record.region_code,
        "industry": enum_value(record.industry),
        "scale": enum_value(record.scale),
        "key_enterprise": record.key_enterprise,
        "address": record.address,
        "legal_rep": record.legal_rep,
        "contact": record.contact,
        "phone": record.phone,
    }
    if existing is None:
        values = given
    else:
        values = carry_over(existing, given, UNIT_FIELDS, present)
        if record.uscc is None:
            values["uscc"] = existing["uscc"]  # an empty cell never removes an identity
    # Flags follow industry and scale (DOMAIN.md §3; ENT Art.21/26/35). They are only
    # recomputed when those change, so flags set by hand survive a re-import.
    if existing is None or (values["industry"], values["scale"]) != (existing["industry"], existing["scale"]):
        flags = flags_for(
            Industry(values["industry"]) if values["industry"] else None,
            EnterpriseScale(values["scale"]) if values["scale"] else None,
        )
        values.update(
            must_file=flags.must_file, high_risk=flags.high_risk, listed_for_review=flags.listed_for_review
        )
    else:
        values.update({k: existing[k] for k in UNIT_FLAGS})
    return values


def match_units(conn: Connection, parsed: ParsedLedger) -> UnitChanges:
    records = [r for r in parsed.records if isinstance(r, UnitRecord)]
    present = parsed.present
    units = Units(conn)
    existing_rows = {
        r["id"]: dict(r) for r in conn.execute(select(UNIT).where(UNIT.c.deleted_at.is_(None))).mappings()
    }
    bad: set[int] = set()

    # Rows of this file by USCC and by name, for 上级单位 references.
    file_uscc: dict[str, int] = {}
    file_names: dict[str, list[int]] = defaultdict(list)
    for i, rec in enumerate(records):
        if rec.uscc and rec.uscc in file_uscc:
            earlier = records[file_uscc[rec.uscc]].row
            parsed.error(rec.row, "uscc", tr("与第 {row} 行的统一社会信用代码重复", row=earlier))
            bad.add(i)
        elif rec.uscc:
            file_uscc[rec.uscc] = i
        file_names[rec.name].append(i)
    parents: dict[int, Ref | None] = dict.fromkeys(range(len(records)))
    for i, rec in enumerate(records):
        if rec.parent is None or "parent" not in present:
            continue
        named = unit_parent(rec.parent, file_uscc, file_names, units)
        if isinstance(named, str) or named == ("file", i):
            if rec.parent not in parsed.rejected:  # else: the parent's own row is reported
                parsed.error(
                    rec.row, "parent", named if isinstance(named, str) else tr("上级单位不能是本单位")
                )
            bad.add(i)
        else:
            parents[i] = named

    # Match parents before children: name + parent needs the parent's identity.
    uid_of: dict[int, str] = {}
    db_of: dict[int, int | None] = {}
    parent_uid_of: dict[int, str | None] = {}
    keys: dict[tuple[Any, ...], int] = {}
    claimed: dict[int, int] = {}
    for i in parent_first(records, parents, bad, parsed, tr("上级单位")):
        rec, ref = records[i], parents[i]
        if ref is not None and ref[0] == "file" and ref[1] not in uid_of:
            continue  # its parent row has errors (reported there)
        parent_uid: str | None = None
        parent_db: int | None = None
        if ref is not None:
            parent_uid = units.by_id[ref[1]].uid if ref[0] == "db" else uid_of[ref[1]]
            parent_db = ref[1] if ref[0] == "db" else db_of[ref[1]]
        found = find_unit(rec, parent_db, ref is None or parent_db is not None, "parent" in present, units)
        if isinstance(found, str):
            parsed.error(rec.row, "uscc" if rec.uscc else "name", found)
            continue
        key = ("uscc", rec.uscc) if rec.uscc else ("name", rec.name, parent_uid)
        first = keys.get(key, claimed.get(found.id) if found else None)
        if first is not None:
            parsed.error(rec.row, "name", tr("与第 {row} 行是同一个单位（重复的行）", row=records[first].row))
            continue
        keys[key] = i
        if found is not None:
            claimed[found.id] = i
        uid_of[i] = found.uid if found else new_uid()
        db_of[i] = found.id if found else None
        parent_uid_of[i] = parent_uid

    rows: list[UnitRow] = []
    for i, uid in uid_of.items():
        db_id = db_of[i]
        existing = existing_rows[db_id] if db_id is not None else None
        new_parent = parent_uid_of[i]
        old_parent: str | None = None
        if existing is not None and existing["parent_id"] is not None:
            old_parent = units.by_id[existing["parent_id"]].uid
        if existing is not None and "parent" not in present:
            new_parent = old_parent
        row = UnitRow(records[i], uid, existing, unit_values(records[i], present, existing), new_parent)
        if existing is not None:
            row.changes = diff(existing, row.values)
            if new_parent != old_parent:
                row.changes["parent"] = [old_parent, new_parent]
        rows.append(row)
    report_loops(
        parsed, rows, {u.uid: u.parent_id for u in units.all if not u.deleted}, units.by_id, tr("上级单位")
    )
    return UnitChanges(rows, {u.uid: u.id for u in units.all})


def find_unit(
    rec: UnitRecord, parent_db: int | None, parent_known: bool, by_parent: bool, units: Units
) -> UnitInfo | str | None:
    """The database unit a row stands for: by USCC, else by name + parent (None: a new unit).

    ``parent_known`` is false when the row's parent is a new row of this file.
    """
    if rec.uscc:
        hit = units.by_uscc.get(rec.uscc)
        if hit is not None:
            if hit.deleted:
                return tr("该统一社会信用代码属于已删除的单位“{name}”，请先恢复该单位", name=hit.name)
            return hit
    named = [u for u in units.by_name.get(rec.name, ()) if u.uscc is None or rec.uscc is None]
    if not by_parent:
        if len(named) > 1:
            return tr(
                "数据库中有多个名为“{name}”的单位，请加上“{column}”列，或填写统一社会信用代码",
                name=rec.name,
                column=column_by_field(LedgerKind.UNITS, "parent").header,
            )
        return named[0] if named else None
    same = [u for u in named if parent_known and u.parent_id == parent_db]
    if len(same) > 1:
        return tr("数据库中有多个同名、同上级的单位，请填写统一社会信用代码以区分")
    if not same and len(named) == 1 and named[0].parent_id is None:
        # The only unit of that name, known without a parent (such as the database's own
        # unit registered by ``planmgr init``): the same unit, the ledger gives its parent.
        return named[0]
    return same[0] if same else None


def unit_parent(
    text: str, file_uscc: dict[str, int], file_names: dict[str, list[int]], units: Units
) -> Ref | str:
    code = normalise_uscc(text)
    if code in file_uscc:
        return ("file", file_uscc[code])
    in_file = file_names.get(text, [])
    if len(in_file) == 1:
        return ("file", in_file[0])
    if len(in_file) > 1:
        return tr(
            "本文件中有 {count} 个名为“{text}”的单位，请改填上级单位的统一社会信用代码",
            count=len(in_file),
            text=text,
        )
    found = units.resolve(text, tr("上级单位"), file_searched=True)
    return found if isinstance(found, str) else ("db", found.id)
