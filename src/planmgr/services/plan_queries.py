"""The read queries of the plan page: its filtered plan list and the rows behind search hits.

The list narrows the live plans by unit (with the units under it), category, status and
event type; a search hit on a handling card shows the plan the card belongs to. Each is one
Core query reading plain columns, so a county database answers as fast as a town's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, String, Table, and_, case, cast, func, literal
from sqlalchemy import select as core_select
from sqlalchemy.orm import aliased

from planmgr.domain.enums import EventType, PlanCategory, PlanStatus, UnitKind
from planmgr.domain.errors import NotFoundError
from planmgr.domain.i18n import tr
from planmgr.store import search
from planmgr.store.database import session_scope
from planmgr.store.models import HandlingCard, Plan, PlanVersion, Unit

_plan: Table = Plan.__table__  # type: ignore[attr-defined]
_unit: Table = Unit.__table__  # type: ignore[attr-defined]
_version: Table = PlanVersion.__table__  # type: ignore[attr-defined]
_card: Table = HandlingCard.__table__  # type: ignore[attr-defined]

MAX_ROWS = 500


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One plan as a row of the plan page's result list."""

    uid: str
    title: str
    category: str
    category_label: str
    status: str
    status_label: str
    owner_unit_uid: str
    owner_unit_name: str
    version_label: str | None
    event_types: tuple[str, ...]
    pending_trigger: str | None
    parent_uid: str | None
    parent_title: str | None


@dataclass(frozen=True, slots=True)
class UnitEntry:
    """A unit as the plan page lists it (owner choice, unit filter)."""

    uid: str
    name: str
    kind: UnitKind
    parent_name: str | None


@dataclass(frozen=True)
class PlanFilter:
    """What the plan page narrows the plans to; ``None`` means any."""

    unit_uid: str | None = None  # the unit and every unit under it
    category: PlanCategory | None = None
    status: PlanStatus | None = None
    event_type: EventType | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.unit_uid, self.category, self.status, self.event_type))


@dataclass(frozen=True)
class SearchResult:
    row: PlanRow
    snippet: str
    card_title: str | None  # set when the plan was found through one of its handling cards


def _label(enum: Any, value: str) -> str:
    try:
        return str(enum(value).text)
    except ValueError:
        return value


