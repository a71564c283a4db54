"""What a user can do to a plan, wired: open the right dialog, run the write through
``ops``, report the outcome, and tell the page which plan changed (``changed``).

Dialogs are opened with ``open()`` (never ``exec()``) and kept in ``self.dialog`` so the
page, its tests and the screenshot script reach the one on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget
from sqlalchemy import Engine

from planmgr.domain import lifecycle
from planmgr.domain.content import major_section_texts_changed
from planmgr.domain.enums import EvaluationConclusion, PlanStatus
from planmgr.domain.errors import PlanmgrError
from planmgr.services import plan_queries, plans
from planmgr.services.plans import EvaluationInput, PlanSummary, PublishInfo, VersionSummary
from planmgr.ui import dialogs
from planmgr.ui.ops import OpRunner
from planmgr.ui.plans.audit import AuditTrailDialog
from planmgr.ui.plans.editor import PlanEditorDialog
from planmgr.ui.plans.history import VersionHistoryDialog
from planmgr.ui.plans.lifecycle_dialogs import (
    EvaluationDialog,
    EvaluationsDialog,
    PublishDialog,
    RevisionDialog,
)

# Lifecycle actions and the service call each makes (domain.lifecycle.TRANSITIONS).
LIFECYCLE_ACTIONS = ("send_for_review", "publish", "start_revision", "abolish")


def publish_plan(
    engine: Engine, uid: str, info: PublishInfo, expected_row_version: int | None
) -> VersionSummary:
    """Publish: the new version carries the plan's documents (a job; no Qt)."""
    return plans.publish(engine, uid, info, expected_row_version)


def _refill(dialog: EvaluationsDialog, engine: Engine, uid: str) -> None:
    dialog.set_evaluations(plans.list_evaluations(engine, uid))


def allowed(action: str, status: PlanStatus) -> bool:
    return lifecycle.refusal(action, status) is None


