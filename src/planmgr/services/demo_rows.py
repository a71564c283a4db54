"""Rows of the demo database (``planmgr demo``, see ``services/demo.py``) and their bulk insert.

Every row is a plain dict collected per table with its integer id assigned here, so links
(plan → version, drill → plan, card → version) need no round trip; ``Rows.flush`` inserts
them with SQLAlchemy Core ``insert()`` in executemany batches (ORM ``add_all`` is ~6× slower,
DESIGN.md §9), every 200 generated enterprises so memory stays flat, all inside one
transaction. Those Core statements bypass the ORM audit events, so ``finish_bulk`` writes
one summary audit entry per table through ``planmgr.store.audit.write_entries``.

The rows every part of the set adds the same way (plans, versions, filings, drills) are
built in ``services/demo_builders.py``.
"""

from __future__ import annotations

import calendar
import copy
import json
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from functools import cache
from random import Random
from typing import Any

from sqlalchemy import Boolean, Connection, Table, insert
from sqlmodel import SQLModel

from planmgr import paths
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
        self.enterprise_ids: set[int] = set()  # outlives flushes (plans ask who owns them)
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
            if row["kind"] == "enterprise":
                self.enterprise_ids.add(row_id)
        return row_id

    def get(self, table: str, row_id: int) -> Row:
        index = row_id - 1 - self._flushed[table]
        if index < 0:  # a negative index would silently read another row
            raise KeyError(f"{table} {row_id} was already written to the database")
        return self.tables[table][index]

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
    if conn.dialect.name == "postgresql":
        # Ids were assigned here, not drawn from the tables' sequences: move each sequence
        # past them, or the next row a service inserts would collide.
        for name in TABLE_ORDER:
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {name}), false)"
            )
    conn.exec_driver_sql("ANALYZE")  # planner statistics for the new sizes (tree, due list)
