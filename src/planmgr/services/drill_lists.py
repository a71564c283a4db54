"""Drill lists (演练列表): the rows the drill page, the calendar and the annual plan show.

A county database holds tens of thousands of drills, so a list reads only the columns a
row shows and a fixed number of queries, whatever its length. The 得分率 of a row is read
from ``Drill.evaluation`` by the database (``_score_columns``), not by decoding every
evaluation in Python: an evaluation written by any path (``services.drill_evaluation``, a
ledger import, demo data, a restored backup, another program) shows its score at once, with
no stored copy to keep in step. Only an evaluation in the simple ``{"items": [...]}`` form (demo data,
records from other tools) is read in Python, and only for those rows.

Commands on a drill are in ``services.drills``; one drill with its record is
``drills.get_drill``.
"""

from __future__ import annotations

import calendar
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, String, Table, Text, cast, func, select, type_coerce
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, SQLModel

from planmgr.domain.enums import (
    IN_FORCE_STATUSES,
    DrillForm,
    DrillPurpose,
    DrillScope,
    DrillStatus,
    PlanCategory,
    PlanStatus,
)
from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.domain.i18n import tr
from planmgr.store.database import session_scope
from planmgr.store.models import Drill

RETIRED = (PlanStatus.ABOLISHED.value, PlanStatus.SUPERSEDED.value)

# Lists are Core statements on the tables: no ORM bookkeeping for each of thousands of rows.
DRILL: Table = SQLModel.metadata.tables["drill"]
DRILL_PLAN: Table = SQLModel.metadata.tables["drill_plan"]
PLAN: Table = SQLModel.metadata.tables["plan"]
UNIT: Table = SQLModel.metadata.tables["unit"]


@dataclass(frozen=True)
class PlanRef:
    uid: str
    title: str
    category: PlanCategory


@dataclass(frozen=True)
class DrillSummary:
    uid: str
    title: str
    organiser_unit_uid: str
    organiser_unit_name: str
    start: date
    end: date | None
    location: str | None
    form: DrillForm
    scope: DrillScope
    purpose: DrillPurpose
    tags: tuple[str, ...]
    status: DrillStatus
    plans: tuple[PlanRef, ...]
    head_count: int | None
    reported_to_authority: bool
    # High-risk units report each drill to the county authority (ENT Art.33; REG708 Art.8).
    report_required: bool
    score_percent: float | None
    row_version: int

    @property
    def days(self) -> list[date]:
        last = self.end if self.end and self.end >= self.start else self.start
        return [self.start + timedelta(days=i) for i in range((last - self.start).days + 1)]


@dataclass(frozen=True)
class AnnualDrillPlan:
    """年度演练计划 of one unit: its drills of the year and the plans not yet covered."""

    unit_uid: str
    unit_name: str
    year: int
    drills: list[DrillSummary]
    plans_without_drill: list[PlanRef] = field(default_factory=list)

    def count(self, status: DrillStatus) -> int:
        return sum(1 for d in self.drills if d.status is status)


@dataclass(frozen=True)
class UnitChoice:
    """A unit as the drill page offers it (organiser, filter)."""

    uid: str
    name: str
    high_risk: bool


# --- helpers ---------------------------------------------------------------------------


def _chunks[T](items: Sequence[T], size: int = 2000) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def unit_id(session: Session, uid: str) -> int:
    """The id of the live unit ``uid``; ``NotFoundError`` if there is none."""
    found = session.execute(
        select(UNIT.c.id).where(UNIT.c.uid == uid, UNIT.c.deleted_at.is_(None))
    ).scalar_one_or_none()
    if found is None:
        raise NotFoundError(tr("找不到单位：{uid}", uid=uid))
    return int(found)


