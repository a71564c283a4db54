"""The plan hierarchy and the unit hierarchy, one level at a time (DESIGN.md §8).

The GUI's trees are lazy: they ask for the children of one node when the user expands
it, in batches for long lists. Each call here is one set-based query (children, their
owner unit, current version label and their own child count together), so a town with
hundreds of plans under it expands as fast as a village; nothing here walks the tree.
``unit_plans`` lists the plans one unit owns in the same order (the units page).

A plan or unit whose parent has been soft-deleted is shown at the top level rather than
disappearing with its parent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    Integer,
    Select,
    String,
    Table,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
)
from sqlalchemy.orm import aliased

from planmgr.domain.enums import PlanCategory, PlanStatus, UnitKind
from planmgr.store.database import session_scope
from planmgr.store.models import Plan, PlanVersion, Unit

_plan: Table = Plan.__table__  # type: ignore[attr-defined]
_unit: Table = Unit.__table__  # type: ignore[attr-defined]
_version: Table = PlanVersion.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class PlanNode:
    """One plan as a row of the plan tree."""

    uid: str
    title: str
    category: str
    category_label: str
    status: str
    status_label: str
    owner_unit_uid: str
    owner_unit_name: str
    version_label: str | None
    child_count: int


@dataclass(frozen=True, slots=True)
class UnitNode:
    """One unit as a row of the unit tree."""

    uid: str
    name: str
    kind: str
    kind_label: str
    uscc: str | None
    child_count: int
    plan_count: int


@dataclass(frozen=True, slots=True)
class Overview:
    """Counts for the dashboard: units, plans, plans by status (every status present)."""

    unit_count: int
    plan_count: int
    plans_by_status: dict[str, int]


def _label(enum: Any, value: str) -> str:
    try:
        return str(enum(value).text)
    except ValueError:  # a value written by a newer version: show it as stored
        return value


def _rank(column: Any, members: Sequence[Any]) -> ColumnElement[int]:
    """Sort key following the enum's declaration order (overall before special, city before town)."""
    return case({m.value: i for i, m in enumerate(members)}, value=column, else_=len(members))


# ---------------------------------------------------------------------------- plans


_NO_LIMIT = 2**31 - 1  # LIMIT as a parameter: SQLite and PostgreSQL both accept a large number
_PARENT_UID: Any = bindparam("parent_uid", type_=String)


def _plan_parent_filter(parent_uid: Any) -> ColumnElement[bool]:
    live = _plan.c.deleted_at.is_(None)
    if parent_uid is None:
        deleted_ids = select(_plan.c.id).where(_plan.c.deleted_at.is_not(None)).scalar_subquery()
        return and_(live, or_(_plan.c.parent_id.is_(None), _plan.c.parent_id.in_(deleted_ids)))
    parent_id = select(_plan.c.id).where(_plan.c.uid == parent_uid).scalar_subquery()
    return and_(live, _plan.c.parent_id == parent_id)


def _plan_order() -> list[ColumnElement[Any]]:
    return [_rank(_plan.c.category, list(PlanCategory)), _plan.c.title, _plan.c.id]


def _plan_node_columns() -> tuple[Any, ...]:
    """A ``PlanNode``'s columns: the plan, its owner unit, the label of its version in force and
    how many live plans it has under it (joined to ``_unit`` and ``_version`` by the caller)."""
    child = aliased(_plan, name="child")
    child_count = (
        select(func.count())
        .select_from(child)
        .where(child.c.parent_id == _plan.c.id, child.c.deleted_at.is_(None))
        .scalar_subquery()
    )
    return (
        _plan.c.uid,
        _plan.c.title,
        _plan.c.category,
        _plan.c.status,
        _unit.c.uid,
        _unit.c.name,
        _version.c.label,
        child_count,
    )


def _plan_nodes(rows: Sequence[Any]) -> list[PlanNode]:
    return [
        PlanNode(
            uid=uid,
            title=title,
            category=category,
            category_label=_label(PlanCategory, category),
            status=status,
            status_label=_label(PlanStatus, status),
            owner_unit_uid=unit_uid,
            owner_unit_name=unit_name,
            version_label=version,
            child_count=int(count),
        )
        for uid, title, category, status, unit_uid, unit_name, version, count in rows
    ]


@cache
def _plan_children_query(top_level: bool) -> Select[Any]:
    """Built once per shape (top level or under a parent); parameters: parent_uid, offset, limit.

    The page of ids is chosen first (sorting only light columns), so the per-row work
    (owner, version, child count) is done for the rows returned, not for every sibling.
    """
    page_ids = (
        select(_plan.c.id)
        .where(_plan_parent_filter(None if top_level else _PARENT_UID))
        .order_by(*_plan_order())
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
        .subquery("page")
    )
    return (
        select(*_plan_node_columns())
        .select_from(page_ids)
        .join(_plan, _plan.c.id == page_ids.c.id)
        .join(_unit, _unit.c.id == _plan.c.owner_unit_id)
        .outerjoin(_version, _version.c.id == _plan.c.current_version_id)
        .order_by(*_plan_order())
    )