class PlanActions(QObject):
    """The plan page's controller; ``changed(uid)`` after any successful write."""

    changed = Signal(str)

    def __init__(self, ops: OpRunner, widget: QWidget) -> None:
        super().__init__(widget)
        self.ops = ops
        self.widget = widget
        self.engine: Engine | None = None
        self.dialog: QDialog | None = None
        self.today: Callable[[], date] = date.today

    # ------------------------------------------------------------------ helpers

    def _summary(self, uid: str) -> PlanSummary | None:
        assert self.engine is not None
        try:
            return plans.get_plan(self.engine, uid).summary
        except PlanmgrError as error:
            dialogs.error(self.widget, self.tr("Plan not found"), error.message)
            self.changed.emit("")
            return None

    def _refused(self, action: str, summary: PlanSummary) -> bool:
        reason = lifecycle.refusal(action, summary.status)
        if reason:
            dialogs.inform(self.widget, self.tr("Not possible now"), reason)
        return reason is not None

    def _show(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.setModal(True)
        dialog.open()
        return dialog

    def _status(self, text: str) -> None:
        window = self.widget.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    def _run_in_dialog(
        self,
        dialog: Any,
        title: str,
        job: Callable[[], Any],
        uid: str,
        done_message: Callable[[Any], str],
    ) -> None:
        """Run ``job``; on success close ``dialog``, on a refusal show why inside it."""
        dialog.setEnabled(False)

        def succeeded(result: Any) -> None:
            dialog.setEnabled(True)
            dialog.accept()
            self._status(done_message(result))
            self.changed.emit(uid)

        def failed(error: BaseException) -> None:
            dialog.setEnabled(True)
            if isinstance(error, PlanmgrError):
                dialog.show_error(error.message)
                dialogs.error(dialog, self.tr("{title} did not finish").format(title=title), error.message)
            else:
                self.ops.report_error(title, error)

        self.ops.run(
            title, job, on_success=succeeded, on_failure=failed, show_errors=False, cancellable=False
        )

    # ------------------------------------------------------------------ editing

    def new_plan(self, parent_uid: str | None = None) -> PlanEditorDialog:
        assert self.engine is not None
        editor = PlanEditorDialog(self.ops, self.engine, parent_uid=parent_uid, parent=self.widget)
        editor.saved.connect(lambda summary: self._saved(summary, created=True))
        self._show(editor)
        return editor

    def edit(self, uid: str) -> PlanEditorDialog | None:
        assert self.engine is not None
        try:
            editor = PlanEditorDialog(self.ops, self.engine, plan_uid=uid, parent=self.widget)
        except PlanmgrError as error:
            dialogs.error(self.widget, self.tr("Cannot open the plan"), error.message)
            return None
        editor.saved.connect(lambda summary: self._saved(summary, created=False))
        self._show(editor)
        return editor

    def _saved(self, summary: PlanSummary, *, created: bool) -> None:
        text = self.tr("Created “{title}”") if created else self.tr("Saved “{title}”")
        self._status(text.format(title=summary.title))
        self.changed.emit(summary.uid)

    # ------------------------------------------------------------------ lifecycle

    def send_for_review(self, uid: str) -> None:
        summary = self._summary(uid)
        if summary is None or self._refused("send_for_review", summary):
            return
        assert self.engine is not None
        self.ops.run(
            self.tr("Send for review"),
            partial(plans.send_for_review, self.engine, uid, summary.row_version),
            on_success=lambda s: self._done(s.uid, self.tr("“{title}” is in review").format(title=s.title)),
            cancellable=False,
        )

    def abolish(self, uid: str) -> None:
        summary = self._summary(uid)
        if summary is None or self._refused("abolish", summary):
            return
        question = self.tr(
            "Abolish “{title}”? It stays in the database with its versions, but is no longer in force "
            "and nothing falls due for it."
        ).format(title=summary.title)
        if not dialogs.ask(self.widget, self.tr("Abolish plan"), question):
            return
        assert self.engine is not None
        self.ops.run(
            self.tr("Abolish plan"),
            partial(plans.abolish, self.engine, uid, summary.row_version),
            on_success=lambda s: self._done(s.uid, self.tr("“{title}” is abolished").format(title=s.title)),
            cancellable=False,
        )

    def _done(self, uid: str, message: str) -> None:
        self._status(message)
        self.changed.emit(uid)

    def publish(self, uid: str) -> PublishDialog | None:
        summary = self._summary(uid)
        if summary is None or self._refused("publish", summary):
            return None
        assert self.engine is not None
        detail = plans.get_plan(self.engine, uid)
        previous = (
            plans.version_content(self.engine, summary.current_version.uid)
            if summary.current_version
            else None
        )
        major = major_section_texts_changed(previous, detail.content) if previous is not None else []
        pending = plan_queries.get_row(self.engine, uid).pending_trigger
        dialog = PublishDialog(
            summary,
            [v.label for v in detail.versions],
            major,
            pending,
            today=self.today(),
            parent=self.widget,
        )
        engine = self.engine

        def submit(info: PublishInfo) -> None:
            self._run_in_dialog(
                dialog,
                self.tr("Publish"),
                partial(publish_plan, engine, uid, info, summary.row_version),
                uid,
                lambda v: self.tr("Published version {label} of “{title}”").format(
                    label=v.label, title=summary.title
                ),
            )

        dialog.submitted.connect(submit)
        self._show(dialog)
        return dialog

    def start_revision(self, uid: str) -> RevisionDialog | None:
        summary = self._summary(uid)
        if summary is None or self._refused("start_revision", summary):
            return None
        dialog = RevisionDialog(summary, parent=self.widget)
        engine = self.engine

        def submit(trigger: str) -> None:
            self._run_in_dialog(
                dialog,
                self.tr("Start revision"),
                partial(plans.start_revision, engine, uid, trigger, summary.row_version),
                uid,
                lambda s: self.tr("“{title}” is under revision").format(title=s.title),
            )

        dialog.submitted.connect(submit)
        self._show(dialog)
        return dialog

    # ------------------------------------------------------------------ evaluations

    def evaluate(
        self, uid: str, *, parent: QWidget | None = None, after: Callable[[], None] | None = None
    ) -> EvaluationDialog | None:
        summary = self._summary(uid)
        if summary is None:
            return None
        dialog = EvaluationDialog(summary, today=self.today(), parent=parent or self.widget)
        engine = self.engine
        assert engine is not None

        def message(result: Any) -> str:
            if result.conclusion is EvaluationConclusion.REVISE and summary.status is PlanStatus.PUBLISHED:
                return self.tr("Evaluation recorded; “{title}” is now under revision").format(
                    title=summary.title
                )
            return self.tr("Evaluation of “{title}” recorded").format(title=summary.title)

        def submit(data: EvaluationInput) -> None:
            self._run_in_dialog(
                dialog,
                self.tr("Record evaluation"),
                partial(plans.record_evaluation, engine, uid, data),
                uid,
                message,
            )

        dialog.submitted.connect(submit)
        if after is not None:
            dialog.accepted.connect(after)
        self._show(dialog)
        return dialog

    def evaluations(self, uid: str) -> EvaluationsDialog | None:
        summary = self._summary(uid)
        if summary is None:
            return None
        assert self.engine is not None
        engine = self.engine
        dialog = EvaluationsDialog(summary, plans.list_evaluations(engine, uid), parent=self.widget)

        def record() -> None:
            refresh = partial(_refill, dialog, engine, uid)
            self.evaluate(uid, parent=dialog, after=refresh)

        dialog.record_requested.connect(record)
        self.dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ reading

    def history(self, uid: str) -> VersionHistoryDialog | None:
        assert self.engine is not None
        try:
            dialog = VersionHistoryDialog(self.engine, uid, parent=self.widget)
        except PlanmgrError as error:
            dialogs.error(self.widget, self.tr("Cannot show the versions"), error.message)
            return None
        self._show(dialog)
        return dialog

    def audit(self, uid: str) -> AuditTrailDialog | None:
        assert self.engine is not None
        summary = self._summary(uid)
        if summary is None:
            return None
        dialog = AuditTrailDialog(summary.title, plans.audit_trail(self.engine, uid), parent=self.widget)
        self._show(dialog)
        return dialog