# What a row reads: these columns only (not the log, record, evaluation or summary JSON);
# the score comes from ``_score_columns``. ``start``, ``end`` and ``tags`` come back as the
# database holds them (SQLite: text) and are decoded once per distinct value by ``_day`` and
# ``_tags``: most drills share their dates and tags with others.
_COLUMNS = ("id", "uid", "title", "organiser_unit_id", "location", "form", "scope", "purpose", "status",
            "head_count", "reported_to_authority", "row_version")  # fmt: skip
_AS_STORED = ("start", "end", "tags")
_JSON_NUMBER_START = tuple("-0123456789")
_FORMS = {m.value: m for m in DrillForm}
_SCOPES = {m.value: m for m in DrillScope}
_PURPOSES = {m.value: m for m in DrillPurpose}
_STATUSES = {m.value: m for m in DrillStatus}
_CATEGORIES = {m.value: m for m in PlanCategory}


def _score_columns(dialect: str) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """``score``: ``evaluation.score_percent`` as the database reads it, and ``has_items``:
    whether the evaluation has the simple ``items`` form. Each parses the JSON once (a
    PostgreSQL ``json`` value is parsed by every operator on it); ``_stored_score`` reads the
    number. SQLite's ``json_extract`` gives a JSON number (true/false as 1/0) as a number and
    anything else as text; PostgreSQL gives the JSON text of the value."""
    evaluation = DRILL.c.evaluation
    if dialect == "postgresql":
        score: ColumnElement[Any] = cast(evaluation.op("->")("score_percent"), Text)
        has_items: ColumnElement[Any] = evaluation.op("->")("items").is_not(None)
    else:
        score = func.json_extract(evaluation, "$.score_percent")
        has_items = func.json_type(evaluation, "$.items").is_not(None)
    return score.label("score"), has_items.label("has_items")


def _stored_score(value: Any, postgresql: bool) -> float | None:
    """The ``score`` column as ``_score_percent`` reads ``score_percent``: a number (Python
    counts true/false as 1/0) or ``None`` (then the ``items`` form decides)."""
    if postgresql and isinstance(value, str):
        if value in ("true", "false"):
            return 1.0 if value == "true" else 0.0
        return float(value) if value[:1] in _JSON_NUMBER_START else None
    if isinstance(value, int | float):
        return float(value)
    return None


def _summary_select(session: Session) -> Any:
    """The live drills with what a row shows; callers add their filters."""
    score, has_items = _score_columns(session.get_bind().dialect.name)
    stored = (type_coerce(DRILL.c[name], String).label(name) for name in _AS_STORED)
    return select(*(DRILL.c[name] for name in _COLUMNS), *stored, score, has_items).where(
        DRILL.c.deleted_at.is_(None)
    )


@lru_cache(maxsize=4096)
def _iso_day(text: str) -> date:
    return date.fromisoformat(text)


def _day(value: Any) -> Any:
    """A date as ``_summary_select`` reads it (ISO text on SQLite, a ``date`` on PostgreSQL)."""
    return _iso_day(value[:10]) if isinstance(value, str) else value


@lru_cache(maxsize=4096)
def _json_tags(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text) or ())


def _tags(value: Any) -> tuple[str, ...]:
    """Tags as ``_summary_select`` reads them (JSON text on SQLite, a list on PostgreSQL)."""
    return _json_tags(value) if isinstance(value, str) else tuple(value or ())


def _score_percent(evaluation: dict[str, Any]) -> float | None:
    """The stored 得分率; for the simple ``{"items": [{score, max}]}`` form, score over maximum."""
    score = evaluation.get("score_percent")
    if isinstance(score, int | float):
        return float(score)
    items = [i for i in evaluation.get("items") or () if isinstance(i, dict)]
    got = sum(float(i.get("score") or 0) for i in items if i.get("score") is not None)
    top = sum(float(i.get("max") or 5) for i in items if i.get("score") is not None)
    return round(got / top * 100, 1) if top else None


