"""What the 首页看板 shows, read in one call off the GUI thread (DESIGN.md §4, §8).

- plans per category, split into in force / in preparation / retired;
- drills per month over the last twelve months (done and planned; cancelled ones not);
- the filing rate of key enterprises (重点企业应急预案备案率, the city's own indicator,
  target 100%), in total and per town;
- the due list of the compliance engine (``services.compliance``).

Every figure comes from a few grouped or column-only queries, so a county database
(25,000 plans, 70,000 drills) is read in about a second.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, Table, extract, func, select

from planmgr.domain.due import DueReport, VersionFacts, version_history
from planmgr.domain.enums import (
    IN_FORCE_STATUSES,
    DrillStatus,
    FilingStatus,
    PlanCategory,
    PlanStatus,
    UnitKind,
)
from planmgr.domain.i18n import N_, tr
from planmgr.domain.workdays import add_months
from planmgr.services import compliance, hierarchy
from planmgr.services.hierarchy import Overview
from planmgr.services.region_rules import read_region_settings
from planmgr.store.database import session_scope
from planmgr.store.models import Drill, Filing, Plan, PlanVersion, Unit

_plan: Table = Plan.__table__  # type: ignore[attr-defined]
_unit: Table = Unit.__table__  # type: ignore[attr-defined]
_version: Table = PlanVersion.__table__  # type: ignore[attr-defined]
_filing: Table = Filing.__table__  # type: ignore[attr-defined]
_drill: Table = Drill.__table__  # type: ignore[attr-defined]

TARGET_RATE = 1.0  # 重点企业应急预案备案率: the target is every key enterprise filed
AUTHORITY_CHECK_RULE = "authority_check"
NO_TOWN = N_("未划分乡镇（街道）")  # the town of key enterprises under no town (Chinese)

_IN_FORCE = frozenset(s.value for s in IN_FORCE_STATUSES)
_PREPARING = frozenset({PlanStatus.DRAFTING.value, PlanStatus.IN_REVIEW.value})
_FILED = frozenset({FilingStatus.FILED.value, FilingStatus.DEEMED_FILED.value})


@dataclass(frozen=True)
class CategoryCount:
    """Live plans of one category: in force (published, revising), in preparation
    (drafting, in review) and retired (superseded, abolished)."""

    category: PlanCategory
    in_force: int
    preparing: int
    retired: int

    @property
    def label(self) -> str:
        return self.category.text

    @property
    def total(self) -> int:
        return self.in_force + self.preparing + self.retired


@dataclass(frozen=True)
class MonthCount:
    """Drills starting in one month: done, and still planned."""

    year: int
    month: int
    done: int
    planned: int

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class TownFilingRate:
    town_uid: str | None
    town_name: str
    total: int  # key enterprises
    filed: int  # of which every plan in force is filed (or deemed filed)

    @property
    def rate(self) -> float | None:
        return self.filed / self.total if self.total else None


@dataclass(frozen=True)
class KeyFilingRate:
    """重点企业应急预案备案率, in total and per town (towns by name, no town last)."""

    as_of: date
    total: int
    filed: int
    towns: tuple[TownFilingRate, ...]
    target: float = TARGET_RATE

    @property
    def rate(self) -> float | None:
        return self.filed / self.total if self.total else None


@dataclass(frozen=True)
class DashboardData:
    as_of: date
    overview: Overview
    categories: tuple[CategoryCount, ...]
    drills: tuple[MonthCount, ...]
    key_filing: KeyFilingRate
    due: DueReport


def plans_by_category(engine: Engine) -> list[CategoryCount]:
    """Every category (in the enum's order, empty ones included) with its live plans by state."""
    query = (
        select(_plan.c.category, _plan.c.status, func.count())
        .where(_plan.c.deleted_at.is_(None))
        .group_by(_plan.c.category, _plan.c.status)
    )
    with session_scope(engine) as session:
        rows = session.execute(query).all()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for category, status, count in rows:
        slot = 0 if status in _IN_FORCE else 1 if status in _PREPARING else 2
        counts[category][slot] += int(count)
    return [CategoryCount(c, *counts[c.value]) for c in PlanCategory]


def drills_per_month(engine: Engine, as_of: date, months: int = 12) -> list[MonthCount]:
    """The ``months`` calendar months up to and including ``as_of``'s, oldest first."""
    first = add_months(as_of.replace(day=1), -(months - 1))
    end = add_months(as_of.replace(day=1), 1)
    year = extract("year", _drill.c.start)
    month = extract("month", _drill.c.start)
    query = (
        select(year, month, _drill.c.status, func.count())
        .where(
            _drill.c.deleted_at.is_(None),
            _drill.c.start >= first,
            _drill.c.start < end,
            _drill.c.status.in_((DrillStatus.DONE.value, DrillStatus.PLANNED.value)),
        )
        .group_by(year, month, _drill.c.status)
    )
    with session_scope(engine) as session:
        rows = session.execute(query).all()
    found: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for y, m, status, count in rows:
        found[(int(y), int(m))][0 if status == DrillStatus.DONE.value else 1] += int(count)
    result = []
    for offset in range(months):
        day = add_months(first, offset)
        done, planned = found[(day.year, day.month)]
        result.append(MonthCount(day.year, day.month, done, planned))
    return result


def key_enterprise_filing_rate(engine: Engine, as_of: date) -> KeyFilingRate:
    """重点企业应急预案备案率 at ``as_of``.

    As ``filing_statistics`` counts it: a key enterprise has filed when each of its plans
    in force has a filed or deemed-filed filing (ENT Art.28: unanswered past the authority's
    check) of a version that covers the one in force (a major revision is filed again,
    ENT Art.37); one without a plan in force has not.  Column-only queries: this runs on
    every dashboard refresh of a county database.
    """
    region = read_region_settings(engine)
    check_rule = region.rules.get(AUTHORITY_CHECK_RULE)
    check_days = check_rule.deadline_workdays if check_rule.enabled else None
    calendar = region.calendar()
    key_scope = (
        _plan.c.deleted_at.is_(None),
        _plan.c.status.in_(sorted(_IN_FORCE)),
        _unit.c.deleted_at.is_(None),
        _unit.c.kind == UnitKind.ENTERPRISE.value,
        _unit.c.key_enterprise.is_(True),
    )
    on_unit = _unit.c.id == _plan.c.owner_unit_id
    with session_scope(engine) as session:
        unit_columns = (_unit.c.id, _unit.c.uid, _unit.c.name, _unit.c.kind, _unit.c.parent_id)
        units = session.execute(
            select(*unit_columns, _unit.c.key_enterprise).where(_unit.c.deleted_at.is_(None))
        ).all()
        plans = session.execute(
            select(_plan.c.id, _plan.c.owner_unit_id, _plan.c.current_version_id)
            .join(_unit, on_unit)
            .where(*key_scope)
        ).all()
        versions: dict[int, list[VersionFacts]] = defaultdict(list)
        for vid, pid, published, issued, major in session.execute(
            select(_version.c.id, _version.c.plan_id, _version.c.published_date, _version.c.issued_date,
                   _version.c.major)
            .join(_plan, _plan.c.id == _version.c.plan_id)
            .join(_unit, on_unit)
            .where(*key_scope)
        ):  # fmt: skip
            versions[pid].append(VersionFacts(vid, published, issued, bool(major)))
        filings: dict[int, list[tuple[str, date | None]]] = defaultdict(list)
        for vid, status, submitted in session.execute(
            select(_filing.c.plan_version_id, _filing.c.status, _filing.c.submitted_date)
            .join(_version, _version.c.id == _filing.c.plan_version_id)
            .join(_plan, _plan.c.id == _version.c.plan_id)
            .join(_unit, on_unit)
            .where(*key_scope)
        ):
            filings[vid].append((status, submitted))

    def filed(found: list[tuple[str, date | None]]) -> bool:
        for status, submitted in found:
            if status in _FILED:
                return True
            if status != FilingStatus.SUBMITTED.value or submitted is None or not check_days:
                continue
            if calendar.add_workdays(submitted, check_days).day < as_of:
                return True  # unanswered past the check: 视为已经备案
        return False

    plan_filed: dict[int, list[bool]] = defaultdict(list)
    for pid, owner, current in plans:
        history = version_history(versions.get(pid, []), current)
        window = history.filing_window if history else frozenset()
        plan_filed[owner].append(filed([f for vid in window for f in filings.get(vid, [])]))

    by_id = {row[0]: row for row in units}

    def town_of(parent_id: int | None) -> tuple[str | None, str]:
        node, hops = by_id.get(parent_id) if parent_id is not None else None, 0
        while node is not None and node[3] != UnitKind.TOWN.value and hops < 20:
            node, hops = by_id.get(node[4]) if node[4] is not None else None, hops + 1
        if node is not None and node[3] == UnitKind.TOWN.value:
            return node[1], node[2]
        return None, tr("未划分乡镇（街道）")

    tally: dict[tuple[str | None, str], list[int]] = defaultdict(lambda: [0, 0])
    for uid_id, _uid, _name, kind, parent_id, key in units:
        if kind != UnitKind.ENTERPRISE.value or not key:
            continue
        counts = tally[town_of(parent_id)]
        states = plan_filed.get(uid_id, [])
        counts[0] += 1
        counts[1] += bool(states) and all(states)
    towns = sorted(
        (TownFilingRate(uid, name, total, done) for (uid, name), (total, done) in tally.items()),
        key=lambda t: (t.town_uid is None, t.town_name),
    )
    return KeyFilingRate(as_of, sum(t.total for t in towns), sum(t.filed for t in towns), tuple(towns))


def dashboard(engine: Engine, as_of: date) -> DashboardData:
    """Everything the dashboard shows (about a second on a county database: run it off
    the GUI thread)."""
    return DashboardData(
        as_of=as_of,
        overview=hierarchy.overview(engine),
        categories=tuple(plans_by_category(engine)),
        drills=tuple(drills_per_month(engine, as_of)),
        key_filing=key_enterprise_filing_rate(engine, as_of),
        due=compliance.due_report(engine, as_of),
    )
