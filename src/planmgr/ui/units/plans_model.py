"""A unit's plans as a table: 预案名称, 类别, 状态, 版本."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from planmgr.domain.enums import PlanCategory, PlanStatus
from planmgr.services.hierarchy import PlanNode
from planmgr.ui import theme
from planmgr.ui.texts import enum_text

ModelIndex = QModelIndex | QPersistentModelIndex

TITLE, CATEGORY, STATUS, VERSION = range(4)
UID_ROLE = Qt.ItemDataRole.UserRole + 1
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class UnitPlansModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plans: list[PlanNode] = []
        self.headers = (self.tr("Plan name"), self.tr("Category"), self.tr("Status"), self.tr("Version"))

    def set_plans(self, plans: Sequence[PlanNode]) -> None:
        self.beginResetModel()
        self.plans = list(plans)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plans)

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
        if not index.isValid() or not 0 <= index.row() < len(self.plans):
            return None
        plan = self.plans[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return plan.title
            if column == CATEGORY:
                return enum_text(PlanCategory, plan.category, plan.category_label)
            if column == STATUS:
                return enum_text(PlanStatus, plan.status, plan.status_label)
            if column == VERSION:
                return plan.version_label or self.tr("unpublished")
            return None
        if role == UID_ROLE:
            return plan.uid
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return theme.plan_status_colour(plan.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return self.tr("Double-click to open the plan.")
        return None
