"""Bulk writes with SQLAlchemy Core, and the change set every ledger kind builds.

ORM ``add_all`` is ~6× slower (DESIGN.md §9). Core statements bypass the ORM's audit
hook, so every write here records its own audit entries (``store.audit.write_entries``):
a summary of each inserted row, the changed fields of each updated one.

Each kind matches the file's rows against the database into a ``ChangeSet`` of rows
(``MatchedRow``): new ones (no ``existing`` row), changed ones and unchanged ones. Its
``write()`` inserts the new rows and updates the changed ones, yielding how many rows each
statement wrote, so that the import job can report progress and stop between chunks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, Protocol

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update

from planmgr.domain.errors import ConflictError
from planmgr.domain.i18n import tr
from planmgr.exchange.ledger_records import LedgerRecord
from planmgr.store.audit import write_entries
from planmgr.store.base import utcnow

CHUNK = 2000


# ======================================================================= values


def plain(value: Any) -> Any:
    """A value as the audit trail stores it (JSON)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


def enum_value(member: Enum | None) -> Any:
    return None if member is None else member.value


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """The fields of ``after`` that differ from ``before``, as [old, new] audit pairs."""
    return {k: [plain(before.get(k)), plain(v)] for k, v in after.items() if before.get(k) != v}


def carry_over(
    existing: dict[str, Any],
    given: dict[str, Any],
    fields: Sequence[str],
    present: Collection[str],
    always: Collection[str] = (),
) -> dict[str, Any]:
    """An existing row's ``fields`` with the file's cells over them.

    A column the file does not have leaves its field alone; ``always`` are the fields a
    row cannot be matched without (so every file gives them).
    """
    values = {k: existing[k] for k in fields}
    values.update({k: v for k, v in given.items() if k in present or k in always})
    return values


# =================================================================== statements


def chunks[T](rows: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def insert_chunks(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> Iterator[int]:
    """Bulk insert in chunks; yields the number of rows written per chunk."""
    for chunk in chunks(rows):
        conn.execute(insert(table), list(chunk))
        yield len(chunk)


def insert_rows(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]]
) -> Generator[int, None, dict[str, int]]:
    """Bulk insert rows that have a ``uid``; yields per chunk, returns uid -> new id.

    The new ids are those above the largest id before the insert: the import's
    transaction holds the database's write lock, so no one else inserts meanwhile.
    """
    before = int(conn.execute(select(func.max(table.c.id))).scalar() or 0)
    yield from insert_chunks(conn, table, rows)
    return {uid: id_ for uid, id_ in conn.execute(select(table.c.uid, table.c.id).where(table.c.id > before))}


def new_row(uid: str, values: dict[str, Any], now: datetime, defaults: dict[str, Any]) -> dict[str, Any]:
    """A row of a table with optimistic locking (unit, plan, drill, filing), to insert."""
    return {"uid": uid, **values, **defaults, "created_at": now, "updated_at": now, "row_version": 1}


def update_chunks(
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
    for chunk in chunks(rows):
        params = [
            {"b_id": r["id"], "b_rv": r["row_version"], "b_now": now} | {"v_" + c: r[c] for c in columns}
            for r in chunk
        ]
        result = conn.execute(statement, params)
        if conn.dialect.supports_sane_multi_rowcount and result.rowcount != len(chunk):
            raise ConflictError(tr("导入期间数据库中的记录被其他人修改，本次导入已全部撤销，请重新导入。"))
        yield len(chunk)


# ======================================================================== audit


def audit(conn: Connection, table: str, action: str, entries: list[dict[str, Any]]) -> None:
    for chunk in chunks(entries):
        write_entries(conn, table, action, list(chunk))


def insert_entry(uid: str, id_: int, row: int, values: dict[str, Any], keep: Sequence[str]) -> dict[str, Any]:
    """A summary audit entry for a row inserted by a bulk statement: what identifies it."""
    entry = {"uid": uid, "id": id_, "ledger_row": row}
    entry.update({k: plain(values[k]) for k in keep if values.get(k) is not None})
    return entry


type Updated = tuple[str, dict[str, Any], dict[str, list[Any]]]  # uid, the row after, its changes


def update_rows(
    conn: Connection, table: Table, rows: Sequence[Updated], columns: Sequence[str]
) -> Iterator[int]:
    """Bulk update of changed rows, and an audit entry with the changes of each."""
    yield from update_chunks(conn, table, [after for _uid, after, _changes in rows], columns)
    audit(
        conn,
        table.name,
        "update",
        [{"uid": uid, "id": after["id"], **changes} for uid, after, changes in rows if changes],
    )


# =================================================================== change sets


@dataclass
class MatchedRow[Rec: LedgerRecord]:
    """A ledger row matched against the database; each kind adds what else it writes."""

    record: Rec
    uid: str
    existing: dict[str, Any] | None  # None: a new row
    values: dict[str, Any]  # the columns the row sets
    changes: dict[str, list[Any]] = field(default_factory=dict, kw_only=True)  # of an existing row


class Changes(Protocol):
    """What the import job writes: counts for the report, and the writing itself."""

    inserted: int
    updated: int
    unchanged: int

    @property
    def work(self) -> int: ...

    def write(self, conn: Connection) -> Iterator[int]: ...


def insert_audited[R: MatchedRow[Any]](
    conn: Connection,
    table: Table,
    rows: Sequence[R],
    inserts: Sequence[dict[str, Any]],
    keep: Sequence[str],
    extra: Callable[[R], dict[str, Any]] | None = None,
) -> Generator[int, None, dict[str, int]]:
    """Insert ``inserts`` (one per matched row of ``rows``), each audited with its ``keep``
    fields and the row's ``extra``; returns uid -> id of the new rows."""
    ids = yield from insert_rows(conn, table, inserts)
    audit(
        conn,
        table.name,
        "insert",
        [
            insert_entry(r.uid, ids[r.uid], r.record.row, (v | extra(r)) if extra else v, keep)
            for r, v in zip(rows, inserts, strict=True)
        ],
    )
    return ids


class ChangeSet[R: MatchedRow[Any]]:
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

    def write_rows(
        self,
        conn: Connection,
        table: Table,
        *,
        defaults: dict[str, Any],
        keep: Sequence[str],
        columns: Sequence[str],
        extra: Callable[[R], dict[str, Any]] | None = None,
    ) -> Generator[int, None, dict[str, int]]:
        """Insert the new rows (with the ``defaults`` of columns a ledger has no cell for),
        update the changed ones; returns uid -> id of the new rows."""
        now = utcnow()
        inserts = [new_row(r.uid, r.values, now, defaults) for r in self.new]
        ids = yield from insert_audited(conn, table, self.new, inserts, keep, extra)
        updates = [(r.uid, {**r.existing, **r.values}, r.changes) for r in self.changed if r.existing]
        yield from update_rows(conn, table, updates, columns)
        return ids
