"""The rule table: drill and evaluation cycles, filing and publication deadlines.

Defaults are DOMAIN.md §3; every rule names its source (document + article).  Facts marked
[R] there (recalled, not confirmed) are defaults a region may change: interval, deadline
and on/off are overridable per database (``planmgr.services.region_rules``), the
applicability and the anchor are not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from planmgr.domain.enums import ENTERPRISE_CATEGORIES, EventType, LabelledEnum, PlanCategory, UnitKind
from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import is_english, tr

# The sources as cited in Chinese (the due list's ``source``, printed and exported as it
# is) and in English (``Rule.source_text`` for the interface).
ENT = "《生产安全事故应急预案管理办法》"  # zh-only: citation. 总局令第88号, amended 应急管理部令第2号 (2019)
REG708 = "《生产安全事故应急条例》"  # zh-only: citation. 国务院令第708号
GOV2024 = "《突发事件应急预案管理办法》（国办发〔2024〕5号）"  # zh-only: citation
GOV2013 = "《突发事件应急预案管理办法》（国办发〔2013〕101号）"  # zh-only: citation
AQ9009 = "AQ/T 9009-2015《生产安全事故应急演练评估规范》"  # zh-only: citation
ENT_EN = "Measures for the Administration of Emergency Plans for Work Safety Accidents"
REG708_EN = "Regulations on Emergency Responses to Work Safety Accidents"
GOV2024_EN = "Measures for the Administration of Emergency Plans (Guobanfa [2024] No. 5)"
GOV2013_EN = "Measures for the Administration of Emergency Plans (Guobanfa [2013] No. 101)"
AQ9009_EN = "AQ/T 9009-2015 Evaluation Specification for Work Safety Emergency Drills"

# Status window: due within this many days of the as-of date is "due soon" (DOMAIN.md §3).
DEFAULT_DUE_SOON_DAYS = 30


# The enumerations' Chinese labels are the ledger and document side of label/label_en
# (planmgr.domain.enums): ``text`` is what the interface shows.


class DueKind(LabelledEnum):
    """What falls due (the ``kind`` of a due item, DESIGN.md §7)."""

    DRILL = "drill", "演练", "Drill"  # zh-only: label
    EVALUATION = "evaluation", "评估", "Evaluation"  # zh-only: label
    FILING = "filing", "备案", "Filing"  # zh-only: label
    PUBLICATION = "publication", "公开", "Publication"  # zh-only: label
    AUTHORITY_CHECK = "authority_check", "备案审查", "Filing check"  # zh-only: label
    ACTION = "action", "整改", "Corrective action"  # zh-only: label


class DueStatus(LabelledEnum):
    OVERDUE = "overdue", "逾期", "Overdue"  # zh-only: label
    DUE_SOON = "due_soon", "即将到期", "Due soon"  # zh-only: label
    OK = "ok", "正常", "OK"  # zh-only: label


class RuleLevel(LabelledEnum):
    # UNIT: one item per unit (plan_uid null); PLAN: one item per plan and kind.
    UNIT = "unit", "单位", "Organisation"  # zh-only: label
    PLAN = "plan", "预案", "Plan"  # zh-only: label


class UnitFlag(LabelledEnum):
    # ENT Art.26 list
    MUST_FILE = "must_file", "应备案单位", "Must file its plans"  # zh-only: label
    # ENT Art.21/35 list
    LISTED_FOR_REVIEW = "listed_for_review", "应评审单位", "Listed for review"  # zh-only: label
    HIGH_RISK = "high_risk", "高危单位", "High risk"  # zh-only: label


class Anchor(LabelledEnum):
    """Where a rule counts from (DOMAIN.md §3, "How a due date is computed")."""

    PLAN_DRILL = (
        "plan_drill",
        "本预案最近一次演练，无则首次发布",  # zh-only: label
        "The plan's latest drill, else its first publication",
    )
    UNIT_DRILL = (
        "unit_drill",
        "本单位相关预案最近一次演练，无则其中最早的发布",  # zh-only: label
        "The latest drill of the organisation's plans concerned, else the earliest publication among them",
    )
    EVALUATION = (
        "evaluation",
        "最近一次评估与现行版本发布两者中较晚者",  # zh-only: label
        "The later of the latest evaluation and the publication of the version in force",
    )
    PUBLISHED = "published", "公布之日", "Date of publication"  # zh-only: label
    ISSUED = "issued", "印发之日", "Date of issue"  # zh-only: label
    SUBMITTED = "submitted", "报送之日", "Date of submission"  # zh-only: label
    OWN_DUE = "own_due", "整改期限", "The action's own due date"  # zh-only: label


GOVERNMENT_CATEGORIES = frozenset(c for c in PlanCategory if c.is_government)


@dataclass(frozen=True)
class Rule:
    """One row of the rule table.

    Applicability: the owner unit's kind (``None`` = any) and flags (all required), the
    plan's category (``None`` = any; for a unit-level rule, the plans it counts) and event
    types (``None`` = any; else the plan must have one of them).  Exactly one of
    ``interval_months`` and ``deadline_workdays`` is set, except for corrective actions.

    ``title`` and ``source`` are Chinese (the due list, its exports and printed documents
    carry them as they are); ``title_en`` and ``source_en`` their English; ``title_text``
    and ``source_text`` the ones the user reads.
    """

    id: str
    kind: DueKind
    level: RuleLevel
    title: str
    anchor: Anchor
    source: str
    interval_months: int | None = None
    deadline_workdays: int | None = None
    unit_kinds: frozenset[UnitKind] | None = None
    unit_flags: frozenset[UnitFlag] = frozenset()
    categories: frozenset[PlanCategory] | None = None
    event_types: frozenset[EventType] | None = None
    enabled: bool = True
    title_en: str = ""
    source_en: str = ""

    @property
    def title_text(self) -> str:
        """The rule's title in the interface language."""
        return self.title_en if is_english() and self.title_en else self.title

    @property
    def source_text(self) -> str:
        """The rule's source in the interface language."""
        return self.source_en if is_english() and self.source_en else self.source

    def matches_unit(self, kind: str, flags: frozenset[str]) -> bool:
        if self.unit_kinds is not None and kind not in self.unit_kinds:
            return False
        return all(flag in flags for flag in self.unit_flags)

    def matches_plan(self, category: str, event_types: Iterable[str]) -> bool:
        if self.categories is not None and category not in self.categories:
            return False
        if self.event_types is None:
            return True
        return any(t in self.event_types for t in event_types)

    @property
    def period_text(self) -> str:
        """The interval or deadline in words (interface language): 每 12 个月 / 20 个工作日内."""
        if self.interval_months is not None:
            return tr("每 {count} 个月", count=self.interval_months)
        if self.deadline_workdays is not None:
            return tr("{count} 个工作日内", count=self.deadline_workdays)
        return tr("按整改期限")


