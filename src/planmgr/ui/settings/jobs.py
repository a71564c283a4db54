"""What the settings page writes, as Qt-free jobs that ``ops`` runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Engine

from planmgr.domain.enums import DatabaseMode, UnitKind
from planmgr.domain.errors import ValidationError
from planmgr.domain.rules import DEFAULT_RULES_BY_ID
from planmgr.services import region_rules, units
from planmgr.services.filing_reply import NUMBER_PATTERN_KEY, format_number
from planmgr.services.settings import set_identity, set_setting


@dataclass(frozen=True)
class RuleEdit:
    rule_id: str
    value: int | None = None  # months or working days, as the rule counts
    enabled: bool | None = None
    reset: bool = False


def save_rules(engine: Engine, edits: Sequence[RuleEdit], due_soon_days: int | None) -> int:
    """Write the rule edits (and the due-soon window); returns how many rules changed."""
    if due_soon_days is not None:
        region_rules.set_due_soon_days(engine, due_soon_days)
    for edit in edits:
        if edit.reset:
            region_rules.clear_rule_override(engine, edit.rule_id)
            continue
        rule = DEFAULT_RULES_BY_ID[edit.rule_id]
        months = edit.value if rule.interval_months is not None else None
        workdays = edit.value if rule.deadline_workdays is not None else None
        region_rules.set_rule_override(
            engine, edit.rule_id, interval_months=months, deadline_workdays=workdays, enabled=edit.enabled
        )
    return len(edits)


def save_holidays(engine: Engine, year: int, holidays: Sequence[date], workdays: Sequence[date]) -> int:
    region_rules.set_holiday_year(engine, year, holidays, workdays)
    return year


def delete_holidays(engine: Engine, year: int) -> int:
    region_rules.delete_holiday_year(engine, year)
    return year


def save_number_pattern(engine: Engine, pattern: str) -> str:
    """The 备案编号 pattern, checked by making a number from it first."""
    pattern = pattern.strip()
    format_number(pattern, "440783", date.today().year, 1)
    set_setting(engine, NUMBER_PATTERN_KEY, pattern)
    return pattern


def save_identity(engine: Engine, unit_uid: str, mode: DatabaseMode) -> str:
    """This database's own unit and mode (as ``planmgr init`` records them)."""
    unit = units.get_unit(engine, unit_uid)
    if mode is DatabaseMode.ENTERPRISE and unit.data.kind is not UnitKind.ENTERPRISE:
        raise ValidationError(
            QCoreApplication.translate(
                "SettingsJobs", "In an enterprise database, the own unit must be of the kind “{kind}”."
            ).format(kind=UnitKind.ENTERPRISE.text)
        )
    set_identity(engine, unit_uid, mode)
    return unit.data.name
