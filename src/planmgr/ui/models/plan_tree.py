"""The plan hierarchy as a lazy tree: 预案名称, 类别, 状态, 编制单位, 版本."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from sqlalchemy import Engine

from planmgr.domain.enums import PlanCategory, PlanStatus
from planmgr.services import hierarchy
from planmgr.services.hierarchy import PlanNode
from planmgr.ui import theme
from planmgr.ui.models.lazy_tree import DEFAULT_BATCH, LazyTreeModel
from planmgr.ui.texts import enum_text

TITLE, CATEGORY, STATUS, OWNER, VERSION = range(5)


class PlanTreeModel(LazyTreeModel):
    """Top-level plans first; a plan's children are read from the database when expanded."""

    def __init__(
        self, engine: Engine | None = None, parent: QObject | None = None, *, batch_size: int = DEFAULT_BATCH
    ) -> None:
        super().__init__(parent, batch_size=batch_size)
        self.engine = engine
        self.headers = (
            self.tr("Plan name"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Owner unit"),
            self.tr("Version"),
        )
        self._icons: dict[str, QIcon] = {}
        if engine is not None:
            self.reload()

    def set_engine(self, engine: Engine | None) -> None:
        self.engine = engine
        self.reload()

    def _count_top(self) -> int:
        if self.engine is None:
            return 0
        return hierarchy.count_plan_children(self.engine, None)

    def _fetch_children(self, parent_uid: str | None, offset: int, limit: int) -> list[Any]:
        if self.engine is None:
            return []
        return hierarchy.plan_children(self.engine, parent_uid, offset=offset, limit=limit)

    def _display(self, data: PlanNode, column: int) -> str | None:
        if column == TITLE:
            return data.title
        if column == CATEGORY:
            return enum_text(PlanCategory, data.category, data.category_label)
        if column == STATUS:
            return enum_text(PlanStatus, data.status, data.status_label)
        if column == OWNER:
            return data.owner_unit_name
        if column == VERSION:
            return data.version_label or self.tr("unpublished")
        return None

    def _icon(self, data: PlanNode) -> QIcon:
        if data.category == "ent_onsite":
            name = "clipboard-text-outline"
        elif data.category.startswith("ent_"):
            name = "factory"
        elif data.child_count:
            name = "file-document-multiple-outline"
        else:
            name = "file-document-outline"
        if name not in self._icons:
            self._icons[name] = theme.icon(name)
        return self._icons[name]

    def _role_data(self, data: PlanNode, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return theme.plan_status_colour(data.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == VERSION and not data.version_label:
            return theme.plan_status_colour("drafting")
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            return self._icon(data)
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return self.tr("{title}\n{category}, {count} plans under it").format(
                title=data.title,
                category=enum_text(PlanCategory, data.category, data.category_label),
                count=data.child_count,
            )
        return None
