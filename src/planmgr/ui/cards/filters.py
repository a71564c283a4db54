"""The row of filters over a card list: plan, unit, post, stale only, search text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from planmgr.services.cards import CardSummary
from planmgr.ui import theme
from planmgr.ui.cards.models import CardFilterProxy, ChoiceModel


class CardFilterBar(QWidget):
    """Drives a ``CardFilterProxy``; the plan and unit choices come from the cards loaded.
    The plan and unit boxes take typing too (thousands of plans): any part of the name.

    ``compact``: three rows (the narrow print-centre panel) instead of one.
    """

    changed = Signal()

    def __init__(
        self, proxy: CardFilterProxy, *, compact: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.plan_choices = ChoiceModel(self)
        self.unit_choices = ChoiceModel(self)
        self.plan_combo = self._combo(self.plan_choices, 14)
        self.unit_combo = self._combo(self.unit_choices, 12)
        self.post_edit = QLineEdit()
        self.post_edit.setPlaceholderText(self.tr("Post contains…"))
        self.post_edit.setClearButtonEnabled(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search cards…"))
        self.search_edit.setClearButtonEnabled(True)
        self.stale_box = QCheckBox(self.tr("Stale only"))
        self.stale_box.setIcon(theme.icon("alert-outline", theme.DUE_SOON))
        self.stale_box.setToolTip(self.tr("Show only cards whose plan changed since the card was made"))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        plan_label, unit_label = QLabel(self.tr("Plan")), QLabel(self.tr("Unit"))
        if compact:
            layout.addWidget(plan_label, 0, 0)
            layout.addWidget(self.plan_combo, 0, 1, 1, 3)
            layout.addWidget(unit_label, 1, 0)
            layout.addWidget(self.unit_combo, 1, 1, 1, 3)
            layout.addWidget(QLabel(self.tr("Post")), 2, 0)
            layout.addWidget(self.post_edit, 2, 1)
            layout.addWidget(self.stale_box, 2, 2, 1, 2)
            self.search_edit.hide()
            layout.setColumnStretch(1, 1)
        else:
            layout.addWidget(plan_label, 0, 0)
            layout.addWidget(self.plan_combo, 0, 1)
            layout.addWidget(unit_label, 0, 2)
            layout.addWidget(self.unit_combo, 0, 3)
            layout.addWidget(self.post_edit, 0, 4)
            layout.addWidget(self.search_edit, 0, 5)
            layout.addWidget(self.stale_box, 0, 6)
            layout.setColumnStretch(1, 3)
            layout.setColumnStretch(3, 2)
            layout.setColumnStretch(4, 1)
            layout.setColumnStretch(5, 1)
        self.set_choices([])
        self.plan_combo.currentIndexChanged.connect(self.apply)
        self.unit_combo.currentIndexChanged.connect(self.apply)
        self.post_edit.textChanged.connect(self.apply)
        self.search_edit.textChanged.connect(self.apply)
        self.stale_box.toggled.connect(self.apply)

    def _combo(self, choices: ChoiceModel, length: int) -> QComboBox:
        combo = QComboBox()
        combo.setModel(choices)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMinimumContentsLength(length)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        completer = QCompleter(choices, combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        assert line is not None
        # Text typed but not picked goes back to the choice in force when the box is left.
        line.editingFinished.connect(lambda: combo.setEditText(combo.itemText(combo.currentIndex())))
        return combo

    def set_choices(self, cards: Sequence[CardSummary]) -> None:
        """Fill the plan and unit lists from ``cards``, keeping what was chosen if still there."""
        plans = sorted({(c.plan_title, c.plan_uid) for c in cards if c.plan_uid and c.plan_title})
        units = sorted({(c.unit_name, c.unit_uid) for c in cards})
        changed = False
        for combo, choices, everything, items in (
            (self.plan_combo, self.plan_choices, self.tr("All plans"), plans),
            (self.unit_combo, self.unit_choices, self.tr("All units"), units),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            choices.set_items([(everything, None), *items])
            found = max(combo.findData(chosen), 0) if chosen is not None else 0
            combo.setCurrentIndex(found)
            combo.blockSignals(False)
            changed |= combo.currentData() != chosen
        if changed:  # what was chosen is gone (filtering 25,000 cards again costs)
            self.apply()

    def select(
        self, *, plan_uid: str | None = None, unit_uid: str | None = None, stale_only: bool | None = None
    ) -> None:
        """Set the plan and unit filters (None: all) and, if given, the stale-only box."""
        for combo, uid in ((self.plan_combo, plan_uid), (self.unit_combo, unit_uid)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(uid), 0) if uid is not None else 0)
            combo.blockSignals(False)
        if stale_only is not None:
            self.stale_box.blockSignals(True)
            self.stale_box.setChecked(stale_only)
            self.stale_box.blockSignals(False)
        self.apply()

    @property
    def plan_uid(self) -> str | None:
        uid = self.plan_combo.currentData()
        return str(uid) if uid else None

    @property
    def unit_uid(self) -> str | None:
        uid = self.unit_combo.currentData()
        return str(uid) if uid else None

    def apply(self) -> None:
        self.proxy.set_filter(
            plan_uid=self.plan_uid,
            unit_uid=self.unit_uid,
            post=self.post_edit.text(),
            stale_only=self.stale_box.isChecked(),
            text=self.search_edit.text(),
        )
        self.changed.emit()