def _scores(session: Session, rows: Sequence[Any]) -> dict[int, float | None]:
    """Drill id → 得分率 of ``_summary_select`` rows; the evaluations in the simple ``items``
    form without a stored score are loaded (those rows only) and read by ``_score_percent``."""
    postgresql = session.get_bind().dialect.name == "postgresql"
    scores: dict[int, float | None] = {}
    pending: list[int] = []
    for row in rows:
        scores[row.id] = score = _stored_score(row.score, postgresql)
        if score is None and row.has_items:
            pending.append(row.id)
    for chunk in _chunks(pending):
        found = session.execute(select(DRILL.c.id, DRILL.c.evaluation).where(DRILL.c.id.in_(chunk))).all()
        scores.update((drill_id, _score_percent(evaluation or {})) for drill_id, evaluation in found)
    return scores


def _plans_of(session: Session, where: ColumnElement[bool]) -> dict[int, list[PlanRef]]:
    """Drill id → the plans it exercises, for the drill links ``where`` selects."""
    rows = session.execute(
        select(DRILL_PLAN.c.drill_id, PLAN.c.uid, PLAN.c.title, PLAN.c.category)
        .join(PLAN, PLAN.c.id == DRILL_PLAN.c.plan_id)
        .where(where)
        .order_by(DRILL_PLAN.c.id)
    ).all()
    plans_of: dict[int, list[PlanRef]] = defaultdict(list)
    for drill_id, uid, title, category in rows:
        plans_of[drill_id].append(PlanRef(uid, title, _CATEGORIES[category]))
    return plans_of


def _units(session: Session, unit_ids: Iterable[int]) -> dict[int, tuple[str, str, bool]]:
    """Unit id → (uid, name, high risk); a county has a few thousand units."""
    units: dict[int, tuple[str, str, bool]] = {}
    for chunk in _chunks(list(set(unit_ids))):
        rows = session.execute(
            select(UNIT.c.id, UNIT.c.uid, UNIT.c.name, UNIT.c.high_risk).where(UNIT.c.id.in_(chunk))
        ).all()
        units.update((unit_id, (uid, name, bool(high_risk))) for unit_id, uid, name, high_risk in rows)
    return units


def _summaries(
    drills: Iterable[Sequence[Any]],
    scores: dict[int, float | None],
    plans_of: dict[int, list[PlanRef]],
    units: dict[int, tuple[str, str, bool]],
) -> list[DrillSummary]:
    """Summaries of rows holding ``_COLUMNS`` then ``_AS_STORED``, in that order."""
    result = []
    for row in drills:
        (drill_id, uid, title, organiser_id, location, form, scope, purpose, status, head_count, reported,
         row_version, start, end, tags) = row[:15]  # fmt: skip
        unit_uid, unit_name, high_risk = units[organiser_id]
        result.append(
            DrillSummary(
                uid=uid,
                title=title,
                organiser_unit_uid=unit_uid,
                organiser_unit_name=unit_name,
                start=_day(start),
                end=_day(end),
                location=location,
                form=_FORMS[form],
                scope=_SCOPES[scope],
                purpose=_PURPOSES[purpose],
                tags=_tags(tags),
                status=_STATUSES[status],
                plans=tuple(plans_of.get(drill_id, ())),
                head_count=head_count,
                reported_to_authority=bool(reported),
                report_required=high_risk,
                score_percent=scores.get(drill_id),
                row_version=row_version,
            )
        )
    return result


def _listed(session: Session, stmt: Any) -> list[DrillSummary]:
    """Summaries of the drills a ``_summary_select`` statement (with its filters) finds, by
    date, in a fixed number of queries; plans are read by the same filters, not by ids."""
    rows = session.execute(stmt.order_by(DRILL.c.start, DRILL.c.id)).all()
    ids = stmt.with_only_columns(DRILL.c.id).scalar_subquery()
    plans = _plans_of(session, DRILL_PLAN.c.drill_id.in_(ids))
    units = _units(session, (r.organiser_unit_id for r in rows))
    return _summaries(rows, _scores(session, rows), plans, units)


