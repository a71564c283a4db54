"""The drill editor: planning data, record, evaluation, summary report, improvement loop.

A non-modal dialog over the drills page. A new drill first gets its planning data (the
other tabs open once it is on the plan); every part saves on its own through ``ops``.
Closing it (Close, Esc, the window's close box) with unsaved text in a part asks first;
a part knows it has unsaved text by comparing what it would save with what it loaded or
last saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain import i18n
from planmgr.domain.enums import DrillStatus
from planmgr.domain.errors import PlanmgrError
from planmgr.services import drill_evaluation, drill_lists, drills
from planmgr.services.drill_lists import DrillSummary, UnitChoice
from planmgr.services.drills import DrillDetail, DrillDraft
from planmgr.ui import dialogs, theme
from planmgr.ui.drills.actions_panel import ImprovementTab
from planmgr.ui.drills.context import DrillSession
from planmgr.ui.drills.drill_form import DrillFormWidget
from planmgr.ui.drills.evaluation_tab import EvaluationTab, SummaryTab
from planmgr.ui.drills.files import DrillFiles
from planmgr.ui.drills.models import status_colour
from planmgr.ui.drills.record_tab import RecordTab
from planmgr.ui.drills.small_dialogs import CancelDialog, DoneDialog
from planmgr.ui.drills.template_dialog import TemplateDialog
from planmgr.ui.ops import Operation, OpRunner


def ask_mark_done(
    parent: QWidget,
    ops: OpRunner,
    engine: Engine,
    drill: DrillSummary,
    today: date,
    on_success: Callable[[Any], None],
    started: Callable[[Operation], Any] | None = None,
) -> DoneDialog:
    """计划中 → 已完成 with the day it was held (``drills.mark_done``); ``started(op)`` once submitted."""
    dialog = DoneDialog(drill, today, parent)

    def accepted() -> None:
        op = ops.run(
            QCoreApplication.translate("DrillEditor", "Marking the drill done"),
            partial(
                drills.mark_done,
                engine,
                drill.uid,
                held_on=dialog.held(),
                end=dialog.end_date(),
                expected_row_version=drill.row_version,
                today=today,
            ),
            on_success=on_success,
            cancellable=False,
        )
        if started is not None:
            started(op)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def ask_cancel(
    parent: QWidget,
    ops: OpRunner,
    engine: Engine,
    drill: DrillSummary,
    on_success: Callable[[Any], None],
    started: Callable[[Operation], Any] | None = None,
) -> CancelDialog:
    """计划中 → 已取消 with the reason (``drills.cancel``); ``started(op)`` once submitted."""
    dialog = CancelDialog(drill, parent)

    def accepted() -> None:
        op = ops.run(
            QCoreApplication.translate("DrillEditor", "Cancelling the drill"),
            partial(
                drills.cancel, engine, drill.uid, reason=dialog.text(), expected_row_version=drill.row_version
            ),
            on_success=on_success,
            cancellable=False,
        )
        if started is not None:
            started(op)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


class DrillEditor(QDialog):
    """``drill_changed(uid)`` after every successful save (the page shows the new state)."""

    drill_changed = Signal(str)

    def __init__(
        self,
        engine: Engine,
        ops: OpRunner,
        files: DrillFiles,
        *,
        today: date,
        units: Sequence[UnitChoice],
        drill_uid: str | None = None,
        unit_uid: str | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.resize(1080, 660)  # fits a 1366×768 screen with the task bar
        self.setMinimumSize(900, 560)
        self.session = DrillSession(engine, ops, files, today, self)
        self.dialog: QDialog | None = None

        self.form = DrillFormWidget()
        self.form.set_units(units, unit_uid)
        self.form.unit_changed.connect(self._unit_chosen)
        self.save_button = QPushButton(theme.icon("content-save-outline"), self.tr("Put on the drill plan"))
        self.save_button.clicked.connect(self.save_plan)
        basic = QWidget()
        basic_layout = QVBoxLayout(basic)
        basic_layout.addWidget(self.form, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        basic_layout.addLayout(row)

        self.record = RecordTab(self.session)
        self.evaluation = EvaluationTab(self.session)
        self.evaluation.edit_templates.connect(self.edit_templates)
        self.summary = SummaryTab(self.session)
        self.improvement = ImprovementTab(self.session)
        self.improvement.actions.changed.connect(self._actions_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(basic, theme.icon("calendar-plus"), self.tr("Plan"))
        self.tabs.addTab(self.record, theme.icon("clipboard-list-outline"), self.tr("Record"))
        self.tabs.addTab(self.evaluation, theme.icon("format-list-checks"), self.tr("Evaluation"))
        self.tabs.addTab(self.summary, theme.icon("file-document-edit-outline"), self.tr("Summary report"))
        self.tabs.addTab(self.improvement, theme.icon("source-branch-check"), self.tr("Improvement"))

        self.status = QLabel()
        self.done_button = QPushButton(theme.icon("calendar-check-outline"), self.tr("Mark done…"))
        self.cancel_button = QPushButton(theme.icon("calendar-remove-outline"), self.tr("Cancel the drill…"))
        self.print_record_button = QPushButton(theme.icon("printer-outline"), self.tr("Print drill record"))
        self.print_evaluation_button = QPushButton(
            theme.icon("file-pdf-box"), self.tr("Print evaluation report")
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.done_button.clicked.connect(self.mark_done)
        self.cancel_button.clicked.connect(self.cancel_drill)
        self.print_record_button.clicked.connect(self.print_record)
        self.print_evaluation_button.clicked.connect(self.print_evaluation)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status)
        bottom.addStretch(1)
        for button in (
            self.done_button,
            self.cancel_button,
            self.print_record_button,
            self.print_evaluation_button,
            self.close_button,
        ):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.session.changed.connect(self._changed)

        if drill_uid is None:
            self.setWindowTitle(self.tr("New drill"))
            self.form.new_drill(day or today)
            self._unit_chosen(self.form.unit_uid() or "")
            self.form.mark_clean()
            self._show_new()
        else:
            self.open_drill(drill_uid)

    # ------------------------------------------------------------------ opening

    def _show_new(self) -> None:
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, False)
        self.status.setText(self.tr("Not yet on the plan"))
        for button in (
            self.done_button,
            self.cancel_button,
            self.print_record_button,
            self.print_evaluation_button,
        ):
            button.setEnabled(False)

    def open_drill(self, uid: str) -> None:
        """Read the drill and fill every tab (unsaved text of an earlier drill is replaced)."""
        s = self.session
        detail = s.load(uid)
        try:
            plans = drill_lists.drillable_plans(s.engine, detail.summary.organiser_unit_uid)
            templates = drill_evaluation.list_templates(s.engine)
            evaluation = drill_evaluation.get_evaluation(s.engine, uid)
            report = drill_evaluation.get_summary(s.engine, uid)
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not read the drill"), error.message)
            return
        self.form.show_drill(detail, plans)
        self.form.mark_clean()
        self.save_button.setText(self.tr("Save the plan data"))
        self.record.load(detail)
        self.evaluation.load(detail, evaluation, templates)
        self.summary.load(detail, report)
        self.improvement.reload()
        for index in range(self.tabs.count()):
            self.tabs.setTabEnabled(index, True)
        self._changed(detail)

    def _unit_chosen(self, unit_uid: str) -> None:
        if not unit_uid:
            self.form.set_plans([])
            return
        try:
            self.form.set_plans(drill_lists.drillable_plans(self.session.engine, unit_uid))
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not read the plans"), error.message)

    def _changed(self, detail: DrillDetail) -> None:
        s = detail.summary
        self.setWindowTitle(self.tr("Drill: {title}").format(title=s.title))
        self.status.setText(self.tr("Status: {status}").format(status=s.status.text))
        self.status.setStyleSheet(f"color: {status_colour(s, self.session.today)};")
        planned = s.status is DrillStatus.PLANNED
        self.done_button.setEnabled(planned)
        self.cancel_button.setEnabled(planned)
        self.print_record_button.setEnabled(True)
        self.print_evaluation_button.setEnabled(bool(detail.evaluation))
        self.form.set_read_only(s.status is DrillStatus.CANCELLED)
        self.save_button.setEnabled(s.status is not DrillStatus.CANCELLED)
        self.drill_changed.emit(s.uid)

    def _actions_changed(self) -> None:
        if self.session.detail is not None:
            self.drill_changed.emit(self.session.uid)

    # ------------------------------------------------------------------ actions

    def save_plan(self) -> None:
        s = self.session
        if s.detail is None:
            s.run(
                self.tr("Putting the drill on the plan"),
                partial(drills.plan_drill, s.engine, self.form.draft()),
                self._created,
            )
            return
        sent = self.form.draft()
        s.run(
            self.tr("Saving the drill"),
            partial(
                drills.update_drill,
                s.engine,
                s.uid,
                expected_row_version=s.row_version,
                today=s.today,
                **self.form.changes(),
            ),
            partial(self._plan_saved, sent),
        )

    def _plan_saved(self, sent: DrillDraft, result: object) -> None:
        self.form.mark_clean(sent)
        self.session.saved(result)

    def _created(self, summary: DrillSummary) -> None:
        self.open_drill(summary.uid)
        self.tabs.setCurrentWidget(self.record)

    def mark_done(self) -> None:
        s = self.session
        if s.summary is not None:
            self.dialog = ask_mark_done(self, s.ops, s.engine, s.summary, s.today, s.saved, s.track)

    def cancel_drill(self) -> None:
        s = self.session
        if s.summary is not None:
            self.dialog = ask_cancel(self, s.ops, s.engine, s.summary, s.saved, s.track)

    def print_record(self) -> None:
        s = self.session
        if s.summary is not None:
            s.files.print_record(s.engine, s.uid, s.summary.title)

    def print_evaluation(self) -> None:
        s = self.session
        if s.summary is not None:
            s.files.print_evaluation(s.engine, s.uid, s.summary.title)

    def edit_templates(self) -> None:
        dialog = TemplateDialog(self.session.engine, self.session.ops, self)
        dialog.templates_changed.connect(self._templates_changed)
        self.dialog = dialog
        dialog.open()

    def _templates_changed(self) -> None:
        self.evaluation.set_templates(drill_evaluation.list_templates(self.session.engine))

    # ------------------------------------------------------------------ closing

    def unsaved_parts(self) -> list[str]:
        """The parts whose fields differ from what was loaded or last saved, named for a sentence."""
        parts = (
            (self.form, self.tr("the plan data")),
            (self.record, self.tr("the record")),
            (self.evaluation, self.tr("the evaluation")),
            (self.summary, self.tr("the summary report")),
        )
        return [name for part, name in parts if part.is_dirty()]

    def _unsaved_text(self, parts: list[str]) -> str:
        if len(parts) == 1:
            text = self.tr("{part} has unsaved changes. Close without saving?").format(part=parts[0])
        else:
            names = self.tr("{parts} and {last}").format(parts=i18n.join(parts[:-1]), last=parts[-1])
            text = self.tr("{parts} have unsaved changes. Close without saving?").format(parts=names)
        return text[:1].upper() + text[1:]

    def may_close(self) -> bool:
        """Whether the editor may go away: yes when nothing is unsaved, else the user says."""
        parts = self.unsaved_parts()
        return not parts or dialogs.ask(self, self.tr("Discard changes?"), self._unsaved_text(parts))

    def reject(self) -> None:
        """Close, Esc and the window's close box: refused while a save runs, asks about unsaved text."""
        if self.session.busy:
            return
        if self.may_close():
            super().reject()

    def discard(self) -> None:
        """Close without asking (the database it edits is being left)."""
        super().reject()
