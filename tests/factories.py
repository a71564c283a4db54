"""Plain helpers that insert test data into a database (shared by every test module).

Each takes an ``Engine`` or a ``Database`` first and writes through ``session_scope`` (so the
audit trail is written as in real use).  Rows come back detached, with every column loaded
(``expire_on_commit=False``): read ``.id``/``.uid``; re-read a row after changing it through
another helper.  Units, plans and versions may be passed as model objects or integer ids.

    unit = make_unit(db, "某化工公司", must_file=True, high_risk=True)
    plan = make_plan(db, unit, "综合应急预案", "ent_comprehensive", published=date(2024, 3, 1))
    make_drill(db, [plan], date(2024, 9, 1))
    make_filing(db, plan, status="submitted", submitted=date(2024, 3, 20))
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlmodel import SQLModel, col

from planmgr.store.database import Database, session_scope
from planmgr.store.models import (
    CorrectiveAction,
    Drill,
    DrillPlan,
    Evaluation,
    Filing,
    Finding,
    Plan,
    PlanVersion,
    Unit,
)

EngineLike = Engine | Database
UnitRef = Unit | int
PlanRef = Plan | int


def _engine(db: EngineLike) -> Engine:
    return db.engine if isinstance(db, Database) else db


def _id(ref: SQLModel | int) -> int:
    if isinstance(ref, int):
        return ref
    value = getattr(ref, "id", None)
    if value is None:
        raise ValueError(f"{ref!r} has no id (not saved?)")
    return int(value)


def _add[M: SQLModel](db: EngineLike, row: M) -> M:
    with session_scope(_engine(db)) as session:
        session.add(row)
        session.flush()
        session.refresh(row)
    return row


def make_unit(db: EngineLike, name: str = "测试单位", kind: str = "enterprise", **fields: Any) -> Unit:
    """A unit (kind: city | department | town | village | enterprise | other).

    Flags are plain keywords: ``must_file``, ``listed_for_review``, ``high_risk``,
    ``key_enterprise``; ``parent`` may be a unit.
    """
    parent = fields.pop("parent", None)
    if parent is not None:
        fields["parent_id"] = _id(parent)
    return _add(db, Unit(name=name, kind=kind, **fields))


def make_plan(
    db: EngineLike,
    unit: UnitRef,
    title: str = "测试预案",
    category: str = "ent_comprehensive",
    *,
    status: str = "published",
    published: date | None = None,
    issued: date | None = None,
    event_types: Iterable[str] = (),
    label: str = "1.0",
    major: bool = False,
    **fields: Any,
) -> Plan:
    """A plan; with ``published`` or ``issued`` also its first version, made current.

    ``status``: drafting | in_review | published | revising | superseded | abolished.
    """
    parent = fields.pop("parent", None)
    if parent is not None:
        fields["parent_id"] = _id(parent)
    plan = _add(
        db,
        Plan(
            owner_unit_id=_id(unit),
            title=title,
            category=category,
            status=status,
            event_types=list(event_types),
            **fields,
        ),
    )
    if published is not None or issued is not None:
        add_version(db, plan, label=label, published=published, issued=issued, major=major)
        return get_row(db, Plan, _id(plan))
    return plan


def add_version(
    db: EngineLike,
    plan: PlanRef,
    *,
    label: str | None = None,
    published: date | None = None,
    issued: date | None = None,
    major: bool = False,
    make_current: bool = True,
    **fields: Any,
) -> PlanVersion:
    """A new version of ``plan`` (label ``N.0`` by count if not given); current by default."""
    plan_id = _id(plan)
    with session_scope(_engine(db)) as session:
        if label is None:
            count = session.execute(
                select(func.count()).where(col(PlanVersion.plan_id) == plan_id)
            ).scalar_one()
            label = f"{count + 1}.0"
        row = session.get(Plan, plan_id)
        assert row is not None
        version = PlanVersion(
            plan_id=plan_id,
            label=label,
            published_date=published,
            issued_date=issued,
            major=major,
            title=row.title,
            **fields,
        )
        session.add(version)
        session.flush()
        if make_current:
            row.current_version_id = version.id
            session.add(row)
        session.flush()
        session.refresh(version)
    return version


def set_plan_status(db: EngineLike, plan: PlanRef, status: str) -> None:
    update_row(db, Plan, _id(plan), status=status)


def soft_delete[M: SQLModel](db: EngineLike, model: type[M], ref: SQLModel | int) -> None:
    """Set ``deleted_at`` (units, plans, drills, cards)."""
    update_row(db, model, _id(ref), deleted_at=datetime.now(UTC))


def update_row[M: SQLModel](db: EngineLike, model: type[M], row_id: int, **values: Any) -> M:
    with session_scope(_engine(db)) as session:
        row = session.get(model, row_id)
        assert row is not None, f"{model.__name__} {row_id} not found"
        for key, value in values.items():
            setattr(row, key, value)
        session.add(row)
        session.flush()
        session.refresh(row)
    return row


def get_row[M: SQLModel](db: EngineLike, model: type[M], row_id: int) -> M:
    with session_scope(_engine(db)) as session:
        row = session.get(model, row_id)
        assert row is not None, f"{model.__name__} {row_id} not found"
        return row


def make_drill(
    db: EngineLike,
    plans: Iterable[PlanRef],
    start: date,
    *,
    status: str = "done",
    organiser: UnitRef | None = None,
    title: str = "应急演练",
    **fields: Any,
) -> Drill:
    """A drill exercising ``plans`` (drill_plan rows); organiser defaults to the first plan's owner."""
    plan_ids = [_id(p) for p in plans]
    with session_scope(_engine(db)) as session:
        if organiser is None:
            if not plan_ids:
                raise ValueError("a drill without plans needs an organiser")
            first = session.get(Plan, plan_ids[0])
            assert first is not None
            organiser_id = first.owner_unit_id
        else:
            organiser_id = _id(organiser)
        drill = Drill(organiser_unit_id=organiser_id, title=title, start=start, status=status, **fields)
        session.add(drill)
        session.flush()
        assert drill.id is not None
        for plan_id in plan_ids:
            session.add(DrillPlan(drill_id=drill.id, plan_id=plan_id))
        session.flush()
        session.refresh(drill)
    return drill


