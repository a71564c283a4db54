"""The due list computed from plain facts (DOMAIN.md §3, "How a due date is computed").

The service layer loads the facts with a handful of set-based queries; everything here is
pure Python so every screen, the CLI and the tests agree on one computation.

The record classes are plain (not frozen) slotted dataclasses: a county computes ~25,000
plans and ~36,000 items, and a frozen dataclass is six times slower to build.  Treat them
as read-only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planmgr.domain.enums import IN_FORCE_STATUSES, FilingStatus
from planmgr.domain.rules import (
    DEFAULT_RULES_BY_ID,
    Anchor,
    DueKind,
    DueStatus,
    Rule,
    RuleLevel,
    RuleSet,
    due_status,
)
from planmgr.domain.workdays import WorkdayCalendar, WorkdayDate, add_months

FILED_STATUSES = frozenset({FilingStatus.FILED, FilingStatus.DEEMED_FILED})


@dataclass(slots=True)
class UnitFacts:
    id: int
    uid: str
    name: str
    kind: str
    must_file: bool = False
    listed_for_review: bool = False
    high_risk: bool = False

    @property
    def flags(self) -> frozenset[str]:
        names = ("must_file", "listed_for_review", "high_risk")
        return frozenset(n for n, on in zip(names, (self.must_file, self.listed_for_review, self.high_risk),
                                             strict=True) if on)


@dataclass(slots=True)
class VersionFacts:
    id: int
    published: date | None  # 公布 / 发布
    issued: date | None = None  # 印发
    major: bool = False

    @property
    def in_force_from(self) -> date | None:
        """The version's publication date; the issue date where no publication is recorded."""
        return self.published or self.issued


@dataclass(slots=True)
class FilingFacts:
    version_id: int
    status: str
    submitted: date | None = None


@dataclass(slots=True)
class PlanFacts:
    id: int
    uid: str
    title: str
    category: str
    unit_id: int
    status: str
    current_version_id: int | None
    event_types: tuple[str, ...] = ()
    versions: tuple[VersionFacts, ...] = ()
    filings: tuple[FilingFacts, ...] = ()
    last_drill: date | None = None  # latest done drill of this plan, any version
    last_evaluation: date | None = None


@dataclass(slots=True)
class ActionFacts:
    """An open corrective action with a due date, already resolved to its unit (and plan)."""

    uid: str
    due: date
    unit_uid: str
    unit_name: str
    plan_uid: str | None = None
    plan_title: str | None = None


def _rule_texts(rule_id: str, title: str, source: str) -> tuple[str, str]:
    """A rule's title and source in the interface language; ``title`` and ``source`` (the
    Chinese an item carries) if the rule is not a built-in one."""
    rule = DEFAULT_RULES_BY_ID.get(rule_id)
    if rule is None:
        return title, source
    return (
        rule.title_text if rule.title == title else title,
        rule.source_text if rule.source == source else source,
    )


@dataclass(slots=True)
class DueItem:
    """One line of the due list; the first ten fields are the ``due --json`` contract.

    ``source`` and ``rule_title`` are the rule's Chinese (the JSON contract, exports and
    printed lists); ``source_text`` and ``rule_title_text`` are what the interface shows.
    """

    unit_uid: str
    unit_name: str
    plan_uid: str | None
    plan_title: str | None
    kind: DueKind
    due_date: date
    status: DueStatus
    rule_id: str
    source: str
    calendar_estimated: bool
    rule_title: str = ""
    anchor_date: date | None = None  # what the due date was counted from

    def to_json(self) -> dict[str, object]:
        return {
            "unit_uid": self.unit_uid,
            "unit_name": self.unit_name,
            "plan_uid": self.plan_uid,
            "plan_title": self.plan_title,
            "kind": self.kind.value,
            "due_date": self.due_date.isoformat(),
            "status": self.status.value,
            "rule_id": self.rule_id,
            "source": self.source,
            "calendar_estimated": self.calendar_estimated,
        }

    @property
    def rule_title_text(self) -> str:
        """The rule's title in the interface language."""
        return _rule_texts(self.rule_id, self.rule_title, self.source)[0]

    @property
    def source_text(self) -> str:
        """The rule's source in the interface language."""
        return _rule_texts(self.rule_id, self.rule_title, self.source)[1]