def _cats(*categories: PlanCategory) -> frozenset[PlanCategory]:
    return frozenset(categories)


DEFAULT_RULES: tuple[Rule, ...] = (
    # ENT Art.33: 综合应急预案或专项应急预案 at least once a year, per unit.
    Rule(
        id="ent_unit_drill",
        kind=DueKind.DRILL,
        level=RuleLevel.UNIT,
        title="综合或专项应急预案演练",  # zh-only: rule title (title_en)
        title_en="Drill of a comprehensive or special plan",
        anchor=Anchor.UNIT_DRILL,
        source=f"{ENT}第三十三条",  # zh-only: citation (source_en)
        source_en=f"{ENT_EN}, Art. 33",
        interval_months=12,
        unit_kinds=frozenset({UnitKind.ENTERPRISE}),
        categories=_cats(PlanCategory.ENT_COMPREHENSIVE, PlanCategory.ENT_SPECIAL),
    ),
    # ENT Art.33: 现场处置方案 every six months, each plan (Jiangsu reply 2022: "each").
    Rule(
        id="ent_onsite_drill",
        kind=DueKind.DRILL,
        level=RuleLevel.PLAN,
        title="现场处置方案演练",  # zh-only: rule title (title_en)
        title_en="Drill of each on-site response plan",
        anchor=Anchor.PLAN_DRILL,
        source=f"{ENT}第三十三条",  # zh-only: citation (source_en)
        source_en=f"{ENT_EN}, Art. 33",
        interval_months=6,
        categories=_cats(PlanCategory.ENT_ONSITE),
    ),
    # ENT Art.33 + REG708 Art.8: units on the Art.26 list drill every six months.
    Rule(
        id="high_risk_drill",
        kind=DueKind.DRILL,
        level=RuleLevel.UNIT,
        title="高危行业和人员密集场所单位演练",  # zh-only: rule title (title_en)
        title_en="Drill of high-risk and crowded-place organisations",
        anchor=Anchor.UNIT_DRILL,
        source=f"{ENT}第三十三条；{REG708}第八条",  # zh-only: citation (source_en)
        source_en=f"{ENT_EN}, Art. 33; {REG708_EN}, Art. 8",
        interval_months=6,
        unit_flags=frozenset({UnitFlag.HIGH_RISK}),
    ),
    # GOV2013 Art.22 (GOV2024 kept it [R]): 专项 and 部门 plans at least every three years.
    Rule(
        id="gov_plan_drill",
        kind=DueKind.DRILL,
        level=RuleLevel.PLAN,
        title="专项、部门应急预案演练",  # zh-only: rule title (title_en)
        title_en="Drill of special and department plans",
        anchor=Anchor.PLAN_DRILL,
        source=f"{GOV2013}第二十二条；{GOV2024}",  # zh-only: citation (source_en)
        source_en=f"{GOV2013_EN}, Art. 22; {GOV2024_EN}",
        interval_months=36,
        categories=_cats(PlanCategory.SPECIAL, PlanCategory.DEPARTMENT),
    ),
    # REG708 Art.8: county+ governments and their safety departments, 乡镇 and 街道 drill
    # their 生产安全事故 plans at least every two years.
    Rule(
        id="work_safety_drill",
        kind=DueKind.DRILL,
        level=RuleLevel.PLAN,
        title="生产安全事故应急预案演练",  # zh-only: rule title (title_en)
        title_en="Drill of work-safety accident plans",
        anchor=Anchor.PLAN_DRILL,
        source=f"{REG708}第八条",  # zh-only: citation (source_en)
        source_en=f"{REG708_EN}, Art. 8",
        interval_months=24,
        unit_kinds=frozenset({UnitKind.CITY, UnitKind.DEPARTMENT, UnitKind.TOWN}),
        categories=GOVERNMENT_CATEGORIES,
        event_types=frozenset({EventType.WORK_SAFETY, EventType.HAZCHEM}),
    ),
    # GOV2024 [R]: government plans are evaluated at least every three years.
    Rule(
        id="gov_evaluation",
        kind=DueKind.EVALUATION,
        level=RuleLevel.PLAN,
        title="政府及部门应急预案评估",  # zh-only: rule title (title_en)
        title_en="Evaluation of government and department plans",
        anchor=Anchor.EVALUATION,
        source=GOV2024,
        source_en=GOV2024_EN,
        interval_months=36,
        unit_kinds=frozenset({UnitKind.CITY, UnitKind.DEPARTMENT}),
        categories=GOVERNMENT_CATEGORIES,
    ),
    # ENT Art.35: units on the Art.21 list evaluate every three years.
    Rule(
        id="ent_evaluation",
        kind=DueKind.EVALUATION,
        level=RuleLevel.PLAN,
        title="企业应急预案评估",  # zh-only: rule title (title_en)
        title_en="Evaluation of enterprise plans",
        anchor=Anchor.EVALUATION,
        source=f"{ENT}第三十五条",  # zh-only: citation (source_en)
        source_en=f"{ENT_EN}, Art. 35",
        interval_months=36,
        unit_flags=frozenset({UnitFlag.LISTED_FOR_REVIEW}),
        categories=ENTERPRISE_CATEGORIES,
    ),
    # Towns and villages: as county+ by default; many localities set 12 months (override).
    Rule(
        id="grassroots_evaluation",
        kind=DueKind.EVALUATION,
        level=RuleLevel.PLAN,
        title="乡镇（街道）、村（社区）应急预案评估",  # zh-only: rule title (title_en)
        title_en="Evaluation of town (subdistrict) and village (community) plans",
        anchor=Anchor.EVALUATION,
        source=f"{GOV2024}；各地规定",  # zh-only: citation (source_en)
        source_en=f"{GOV2024_EN}; local rules",
        interval_months=36,
        unit_kinds=frozenset({UnitKind.TOWN, UnitKind.VILLAGE}),
        categories=GOVERNMENT_CATEGORIES,
    ),
    # ENT Art.26: units on the Art.26 list file within 20 working days of 公布.
    Rule(
        id="ent_filing",
        kind=DueKind.FILING,
        level=RuleLevel.PLAN,
        title="企业应急预案备案",  # zh-only: rule title (title_en)
        title_en="Filing of enterprise plans",
        anchor=Anchor.PUBLISHED,
        source=f"{ENT}第二十六条",  # zh-only: citation (source_en)
        source_en=f"{ENT_EN}, Art. 26",
        deadline_workdays=20,
        unit_flags=frozenset({UnitFlag.MUST_FILE}),
        categories=ENTERPRISE_CATEGORIES,
    ),
    # GOV2024 Art.26: government, 乡镇 and 村 plans are filed within 20 working days of 印发.
    Rule(
        id="gov_filing",
        kind=DueKind.FILING,
        level=RuleLevel.PLAN,
        title="政府及基层应急预案备案",  # zh-only: rule title (title_en)
        title_en="Filing of government and grassroots plans",
        anchor=Anchor.ISSUED,
        source=f"{GOV2024}第二十六条",  # zh-only: citation (source_en)
        source_en=f"{GOV2024_EN}, Art. 26",
        deadline_workdays=20,
        categories=GOVERNMENT_CATEGORIES,
    ),
    # GOV2024 Art.28: made public / told to affected parties within 20 working days of 印发.
    Rule(
        id="publication",
        kind=DueKind.PUBLICATION,
        level=RuleLevel.PLAN,
        title="应急预案公开",  # zh-only: rule title (title_en)
        title_en="Publication of plans",
        anchor=Anchor.ISSUED,
        source=f"{GOV2024}第二十八条",  # zh-only: citation (source_en)
        source_en=f"{GOV2024_EN}, Art. 28",
        deadline_workdays=20,
    ),
    # ENT Art.28: the authority checks within 5 working days; silence = deemed filed.
    Rule(
        id="authority_check",
        kind=DueKind.AUTHORITY_CHECK,
        level=RuleLevel.PLAN,
        title="备案形式审查（逾期未答复视为已经备案）",  # zh-only: rule title (title_en)
        title_en="Formal check of a filing (no answer in time counts as filed)",
        anchor=Anchor.SUBMITTED,
        source=f"{ENT}第二十八条",  # zh-only: citation (source_en)
        source_en=f"{ENT_EN}, Art. 28",
        deadline_workdays=5,
    ),
    # AQ9009: 纠正行动 are followed up to their own due date (DESIGN.md §7, kind ``action``).
    Rule(
        id="corrective_action",
        kind=DueKind.ACTION,
        level=RuleLevel.PLAN,
        title="纠正行动整改",  # zh-only: rule title (title_en)
        title_en="Follow-up of corrective actions",
        anchor=Anchor.OWN_DUE,
        source=f"{AQ9009}（纠正行动）",  # zh-only: citation (source_en)
        source_en=f"{AQ9009_EN} (corrective actions)",
    ),
)