def summary_of(session: Session, drill: Drill) -> DrillSummary:
    """The row of one loaded drill (what a command returns)."""
    drill_id = drill.id or 0
    plans = _plans_of(session, DRILL_PLAN.c.drill_id == drill_id)
    units = _units(session, [drill.organiser_unit_id])
    row = [getattr(drill, name) for name in (*_COLUMNS, *_AS_STORED)]
    return _summaries([row], {drill_id: _score_percent(drill.evaluation or {})}, plans, units)[0]


# --- reading ---------------------------------------------------------------------------


def list_drills(
    engine: Engine,
    *,
    unit_uid: str | None = None,
    year: int | None = None,
    status: DrillStatus | None = None,
    plan_uid: str | None = None,
) -> list[DrillSummary]:
    """Drills (not deleted) by date; filtered by organising unit, year, status or plan."""
    with session_scope(engine) as session:
        stmt = _summary_select(session)
        if unit_uid is not None:
            stmt = stmt.where(DRILL.c.organiser_unit_id == unit_id(session, unit_uid))
        if year is not None:
            stmt = stmt.where(DRILL.c.start >= date(year, 1, 1), DRILL.c.start <= date(year, 12, 31))
        if status is not None:
            stmt = stmt.where(DRILL.c.status == status.value)
        if plan_uid is not None:
            plan_id = session.execute(select(PLAN.c.id).where(PLAN.c.uid == plan_uid)).scalar_one_or_none()
            if plan_id is None:
                raise NotFoundError(tr("找不到预案：{uid}", uid=plan_uid))
            stmt = stmt.where(
                DRILL.c.id.in_(select(DRILL_PLAN.c.drill_id).where(DRILL_PLAN.c.plan_id == plan_id))
            )
        return _listed(session, stmt)


def annual_plan(engine: Engine, unit_uid: str, year: int) -> AnnualDrillPlan:
    """年度演练计划: the unit's drills of ``year`` and its plans in force with no drill in it."""
    drills = list_drills(engine, unit_uid=unit_uid, year=year)
    covered = {p.uid for d in drills if d.status is not DrillStatus.CANCELLED for p in d.plans}
    with session_scope(engine) as session:
        owner_id = unit_id(session, unit_uid)
        uid, name = session.execute(select(UNIT.c.uid, UNIT.c.name).where(UNIT.c.id == owner_id)).one()
        plans = session.execute(
            select(PLAN.c.uid, PLAN.c.title, PLAN.c.category)
            .where(
                PLAN.c.owner_unit_id == owner_id,
                PLAN.c.deleted_at.is_(None),
                PLAN.c.status.in_([s.value for s in IN_FORCE_STATUSES]),
            )
            .order_by(PLAN.c.title)
        ).all()
        uncovered = [PlanRef(p_uid, title, _CATEGORIES[category])
                     for p_uid, title, category in plans if p_uid not in covered]  # fmt: skip
        return AnnualDrillPlan(uid, name, year, drills, uncovered)


def drills_in_month(
    engine: Engine, year: int, month: int, *, unit_uid: str | None = None
) -> dict[int, list[DrillSummary]]:
    """Day of month → drills on that day, for a month calendar; a multi-day drill is on each day."""
    if not 1 <= month <= 12:
        raise ValidationError(tr("月份应为 1–12：{month}", month=month))
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    with session_scope(engine) as session:
        stmt = _summary_select(session).where(
            DRILL.c.start <= last,
            func.coalesce(DRILL.c.end, DRILL.c.start) >= first,
        )
        if unit_uid is not None:
            stmt = stmt.where(DRILL.c.organiser_unit_id == unit_id(session, unit_uid))
        drills = _listed(session, stmt)
    days: dict[int, list[DrillSummary]] = defaultdict(list)
    for drill in drills:
        for day in drill.days:
            if first <= day <= last:
                days[day.day].append(drill)
    return dict(sorted(days.items()))