@dataclass(slots=True)
class DeemedFiling:
    """A submission the authority left unanswered past its check deadline (视为已经备案).

    ``source`` is Chinese (as exported); ``source_text`` is what the interface shows."""

    unit_uid: str
    unit_name: str
    plan_uid: str
    plan_title: str
    submitted: date
    check_due: date
    calendar_estimated: bool
    source: str
    rule_id: str = "authority_check"

    @property
    def source_text(self) -> str:
        """The check rule's source in the interface language."""
        rule = DEFAULT_RULES_BY_ID.get(self.rule_id)
        return rule.source_text if rule is not None and rule.source == self.source else self.source


@dataclass(frozen=True)
class DueReport:
    as_of: date
    due_soon_days: int
    items: tuple[DueItem, ...]
    deemed_filed: tuple[DeemedFiling, ...] = ()

    @property
    def calendar_estimated(self) -> bool:
        return any(i.calendar_estimated for i in self.items) or any(
            d.calendar_estimated for d in self.deemed_filed
        )

    def by_status(self, status: DueStatus) -> list[DueItem]:
        return [i for i in self.items if i.status is status]


def _order(version: VersionFacts) -> tuple[date, int]:
    return (version.in_force_from or date.min, version.id)


@dataclass(slots=True)
class VersionHistory:
    """The published versions up to the one in force, as the rules see them."""

    current: VersionFacts
    first_published: date | None  # earliest publication of any version (drill anchor)
    filing_base: VersionFacts  # latest major version (or the first): its filing is owed
    filing_window: frozenset[int]  # versions whose filing covers the version in force


def version_history(versions: Sequence[VersionFacts], current_id: int | None) -> VersionHistory | None:
    """Versions ordered by publication; a major revision restarts the filing window.

    The filing of an older version covers minor revisions after it, not a major one
    (ENT Art.37 [R]; GOV2024 [R]: a major revision is filed again).
    """
    if len(versions) == 1:  # the usual case
        only = versions[0]
        if only.id != current_id:
            return None
        return VersionHistory(only, only.in_force_from, only, frozenset((only.id,)))
    current = next((v for v in versions if v.id == current_id), None)
    if current is None:
        return None
    upto = _order(current)
    history = sorted(
        (v for v in versions if v.id == current.id or (v.in_force_from is not None and _order(v) <= upto)),
        key=_order,
    )
    base_index = 0
    for index, version in enumerate(history):
        if version.major:
            base_index = index
    dates = [v.in_force_from for v in history if v.in_force_from is not None]
    return VersionHistory(
        current=current,
        first_published=min(dates) if dates else None,
        filing_base=history[base_index],
        filing_window=frozenset(v.id for v in history[base_index:]),
    )


def _latest(*days: date | None) -> date | None:
    present = [d for d in days if d is not None]
    return max(present) if present else None


