"""单位: the unit hierarchy (a lazy tree), the selected unit's details, plans and due items,
and the unit editor (new, new under the selected unit, edit)."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import UnitKind
from planmgr.domain.errors import PlanmgrError
from planmgr.services import compliance, units
from planmgr.services.hierarchy import unit_plans
from planmgr.services.units import UnitRecord
from planmgr.ui import dialogs, theme
from planmgr.ui.dashboard.due_model import DUE, KIND, STATUS, DueFilterProxy, DueTableModel
from planmgr.ui.models.lazy_tree import UID_ROLE
from planmgr.ui.models.unit_tree import UnitTreeModel
from planmgr.ui.ops import OpRunner
from planmgr.ui.units.editor import UnitEditor
from planmgr.ui.units.plans_model import TITLE, UnitPlansModel
from planmgr.ui.units.plans_model import UID_ROLE as PLAN_UID_ROLE
from planmgr.ui.widgets import EmptyState, PageHeader, fitted_width

log = logging.getLogger(__name__)


def _tool_button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button


class UnitsPage(QWidget):
    """``open_plan(uid)``: the user double-clicked one of the unit's plans or due items;
    ``data_changed``: a unit was created or changed (other pages read again)."""

    open_plan = Signal(str)
    data_changed = Signal()

    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine: Engine | None = None
        self.as_of: date | None = None  # None: today
        self.current: UnitRecord | None = None
        self.editor: UnitEditor | None = None
        self._matches: list[str] = []
        self._match = -1

        self.new_action = QAction(theme.icon("plus"), self.tr("New unit"), self)
        self.new_action.triggered.connect(lambda: self.new_unit(under_selected=False))
        self.new_child_action = QAction(theme.icon("file-tree"), self.tr("New unit under it"), self)
        self.new_child_action.triggered.connect(lambda: self.new_unit(under_selected=True))
        self.edit_action = QAction(theme.icon("pencil-outline"), self.tr("Edit unit…"), self)
        self.edit_action.setShortcut(QKeySequence("F2"))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.triggered.connect(self.edit_unit)
        self.addAction(self.edit_action)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a unit by name (Enter: next)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(self._search_changed)
        self.search_note = QLabel()
        self.search_note.setStyleSheet(f"color: {theme.NEUTRAL};")

        header = QHBoxLayout()
        header.addWidget(PageHeader(self.tr("Units")))
        header.addStretch(1)
        header.addWidget(self.search_note)
        header.addWidget(self.search)
        tools = QHBoxLayout()
        for action in (self.new_action, self.new_child_action, self.edit_action):
            tools.addWidget(_tool_button(action))
        tools.addStretch(1)

        self.model = UnitTreeModel(None, self)
        self.model.load_failed.connect(self._load_failed)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAnimated(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        tree_header = self.view.header()
        tree_header.setStretchLastSection(False)
        tree_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        kind_width = fitted_width(self.view, UnitKind.texts(), least=100, most=150)
        for column, width in ((1, kind_width), (2, 64), (3, 56)):
            tree_header.resizeSection(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self._build_details())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 600])
        splitter.setChildrenCollapsible(False)

        self.empty = EmptyState(
            "domain",
            self.tr("No units yet"),
            self.tr(
                "Add the city, its departments and towns, and the villages and enterprises under "
                'them with "New unit" above, or import a units ledger '
                "(planmgr ledger import units FILE.xlsx --db DATABASE)."
            ),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self._update_empty()
        self._show_record(None)

    def _build_details(self) -> QWidget:
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("name", self.tr("Name")),
            ("kind", self.tr("Kind")),
            ("parent", self.tr("Parent unit")),
            ("uscc", self.tr("Unified social credit code")),
            ("region_code", self.tr("Region code")),
            ("industry", self.tr("Industry")),
            ("scale", self.tr("Scale")),
            ("flags", self.tr("Flags")),
            ("address", self.tr("Address")),
            ("legal_rep", self.tr("Legal representative")),
            ("contact", self.tr("Contact person")),
            ("phone", self.tr("Phone")),
            ("duty_phone", self.tr("Duty phone")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)

        self.plans_model = UnitPlansModel(self)
        self.plans_view = QTableView()
        self.plans_view.setModel(self.plans_model)
        self._table_look(self.plans_view)
        self.plans_view.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.plans_view.activated.connect(self._plan_activated)
        self.no_plans = QLabel()
        self.no_plans.setWordWrap(True)
        self.no_plans.setStyleSheet(f"color: {theme.NEUTRAL};")
        plans = QWidget()
        plans_layout = QVBoxLayout(plans)
        plans_layout.addWidget(self.no_plans)
        plans_layout.addWidget(self.plans_view, 1)

        self.due_model = DueTableModel(self)
        self.due_proxy = DueFilterProxy(self)
        self.due_proxy.setSourceModel(self.due_model)
        self.due_view = QTableView()
        self.due_view.setModel(self.due_proxy)
        self._table_look(self.due_view)
        self.due_view.setSortingEnabled(True)
        self.due_view.sortByColumn(DUE, Qt.SortOrder.AscendingOrder)
        longest = self.due_model.longest_texts()
        due_header = self.due_view.horizontalHeader()
        due_header.resizeSection(
            STATUS, fitted_width(self.due_view, longest[STATUS], padding=40, least=112, most=200)
        )
        due_header.resizeSection(KIND, fitted_width(self.due_view, longest[KIND], least=64, most=160))
        self.due_view.activated.connect(self._due_activated)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, theme.icon("card-account-details-outline"), self.tr("Details"))
        self.tabs.addTab(plans, theme.icon("file-document-multiple-outline"), self.tr("Plans"))
        self.tabs.addTab(self.due_view, theme.icon("calendar-clock"), self.tr("Due"))
        return self.tabs

    def _table_look(self, view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()

    # ------------------------------------------------------------------ page protocol

    def set_engine(self, engine: Engine | None) -> None:
        self.engine = engine
        self.model.set_engine(engine)
        self._show_record(None)

    def refresh(self) -> None:
        uid = self.current.uid if self.current else None
        self.model.reload()
        if uid is not None:
            self.show_unit(uid)
        else:
            self._show_record(None)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ------------------------------------------------------------------ the tree

    def _update_empty(self) -> None:
        has_rows = self.model.hasChildren()
        self.stack.setCurrentWidget(self.stack.widget(0) if has_rows else self.empty)
        self.new_child_action.setEnabled(self.engine is not None and self.current is not None)

    def _load_failed(self, message: str) -> None:
        dialogs.error(self, self.tr("Could not read the database"), message)

    def selected_uid(self) -> str | None:
        index = self.view.currentIndex()
        return index.siblingAtColumn(0).data(UID_ROLE) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        uid = current.siblingAtColumn(0).data(UID_ROLE) if current.isValid() else None
        if uid is None or self.engine is None:
            self._show_record(None)
            return
        try:
            record = units.get_unit(self.engine, uid)
        except PlanmgrError as error:
            self._load_failed(error.message)
            self._show_record(None)
            return
        self._show_record(record)

    def show_unit(self, uid: str) -> bool:
        """Expand the tree down to unit ``uid`` and select it; ``False`` if it is not there."""
        if self.engine is None:
            return False
        path: list[str] = []
        seen: set[str] = set()
        current: str | None = uid
        try:
            while current and current not in seen and len(path) < 50:
                seen.add(current)
                path.append(current)
                current = units.get_unit(self.engine, current).data.parent_uid
        except PlanmgrError as error:
            log.info("unit %s not shown: %s", uid, error.message)
            return False
        parent = QModelIndex()
        index = QModelIndex()
        for step in reversed(path):
            index = self.model.index_of_uid(step)
            if not index.isValid():
                self.model.fetch_all(parent)
                index = self.model.index_of_uid(step)
            if not index.isValid():
                if parent.isValid():  # a parent deleted: the unit is listed at the top
                    parent = QModelIndex()
                    self.model.fetch_all(parent)
                    index = self.model.index_of_uid(step)
                if not index.isValid():
                    return False
            if step != uid:
                self.view.expand(index)
            parent = index
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.new_child_action)
        menu.addAction(self.edit_action)
        menu.addSeparator()
        menu.addAction(self.new_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ the selected unit

    def _show_record(self, record: UnitRecord | None) -> None:
        self.current = record
        has = record is not None
        self.edit_action.setEnabled(has)
        self.new_child_action.setEnabled(has)
        self.new_action.setEnabled(self.engine is not None)
        self.tabs.setEnabled(has)
        if record is None:
            for label in self.fields.values():
                label.clear()
            self.fields["name"].setText(self.tr("Select a unit in the tree."))
            self.plans_model.set_plans([])
            self.due_model.set_report(None)
            self.no_plans.hide()
            return
        data = record.data
        flags = [
            text
            for on, text in (
                (record.must_file, self.tr("must file its plans")),
                (record.high_risk, self.tr("high risk")),
                (record.listed_for_review, self.tr("listed for review")),
                (data.key_enterprise, self.tr("key enterprise")),
            )
            if on
        ]
        values = {
            "name": data.name,
            "kind": data.kind.text,
            "parent": record.parent_name or "—",
            "uscc": data.uscc or "—",
            "region_code": data.region_code or "—",
            "industry": data.industry.text if data.industry else "—",
            "scale": data.scale.text if data.scale else "—",
            "flags": "\n".join(flags) if flags else "—",
            "address": " ".join(filter(None, (data.address, data.postcode))) or "—",
            "legal_rep": data.legal_rep or "—",
            "contact": data.contact or "—",
            "phone": data.phone or "—",
            "duty_phone": data.duty_phone or "—",
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        assert self.engine is not None
        try:
            plans = unit_plans(self.engine, record.uid)
            due = compliance.due_report(self.engine, self.as_of or date.today(), unit_uid=record.uid)
        except PlanmgrError as error:
            self._load_failed(error.message)
            return
        self.plans_model.set_plans(plans)
        self.no_plans.setText(
            self.tr("{name} has no plans yet.").format(name=data.name)
            if not plans
            else self.tr("{count} plans. Double-click one to open it.").format(count=len(plans))
        )
        self.no_plans.show()
        self.due_model.set_report(due)
        self.tabs.setTabText(1, self.tr("Plans ({count})").format(count=len(plans)))

    def _plan_activated(self, index: QModelIndex) -> None:
        uid = index.siblingAtColumn(0).data(PLAN_UID_ROLE)
        if uid:
            self.open_plan.emit(uid)

    def _due_activated(self, index: QModelIndex) -> None:
        item = self.due_proxy.item(index)
        if item is not None and item.plan_uid:
            self.open_plan.emit(item.plan_uid)

    # ------------------------------------------------------------------ editing

    def new_unit(self, *, under_selected: bool = False) -> UnitEditor | None:
        """The editor for a new unit (under the selected one if asked); shown, not modal-blocking."""
        if self.engine is None:
            return None
        parent_uid = self.current.uid if under_selected and self.current else None
        return self._open_editor(UnitEditor(self.ops, self.engine, None, parent_uid=parent_uid, parent=self))

    def edit_unit(self) -> UnitEditor | None:
        if self.engine is None or self.current is None:
            return None
        try:  # the latest row version: a stale one would be refused on save
            record = units.get_unit(self.engine, self.current.uid)
        except PlanmgrError as error:
            self._load_failed(error.message)
            return None
        return self._open_editor(UnitEditor(self.ops, self.engine, record, parent=self))

    def _open_editor(self, editor: UnitEditor) -> UnitEditor:
        if self.editor is not None:
            self.editor.close()
        self.editor = editor
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._unit_saved)
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        editor.open()
        return editor

    def _editor_closed(self, editor: UnitEditor) -> None:
        if self.editor is editor:
            self.editor = None

    def _unit_saved(self, record: UnitRecord) -> None:
        self.model.reload()
        self.show_unit(record.uid)
        self.data_changed.emit()

    # ------------------------------------------------------------------ find

    def _search_changed(self) -> None:
        self._matches = []
        self._match = -1
        self.search_note.clear()

    def find_next(self) -> None:
        """Select the next unit whose name contains the search text."""
        text = self.search.text().strip()
        if not text or self.engine is None:
            return
        if not self._matches:
            try:
                self._matches = [u.uid for u in units.find_units(self.engine, name_contains=text)]
            except PlanmgrError as error:
                self._load_failed(error.message)
                return
        if not self._matches:
            self.search_note.setText(self.tr("No unit found"))
            return
        self._match = (self._match + 1) % len(self._matches)
        self.show_unit(self._matches[self._match])
        self.search_note.setText(
            self.tr("{n} of {total}").format(n=self._match + 1, total=len(self._matches))
        )
