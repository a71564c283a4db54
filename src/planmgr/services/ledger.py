"""Ledger (台账) import and export: units, plans, drills, filings (DESIGN.md §6).

Import is all or nothing. ``LedgerImport`` is a Qt-free job in two steps (STYLE.md §6/§7):
``validate()`` reads the file, checks every cell and matches every row against the
database without writing; ``write()`` then applies the changes in one transaction with
SQLAlchemy Core bulk statements (ORM ``add_all`` is ~6× slower, DESIGN.md §9). Both are
generators that yield ``Progress`` and honour a cancel flag; ``import_ledger`` wraps them
for the CLI. Any bad cell leaves the database untouched and every problem is reported.

Matching (re-importing the same ledger changes nothing, writes no audit rows):
- units: by 统一社会信用代码, else by name + parent unit;
- plans: by 预案编号 (the plan's uid), else by title + owner unit;
- drills: by organiser + title + 演练日期;
- filings: by plan + 受理部门 + 报送日期, else the plan's current-version filing with that
  受理部门 (its date is corrected), else a new filing of the current version.
A column the file does not have leaves that field alone; an empty cell of a column it
has clears the field — except identity cells (统一社会信用代码, 预案编号) and history
(plan versions, evaluations), which an import never removes.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Literal, Protocol

from sqlalchemy import Connection, Engine, Table, bindparam, delete, func, insert, select, update
from sqlalchemy import exc as sa_exc
from sqlmodel import SQLModel

from planmgr.domain.enums import (
    DrillForm,
    DrillPurpose,
    DrillScope,
    DrillStatus,
    EnterpriseScale,
    EventType,
    FilingStatus,
    Industry,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.domain.errors import ConflictError
from planmgr.domain.flags import flags_for
from planmgr.domain.validators import normalise_uscc
from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.exchange.ledger_read import LedgerBook, LedgerFileError, open_book
from planmgr.exchange.ledger_records import (
    DrillRecord,
    FilingRecord,
    LedgerError,
    LedgerRecord,
    PlanRecord,
    UnitRecord,
)
from planmgr.exchange.ledger_refs import cycle_members, join_references, segment_references
from planmgr.exchange.ledger_validate import ParsedLedger, parse_steps, read_sheet
from planmgr.exchange.ledger_xlsx import write_errors_workbook, write_ledger
from planmgr.store import models as _models  # noqa: F401  (registers the tables)
from planmgr.store import search
from planmgr.store.audit import write_entries
from planmgr.store.base import new_uid, utcnow
from planmgr.store.errors import translated

_UNIT: Table = SQLModel.metadata.tables["unit"]
_PLAN: Table = SQLModel.metadata.tables["plan"]
_VERSION: Table = SQLModel.metadata.tables["plan_version"]
_EVALUATION: Table = SQLModel.metadata.tables["evaluation"]
_DRILL: Table = SQLModel.metadata.tables["drill"]
_DRILL_PLAN: Table = SQLModel.metadata.tables["drill_plan"]
_FILING: Table = SQLModel.metadata.tables["filing"]

CHUNK = 2000
# Above this many changed plans the search index is rebuilt instead of patched row by row.
_REINDEX_ALL_ABOVE = 100

STAGE_READ = "读取文件"
STAGE_VALIDATE = "校验数据"
STAGE_WRITE = "写入数据库"


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    stage: str


class CancelFlag(Protocol):
    """Anything with ``is_set()`` — a ``threading.Event`` does."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class ImportReport:
    kind: LedgerKind
    source: str
    sheet: str
    rows: int
    inserted: int
    updated: int
    unchanged: int
    errors: tuple[LedgerError, ...]
    dry_run: bool
    written: bool
    cancelled: bool
    seconds: float
    encoding: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled


@dataclass(frozen=True)
class ExportResult:
    kind: LedgerKind
    path: Path
    rows: int


class _Cancelled(Exception):
    pass


def _cancelled(cancel: CancelFlag | None) -> bool:
    return cancel is not None and cancel.is_set()


# =================================================================== directories


type Ref = tuple[Literal["db", "file"], int]


@dataclass(frozen=True, slots=True)
class _UnitInfo:
    id: int
    uid: str
    name: str
    kind: str
    uscc: str | None
    parent_id: int | None
    deleted: bool


class _Units:
    """Units of the database, for resolving what a cell names (uid, USCC or name)."""

    def __init__(self, conn: Connection) -> None:
        u = _UNIT.c
        rows = conn.execute(
            select(u.id, u.uid, u.name, u.kind, u.uscc, u.parent_id, u.deleted_at.is_not(None))
        ).all()
        self.all = [_UnitInfo(*r) for r in rows]
        self.by_id = {x.id: x for x in self.all}
        self.by_uid = {x.uid: x for x in self.all}
        self.by_uscc = {x.uscc: x for x in self.all if x.uscc}
        self.by_name: dict[str, list[_UnitInfo]] = defaultdict(list)
        for x in self.all:
            if not x.deleted:
                self.by_name[x.name].append(x)

    def resolve(self, text: str, what: str) -> _UnitInfo | str:
        """The unit ``text`` names, or the Chinese reason it names none."""
        found = self.by_uid.get(text) or self.by_uscc.get(normalise_uscc(text))
        if found is not None:
            return f"{what}“{found.name}”已删除" if found.deleted else found
        named = self.by_name.get(text, [])
        if len(named) == 1:
            return named[0]
        if named:
            return f"有 {len(named)} 个名为“{text}”的单位，请改填统一社会信用代码"
        return f"找不到{what}“{text}”：请先导入单位台账，或检查名称是否与单位台账一致"

    def reference(self, unit_id: int | None) -> str | None:
        """How an export names a unit: its name if unique, else its USCC, else its uid."""
        if unit_id is None:
            return None
        unit = self.by_id[unit_id]
        if len(self.by_name.get(unit.name, ())) <= 1 and not unit.deleted:
            return unit.name
        return unit.uscc or unit.uid


@dataclass(frozen=True, slots=True)
class _PlanInfo:
    id: int
    uid: str
    title: str
    owner_unit_id: int
    current_version_id: int | None
    deleted: bool


class _Plans:
    def __init__(self, conn: Connection) -> None:
        p = _PLAN.c
        rows = conn.execute(
            select(p.id, p.uid, p.title, p.owner_unit_id, p.current_version_id, p.deleted_at.is_not(None))
        ).all()
        self.all = [_PlanInfo(*r) for r in rows]
        self.by_id = {x.id: x for x in self.all}
        self.by_uid = {x.uid: x for x in self.all}
        self.by_title: dict[str, list[_PlanInfo]] = defaultdict(list)
        for x in self.all:
            if not x.deleted:
                self.by_title[x.title].append(x)

    def lookup(self, text: str, owner_id: int | None = None) -> _PlanInfo | str | None:
        """The plan ``text`` names (uid or title; ``owner_id`` breaks ties), a reason, or None."""
        found = self.by_uid.get(text)
        if found is not None:
            return f"预案“{found.title}”已删除" if found.deleted else found
        named = self.by_title.get(text, [])
        if len(named) > 1 and owner_id is not None:
            named = [x for x in named if x.owner_unit_id == owner_id] or named
        if len(named) == 1:
            return named[0]
        if named:
            return f"有 {len(named)} 个名为“{text}”的预案，请改填预案编号"
        return None

    def reference(self, plan_id: int | None, owner_id: int | None = None) -> str | None:
        """How an export names a plan: its title if that finds it again, else its uid."""
        if plan_id is None:
            return None
        plan = self.by_id[plan_id]
        return plan.title if self.lookup(plan.title, owner_id) == plan else plan.uid


