"""Models of the improvement loop: findings, corrective actions, the versions that close them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject

from planmgr.domain.content import section_text
from planmgr.domain.enums import ActionStatus
from planmgr.services.actions import OPEN_STATUSES, ActionRecord, ClosingVersion, FindingRecord
from planmgr.ui import theme
from planmgr.ui.drills.table_base import ListTableModel

ACTION_STATUS_COLOURS = {
    ActionStatus.OPEN: theme.DUE_SOON,
    ActionStatus.IN_PROGRESS: theme.DUE_SOON,
    ActionStatus.DONE: theme.OK,
    ActionStatus.VERIFIED: theme.OK,
}


class ActionModel(ListTableModel):
    """纠正行动: one row per action; overdue ones red."""

    TEXT, FINDING, OWNER, DUE, STATUS, PLAN, SECTION, CLOSED_BY, UNIT = range(9)

    def __init__(self, parent: QObject | None = None, *, today: date | None = None) -> None:
        super().__init__(
            (
                self.tr("Corrective action"),
                self.tr("Finding"),
                self.tr("Owner"),
                self.tr("Due"),
                self.tr("Status"),
                self.tr("Plan"),
                self.tr("Plan section"),
                self.tr("Closed by version"),
                self.tr("Unit"),
            ),
            parent,
        )
        self.today = today or date.today()

    def cell(self, a: ActionRecord, column: int) -> str:
        if column == self.TEXT:
            return a.text
        if column == self.FINDING:
            return a.finding_text
        if column == self.OWNER:
            return a.owner or ""
        if column == self.DUE:
            if a.due is None:
                return self.tr("no date")
            if a.overdue(self.today):
                return self.tr("{date} (overdue)").format(date=a.due.isoformat())
            return a.due.isoformat()
        if column == self.STATUS:
            return a.status.text
        if column == self.PLAN:
            return a.plan_title or ""
        if column == self.SECTION:
            return section_text(a.plan_section) if a.plan_section else ""
        if column == self.CLOSED_BY:
            return a.closed_by_version_label or ""
        return a.unit_name or ""

    def sort_key(self, a: ActionRecord, column: int) -> Any:
        if column == self.DUE:
            return a.due.isoformat() if a.due else "9999"
        return self.cell(a, column)

    def foreground(self, a: ActionRecord, column: int) -> str | None:
        if a.overdue(self.today):
            return theme.OVERDUE
        if column == self.STATUS:
            return ACTION_STATUS_COLOURS[a.status]
        return None

    def tooltip(self, a: ActionRecord, column: int) -> str | None:
        if column == self.DUE and a.overdue(self.today):
            return self.tr("Overdue: it also appears in the due list (planmgr due).")
        if column == self.TEXT:
            return self.tr("Finding: {finding}\nAction: {action}").format(
                finding=a.finding_text, action=a.text
            )
        if column == self.FINDING:
            return a.finding_text
        if column == self.CLOSED_BY and a.closed_at:
            return self.tr("Closed on {date}").format(date=a.closed_at.isoformat())
        return None

    def open_count(self) -> int:
        return sum(1 for a in self._items if a.status in OPEN_STATUSES)

    def overdue_count(self) -> int:
        return sum(1 for a in self._items if a.overdue(self.today))


class FindingModel(ListTableModel):
    """Problems found in a drill (or an evaluation, an incident)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (self.tr("Finding"), self.tr("Source"), self.tr("Plan"), self.tr("Recorded on")), parent
        )

    def cell(self, f: FindingRecord, column: int) -> str:
        return (f.text, f.source.text, f.plan_title or "", f.recorded_on.isoformat())[column]

    def tooltip(self, f: FindingRecord, column: int) -> str | None:
        return f.text if column == 0 else None


class VersionModel(ListTableModel):
    """Versions of a plan offered to close an action; the ones that cannot are greyed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (self.tr("Version"), self.tr("Published"), self.tr("Changes"), self.tr("Can close it")), parent
        )

    def cell(self, v: ClosingVersion, column: int) -> str:
        if column == 0:
            return v.label
        if column == 1:
            return v.published_date.isoformat() if v.published_date else ""
        if column == 2:
            return v.change_summary or ""
        if not v.newer_than_finding:
            return self.tr("No: older than the finding")
        if v.changes_section is False:
            return self.tr("No: the section is unchanged")
        return self.tr("Yes")

    def foreground(self, v: ClosingVersion, column: int) -> str | None:
        if not v.usable:
            return theme.NEUTRAL
        return theme.OK if column == 3 else None
