"""A read-only table model over a list of plain dataclasses; subclasses say how a cell looks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from planmgr.ui.drills.models import ITEM_ROLE, SORT_ROLE, UID_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ListTableModel(QAbstractTableModel):
    """Rows are items (dataclasses with a ``uid`` where ``UID_ROLE`` is asked for)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[Any]:
        return list(self._items)

    def item_at(self, row: int) -> Any:
        return self._items[row]

    def row_of(self, uid: str) -> int:
        for row, item in enumerate(self._items):
            if getattr(item, "uid", None) == uid:
                return row
        return -1

    # ------------------------------------------------------------------ for subclasses

    def cell(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def foreground(self, item: Any, column: int) -> str | None:
        return None

    def tooltip(self, item: Any, column: int) -> str | None:
        return None

    def sort_key(self, item: Any, column: int) -> Any:
        return self.cell(item, column)

    def item_flags(self, item: Any, column: int) -> Qt.ItemFlag:
        return _FLAGS

    def edit_data(self, item: Any, column: int, role: int) -> Any:
        return None

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return Qt.ItemFlag.NoItemFlags
        return self.item_flags(self._items[index.row()], index.column())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(item, column)
        if role == ITEM_ROLE:
            return item
        if role == UID_ROLE:
            return getattr(item, "uid", None)
        if role == SORT_ROLE:
            return self.sort_key(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.foreground(item, column)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        return self.edit_data(item, column, role)
