"""The search box and filters above the plan tree (unit with the units under it,
category, status, event type). Typing runs the search after a short pause."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QPushButton, QWidget
from sqlalchemy import Engine

from planmgr.domain.enums import EventType, PlanCategory, PlanStatus
from planmgr.services import plan_queries
from planmgr.services.plan_queries import PlanFilter
from planmgr.ui import theme
from planmgr.ui.plans.models import UnitChoice, UnitChoiceModel

SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs


class UnitFilter(QComboBox):
    """Units to filter by, read the first time the list is needed (5,000 in a county)."""

    def __init__(self, bar: FilterBar) -> None:
        super().__init__()
        self.bar = bar
        self.loaded = False
        self.all_text = ""
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(12)
        # Sized by that length, not by measuring thousands of unit names.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.units = UnitChoiceModel(self)
        self.setModel(self.units)
        completer = QCompleter(self.units, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def reset(self, all_text: str) -> None:
        self.all_text = all_text
        self.blockSignals(True)
        self.units.set_units([UnitChoice(None, all_text)])
        self.setCurrentIndex(0)
        self.blockSignals(False)
        self.loaded = False

    def ensure_loaded(self) -> None:
        if self.loaded or self.bar.engine is None:
            return
        self.loaded = True
        current = self.currentIndex()
        found = plan_queries.unit_entries(self.bar.engine)
        self.blockSignals(True)
        self.units.set_units(
            [UnitChoice(None, self.all_text)]
            + [UnitChoice(u.uid, u.name, u.kind, u.parent_name) for u in found]
        )
        self.setCurrentIndex(max(current, 0))
        self.blockSignals(False)

    def select_uid(self, uid: str) -> None:
        self.ensure_loaded()
        self.setCurrentIndex(self.units.row_of(uid))

    def showPopup(self) -> None:
        self.ensure_loaded()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_loaded()
        super().focusInEvent(event)


class FilterBar(QWidget):
    """``changed`` when the search or a filter changed (typing: after a short pause)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine: Engine | None = None
        self.search = QLineEdit()
        self.search.setObjectName("plan-search")
        self.search.setPlaceholderText(self.tr("Search names, content and handling cards (Ctrl+F)"))
        self.search.addAction(theme.icon("magnify"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self.changed)
        self.unit_filter = UnitFilter(self)
        self.unit_filter.reset(self.tr("All units"))
        self.unit_filter.setToolTip(self.tr("Plans of this unit and of the units under it"))
        self.unit_filter.currentIndexChanged.connect(self.changed)
        self.category_filter = self._enum_combo(self.tr("All categories"), PlanCategory)
        self.status_filter = self._enum_combo(self.tr("All statuses"), PlanStatus)
        self.event_filter = self._enum_combo(self.tr("All event types"), EventType)
        self.clear_button = QPushButton(theme.icon("filter-remove-outline"), self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the search and the filters: back to the tree"))
        self.clear_button.clicked.connect(self._clear_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for widget in self.combos():
            layout.addWidget(widget, 1)
        layout.addWidget(self.clear_button)

    def _enum_combo(self, all_text: str, enum: Any) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, None)
        for member in enum:
            combo.addItem(member.text, member.value)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.unit_filter, self.category_filter, self.status_filter, self.event_filter)

    def forget_units(self) -> None:
        """Read the unit list again when it is next needed (unless one is chosen)."""
        if self.unit_filter.currentIndex() <= 0:
            self.unit_filter.reset(self.tr("All units"))

    def query(self) -> str:
        return self.search.text().strip()

    def current(self) -> PlanFilter:
        def value(combo: QComboBox, enum: Any) -> Any:
            data = combo.currentData()
            return enum(data) if data else None

        unit = self.unit_filter.currentData() if self.unit_filter.currentIndex() > 0 else None
        return PlanFilter(
            unit_uid=str(unit) if unit else None,
            category=value(self.category_filter, PlanCategory),
            status=value(self.status_filter, PlanStatus),
            event_type=value(self.event_filter, EventType),
        )

    def choose(
        self,
        *,
        unit_uid: str | None = None,
        category: PlanCategory | None = None,
        status: PlanStatus | None = None,
        event_type: EventType | None = None,
    ) -> None:
        """Choose filters as a user does in the combo boxes (each choice emits ``changed``)."""
        if unit_uid is not None:
            self.unit_filter.select_uid(unit_uid)
        for combo, member in (
            (self.category_filter, category),
            (self.status_filter, status),
            (self.event_filter, event_type),
        ):
            if member is not None:
                combo.setCurrentIndex(combo.findData(member.value))

    def clear(self) -> None:
        """Back to no search and no filter, without emitting ``changed``."""
        self.timer.stop()
        for widget in (*self.combos(), self.search):
            widget.blockSignals(True)
        for combo in self.combos():
            combo.setCurrentIndex(0)
        self.search.clear()
        for widget in (*self.combos(), self.search):
            widget.blockSignals(False)

    def _clear_clicked(self) -> None:
        self.clear()
        self.changed.emit()