class _Builder:
    def __init__(self, rules: RuleSet, calendar: WorkdayCalendar, as_of: date) -> None:
        self.rules = rules
        self.calendar = calendar
        self.as_of = as_of
        self.items: list[DueItem] = []
        self.deemed: list[DeemedFiling] = []
        self.plan_rules = rules.active(RuleLevel.PLAN)
        self.unit_rules = rules.active(RuleLevel.UNIT)
        self.check_rule = next((r for r in self.plan_rules if r.kind is DueKind.AUTHORITY_CHECK), None)
        # Which plan rules apply depends on a few attributes only; a county has few combinations.
        self._applicable: dict[tuple[str, frozenset[str], str, tuple[str, ...]], list[Rule]] = {}
        self._soon = as_of + timedelta(days=rules.due_soon_days)
        self._months: dict[tuple[date, int], WorkdayDate] = {}

    def applicable(self, unit: UnitFacts, flags: frozenset[str], plan: PlanFacts) -> list[Rule]:
        key = (unit.kind, flags, plan.category, plan.event_types)
        found = self._applicable.get(key)
        if found is None:
            found = [
                rule for rule in self.plan_rules
                if rule.kind is not DueKind.AUTHORITY_CHECK  # follows from a filing rule
                and rule.matches_unit(unit.kind, flags)
                and rule.matches_plan(plan.category, plan.event_types)
            ]
            self._applicable[key] = found
        return found

    def status(self, due: date) -> DueStatus:
        if due < self.as_of:
            return DueStatus.OVERDUE
        return DueStatus.DUE_SOON if due <= self._soon else DueStatus.OK

    def due_after(self, rule: Rule, anchor: date) -> WorkdayDate:
        if rule.interval_months is not None:
            key = (anchor, rule.interval_months)
            found = self._months.get(key)
            if found is None:  # anchors repeat a lot: publication days, drill days
                found = self._months[key] = WorkdayDate(add_months(anchor, rule.interval_months), False)
            return found
        assert rule.deadline_workdays is not None
        return self.calendar.add_workdays(anchor, rule.deadline_workdays)

    def item(
        self,
        unit: UnitFacts,
        plan: PlanFacts | None,
        rule: Rule,
        due: WorkdayDate,
        anchor: date | None,
    ) -> DueItem:
        return DueItem(
            unit_uid=unit.uid,
            unit_name=unit.name,
            plan_uid=plan.uid if plan else None,
            plan_title=plan.title if plan else None,
            kind=rule.kind,
            due_date=due.day,
            status=self.status(due.day),
            rule_id=rule.id,
            source=rule.source,
            calendar_estimated=due.estimated,
            rule_title=rule.title,
            anchor_date=anchor,
        )

    def plan_items(
        self, unit: UnitFacts, flags: frozenset[str], plan: PlanFacts, history: VersionHistory
    ) -> None:
        best: dict[DueKind, DueItem] = {}
        for rule in self.applicable(unit, flags, plan):
            if rule.kind is DueKind.FILING:
                found = self.filing_item(unit, plan, history, rule)
            else:
                found = self.cycle_item(unit, plan, history, rule)
            if found is not None and (found.kind not in best or found.due_date < best[found.kind].due_date):
                best[found.kind] = found
        self.items.extend(best.values())

    def cycle_item(
        self, unit: UnitFacts, plan: PlanFacts, history: VersionHistory, rule: Rule
    ) -> DueItem | None:
        anchor: date | None
        if rule.kind is DueKind.DRILL:
            anchor = plan.last_drill or history.first_published
        elif rule.kind is DueKind.EVALUATION:
            anchor = _latest(plan.last_evaluation, history.current.in_force_from)
        elif rule.kind is DueKind.PUBLICATION:
            # Issued (印发) but not yet published (公布): publication is owed.
            if history.current.published is not None:
                return None
            anchor = history.current.issued
        else:
            return None
        if anchor is None:
            return None
        return self.item(unit, plan, rule, self.due_after(rule, anchor), anchor)

    def filing_item(
        self,
        unit: UnitFacts,
        plan: PlanFacts,
        history: VersionHistory,
        rule: Rule,
    ) -> DueItem | None:
        check_rule = self.check_rule
        filings = [f for f in plan.filings if f.version_id in history.filing_window]
        if any(f.status in FILED_STATUSES for f in filings):
            return None
        submitted = [f.submitted for f in filings if f.status == FilingStatus.SUBMITTED and f.submitted]
        if submitted:
            if check_rule is None:
                return None
            when = max(d for d in submitted if d is not None)
            check = self.due_after(check_rule, when)
            if check.day < self.as_of:
                # ENT Art.28: silence past the check deadline = deemed filed; counted as filed.
                self.deemed.append(
                    DeemedFiling(unit.uid, unit.name, plan.uid, plan.title, when, check.day,
                                 check.estimated, check_rule.source, check_rule.id)
                )
                return None
            return self.item(unit, plan, check_rule, check, when)
        # Not submitted, to be submitted, or returned for completion: the original deadline
        # from the publication of the version whose filing is owed still applies.
        base = history.filing_base
        anchor = base.published if rule.anchor is Anchor.PUBLISHED else (base.issued or base.published)
        if anchor is None:
            return None
        return self.item(unit, plan, rule, self.due_after(rule, anchor), anchor)

    def unit_items(
        self,
        unit: UnitFacts,
        plans: Sequence[tuple[PlanFacts, VersionHistory]],
        drills_by_category: Mapping[str, date],
    ) -> None:
        flags = unit.flags
        for rule in self.unit_rules:
            if not rule.matches_unit(unit.kind, flags):
                continue
            counted = [
                (plan, history) for plan, history in plans
                if rule.matches_plan(plan.category, plan.event_types)
            ]
            if not counted:
                continue
            anchor = _latest(
                *(day for category, day in drills_by_category.items() if rule.categories is None
                  or category in rule.categories)
            )
            if anchor is None:
                published = [h.first_published for _, h in counted if h.first_published is not None]
                anchor = min(published) if published else None
            if anchor is None:
                continue
            self.items.append(self.item(unit, None, rule, self.due_after(rule, anchor), anchor))


