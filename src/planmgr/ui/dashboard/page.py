"""首页看板: counts by status and category, the due list, charts.

Everything on the page comes from one service call (``services.dashboard.dashboard``),
run through ``ops`` off the GUI thread: on a county database it takes about a second, and
meanwhile the page keeps showing the previous result. A refresh asked for while one runs
is done once that one is in.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import partial

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import PlanStatus
from planmgr.domain.rules import DueKind, DueStatus
from planmgr.services.dashboard import DashboardData
from planmgr.ui import theme
from planmgr.ui.dashboard.charts import CategoryChart, DrillsChart, FilingRateChart
from planmgr.ui.dashboard.due_model import (
    DUE,
    KIND,
    PLAN,
    RULE,
    SOURCE,
    STATUS,
    UNIT,
    DueFilterProxy,
    DueTableModel,
)
from planmgr.ui.ops import OpRunner
from planmgr.ui.widgets import EmptyState, PageHeader, fitted_width, larger

log = logging.getLogger(__name__)

ATTENTION = frozenset({DueStatus.OVERDUE.value, DueStatus.DUE_SOON.value})


class _Figure(QFrame):
    """A number with its caption, in the colour it stands for."""

    def __init__(self, caption: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(84)
        self.number = QLabel("—", alignment=Qt.AlignmentFlag.AlignCenter)
        self.number.setFont(larger(self.number.font(), 8, bold=True))
        self.number.setStyleSheet(f"color: {colour};")
        self.caption = QLabel(caption, alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))


class DashboardPage(QWidget):
    """``open_plan(uid)`` / ``open_unit(uid)``: the user double-clicked a due item."""

    open_plan = Signal(str)
    open_unit = Signal(str)
    loaded = Signal()

    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine: Engine | None = None
        self.as_of: date | None = None  # None: today
        self.data: DashboardData | None = None
        self._loading = False
        self._again = False

        self.as_of_label = QLabel()
        self.as_of_label.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.busy_label = QLabel(self.tr("Updating…"))
        self.busy_label.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.busy_label.hide()
        header = QHBoxLayout()
        header.addWidget(PageHeader(self.tr("Dashboard")))
        header.addStretch(1)
        header.addWidget(self.busy_label)
        header.addWidget(self.as_of_label)

        self.units = _Figure(self.tr("Units"), theme.ICON_COLOUR)
        self.plans = _Figure(self.tr("Plans"), theme.ICON_COLOUR)
        self.by_status = {
            status.value: _Figure(status.text, theme.PLAN_STATUS_COLOURS[status.value])
            for status in PlanStatus
        }
        self.overdue = _Figure(DueStatus.OVERDUE.text, theme.OVERDUE)
        self.due_soon = _Figure(DueStatus.DUE_SOON.text, theme.DUE_SOON)
        figures = QHBoxLayout()
        figures.setSpacing(6)
        for figure in (self.units, self.plans, *self.by_status.values(), self.overdue, self.due_soon):
            figures.addWidget(figure)

        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(figures)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_due_list())
        splitter.addWidget(self._build_charts())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 460])
        splitter.setChildrenCollapsible(False)
        inner.addWidget(splitter, 1)

        self.empty = EmptyState(
            "database-outline",
            self.tr("This database is empty"),
            self.tr(
                "Register your own unit on the Settings page (or create a new database with "
                "File > New database), then add units on the Units page or import the units and plans "
                "ledgers (planmgr ledger import units|plans FILE.xlsx --db DATABASE). To look around "
                "first, open the demo database: planmgr gui --demo"
            ),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self.stack.setCurrentWidget(self.empty)

    # ------------------------------------------------------------------ building

    def _build_due_list(self) -> QWidget:
        self.model = DueTableModel(self)
        self.proxy = DueFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in DueKind:
            self.kind_filter.addItem(kind.text, kind.value)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Needs attention (overdue, due soon)"), "attention")
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in DueStatus:
            self.status_filter.addItem(status.text, status.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a unit or plan"))
        self.search.setClearButtonEnabled(True)
        self.kind_filter.currentIndexChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.textChanged.connect(self._show_count)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        longest = self.model.longest_texts()
        status_width = fitted_width(self.table, longest[STATUS], padding=40, least=112, most=200)
        kind_width = fitted_width(self.table, longest[KIND], least=64, most=160)
        widths = (
            (STATUS, status_width),
            (DUE, 92),
            (KIND, kind_width),
            (UNIT, 190),
            (PLAN, 250),
            (RULE, 200),
            (SOURCE, 320),
        )
        for column, width in widths:
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._activated)

        self.title = QLabel(self.tr("Due drills, evaluations, filings and corrective actions"))
        self.title.setFont(larger(self.title.font(), 1, bold=True))
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.nothing_label = QLabel()
        self.nothing_label.setWordWrap(True)
        self.nothing_label.setStyleSheet(f"color: {theme.OK};")
        self.nothing_label.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 6, 0)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.nothing_label)
        layout.addWidget(self.table, 1)
        self._filter_changed()
        return box

    def _build_charts(self) -> QWidget:
        self.category_chart = CategoryChart()
        self.drills_chart = DrillsChart()
        self.filing_chart = FilingRateChart()
        self.charts = QTabWidget()
        self.charts.addTab(self.category_chart, theme.icon("file-tree-outline"), self.tr("Plans"))
        self.charts.addTab(self.drills_chart, theme.icon("run-fast"), self.tr("Drills"))
        self.charts.addTab(
            self.filing_chart, theme.icon("clipboard-check-outline"), self.tr("Key enterprises")
        )
        return self.charts

    # ------------------------------------------------------------------ page protocol

    def set_engine(self, engine: Engine | None) -> None:
        if engine is not self.engine:
            self.data = None
        self.engine = engine
        self.refresh()

    def refresh(self) -> None:
        """Read the dashboard again in the background; the previous result stays meanwhile."""
        if self.engine is None:
            self.stack.setCurrentWidget(self.empty)
            return
        if self._loading:
            self._again = True
            return
        engine, as_of = self.engine, self.as_of or date.today()
        job = partial(_read, engine, as_of)
        if self.ops is None:  # a page on its own (tools): read here
            self._loaded(engine, job())
            return
        self._loading = True
        self.busy_label.show()
        self.ops.run(
            self.tr("Reading the dashboard"),
            job,
            on_success=partial(self._loaded, engine),
            on_failure=self._failed,
            progress=False,
            cancellable=False,
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ------------------------------------------------------------------ results

    def _loaded(self, engine: Engine, data: DashboardData) -> None:
        if not shiboken6.isValid(self):  # the window closed while it was read
            return
        self._finish_loading()
        if engine is not self.engine:  # another database meanwhile: read that one
            self.refresh()
            return
        self.data = data
        self._show(data)
        if self._again:
            self._again = False
            self.refresh()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._finish_loading()
        self._again = False
        self.as_of_label.setText(self.tr("Could not update; press F5 to try again."))

    def _finish_loading(self) -> None:
        self._loading = False
        self.busy_label.hide()

    def _show(self, data: DashboardData) -> None:
        counts = data.overview
        self.units.set_value(counts.unit_count)
        self.plans.set_value(counts.plan_count)
        for status, figure in self.by_status.items():
            figure.set_value(counts.plans_by_status.get(status, 0))
        self.as_of_label.setText(self.tr("As of {date}").format(date=data.as_of.isoformat()))
        self.model.set_report(data.due)
        due = self.model.counts()
        self.overdue.set_value(due[DueStatus.OVERDUE])
        self.due_soon.set_value(due[DueStatus.DUE_SOON])
        self.category_chart.set_data(data.categories)
        self.drills_chart.set_data(data.drills)
        self.filing_chart.set_data(data.key_filing)
        self._show_count()
        empty = counts.unit_count == 0 and counts.plan_count == 0
        self.stack.setCurrentWidget(self.empty if empty else self.content)

    # ------------------------------------------------------------------ the due list

    def _filter_changed(self) -> None:
        self.proxy.set_kind(self.kind_filter.currentData() or None)
        status = self.status_filter.currentData()
        self.proxy.set_statuses(ATTENTION if status == "attention" else ({status} if status else None))
        self._show_count()

    def set_filter(self, *, kind: str | None = None, status: str | None = None) -> None:
        """Choose the filters as the user would (``status``: attention, "" for all, or a status)."""
        if kind is not None:
            self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(kind), 0))
        if status is not None:
            self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("{shown} of {total} items").format(shown=shown, total=total))
        nothing = shown == 0 and self.data is not None
        if nothing:
            if self.status_filter.currentData() == "attention" and not self.search.text():
                text = self.tr('Nothing is overdue or due soon. Choose "All statuses" to see every item.')
            else:
                text = self.tr("No item matches the filters.")
            self.nothing_label.setText(text)
        self.nothing_label.setVisible(nothing)

    def _activated(self, index: QModelIndex) -> None:
        item = self.proxy.item(index)
        if item is None:
            return
        if item.plan_uid:
            self.open_plan.emit(item.plan_uid)
        else:
            self.open_unit.emit(item.unit_uid)


def _read(engine: Engine, as_of: date) -> DashboardData:
    from planmgr.services.dashboard import dashboard

    return dashboard(engine, as_of)
