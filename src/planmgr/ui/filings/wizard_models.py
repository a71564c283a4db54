"""Item models of the enterprise's filing wizard: the plans that can be filed (checkable) and
the materials checklist with the files attached to each item (ENT Art.27)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from planmgr.domain.i18n import join
from planmgr.services.filing_queries import VersionDocument
from planmgr.services.filings import (
    MATERIAL_DECLARATION,
    MATERIAL_DOCUMENT,
    MATERIAL_REVIEW,
    FilingCandidate,
    material_text,
)
from planmgr.ui import theme
from planmgr.ui.filings.models import RowTableModel, horizontal_header

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class CandidateModel(RowTableModel):
    """Plans in force whose current version is not filed or pending; tick the ones to file."""

    TITLE, CATEGORY, VERSION, PUBLISHED, NOTE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FilingCandidate] = []
        self._checked: set[str] = set()
        self._headers = [
            self.tr("Plan"),
            self.tr("Category"),
            self.tr("Version"),
            self.tr("Published"),
            self.tr("Note"),
        ]

    def set_candidates(self, rows: Sequence[FilingCandidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = {r.plan_uid for r in rows}
        self.endResetModel()

    def checked(self) -> list[FilingCandidate]:
        return [r for r in self._rows if r.plan_uid in self._checked]

    def set_checked(self, plan_uid: str, checked: bool) -> None:
        for i, row in enumerate(self._rows):
            if row.plan_uid == plan_uid:
                self.setData(
                    self.index(i, 0),
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
                    Qt.ItemDataRole.CheckStateRole,
                )

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                row.title,
                row.category.text,
                row.version_label,
                row.published_date.isoformat() if row.published_date else "—",
                self.tr("Resubmission after a return") if row.returned else "",
            ]
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.CheckStateRole and column == self.TITLE:
            return Qt.CheckState.Checked if row.plan_uid in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NOTE and row.returned:
            return QBrush(QColor(theme.DUE_SOON))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.TITLE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        uid = self._rows[index.row()].plan_uid
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(uid)
        else:
            self._checked.discard(uid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class MaterialsModel(QAbstractTableModel):
    """The checklist: one row per item, with the files attached to it and whether it is covered.

    The 申报表 is covered by the wizard itself (its data travels in the package, the stamped
    paper copy by post); the plan versions' own documents cover 预案电子文档."""

    ITEM, FILES, STATE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[str] = []
        self._files: dict[str, list[Path]] = {}
        self._documents: list[VersionDocument] = []
        self._headers = [self.tr("Material"), self.tr("Files"), self.tr("State")]

    def set_checklist(self, items: Sequence[str], documents: Sequence[VersionDocument]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._files = {item: self._files.get(item, []) for item in items}
        self._documents = list(documents)
        self.endResetModel()

    def set_documents(self, documents: Sequence[VersionDocument]) -> None:
        self._documents = list(documents)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, self.STATE))

    def item_at(self, row: int) -> str:
        return self._items[row]

    def add_file(self, item: str, path: Path) -> None:
        files = self._files.setdefault(item, [])
        if path in files:
            return
        files.append(path)
        self._changed(item)

    def remove_files(self, item: str) -> None:
        self._files[item] = []
        self._changed(item)

    def _changed(self, item: str) -> None:
        if item in self._items:
            row = self._items.index(item)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.STATE))

    def attachments(self) -> list[tuple[str, Path]]:
        """(item, file) of every file the user attached."""
        return [(item, path) for item in self._items for path in self._files.get(item, [])]

    def covered(self, item: str) -> bool:
        return (
            bool(self._files.get(item))
            or item == MATERIAL_DECLARATION
            or (item == MATERIAL_DOCUMENT and bool(self._documents))
        )

    def missing(self) -> list[str]:
        return [item for item in self._items if not self.covered(item)]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return horizontal_header(self._headers, section, orientation, role)

    def _file_names(self, item: str) -> list[str]:
        names = [p.name for p in self._files.get(item, [])]
        if item == MATERIAL_DOCUMENT:
            names = [d.filename for d in self._documents] + names
        return names

    def _state(self, item: str) -> str:
        if self._files.get(item):
            return self.tr("{count} file(s) attached").format(count=len(self._file_names(item)))
        if item == MATERIAL_DECLARATION:
            return self.tr("Made by this wizard")
        if item == MATERIAL_DOCUMENT and self._documents:
            return self.tr("Attached to the plan versions")
        return self.tr("No file attached")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.ITEM:
                if role == Qt.ItemDataRole.ToolTipRole and item == MATERIAL_REVIEW:
                    return self.tr("Required of units on the review list (ENT Art.21).")
                return material_text(item)
            if column == self.FILES:
                return join(self._file_names(item)) or "—"
            if column == self.STATE:
                return self._state(item)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QBrush(QColor(theme.OK if self.covered(item) else theme.OVERDUE))
        return None
