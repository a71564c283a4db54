"""CardsPage: placeholder until this area is built (replace this module)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planmgr.ui.ops import OpRunner
from planmgr.ui.pages.placeholders import Placeholder


class CardsPage(Placeholder):
    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._build(
            self.tr("Handling cards"),
            "card-account-details-outline",
            self.tr("No handling cards here yet"),
            self.tr(
                "Emergency handling cards for each post, drawn from on-site plans, will be edited and "
                "printed on this page. Meanwhile they can be printed from the command line: "
                "planmgr print cards --db DATABASE --all -o cards.pdf"
            ),
        )
