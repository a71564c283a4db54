"""Editable table models for the structured content sections (domain.content contract).

A table-like section (grading, response levels, work groups, procedure, contacts,
resources) is a list of dicts with the columns of ``SECTION_COLUMNS``; a list section
(measures, precautions) is a list of strings, shown as a one-column table. Rows keep any
keys the editor does not show, so nothing written by another tool is lost on saving.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from planmgr.domain.content import SECTION_COLUMNS, column_texts, section_text

ModelIndex = QModelIndex | QPersistentModelIndex

TEXT_KEY = "text"  # the one column of a list section

_EDITABLE = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemNeverHasChildren
)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class SectionTableModel(QAbstractTableModel):
    """Rows of one content section, edited in place; ``edited`` on any change."""

    edited = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        columns = SECTION_COLUMNS.get(key)
        self.is_list = columns is None
        self.keys: list[str] = list(columns) if columns else [TEXT_KEY]
        texts = column_texts(key)
        self.headers: list[str] = list(texts.values()) if texts else [section_text(key)]
        self.read_only = False
        self._rows: list[dict[str, Any]] = []

    # ------------------------------------------------------------------ content

    def load(self, value: Any) -> None:
        """Take the section's value from ``Plan.content`` (list, or text for a list section)."""
        rows: list[dict[str, Any]] = []
        if isinstance(value, str):
            value = [line for line in value.splitlines() if line.strip()]
        for item in value or ():
            if isinstance(item, dict):
                rows.append(dict(item))
            elif self.is_list:
                rows.append({TEXT_KEY: _text(item)})
            else:
                rows.append({self.keys[0]: _text(item)})
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def content(self) -> list[Any]:
        """The section as it goes into ``Plan.content``: blank rows dropped, text trimmed."""
        result: list[Any] = []
        for row in self._rows:
            cleaned = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items()}
            if not any(cleaned.get(k) not in (None, "") for k in self.keys):
                continue
            if self.is_list:
                result.append(cleaned.get(TEXT_KEY, ""))
            else:
                shown = {k: cleaned.get(k, "") for k in self.keys}
                extra = {k: v for k, v in cleaned.items() if k not in shown}
                result.append(shown | extra)
        return result

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.keys) - 1))

    # ------------------------------------------------------------------ editing

    def insert_row(self, at: int | None = None, values: dict[str, str] | None = None) -> int:
        """A new (blank) row at ``at`` (the end by default); returns its row number."""
        row = len(self._rows) if at is None else max(0, min(at, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, dict(values or {}))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        self.edited.emit()

    def move_row(self, row: int, delta: int) -> int:
        """Move ``row`` up (-1) or down (+1); returns where it is now."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)) or delta == 0:
            return row
        # beginMoveRows wants the destination *before* which the row lands.
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target

    # ------------------------------------------------------------------ model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.keys)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _READ_ONLY if self.read_only else _EDITABLE

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            value = _text(self._rows[index.row()].get(self.keys[index.column()]))
            if role == Qt.ItemDataRole.ToolTipRole:
                return value or None
            return value
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.read_only:
            return False
        key = self.keys[index.column()]
        text = _text(value)
        row = self._rows[index.row()]
        if _text(row.get(key)) == text:
            return False
        row[key] = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.edited.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1) if 0 <= section < len(self._rows) else None
