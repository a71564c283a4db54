"""Item models of the filings area: the filings list (with its filter proxy), the filing-rate
statistics, the enterprises missing, and the diff against the last filing.

Models hold plain rows from the services (``FilingRow``, ``TownRate`` …) and only say how
they show; they never read the database themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from planmgr.domain import i18n
from planmgr.domain.content import SectionDiff
from planmgr.domain.enums import FilingStatus
from planmgr.services.filing_stats import FilingRow, MissingEnterprise, TownRate
from planmgr.ui import theme

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# Status colours of a filing, the same on every screen (DESIGN.md §10): waiting for the
# authority = due soon (amber), returned for completion = needs action (red), filed = ok.
FILING_STATUS_COLOURS = {
    FilingStatus.TO_SUBMIT: theme.NEUTRAL,
    FilingStatus.SUBMITTED: theme.DUE_SOON,
    FilingStatus.RETURNED: theme.OVERDUE,
    FilingStatus.FILED: theme.OK,
    FilingStatus.DEEMED_FILED: theme.OK,
}
STATUS_ORDER = {s: i for i, s in enumerate(FilingStatus)}
UID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def horizontal_header(headers: Sequence[str], section: int, orientation: Qt.Orientation, role: int) -> Any:
    """The text of a horizontal header section (nothing else is shown in headers)."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(headers)
    ):
        return headers[section]
    return None


def status_colour(status: FilingStatus) -> QColor:
    return QColor(FILING_STATUS_COLOURS.get(status, theme.NEUTRAL))


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


class RowTableModel(QAbstractTableModel):
    """A flat table of ``_rows`` under ``_headers``: the part every table model of the
    filing pages shares (subclasses fill both and implement ``data``)."""

    _rows: Sequence[Any]
    _headers: list[str]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return horizontal_header(self._headers, section, orientation, role)


