"""Item models of the ledger wizard: the preview of the file (recognised columns marked,
unknown ones red) and the report of every bad cell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from planmgr.exchange.ledger_records import LedgerError
from planmgr.ui import theme
from planmgr.ui.ledger.preview_data import ColumnState, LedgerPreview
from planmgr.ui.ledger.texts import ledger_name

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_UNKNOWN_TINT = QColor("#FCE8E6")
_IGNORED_TINT = QColor("#F1F3F4")


class PreviewModel(QAbstractTableModel):
    """The first rows of the sheet; header cells say whether the import knows the column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.preview: LedgerPreview | None = None

    def set_preview(self, preview: LedgerPreview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() or self.preview is None else len(self.preview.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() or self.preview is None else len(self.preview.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.preview is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            # Rows as Excel numbers them: the header is row 1.
            return str(section + 2) if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(self.preview.columns):
            return None
        column = self.preview.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header or self.tr("(no header)")
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = {
                ColumnState.KNOWN: theme.OK,
                ColumnState.UNKNOWN: theme.OVERDUE,
            }.get(column.state, theme.NEUTRAL)
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.DecorationRole:
            name, colour = {
                ColumnState.KNOWN: ("check-circle-outline", theme.OK),
                ColumnState.UNKNOWN: ("alert-circle-outline", theme.OVERDUE),
            }.get(column.state, ("minus-circle-outline", theme.NEUTRAL))
            return theme.icon(name, colour)
        if role == Qt.ItemDataRole.FontRole and column.state is ColumnState.KNOWN:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.column_tip(section)
        return None

    def column_tip(self, section: int) -> str:
        assert self.preview is not None
        column = self.preview.columns[section]
        if column.state is ColumnState.KNOWN and column.column is not None:
            if column.column.required:
                return self.tr("Recognised: {header} (required)").format(header=column.column.header)
            return self.tr("Recognised: {header}").format(header=column.column.header)
        if column.state is ColumnState.ERRORS:
            return self.tr("The errors column of an errors workbook: ignored on import.")
        if column.state is ColumnState.BLANK:
            return self.tr("No header: a column with data here is refused.")
        return self.tr("Not a column of the {ledger}: the import refuses the file.").format(
            ledger=ledger_name(self.preview.kind)
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.preview is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self.preview.rows) or not 0 <= index.column() < len(
            self.preview.columns
        ):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.preview.rows[index.row()][index.column()]
        state = self.preview.columns[index.column()].state
        if role == Qt.ItemDataRole.BackgroundRole:
            if state is ColumnState.UNKNOWN:
                return QBrush(_UNKNOWN_TINT)
            if state in (ColumnState.ERRORS, ColumnState.BLANK):
                return QBrush(_IGNORED_TINT)
        return None


class ErrorsModel(QAbstractTableModel):
    """Every bad cell: sheet, row (as Excel numbers it), column, reason."""

    SHEET, ROW, COLUMN, REASON = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._errors: list[LedgerError] = []
        self._headers = [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Reason")]

    def set_errors(self, errors: Sequence[LedgerError]) -> None:
        self.beginResetModel()
        self._errors = list(errors)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._errors)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._errors):
            return None
        error = self._errors[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = [
                error.sheet or "—",
                "—" if error.row is None else str(error.row),
                error.column or "—",
                error.message,
            ]
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.REASON:
            return QBrush(QColor(theme.OVERDUE))
        return None
