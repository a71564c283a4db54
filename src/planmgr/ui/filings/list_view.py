"""The filings list with its filter and the detail panel, for either side:

- office (受理部门): import packages (button or drag-and-drop of ``.planpkg`` files), check
  and answer them, print the forms, export the answer files, compare with the last filing;
- enterprise: new filing (the wizard), import the office's answer file, print the 申报表.

Both: import a filings ledger, export what the list shows as a ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import FilingStatus
from planmgr.exchange.package import PACKAGE_SUFFIX
from planmgr.services.filing_stats import FilingRow
from planmgr.ui import dialogs, theme
from planmgr.ui.filings.actions import FilingActions
from planmgr.ui.filings.detail import FilingDetail
from planmgr.ui.filings.models import UID_ROLE, FilingFilterProxy, FilingTableModel
from planmgr.ui.ops import OpRunner
from planmgr.ui.widgets import EmptyState, fitted_width


def package_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    """The ``.planpkg`` files dragged in (local files only)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    found = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in found if p.suffix.lower() == PACKAGE_SUFFIX]


class FilingsListView(QWidget):
    """The list of filings of this database (office: received; enterprise: sent)."""

    changed = Signal()  # something was written; other views may want to read again
    loaded = Signal()  # the list was read (again)

    def __init__(
        self,
        ops: OpRunner | None,
        engine: Callable[[], Engine | None],
        *,
        office: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.office = office
        self._engine = engine
        self.commands = FilingActions(self, ops, engine)
        self.commands.changed.connect(self._written)
        self._generation = 0
        self.check_dialog: Any = None
        self.diff_dialog: Any = None
        self.wizard: Any = None

        self.model = FilingTableModel(self)
        self.proxy = FilingFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        # ---- toolbar
        bar = QHBoxLayout()
        if office:
            self.import_button = QPushButton(theme.icon("package-down"), self.tr("Import filing package…"))
            self.import_button.setToolTip(
                self.tr(
                    "Import a .planpkg an enterprise submitted (you may also drag the file onto this page)."
                )
            )
            self.import_button.clicked.connect(self.commands.choose_package)
            bar.addWidget(self.import_button)
        else:
            self.new_button = QPushButton(theme.icon("file-send-outline"), self.tr("New filing…"))
            self.new_button.setToolTip(
                self.tr("Pick published plans, attach the materials, write the package.")
            )
            self.new_button.clicked.connect(self.new_filing)
            bar.addWidget(self.new_button)
            self.reply_button = QPushButton(theme.icon("email-open-outline"), self.tr("Import answer file…"))
            self.reply_button.setToolTip(self.tr("Import the .planreply the authority gave back."))
            self.reply_button.clicked.connect(self.commands.choose_reply)
            bar.addWidget(self.reply_button)
        self.ledger_button = QPushButton(theme.icon("table-arrow-down"), self.tr("Import ledger…"))
        self.ledger_button.setToolTip(self.tr("Import a filings ledger (xlsx or csv)."))
        self.ledger_button.clicked.connect(lambda: self.commands.open_ledger_wizard(lambda: self._written()))
        bar.addWidget(self.ledger_button)
        self.export_button = QPushButton(theme.icon("table-arrow-up"), self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the filings listed now as a ledger (xlsx or csv)."))
        self.export_button.clicked.connect(lambda: self.commands.export_ledger(self.proxy.uids()))
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search unit, plan or filing number")
            if office
            else self.tr("Search plan or filing number")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in FilingStatus:
            self.status_filter.addItem(status.text, status.value)
        bar.addWidget(self.search)
        bar.addWidget(self.status_filter)

        # ---- list and detail
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(FilingTableModel.SUBMITTED, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The status column fits its longest text ("Returned for correction" needs more room
        # than 退回补正); the plan column gives up what the status column takes beyond 72 px.
        status = fitted_width(self.view, FilingStatus.texts(), least=72)
        widths = {
            FilingTableModel.UNIT: 170,
            FilingTableModel.PLAN: (240 if office else 260) - (status - 72),
            FilingTableModel.STATUS: status,
            FilingTableModel.SUBMITTED: 88,
            FilingTableModel.CHECK_DUE: 88,
            FilingTableModel.NUMBER: 130,
            FilingTableModel.VERSION: 64,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        # The office is the authority of every filing it holds; the enterprise, their unit.
        self.view.setColumnHidden(FilingTableModel.AUTHORITY if office else FilingTableModel.UNIT, True)
        self.view.activated.connect(self._activated)  # double-click or Enter
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = FilingDetail(office)
        self.detail.check_requested.connect(self.open_check)
        self.detail.diff_requested.connect(self.open_diff)
        self.detail.reply_requested.connect(lambda uid: self.commands.export_reply(uid, self._name_hint(uid)))
        self.detail.form_requested.connect(
            lambda kind, uid: self.commands.print_form(kind, uid, self._name_hint(uid))
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([700, 300])
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {theme.NEUTRAL};")
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.splitter, 1)
        listing_layout.addWidget(self.count_label)
        if office:
            self.empty = EmptyState(
                "inbox-arrow-down-outline",
                self.tr("No filings yet"),
                self.tr(
                    "Drag a filing package (.planpkg) an enterprise submitted onto this page, or click "
                    "“Import filing package…”. Filings kept in a spreadsheet: “Import ledger…”. On the "
                    "command line: planmgr package import FILE --db DATABASE"
                ),
            )
        else:
            self.empty = EmptyState(
                "file-send-outline",
                self.tr("No filings sent yet"),
                self.tr(
                    "Click “New filing…”: pick the published plans, attach the materials, and write the "
                    "filing package (.planpkg) and the declaration form for the authority. On the command "
                    "line: planmgr package export --db DATABASE -o FILE.planpkg"
                ),
            )
        self.stack = QStackedWidget()
        self.stack.addWidget(listing)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.search.textChanged.connect(self._filter)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.setAcceptDrops(office)
        self._update_empty()

    # ------------------------------------------------------------------ data

    @property
    def engine(self) -> Engine | None:
        return self._engine()

    def reload(self, select: str | None = None) -> None:
        """Read the filings again (in the background: a county holds thousands), then select
        ``select`` or keep the selected one; ``loaded`` follows."""
        from planmgr.services.filing_stats import list_filings

        engine = self.engine
        self._generation += 1
        generation = self._generation
        if engine is None:
            self._show_rows(generation, None, [])
            return
        wanted = select or self.current_uid()
        if self.ops is None:  # a page without a worker (never in the application)
            self._show_rows(generation, wanted, list_filings(engine))
            return
        self.ops.run(
            self.tr("Reading the filings"),
            partial(list_filings, engine),
            on_success=lambda rows: self._show_rows(generation, wanted, rows),
            cancellable=False,
        )

    def _show_rows(self, generation: int, wanted: str | None, rows: list[FilingRow]) -> None:
        if generation != self._generation:
            return  # a later read is under way
        self.model.set_rows(rows)
        self._update_empty()
        self._filter()
        if not (wanted and self.select(wanted)):
            self.detail.show_row(None)
        self.loaded.emit()

    def _update_empty(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.stack.setCurrentIndex(0 if has_rows else 1)
        self.export_button.setEnabled(has_rows)

    def _filter(self) -> None:
        self.proxy.set_text(self.search.text())
        value = self.status_filter.currentData()
        self.proxy.set_status(FilingStatus(value) if value else None)
        self.count_label.setText(
            self.tr("{shown} of {total} filings shown").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )
        if self.current_uid() is None:
            self.detail.show_row(None)

    def current_uid(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return str(rows[0].data(UID_ROLE)) if rows else None

    def current_row(self) -> FilingRow | None:
        uid = self.current_uid()
        if uid is None:
            return None
        row = self.model.row_of(uid)
        return self.model.row_at(row) if row >= 0 else None

    def select(self, uid: str) -> bool:
        row = self.model.row_of(uid)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self.detail.show_row(self.current_row())

    def _activated(self, index: QModelIndex) -> None:
        row = self.current_row()
        if row is not None and self.office and row.status is FilingStatus.SUBMITTED:
            self.open_check(row.uid)

    def _name_hint(self, uid: str) -> str:
        row = self.model.row_of(uid)
        if row < 0:
            return uid[:8]
        found = self.model.row_at(row)
        return f"{found.unit_name}-{found.plan_title}" if self.office else found.plan_title

    def _written(self, select: str = "") -> None:
        self.reload(select or None)
        self.changed.emit()

    # ------------------------------------------------------------------ office

    def open_check(self, uid: str) -> None:
        from planmgr.domain.errors import PlanmgrError
        from planmgr.services.filing_queries import next_filing_number
        from planmgr.services.filing_stats import answer_group
        from planmgr.ui.filings.check_dialog import FormalCheckDialog

        engine = self.engine
        if engine is None:
            return
        try:
            group = [r for r in answer_group(engine, uid) if r.status is FilingStatus.SUBMITTED]
            number = next_filing_number(engine, uid)
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not read the filing"), error.message)
            return
        if not group:
            return
        dialog = FormalCheckDialog(self.ops, engine, group, number, self)
        dialog.answered.connect(self._answered)
        self.check_dialog = dialog
        dialog.open()

    def _answered(self, status: str, uid: str) -> None:
        self._written(uid)
        kind = "registration" if status == FilingStatus.FILED.value else "notice"
        self.commands.print_form(kind, uid, self._name_hint(uid))

    def open_diff(self, uid: str) -> None:
        from planmgr.domain.errors import PlanmgrError
        from planmgr.services.filing_stats import diff_with_previous, get_filing
        from planmgr.ui.filings.diff_dialog import DiffDialog

        engine = self.engine
        if engine is None:
            return
        try:
            row = get_filing(engine, uid)
            diff = diff_with_previous(engine, uid)
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not compare"), error.message)
            return
        dialog = DiffDialog(row, diff, self)
        self.diff_dialog = dialog
        dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.office and package_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.office and package_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = package_paths(event) if self.office else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        for path in paths:
            self.commands.import_package(path)

    # ------------------------------------------------------------------ enterprise

    def new_filing(self) -> None:
        from planmgr.ui.filings.wizard import FilingWizard

        engine = self.engine
        if engine is None:
            return
        wizard = FilingWizard(self.ops, engine, self)
        wizard.written.connect(lambda result: self._written(result.filing_uids[0]))
        self.wizard = wizard
        wizard.open()
