"""The due list as a table model, and the proxy that sorts and filters it (DESIGN.md §8).

Status colours are the ones every page uses (DESIGN.md §10): overdue red, due soon amber,
ok green.
"""

from __future__ import annotations

from collections.abc import Iterable
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
from PySide6.QtGui import QColor, QFont, QIcon

from planmgr.domain.due import DueItem, DueReport
from planmgr.domain.i18n import paren
from planmgr.domain.rules import DueKind, DueStatus
from planmgr.ui import theme

ModelIndex = QModelIndex | QPersistentModelIndex

STATUS, DUE, KIND, UNIT, PLAN, RULE, SOURCE = range(7)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_COLOURS = {
    DueStatus.OVERDUE: theme.OVERDUE,
    DueStatus.DUE_SOON: theme.DUE_SOON,
    DueStatus.OK: theme.OK,
}
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class DueTableModel(QAbstractTableModel):
    """One row per due item: 状态, 到期日, 事项, 单位, 预案, 规则, 依据."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[DueItem] = []
        self.as_of: date | None = None
        self.sort_column = DUE
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.headers = (
            self.tr("Status"),
            self.tr("Due date"),
            self.tr("What"),
            self.tr("Unit"),
            self.tr("Plan"),
            self.tr("Rule"),
            self.tr("Source"),
        )
        self._colours = {status: QColor(colour) for status, colour in STATUS_COLOURS.items()}
        self._icons: dict[DueStatus, QIcon] = {}
        self._bold: QFont | None = None

    def set_report(self, report: DueReport | None) -> None:
        self.beginResetModel()
        self.items = self._sorted(list(report.items)) if report is not None else []
        self.as_of = report.as_of if report is not None else None
        self.endResetModel()

    # ------------------------------------------------------------------ sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted in Python with one key per item: a county's ~40,000 items in a few
        milliseconds, where a proxy comparing through ``data()`` takes seconds."""
        if not 0 <= column < len(self.headers):
            return
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        order_of = sorted(
            range(len(self.items)), key=lambda row: self._key(self.items[row]), reverse=self._reverse
        )
        new_row = [0] * len(order_of)
        for row, old in enumerate(order_of):
            new_row[old] = row
        self.items = [self.items[old] for old in order_of]
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) for i in persistent]
        )
        self.layoutChanged.emit()

    @property
    def _reverse(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    def _sorted(self, items: list[DueItem]) -> list[DueItem]:
        return sorted(items, key=self._key, reverse=self._reverse)

    def _key(self, item: DueItem) -> tuple[Any, ...]:
        column = self.sort_column
        tie = (item.due_date, item.unit_name, item.plan_title or "")
        if column in (STATUS, DUE):
            return tie
        return (self._display(item, column) or "", *tie)

    def item(self, row: int) -> DueItem:
        return self.items[row]

    def counts(self) -> dict[DueStatus, int]:
        result = dict.fromkeys(DueStatus, 0)
        for item in self.items:
            result[item.status] += 1
        return result

    # ------------------------------------------------------------------ model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self.headers[section] if horizontal and 0 <= section < len(self.headers) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ForegroundRole and column in (STATUS, DUE):
            return self._colours[item.status]
        if role == Qt.ItemDataRole.FontRole and column == STATUS and item.status is DueStatus.OVERDUE:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return self._icon(item.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        return None

    def _display(self, item: DueItem, column: int) -> str | None:
        if column == STATUS:
            return self.status_text(item)
        if column == DUE:
            return item.due_date.isoformat()
        if column == KIND:
            return item.kind.text
        if column == UNIT:
            return item.unit_name
        if column == PLAN:
            return item.plan_title or self.tr("(the unit as a whole)")
        if column == RULE:
            return item.rule_title_text or item.rule_id
        if column == SOURCE:
            return item.source_text
        return None

    def longest_texts(self) -> dict[int, list[str]]:
        """The longest texts the status and kind columns show (a column wide enough for
        them is wide enough for any row, in either language)."""
        return {
            STATUS: [
                self.tr("Overdue by {days} days").format(days=999),
                self.tr("Due in {days} days").format(days=99),
                *DueStatus.texts(),
            ],
            KIND: DueKind.texts(),
        }

    def status_text(self, item: DueItem) -> str:
        days = (item.due_date - self.as_of).days if self.as_of is not None else None
        if item.status is DueStatus.OVERDUE and days is not None:
            return self.tr("Overdue by {days} days").format(days=-days)
        if item.status is DueStatus.DUE_SOON and days is not None:
            return self.tr("Due today") if days == 0 else self.tr("Due in {days} days").format(days=days)
        return item.status.text

    def _tooltip(self, item: DueItem) -> str:
        lines = [paren(item.rule_title_text, item.source_text) if item.rule_title else item.source_text]
        if item.anchor_date is not None:
            lines.append(self.tr("Counted from {date}").format(date=item.anchor_date.isoformat()))
        if item.calendar_estimated:
            lines.append(
                self.tr(
                    "Working days estimated Monday to Friday: enter that year's holidays on the "
                    "Settings page."
                )
            )
        lines.append(self.tr("Double-click to open it."))
        return "\n".join(lines)

    def _icon(self, status: DueStatus) -> QIcon:
        if status not in self._icons:
            self._icons[status] = theme.icon("circle", STATUS_COLOURS[status])
        return self._icons[status]


class DueFilterProxy(QSortFilterProxyModel):
    """Filters by kind, status and a text found in the unit, plan or rule. Sorting is the
    source model's (``DueTableModel.sort``); the proxy keeps its order.

    Which rows pass is worked out once per filter change and item list, so the proxy's
    per-row question is a list lookup (a county has ~40,000 items)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.statuses: frozenset[str] | None = None
        self.text = ""
        self._accepted: list[bool] = []
        self._accepted_for: list[DueItem] | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, DueTableModel):
            model.sort(column, order)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self.kind = kind or None
        self._accepted_for = None
        self.endFilterChange()

    def set_statuses(self, statuses: Iterable[str] | None) -> None:
        self.beginFilterChange()
        self.statuses = frozenset(statuses) if statuses is not None else None
        self._accepted_for = None
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self._accepted_for = None
        self.endFilterChange()

    def accepts(self, item: DueItem) -> bool:
        if self.kind is not None and item.kind.value != self.kind:
            return False
        if self.statuses is not None and item.status.value not in self.statuses:
            return False
        if self.text:
            # Rule and kind in both languages: what the list shows, and the ledgers' words.
            rule = f"{item.rule_title} {item.rule_title_text} {item.kind.label} {item.kind.text}"
            haystack = f"{item.unit_name} {item.plan_title or ''} {rule}"
            return self.text in haystack.casefold()
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, DueTableModel) or source_parent.isValid():
            return True
        if self._accepted_for is not model.items:  # new items, new order or new filters
            self._accepted = [self.accepts(item) for item in model.items]
            self._accepted_for = model.items
        return 0 <= source_row < len(self._accepted) and self._accepted[source_row]

    def item(self, index: ModelIndex) -> DueItem | None:
        if not index.isValid():
            return None
        value = index.data(ITEM_ROLE)
        return value if isinstance(value, DueItem) else None
