"""SettingsPage: placeholder until this area is built (replace this module)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planmgr.ui.ops import OpRunner
from planmgr.ui.pages.placeholders import Placeholder


class SettingsPage(Placeholder):
    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._build(
            self.tr("Settings"),
            "cog-outline",
            self.tr("Settings are not editable here yet"),
            self.tr(
                "This database's own unit, its mode (emergency office or enterprise) and regional "
                "rules will be set on this page. Meanwhile, register the own unit with: "
                "planmgr init --db DATABASE --unit-name NAME --unit-kind KIND"
            ),
        )
