"""The improvement loop (持续改进): findings → corrective actions → closed by a plan revision.

``ActionsPanel`` lists corrective actions (open ones by default, overdue in red) with their
state changes; the page shows all of a unit's, the drill editor those of one drill.
``ImprovementTab`` adds the drill's findings and new actions for them.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import ActionStatus, FindingSource
from planmgr.domain.errors import PlanmgrError
from planmgr.services import actions
from planmgr.services.actions import OPEN_STATUSES, ActionRecord, FindingInput, FindingRecord
from planmgr.services.drill_lists import PlanRef
from planmgr.ui import dialogs, theme
from planmgr.ui.drills.action_models import ActionModel, FindingModel
from planmgr.ui.drills.context import DrillSession
from planmgr.ui.drills.models import SORT_ROLE
from planmgr.ui.drills.small_dialogs import ActionDialog, CloseActionDialog, FindingDialog
from planmgr.ui.ops import OpRunner


def _table(model: QSortFilterProxyModel | FindingModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    return view


class ActionsPanel(QWidget):
    """Corrective actions with their state changes; ``changed`` after every successful change,
    ``started(Operation)`` when a change is submitted."""

    changed = Signal()
    started = Signal(object)  # Operation

    def __init__(
        self,
        ops: OpRunner,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        drill_scope: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.today = today or date.today()
        self.engine: Engine | None = None
        self.unit_uid: str | None = None
        self.drill_uid: str | None = None
        self.dialog: ActionDialog | CloseActionDialog | None = None

        self.model = ActionModel(self, today=self.today)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = _table(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(ActionModel.DUE, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ActionModel.TEXT, QHeaderView.ResizeMode.Stretch)
        widths = {
            ActionModel.OWNER: 120,
            ActionModel.DUE: 140,
            ActionModel.STATUS: 70,
            ActionModel.PLAN: 190,
            ActionModel.SECTION: 110,
            ActionModel.CLOSED_BY: 80,
            ActionModel.UNIT: 160,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.view.hideColumn(ActionModel.FINDING)  # in the action's tooltip (and the editor's findings)
        if drill_scope:
            self.view.hideColumn(ActionModel.UNIT)
        self.view.doubleClicked.connect(self.edit)
        self.show_closed = QCheckBox(self.tr("Show done and verified actions"))
        self.show_closed.toggled.connect(self.reload)
        self.counts = QLabel()

        self.edit_button = QPushButton(theme.icon("pencil-outline"), self.tr("Edit…"))
        self.start_button = QPushButton(theme.icon("progress-wrench"), self.tr("Start work"))
        self.done_button = QPushButton(theme.icon("check-circle-outline"), self.tr("Mark done"))
        self.verify_button = QPushButton(theme.icon("check-decagram-outline"), self.tr("Verify"))
        self.reopen_button = QPushButton(theme.icon("undo-variant"), self.tr("Back to work"))
        self.close_button = QPushButton(theme.icon("source-branch-check"), self.tr("Close by new version…"))
        self.reopen_button.setToolTip(self.tr("Verification failed: the work goes on."))
        self.close_button.setToolTip(
            self.tr("Link the action to the plan version that carries the fix; it then leaves the open list.")
        )
        self.edit_button.clicked.connect(self.edit)
        self.start_button.clicked.connect(partial(self.set_status, ActionStatus.IN_PROGRESS))
        self.done_button.clicked.connect(partial(self.set_status, ActionStatus.DONE))
        self.verify_button.clicked.connect(partial(self.set_status, ActionStatus.VERIFIED))
        self.reopen_button.clicked.connect(partial(self.set_status, ActionStatus.IN_PROGRESS))
        self.close_button.clicked.connect(self.close_by_version)

        self.buttons = QHBoxLayout()
        for button in (
            self.edit_button,
            self.start_button,
            self.done_button,
            self.verify_button,
            self.reopen_button,
            self.close_button,
        ):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.show_closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)
        self.view.selectionModel().selectionChanged.connect(self.update_buttons)
        self.update_buttons()

    # ------------------------------------------------------------------ loading

    def set_scope(
        self, engine: Engine | None, *, unit_uid: str | None = None, drill_uid: str | None = None
    ) -> None:
        self.engine, self.unit_uid, self.drill_uid = engine, unit_uid, drill_uid
        self.reload()

    def reload(self) -> None:
        if self.engine is None:
            self.model.set_items([])
        else:
            statuses = None if self.show_closed.isChecked() else list(OPEN_STATUSES)
            try:
                found = actions.list_actions(
                    self.engine, unit_uid=self.unit_uid, drill_uid=self.drill_uid, statuses=statuses
                )
            except PlanmgrError as error:
                dialogs.error(self, self.tr("Could not read the corrective actions"), error.message)
                found = []
            self.model.set_items(found)
        self.counts.setText(
            self.tr("{open} open corrective actions, {overdue} overdue").format(
                open=self.model.open_count(), overdue=self.model.overdue_count()
            )
        )
        self.counts.setStyleSheet(f"color: {theme.OVERDUE};" if self.model.overdue_count() else "")
        self.update_buttons()

    def selected(self) -> ActionRecord | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        record: ActionRecord = self.model.item_at(self.proxy.mapToSource(rows[0]).row())
        return record

    def select_uid(self, uid: str) -> None:
        row = self.model.row_of(uid)
        if row >= 0:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def update_buttons(self) -> None:
        action = self.selected()
        closed = (
            action is None
            or action.status is ActionStatus.VERIFIED
            or action.closed_by_version_uid is not None
        )

        def allowed(target: ActionStatus) -> bool:
            return action is not None and actions.refusal(action.status, target) is None

        self.edit_button.setEnabled(not closed)
        self.start_button.setEnabled(action is not None and action.status is ActionStatus.OPEN)
        self.done_button.setEnabled(allowed(ActionStatus.DONE) and not (action and action.plan_section))
        self.done_button.setToolTip(
            self.tr("This action changes a plan section: close it by the new plan version.")
            if action and action.plan_section
            else ""
        )
        self.verify_button.setEnabled(allowed(ActionStatus.VERIFIED))
        self.reopen_button.setEnabled(action is not None and action.status is ActionStatus.DONE)
        self.close_button.setEnabled(not closed and action is not None and action.plan_uid is not None)

    # ------------------------------------------------------------------ changes

    def _run(self, title: str, job: object) -> None:
        op = self.ops.run(title, job, on_success=self._changed, cancellable=False)  # type: ignore[arg-type]
        self.started.emit(op)

    def _changed(self, result: object = None) -> None:
        self.reload()
        uid = getattr(result, "uid", None)
        if isinstance(uid, str):
            self.select_uid(uid)
        self.changed.emit()

    def set_status(self, target: ActionStatus) -> None:
        action = self.selected()
        if action is None or self.engine is None:
            return
        self._run(
            self.tr("Changing the corrective action"),
            partial(
                actions.set_status,
                self.engine,
                action.uid,
                target,
                expected_row_version=action.row_version,
                on=self.today,
            ),
        )

    def edit(self) -> None:
        action = self.selected()
        if action is None or self.engine is None or not self.edit_button.isEnabled():
            return
        self.dialog = ActionDialog([], self.today, self, action=action)  # offers the action's own plan
        self.dialog.accepted.connect(partial(self._edit_accepted, action))
        self.dialog.open()

    def _edit_accepted(self, action: ActionRecord) -> None:
        assert isinstance(self.dialog, ActionDialog) and self.engine is not None
        value = self.dialog.value()
        self._run(
            self.tr("Saving the corrective action"),
            partial(
                actions.update_action,
                self.engine,
                action.uid,
                expected_row_version=action.row_version,
                text=value.text,
                owner=value.owner,
                due=value.due,
                plan_uid=value.plan_uid,
                plan_section=value.plan_section,
            ),
        )

    def close_by_version(self) -> None:
        action = self.selected()
        if action is None or self.engine is None:
            return
        try:
            versions = actions.versions_for_closing(self.engine, action.uid)
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not read the plan versions"), error.message)
            return
        self.dialog = CloseActionDialog(action, versions, self)
        self.dialog.accepted.connect(partial(self._close_accepted, action))
        self.dialog.open()

    def _close_accepted(self, action: ActionRecord) -> None:
        assert isinstance(self.dialog, CloseActionDialog) and self.engine is not None
        version = self.dialog.selected()
        if version is None:
            return
        self._run(
            self.tr("Closing the corrective action"),
            partial(
                actions.close_through_revision,
                self.engine,
                action.uid,
                version.uid,
                expected_row_version=action.row_version,
            ),
        )


class ImprovementTab(QWidget):
    """The drill's findings and their corrective actions."""

    def __init__(self, session: DrillSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog: FindingDialog | ActionDialog | None = None
        self.findings = FindingModel(self)
        self.finding_view = _table(self.findings)
        self.finding_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.finding_view.horizontalHeader().resizeSection(2, 260)
        self.add_finding_button = QPushButton(
            theme.icon("clipboard-alert-outline"), self.tr("Record a finding…")
        )
        self.add_action_button = QPushButton(theme.icon("plus"), self.tr("New corrective action…"))
        self.add_finding_button.clicked.connect(self.add_finding)
        self.add_action_button.clicked.connect(self.add_action)
        self.actions = ActionsPanel(session.ops, self, today=session.today, drill_scope=True)
        self.actions.show_closed.setChecked(True)
        self.actions.started.connect(session.track)

        found = QGroupBox(self.tr("Findings"))
        found_layout = QVBoxLayout(found)
        found_layout.addWidget(self.finding_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_finding_button)
        row.addWidget(self.add_action_button)
        row.addStretch(1)
        found_layout.addLayout(row)
        acting = QGroupBox(self.tr("Corrective actions"))
        acting_layout = QVBoxLayout(acting)
        acting_layout.addWidget(self.actions)
        layout = QVBoxLayout(self)
        layout.addWidget(found, 2)
        layout.addWidget(acting, 3)
        self.finding_view.selectionModel().selectionChanged.connect(self._update_buttons)
        session.changed.connect(self._update_buttons)
        session.findings_changed.connect(self.reload)
        self._update_buttons()

    def reload(self) -> None:
        s = self.session
        if s.detail is None:
            return
        try:
            self.findings.set_items(actions.list_findings(s.engine, drill_uid=s.uid))
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not read the findings"), error.message)
        self.actions.set_scope(s.engine, drill_uid=s.uid)
        self._update_buttons()

    def selected_finding(self) -> FindingRecord | None:
        rows = self.finding_view.selectionModel().selectedRows()
        return self.findings.item_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_: object) -> None:
        s = self.session.summary
        self.add_finding_button.setEnabled(s is not None)
        self.add_action_button.setEnabled(self.selected_finding() is not None)

    def _plans(self) -> list[PlanRef]:
        s = self.session.summary
        return list(s.plans) if s else []

    def add_finding(self) -> None:
        self.dialog = FindingDialog(self._plans(), self)
        self.dialog.accepted.connect(self._finding_accepted)
        self.dialog.open()

    def _finding_accepted(self) -> None:
        assert isinstance(self.dialog, FindingDialog)
        s = self.session
        data = FindingInput(
            FindingSource.DRILL, self.dialog.text(), drill_uid=s.uid, plan_uid=self.dialog.plan_uid()
        )
        s.run(
            self.tr("Recording the finding"),
            partial(actions.add_finding, s.engine, data),
            self._finding_added,
        )

    def _finding_added(self, finding: FindingRecord) -> None:
        self.reload()
        row = self.findings.row_of(finding.uid)
        if row >= 0:
            self.finding_view.selectRow(row)

    def add_action(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            return
        self.dialog = ActionDialog(self._plans(), self.session.today, self, plan_uid=finding.plan_uid)
        self.dialog.accepted.connect(partial(self._action_accepted, finding))
        self.dialog.open()

    def _action_accepted(self, finding: FindingRecord) -> None:
        assert isinstance(self.dialog, ActionDialog)
        s = self.session
        s.run(
            self.tr("Adding the corrective action"),
            partial(actions.add_action, s.engine, finding.uid, self.dialog.value()),
            self.actions._changed,
        )
