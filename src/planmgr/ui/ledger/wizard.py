"""The ledger (台账) import wizard (DESIGN.md §6; docs/ledgers.md):

pick the file and its kind → preview the first rows, recognised columns marked and unknown
ones red → validate (in the background, with progress and cancel; nothing is written) →
either the report of every bad cell (with the errors workbook to save) or the commit (in
the background, with progress and cancel; all or nothing).

The work is ``services.ledger.LedgerImport``: ``validate()`` and ``write()`` are generators
that ``ops`` drives; closing one (cancel) ends it without a trace in the database.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy import Engine

from planmgr.domain import i18n
from planmgr.exchange.ledger_columns import LedgerKind
from planmgr.ui import dialogs, theme
from planmgr.ui.ledger.models import ErrorsModel, PreviewModel
from planmgr.ui.ledger.preview_data import LedgerPreview
from planmgr.ui.ledger.texts import ledger_name, ledger_title
from planmgr.ui.ops import Operation, OpRunner, OpState
from planmgr.ui.widgets import larger

LEDGER_FILTER = "xlsx / csv (*.xlsx *.csv)"


def _progress(steps: Iterator[Any]) -> Generator[tuple[int, int, str], None, None]:
    """A ``LedgerImport`` step as ``ops`` progress; closing this (cancel) closes the step at
    once, so a write under way rolls back before the operation ends."""
    try:
        for step in steps:
            yield int(step.done), int(step.total), str(step.stage)
    finally:
        close = getattr(steps, "close", None)
        if close is not None:
            close()


def _note(colour: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {colour};")
    return label


class FilePage(QWizardPage):
    def __init__(self, wizard: LedgerWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the ledger file"))
        self.setSubTitle(
            self.tr(
                "An .xlsx workbook or a .csv file (UTF-8 or GBK). The first row holds the column headers. "
                "Import in this order the first time: units, plans, drills, filings."
            )
        )
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Click Browse… to choose a file"))
        self.browse = QPushButton(theme.icon("folder-open-outline"), self.tr("Browse…"))
        self.browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.kind = QComboBox()
        for kind in LedgerKind:
            self.kind.addItem(ledger_title(kind), kind.value)
        form = QFormLayout()
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Ledger:"), self.kind)
        self.hint = _note(theme.NEUTRAL)
        self.hint.setText(
            self.tr(
                "Nothing is written until every cell is valid: a file with any error is reported in full "
                "and not imported."
            )
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.path.textChanged.connect(self.completeChanged)

    def set_kind(self, kind: LedgerKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def selected_kind(self) -> LedgerKind:
        return LedgerKind(self.kind.currentData())

    def selected_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def choose(self) -> None:
        from planmgr.ui.ledger.preview_data import guess_kind

        path = dialogs.pick_open_file(
            self,
            self.tr("Choose the ledger file"),
            self.tr("Ledgers (*.xlsx *.csv);;All files (*)"),
        )
        if path is None:
            return
        self.path.setText(str(path))
        if not self.owner.kind_fixed:
            guessed = guess_kind(path)
            if guessed is not None:
                self.set_kind(guessed)

    def isComplete(self) -> bool:
        text = self.path.text().strip()
        return bool(text) and self.selected_path().is_file()


class PreviewPage(QWizardPage):
    loaded = Signal()

    def __init__(self, wizard: LedgerWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.preview: LedgerPreview | None = None
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(
            self.tr("The first rows of the sheet to import. Green headers are recognised, red ones are not.")
        )
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setDefaultSectionSize(120)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.summary = _note("")
        self.problem = _note(theme.OVERDUE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:
        self.preview = None
        self.model.set_preview(None)
        self.summary.setText(self.tr("Reading the file…"))
        self.problem.setText("")
        ops = self.owner.ops
        if ops is None:
            return
        path, kind = self.owner.file_page.selected_path(), self.owner.file_page.selected_kind()

        def job() -> LedgerPreview:
            from planmgr.ui.ledger.preview_data import read_preview

            return read_preview(path, kind)

        ops.run(
            self.tr("Reading the ledger"),
            job,
            on_success=self._show,
            on_failure=self._failed,
            show_errors=False,
            cancellable=False,
        )

    def _show(self, preview: LedgerPreview) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            # The header (bold, with its mark) must show whole; long cells may be cut.
            needed = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column) + 28)
            self.view.setColumnWidth(column, min(needed, 260))
        known = preview.recognised
        text = self.tr(
            "Sheet “{sheet}”: {rows} data rows (the first {shown} shown); {known} columns recognised."
        ).format(sheet=preview.sheet, rows=preview.data_rows, shown=len(preview.rows), known=len(known))
        if preview.encoding:
            text += " " + self.tr("Encoding: {encoding}.").format(encoding=preview.encoding)
        self.summary.setText(text)
        problems = []
        if preview.unknown:
            problems.append(
                self.tr(
                    "Unknown columns (red): {columns} — the import refuses them; rename or delete them."
                ).format(columns=i18n.join(c.header for c in preview.unknown))
            )
        if preview.missing_required:
            problems.append(
                self.tr("Required columns missing: {columns}.").format(
                    columns=i18n.join(preview.missing_required)
                )
            )
        if preview.duplicates:
            problems.append(
                self.tr("Columns appearing twice: {columns}.").format(columns=i18n.join(preview.duplicates))
            )
        self.problem.setText("\n".join(problems))
        self.completeChanged.emit()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        from planmgr.domain.errors import PlanmgrError

        message = error.message if isinstance(error, PlanmgrError) else str(error)
        self.summary.setText(self.tr("The file cannot be read."))
        self.problem.setText(message)
        self.completeChanged.emit()
        self.loaded.emit()

    def isComplete(self) -> bool:
        return self.preview is not None


class ValidatePage(QWizardPage):
    validated = Signal()

    def __init__(self, wizard: LedgerWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.job: Any = None
        self.state: str = "idle"  # idle | running | errors | ok | cancelled | failed
        self.setTitle(self.tr("Validation"))
        self.setSubTitle(
            self.tr("Every cell is checked and every row matched against the database; nothing is written.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = _note("")
        self.model = ErrorsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ErrorsModel.SHEET, 100)
        header.resizeSection(ErrorsModel.ROW, 50)
        header.resizeSection(ErrorsModel.COLUMN, 130)
        header.setStretchLastSection(True)
        self.save_errors = QPushButton(
            theme.icon("content-save-alert-outline"), self.tr("Save errors workbook…")
        )
        self.save_errors.setToolTip(
            self.tr(
                "A copy of the file with an errors column and the bad cells in red; "
                "correct it and import it again."
            )
        )
        self.save_errors.clicked.connect(self.save_errors_workbook)
        self.again = QPushButton(theme.icon("refresh"), self.tr("Validate again"))
        self.again.clicked.connect(self.start)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_errors)
        buttons.addWidget(self.again)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        self.start()

    def _show_state(self) -> None:
        self.view.setVisible(self.state == "errors")
        self.save_errors.setVisible(self.state == "errors")
        self.again.setVisible(self.state in ("cancelled", "failed"))
        self.completeChanged.emit()

    def start(self) -> None:
        from planmgr.services.ledger import LedgerImport

        engine = self.owner.engine()
        ops = self.owner.ops
        if engine is None or ops is None:
            return
        kind, path = self.owner.file_page.selected_kind(), self.owner.file_page.selected_path()
        job = self.job = LedgerImport(engine, kind, path)
        self.state = "running"
        self.model.set_errors([])
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Validating…"))
        self._show_state()

        def run() -> Generator[tuple[int, int, str], None, Any]:
            yield from _progress(job.validate())
            return job

        op = ops.run(
            self.tr("Validating the {ledger}").format(ledger=ledger_name(kind)),
            run,
            on_success=self._validated,
            on_failure=lambda _: self._stopped("failed", job),
            cancellable=True,
        )
        op.done.connect(lambda: self._ended(op, job))

    def _ended(self, op: Operation, job: Any) -> None:
        if op.state is OpState.CANCELLED:
            self._stopped("cancelled", job)

    def _stopped(self, state: str, job: Any) -> None:
        if job is not self.job:
            return  # an earlier validation (the user went back and on again)
        self.job = None
        self.state = state
        self.summary.setStyleSheet(f"color: {theme.DUE_SOON};")
        self.summary.setText(
            self.tr("Validation was cancelled; nothing was written.")
            if state == "cancelled"
            else self.tr("Validation did not finish; nothing was written.")
        )
        self._show_state()
        self.validated.emit()

    def _validated(self, job: Any) -> None:
        if job is not self.job:
            return  # an earlier validation
        report = job.report
        if job.cancelled:
            self._stopped("cancelled", job)
            return
        if report.errors:
            self.state = "errors"
            self.model.set_errors(report.errors)
            self.view.resizeRowsToContents()
            self.summary.setStyleSheet(f"color: {theme.OVERDUE};")
            self.summary.setText(
                self.tr(
                    "{count} problems found; nothing was imported. Correct them and import again."
                ).format(count=len(report.errors))
            )
        else:
            self.state = "ok"
            self.summary.setStyleSheet(f"color: {theme.OK};")
            self.summary.setText(
                self.tr(
                    "Every cell is valid: {rows} rows — {inserted} new, {updated} changed, {unchanged} "
                    "unchanged. Click Import to write them (all in one go)."
                ).format(
                    rows=report.rows,
                    inserted=report.inserted,
                    updated=report.updated,
                    unchanged=report.unchanged,
                )
            )
        self._show_state()
        self.validated.emit()

    def isComplete(self) -> bool:
        return self.state == "ok"

    def save_errors_workbook(self) -> None:
        job, ops = self.job, self.owner.ops
        if job is None or ops is None:
            return
        source = self.owner.file_page.selected_path()
        path = dialogs.pick_save_file(
            self,
            self.tr("Save errors workbook"),
            self.tr("Excel workbooks (*.xlsx)"),
            source.with_name(self.tr("{name}-errors.xlsx").format(name=source.stem)),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")

        def write() -> Path:
            job.write_errors_workbook(path)
            return path

        ops.run(
            self.tr("Saving the errors workbook"),
            write,
            on_success=lambda saved: dialogs.inform(
                self,
                self.tr("Errors workbook saved"),
                self.tr("Saved to:\n{path}\nThe bad cells are red; the errors column says why.").format(
                    path=saved
                ),
            ),
            cancellable=False,
        )


class CommitPage(QWizardPage):
    committed = Signal()

    def __init__(self, wizard: LedgerWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.state = "idle"  # idle | running | done | cancelled | failed
        self.report: Any = None
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("The changes are written in one transaction: all of them, or none."))
        self.summary = _note("")
        self.summary.setFont(larger(self.summary.font(), 2, bold=True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        job, ops = self.owner.validate_page.job, self.owner.ops
        if job is None or ops is None:
            return
        self.state = "running"
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Writing…"))

        def run() -> Generator[tuple[int, int, str], None, Any]:
            yield from _progress(job.write())
            return job.report

        op = ops.run(
            self.tr("Importing the {ledger}").format(ledger=ledger_name(job.kind)),
            run,
            on_success=self._done,
            on_failure=lambda _: self._stopped("failed"),
            cancellable=True,
        )
        op.done.connect(lambda: self._ended(op))

    def _ended(self, op: Operation) -> None:
        if op.state is OpState.CANCELLED:
            self._stopped("cancelled")

    def _stopped(self, state: str) -> None:
        self.state = state
        self.summary.setStyleSheet(f"color: {theme.DUE_SOON};")
        self.summary.setText(
            self.tr("The import was cancelled; nothing was written.")
            if state == "cancelled"
            else self.tr("The import did not finish; nothing was written.")
        )
        self.completeChanged.emit()
        self.committed.emit()

    def _done(self, report: Any) -> None:
        if report.cancelled:
            self._stopped("cancelled")
            return
        self.state = "done"
        self.report = report
        self.summary.setStyleSheet(f"color: {theme.OK};")
        self.owner.setOption(QWizard.WizardOption.NoCancelButton, True)  # nothing left to cancel
        self.summary.setText(
            self.tr(
                "Imported the {ledger}: {rows} rows — {inserted} new, {updated} changed, "
                "{unchanged} unchanged."
            ).format(
                ledger=ledger_name(report.kind),
                rows=report.rows,
                inserted=report.inserted,
                updated=report.updated,
                unchanged=report.unchanged,
            )
        )
        self.completeChanged.emit()
        self.committed.emit()
        self.owner.imported.emit(report)

    def isComplete(self) -> bool:
        return self.state in ("done", "cancelled", "failed")


class LedgerWizard(QWizard):
    """Import one ledger file; ``imported`` carries the ``ImportReport`` once written."""

    imported = Signal(object)

    def __init__(
        self,
        ops: OpRunner | None,
        engine: Callable[[], Engine | None],
        *,
        kind: LedgerKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine = engine
        self.kind_fixed = kind is not None
        self.setWindowTitle(self.tr("Import ledger"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # An explicit minimum keeps the layout from resizing the shown window (fits 1366×768).
        self.setMinimumSize(760, 520)
        self.resize(960, 600)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.validate_page = ValidatePage(self)
        self.commit_page = CommitPage(self)
        for page in (self.file_page, self.preview_page, self.validate_page, self.commit_page):
            self.addPage(page)
        if kind is not None:
            self.file_page.set_kind(kind)
