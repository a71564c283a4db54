"""预案体系: the plan hierarchy."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from planmgr.ui import theme
from planmgr.ui.models.plan_tree import PlanTreeModel
from planmgr.ui.ops import OpRunner
from planmgr.ui.pages.tree_page import TreePage
from planmgr.ui.widgets import EmptyState


class PlansPage(TreePage):
    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        engine: Engine | None = None
        model = PlanTreeModel(engine, self)
        empty = EmptyState(
            "file-tree-outline",
            self.tr("No plans yet"),
            self.tr(
                "Plans and how they link under one another will appear here. To start, import a "
                "plans ledger (planmgr ledger import plans FILE.xlsx --db DATABASE) or open the demo "
                "database (planmgr gui --demo)."
            ),
        )
        legend = self.tr(
            "Expand a plan to see the plans under it. Status colours: "
            '<span style="color:{ok}">in force</span>, '
            '<span style="color:{soon}">in review or revision</span>, '
            '<span style="color:{grey}">draft, superseded or abolished</span>.'
        ).format(ok=theme.OK, soon=theme.DUE_SOON, grey=theme.NEUTRAL)
        self._build(self.tr("Plan system"), legend, model, empty, (170, 90, 220, 80))