def plan_children(
    engine: Engine, parent_uid: str | None = None, *, offset: int = 0, limit: int | None = None
) -> list[PlanNode]:
    """The plans directly under ``parent_uid`` (``None``: the top-level plans), in tree order.

    Order: category (overall, special, department, town, village, …, enterprise plans),
    then title. ``offset``/``limit`` page through a long list.
    """
    params: dict[str, Any] = {"offset": offset, "limit": _NO_LIMIT if limit is None else limit}
    if parent_uid is not None:
        params["parent_uid"] = parent_uid
    with session_scope(engine) as session:
        rows = session.execute(_plan_children_query(parent_uid is None), params).all()
    return _plan_nodes(rows)


def count_plan_children(engine: Engine, parent_uid: str | None = None) -> int:
    """How many plans ``plan_children`` would return without a limit."""
    query = select(func.count()).select_from(_plan).where(_plan_parent_filter(parent_uid))
    with session_scope(engine) as session:
        return int(session.execute(query).scalar_one())


def unit_plans(engine: Engine, unit_uid: str) -> list[PlanNode]:
    """The live plans a unit owns (the units page lists them), in the plan tree's order."""
    query = (
        select(*_plan_node_columns())
        .join(_unit, _unit.c.id == _plan.c.owner_unit_id)
        .outerjoin(_version, _version.c.id == _plan.c.current_version_id)
        .where(_unit.c.uid == unit_uid, _plan.c.deleted_at.is_(None))
        .order_by(*_plan_order())
    )
    with session_scope(engine) as session:
        rows = session.execute(query).all()
    return _plan_nodes(rows)


# ---------------------------------------------------------------------------- units


def _unit_parent_filter(parent_uid: str | None) -> ColumnElement[bool]:
    live = _unit.c.deleted_at.is_(None)
    if parent_uid is None:
        deleted_ids = select(_unit.c.id).where(_unit.c.deleted_at.is_not(None)).scalar_subquery()
        return and_(live, or_(_unit.c.parent_id.is_(None), _unit.c.parent_id.in_(deleted_ids)))
    parent_id = select(_unit.c.id).where(_unit.c.uid == parent_uid).scalar_subquery()
    return and_(live, _unit.c.parent_id == parent_id)


def unit_children(
    engine: Engine, parent_uid: str | None = None, *, offset: int = 0, limit: int | None = None
) -> list[UnitNode]:
    """The units directly under ``parent_uid`` (``None``: the top level): city, then
    departments and towns, then villages and enterprises, each group by name."""
    child = aliased(_unit, name="child")
    child_count = (
        select(func.count())
        .select_from(child)
        .where(child.c.parent_id == _unit.c.id, child.c.deleted_at.is_(None))
        .scalar_subquery()
    )
    plan_count = (
        select(func.count())
        .select_from(_plan)
        .where(_plan.c.owner_unit_id == _unit.c.id, _plan.c.deleted_at.is_(None))
        .scalar_subquery()
    )
    query = (
        select(_unit.c.uid, _unit.c.name, _unit.c.kind, _unit.c.uscc, child_count, plan_count)
        .where(_unit_parent_filter(parent_uid))
        .order_by(_rank(_unit.c.kind, list(UnitKind)), _unit.c.name, _unit.c.id)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    with session_scope(engine) as session:
        rows = session.execute(query).all()
    return [
        UnitNode(
            uid=uid,
            name=name,
            kind=kind,
            kind_label=_label(UnitKind, kind),
            uscc=uscc,
            child_count=int(children),
            plan_count=int(plans),
        )
        for uid, name, kind, uscc, children, plans in rows
    ]


def count_unit_children(engine: Engine, parent_uid: str | None = None) -> int:
    """How many units ``unit_children`` would return without a limit."""
    query = select(func.count()).select_from(_unit).where(_unit_parent_filter(parent_uid))
    with session_scope(engine) as session:
        return int(session.execute(query).scalar_one())


# ---------------------------------------------------------------------------- overview


def overview(engine: Engine) -> Overview:
    """Live units and plans, and plans per status (two grouped queries)."""
    with session_scope(engine) as session:
        units = int(
            session.execute(
                select(func.count()).select_from(_unit).where(_unit.c.deleted_at.is_(None))
            ).scalar_one()
        )
        rows = session.execute(
            select(_plan.c.status, func.count()).where(_plan.c.deleted_at.is_(None)).group_by(_plan.c.status)
        ).all()
    by_status = {status.value: 0 for status in PlanStatus}
    for status, count in rows:
        by_status[status] = by_status.get(status, 0) + int(count)
    return Overview(unit_count=units, plan_count=sum(by_status.values()), plans_by_status=by_status)
