"""The planning fields of a drill: name, organiser, dates, the plans it exercises, form /
scope / purpose, tags (双盲, 数字化, 联合 are practice terms kept as tags, DOMAIN.md §7)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planmgr.domain import i18n
from planmgr.domain.enums import DrillForm, DrillPurpose, DrillScope, LabelledEnum
from planmgr.services.drill_lists import PlanRef, UnitChoice
from planmgr.services.drills import SUGGESTED_TAGS, DrillDetail, DrillDraft
from planmgr.ui import theme
from planmgr.ui.drills.record_models import PlanPickModel
from planmgr.ui.drills.small_dialogs import date_edit, from_qdate, to_qdate
from planmgr.ui.drills.texts import tag_text


def enum_combo(enum: type[LabelledEnum]) -> QComboBox:
    combo = QComboBox()
    for member in enum:
        combo.addItem(member.text, member.value)
    return combo


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def split_tags(text: str) -> list[str]:
    return [t for t in re.split(r"[,，、;；\s]+", text) if t]


class DrillFormWidget(QWidget):
    """Fields of ``DrillDraft``; the organiser is chosen only when the drill is new."""

    unit_changed = Signal(str)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. 2026 hazardous chemicals leak drill"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.start = date_edit(date.today())
        self.multi_day = QCheckBox(self.tr("Several days, until"))
        self.end = date_edit(date.today())
        self.end.setEnabled(False)
        self.multi_day.toggled.connect(self.end.setEnabled)
        self.start.dateChanged.connect(self._start_moved)
        self.location = QLineEdit()
        self.form = enum_combo(DrillForm)
        self.scope = enum_combo(DrillScope)
        self.purpose = enum_combo(DrillPurpose)
        self.tag_boxes = {tag: QCheckBox(tag_text(tag)) for tag in SUGGESTED_TAGS}
        self.other_tags = QLineEdit()
        self.other_tags.setPlaceholderText(self.tr("Other tags, separated by commas"))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)

        self.plans = PlanPickModel(self)
        self.plan_view = QTableView()
        self.plan_view.setModel(self.plans)
        self.plan_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_view.verticalHeader().hide()
        self.plan_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.plan_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.plans_hint = QLabel(self.tr("Tick the plans this drill exercises (at least one)."))
        self.plans_hint.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.plans_hint.setWordWrap(True)

        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addSpacing(12)
        dates.addWidget(self.multi_day)
        dates.addWidget(self.end)
        dates.addStretch(1)
        kinds = QHBoxLayout()
        for combo in (self.form, self.scope, self.purpose):
            kinds.addWidget(combo)
        kinds.addStretch(1)
        tags = QHBoxLayout()
        for box in self.tag_boxes.values():
            tags.addWidget(box)
        tags.addWidget(self.other_tags, 1)

        fields = QFormLayout()
        fields.addRow(self.tr("Drill name"), self.title)
        fields.addRow(self.tr("Organiser"), self.unit)
        fields.addRow(self.tr("Date"), dates)
        fields.addRow(self.tr("Location"), self.location)
        fields.addRow(self.tr("Form / scope / purpose"), kinds)
        fields.addRow(self.tr("Tags"), tags)
        fields.addRow(self.tr("Note"), self.note)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Plans exercised")))
        right.addWidget(self.plan_view, 1)
        right.addWidget(self.plans_hint)
        left = QVBoxLayout()
        left.addLayout(fields)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        self.unit.currentIndexChanged.connect(self._unit_chosen)
        self._clean: DrillDraft | None = None  # what the saved drill looks like in the form
        for signal in (self.title.textChanged, self.plans.dataChanged, self.location.textChanged):
            signal.connect(self.edited)

    # ------------------------------------------------------------------ filling

    def set_units(self, units: Sequence[UnitChoice], selected: str | None) -> None:
        self.unit.blockSignals(True)
        self.unit.clear()
        for unit in units:
            self.unit.addItem(unit.name, unit.uid)
        index = self.unit.findData(selected) if selected else -1
        self.unit.setCurrentIndex(index if index >= 0 else (0 if units else -1))
        self.unit.blockSignals(False)

    def set_plans(self, plans: Sequence[PlanRef], checked: Sequence[str] = ()) -> None:
        self.plans.set_plans(plans, checked)

    def new_drill(self, day: date) -> None:
        self.start.setDate(to_qdate(day))
        self.unit.setEnabled(True)

    def show_drill(self, detail: DrillDetail, plans: Sequence[PlanRef]) -> None:
        """Fill the fields from a saved drill (its plans stay listed even if no longer offered)."""
        s = detail.summary
        self.title.setText(s.title)
        self.unit.blockSignals(True)
        if self.unit.findData(s.organiser_unit_uid) < 0:
            self.unit.addItem(s.organiser_unit_name, s.organiser_unit_uid)
        self.unit.setCurrentIndex(self.unit.findData(s.organiser_unit_uid))
        self.unit.blockSignals(False)
        self.unit.setEnabled(False)
        self.start.setDate(to_qdate(s.start))
        several = s.end is not None and s.end != s.start
        self.multi_day.setChecked(several)
        self.end.setDate(to_qdate(s.end if s.end else s.start))
        self.location.setText(s.location or "")
        select_data(self.form, s.form.value)
        select_data(self.scope, s.scope.value)
        select_data(self.purpose, s.purpose.value)
        for tag, box in self.tag_boxes.items():
            box.setChecked(tag in s.tags)
        self.other_tags.setText(i18n.join(t for t in s.tags if t not in self.tag_boxes))
        self.note.setPlainText(detail.note or "")
        self.plans.set_plans(plans, [p.uid for p in s.plans])
        self.plans.add_plans(s.plans)

    def set_read_only(self, read_only: bool) -> None:
        widgets = [self.title, self.start, self.multi_day, self.end, self.location, self.form, self.scope]
        widgets += [self.purpose, self.other_tags, self.note, self.plan_view, *self.tag_boxes.values()]
        for widget in widgets:
            widget.setEnabled(not read_only)
        if not read_only:
            self.end.setEnabled(self.multi_day.isChecked())

    # ------------------------------------------------------------------ reading

    def unit_uid(self) -> str | None:
        uid = self.unit.currentData()
        return str(uid) if uid else None

    def tags(self) -> list[str]:
        chosen = [tag for tag, box in self.tag_boxes.items() if box.isChecked()]
        return chosen + [t for t in split_tags(self.other_tags.text()) if t not in chosen]

    def start_date(self) -> date:
        return from_qdate(self.start.date())

    def end_date(self) -> date | None:
        return from_qdate(self.end.date()) if self.multi_day.isChecked() else None

    def draft(self) -> DrillDraft:
        return DrillDraft(
            title=self.title.text(),
            organiser_unit_uid=self.unit_uid() or "",
            start=self.start_date(),
            plan_uids=self.plans.checked_uids(),
            end=self.end_date(),
            location=self.location.text(),
            form=DrillForm(self.form.currentData()),
            scope=DrillScope(self.scope.currentData()),
            purpose=DrillPurpose(self.purpose.currentData()),
            tags=self.tags(),
            note=self.note.toPlainText(),
        )

    def changes(self) -> dict[str, Any]:
        """Keyword arguments of ``drills.update_drill`` for what the form shows."""
        d = self.draft()
        return {
            "title": d.title,
            "start": d.start,
            "end": d.end,
            "location": d.location,
            "form": d.form,
            "scope": d.scope,
            "purpose": d.purpose,
            "tags": list(d.tags),
            "plan_uids": list(d.plan_uids),
            "note": d.note,
        }

    # ------------------------------------------------------------------ unsaved changes

    def mark_clean(self, saved: DrillDraft | None = None) -> None:
        """The form as it is now (or ``saved``, what a successful save sent) has nothing unsaved."""
        self._clean = self.draft() if saved is None else saved

    def is_dirty(self) -> bool:
        """What a save would send differs from what was loaded or last saved."""
        return self._clean is not None and self.draft() != self._clean

    # ------------------------------------------------------------------ reacting

    def _unit_chosen(self) -> None:
        uid = self.unit_uid()
        if uid:
            self.unit_changed.emit(uid)

    def _start_moved(self) -> None:
        if self.end.date() < self.start.date():
            self.end.setDate(self.start.date())
