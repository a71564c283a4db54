"""Small dialogs the drill services need: the day held, a cancel reason, a log line, a finding,
a corrective action, the plan version that closes an action.

Callers show them with ``open()`` (window-modal, not a nested event loop) and act on
``accepted``; tests fill the fields and click OK.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planmgr.domain.content import section_text, section_texts
from planmgr.services.actions import ActionInput, ActionRecord, ClosingVersion
from planmgr.services.drill_lists import DrillSummary, PlanRef
from planmgr.ui import theme
from planmgr.ui.drills.action_models import VersionModel


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(day: date, *, maximum: date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if maximum is not None:
        edit.setMaximumDate(to_qdate(maximum))
    return edit


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class FormDialog(QDialog):
    """A form with OK and Cancel; ``ok_button`` is enabled while ``valid()``."""

    def __init__(self, title: str, parent: QWidget | None = None, *, width: int = 460) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # Both directions explicit: the layout then leaves the window's minimum alone once shown.
        self.setMinimumSize(width, 180)
        self.form = QFormLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.note.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def update_ok(self) -> None:
        self.ok_button.setEnabled(self.valid())

    def valid(self) -> bool:
        return True

    def accept(self) -> None:
        if self.valid():
            super().accept()


class DoneDialog(FormDialog):
    """计划中 → 已完成: the day the drill was actually held (not after today)."""

    def __init__(self, drill: DrillSummary, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mark the drill done"), parent)
        self.drill = drill
        held = drill.start if drill.start <= today else today
        self.held_on = date_edit(held, maximum=today)
        self.multi_day = QCheckBox(self.tr("It lasted several days, until:"))
        length = (drill.end - drill.start) if drill.end and drill.end > drill.start else None
        self.end = date_edit(held + length if length else held)
        self.multi_day.setChecked(length is not None)
        self.end.setEnabled(length is not None)
        self.multi_day.toggled.connect(self.end.setEnabled)
        self.form.addRow(QLabel(drill.title))
        self.form.addRow(self.tr("Held on"), self.held_on)
        self.form.addRow(self.multi_day, self.end)
        self.show_note(
            self.tr("The due list counts the next drill from this day. It cannot be later than today.")
        )

    def held(self) -> date:
        return from_qdate(self.held_on.date())

    def end_date(self) -> date | None:
        return from_qdate(self.end.date()) if self.multi_day.isChecked() else None


class CancelDialog(FormDialog):
    """计划中 → 已取消, with the reason (kept in the drill's note)."""

    def __init__(self, drill: DrillSummary, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cancel the drill"), parent)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why is it cancelled? (required)"))
        self.reason.setFixedHeight(90)
        self.reason.textChanged.connect(self.update_ok)
        self.form.addRow(QLabel(drill.title))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.show_note(self.tr("A cancelled drill cannot be done later; plan a new drill instead."))
        self.update_ok()

    def valid(self) -> bool:
        return bool(self.reason.toPlainText().strip())

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class LogEntryDialog(FormDialog):
    """One time-stamped line of the drill record (e.g. 09:05 指挥部下达疏散命令)."""

    def __init__(
        self, at: datetime, text: str = "", parent: QWidget | None = None, *, editing: bool = False
    ) -> None:
        super().__init__(
            self.tr("Edit the log entry") if editing else self.tr("Add a log entry"), parent, width=520
        )
        self.at = QDateTimeEdit(QDateTime(to_qdate(at.date()), QTime(at.hour, at.minute)))
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.what = QLineEdit(text)
        self.what.setPlaceholderText(self.tr("What happened, e.g. the command post ordered the evacuation"))
        self.what.textChanged.connect(self.update_ok)
        self.form.addRow(self.tr("Time"), self.at)
        self.form.addRow(self.tr("What happened"), self.what)
        self.update_ok()

    def valid(self) -> bool:
        return bool(self.what.text().strip())

    def when(self) -> datetime:
        value = self.at.dateTime()
        day, time = value.date(), value.time()
        return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


def _plan_combo(plans: Sequence[tuple[str, str]], selected: str | None, none_text: str) -> QComboBox:
    """A drop-down of (uid, title) choices after a "none" entry."""
    combo = QComboBox()
    combo.addItem(none_text, None)
    for uid, title in plans:
        combo.addItem(title, uid)
    combo.setCurrentIndex(max(combo.findData(selected), 0) if selected else 0)
    return combo


