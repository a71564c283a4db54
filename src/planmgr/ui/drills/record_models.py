"""Models of the drill record: the time-stamped log, attachments, and the plans to pick."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from planmgr.services.blobs import human_size
from planmgr.services.drill_lists import PlanRef
from planmgr.services.drills import AttachmentInfo, LogEntry
from planmgr.ui.drills.table_base import ListTableModel, ModelIndex

_CHECKABLE = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsUserCheckable
    | Qt.ItemFlag.ItemNeverHasChildren
)


class LogModel(ListTableModel):
    """演练过程记录: time and what happened, in time order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Time"), self.tr("What happened")), parent)
        self.multi_day = False

    def set_entries(self, entries: Sequence[LogEntry], *, multi_day: bool = False) -> None:
        self.multi_day = multi_day
        self.set_items(entries)

    def cell(self, item: LogEntry, column: int) -> str:
        if column == 0:
            return item.at.strftime("%m-%d %H:%M" if self.multi_day else "%H:%M")
        return item.text

    def sort_key(self, item: LogEntry, column: int) -> Any:
        return item.at.isoformat() if column == 0 else item.text

    def tooltip(self, item: LogEntry, column: int) -> str | None:
        return item.at.strftime("%Y-%m-%d %H:%M") if column == 0 else item.text


class AttachmentModel(ListTableModel):
    """Photos, sign-in sheets and other files of a drill."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Kind"), self.tr("File"), self.tr("Size")), parent)

    def cell(self, item: AttachmentInfo, column: int) -> str:
        return (item.kind_label, item.filename, human_size(item.size))[column]

    def sort_key(self, item: AttachmentInfo, column: int) -> Any:
        return item.size if column == 2 else self.cell(item, column)

    def edit_data(self, item: AttachmentInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PlanPickModel(ListTableModel):
    """The unit's plans with a check box each: the plans a drill exercises."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Plan"), self.tr("Category")), parent)
        self._checked: set[str] = set()

    def set_plans(self, plans: Sequence[PlanRef], checked: Iterable[str] = ()) -> None:
        """Show ``plans``; plans already exercised but no longer offered stay listed (checked)."""
        wanted = list(checked)
        self._checked = set(wanted)
        self.set_items(list(plans))

    def add_plans(self, plans: Iterable[PlanRef]) -> None:
        known = {p.uid for p in self._items}
        extra = [p for p in plans if p.uid not in known]
        if extra:
            self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(extra) - 1)
            self._items.extend(extra)
            self.endInsertRows()

    def checked_uids(self) -> list[str]:
        return [p.uid for p in self._items if p.uid in self._checked]

    def set_checked(self, uid: str, checked: bool = True) -> None:
        row = self.row_of(uid)
        if row < 0:
            return
        index = self.index(row, 0)
        self.setData(
            index,
            Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def cell(self, item: PlanRef, column: int) -> str:
        return item.title if column == 0 else item.category.text

    def tooltip(self, item: PlanRef, column: int) -> str | None:
        return item.title

    def item_flags(self, item: PlanRef, column: int) -> Qt.ItemFlag:
        return _CHECKABLE if column == 0 else super().item_flags(item, column)

    def edit_data(self, item: PlanRef, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if item.uid in self._checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        uid = self._items[index.row()].uid
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        if state == Qt.CheckState.Checked:
            self._checked.add(uid)
        else:
            self._checked.discard(uid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