# ====================================================================== helpers


def _plain(value: Any) -> Any:
    """A value as the audit trail stores it (JSON)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _value(member: Enum | None) -> Any:
    return None if member is None else member.value


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [_plain(before.get(k)), _plain(v)] for k, v in after.items() if before.get(k) != v}


def _chunks[T](rows: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> Iterator[int]:
    """Bulk insert in chunks; yields the number of rows written per chunk."""
    for chunk in _chunks(rows):
        conn.execute(insert(table), list(chunk))
        yield len(chunk)


def _max_id(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.max(table.c.id))).scalar() or 0)


def _new_ids(conn: Connection, table: Table, after_id: int) -> dict[str, int]:
    """uid -> id of the rows inserted after ``after_id`` (this transaction holds the write lock)."""
    return {
        uid: id_ for uid, id_ in conn.execute(select(table.c.uid, table.c.id).where(table.c.id > after_id))
    }


def _update(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], columns: Sequence[str]
) -> Iterator[int]:
    """Bulk update by id, guarded by ``row_version`` (someone else's change is a conflict)."""
    if not rows:
        return
    values: dict[Any, Any] = {c: bindparam("v_" + c, type_=table.c[c].type) for c in columns}
    values["row_version"] = table.c.row_version + 1
    values["updated_at"] = bindparam("b_now", type_=table.c.updated_at.type)
    statement = (
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.row_version == bindparam("b_rv"))
        .values(values)
    )
    now = utcnow()
    for chunk in _chunks(rows):
        params = [
            {"b_id": r["id"], "b_rv": r["row_version"], "b_now": now} | {"v_" + c: r[c] for c in columns}
            for r in chunk
        ]
        result = conn.execute(statement, params)
        if conn.dialect.supports_sane_multi_rowcount and result.rowcount != len(chunk):
            raise ConflictError("导入期间数据库中的记录被其他人修改，本次导入已全部撤销，请重新导入。")
        yield len(chunk)


def _audit(conn: Connection, table: str, action: str, entries: list[dict[str, Any]]) -> None:
    for chunk in _chunks(entries):
        write_entries(conn, table, action, list(chunk))


def _insert_entry(
    uid: str, id_: int, row: int, values: dict[str, Any], keep: Sequence[str]
) -> dict[str, Any]:
    """A summary audit entry for a row inserted by a bulk statement: what identifies it."""
    entry = {"uid": uid, "id": id_, "ledger_row": row}
    entry.update({k: _plain(values[k]) for k in keep if values.get(k) is not None})
    return entry


class _Changes(Protocol):
    inserted: int
    updated: int
    unchanged: int

    @property
    def work(self) -> int: ...

    def write(self, conn: Connection) -> Iterator[int]: ...


# ======================================================================== units


