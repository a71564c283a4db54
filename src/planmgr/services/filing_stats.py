"""Reading filings: lists with deemed filings, the diff against the last filing of a plan,
and filing rates of key and must-file enterprises per town.  (The data the forms print:
``filing_form_data``; the statistics workbook: ``filing_stats_xlsx``.)

Deemed filing (ENT Art.28): a submission the authority leaves unanswered past the 5th
working day after it was submitted counts as filed; it is computed when read (status
``deemed_filed`` in ``FilingRow.effective_status``), nothing has to run to store it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Engine, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from planmgr.domain.content import SectionDiff, diff_content
from planmgr.domain.due import VersionFacts, version_history
from planmgr.domain.enums import IN_FORCE_STATUSES, FilingStatus, PlanCategory, UnitKind
from planmgr.domain.errors import NotFoundError
from planmgr.domain.i18n import N_, chinese, tr
from planmgr.domain.workdays import WorkdayDate
from planmgr.services.region_rules import RegionSettings, read_region_settings
from planmgr.store.database import session_scope
from planmgr.store.models import Filing, FilingMaterial, Plan, PlanVersion, Unit

AUTHORITY_CHECK_RULE = "authority_check"


def formal_check_items() -> tuple[tuple[str, str], ...]:
    """形式审查 items (DOMAIN.md §5) and what each one looks for, in the interface language
    (what a dialog shows); in the order of ``FORMAL_CHECK_ITEMS``."""
    return (
        (tr("封面"), tr("版本号、预案名称、编制单位、发布日期")),
        (tr("批准页"), tr("主要负责人签发")),
        (tr("目录"), tr("章节目录齐全")),
        (tr("正文"), tr("内容完整，与附件一致")),
        (tr("附件"), tr("附件齐全")),
        (tr("编制过程记录"), tr("风险评估、资源调查、评审或论证等编制过程记录")),
    )


# The same items in Chinese: the keys the check results are stored under and what the
# printed 形式审查表 says, whatever the interface language.
with chinese():
    FORMAL_CHECK_ITEMS: tuple[tuple[str, str], ...] = formal_check_items()

FILED = frozenset({FilingStatus.FILED, FilingStatus.DEEMED_FILED})


@dataclass(frozen=True)
class MaterialRow:
    item: str
    provided: bool
    filename: str | None
    blob_sha256: str | None


@dataclass(frozen=True)
class FilingRow:
    """One filing as lists and forms show it.  ``effective_status`` is ``deemed_filed`` for a
    submission unanswered past its check deadline (ENT Art.28)."""

    uid: str
    unit_uid: str
    unit_name: str
    unit_uscc: str | None
    plan_uid: str
    plan_title: str
    plan_category: PlanCategory
    version_uid: str
    version_label: str
    published_date: date | None
    authority_name: str
    submitted_date: date | None
    status: FilingStatus
    effective_status: FilingStatus
    check_due: date | None
    check_due_estimated: bool
    filing_number: str | None
    registered_date: date | None
    returned_date: date | None
    return_notice: tuple[str, ...]
    fingerprint: str | None
    package_uid: str | None
    materials: tuple[MaterialRow, ...] = ()
    check_results: dict[str, Any] = field(default_factory=dict)
    row_version: int = 1  # pass back as ``expected_row_version`` when answering (filing_reply)

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "unit_uid": self.unit_uid,
            "unit_name": self.unit_name,
            "unit_uscc": self.unit_uscc,
            "plan_uid": self.plan_uid,
            "plan_title": self.plan_title,
            "version_uid": self.version_uid,
            "version_label": self.version_label,
            "authority_name": self.authority_name,
            "status": self.status.value,
            "effective_status": self.effective_status.value,
            "submitted_date": _iso(self.submitted_date),
            "check_due": _iso(self.check_due),
            "filing_number": self.filing_number,
            "registered_date": _iso(self.registered_date),
            "returned_date": _iso(self.returned_date),
            "return_notice": list(self.return_notice),
            "fingerprint": self.fingerprint,
            "package_uid": self.package_uid,
            "materials": [asdict(m) for m in self.materials],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def unit_by_uid(session: Session, uid: str) -> Unit:
    """The unit ``uid`` (deleted or not); ``NotFoundError`` when this database lacks it."""
    unit = session.exec(select(Unit).where(Unit.uid == uid)).first()
    if unit is None:
        raise NotFoundError(tr("找不到单位：{uid}", uid=uid))
    return unit


class CheckClock:
    """When the authority's check of a submission ends (ENT Art.28: 5 working days after it),
    by this database's rule table and working-day calendar.  The one place filings read the
    rule that ``services.compliance`` and ``domain.due`` apply; build once, ask per filing."""

    def __init__(self, region: RegionSettings) -> None:
        rule = region.rules.get(AUTHORITY_CHECK_RULE)
        self.workdays = rule.deadline_workdays if rule.enabled else None
        self.calendar = region.calendar()

    def due(self, submitted: date | None) -> WorkdayDate | None:
        """The last day of the check, or ``None`` (not submitted, or the rule switched off)."""
        if submitted is None or not self.workdays:
            return None
        return self.calendar.add_workdays(submitted, self.workdays)


def _effective(status: FilingStatus, check: WorkdayDate | None, as_of: date) -> FilingStatus:
    if status is FilingStatus.SUBMITTED and check is not None and check.day < as_of:
        return FilingStatus.DEEMED_FILED
    return status


# Table columns for the column-only reads below.
_F = Filing.__table__.c  # type: ignore[attr-defined]
_V = PlanVersion.__table__.c  # type: ignore[attr-defined]
_P = Plan.__table__.c  # type: ignore[attr-defined]
_U = Unit.__table__.c  # type: ignore[attr-defined]
_M = FilingMaterial.__table__.c  # type: ignore[attr-defined]


def _rows(
    session: Session, where: Sequence[ColumnElement[bool]], clock: CheckClock, as_of: date
) -> list[FilingRow]:
    # Columns, not ORM objects: a county has ~20,000 filings, and loading whole plans
    # (their content JSON) and units made the list take 20 s; this reads it in well under 1 s.
    stmt = (
        sa_select(
            _F.id, _F.uid, _F.status, _F.submitted_date, _F.authority_name, _F.filing_number,
            _F.registered_date, _F.returned_date, _F.return_notice, _F.fingerprint, _F.package_uid,
            _F.check_results, _F.row_version, _V.uid, _V.label, _V.published_date,
            _P.uid, _P.title, _P.category, _U.uid, _U.name, _U.uscc,
        )
        .join(PlanVersion, col(PlanVersion.id) == col(Filing.plan_version_id))
        .join(Plan, col(Plan.id) == col(PlanVersion.plan_id))
        .join(Unit, col(Unit.id) == col(Filing.filing_unit_id))
        .where(*where)
    )  # fmt: skip
    # Not yet submitted last, on every engine (PostgreSQL puts NULLs first in a descending sort).
    newest = col(Filing.submitted_date).desc().nulls_last()
    found = session.execute(stmt.order_by(newest, col(Filing.id).desc())).all()
    # A subquery, not a list of ids: a county's filings would pass SQLite's variable limit.
    chosen = stmt.with_only_columns(col(Filing.id))
    materials: dict[int, list[MaterialRow]] = defaultdict(list)
    for filing_id, item, provided, filename, sha in session.execute(
        sa_select(_M.filing_id, _M.item, _M.provided, _M.filename, _M.blob_sha256)
        .where(col(FilingMaterial.filing_id).in_(chosen))
        .order_by(col(FilingMaterial.id))
    ):  # fmt: skip
        materials[filing_id].append(MaterialRow(item, provided, filename, sha))
    checks: dict[date | None, WorkdayDate | None] = {}  # many filings share a submission day
    rows: list[FilingRow] = []
    for (
        filing_id, uid, status_value, submitted, authority, number, registered, returned, notice,
        fingerprint, package_uid, check_results, row_version,
        version_uid, version_label, published, plan_uid, plan_title, category,
        unit_uid, unit_name, unit_uscc,
    ) in found:  # fmt: skip
        status = FilingStatus(status_value)
        if submitted not in checks:
            checks[submitted] = clock.due(submitted)
        check = checks[submitted]
        rows.append(
            FilingRow(
                uid=uid,
                unit_uid=unit_uid,
                unit_name=unit_name,
                unit_uscc=unit_uscc,
                plan_uid=plan_uid,
                plan_title=plan_title,
                plan_category=PlanCategory(category),
                version_uid=version_uid,
                version_label=version_label,
                published_date=published,
                authority_name=authority,
                submitted_date=submitted,
                status=status,
                effective_status=_effective(status, check, as_of),
                check_due=check.day if check else None,
                check_due_estimated=bool(check and check.estimated),
                filing_number=number,
                registered_date=registered,
                returned_date=returned,
                return_notice=tuple(notice or ()),
                fingerprint=fingerprint,
                package_uid=package_uid,
                materials=tuple(materials.get(filing_id, ())),
                check_results=dict(check_results or {}),
                row_version=row_version,
            )
        )
    return rows


def list_filings(
    engine: Engine,
    *,
    as_of: date | None = None,
    unit_uid: str | None = None,
    status: FilingStatus | None = None,
    package_uid: str | None = None,
) -> list[FilingRow]:
    """Filings, newest submission first; ``status`` filters on the effective status."""
    as_of = as_of or date.today()
    clock = CheckClock(read_region_settings(engine))
    where: list[ColumnElement[bool]] = []
    if unit_uid is not None:
        where.append(col(Unit.uid) == unit_uid)
    if package_uid is not None:
        where.append(col(Filing.package_uid) == package_uid)
    with session_scope(engine) as session:
        rows = _rows(session, where, clock, as_of)
    return [r for r in rows if status is None or r.effective_status is status]


def get_filing(engine: Engine, uid: str, *, as_of: date | None = None) -> FilingRow:
    clock = CheckClock(read_region_settings(engine))
    with session_scope(engine) as session:
        rows = _rows(session, [col(Filing.uid) == uid], clock, as_of or date.today())
    if not rows:
        raise NotFoundError(tr("找不到备案：{uid}", uid=uid))
    return rows[0]


def answer_group(engine: Engine, uid: str, *, as_of: date | None = None) -> list[FilingRow]:
    """The filing and the others sent in the same package: they are answered together."""
    row = get_filing(engine, uid, as_of=as_of)
    if row.package_uid is None:
        return [row]
    rows = list_filings(engine, as_of=as_of, package_uid=row.package_uid)
    return sorted(rows, key=lambda r: (r.uid != uid, r.plan_title))


# --------------------------------------------------------------------------- diff


@dataclass(frozen=True)
class FilingDiff:
    """What changed since the last filing of the same plan (``previous`` None: first filing).
    ``SectionDiff.flags`` marks changed phone numbers, time limits and response levels."""

    previous: FilingRow | None
    sections: list[SectionDiff]

    @property
    def changed(self) -> list[SectionDiff]:
        return [s for s in self.sections if s.changed]


def diff_with_previous(engine: Engine, uid: str) -> FilingDiff:
    """The filed version against the version of the plan's previous filing (a different version,
    filed or at least submitted earlier); the office sees at once what the revision changed."""
    this = get_filing(engine, uid)
    earlier = [
        r
        for r in list_filings(engine, unit_uid=this.unit_uid)
        if r.plan_uid == this.plan_uid
        and r.version_uid != this.version_uid
        and (r.submitted_date or date.min) <= (this.submitted_date or date.max)
    ]
    if not earlier:
        return FilingDiff(None, [])
    # Prefer the last filing the authority accepted; else the last one sent.
    earlier.sort(key=lambda r: (r.effective_status in FILED, r.submitted_date or date.min), reverse=True)
    previous = earlier[0]
    with session_scope(engine) as session:
        contents = {
            v.uid: dict(v.content or {})
            for v in session.exec(
                select(PlanVersion).where(col(PlanVersion.uid).in_([previous.version_uid, this.version_uid]))
            )
        }
    return FilingDiff(previous, diff_content(contents[previous.version_uid], contents[this.version_uid]))


# --------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class TownRate:
    town_uid: str | None
    town_name: str
    key_total: int
    key_filed: int
    must_total: int
    must_filed: int

    @property
    def key_rate(self) -> float | None:
        return self.key_filed / self.key_total if self.key_total else None

    @property
    def must_rate(self) -> float | None:
        return self.must_filed / self.must_total if self.must_total else None


@dataclass(frozen=True)
class MissingEnterprise:
    unit_uid: str
    unit_name: str
    town_name: str
    key_enterprise: bool
    must_file: bool
    reason: str  # what ``state`` means, in the interface language (plan_state_reason)
    state: str = "none"  # "none" | "returned" | "pending" | "no_plan": test this, not ``reason``
    no_town: bool = False  # under no town: ``town_name`` is NO_TOWN in the interface language


@dataclass(frozen=True)
class FilingStatistics:
    as_of: date
    towns: list[TownRate]
    total: TownRate
    missing: list[MissingEnterprise]


NO_TOWN = N_("未划分乡镇（街道）")  # the town name of enterprises under no town (Chinese)
TOTAL = N_("合计")  # the town name of the total row (Chinese)
PLAN_STATES = ("none", "returned", "pending", "no_plan")  # worst first: MissingEnterprise.state


def plan_state_reason(state: str) -> str:
    """Why an enterprise of ``PLAN_STATES`` counts as not filed, in the interface language."""
    reasons = {
        "none": tr("未报送"),
        "returned": tr("退回补正"),
        "pending": tr("已报送，审查中"),
        "no_plan": tr("无已发布的预案"),
    }
    return reasons.get(state, state)


def filing_statistics(engine: Engine, *, as_of: date | None = None) -> FilingStatistics:
    """Filing rates of key enterprises (重点企业) and must-file enterprises (ENT Art.26 list),
    per town and in total.  An enterprise counts as filed when each of its plans in force
    has a filed or deemed-filed filing of a version that covers the one in force (a major
    revision is filed again, ENT Art.37); one with no plan in force has not filed."""
    as_of = as_of or date.today()
    clock = CheckClock(read_region_settings(engine))
    in_force = tuple(s.value for s in IN_FORCE_STATUSES)
    with session_scope(engine) as session:
        units = session.exec(select(Unit).where(col(Unit.deleted_at).is_(None))).all()
        by_id = {u.id: u for u in units}
        counted = [
            u for u in units if u.kind == UnitKind.ENTERPRISE.value and (u.key_enterprise or u.must_file)
        ]
        # Plans in force of counted enterprises, as a join condition (no id lists: SQLite's
        # variable limit), then their versions and filings in one query each.
        scope = (
            col(Plan.deleted_at).is_(None),
            col(Plan.status).in_(in_force),
            col(Unit.kind) == UnitKind.ENTERPRISE.value,
            col(Unit.deleted_at).is_(None),
            or_(col(Unit.key_enterprise), col(Unit.must_file)),
        )
        on_unit = col(Unit.id) == col(Plan.owner_unit_id)
        # Columns only: whole plans and versions carry their content JSON (20 s on a county).
        plans = session.execute(
            sa_select(_P.id, _P.owner_unit_id, _P.current_version_id).join(Unit, on_unit).where(*scope)
        ).all()
        versions: dict[int, list[VersionFacts]] = defaultdict(list)
        on_plan = col(Plan.id) == col(PlanVersion.plan_id)
        for vid, plan_id, published, issued, major in session.execute(
            sa_select(_V.id, _V.plan_id, _V.published_date, _V.issued_date, _V.major)
            .join(Plan, on_plan)
            .join(Unit, on_unit)
            .where(*scope)
        ):
            versions[plan_id].append(VersionFacts(vid, published, issued, major))
        filings: dict[int, list[tuple[str, date | None]]] = defaultdict(list)
        for vid, status, submitted in session.exec(
            select(col(Filing.plan_version_id), col(Filing.status), col(Filing.submitted_date))
            .join(PlanVersion, col(PlanVersion.id) == col(Filing.plan_version_id))
            .join(Plan, on_plan)
            .join(Unit, on_unit)
            .where(*scope)
        ):
            filings[vid].append((status, submitted))
        states: dict[int, list[str]] = defaultdict(list)
        for plan_id, owner_id, current_version_id in plans:
            history = version_history(versions.get(plan_id, []), current_version_id)
            window = history.filing_window if history else frozenset()
            found = [(FilingStatus(s), d) for vid in window for s, d in filings.get(vid, [])]
            states[owner_id].append(_plan_state(found, clock, as_of))

        def town_of(unit: Unit) -> Unit | None:
            node, hops = by_id.get(unit.parent_id), 0
            while node is not None and node.kind != UnitKind.TOWN.value and hops < 20:
                node, hops = by_id.get(node.parent_id), hops + 1
            return node if node is not None and node.kind == UnitKind.TOWN.value else None

        tally: dict[str | None, list[int]] = {}
        names: dict[str | None, str] = {}
        missing: list[MissingEnterprise] = []
        for unit in counted:
            town = town_of(unit)
            key = town.uid if town else None
            names[key] = town.name if town else tr("未划分乡镇（街道）")
            counts = tally.setdefault(key, [0, 0, 0, 0])
            unit_states = states.get(unit.id or 0, [])
            filed = bool(unit_states) and all(s == "filed" for s in unit_states)
            if unit.key_enterprise:
                counts[0] += 1
                counts[1] += filed
            if unit.must_file:
                counts[2] += 1
                counts[3] += filed
            if not filed:
                state = next((s for s in PLAN_STATES if s in unit_states), "no_plan")
                missing.append(
                    MissingEnterprise(
                        unit.uid,
                        unit.name,
                        names[key],
                        unit.key_enterprise,
                        unit.must_file,
                        plan_state_reason(state),
                        state,
                        town is None,
                    )
                )
    towns = sorted(
        (TownRate(k, names[k], *v) for k, v in tally.items()), key=lambda t: (t.town_uid is None, t.town_name)
    )
    total = TownRate(None, tr("合计"), *(sum(t[i] for t in tally.values()) for i in range(4)))
    missing.sort(key=lambda m: (m.town_name, m.unit_name))
    return FilingStatistics(as_of, towns, total, missing)


def _plan_state(found: list[tuple[FilingStatus, date | None]], clock: CheckClock, as_of: date) -> str:
    for status, submitted in found:
        if _effective(status, clock.due(submitted), as_of) in FILED:
            return "filed"
    statuses = {status for status, _ in found}
    if FilingStatus.SUBMITTED in statuses:
        return "pending"
    return "returned" if FilingStatus.RETURNED in statuses else "none"