def _event_types(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        import json

        value = json.loads(value or "[]")
    return tuple(str(v) for v in value or ())


def _conditions(flt: PlanFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [_plan.c.deleted_at.is_(None)]
    if flt.unit_uid is not None:
        start = core_select(_unit.c.id).where(_unit.c.uid == flt.unit_uid, _unit.c.deleted_at.is_(None))
        tree = start.cte("unit_tree", recursive=True)
        below = aliased(_unit, name="below")
        tree = tree.union_all(
            core_select(below.c.id).where(below.c.parent_id == tree.c.id, below.c.deleted_at.is_(None))
        )
        where.append(_plan.c.owner_unit_id.in_(core_select(tree.c.id)))
    if flt.category is not None:
        where.append(_plan.c.category == flt.category.value)
    if flt.status is not None:
        where.append(_plan.c.status == flt.status.value)
    if flt.event_type is not None:
        # A JSON list of ASCII ids: the quoted id matches one element exactly (fire ≠ forest_fire).
        pattern = f'%"{flt.event_type.value}"%'
        where.append(cast(_plan.c.event_types, String).like(literal(pattern)))
    return where


def _rows_query(where: Sequence[ColumnElement[bool]]) -> Any:
    parent = aliased(_plan, name="parent")
    return (
        core_select(
            _plan.c.uid,
            _plan.c.title,
            _plan.c.category,
            _plan.c.status,
            _unit.c.uid,
            _unit.c.name,
            _version.c.label,
            _plan.c.event_types,
            _plan.c.pending_trigger,
            parent.c.uid,
            parent.c.title,
        )
        .select_from(_plan)
        .join(_unit, _unit.c.id == _plan.c.owner_unit_id)
        .outerjoin(_version, _version.c.id == _plan.c.current_version_id)
        .outerjoin(parent, and_(parent.c.id == _plan.c.parent_id, parent.c.deleted_at.is_(None)))
        .where(*where)
    )


def _row(values: Sequence[Any]) -> PlanRow:
    uid, title, category, status, unit_uid, unit_name, version, events, pending, parent_uid, parent_title = (
        values
    )
    return PlanRow(
        uid=uid,
        title=title,
        category=category,
        category_label=_label(PlanCategory, category),
        status=status,
        status_label=_label(PlanStatus, status),
        owner_unit_uid=unit_uid,
        owner_unit_name=unit_name,
        version_label=version,
        event_types=_event_types(events),
        pending_trigger=pending,
        parent_uid=parent_uid,
        parent_title=parent_title,
    )


def _rank(column: Any, members: Sequence[Any]) -> ColumnElement[int]:
    return case({m.value: i for i, m in enumerate(members)}, value=column, else_=len(members))


def unit_entries(engine: Engine) -> list[UnitEntry]:
    """Every live unit with its kind and parent's name, by kind (city first) then name.

    One Core query: 5,000 units in ~20 ms, where loading them as records takes ~0.5 s.
    """
    parent = aliased(_unit, name="parent_unit")
    query = (
        core_select(_unit.c.uid, _unit.c.name, _unit.c.kind, parent.c.name)
        .outerjoin(parent, parent.c.id == _unit.c.parent_id)
        .where(_unit.c.deleted_at.is_(None))
        .order_by(_rank(_unit.c.kind, list(UnitKind)), _unit.c.name, _unit.c.id)
    )
    with session_scope(engine) as session:
        rows = session.execute(query).all()
    entries = []
    for uid, name, kind, parent_name in rows:
        try:
            unit_kind = UnitKind(kind)
        except ValueError:  # written by a newer version
            unit_kind = UnitKind.OTHER
        entries.append(UnitEntry(uid, name, unit_kind, parent_name))
    return entries


def find_plans(engine: Engine, flt: PlanFilter, *, limit: int = MAX_ROWS) -> tuple[list[PlanRow], int]:
    """Live plans matching ``flt`` in tree order (category, then title), at most ``limit``;
    and how many match in all."""
    where = _conditions(flt)
    query = _rows_query(where).order_by(
        _rank(_plan.c.category, list(PlanCategory)), _plan.c.title, _plan.c.id
    )
    with session_scope(engine) as session:
        total = int(session.execute(core_select(func.count()).select_from(_plan).where(*where)).scalar_one())
        rows = session.execute(query.limit(limit)).all()
    return [_row(r) for r in rows], total


def plan_rows(engine: Engine, uids: Sequence[str], flt: PlanFilter | None = None) -> list[PlanRow]:
    """The live plans among ``uids`` that match ``flt``, in the order of ``uids``."""
    if not uids:
        return []
    where = [*_conditions(flt or PlanFilter()), _plan.c.uid.in_(list(dict.fromkeys(uids)))]
    with session_scope(engine) as session:
        found = {r[0]: _row(r) for r in session.execute(_rows_query(where)).all()}
    return [found[uid] for uid in dict.fromkeys(uids) if uid in found]


def get_row(engine: Engine, uid: str) -> PlanRow:
    rows = plan_rows(engine, [uid])
    if not rows:
        raise NotFoundError(tr("找不到预案：{uid}", uid=uid))
    return rows[0]


def search_plans(
    engine: Engine, query: str, flt: PlanFilter | None = None, *, limit: int = 200
) -> list[SearchResult]:
    """Plans whose title, structured content or handling cards match ``query`` (FTS5:
    one- and two-character Chinese terms too), best first, each plan once; a card hit
    stands for the plan the card belongs to."""
    with engine.connect() as conn:
        hits = search.search(conn, query, limit=limit)
    card_uids = [h.uid for h in hits if h.kind == "card"]
    card_plan: dict[str, str] = {}
    if card_uids:
        with session_scope(engine) as session:
            rows = session.execute(
                core_select(_card.c.uid, _plan.c.uid)
                .join(_plan, _plan.c.id == _card.c.plan_id)
                .where(_card.c.uid.in_(card_uids), _card.c.deleted_at.is_(None))
            ).all()
        card_plan = {card: plan for card, plan in rows}
    ordered: dict[str, tuple[str, str | None]] = {}
    for hit in hits:
        plan_uid = hit.uid if hit.kind == "plan" else card_plan.get(hit.uid)
        if plan_uid is None or plan_uid in ordered:
            continue
        ordered[plan_uid] = (hit.snippet, hit.title if hit.kind == "card" else None)
    rows_by_uid = {row.uid: row for row in plan_rows(engine, list(ordered), flt)}
    return [
        SearchResult(rows_by_uid[uid], snippet, card)
        for uid, (snippet, card) in ordered.items()
        if uid in rows_by_uid
    ]
