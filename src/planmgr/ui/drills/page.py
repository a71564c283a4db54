"""演练: the annual drill plan (年度演练计划) as a filterable list and a month calendar, the
corrective actions of the improvement loop, and the done drills of high-risk units not yet
reported to the authority (ENT Art.33; REG708 Art.8).

The drills of the chosen unit and year are read on the worker thread (a county database
holds tens of thousands); the proxy filters what was read, so changing the status, form,
tag or text filter needs no query.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain import i18n
from planmgr.domain.enums import DatabaseMode, DrillForm, DrillScope, DrillStatus
from planmgr.domain.errors import PlanmgrError
from planmgr.services import drill_lists, drills
from planmgr.services.drill_lists import DrillListing, DrillSummary, UnitChoice
from planmgr.services.drills import SUGGESTED_TAGS
from planmgr.ui import dialogs, theme
from planmgr.ui.drills.actions_panel import ActionsPanel
from planmgr.ui.drills.calendar import MonthView
from planmgr.ui.drills.editor import DrillEditor, ask_cancel, ask_mark_done
from planmgr.ui.drills.files import DrillFiles
from planmgr.ui.drills.models import DrillFilterProxy, DrillTableModel, unreported
from planmgr.ui.drills.texts import book_title, form_and_scope, tag_text
from planmgr.ui.ops import OpRunner
from planmgr.ui.widgets import EmptyState, PageHeader, fitted_width

ALL = None  # the "all units / years / …" entry of a filter


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(DrillTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
    # The form and status columns fit their longest text: English needs more room than Chinese.
    forms = [form_and_scope(form, scope) for form in DrillForm for scope in DrillScope]
    statuses = [DrillTableModel.status_text(s) for s in DrillStatus]
    statuses.append(DrillTableModel.status_text(DrillStatus.PLANNED, past_due=True))
    widths = {
        DrillTableModel.DATE: 104,
        DrillTableModel.UNIT: 190,
        DrillTableModel.FORM: fitted_width(view, forms, least=84),
        DrillTableModel.TAGS: 64,
        DrillTableModel.PLANS: 200,
        DrillTableModel.STATUS: fitted_width(view, statuses, least=100),
        DrillTableModel.SCORE: 60,
        DrillTableModel.REPORTED: 64,
    }
    for column, width in widths.items():
        header.resizeSection(column, width)
    # Scope and purpose are in the form column's tooltip (and the editor); the list stays readable.
    view.hideColumn(DrillTableModel.SCOPE)
    view.hideColumn(DrillTableModel.PURPOSE)
    view.sortByColumn(DrillTableModel.DATE, Qt.SortOrder.AscendingOrder)
    return view


class DrillsPage(QWidget):
    def __init__(
        self, ops: OpRunner | None = None, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops if ops is not None else OpRunner(self, parent=self)
        self.today = today or date.today()
        self.engine: Engine | None = None
        self.loaded: DrillListing | None = None
        self.units: list[UnitChoice] = []
        self.editor: DrillEditor | None = None
        self.dialog: QWidget | None = None
        self.files = DrillFiles(self.ops, self, self)

        self.model = DrillTableModel(self, today=self.today)
        self.proxy = DrillFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = _table(self.proxy)
        self.table.doubleClicked.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.empty = EmptyState(
            "run-fast",
            self.tr("No drills on this plan yet"),
            self.tr(
                "Put a drill on the annual plan with “New drill”: choose the organiser, the day and the "
                "plans it exercises. Drills can also be imported from a ledger: "
                "planmgr ledger import drills FILE.xlsx --db DATABASE"
            ),
        )
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self.month = MonthView(self.model, today=self.today)
        self.month.drill_activated.connect(self.open_drill)
        self.month.day_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.month.month_changed.connect(self._month_changed)
        self.actions_panel = ActionsPanel(self.ops, self, today=self.today)
        self.unreported_model = DrillTableModel(self, today=self.today)
        self.unreported_table = _table(self.unreported_model)
        self.unreported_table.doubleClicked.connect(self._open_unreported)
        self.unreported_table.selectionModel().selectionChanged.connect(self._update_actions)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.list_stack, theme.icon("format-list-bulleted"), self.tr("Annual drill plan"))
        self.tabs.addTab(self.month, theme.icon("calendar-month-outline"), self.tr("Month"))
        self.tabs.addTab(self.actions_panel, theme.icon("source-branch-check"), self.tr("Corrective actions"))
        self.tabs.addTab(self.unreported_table, theme.icon("alert-outline"), self.tr("Not reported"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.banner = QPushButton(theme.icon("alert-outline", theme.OVERDUE), "")
        self.banner.setFlat(True)
        self.banner.setStyleSheet(f"color: {theme.OVERDUE}; text-align: left;")
        self.banner.clicked.connect(lambda: self.tabs.setCurrentWidget(self.unreported_table))
        self.banner.hide()
        self.counts = QLabel()
        self.uncovered = QLabel()
        self.uncovered.setWordWrap(True)
        self.uncovered.setStyleSheet(f"color: {theme.DUE_SOON};")

        self.busy_label = QLabel(self.tr("Reading…"))
        self.busy_label.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.busy_label.hide()
        header = QHBoxLayout()
        header.addWidget(PageHeader(self.tr("Drills")))
        header.addStretch(1)
        header.addWidget(self.busy_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addLayout(self._filters())
        layout.addWidget(self._toolbar())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.uncovered)
        self._update_actions()

    # ------------------------------------------------------------------ building

    def _filters(self) -> QHBoxLayout:
        self.unit_filter = QComboBox()
        self.unit_filter.setEditable(True)
        self.unit_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit_filter.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit_filter.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.unit_filter.setMinimumWidth(240)
        self.year_filter = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All"), ALL)
        for status in DrillStatus:
            self.status_filter.addItem(status.text, status.value)
        self.form_filter = QComboBox()
        self.form_filter.addItem(self.tr("All"), ALL)
        for form in DrillForm:
            self.form_filter.addItem(form.text, form.value)
        self.tag_filter = QComboBox()
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Search name, unit, plan"))
        self.text_filter.setClearButtonEnabled(True)
        self._fill_years(None)
        self._fill_tags()
        self.unit_filter.currentIndexChanged.connect(self._scope_changed)
        self.year_filter.currentIndexChanged.connect(self._scope_changed)
        for combo in (self.status_filter, self.form_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        # Typing filters a moment after the last key (a county's year holds tens of thousands of drills).
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(250)
        self._text_timer.timeout.connect(self._filters_changed)
        self.text_filter.textChanged.connect(self._text_timer.start)
        row = QHBoxLayout()
        for label, widget in (
            (self.tr("Unit"), self.unit_filter),
            (self.tr("Year"), self.year_filter),
            (self.tr("Status"), self.status_filter),
            (self.tr("Form"), self.form_filter),
            (self.tr("Tag"), self.tag_filter),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
            row.addSpacing(6)
        row.addWidget(self.text_filter, 1)
        return row

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        def action(icon: str, text: str, slot: object, shortcut: str | None = None) -> QAction:
            act = QAction(theme.icon(icon), text, self)
            act.triggered.connect(slot)  # type: ignore[arg-type]
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)
            bar.addAction(act)
            return act

        self.new_action = action("plus", self.tr("New drill…"), self.new_drill, "Ctrl+N")
        self.open_action = action("pencil-outline", self.tr("Open…"), self.open_selected)
        bar.addSeparator()
        self.done_action = action("calendar-check-outline", self.tr("Mark done…"), self.mark_done)
        self.cancel_action = action("calendar-remove-outline", self.tr("Cancel…"), self.cancel_drill)
        bar.addSeparator()
        self.print_record_action = action(
            "printer-outline", self.tr("Print drill record"), self.print_record, "Ctrl+P"
        )
        self.print_evaluation_action = action(
            "file-pdf-box", self.tr("Print evaluation report"), self.print_evaluation
        )
        self.export_action = action("microsoft-excel", self.tr("Export list…"), self.export, "Ctrl+E")
        self.export_action.setToolTip(self.tr("Write the drills shown in the list to an Excel drills ledger"))
        return bar

    # ------------------------------------------------------------------ page protocol

    def set_engine(self, engine: Engine | None) -> None:
        if self.editor is not None:  # it edits a drill of the database being left
            self.editor.discard()
            self.editor.deleteLater()
            self.editor = None
        self.engine = engine
        self.loaded = None
        if engine is None:
            self.model.set_drills([])
            return
        self._choose_defaults(engine)
        self.refresh()

    def refresh(self) -> None:
        """Read the drills of the chosen unit and year again (F5)."""
        if self.engine is None:
            return
        unit_uid, year = self.unit_filter.currentData(), self.year_filter.currentData()
        self.busy_label.show()
        # No progress dialog: the page stays usable while a county's year is read.
        self.ops.run(
            self.tr("Reading the drills"),
            partial(drill_lists.drill_listing, self.engine, unit_uid, year),
            on_success=partial(self._loaded, self.engine),
            on_failure=self._read_failed,
            cancellable=False,
            progress=False,
        )

    def _read_failed(self, _error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.busy_label.hide()

    def _choose_defaults(self, engine: Engine) -> None:
        """An enterprise sees its own drills; an office all units'. The current year."""
        from planmgr.services.settings import get_identity

        try:
            identity = get_identity(engine)
        except PlanmgrError:
            identity = None
        own = identity.unit_uid if identity and identity.mode is DatabaseMode.ENTERPRISE else None
        self._fill_units(
            [UnitChoice(identity.unit_uid, identity.unit_name, False)] if own and identity else [], own
        )
        self._fill_years(None, self.today.year)

    # ------------------------------------------------------------------ filters

    def _fill_units(self, units: list[UnitChoice], selected: str | None) -> None:
        self.units = units
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(self.tr("All units"), ALL)
        for unit in units:
            self.unit_filter.addItem(unit.name, unit.uid)
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(selected), 0) if selected else 0)
        self.unit_filter.blockSignals(False)

    def _fill_years(self, span: tuple[int, int] | None, selected: int | None = None) -> None:
        current = selected if selected is not None else self.year_filter.currentData()
        first, last = span or (self.today.year, self.today.year)
        years = range(min(first, self.today.year), max(last, self.today.year + 1) + 1)
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), ALL)
        for year in reversed(years):
            self.year_filter.addItem(self.tr("{year}").format(year=year), year)
        index = self.year_filter.findData(current) if current is not None else 0
        self.year_filter.setCurrentIndex(max(index, 0))
        self.year_filter.blockSignals(False)

    def _fill_tags(self, shown: Sequence[DrillSummary] = ()) -> None:
        current = self.tag_filter.currentData()
        tags = list(SUGGESTED_TAGS) + sorted({t for d in shown for t in d.tags} - set(SUGGESTED_TAGS))
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All"), ALL)
        for tag in tags:
            self.tag_filter.addItem(tag_text(tag), tag)
        self.tag_filter.setCurrentIndex(max(self.tag_filter.findData(current), 0) if current else 0)
        self.tag_filter.blockSignals(False)

    def set_filters(self, **filters: object) -> None:
        """Choose filters as a user would in the bar; only those given change (``None``: all).

        Keys: ``unit_uid, year, status, form, tag, text``. The unit and year read again.
        """
        combos = {"unit_uid": self.unit_filter, "year": self.year_filter, "status": self.status_filter,
                  "form": self.form_filter, "tag": self.tag_filter}  # fmt: skip
        unknown = set(filters) - {*combos, "text"}
        if unknown:
            raise TypeError(f"unknown filters: {sorted(unknown)}")
        for key in ("status", "form", "tag", "unit_uid", "year"):
            if key in filters:
                value = filters[key]
                value = getattr(value, "value", value)  # an enum member: its stored value
                combo = combos[key]
                combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
        if "text" in filters:
            self.text_filter.setText(str(filters["text"] or ""))
            self._text_timer.stop()
            self._filters_changed()

    def _scope_changed(self) -> None:
        unit_uid, year = self.unit_filter.currentData(), self.year_filter.currentData()
        if year is not None and self.month.calendar.yearShown() != year:
            self.month.calendar.setCurrentPage(year, self.month.calendar.monthShown())
        self._filters_changed()
        if self.loaded is None or (self.loaded.unit_uid, self.loaded.year) != (unit_uid, year):
            self.refresh()  # the annual plan of that unit and year (and the plans it leaves uncovered)
        else:
            self.actions_panel.set_scope(self.engine, unit_uid=unit_uid)

    def _filters_changed(self) -> None:
        status, form = self.status_filter.currentData(), self.form_filter.currentData()
        self.proxy.set_filters(
            unit_uid=self.unit_filter.currentData(),
            year=self.year_filter.currentData(),
            status=DrillStatus(status) if status else None,
            form=DrillForm(form) if form else None,
            tag=self.tag_filter.currentData(),
            text=self.text_filter.text().strip(),
        )
        self._show_counts()
        if self.tabs.currentWidget() is self.month:
            self._show_month()
        self._update_actions()

    def _show_month(self) -> None:
        self.month.show_drills(
            (d for d in self.model.drills() if self.proxy.matches(d, ignore_year=True)), self.proxy
        )

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.month:
            self._show_month()
        on_actions = self.tabs.currentWidget() is self.actions_panel
        self.counts.setVisible(not on_actions)  # they count drills
        self.uncovered.setVisible(not on_actions and bool(self.uncovered.text()))
        self._update_actions()

    def _month_changed(self, year: int, month: int) -> None:
        if self.year_filter.currentData() not in (ALL, year):
            self.year_filter.setCurrentIndex(max(self.year_filter.findData(year), 0))

    # ------------------------------------------------------------------ showing

    def _loaded(self, engine: Engine, loaded: DrillListing) -> None:
        if not shiboken6.isValid(self) or engine is not self.engine:
            return  # the page closed, or another database was opened, while it was read
        self.busy_label.hide()
        self.loaded = loaded
        selected = self.unit_filter.currentData()
        self._fill_units(loaded.units, selected)
        self._fill_years(loaded.years)
        self._fill_tags(loaded.drills)
        self.model.set_drills(loaded.drills)
        self.unreported_model.set_drills(loaded.unreported)
        self.list_stack.setCurrentWidget(self.table if loaded.drills else self.empty)
        count = len(loaded.unreported)
        self.tabs.setTabText(
            3, self.tr("Not reported ({n})").format(n=count) if count else self.tr("Not reported")
        )
        self.banner.setText(
            self.tr(
                "{n} done drills of high-risk units are not yet reported to the county authority "
                "(ENT Art.33). Show them"
            ).format(n=count)
        )
        self.banner.setVisible(count > 0)
        if loaded.unit_uid is not None and loaded.year is not None and loaded.uncovered:
            titles = i18n.join(book_title(p.title) for p in loaded.uncovered)
            self.uncovered.setText(
                self.tr("Plans in force with no drill planned in {year}: {plans}").format(
                    year=loaded.year, plans=titles
                )
            )
        else:
            self.uncovered.clear()
        self.uncovered.setVisible(bool(self.uncovered.text()))
        self.actions_panel.set_scope(self.engine, unit_uid=loaded.unit_uid)
        self._filters_changed()

    def _show_counts(self) -> None:
        shown = self.proxy.visible_drills()
        by_status = {s: sum(1 for d in shown if d.status is s) for s in DrillStatus}
        self.counts.setText(
            self.tr("{n} drills shown: {planned} planned, {done} done, {cancelled} cancelled").format(
                n=len(shown),
                planned=by_status[DrillStatus.PLANNED],
                done=by_status[DrillStatus.DONE],
                cancelled=by_status[DrillStatus.CANCELLED],
            )
        )

    def selected_drill(self) -> DrillSummary | None:
        if self.tabs.currentWidget() is self.month:
            view, proxy = self.month.day_view, self.month.day_proxy
        elif self.tabs.currentWidget() is self.unreported_table:
            rows = self.unreported_table.selectionModel().selectedRows()
            return self.unreported_model.drill_at(rows[0].row()) if rows else None
        else:
            view, proxy = self.table, self.proxy
        rows = view.selectionModel().selectedRows()
        return proxy.drill_at(rows[0].row()) if rows else None

    def select_uid(self, uid: str) -> None:
        row = self.model.row_of(uid)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.selectRow(index.row())

    def _update_actions(self, *_: object) -> None:
        drill = self.selected_drill()
        on_drills = self.tabs.currentWidget() is not self.actions_panel
        self.new_action.setEnabled(self.engine is not None)
        self.open_action.setEnabled(on_drills and drill is not None)
        planned = drill is not None and drill.status is DrillStatus.PLANNED
        self.done_action.setEnabled(on_drills and planned)
        self.cancel_action.setEnabled(on_drills and planned)
        self.print_record_action.setEnabled(on_drills and drill is not None)
        self.print_evaluation_action.setEnabled(
            on_drills and drill is not None and drill.score_percent is not None
        )
        self.export_action.setEnabled(self.engine is not None and self.proxy.rowCount() > 0)

    # ------------------------------------------------------------------ actions

    def _editor(
        self, *, drill_uid: str | None = None, unit_uid: str | None = None, day: date | None = None
    ) -> DrillEditor | None:
        """A new editor in place of the open one; ``None`` when the open one keeps unsaved text."""
        assert self.engine is not None
        if self.editor is not None:
            if not self.editor.close():  # it asked over itself, and the user keeps the text (or a save runs)
                return None
            self.editor.deleteLater()
            self.editor = None
        units = self.units or drill_lists.drill_units(self.engine)
        editor = DrillEditor(
            self.engine,
            self.ops,
            self.files,
            today=self.today,
            units=units,
            drill_uid=drill_uid,
            unit_uid=unit_uid,
            day=day,
            parent=self,
        )
        editor.drill_changed.connect(self._drill_changed)
        self.editor = editor
        editor.show()
        return editor

    def new_drill(self) -> None:
        if self.engine is None:
            return
        year = self.year_filter.currentData()
        day = self.today if year in (ALL, self.today.year) else date(year, 1, 1)
        if self.tabs.currentWidget() is self.month:
            day = self.month.selected_day()
        self._editor(
            unit_uid=self.unit_filter.currentData() or (self.units[0].uid if self.units else None), day=day
        )

    def open_selected(self) -> None:
        drill = self.selected_drill()
        if drill is not None:
            self.open_drill(drill.uid)

    def may_close(self) -> bool:
        """Whether the window may quit or leave this database: an open editor with unsaved
        text asks first (MainWindow asks every built page)."""
        return self.editor is None or not self.editor.isVisible() or self.editor.may_close()

    def open_drill(self, uid: str) -> None:
        if self.engine is not None:
            self._editor(drill_uid=uid)

    def _open_unreported(self) -> None:
        rows = self.unreported_table.selectionModel().selectedRows()
        if rows:
            self.open_drill(self.unreported_model.drill_at(rows[0].row()).uid)

    def _drill_changed(self, uid: str) -> None:
        """Show a drill's new state; a new drill (or one leaving the unreported list) reads the list again."""
        if self.engine is None:
            return
        try:
            summary = drills.get_drill(self.engine, uid).summary
        except PlanmgrError:
            self.refresh()
            return
        if self.model.row_of(uid) < 0 or (self.unreported_model.row_of(uid) >= 0) != unreported(summary):
            self.refresh()
            return
        self.model.replace(summary)
        self._filters_changed()
        self.actions_panel.reload()

    def mark_done(self) -> None:
        drill = self.selected_drill()
        if drill is not None and self.engine is not None:
            self.dialog = ask_mark_done(self, self.ops, self.engine, drill, self.today, self._changed)

    def cancel_drill(self) -> None:
        drill = self.selected_drill()
        if drill is not None and self.engine is not None:
            self.dialog = ask_cancel(self, self.ops, self.engine, drill, self._changed)

    def _changed(self, summary: DrillSummary) -> None:
        self._drill_changed(summary.uid)

    def print_record(self) -> None:
        drill = self.selected_drill()
        if drill is not None and self.engine is not None:
            self.files.print_record(self.engine, drill.uid, drill.title)

    def print_evaluation(self) -> None:
        drill = self.selected_drill()
        if drill is not None and self.engine is not None:
            self.files.print_evaluation(self.engine, drill.uid, drill.title)

    def export(self) -> None:
        """The drills the list shows (after every filter) as a drills ledger."""
        if self.engine is None:
            return
        uids = [d.uid for d in self.proxy.visible_drills()]
        if not uids:
            dialogs.inform(self, self.tr("Nothing to export"), self.tr("No drill is shown in the list."))
            return
        year = self.year_filter.currentData()
        name = self.tr("drills-{year}.xlsx").format(year=year) if year else self.tr("drills.xlsx")
        self.files.export(self.engine, uids, name)