class FindingDialog(FormDialog):
    """A problem found in the drill, and the plan it concerns."""

    def __init__(self, plans: Sequence[PlanRef], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record a finding"), parent, width=560)
        self.what = QPlainTextEdit()
        self.what.setPlaceholderText(self.tr("The problem found, in one or two sentences"))
        self.what.setFixedHeight(90)
        self.what.textChanged.connect(self.update_ok)
        choices = [(p.uid, p.title) for p in plans]
        self.plan = _plan_combo(choices, plans[0].uid if plans else None, self.tr("(no particular plan)"))
        self.form.addRow(self.tr("Finding"), self.what)
        self.form.addRow(self.tr("Plan concerned"), self.plan)
        self.update_ok()

    def valid(self) -> bool:
        return bool(self.what.toPlainText().strip())

    def text(self) -> str:
        return self.what.toPlainText().strip()

    def plan_uid(self) -> str | None:
        uid = self.plan.currentData()
        return str(uid) if uid else None


class ActionDialog(FormDialog):
    """A corrective action: what, who, by when, and the plan section it changes."""

    def __init__(
        self,
        plans: Sequence[PlanRef],
        today: date,
        parent: QWidget | None = None,
        *,
        plan_uid: str | None = None,
        action: ActionRecord | None = None,
    ) -> None:
        title = self.tr("Edit the corrective action") if action else self.tr("New corrective action")
        super().__init__(title, parent, width=560)
        choices = [(p.uid, p.title) for p in plans]
        if action is not None and action.plan_uid and all(uid != action.plan_uid for uid, _ in choices):
            choices.append((action.plan_uid, action.plan_title or ""))
        self.what = QPlainTextEdit(action.text if action else "")
        self.what.setPlaceholderText(self.tr("What will be done about the finding"))
        self.what.setFixedHeight(80)
        self.what.textChanged.connect(self.update_ok)
        self.owner = QLineEdit(action.owner or "" if action else "")
        self.owner.setPlaceholderText(self.tr("Person or post responsible"))
        self.has_due = QCheckBox(self.tr("Due by"))
        self.due = date_edit(action.due if action and action.due else today)
        self.has_due.setChecked(action is None or action.due is not None)
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        self.plan = _plan_combo(choices, action.plan_uid if action else plan_uid, self.tr("(no plan)"))
        self.section = QComboBox()
        self.section.addItem(self.tr("(does not change a plan section)"), None)
        for key, label in section_texts().items():
            self.section.addItem(label, key)
        if action and action.plan_section:
            self.section.setCurrentIndex(max(self.section.findData(action.plan_section), 0))
        self.plan.currentIndexChanged.connect(self.update_ok)
        self.section.currentIndexChanged.connect(self.update_ok)
        self.form.addRow(self.tr("Action"), self.what)
        self.form.addRow(self.tr("Owner"), self.owner)
        self.form.addRow(self.has_due, self.due)
        self.form.addRow(self.tr("Plan"), self.plan)
        self.form.addRow(self.tr("Section it changes"), self.section)
        self.show_note(
            self.tr(
                "An action that changes a plan section is closed by the plan version that carries the "
                'change: revise the plan, publish it, then use "Close by new version".'
            )
        )
        self.update_ok()

    def valid(self) -> bool:
        needs_plan = self.section.currentData() is not None and self.plan.currentData() is None
        return bool(self.what.toPlainText().strip()) and not needs_plan

    def value(self) -> ActionInput:
        return ActionInput(
            text=self.what.toPlainText().strip(),
            owner=self.owner.text().strip() or None,
            due=from_qdate(self.due.date()) if self.has_due.isChecked() else None,
            plan_uid=self.plan.currentData() or None,
            plan_section=self.section.currentData() or None,
        )


class CloseActionDialog(FormDialog):
    """Pick the plan version that carries the fix (``actions.close_through_revision``)."""

    def __init__(
        self, action: ActionRecord, versions: Sequence[ClosingVersion], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Close by new version"), parent, width=640)
        self.action = action
        self.model = VersionModel(self)
        self.model.set_items(versions)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 3):
            self.view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setMinimumHeight(160)
        self.view.selectionModel().selectionChanged.connect(self.update_ok)
        section = section_text(action.plan_section) if action.plan_section else ""
        self.form.addRow(self.tr("Action"), _wrapped(action.text))
        self.form.addRow(self.tr("Plan"), _wrapped(action.plan_title or ""))
        if section:
            self.form.addRow(self.tr("Section it changes"), QLabel(section))
        self.form.addRow(self.view)
        if not versions:
            self.show_note(self.tr("This plan has no versions yet. Revise and publish it first."))
        elif not any(v.usable for v in versions):
            self.show_note(
                self.tr(
                    "No version can close it yet: revise the plan, change the section and publish a new "
                    "version, then come back here."
                )
            )
        else:
            first = next(row for row, v in enumerate(versions) if v.usable)
            self.view.selectRow(first)
        self.update_ok()

    def selected(self) -> ClosingVersion | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        version: ClosingVersion = self.model.item_at(rows[0].row())
        return version

    def valid(self) -> bool:
        chosen = self.selected()
        return chosen is not None and chosen.usable

    def select_label(self, label: str) -> None:
        for row, version in enumerate(self.model.items()):
            if version.label == label:
                self.view.selectRow(row)
                return
        raise LookupError(label)
