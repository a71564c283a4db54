"""FilingsPage: placeholder until this area is built (replace this module)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planmgr.ui.ops import OpRunner
from planmgr.ui.pages.placeholders import Placeholder


class FilingsPage(Placeholder):
    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._build(
            self.tr("Filings"),
            "clipboard-check-outline",
            self.tr("No filings here yet"),
            self.tr(
                "Submissions of plans for filing, returned filings with their one-time notice of "
                "missing materials, and filing numbers will be tracked on this page. Meanwhile: "
                "planmgr filing list --db DATABASE"
            ),
        )
