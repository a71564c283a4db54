"""The drill list: a table model of ``DrillSummary`` rows and the proxy that filters it.

The page loads the drills of a unit and year from ``services.drill_lists`` (on the worker
thread: a county database holds tens of thousands); the proxy filters what was loaded by
unit, year, status, form, tag and text, and the month calendar asks it which drills match
regardless of the year (``DrillFilterProxy.matches``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from planmgr.domain import i18n
from planmgr.domain.enums import DrillForm, DrillStatus
from planmgr.domain.i18n import semicolons
from planmgr.services.drill_lists import DrillSummary
from planmgr.ui import theme
from planmgr.ui.drills.texts import book_title, form_and_scope, tag_text

ModelIndex = QModelIndex | QPersistentModelIndex

UID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2  # the plain dataclass behind the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def status_colour(drill: DrillSummary, today: date) -> str:
    """Done: ok green; planned: amber, red once its day has passed; cancelled: grey."""
    if drill.status is DrillStatus.DONE:
        return theme.OK
    if drill.status is DrillStatus.CANCELLED:
        return theme.NEUTRAL
    return theme.OVERDUE if drill.start < today else theme.DUE_SOON


def unreported(drill: DrillSummary) -> bool:
    """A done drill of a high-risk unit not yet reported to the authority (ENT Art.33)."""
    return drill.status is DrillStatus.DONE and drill.report_required and not drill.reported_to_authority


class DrillTableModel(QAbstractTableModel):
    """One row per drill; ``UID_ROLE`` and ``ITEM_ROLE`` on every cell."""

    DATE, TITLE, UNIT, FORM, SCOPE, PURPOSE, TAGS, PLANS, STATUS, SCORE, REPORTED = range(11)

    def __init__(self, parent: QObject | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._drills: list[DrillSummary] = []
        self._row_of: dict[str, int] = {}
        self._sort: tuple[int, Qt.SortOrder] = (self.DATE, Qt.SortOrder.AscendingOrder)
        self.today = today or date.today()
        self._headers = (
            self.tr("Date"),
            self.tr("Drill"),
            self.tr("Organiser"),
            self.tr("Form · scope"),
            self.tr("Scope"),
            self.tr("Purpose"),
            self.tr("Tags"),
            self.tr("Plans exercised"),
            self.tr("Status"),
            self.tr("Score"),
            self.tr("Reported"),
        )

    # ------------------------------------------------------------------ content

    def set_drills(self, drills: list[DrillSummary]) -> None:
        self.beginResetModel()
        self._drills = self._sorted(drills)
        self._row_of = {d.uid: i for i, d in enumerate(self._drills)}
        self.endResetModel()

    def _sorted(self, drills: list[DrillSummary]) -> list[DrillSummary]:
        column, order = self._sort
        return sorted(
            drills,
            key=lambda d: (self._sort_key(d, column), d.start.isoformat(), d.uid),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows here, in one Python sort: a proxy sorting 30,000 rows through ``data()``
        calls takes seconds (``DrillFilterProxy.sort`` hands its sorting to this)."""
        if not 0 <= column < len(self._headers) or (column, order) == self._sort:
            return  # the view asks again when its header changes: already in that order
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keys = [(self._drills[i.row()].uid, i.column()) for i in old]
        self._drills = self._sorted(self._drills)
        self._row_of = {d.uid: i for i, d in enumerate(self._drills)}
        self.changePersistentIndexList(old, [self.index(self._row_of[uid], col) for uid, col in keys])
        self.layoutChanged.emit()

    def drills(self) -> list[DrillSummary]:
        return list(self._drills)

    def drill_at(self, row: int) -> DrillSummary:
        return self._drills[row]

    def row_of(self, uid: str) -> int:
        return self._row_of.get(uid, -1)

    def replace(self, drill: DrillSummary) -> None:
        """Show the new state of one drill (after a change) without reloading the list."""
        row = self.row_of(drill.uid)
        if row < 0:
            return
        self._drills[row] = drill
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._drills)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    @staticmethod
    def status_text(status: DrillStatus, *, past_due: bool = False) -> str:
        """The status column's text (also what sizes the column)."""
        if past_due:
            return QCoreApplication.translate("DrillTableModel", "{status} (past its date)").format(
                status=status.text
            )
        return status.text

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._drills):
            return None
        drill = self._drills[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(drill, column)
        if role == SORT_ROLE:
            return self._sort_key(drill, column)
        if role == UID_ROLE:
            return drill.uid
        if role == ITEM_ROLE:
            return drill
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in (self.STATUS, self.DATE):
                return QColor(status_colour(drill, self.today))
            if column == self.REPORTED and unreported(drill):
                return QColor(theme.OVERDUE)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(drill, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, d: DrillSummary, column: int) -> str:
        if column == self.DATE:
            if d.end and d.end != d.start:
                return self.tr("{start} ({days} days)").format(start=d.start.isoformat(), days=len(d.days))
            return d.start.isoformat()
        if column == self.TITLE:
            return d.title
        if column == self.UNIT:
            return d.organiser_unit_name
        if column == self.FORM:
            return form_and_scope(d.form, d.scope)
        if column == self.SCOPE:
            return d.scope.text
        if column == self.PURPOSE:
            return d.purpose.text
        if column == self.TAGS:
            return i18n.join(tag_text(t) for t in d.tags)
        if column == self.PLANS:
            return semicolons(p.title for p in d.plans)
        if column == self.STATUS:
            past_due = d.status is DrillStatus.PLANNED and d.start < self.today
            return self.status_text(d.status, past_due=past_due)
        if column == self.SCORE:
            return "" if d.score_percent is None else f"{d.score_percent:.1f}%"
        if column == self.REPORTED:
            if not d.report_required:
                return ""
            return self.tr("Reported") if d.reported_to_authority else self.tr("Not reported")
        return ""

    def _sort_key(self, d: DrillSummary, column: int) -> Any:
        if column == self.DATE:
            return d.start.isoformat()
        if column == self.SCORE:
            return -1.0 if d.score_percent is None else d.score_percent
        return self._text(d, column)

    def _tooltip(self, d: DrillSummary, column: int) -> str | None:
        if column == self.PLANS:
            return "\n".join(book_title(p.title) for p in d.plans) or None
        if column == self.FORM:
            return i18n.join((d.form.text, d.scope.text, d.purpose.text))
        if column == self.DATE and d.end and d.end != d.start:
            return self.tr("{start} to {end}").format(start=d.start.isoformat(), end=d.end.isoformat())
        if column == self.STATUS and d.status is DrillStatus.PLANNED and d.start < self.today:
            return self.tr("The planned day has passed: mark the drill done or cancel it.")
        if column == self.REPORTED and unreported(d):
            return self.tr("High-risk units report every drill to the county authority (ENT Art.33).")
        if column == self.TITLE and d.location:
            return self.tr("Location: {place}").format(place=d.location)
        return None


class DrillFilterProxy(QSortFilterProxyModel):
    """Filters by unit, year, status, form, tag, a day and free text; sorts by ``SORT_ROLE``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)  # for other sources; a DrillTableModel sorts itself
        self.unit_uid: str | None = None
        self.year: int | None = None
        self.status: DrillStatus | None = None
        self.form: DrillForm | None = None
        self.tag: str | None = None
        self.text = ""
        self.day: date | None = None

    def set_filters(self, **filters: Any) -> None:
        """Change any of ``unit_uid, year, status, form, tag, text, day`` and filter again."""
        unknown = set(filters) - {"unit_uid", "year", "status", "form", "tag", "text", "day"}
        if unknown:
            raise TypeError(f"unknown filters: {sorted(unknown)}")
        if all(getattr(self, name) == value for name, value in filters.items()):
            return  # nothing changed: no need to filter every row again
        self.beginFilterChange()
        for name, value in filters.items():
            setattr(self, name, value)
        self.endFilterChange()

    def copy_filters(self, other: DrillFilterProxy, *, year: bool = True) -> None:
        self.set_filters(
            unit_uid=other.unit_uid,
            year=other.year if year else None,
            status=other.status,
            form=other.form,
            tag=other.tag,
            text=other.text,
        )

    def matches(self, d: DrillSummary, *, ignore_year: bool = False) -> bool:
        if self.day is not None and not d.start <= self.day <= (d.end or d.start):
            return False  # first: the month view's day list drops almost every row here
        if self.unit_uid is not None and d.organiser_unit_uid != self.unit_uid:
            return False
        if (
            not ignore_year
            and self.year is not None
            and not d.start.year <= self.year <= (d.end or d.start).year
        ):
            return False
        if self.status is not None and d.status is not self.status:
            return False
        if self.form is not None and d.form is not self.form:
            return False
        if self.tag and self.tag not in d.tags:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = " ".join(
                [d.title, d.organiser_unit_name, d.location or "", *d.tags, *(p.title for p in d.plans)]
            ).casefold()
            if needle not in haystack:
                return False
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The drill model sorts itself (fast); the proxy only filters."""
        model = self.sourceModel()
        if isinstance(model, DrillTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, DrillTableModel) or source_parent.isValid():
            return True
        return self.matches(model.drill_at(source_row))

    def drill_at(self, row: int) -> DrillSummary:
        drill: DrillSummary = self.index(row, 0).data(ITEM_ROLE)
        return drill

    def visible_drills(self) -> list[DrillSummary]:
        """The drills that pass the filters, in the list's order."""
        model = self.sourceModel()
        if isinstance(model, DrillTableModel):
            return [d for d in model.drills() if self.matches(d)]
        return [self.drill_at(row) for row in range(self.rowCount())]
