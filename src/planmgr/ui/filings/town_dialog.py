"""Choose the town a newly filing enterprise belongs to, when its package does not say one
this database knows (the import is then repeated with the town chosen)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from planmgr.domain.i18n import paren
from planmgr.services.filing_queries import TownChoice


class TownDialog(QDialog):
    chosen = Signal(str)

    def __init__(self, towns: Sequence[TownChoice], reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which town does the enterprise belong to?"))
        self.setMinimumSize(480, 220)  # explicit: the layout does not resize the shown window
        self.explanation = QLabel(
            self.tr(
                "The package was not imported yet:\n{reason}\n\nChoose the town (or sub-district) the "
                "enterprise belongs to, and the package is imported again under it."
            ).format(reason=reason)
        )
        self.explanation.setWordWrap(True)
        self.combo = QComboBox()
        for town in towns:
            text = paren(town.name, town.parent_name) if town.parent_name else town.name
            self.combo.addItem(text, town.uid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import under this town"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def accept(self) -> None:
        uid = self.combo.currentData()
        super().accept()
        if uid:
            self.chosen.emit(str(uid))