def unreported_drills(engine: Engine, *, unit_uid: str | None = None) -> list[DrillSummary]:
    """Done drills of high-risk units not yet reported to the authority (ENT Art.33; REG708 Art.8).

    Filtered in the query (a county database holds tens of thousands of done drills).
    """
    with session_scope(engine) as session:
        stmt = _summary_select(session).where(
            DRILL.c.status == DrillStatus.DONE.value,
            DRILL.c.reported_to_authority.is_(False),
            DRILL.c.organiser_unit_id.in_(select(UNIT.c.id).where(UNIT.c.high_risk.is_(True))),
        )
        if unit_uid is not None:
            stmt = stmt.where(DRILL.c.organiser_unit_id == unit_id(session, unit_uid))
        return _listed(session, stmt)


def drill_units(engine: Engine) -> list[UnitChoice]:
    """Live units that organise drills or own a plan a drill can exercise, by name (one query)."""
    with session_scope(engine) as session:
        organisers = select(DRILL.c.organiser_unit_id).where(DRILL.c.deleted_at.is_(None))
        owners = select(PLAN.c.owner_unit_id).where(
            PLAN.c.deleted_at.is_(None), PLAN.c.status.not_in(RETIRED)
        )
        rows = session.execute(
            select(UNIT.c.uid, UNIT.c.name, UNIT.c.high_risk)
            .where(UNIT.c.deleted_at.is_(None), UNIT.c.id.in_(organisers.union(owners).scalar_subquery()))
            .order_by(UNIT.c.name, UNIT.c.id)
        ).all()
        return [UnitChoice(uid, name, bool(high_risk)) for uid, name, high_risk in rows]


def drillable_plans(engine: Engine, unit_uid: str) -> list[PlanRef]:
    """The unit's plans a new drill may exercise (not deleted, superseded or abolished), by title."""
    with session_scope(engine) as session:
        rows = session.execute(
            select(PLAN.c.uid, PLAN.c.title, PLAN.c.category)
            .where(
                PLAN.c.owner_unit_id == unit_id(session, unit_uid),
                PLAN.c.deleted_at.is_(None),
                PLAN.c.status.not_in(RETIRED),
            )
            .order_by(PLAN.c.title, PLAN.c.id)
        ).all()
        return [PlanRef(uid, title, _CATEGORIES[category]) for uid, title, category in rows]


def drill_years(engine: Engine) -> tuple[int, int] | None:
    """First and last year of the drills in the database (``None`` without drills)."""
    with session_scope(engine) as session:
        first, last = session.execute(
            select(func.min(DRILL.c.start), func.max(DRILL.c.start)).where(DRILL.c.deleted_at.is_(None))
        ).one()
        if first is None or last is None:
            return None
        return _day(first).year, _day(last).year  # type: ignore[no-any-return]


@dataclass(frozen=True)
class DrillListing:
    """What the drills page shows for a unit and a year: read in one go, off the GUI thread."""

    unit_uid: str | None
    year: int | None
    drills: list[DrillSummary]
    uncovered: list[PlanRef] = field(default_factory=list)
    unreported: list[DrillSummary] = field(default_factory=list)
    units: list[UnitChoice] = field(default_factory=list)
    years: tuple[int, int] | None = None


def drill_listing(engine: Engine, unit_uid: str | None, year: int | None) -> DrillListing:
    """The drills of a unit and year (either may be all), and what the page shows beside them."""
    if unit_uid is not None and year is not None:
        annual = annual_plan(engine, unit_uid, year)
        found, uncovered = annual.drills, annual.plans_without_drill
    else:
        found, uncovered = list_drills(engine, unit_uid=unit_uid, year=year), []
    return DrillListing(
        unit_uid,
        year,
        found,
        uncovered,
        unreported_drills(engine),
        drill_units(engine),
        drill_years(engine),
    )
