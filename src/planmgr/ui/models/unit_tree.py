"""The unit hierarchy as a lazy tree: city → departments and towns → villages and enterprises."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from sqlalchemy import Engine

from planmgr.domain.enums import UnitKind
from planmgr.services import hierarchy
from planmgr.services.hierarchy import UnitNode
from planmgr.ui import theme
from planmgr.ui.models.lazy_tree import DEFAULT_BATCH, LazyTreeModel
from planmgr.ui.texts import enum_text

NAME, KIND, SUBUNITS, PLANS = range(4)

KIND_ICONS = {
    "city": "city",
    "department": "office-building-outline",
    "town": "home-city-outline",
    "village": "home-group",
    "enterprise": "factory",
    "other": "domain",
}


class UnitTreeModel(LazyTreeModel):
    def __init__(
        self, engine: Engine | None = None, parent: QObject | None = None, *, batch_size: int = DEFAULT_BATCH
    ) -> None:
        super().__init__(parent, batch_size=batch_size)
        self.engine = engine
        self.headers = (self.tr("Unit name"), self.tr("Kind"), self.tr("Sub-units"), self.tr("Plans"))
        self._icons: dict[str, QIcon] = {}
        if engine is not None:
            self.reload()

    def set_engine(self, engine: Engine | None) -> None:
        self.engine = engine
        self.reload()

    def _count_top(self) -> int:
        if self.engine is None:
            return 0
        return hierarchy.count_unit_children(self.engine, None)

    def _fetch_children(self, parent_uid: str | None, offset: int, limit: int) -> list[Any]:
        if self.engine is None:
            return []
        return hierarchy.unit_children(self.engine, parent_uid, offset=offset, limit=limit)

    def _display(self, data: UnitNode, column: int) -> str | None:
        if column == NAME:
            return data.name
        if column == KIND:
            return enum_text(UnitKind, data.kind, data.kind_label)
        if column == SUBUNITS:
            return str(data.child_count) if data.child_count else ""
        if column == PLANS:
            return str(data.plan_count)
        return None

    def _role_data(self, data: UnitNode, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            name = KIND_ICONS.get(data.kind, "domain")
            if name not in self._icons:
                self._icons[name] = theme.icon(name)
            return self._icons[name]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SUBUNITS, PLANS):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == PLANS and data.plan_count == 0:
            return theme.plan_status_colour("drafting")
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME and data.uscc:
            return self.tr("Unified social credit code: {code}").format(code=data.uscc)
        return None
