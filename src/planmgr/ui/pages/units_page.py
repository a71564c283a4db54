"""单位: the unit hierarchy."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from planmgr.ui.models.unit_tree import UnitTreeModel
from planmgr.ui.ops import OpRunner
from planmgr.ui.pages.tree_page import TreePage
from planmgr.ui.widgets import EmptyState


class UnitsPage(TreePage):
    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        engine: Engine | None = None
        model = UnitTreeModel(engine, self)
        empty = EmptyState(
            "domain",
            self.tr("No units yet"),
            self.tr(
                "The city, its departments and towns, and the villages and enterprises under them "
                "will appear here. To start, register this database's own unit (planmgr init) and "
                "import a units ledger (planmgr ledger import units FILE.xlsx --db DATABASE)."
            ),
        )
        hint = self.tr("Expand a unit to see the units under it.")
        self._build(self.tr("Units"), hint, model, empty, (110, 80, 80))