def make_evaluation(db: EngineLike, plan: PlanRef, eval_date: date, **fields: Any) -> Evaluation:
    """An evaluation (评估) of ``plan``; method/conclusion default to self/keep."""
    return _add(db, Evaluation(plan_id=_id(plan), eval_date=eval_date, **fields))


def current_version_id(db: EngineLike, plan: PlanRef) -> int:
    row = get_row(db, Plan, _id(plan))
    assert row.current_version_id is not None, "plan has no current version"
    return row.current_version_id


def make_filing(
    db: EngineLike,
    plan_or_version: Plan | PlanVersion | int,
    *,
    status: str = "to_submit",
    submitted: date | None = None,
    filing_unit: UnitRef | None = None,
    **fields: Any,
) -> Filing:
    """A filing of a plan version (a ``Plan`` means its current version; an int is a version id).

    ``status``: to_submit | submitted | returned | filed | deemed_filed.  The filing unit
    defaults to the plan's owner.
    """
    if isinstance(plan_or_version, Plan):
        version_id = current_version_id(db, plan_or_version)
    else:
        version_id = _id(plan_or_version)
    with session_scope(_engine(db)) as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        if filing_unit is None:
            plan = session.get(Plan, version.plan_id)
            assert plan is not None
            unit_id = plan.owner_unit_id
        else:
            unit_id = _id(filing_unit)
    return _add(
        db,
        Filing(
            plan_version_id=version_id,
            filing_unit_id=unit_id,
            status=status,
            submitted_date=submitted,
            **fields,
        ),
    )


def make_finding(
    db: EngineLike,
    *,
    source: str = "drill",
    text: str = "发现的问题",
    drill: Drill | int | None = None,
    evaluation: Evaluation | int | None = None,
    plan: PlanRef | None = None,
) -> Finding:
    return _add(
        db,
        Finding(
            source=source,
            text=text,
            drill_id=_id(drill) if drill is not None else None,
            evaluation_id=_id(evaluation) if evaluation is not None else None,
            plan_id=_id(plan) if plan is not None else None,
        ),
    )


def make_action(
    db: EngineLike,
    *,
    due: date | None,
    status: str = "open",
    text: str = "整改措施",
    finding: Finding | int | None = None,
    plan: PlanRef | None = None,
    drill: Drill | int | None = None,
    evaluation: Evaluation | int | None = None,
    **fields: Any,
) -> CorrectiveAction:
    """A corrective action (纠正行动); without ``finding`` one is made from drill/evaluation.

    ``plan`` is the action's own plan (the plan section it changes).
    """
    if finding is None:
        source = "evaluation" if evaluation is not None else ("drill" if drill is not None else "incident")
        finding = make_finding(db, source=source, drill=drill, evaluation=evaluation)
    return _add(
        db,
        CorrectiveAction(
            finding_id=_id(finding),
            text=text,
            due=due,
            status=status,
            plan_id=_id(plan) if plan is not None else None,
            **fields,
        ),
    )