DEFAULT_RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in DEFAULT_RULES}


@dataclass(frozen=True)
class RuleOverride:
    """A region's change to one rule (stored in the database settings)."""

    interval_months: int | None = None
    deadline_workdays: int | None = None
    enabled: bool | None = None

    @property
    def empty(self) -> bool:
        return self.interval_months is None and self.deadline_workdays is None and self.enabled is None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.interval_months is not None:
            data["interval_months"] = self.interval_months
        if self.deadline_workdays is not None:
            data["deadline_workdays"] = self.deadline_workdays
        if self.enabled is not None:
            data["enabled"] = self.enabled
        return data


MAX_INTERVAL_MONTHS = 120
MAX_DEADLINE_WORKDAYS = 250
MAX_DUE_SOON_DAYS = 366


def validate_override(rule_id: str, override: RuleOverride) -> RuleOverride:
    """Check an override against its rule; ``ValidationError`` with the reason."""
    rule = DEFAULT_RULES_BY_ID.get(rule_id)
    if rule is None:
        raise ValidationError(tr("没有这条规则：{rule_id}", rule_id=rule_id))
    if override.interval_months is not None:
        if rule.interval_months is None:
            raise ValidationError(tr("规则“{title}”按工作日计算期限，不能设置月数", title=rule.title_text))
        if not 1 <= override.interval_months <= MAX_INTERVAL_MONTHS:
            raise ValidationError(
                tr(
                    "周期应为 1 到 {maximum} 个月：{value}",
                    maximum=MAX_INTERVAL_MONTHS,
                    value=override.interval_months,
                )
            )
    if override.deadline_workdays is not None:
        if rule.deadline_workdays is None:
            raise ValidationError(tr("规则“{title}”按月计算周期，不能设置工作日数", title=rule.title_text))
        if not 1 <= override.deadline_workdays <= MAX_DEADLINE_WORKDAYS:
            raise ValidationError(
                tr(
                    "期限应为 1 到 {maximum} 个工作日：{value}",
                    maximum=MAX_DEADLINE_WORKDAYS,
                    value=override.deadline_workdays,
                )
            )
    return override