def sort_key(item: DueItem) -> tuple[date, str, str, str, str]:
    """Due date, then unit name, then plan title (DESIGN.md §7)."""
    return (item.due_date, item.unit_name, item.plan_title or "", item.kind, item.rule_id)


def compute_due(
    *,
    units: Iterable[UnitFacts],
    plans: Iterable[PlanFacts],
    unit_drills: Mapping[int, Mapping[str, date]] | None = None,
    actions: Iterable[ActionFacts] = (),
    rules: RuleSet,
    calendar: WorkdayCalendar,
    as_of: date,
    unit_level: bool = True,
) -> DueReport:
    """Every item due for these units and plans.

    ``unit_drills``: unit id → plan category → latest done drill of the unit's plans of
    that category (plans of any status).  ``plans``: any status; only plans in force
    (published, or under revision with a published version) produce items.
    """
    builder = _Builder(rules, calendar, as_of)
    units_by_id = {u.id: u for u in units}
    flags = {u.id: u.flags for u in units_by_id.values()}
    in_force: dict[int, list[tuple[PlanFacts, VersionHistory]]] = defaultdict(list)
    for plan in plans:
        unit = units_by_id.get(plan.unit_id)
        if unit is None or plan.status not in IN_FORCE_STATUSES:
            continue
        history = version_history(plan.versions, plan.current_version_id)
        if history is None:
            continue
        in_force[unit.id].append((plan, history))
        builder.plan_items(unit, flags[unit.id], plan, history)
    if unit_level:
        drills = unit_drills or {}
        for unit_id, unit_plans in in_force.items():
            builder.unit_items(units_by_id[unit_id], unit_plans, drills.get(unit_id, {}))
    action_rule = rules.get("corrective_action")
    if action_rule.enabled:
        for action in actions:
            builder.items.append(
                DueItem(
                    unit_uid=action.unit_uid,
                    unit_name=action.unit_name,
                    plan_uid=action.plan_uid,
                    plan_title=action.plan_title,
                    kind=DueKind.ACTION,
                    due_date=action.due,
                    status=due_status(action.due, as_of, rules.due_soon_days),
                    rule_id=action_rule.id,
                    source=action_rule.source,
                    calendar_estimated=False,
                    rule_title=action_rule.title,
                    anchor_date=None,
                )
            )
    builder.items.sort(key=sort_key)
    builder.deemed.sort(key=lambda d: (d.check_due, d.unit_name, d.plan_title))
    return DueReport(as_of, rules.due_soon_days, tuple(builder.items), tuple(builder.deemed))
