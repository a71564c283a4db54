"""Dialogs of a plan's life: publish a version, start a revision (with its trigger),
record an evaluation, list the evaluations.

Each dialog only gathers what the user decides and emits it; the controller
(``actions.PlanActions``) runs the write through ``ops`` and closes the dialog when it
succeeded, so a refusal leaves the dialog open with what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
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

from planmgr.domain.enums import EvaluationConclusion, EvaluationMethod, PlanStatus
from planmgr.domain.i18n import join, paren
from planmgr.domain.triggers import REVISION_TRIGGERS, TRIGGERS_BY_ID, triggers_for
from planmgr.services.plans import EvaluationInput, EvaluationSummary, PlanSummary, PublishInfo
from planmgr.ui import theme
from planmgr.ui.plans.models import EvaluationsModel, TriggerModel
from planmgr.ui.plans.sizing import settle_size

_YEAR_LABEL = re.compile(r"^(\d{4})\s*版$")
_NUMBER_LABEL = re.compile(r"^[Vv]?(\d+)\.(\d+)$")


def next_label(labels: Sequence[str], today: date, major: bool = True) -> str:
    """A version label to propose after ``labels`` (oldest first): 1.0 → 2.0 (major) or
    1.1; 2021版 → 2025版; the first version is 1.0. Never one that exists."""
    existing = set(labels)
    candidate = "1.0"
    if labels:
        last = labels[-1].strip()
        if match := _NUMBER_LABEL.match(last):
            a, b = int(match.group(1)), int(match.group(2))
            candidate = f"{a + 1}.0" if major else f"{a}.{b + 1}"
        elif _YEAR_LABEL.match(last):
            candidate = f"{today.year}版"  # zh-only: version labels are data (printed on documents)
        else:
            candidate = f"{last}-修订"  # zh-only: version labels are data (printed on documents)
    base, n = candidate, 2
    while candidate in existing:
        candidate = f"{base}（{n}）"
        n += 1
    return candidate


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.OVERDUE};")
    label.hide()
    return label


# --------------------------------------------------------------------------- publish


class PublishDialog(QDialog):
    """Publish the plan's text as a new immutable version; ``submitted(PublishInfo)``."""

    submitted = Signal(object)

    def __init__(
        self,
        plan: PlanSummary,
        labels: Sequence[str],
        major_sections: Sequence[str],
        pending_trigger: str | None,
        *,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        today = today or date.today()
        first = not labels
        self.setWindowTitle(self.tr("Publish “{title}”").format(title=plan.title))
        self.label_edit = QLineEdit(next_label(labels, today, major=first or bool(major_sections)))
        self.published_edit = _date_edit(today)
        self.issued_edit = _date_edit(today)
        self._issued_follows = True
        self.published_edit.dateChanged.connect(self._follow_published)
        self.issued_edit.dateChanged.connect(self._issued_edited)
        self.doc_number_edit = QLineEdit()
        self.doc_number_edit.setPlaceholderText(
            self.tr("e.g. 开府〔2025〕9号")  # zh-only: document numbers are Chinese data
        )
        self.approver_edit = QLineEdit()
        self.approver_edit.setPlaceholderText(self.tr("who signed it, e.g. the principal leader"))
        self.trigger_combo = QComboBox()
        self.trigger_combo.addItem(
            self.tr("(none: first publication)") if first else self.tr("(not stated)"), None
        )
        for trigger in triggers_for(plan.category.is_enterprise):
            self.trigger_combo.addItem(paren(trigger.text, trigger.source_text), trigger.id)
        if pending_trigger and self.trigger_combo.findData(pending_trigger) < 0:
            known = TRIGGERS_BY_ID.get(pending_trigger)
            text = paren(known.text, known.source_text) if known else pending_trigger
            self.trigger_combo.addItem(text, pending_trigger)
        if pending_trigger:
            self.trigger_combo.setCurrentIndex(self.trigger_combo.findData(pending_trigger))
        self.trigger_combo.setEnabled(not first)
        self.major_check = QCheckBox(self.tr("Major revision: review, approval and filing are repeated"))
        self.major_check.setChecked(first or bool(major_sections))
        self.major_check.setEnabled(not first)
        self.major_note = QLabel()
        self.major_note.setWordWrap(True)
        if first:
            self.major_note.setText(self.tr("The first version of the plan."))
        elif major_sections:
            # ENT Art.37 for enterprise plans; GOV2024 for government plans (DOMAIN.md §4).
            source = self.tr("ENT Art. 37") if plan.category.is_enterprise else self.tr("GOV2024")
            self.major_note.setText(
                self.tr(
                    "Changed since the version in force: {sections}. A change there is a major "
                    "revision ({source})."
                ).format(sections=join(major_sections), source=source)
            )
            self.major_note.setStyleSheet(f"color: {theme.DUE_SOON};")
        else:
            self.major_note.setText(
                self.tr("No change in the command structure, procedure, measures or response levels.")
            )
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(self.tr("What changed and why"))
        self.summary_edit.setMaximumHeight(110)
        self.error_label = _error_label()

        form = QFormLayout()
        form.addRow(self.tr("Version label *"), self.label_edit)
        form.addRow(self.tr("Published on *"), self.published_edit)
        form.addRow(self.tr("Issued on"), self.issued_edit)
        form.addRow(self.tr("Document number"), self.doc_number_edit)
        form.addRow(self.tr("Approved by"), self.approver_edit)
        form.addRow(self.tr("Reason for revision"), self.trigger_combo)
        form.addRow("", self.major_check)
        form.addRow("", self.major_note)
        form.addRow(self.tr("Summary of changes"), self.summary_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Publish"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        settle_size(self, 640, 0, slack=40)

    def _follow_published(self, value: QDate) -> None:
        if self._issued_follows:
            self.issued_edit.blockSignals(True)
            self.issued_edit.setDate(value)
            self.issued_edit.blockSignals(False)

    def _issued_edited(self, _value: QDate) -> None:
        self._issued_follows = False

    def info(self) -> PublishInfo:
        trigger = self.trigger_combo.currentData()
        return PublishInfo(
            label=self.label_edit.text().strip(),
            published_date=_date(self.published_edit.date()),
            issued_date=_date(self.issued_edit.date()),
            doc_number=self.doc_number_edit.text().strip() or None,
            approver=self.approver_edit.text().strip() or None,
            revision_trigger=str(trigger) if trigger in TRIGGERS_BY_ID else None,
            major=self.major_check.isChecked(),
            change_summary=self.summary_edit.toPlainText().strip() or None,
        )

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def submit(self) -> None:
        if not self.label_edit.text().strip():
            self.show_error(self.tr("Enter the version label."))
            self.label_edit.setFocus()
            return
        if _date(self.issued_edit.date()) > _date(self.published_edit.date()):
            self.show_error(self.tr("A plan is issued before or on the day it is published."))
            return
        self.error_label.hide()
        self.submitted.emit(self.info())


# --------------------------------------------------------------------------- revision


class RevisionDialog(QDialog):
    """Start a revision: pick the trigger (reference data, each with its article)."""

    submitted = Signal(str)

    def __init__(self, plan: PlanSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a revision of “{title}”").format(title=plan.title))
        self.enterprise = plan.category.is_enterprise
        intro = QLabel(
            self.tr(
                "Why is the plan revised? The reason is recorded with the next version. The list "
                "follows the regulation for this kind of plan."
            )
        )
        intro.setWordWrap(True)
        self.model = TriggerModel(self)
        self.view = QTableView()
        self.view.setObjectName("triggers")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda _index: self.submit())
        self.all_check = QCheckBox(self.tr("Show the reasons for the other kind of plan too"))
        self.all_check.toggled.connect(self._fill)
        self.error_label = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Start revision"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.all_check)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_ok)
        self._fill()
        settle_size(self, 760, 440, slack=30)

    def _fill(self) -> None:
        rows = list(REVISION_TRIGGERS) if self.all_check.isChecked() else triggers_for(self.enterprise)
        self.model.set_rows(rows)
        self.view.resizeRowsToContents()
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def select_trigger(self, trigger_id: str) -> None:
        row = self.model.row_of_id(trigger_id)
        if row < 0 and not self.all_check.isChecked():
            self.all_check.setChecked(True)
            row = self.model.row_of_id(trigger_id)
        self.view.selectRow(row)

    def chosen(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def submit(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.submitted.emit(chosen)


# --------------------------------------------------------------------------- evaluations


class EvaluationDialog(QDialog):
    """Record an evaluation (评估); the conclusion “revise” starts a revision."""

    submitted = Signal(object)

    def __init__(
        self, plan: PlanSummary, *, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        today = today or date.today()
        self.setWindowTitle(self.tr("Evaluate “{title}”").format(title=plan.title))
        self.plan = plan
        self.date_edit = _date_edit(today)
        self.date_edit.setMaximumDate(_qdate(today))
        self.method_combo = QComboBox()
        for method in EvaluationMethod:
            self.method_combo.addItem(method.text, method.value)
        self.conclusion_combo = QComboBox()
        for conclusion in EvaluationConclusion:
            self.conclusion_combo.addItem(conclusion.text, conclusion.value)
        self.conclusion_combo.currentIndexChanged.connect(self._explain)
        self.evaluators_edit = QLineEdit()
        self.evaluators_edit.setPlaceholderText(self.tr("names, or the expert group / third party"))
        self.findings_edit = QPlainTextEdit()
        self.findings_edit.setPlaceholderText(self.tr("What the evaluation found"))
        self.consequence = QLabel()
        self.consequence.setWordWrap(True)
        self.consequence.setStyleSheet(f"color: {theme.DUE_SOON};")
        self.error_label = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("Date *"), self.date_edit)
        form.addRow(self.tr("Method"), self.method_combo)
        form.addRow(self.tr("Conclusion *"), self.conclusion_combo)
        form.addRow(self.tr("Evaluators"), self.evaluators_edit)
        form.addRow(self.tr("Findings"), self.findings_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(self.tr("Record"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.consequence)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._explain()
        settle_size(self, 560, 0, slack=60)

    def conclusion(self) -> EvaluationConclusion:
        return EvaluationConclusion(self.conclusion_combo.currentData())

    def set_conclusion(self, conclusion: EvaluationConclusion) -> None:
        self.conclusion_combo.setCurrentIndex(self.conclusion_combo.findData(conclusion.value))

    def _explain(self) -> None:
        conclusion = self.conclusion()
        if conclusion is EvaluationConclusion.REVISE:
            text = self.tr("The plan’s status becomes “{status}” when this is recorded.").format(
                status=PlanStatus.REVISING.text
            )
        elif conclusion is EvaluationConclusion.ABOLISH:
            text = self.tr("The plan stays as it is; abolish it from the plan's menu once that is decided.")
        else:
            text = ""
        self.consequence.setText(text)
        self.consequence.setVisible(bool(text))

    def evaluation(self) -> EvaluationInput:
        return EvaluationInput(
            eval_date=_date(self.date_edit.date()),
            conclusion=self.conclusion(),
            method=EvaluationMethod(self.method_combo.currentData()),
            evaluators=self.evaluators_edit.text().strip() or None,
            findings=self.findings_edit.toPlainText().strip() or None,
        )

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def submit(self) -> None:
        self.error_label.hide()
        self.submitted.emit(self.evaluation())


class EvaluationsDialog(QDialog):
    """The evaluations of one plan, newest first, and a button to record another."""

    record_requested = Signal()

    def __init__(
        self, plan: PlanSummary, evaluations: Sequence[EvaluationSummary], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evaluations of “{title}”").format(title=plan.title))
        self.model = EvaluationsModel(self)
        self.view = QTableView()
        self.view.setObjectName("evaluations")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("No evaluation recorded yet — record the first one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.record_button = QPushButton(
            theme.icon("clipboard-check-outline"), self.tr("Record an evaluation…")
        )
        self.record_button.clicked.connect(self.record_requested)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        close.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(close)
        self.set_evaluations(evaluations)
        settle_size(self, 820, 420)

    def set_evaluations(self, evaluations: Sequence[EvaluationSummary]) -> None:
        self.model.set_rows(evaluations)
        self.view.resizeRowsToContents()
        self.empty.setVisible(not evaluations)
