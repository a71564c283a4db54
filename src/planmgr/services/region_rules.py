"""A region's changes to the rule table, and hand-entered holiday tables.

Kept in the ``setting`` table of the database, so every user of a shared database sees the
same due dates:
- ``rule_overrides``: ``{rule_id: {"interval_months": n, "deadline_workdays": n, "enabled": b}}``
  (only the keys that differ from DOMAIN.md §3);
- ``due_soon_days``: the "due soon" window in days (default 30);
- ``holiday_tables``: ``{"2027": {"holidays": ["2027-01-01", ...], "workdays": [...]}}``,
  a later year's 放假安排 for a program whose built-in calendar stops earlier.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, select
from sqlmodel import col

from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr
from planmgr.domain.rules import (
    DEFAULT_DUE_SOON_DAYS,
    DEFAULT_RULES,
    DEFAULT_RULES_BY_ID,
    MAX_DUE_SOON_DAYS,
    Rule,
    RuleOverride,
    RuleSet,
    override_from_json,
    rule_set,
    validate_override,
)
from planmgr.domain.workdays import HolidayYear, WorkdayCalendar, make_holiday_year
from planmgr.services.settings import get_setting, set_setting
from planmgr.store.database import session_scope
from planmgr.store.models import Setting

log = logging.getLogger(__name__)

RULE_OVERRIDES_KEY = "rule_overrides"
DUE_SOON_DAYS_KEY = "due_soon_days"
HOLIDAY_TABLES_KEY = "holiday_tables"


@dataclass(frozen=True)
class RegionSettings:
    """Everything the due list needs from the settings, read in one query."""

    overrides: dict[str, RuleOverride]
    due_soon_days: int
    holiday_years: tuple[HolidayYear, ...]

    @property
    def rules(self) -> RuleSet:
        return rule_set(self.overrides, self.due_soon_days)

    def calendar(self) -> WorkdayCalendar:
        return WorkdayCalendar(self.holiday_years)


@dataclass(frozen=True)
class RuleSetting:
    """One rule as the settings page shows it: default, in effect, overridden or not."""

    default: Rule
    effective: Rule
    overridden: bool


def _overrides(raw: Any) -> dict[str, RuleOverride]:
    result: dict[str, RuleOverride] = {}
    if not isinstance(raw, dict):
        return result
    for rule_id, data in raw.items():
        override = override_from_json(str(rule_id), data)
        if override is None:
            log.warning("ignoring unknown or invalid rule override %r: %r", rule_id, data)
        elif not override.empty:
            result[str(rule_id)] = override
    return result


def _due_soon_days(raw: Any) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= MAX_DUE_SOON_DAYS:
        return raw
    return DEFAULT_DUE_SOON_DAYS


def _holiday_years(raw: Any) -> tuple[HolidayYear, ...]:
    years: list[HolidayYear] = []
    if not isinstance(raw, dict):
        return ()
    for key, data in raw.items():
        try:
            year = int(key)
            years.append(
                make_holiday_year(
                    year,
                    (date.fromisoformat(d) for d in data.get("holidays", [])),
                    (date.fromisoformat(d) for d in data.get("workdays", [])),
                )
            )
        except (ValueError, TypeError, AttributeError, ValidationError):
            log.warning("ignoring invalid holiday table for %r", key)
    return tuple(sorted(years, key=lambda y: y.year))


def read_region_settings(engine: Engine) -> RegionSettings:
    keys = (RULE_OVERRIDES_KEY, DUE_SOON_DAYS_KEY, HOLIDAY_TABLES_KEY)
    with session_scope(engine) as session:
        stmt = select(col(Setting.key), col(Setting.value)).where(col(Setting.key).in_(keys))
        rows = {key: value for key, value in session.execute(stmt)}
    return RegionSettings(
        overrides=_overrides(rows.get(RULE_OVERRIDES_KEY)),
        due_soon_days=_due_soon_days(rows.get(DUE_SOON_DAYS_KEY)),
        holiday_years=_holiday_years(rows.get(HOLIDAY_TABLES_KEY)),
    )


def rule_settings(engine: Engine) -> list[RuleSetting]:
    """The rule table with this database's overrides, in table order (for the settings page)."""
    overrides = read_region_settings(engine).overrides
    effective = rule_set(overrides).rules
    return [
        RuleSetting(default, rule, default.id in overrides)
        for default, rule in zip(DEFAULT_RULES, effective, strict=True)
    ]


