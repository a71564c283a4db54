"""DrillsPage: placeholder until this area is built (replace this module)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planmgr.ui.ops import OpRunner
from planmgr.ui.pages.placeholders import Placeholder


class DrillsPage(Placeholder):
    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._build(
            self.tr("Drills"),
            "run-fast",
            self.tr("No drill records here yet"),
            self.tr(
                "Planned and completed drills, their evaluations and summaries will be kept on this "
                "page. Until it is ready, import a drills ledger from the command line: "
                "planmgr ledger import drills FILE.xlsx --db DATABASE"
            ),
        )