def override_from_json(rule_id: str, data: Any) -> RuleOverride | None:
    """A stored override, or ``None`` if it is unknown or malformed (skipped, not fatal)."""
    if not isinstance(data, Mapping):
        return None

    def _int(key: str) -> int | None:
        value = data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    enabled = data.get("enabled")
    override = RuleOverride(
        interval_months=_int("interval_months"),
        deadline_workdays=_int("deadline_workdays"),
        enabled=enabled if isinstance(enabled, bool) else None,
    )
    try:
        return validate_override(rule_id, override)
    except ValidationError:
        return None


def apply_override(rule: Rule, override: RuleOverride) -> Rule:
    changes: dict[str, Any] = {}
    if override.interval_months is not None and rule.interval_months is not None:
        changes["interval_months"] = override.interval_months
    if override.deadline_workdays is not None and rule.deadline_workdays is not None:
        changes["deadline_workdays"] = override.deadline_workdays
    if override.enabled is not None:
        changes["enabled"] = override.enabled
    return replace(rule, **changes) if changes else rule


@dataclass(frozen=True)
class RuleSet:
    """The rules in effect for one database, and its due-soon window."""

    rules: tuple[Rule, ...] = DEFAULT_RULES
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def active(self, level: RuleLevel) -> list[Rule]:
        return [
            r for r in self.rules if r.enabled and r.level is level and r.kind is not DueKind.ACTION
        ]


def rule_set(
    overrides: Mapping[str, RuleOverride] | None = None, due_soon_days: int | None = None
) -> RuleSet:
    """The default table with a region's overrides applied."""
    overrides = overrides or {}
    rules = tuple(
        apply_override(rule, overrides[rule.id]) if rule.id in overrides else rule
        for rule in DEFAULT_RULES
    )
    days = DEFAULT_DUE_SOON_DAYS if due_soon_days is None else due_soon_days
    return RuleSet(rules, days)


def due_status(due: date, as_of: date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS) -> DueStatus:
    """overdue if due < as-of; due_soon if due ≤ as-of + window; else ok (DOMAIN.md §3)."""
    if due < as_of:
        return DueStatus.OVERDUE
    if due <= as_of + timedelta(days=due_soon_days):
        return DueStatus.DUE_SOON
    return DueStatus.OK