class FilingTableModel(RowTableModel):
    """One row per filing; the status shown is the effective one (视为备案 after the check period)."""

    UNIT, PLAN, STATUS, SUBMITTED, CHECK_DUE, NUMBER, VERSION, AUTHORITY = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FilingRow] = []
        self._headers = [
            self.tr("Filing unit"),
            self.tr("Plan"),
            self.tr("Status"),
            self.tr("Submitted"),
            self.tr("Check due"),
            self.tr("Filing number"),
            self.tr("Version"),
            self.tr("Authority"),
        ]

    # ------------------------------------------------------------------ data in

    def set_rows(self, rows: Sequence[FilingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> FilingRow:
        return self._rows[row]

    def rows(self) -> list[FilingRow]:
        return list(self._rows)

    def row_of(self, uid: str) -> int:
        for i, row in enumerate(self._rows):
            if row.uid == uid:
                return i
        return -1

    # ------------------------------------------------------------------ Qt

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == UID_ROLE:
            return row.uid
        if column == self.STATUS:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(status_colour(row.effective_status))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._status_tip(row)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.PLAN, self.UNIT):
            return self._display(row, column)
        return None

    def _display(self, row: FilingRow, column: int) -> str:
        if column == self.UNIT:
            return row.unit_name
        if column == self.PLAN:
            return row.plan_title
        if column == self.VERSION:
            return row.version_label
        if column == self.SUBMITTED:
            return _day(row.submitted_date)
        if column == self.STATUS:
            return row.effective_status.text
        if column == self.CHECK_DUE:
            return _day(row.check_due) if row.status is FilingStatus.SUBMITTED else "—"
        if column == self.NUMBER:
            return row.filing_number or "—"
        return row.authority_name

    def _sort_key(self, row: FilingRow, column: int) -> Any:
        if column == self.STATUS:
            return STATUS_ORDER[row.effective_status]
        if column == self.SUBMITTED:
            return _day(row.submitted_date) if row.submitted_date else ""
        if column == self.CHECK_DUE:
            return row.check_due.isoformat() if row.check_due and row.status is FilingStatus.SUBMITTED else ""
        return self._display(row, column)

    def _status_tip(self, row: FilingRow) -> str:
        if row.effective_status is FilingStatus.DEEMED_FILED:
            return self.tr(
                "The check period ended on {day} without an answer: deemed filed (ENT Art.28)."
            ).format(day=_day(row.check_due))
        if row.effective_status is FilingStatus.SUBMITTED and row.check_due:
            return self.tr("Waiting for the formal check; due by {day}.").format(day=_day(row.check_due))
        if row.effective_status is FilingStatus.RETURNED:
            return self.tr("Returned for completion on {day}: {items}").format(
                day=_day(row.returned_date), items=i18n.join(row.return_notice)
            )
        if row.effective_status is FilingStatus.FILED:
            return self.tr("Filed on {day} under number {number}.").format(
                day=_day(row.registered_date), number=row.filing_number or "—"
            )
        return row.effective_status.text


class FilingFilterProxy(QSortFilterProxyModel):
    """Filters the filings list by text (unit, plan, number) and effective status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status: FilingStatus | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: FilingStatus | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FilingTableModel) or source_parent.isValid():
            return True
        row = model.row_at(source_row)
        if self._status is not None and row.effective_status is not self._status:
            return False
        if self._text:
            haystack = " ".join(
                (
                    row.unit_name,
                    row.plan_title,
                    row.filing_number or "",
                    row.unit_uscc or "",
                    row.authority_name,
                )
            ).casefold()
            return self._text in haystack
        return True

    def uids(self) -> list[str]:
        """The filings the list shows now (what an export of "what is filtered" writes)."""
        return [str(self.index(r, 0).data(UID_ROLE)) for r in range(self.rowCount())]


def _rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


def _rate_colour(rate: float | None) -> QColor:
    if rate is None:
        return QColor(theme.NEUTRAL)
    return QColor(theme.OK if rate >= 1 else theme.DUE_SOON if rate > 0 else theme.OVERDUE)


class TownRateModel(RowTableModel):
    """Filing rates per town, the total last (bold)."""

    TOWN, KEY_TOTAL, KEY_FILED, KEY_RATE, MUST_TOTAL, MUST_FILED, MUST_RATE = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TownRate] = []
        self._has_total = False
        self._headers = [
            self.tr("Town"),
            self.tr("Key enterprises"),
            self.tr("Filed"),
            self.tr("Filing rate"),
            self.tr("Must-file enterprises"),
            self.tr("Filed"),
            self.tr("Filing rate"),
        ]

    def set_rates(self, towns: Sequence[TownRate], total: TownRate | None) -> None:
        self.beginResetModel()
        self._rows = [*towns, *([total] if total is not None else [])]
        self._has_total = total is not None
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rate = self._rows[index.row()]
        column = index.column()
        is_total = self._has_total and index.row() == len(self._rows) - 1
        if role == Qt.ItemDataRole.DisplayRole:
            values: list[Any] = [
                rate.town_name,
                rate.key_total,
                rate.key_filed,
                _rate_text(rate.key_rate),
                rate.must_total,
                rate.must_filed,
                _rate_text(rate.must_rate),
            ]
            return str(values[column]) if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.TOWN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.KEY_RATE, self.MUST_RATE):
            return QBrush(_rate_colour(rate.key_rate if column == self.KEY_RATE else rate.must_rate))
        if role == Qt.ItemDataRole.FontRole and (is_total or column in (self.KEY_RATE, self.MUST_RATE)):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def rate_at(self, row: int) -> TownRate:
        return self._rows[row]


class MissingModel(RowTableModel):
    """Enterprises counted in the statistics that have not filed, and why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MissingEnterprise] = []
        self._headers = [
            self.tr("Town"),
            self.tr("Enterprise"),
            self.tr("Key enterprise"),
            self.tr("Must file"),
            self.tr("Situation"),
        ]

    def set_missing(self, rows: Sequence[MissingEnterprise]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            yes, no = self.tr("Yes"), self.tr("No")
            values = [
                m.town_name,
                m.unit_name,
                yes if m.key_enterprise else no,
                yes if m.must_file else no,
                m.reason,
            ]
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            return QBrush(QColor(theme.DUE_SOON if m.state == "pending" else theme.OVERDUE))
        return None


# Backgrounds of diff lines: light tints of the status colours, text stays readable.
_ADDED = QColor("#E6F4EA")
_REMOVED = QColor("#FCE8E6")
_CHANGED = QColor("#FEF7E0")


class DiffModel(RowTableModel):
    """The lines that changed since the last filing, section by section; lines touching
    phone numbers, time limits or response levels are flagged (a reviewer must not miss them)."""

    SECTION, CHANGE, OLD, NEW, FLAGS = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # (section title, change kind, old, new, flags to watch), in the interface language
        self._rows: list[tuple[str, str, str, str, tuple[str, ...]]] = []
        self._headers = [
            self.tr("Section"),
            self.tr("Change"),
            self.tr("Last filing"),
            self.tr("This filing"),
            self.tr("Watch"),
        ]
        self._kinds = {
            "added": self.tr("Added"),
            "removed": self.tr("Removed"),
            "changed": self.tr("Changed"),
        }

    def set_sections(self, sections: Sequence[SectionDiff]) -> None:
        self.beginResetModel()
        self._rows = [
            (s.text, line.kind, line.old, line.new, line.flag_texts)
            for s in sections
            if s.changed
            for line in s.lines
            if line.kind != "same"
        ]
        self.endResetModel()

    def flagged_rows(self) -> list[int]:
        return [i for i, row in enumerate(self._rows) if row[4]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        label, kind, old, new, flags = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = [label, self._kinds.get(kind, kind), old, new, i18n.join(flags)]
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = {"added": _ADDED, "removed": _REMOVED}.get(kind, _CHANGED)
            return QBrush(tint)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.FLAGS and flags:
            return QBrush(QColor(theme.OVERDUE))
        if role == Qt.ItemDataRole.FontRole and flags and column in (self.FLAGS, self.NEW):
            font = QFont()
            font.setBold(True)
            return font
        return None