_UNIT_FIELDS = (
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
_UNIT_FLAGS = ("must_file", "high_risk", "listed_for_review")


@dataclass
class _UnitRow:
    record: UnitRecord
    uid: str
    existing: dict[str, Any] | None  # None: a new unit
    values: dict[str, Any]  # unit columns except parent_id
    parent_uid: str | None
    changes: dict[str, list[Any]] = field(default_factory=dict)


class _Matched(Protocol):
    existing: dict[str, Any] | None
    changes: dict[str, list[Any]]


class _ChangeSet[R: _Matched]:
    """Rows matched against the database, counted as new, changed and unchanged."""

    def __init__(self, rows: list[R]) -> None:
        self.rows = rows
        self.new = [r for r in rows if r.existing is None]
        self.changed = [r for r in rows if r.existing is not None and r.changes]
        self.inserted = len(self.new)
        self.updated = len(self.changed)
        self.unchanged = len(rows) - self.inserted - self.updated

    @property
    def work(self) -> int:
        return self.inserted + self.updated


class _UnitChanges(_ChangeSet[_UnitRow]):
    def __init__(self, rows: list[_UnitRow], db_ids: dict[str, int]) -> None:
        super().__init__(rows)
        self.db_ids = db_ids  # uid -> id of the units already in the database

    def write(self, conn: Connection) -> Iterator[int]:
        now = utcnow()
        ids = dict(self.db_ids)
        # Parents before children, a level at a time, so that every row is inserted with
        # its parent's id (no second pass over the new rows).
        for level in _levels(self.new, self.db_ids):
            before = _max_id(conn, _UNIT)
            inserts = [
                {
                    "uid": r.uid,
                    **r.values,
                    "parent_id": ids[r.parent_uid] if r.parent_uid else None,
                    "created_at": now,
                    "updated_at": now,
                    "row_version": 1,
                }
                for r in level
            ]
            yield from _insert(conn, _UNIT, inserts)
            ids.update(_new_ids(conn, _UNIT, before))
            _audit(
                conn,
                "unit",
                "insert",
                [
                    _insert_entry(
                        r.uid, ids[r.uid], r.record.row, values, ("name", "kind", "uscc", "parent_id")
                    )
                    for r, values in zip(level, inserts, strict=True)
                ],
            )
        updates = []
        entries = []
        for r in self.changed:
            assert r.existing is not None
            after = {**r.existing, **r.values, "parent_id": ids[r.parent_uid] if r.parent_uid else None}
            updates.append(after)
            entries.append({"uid": r.uid, "id": r.existing["id"], **_diff(r.existing, after)})
        yield from _update(conn, _UNIT, updates, [*_UNIT_FIELDS, *_UNIT_FLAGS, "parent_id"])
        _audit(conn, "unit", "update", entries)


def _levels(rows: list[_UnitRow], known: dict[str, int]) -> list[list[_UnitRow]]:
    """New rows grouped by depth below the units already known (parent loops were refused)."""
    by_uid = {r.uid: r for r in rows}
    depth: dict[str, int] = {}

    def depth_of(row: _UnitRow) -> int:
        chain = []
        node: _UnitRow | None = row
        while node is not None and node.uid not in depth:
            chain.append(node)
            parent = node.parent_uid
            node = by_uid.get(parent) if parent is not None and parent not in known else None
        level = depth[node.uid] + 1 if node is not None else 0
        for item in reversed(chain):
            depth[item.uid] = level
            level += 1
        return depth[row.uid]

    levels: dict[int, list[_UnitRow]] = defaultdict(list)
    for row in rows:
        levels[depth_of(row)].append(row)
    return [levels[k] for k in sorted(levels)]


def _unit_values(
    record: UnitRecord, present: frozenset[str], existing: dict[str, Any] | None
) -> dict[str, Any]:
    given = {
        "name": record.name,
        "kind": record.kind.value,
        "uscc": record.uscc,
        "region_code": record.region_code,
        "industry": _value(record.industry),
        "scale": _value(record.scale),
        "key_enterprise": record.key_enterprise,
        "address": record.address,
        "legal_rep": record.legal_rep,
        "contact": record.contact,
        "phone": record.phone,
    }
    if existing is None:
        values = given
    else:
        values = {k: existing[k] for k in _UNIT_FIELDS}
        values.update({k: v for k, v in given.items() if k in present})
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
        values.update({k: existing[k] for k in _UNIT_FLAGS})
    return values


def _match_units(conn: Connection, parsed: ParsedLedger) -> _UnitChanges:
    records = [r for r in parsed.records if isinstance(r, UnitRecord)]
    present = parsed.present
    units = _Units(conn)
    existing_rows = {
        r["id"]: dict(r) for r in conn.execute(select(_UNIT).where(_UNIT.c.deleted_at.is_(None))).mappings()
    }
    bad: set[int] = set()

    # Rows of this file by USCC and by name, for 上级单位 references.
    file_uscc: dict[str, int] = {}
    file_names: dict[str, list[int]] = defaultdict(list)
    for i, rec in enumerate(records):
        if rec.uscc and rec.uscc in file_uscc:
            parsed.error(rec.row, "uscc", f"与第 {records[file_uscc[rec.uscc]].row} 行的统一社会信用代码重复")
            bad.add(i)
        elif rec.uscc:
            file_uscc[rec.uscc] = i
        file_names[rec.name].append(i)
    parents: dict[int, Ref | None] = dict.fromkeys(range(len(records)))
    for i, rec in enumerate(records):
        if rec.parent is None or "parent" not in present:
            continue
        named = _unit_parent(rec.parent, file_uscc, file_names, units)
        if isinstance(named, str) or named == ("file", i):
            if rec.parent not in parsed.rejected:  # else: the parent's own row is reported
                parsed.error(rec.row, "parent", named if isinstance(named, str) else "上级单位不能是本单位")
            bad.add(i)
        else:
            parents[i] = named

    # Match parents before children: name + parent needs the parent's identity.
    uid_of: dict[int, str] = {}
    db_of: dict[int, int | None] = {}
    parent_uid_of: dict[int, str | None] = {}
    keys: dict[tuple[Any, ...], int] = {}
    claimed: dict[int, int] = {}
    for i in _parent_first(records, parents, bad, parsed, "上级单位"):
        rec, ref = records[i], parents[i]
        if ref is not None and ref[0] == "file" and ref[1] not in uid_of:
            continue  # its parent row has errors (reported there)
        parent_uid: str | None = None
        parent_db: int | None = None
        if ref is not None:
            parent_uid = units.by_id[ref[1]].uid if ref[0] == "db" else uid_of[ref[1]]
            parent_db = ref[1] if ref[0] == "db" else db_of[ref[1]]
        found = _find_unit(rec, parent_db, ref is None or parent_db is not None, "parent" in present, units)
        if isinstance(found, str):
            parsed.error(rec.row, "uscc" if rec.uscc else "name", found)
            continue
        key = ("uscc", rec.uscc) if rec.uscc else ("name", rec.name, parent_uid)
        first = keys.get(key, claimed.get(found.id) if found else None)
        if first is not None:
            parsed.error(rec.row, "name", f"与第 {records[first].row} 行是同一个单位（重复的行）")
            continue
        keys[key] = i
        if found is not None:
            claimed[found.id] = i
        uid_of[i] = found.uid if found else new_uid()
        db_of[i] = found.id if found else None
        parent_uid_of[i] = parent_uid

    rows: list[_UnitRow] = []
    for i, uid in uid_of.items():
        db_id = db_of[i]
        existing = existing_rows[db_id] if db_id is not None else None
        new_parent = parent_uid_of[i]
        old_parent: str | None = None
        if existing is not None and existing["parent_id"] is not None:
            old_parent = units.by_id[existing["parent_id"]].uid
        if existing is not None and "parent" not in present:
            new_parent = old_parent
        row = _UnitRow(records[i], uid, existing, _unit_values(records[i], present, existing), new_parent)
        if existing is not None:
            row.changes = _diff(existing, row.values)
            if new_parent != old_parent:
                row.changes["parent"] = [old_parent, new_parent]
        rows.append(row)
    _report_loops(
        parsed, rows, {u.uid: u.parent_id for u in units.all if not u.deleted}, units.by_id, "上级单位"
    )
    return _UnitChanges(rows, {u.uid: u.id for u in units.all})


def _find_unit(
    rec: UnitRecord, parent_db: int | None, parent_known: bool, by_parent: bool, units: _Units
) -> _UnitInfo | str | None:
    """The database unit a row stands for: by USCC, else by name + parent (None: a new unit).

    ``parent_known`` is false when the row's parent is a new row of this file.
    """
    if rec.uscc:
        hit = units.by_uscc.get(rec.uscc)
        if hit is not None:
            return f"该统一社会信用代码属于已删除的单位“{hit.name}”，请先恢复该单位" if hit.deleted else hit
    named = [u for u in units.by_name.get(rec.name, ()) if u.uscc is None or rec.uscc is None]
    if not by_parent:
        if len(named) > 1:
            return f"数据库中有多个名为“{rec.name}”的单位，请加上“上级单位”列，或填写统一社会信用代码"
        return named[0] if named else None
    same = [u for u in named if parent_known and u.parent_id == parent_db]
    if len(same) > 1:
        return "数据库中有多个同名、同上级的单位，请填写统一社会信用代码以区分"
    if not same and len(named) == 1 and named[0].parent_id is None:
        # The only unit of that name, known without a parent (such as the database's own
        # unit registered by ``planmgr init``): the same unit, the ledger gives its parent.
        return named[0]
    return same[0] if same else None


def _unit_parent(
    text: str, file_uscc: dict[str, int], file_names: dict[str, list[int]], units: _Units
) -> Ref | str:
    code = normalise_uscc(text)
    if code in file_uscc:
        return ("file", file_uscc[code])
    in_file = file_names.get(text, [])
    if len(in_file) == 1:
        return ("file", in_file[0])
    if len(in_file) > 1:
        return f"本文件中有 {len(in_file)} 个名为“{text}”的单位，请改填上级单位的统一社会信用代码"
    found = units.resolve(text, "上级单位")
    if isinstance(found, str):
        return found.replace(
            "请先导入单位台账，或检查名称是否与单位台账一致", "本文件和数据库中都没有这个单位"
        )
    return ("db", found.id)


def _parent_first(
    records: Sequence[LedgerRecord],
    parents: dict[int, Ref | None],
    bad: set[int],
    parsed: ParsedLedger,
    what: str,
) -> list[int]:
    """Good row indices, a parent row before its children; a loop of parents is an error."""
    links = {i: (ref[1] if ref is not None and ref[0] == "file" else None) for i, ref in parents.items()}
    for i in sorted(cycle_members(links)):
        parsed.error(
            records[i].row, "parent", f"{what}形成循环：第 {records[i].row} 行的上级最终又指向它自己"
        )
        bad.add(i)
    order: list[int] = []
    placed: set[int] = set()
    for start in range(len(records)):
        chain: list[int] = []
        node: int | None = start
        while node is not None and node not in placed and node not in bad:
            chain.append(node)
            node = links[node]
        if node is not None and node in bad:
            continue  # under a row with errors: checked once that row is fixed
        placed.update(chain)
        order.extend(reversed(chain))
    return order


def _report_loops(
    parsed: ParsedLedger,
    rows: Sequence[_UnitRow | _PlanRow],
    db_parent_ids: dict[str, int | None],
    by_id: dict[int, Any],
    what: str,
) -> None:
    """A loop through the database: a row's new parent already hangs below it there."""
    graph: dict[str, str | None] = {
        uid: (by_id[pid].uid if pid is not None and pid in by_id else None)
        for uid, pid in db_parent_ids.items()
    }
    graph.update({r.uid: r.parent_uid for r in rows})
    looped = cycle_members(graph)
    for r in rows:
        if r.uid in looped and not any(e.row == r.record.row and e.column == what for e in parsed.errors):
            parsed.error(r.record.row, "parent", f"{what}形成循环：它的上级最终又指向它自己")


# ======================================================================== plans


_PLAN_FIELDS = (
    "title",
    "category",
    "owner_unit_id",
    "parent_id",
    "event_types",
    "status",
    "note",
    "current_version_id",
)


@dataclass
class _PlanRow:
    record: PlanRecord
    uid: str
    existing: dict[str, Any] | None
    values: dict[str, Any]  # plan columns except parent_id and current_version_id
    parent_uid: str | None
    version: tuple[str, date] | None = None  # a new version to create and make current
    current_version_id: int | None = None  # an existing version to make current
    evaluation: date | None = None
    changes: dict[str, list[Any]] = field(default_factory=dict)


class _PlanChanges(_ChangeSet[_PlanRow]):
    def __init__(self, rows: list[_PlanRow], db_ids: dict[str, int]) -> None:
        super().__init__(rows)
        self.db_ids = db_ids

    @property
    def work(self) -> int:
        extra = sum(1 for r in self.rows if r.version) + sum(1 for r in self.rows if r.evaluation)
        return self.inserted + self.updated + extra

    def write(self, conn: Connection) -> Iterator[int]:
        now = utcnow()
        ids = dict(self.db_ids)
        before = _max_id(conn, _PLAN)
        inserts = [
            {
                "uid": r.uid,
                **r.values,
                "content": {},
                "parent_id": ids.get(r.parent_uid or ""),
                "current_version_id": None,
                "created_at": now,
                "updated_at": now,
                "row_version": 1,
            }
            for r in self.new
        ]
        yield from _insert(conn, _PLAN, inserts)
        ids.update(_new_ids(conn, _PLAN, before))

        # Published versions: of new plans, and new versions of plans already here
        # (their snapshot is the plan's structured content).
        with_version = [r for r in self.rows if r.version is not None]
        snapshots = _contents(conn, [r.existing["id"] for r in with_version if r.existing is not None])
        before = _max_id(conn, _VERSION)
        versions = [
            {
                "uid": new_uid(),
                "plan_id": ids[r.uid],
                "label": r.version[0],
                "published_date": r.version[1],
                "issued_date": None,
                "major": False,
                "content": snapshots.get(ids[r.uid], {}),
                "title": r.values["title"],
                "created_at": now,
            }
            for r in with_version
            if r.version is not None
        ]
        yield from _insert(conn, _VERSION, versions)
        version_ids = _new_ids(conn, _VERSION, before)
        current = {r.uid: r.current_version_id for r in self.rows if r.current_version_id is not None}
        current.update({r.uid: version_ids[v["uid"]] for r, v in zip(with_version, versions, strict=True)})

        late = [
            {"b_id": ids[r.uid], "v_parent": ids.get(r.parent_uid or ""), "v_current": current.get(r.uid)}
            for r in self.new
            if (r.parent_uid and r.parent_uid not in self.db_ids) or r.uid in current
        ]
        if late:
            conn.execute(
                update(_PLAN)
                .where(_PLAN.c.id == bindparam("b_id"))
                .values(parent_id=bindparam("v_parent"), current_version_id=bindparam("v_current")),
                late,
            )
        _audit(
            conn,
            "plan",
            "insert",
            [
                _insert_entry(
                    r.uid,
                    ids[r.uid],
                    r.record.row,
                    values
                    | {"parent_id": ids.get(r.parent_uid or ""), "current_version_id": current.get(r.uid)},
                    ("title", "category", "owner_unit_id", "status", "parent_id", "current_version_id"),
                )
                for r, values in zip(self.new, inserts, strict=True)
            ],
        )
        _audit(
            conn,
            "plan_version",
            "insert",
            [
                {
                    "uid": v["uid"],
                    "id": version_ids[v["uid"]],
                    "plan_id": v["plan_id"],
                    "label": v["label"],
                    "published_date": _plain(v["published_date"]),
                }
                for v in versions
            ],
        )

        updates = []
        entries = []
        for r in self.changed:
            assert r.existing is not None
            after = {
                **r.existing,
                **r.values,
                "parent_id": ids[r.parent_uid] if r.parent_uid else None,
                "current_version_id": current.get(r.uid, r.existing["current_version_id"]),
            }
            updates.append(after)
            if diff := _diff(r.existing, {k: after[k] for k in _PLAN_FIELDS}):
                entries.append({"uid": r.uid, "id": r.existing["id"], **diff})
        yield from _update(conn, _PLAN, updates, _PLAN_FIELDS)
        _audit(conn, "plan", "update", entries)

        before = _max_id(conn, _EVALUATION)
        evaluations: list[dict[str, Any]] = [
            {
                "uid": new_uid(),
                "plan_id": ids[r.uid],
                "eval_date": r.evaluation,
                "method": "self",
                "conclusion": "keep",
                "created_at": now,
            }
            for r in self.rows
            if r.evaluation is not None
        ]
        yield from _insert(conn, _EVALUATION, evaluations)
        eval_ids = _new_ids(conn, _EVALUATION, before)
        _audit(
            conn,
            "evaluation",
            "insert",
            [
                {
                    "uid": e["uid"],
                    "id": eval_ids[e["uid"]],
                    "plan_id": e["plan_id"],
                    "eval_date": _plain(e["eval_date"]),
                    "method": "self",
                    "conclusion": "keep",
                }
                for e in evaluations
            ],
        )
        self._index(conn)

    def _index(self, conn: Connection) -> None:
        """Keep the full-text search index in step (store/search.py)."""
        touched = self.new + [r for r in self.changed if {"title", "note"} & set(r.changes)]
        if len(touched) > _REINDEX_ALL_ABOVE:
            search.rebuild(conn)
        elif touched:
            contents = _contents(conn, [r.existing["id"] for r in touched if r.existing is not None])
            search.index_rows(
                conn,
                [
                    (
                        r.uid,
                        "plan",
                        *search.plan_document(
                            r.values["title"],
                            contents.get(r.existing["id"], {}) if r.existing else {},
                            r.values["note"],
                        ),
                    )
                    for r in touched
                ],
            )


def _contents(conn: Connection, plan_ids: list[int]) -> dict[int, Any]:
    """Structured content of some plans (loaded only where a version snapshot needs it)."""
    found: dict[int, Any] = {}
    for chunk in _chunks(plan_ids, 500):
        found.update(conn.execute(select(_PLAN.c.id, _PLAN.c.content).where(_PLAN.c.id.in_(chunk))).all())
    return found


@dataclass
class _PlanContext:
    """What matching a plans ledger needs from the database."""

    units: _Units
    plans: _Plans
    existing: dict[int, dict[str, Any]]
    versions: dict[int, dict[str, tuple[int, date | None]]]  # plan id -> label -> (version id, published)
    evaluated: dict[int, set[date]]  # plan id -> evaluation dates

    @classmethod
    def load(cls, conn: Connection) -> _PlanContext:
        p = _PLAN.c
        existing = {
            r["id"]: dict(r)
            for r in conn.execute(
                select(
                    p.id,
                    p.uid,
                    p.title,
                    p.category,
                    p.owner_unit_id,
                    p.parent_id,
                    p.event_types,
                    p.status,
                    p.note,
                    p.current_version_id,
                    p.row_version,
                ).where(p.deleted_at.is_(None))
            ).mappings()
        }
        versions: dict[int, dict[str, tuple[int, date | None]]] = defaultdict(dict)
        v = _VERSION.c
        for vid, plan_id, label, published in conn.execute(
            select(v.id, v.plan_id, v.label, v.published_date)
        ):
            versions[plan_id][label] = (vid, published)
        evaluated: dict[int, set[date]] = defaultdict(set)
        for plan_id, when in conn.execute(select(_EVALUATION.c.plan_id, _EVALUATION.c.eval_date)):
            evaluated[plan_id].add(when)
        return cls(_Units(conn), _Plans(conn), existing, versions, evaluated)


def _match_plans(conn: Connection, parsed: ParsedLedger) -> _PlanChanges:
    records = [r for r in parsed.records if isinstance(r, PlanRecord)]
    present = parsed.present
    ctx = _PlanContext.load(conn)
    plans = ctx.plans

    # Who owns each row and which plan it is: by 预案编号, else by title + owner.
    owners: dict[int, _UnitInfo] = {}
    uid_of: dict[int, str] = {}
    db_of: dict[int, int | None] = {}
    seen: dict[str | tuple[str, int], int] = {}  # 预案编号, or title + owner -> row index
    claimed: dict[int, int] = {}  # database plan id -> row index
    for i, rec in enumerate(records):
        owner = ctx.units.resolve(rec.owner, "编制单位")
        if isinstance(owner, str):
            parsed.error(rec.row, "owner", owner)
            continue
        found = _find_plan(rec, owner, plans)
        if isinstance(found, str):
            parsed.error(rec.row, "uid" if rec.uid else "title", found)
            continue
        key = rec.uid or (rec.title, owner.id)
        first = seen.get(key, claimed.get(found.id) if found else None)
        if first is not None:
            where = "预案编号" if rec.uid else "编制单位和预案名称"
            parsed.error(
                rec.row,
                "uid" if rec.uid else "title",
                f"与第 {records[first].row} 行的{where}相同，是同一个预案（重复的行）",
            )
            continue
        seen[key] = i
        if found is not None:
            claimed[found.id] = i
        owners[i] = owner
        uid_of[i] = found.uid if found else (rec.uid or new_uid())
        db_of[i] = found.id if found else None

    # 上级预案: a row of this file (by 预案编号, then title) or a plan in the database.
    file_uid = {uid: i for i, uid in uid_of.items()}
    file_uid.update({records[i].uid or "": i for i in uid_of if records[i].uid})  # as written
    file_titles: dict[str, list[int]] = defaultdict(list)
    for i in uid_of:
        file_titles[records[i].title].append(i)
    rows: list[_PlanRow] = []
    for i, uid in uid_of.items():
        rec = records[i]
        db_id = db_of[i]
        existing = ctx.existing[db_id] if db_id is not None else None
        old_parent = plans.by_id[existing["parent_id"]].uid if existing and existing["parent_id"] else None
        parent_uid = old_parent if "parent" not in present else None
        if "parent" in present and rec.parent is not None:
            parent_uid, problem = _plan_parent(rec.parent, uid_of, file_uid, file_titles, plans)
            if problem is None and parent_uid == uid:
                problem = "上级预案不能是本预案"
            if problem is not None:
                if rec.parent not in parsed.rejected:  # else: the parent's own row is reported
                    parsed.error(rec.row, "parent", problem)
                continue
        row = _plan_row(rec, uid, existing, owners[i], parent_uid, present, ctx, parsed)
        if row is None:
            continue
        if existing is not None and parent_uid != old_parent:
            row.changes["parent"] = [old_parent, parent_uid]
        rows.append(row)
    _report_loops(
        parsed,
        rows,
        {x.uid: ctx.existing[x.id]["parent_id"] for x in plans.all if not x.deleted},
        plans.by_id,
        "上级预案",
    )
    return _PlanChanges(rows, {x.uid: x.id for x in plans.all})


def _find_plan(rec: PlanRecord, owner: _UnitInfo, plans: _Plans) -> _PlanInfo | str | None:
    """The database plan a row stands for: by 预案编号, else by title + owner (None: new)."""
    if rec.uid is not None:
        hit = plans.by_uid.get(rec.uid)
        if hit is not None:
            return f"该预案编号属于已删除的预案“{hit.title}”" if hit.deleted else hit
        # An unknown 预案编号 (the office's own numbering, say) names a new plan that keeps
        # it as its uid — unless the owner already has a plan of that title.
    same = [x for x in plans.by_title.get(rec.title, ()) if x.owner_unit_id == owner.id]
    if len(same) > 1 and rec.uid is None:
        return "数据库中该编制单位有多个同名预案，请填写预案编号以区分"
    return same[0] if len(same) == 1 else None


def _plan_parent(
    text: str,
    uid_of: dict[int, str],
    file_uid: dict[str, int],
    file_titles: dict[str, list[int]],
    plans: _Plans,
) -> tuple[str | None, str | None]:
    """(the parent's uid, None) or (None, the Chinese reason it names no plan)."""
    if text in file_uid:
        return uid_of[file_uid[text]], None
    in_file = file_titles.get(text, [])
    if len(in_file) > 1:
        return None, f"本文件中有 {len(in_file)} 个名为“{text}”的预案，请改填上级预案的预案编号"
    if len(in_file) == 1:
        return uid_of[in_file[0]], None
    found = plans.lookup(text)
    if found is None:
        return None, f"找不到上级预案“{text}”：本文件和数据库中都没有这个预案"
    return (None, found) if isinstance(found, str) else (found.uid, None)


def _plan_row(
    rec: PlanRecord,
    uid: str,
    existing: dict[str, Any] | None,
    owner: _UnitInfo,
    parent_uid: str | None,
    present: frozenset[str],
    ctx: _PlanContext,
    parsed: ParsedLedger,
) -> _PlanRow | None:
    category = rec.category
    # 专项应急预案 of an enterprise is the enterprise category (DESIGN.md §6).
    if category is PlanCategory.SPECIAL and owner.kind == UnitKind.ENTERPRISE:
        category = PlanCategory.ENT_SPECIAL
    given = {
        "title": rec.title,
        "category": category.value,
        "owner_unit_id": owner.id,
        "event_types": [e.value for e in rec.event_types],
        "note": rec.note,
    }
    if existing is None:
        values = dict(given)
    else:
        values = {k: existing[k] for k in ("title", "category", "owner_unit_id", "event_types", "note")}
        values.update(
            {k: v for k, v in given.items() if k in present or k in ("title", "category", "owner_unit_id")}
        )
    row = _PlanRow(rec, uid, existing, values, parent_uid)
    ok = True
    known = ctx.versions.get(existing["id"], {}) if existing is not None else {}
    has_version = existing is not None and existing["current_version_id"] is not None
    if rec.version_label is not None:
        if rec.version_label in known:
            vid, published = known[rec.version_label]
            if rec.published_date is not None and rec.published_date != published:
                shown = published.isoformat() if published else "未填"
                parsed.error(
                    rec.row,
                    "published_date",
                    f"版本 {rec.version_label} 已登记，发布日期为 {shown}；已发布的版本不能修改，"
                    "修订后请填写新的版本号",
                )
                ok = False
            elif existing is not None and existing["current_version_id"] != vid:
                row.current_version_id = vid
            has_version = True
        elif rec.published_date is None:
            parsed.error(rec.row, "published_date", f"新版本 {rec.version_label} 须填写发布日期")
            ok = False
        else:
            row.version = (rec.version_label, rec.published_date)
            has_version = True
    status = rec.status
    if status is None:
        if existing is not None:
            status = PlanStatus(existing["status"])
        else:
            status = PlanStatus.PUBLISHED if row.version else PlanStatus.DRAFTING
    if status in (PlanStatus.PUBLISHED, PlanStatus.REVISING) and not has_version:
        parsed.error(
            rec.row,
            "status" if "status" in present else "version_label",
            f"状态为“{status.label}”的预案须填写版本号和发布日期",
        )
        ok = False
    values["status"] = status.value
    done = ctx.evaluated.get(existing["id"], set()) if existing is not None else set()
    if rec.last_evaluation is not None and rec.last_evaluation not in done:
        row.evaluation = rec.last_evaluation
    if not ok:
        return None
    if existing is not None:
        row.changes = _diff(existing, values)
        if row.version is not None:
            row.changes["version"] = [None, row.version[0]]
        if row.current_version_id is not None:
            row.changes["current_version_id"] = [existing["current_version_id"], row.current_version_id]
        if row.evaluation is not None:
            row.changes["evaluation"] = [None, row.evaluation.isoformat()]
    return row


# ======================================================================= drills


_DRILL_FIELDS = (
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
class _DrillRow:
    record: DrillRecord
    uid: str
    existing: dict[str, Any] | None
    values: dict[str, Any]
    plan_ids: list[int]
    add_links: list[int] = field(default_factory=list)
    drop_links: list[tuple[int, int]] = field(default_factory=list)  # (drill_plan id, plan id)
    changes: dict[str, list[Any]] = field(default_factory=dict)


class _DrillChanges(_ChangeSet[_DrillRow]):
    def write(self, conn: Connection) -> Iterator[int]:
        now = utcnow()
        before = _max_id(conn, _DRILL)
        inserts = [
            {
                "uid": r.uid,
                **r.values,
                "participant_units": [],
                "log": [],
                "summary": {},
                "reported_to_authority": False,
                "created_at": now,
                "updated_at": now,
                "row_version": 1,
            }
            for r in self.new
        ]
        yield from _insert(conn, _DRILL, inserts)
        ids = {r.uid: r.existing["id"] for r in self.changed if r.existing is not None}
        ids.update(_new_ids(conn, _DRILL, before))
        _audit(
            conn,
            "drill",
            "insert",
            [
                _insert_entry(
                    r.uid,
                    ids[r.uid],
                    r.record.row,
                    v | {"plan_ids": r.plan_ids},
                    ("title", "organiser_unit_id", "start", "status", "plan_ids"),
                )
                for r, v in zip(self.new, inserts, strict=True)
            ],
        )
        yield from _update(
            conn, _DRILL, [{**r.existing, **r.values} for r in self.changed if r.existing], _DRILL_FIELDS
        )
        _audit(conn, "drill", "update", [{"uid": r.uid, "id": ids[r.uid], **r.changes} for r in self.changed])
        links = [{"drill_id": ids[r.uid], "plan_id": pid} for r in self.new for pid in r.plan_ids]
        links += [{"drill_id": ids[r.uid], "plan_id": pid} for r in self.changed for pid in r.add_links]
        for _ in _insert(conn, _DRILL_PLAN, links):
            pass
        _audit(conn, "drill_plan", "insert", links)
        drops = [(link_id, ids[r.uid], pid) for r in self.changed for link_id, pid in r.drop_links]
        for chunk in _chunks(drops, 500):
            conn.execute(delete(_DRILL_PLAN).where(_DRILL_PLAN.c.id.in_([d[0] for d in chunk])))
        _audit(conn, "drill_plan", "delete", [{"id": i, "drill_id": d, "plan_id": p} for i, d, p in drops])


def _match_drills(conn: Connection, parsed: ParsedLedger, today: date) -> _DrillChanges:
    records = [r for r in parsed.records if isinstance(r, DrillRecord)]
    present = parsed.present
    units = _Units(conn)
    plans = _Plans(conn)
    d = _DRILL.c
    existing_by_key: dict[tuple[int, str, date], list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(
        select(d.id, d.uid, *(d[c] for c in _DRILL_FIELDS), d.row_version).where(d.deleted_at.is_(None))
    ).mappings():
        existing_by_key[(r["organiser_unit_id"], r["title"], r["start"])].append(dict(r))
    links: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for link_id, drill_id, plan_id in conn.execute(
        select(_DRILL_PLAN.c.id, _DRILL_PLAN.c.drill_id, _DRILL_PLAN.c.plan_id)
    ):
        links[drill_id].append((link_id, plan_id))
    rows: list[_DrillRow] = []
    seen: dict[tuple[int, str, date], int] = {}
    # A plan is drilled again and again: resolve each 关联预案 text once per organiser.
    resolved: dict[tuple[str, int], list[int] | str] = {}
    for rec in records:
        organiser = units.resolve(rec.organiser, "组织单位")
        if isinstance(organiser, str):
            parsed.error(rec.row, "organiser", organiser)
            continue
        plan_ids = resolved.get((rec.plans, organiser.id))
        if plan_ids is None:
            plan_ids = resolved[(rec.plans, organiser.id)] = _drill_plans(rec.plans, organiser.id, plans)
        if isinstance(plan_ids, str):
            parsed.error(rec.row, "plans", plan_ids)
            continue
        key = (organiser.id, rec.title, rec.start)
        if key in seen:
            parsed.error(rec.row, "title", f"与第 {seen[key]} 行是同一次演练（组织单位、名称和日期都相同）")
            continue
        seen[key] = rec.row
        candidates = existing_by_key.get(key, [])
        if len(candidates) > 1:
            parsed.error(rec.row, "title", "数据库中已有多次同名、同日期的该单位演练，无法确定要更新哪一次")
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
            rows.append(_DrillRow(rec, new_uid(), None, values, plan_ids))
            continue
        values = {k: existing[k] for k in _DRILL_FIELDS}
        values.update({k: v for k, v in given.items() if k in present or k in ("organiser_unit_id",)})
        if "conclusion" in present:
            evaluation = dict(existing["evaluation"] or {})
            if rec.conclusion:
                evaluation["conclusion"] = rec.conclusion
            else:
                evaluation.pop("conclusion", None)
            values["evaluation"] = evaluation
        row = _DrillRow(rec, existing["uid"], existing, values, plan_ids)
        row.changes = _diff(existing, values)
        current = links.get(existing["id"], [])
        have = {pid for _lid, pid in current}
        row.add_links = [pid for pid in plan_ids if pid not in have]
        row.drop_links = [(lid, pid) for lid, pid in current if pid not in plan_ids]
        if row.add_links or row.drop_links:
            row.changes["plans"] = [sorted(have), sorted(plan_ids)]
        rows.append(row)
    return _DrillChanges(rows)


def _drill_plans(text: str, organiser_id: int, plans: _Plans) -> list[int] | str:
    """The plans a 关联预案 cell names (ties go to the organiser's own plans), or the reason."""

    def resolve(part: str) -> int | str | None:
        found = plans.lookup(part, organiser_id)
        return found if found is None or isinstance(found, str) else found.id

    found, unknown = segment_references(text, resolve)
    problems = [f for f in found if isinstance(f, str)]
    if unknown:
        problems.append(f"找不到预案“{'、'.join(unknown)}”：请先导入预案台账，或检查预案名称")
    ids = [f for f in found if isinstance(f, int)]
    if not problems and not ids:
        problems.append("必填项不能为空")
    return "；".join(dict.fromkeys(problems)) if problems else ids


# ====================================================================== filings


_FILING_FIELDS = (
    "authority_unit_id",
    "authority_name",
    "submitted_date",
    "status",
    "filing_number",
    "registered_date",
    "note",
)


@dataclass
class _FilingRow:
    record: FilingRecord
    uid: str
    existing: dict[str, Any] | None
    values: dict[str, Any]
    changes: dict[str, list[Any]] = field(default_factory=dict)


class _FilingChanges(_ChangeSet[_FilingRow]):
    def write(self, conn: Connection) -> Iterator[int]:
        now = utcnow()
        before = _max_id(conn, _FILING)
        inserts = [
            {
                "uid": r.uid,
                **r.values,
                "check_results": {},
                "return_notice": [],
                "created_at": now,
                "updated_at": now,
                "row_version": 1,
            }
            for r in self.new
        ]
        yield from _insert(conn, _FILING, inserts)
        ids = _new_ids(conn, _FILING, before)
        _audit(
            conn,
            "filing",
            "insert",
            [
                _insert_entry(
                    r.uid,
                    ids[r.uid],
                    r.record.row,
                    v,
                    ("plan_version_id", "authority_name", "submitted_date", "status"),
                )
                for r, v in zip(self.new, inserts, strict=True)
            ],
        )
        yield from _update(
            conn, _FILING, [{**r.existing, **r.values} for r in self.changed if r.existing], _FILING_FIELDS
        )
        _audit(
            conn,
            "filing",
            "update",
            [{"uid": r.uid, "id": r.existing["id"], **r.changes} for r in self.changed if r.existing],
        )


def _match_filings(conn: Connection, parsed: ParsedLedger) -> _FilingChanges:
    records = [r for r in parsed.records if isinstance(r, FilingRecord)]
    present = parsed.present
    units = _Units(conn)
    plans = _Plans(conn)
    version_plan = dict(conn.execute(select(_VERSION.c.id, _VERSION.c.plan_id)).all())
    f = _FILING.c
    by_plan: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(
        select(
            f.id, f.uid, f.plan_version_id, f.filing_unit_id, f.row_version, *(f[c] for c in _FILING_FIELDS)
        )
    ).mappings():
        by_plan[version_plan[r["plan_version_id"]]].append(dict(r))
    seen: dict[tuple[int, str, date | None], int] = {}
    claimed: set[int] = set()
    pending: list[
        tuple[FilingRecord, _PlanInfo, int, dict[str, Any], list[dict[str, Any]], dict[str, Any] | None]
    ] = []
    for rec in records:
        owner = units.resolve(rec.owner, "编制单位")
        if isinstance(owner, str):
            parsed.error(rec.row, "owner", owner)
            continue
        plan = _filing_plan(rec, owner, plans, parsed)
        if plan is None:
            continue
        if plan.current_version_id is None:
            parsed.error(
                rec.row,
                "plan",
                f"预案“{plan.title}”还没有已发布的版本，不能登记备案：请先在预案台账中填写版本号和发布日期",
            )
            continue
        key = (plan.id, rec.authority, rec.submitted_date)
        if key in seen:
            parsed.error(
                rec.row, "plan", f"与第 {seen[key]} 行是同一次备案（预案、受理部门和报送日期都相同）"
            )
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
    rows: list[_FilingRow] = []
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
            rows.append(_FilingRow(rec, new_uid(), None, values))
            continue
        claimed.add(existing["id"])
        values = {k: existing[k] for k in _FILING_FIELDS}
        kept = ("authority_unit_id", "authority_name", "submitted_date", "status")
        values.update({k: v for k, v in given.items() if k in present or k in kept})
        row = _FilingRow(rec, existing["uid"], existing, values)
        row.changes = _diff(existing, values)
        rows.append(row)
    return _FilingChanges(rows)


def _filing_plan(
    rec: FilingRecord, owner: _UnitInfo, plans: _Plans, parsed: ParsedLedger
) -> _PlanInfo | None:
    by_uid = plans.by_uid.get(rec.plan)
    if by_uid is not None and not by_uid.deleted:
        return by_uid
    same = [x for x in plans.by_title.get(rec.plan, ()) if x.owner_unit_id == owner.id]
    if len(same) == 1:
        return same[0]
    if same:
        parsed.error(
            rec.row, "plan", f"编制单位“{owner.name}”有 {len(same)} 个名为“{rec.plan}”的预案，请改填预案编号"
        )
    else:
        parsed.error(
            rec.row,
            "plan",
            f"找不到编制单位“{owner.name}”的预案“{rec.plan}”：请先导入预案台账，或检查预案名称",
        )
    return None


# ======================================================================= import


class LedgerImport:
    """One ledger import: ``validate()`` then ``write()`` (or ``run()`` for both).

    Both steps are generators of ``Progress``; iterate them off the GUI thread. After
    ``validate()``, ``errors`` lists every problem (sheet, Excel row, column, reason);
    ``write()`` refuses to run while there are any. ``report`` says what happened.
    """

    def __init__(self, engine: Engine, kind: LedgerKind, source: Path, *, today: date | None = None) -> None:
        self.engine = engine
        self.kind = LedgerKind(kind)
        self.source = Path(source)
        self.today = today or date.today()
        self.parsed: ParsedLedger | None = None
        self.errors: list[LedgerError] = []
        self.encoding: str | None = None
        self.written = False
        self.cancelled = False
        self.dry_run = False
        self._changes: _Changes | None = None
        self._started = time.perf_counter()

    def validate(self, cancel: CancelFlag | None = None) -> Iterator[Progress]:
        """Read and check the file and match it against the database; writes nothing."""
        self._started = time.perf_counter()
        yield Progress(0, 1, STAGE_READ)
        book: LedgerBook | None = None
        try:
            book = open_book(self.source, csv_sheet_name=self.kind.sheet_name)
            self.encoding = book.encoding
            sheet = read_sheet(book, self.kind)
        except LedgerFileError as error:
            self.errors = [LedgerError("", None, None, error.message)]
            return
        finally:
            if book is not None:
                book.close()
        yield Progress(1, 1, STAGE_READ)
        if sheet is None:
            self.errors = [LedgerError("", None, None, "工作簿中没有工作表")]
            return
        parsed = self.parsed = ParsedLedger(self.kind, sheet.name, raw=sheet)
        total = max(0, len(sheet.rows) - 1)
        yield Progress(0, total, STAGE_VALIDATE)
        for done in parse_steps(sheet, self.kind, parsed):
            if _cancelled(cancel):
                self.cancelled = True
                return
            yield Progress(done, total, STAGE_VALIDATE)
        if not parsed.errors or parsed.records:
            with translated(), self.engine.connect() as conn:
                self._changes = self._match(conn, parsed)
        self.errors = parsed.sorted_errors()
        if self.errors:
            self._changes = None
        if _cancelled(cancel):
            self.cancelled = True
            self._changes = None
            return
        yield Progress(total, total, STAGE_VALIDATE)

    def _match(self, conn: Connection, parsed: ParsedLedger) -> _Changes:
        if self.kind is LedgerKind.UNITS:
            return _match_units(conn, parsed)
        if self.kind is LedgerKind.PLANS:
            return _match_plans(conn, parsed)
        if self.kind is LedgerKind.DRILLS:
            return _match_drills(conn, parsed, self.today)
        return _match_filings(conn, parsed)

    def write(self, cancel: CancelFlag | None = None) -> Iterator[Progress]:
        """Apply the validated changes in one transaction (nothing is written on any error)."""
        if self._changes is None:
            raise RuntimeError("validate() first, and only without errors")
        changes = self._changes
        total = changes.work
        if total == 0:
            return
        done = 0
        yield Progress(0, total, STAGE_WRITE)
        try:
            with translated(), self.engine.begin() as conn:
                for step in changes.write(conn):
                    if _cancelled(cancel):
                        raise _Cancelled
                    done = min(total, done + step)
                    yield Progress(done, total, STAGE_WRITE)
                if _cancelled(cancel):
                    raise _Cancelled
        except _Cancelled:
            self.cancelled = True
            return
        except sa_exc.IntegrityError as error:
            raise ConflictError("导入期间数据库被其他人修改，本次导入已全部撤销，请重新导入。") from error
        self.written = True
        yield Progress(total, total, STAGE_WRITE)

    def run(self, *, dry_run: bool = False, cancel: CancelFlag | None = None) -> Iterator[Progress]:
        """Validate, then write unless there are errors or this is a dry run."""
        self.dry_run = dry_run
        yield from self.validate(cancel)
        if self.errors or self.cancelled or dry_run or self._changes is None:
            return
        yield from self.write(cancel)

    @property
    def report(self) -> ImportReport:
        changes = self._changes
        return ImportReport(
            kind=self.kind,
            source=str(self.source),
            sheet=self.parsed.sheet if self.parsed else "",
            rows=self.parsed.data_rows if self.parsed else 0,
            inserted=changes.inserted if changes else 0,
            updated=changes.updated if changes else 0,
            unchanged=changes.unchanged if changes else 0,
            errors=tuple(self.errors),
            dry_run=self.dry_run,
            written=self.written,
            cancelled=self.cancelled,
            seconds=time.perf_counter() - self._started,
            encoding=self.encoding,
        )

    def write_errors_workbook(self, path: Path) -> None:
        """The input with a 错误说明 column and the bad cells highlighted."""
        parsed = self.parsed
        write_errors_workbook(
            Path(path),
            self.source,
            parsed.raw if parsed else None,
            parsed.sheet if parsed else self.kind.sheet_name,
            self.errors,
        )


def import_ledger(
    engine: Engine,
    kind: LedgerKind | str,
    source: Path | str,
    *,
    dry_run: bool = False,
    cancel: CancelFlag | None = None,
    errors_out: Path | str | None = None,
    today: date | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> ImportReport:
    """Import a ledger file (plain function for the CLI); see ``LedgerImport``."""
    job = LedgerImport(engine, LedgerKind(kind), Path(source), today=today)
    for progress in job.run(dry_run=dry_run, cancel=cancel):
        if on_progress is not None:
            on_progress(progress)
    if job.errors and errors_out is not None:
        job.write_errors_workbook(Path(errors_out))
    return job.report


# ======================================================================= export


type ExportFilter = Collection[str] | Callable[[str, LedgerRecord], bool] | None


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
    units = _Units(conn)
    rows = [
        dict(r)
        for r in conn.execute(
            select(_UNIT).where(_UNIT.c.deleted_at.is_(None)).order_by(_UNIT.c.id)
        ).mappings()
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
    units = _Units(conn)
    plans = _Plans(conn)
    p = _PLAN.c
    rows = [
        dict(r)
        for r in conn.execute(
            select(
                p.id,
                p.uid,
                p.title,
                p.category,
                p.owner_unit_id,
                p.parent_id,
                p.event_types,
                p.status,
                p.note,
                p.current_version_id,
            )
            .where(p.deleted_at.is_(None))
            .order_by(p.id)
        ).mappings()
    ]
    v = _VERSION.c
    versions = {
        vid: (label, published)
        for vid, label, published in conn.execute(select(v.id, v.label, v.published_date))
    }
    last_eval = dict(
        conn.execute(
            select(_EVALUATION.c.plan_id, func.max(_EVALUATION.c.eval_date)).group_by(_EVALUATION.c.plan_id)
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
    units = _Units(conn)
    plans = _Plans(conn)
    links: dict[int, list[int]] = defaultdict(list)
    for drill_id, plan_id in conn.execute(
        select(_DRILL_PLAN.c.drill_id, _DRILL_PLAN.c.plan_id).order_by(_DRILL_PLAN.c.id)
    ):
        links[drill_id].append(plan_id)
    d = _DRILL.c
    out: list[tuple[str, LedgerRecord]] = []
    for r in conn.execute(select(_DRILL).where(d.deleted_at.is_(None)).order_by(d.start, d.id)).mappings():
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
    units = _Units(conn)
    plans = _Plans(conn)
    version_plan = dict(conn.execute(select(_VERSION.c.id, _VERSION.c.plan_id)).all())
    f = _FILING.c
    out: list[tuple[str, LedgerRecord]] = []
    for r in conn.execute(select(_FILING).order_by(f.submitted_date.asc().nulls_last(), f.id)).mappings():
        plan = plans.by_id[version_plan[r["plan_version_id"]]]
        if plan.deleted:
            continue
        out.append(
            (
                r["uid"],
                FilingRecord(
                    row=0,
                    plan=plan.title if _filing_title_unique(plans, plan) else plan.uid,
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


def _filing_title_unique(plans: _Plans, plan: _PlanInfo) -> bool:
    return sum(1 for x in plans.by_title.get(plan.title, ()) if x.owner_unit_id == plan.owner_unit_id) == 1