def set_rule_override(
    engine: Engine,
    rule_id: str,
    *,
    interval_months: int | None = None,
    deadline_workdays: int | None = None,
    enabled: bool | None = None,
) -> Rule:
    """Change one rule for this database; returns the rule now in effect.

    Only the values given change; a value equal to the default removes that part of the
    override, so a later program version's default applies again.
    """
    validate_override(rule_id, RuleOverride(interval_months, deadline_workdays, enabled))
    default = DEFAULT_RULES_BY_ID[rule_id]
    raw = get_setting(engine, RULE_OVERRIDES_KEY) or {}
    stored = dict(raw) if isinstance(raw, dict) else {}
    before = override_from_json(rule_id, stored.get(rule_id)) or RuleOverride()
    months = before.interval_months if interval_months is None else interval_months
    workdays = before.deadline_workdays if deadline_workdays is None else deadline_workdays
    on = before.enabled if enabled is None else enabled
    override = RuleOverride(
        interval_months=None if months == default.interval_months else months,
        deadline_workdays=None if workdays == default.deadline_workdays else workdays,
        enabled=None if on == default.enabled else on,
    )
    if override.empty:
        stored.pop(rule_id, None)
    else:
        stored[rule_id] = override.to_json()
    set_setting(engine, RULE_OVERRIDES_KEY, stored)
    return rule_set(_overrides(stored)).get(rule_id)


def clear_rule_override(engine: Engine, rule_id: str) -> None:
    """Back to the default of DOMAIN.md §3 for this rule."""
    if rule_id not in DEFAULT_RULES_BY_ID:
        raise ValidationError(tr("没有这条规则：{rule_id}", rule_id=rule_id))
    raw = get_setting(engine, RULE_OVERRIDES_KEY) or {}
    stored = dict(raw) if isinstance(raw, dict) else {}
    if stored.pop(rule_id, None) is not None:
        set_setting(engine, RULE_OVERRIDES_KEY, stored)


def get_due_soon_days(engine: Engine) -> int:
    return _due_soon_days(get_setting(engine, DUE_SOON_DAYS_KEY))


def set_due_soon_days(engine: Engine, days: int) -> None:
    """The "即将到期" window: items due within ``days`` of the as-of date."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DUE_SOON_DAYS:
        raise ValidationError(
            tr("“即将到期”的提前天数应为 0 到 {most}：{days}", most=MAX_DUE_SOON_DAYS, days=days)
        )
    set_setting(engine, DUE_SOON_DAYS_KEY, days)


def holiday_tables(engine: Engine) -> list[HolidayYear]:
    """The 放假安排 entered for years the built-in calendar does not know."""
    return list(_holiday_years(get_setting(engine, HOLIDAY_TABLES_KEY)))


def builtin_calendar_years() -> range:
    """The years the installed holiday calendar knows."""
    return WorkdayCalendar().builtin_years


def set_holiday_year(
    engine: Engine, year: int, holidays: Iterable[date], workdays: Iterable[date]
) -> HolidayYear:
    """Enter (or replace) one year's 放假安排: days off and make-up working days (调休上班)."""
    known = builtin_calendar_years()
    if year in known:
        raise ValidationError(
            tr(
                "本程序已内置 {year} 年的节假日安排（{first}—{last} 年），无需录入",
                year=year,
                first=known.start,
                last=known.stop - 1,
            )
        )
    table = make_holiday_year(year, holidays, workdays)
    raw = get_setting(engine, HOLIDAY_TABLES_KEY) or {}
    stored = dict(raw) if isinstance(raw, dict) else {}
    stored[str(year)] = {
        "holidays": sorted(d.isoformat() for d in table.holidays),
        "workdays": sorted(d.isoformat() for d in table.workdays),
    }
    set_setting(engine, HOLIDAY_TABLES_KEY, stored)
    return table


def delete_holiday_year(engine: Engine, year: int) -> None:
    raw = get_setting(engine, HOLIDAY_TABLES_KEY) or {}
    stored = dict(raw) if isinstance(raw, dict) else {}
    if stored.pop(str(year), None) is not None:
        set_setting(engine, HOLIDAY_TABLES_KEY, stored)


def load_calendar(engine: Engine) -> WorkdayCalendar:
    """The working-day calendar of this database: built in, then entered, else Mon–Fri."""
    return WorkdayCalendar(holiday_tables(engine))
