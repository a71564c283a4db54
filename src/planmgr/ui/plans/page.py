"""预案体系: the lazy plan tree, filters, instant search, and every action on a plan.

While a search query or a filter is set, a flat result list replaces the tree (a card hit
shows its plan); clearing them brings the tree back as it was. Writes go through
``PlanActions`` (and so through ``ops``); reads here are single quick queries.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import EventType, PlanCategory, PlanStatus
from planmgr.domain.errors import PlanmgrError
from planmgr.domain.i18n import paren
from planmgr.services import compliance, plan_queries, plans
from planmgr.services.plan_queries import PlanFilter
from planmgr.ui import dialogs, theme
from planmgr.ui.models.lazy_tree import NODE_ROLE, UID_ROLE
from planmgr.ui.models.plan_tree import PlanTreeModel
from planmgr.ui.ops import OpRunner
from planmgr.ui.plans.actions import PlanActions, allowed
from planmgr.ui.plans.detail import PlanDetailPanel
from planmgr.ui.plans.filters import FilterBar
from planmgr.ui.plans.models import ROW_ROLE, PlanListModel
from planmgr.ui.widgets import EmptyState, PageHeader

DETAIL_DELAY_MS = 120


class PlansPage(QWidget):
    """Constructed as ``PlansPage(ops)``; ``set_engine`` when first shown, ``refresh`` on F5.

    ``data_changed`` after every write (the window lets the other pages read again).
    """

    data_changed = Signal()

    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page_shortcuts: dict[QAction, str] = {}
        self.ops = ops if ops is not None else OpRunner(self, parent=self)
        self.engine: Engine | None = None
        self.actions = PlanActions(self.ops, self)
        self.actions.changed.connect(self._plan_changed)
        self._build_actions()
        self._build()
        self._detail_timer = QTimer(self, singleShot=True, interval=DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._show_detail)
        self._update_actions()
        self._update_stack()

    # ------------------------------------------------------------------ building

    def _action(self, icon: str, text: str, slot: Any, shortcut: str | None = None) -> QAction:
        action = QAction(theme.icon(icon), text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            self._page_shortcuts[action] = shortcut
        return action

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._yield_shortcuts()

    def _yield_shortcuts(self) -> None:
        """Leave a key to the window where its menu already has it (e.g. 编辑 › 查找 calls
        ``focus_search``): two actions on one key would both be ambiguous and do nothing."""
        window_wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
        taken = {
            action.shortcut().toString()
            for action in self.window().findChildren(QAction)
            if action not in self._page_shortcuts
            and action.shortcutContext() in window_wide
            and not action.shortcut().isEmpty()
        }
        for action, key in self._page_shortcuts.items():
            mine = QKeySequence(key)
            action.setShortcut(QKeySequence() if mine.toString() in taken else mine)
        shortcut = self.act_new.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.act_new.setToolTip(paren(self._new_tip, shortcut) if shortcut else self._new_tip)

    def _build_actions(self) -> None:
        self.act_new = self._action("file-plus-outline", self.tr("New plan"), self.new_plan, "Ctrl+N")
        self._new_tip = self.tr("New plan, under the selected plan if one is selected")
        self.act_new.setToolTip(self._new_tip)
        self.act_new_child = self._action(
            "file-tree-outline", self.tr("New plan under this one…"), self.new_child
        )
        self.act_edit = self._action("pencil-outline", self.tr("Edit…"), self.edit_selected)
        self.act_review = self._action(
            "account-check-outline", self.tr("Send for review"), self._on("send_for_review")
        )
        self.act_publish = self._action("publish", self.tr("Publish…"), self._on("publish"))
        self.act_revise = self._action(
            "file-edit-outline", self.tr("Start revision…"), self._on("start_revision")
        )
        self.act_evaluate = self._action(
            "clipboard-check-outline", self.tr("Record evaluation…"), self._on("evaluate")
        )
        self.act_evaluations = self._action(
            "clipboard-list-outline", self.tr("Evaluations"), self._on("evaluations")
        )
        self.act_abolish = self._action("cancel", self.tr("Abolish…"), self._on("abolish"))
        self.act_history = self._action("history", self.tr("Version history…"), self._on("history"))
        self.act_audit = self._action("text-box-search-outline", self.tr("Audit trail…"), self._on("audit"))
        self.act_find = self._action("magnify", self.tr("Search"), self.focus_search, "Ctrl+F")
        self.plan_actions = [
            self.act_new_child,
            self.act_edit,
            self.act_review,
            self.act_publish,
            self.act_revise,
            self.act_evaluate,
            self.act_evaluations,
            self.act_abolish,
            self.act_history,
            self.act_audit,
        ]

    def _on(self, name: str) -> Any:
        def run() -> None:
            uid = self.selected_uid()
            if uid is not None and self.engine is not None:
                getattr(self.actions, name)(uid)

        return run

    def _build(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.act_new, self.act_edit, self.act_publish, self.act_revise, self.act_evaluate):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.act_history, self.act_audit):
            self.toolbar.addAction(action)

        self.filters = FilterBar(self)
        self.filters.changed.connect(self.apply_filters)
        self.search = self.filters.search

        self.model = PlanTreeModel(None, self)
        self.model.load_failed.connect(self._load_failed)
        self.view = QTreeView()
        self.view.setObjectName("plan-tree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAnimated(False)
        self.view.setExpandsOnDoubleClick(False)  # a double-click opens the plan; the arrow expands
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((150, 64, 170, 70), start=1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

        self.results = PlanListModel(self)
        self.results_proxy = QSortFilterProxyModel(self)
        self.results_proxy.setSourceModel(self.results)
        self.results_view = QTableView()
        self.results_view.setObjectName("plan-results")
        self.results_view.setModel(self.results_proxy)
        self.results_view.setSortingEnabled(True)
        self.results_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # best match first
        self.results_view.setAlternatingRowColors(True)
        self.results_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.verticalHeader().hide()
        rheader = self.results_view.horizontalHeader()
        rheader.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((150, 64, 150, 70, 220), start=1):
            rheader.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            rheader.resizeSection(column, width)

        self.empty = EmptyState(
            "file-tree-outline",
            self.tr("No plans yet"),
            self.tr(
                "Start with the overall plan: click “New plan” above, then add the plans "
                "under it. A plan register can also be imported: "
                "planmgr ledger import plans FILE.xlsx --db DATABASE"
            ),
        )
        self.stack = QStackedWidget()
        for widget in (self.view, self.results_view, self.empty):
            self.stack.addWidget(widget)
        for view in (self.view, self.results_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
            view.activated.connect(lambda _index: self.edit_selected())  # double-click or Enter
        self.view.selectionModel().currentChanged.connect(self._selection_changed)
        self.results_view.selectionModel().currentChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_stack)
        self.model.rowsInserted.connect(self._update_stack)

        self.detail = PlanDetailPanel()
        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([760, 270])
        splitter.setChildrenCollapsible(False)

        self.status_line = QLabel()
        self.status_line.setObjectName("plan-status-line")
        self.status_line.setWordWrap(True)
        self.legend = self.tr(
            "Right-click a plan for what you can do with it. Status colours: "
            '<span style="color:{ok}">in force</span>, '
            '<span style="color:{soon}">in review or revision</span>, '
            '<span style="color:{grey}">draft, superseded or abolished</span>.'
        ).format(ok=theme.OK, soon=theme.DUE_SOON, grey=theme.NEUTRAL)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(PageHeader(self.tr("Plan system")))
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_line)

    # ------------------------------------------------------------------ page protocol

    def set_engine(self, engine: Engine | None) -> None:
        self.engine = engine
        self.actions.engine = engine
        self.filters.engine = engine
        self.filters.forget_units()
        self.model.set_engine(engine)
        self.detail.clear()
        self.apply_filters()

    def refresh(self) -> None:
        """Read everything again (F5): the tree keeps what was open and selected."""
        if self.engine is None:
            return
        selected = self.selected_uid()
        self.filters.forget_units()  # units may have changed: read them when next needed
        if self.in_results():
            self.apply_filters()
            self._reselect_result(selected)
        else:
            self._reload_tree(selected)
        self._detail_timer.start()

    # ------------------------------------------------------------------ selection

    def in_results(self) -> bool:
        return self.stack.currentWidget() is self.results_view

    def _current_view(self) -> QAbstractItemView:
        return self.results_view if self.in_results() else self.view

    def selected_uid(self) -> str | None:
        index = self._current_view().currentIndex()
        if not index.isValid():
            return None
        uid = index.siblingAtColumn(0).data(UID_ROLE)
        return str(uid) if uid else None

    def _selected_facts(self) -> tuple[str, str] | None:
        """(status, category) of the selected plan, from the row already on screen."""
        index = self._current_view().currentIndex()
        if not index.isValid():
            return None
        if self.in_results():
            row = index.siblingAtColumn(0).data(ROW_ROLE).row
            return row.status, row.category
        node = index.siblingAtColumn(0).data(NODE_ROLE)
        return node.status, node.category

    def _selection_changed(self, *_args: Any) -> None:
        self._update_actions()
        self._detail_timer.start()

    def _update_actions(self) -> None:
        facts = self._selected_facts()
        for action in self.plan_actions:
            action.setEnabled(facts is not None and self.engine is not None)
        self.act_new.setEnabled(self.engine is not None)
        if facts is None:
            return
        try:
            status = PlanStatus(facts[0])
        except ValueError:  # written by a newer version: offer what a draft allows
            status = PlanStatus.DRAFTING
        self.act_review.setEnabled(allowed("send_for_review", status))
        self.act_publish.setEnabled(allowed("publish", status))
        self.act_revise.setEnabled(allowed("start_revision", status))
        self.act_abolish.setEnabled(allowed("abolish", status))
        self.act_new_child.setEnabled(status is not PlanStatus.ABOLISHED)

    def _show_detail(self) -> None:
        uid = self.selected_uid()
        if uid is None or self.engine is None:
            self.detail.clear()
            return
        try:
            row = plan_queries.get_row(self.engine, uid)
            detail = plans.get_plan(self.engine, uid)
            due = compliance.plan_due(self.engine, uid, date.today())
        except PlanmgrError:
            self.detail.clear()
            return
        self.detail.show_plan(row, detail, due)

    # ------------------------------------------------------------------ user actions

    def new_plan(self) -> None:
        """Ctrl+N: a new plan, proposed under the selected one (the editor can change it)."""
        if self.engine is not None:
            self.actions.new_plan(self.selected_uid())

    def new_child(self) -> None:
        uid = self.selected_uid()
        if uid is not None and self.engine is not None:
            self.actions.new_plan(uid)

    def edit_selected(self) -> None:
        uid = self.selected_uid()
        if uid is not None and self.engine is not None:
            self.actions.edit(uid)

    def focus_search(self) -> None:
        """Ctrl+F."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def context_menu(self) -> QMenu:
        """The menu of the selected plan (what a right-click shows)."""
        self._update_actions()
        menu = QMenu(self)
        groups = (
            (self.act_new_child, self.act_edit),
            (self.act_review, self.act_publish, self.act_revise, self.act_abolish),
            (self.act_evaluate, self.act_evaluations),
            (self.act_history, self.act_audit),
        )
        for group in groups:
            if not menu.isEmpty():
                menu.addSeparator()
            for action in group:
                menu.addAction(action)
        return menu

    def _context_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(view.viewport().mapToGlobal(pos))

    def show_plan(self, uid: str) -> bool:
        """Show plan ``uid`` in the tree, selected (asked by other pages through the window)."""
        if self.in_results() or self.search.text():
            self.clear_filters()
        found = self.reveal(uid)
        if found:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return found

    def _plan_changed(self, uid: str) -> None:
        """After a write: show the tree or the results again, with ``uid`` selected."""
        self.data_changed.emit()
        if self.in_results():
            self.apply_filters()
            if uid and not self._reselect_result(uid):
                self.clear_filters()  # the changed plan no longer matches: show it in the tree
                self._reload_tree(uid)
        else:
            self._reload_tree(uid or self.selected_uid())
        self._update_actions()
        self._detail_timer.start()

    # ------------------------------------------------------------------ tree

    def _expanded_uids(self, parent: QModelIndex | None = None) -> list[str]:
        parent = parent or QModelIndex()
        found: list[str] = []
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            if self.view.isExpanded(index):
                found.append(str(index.data(UID_ROLE)))
                found.extend(self._expanded_uids(index))
        return found

    def _reload_tree(self, select_uid: str | None) -> None:
        expanded = self._expanded_uids()
        self.model.reload()
        self.model.fetchMore(QModelIndex())
        for uid in expanded:
            index = self.model.index_of_uid(uid)
            if index.isValid():
                self.model.fetchMore(index)
                self.view.expand(index)
        if select_uid:
            self.reveal(select_uid)
        self._update_stack()

    def reveal(self, uid: str) -> bool:
        """Open the tree down to plan ``uid`` and select it; ``False`` if it is not there."""
        if self.engine is None:
            return False
        chain: list[str] = []
        current: str | None = uid
        while current and len(chain) < 50:
            try:
                row = plan_queries.get_row(self.engine, current)
            except PlanmgrError:
                return False
            chain.append(row.uid)
            current = row.parent_uid
        chain.reverse()
        parent = QModelIndex()
        index = QModelIndex()
        for step, node_uid in enumerate(chain):
            index = self.model.index_of_uid(node_uid)
            while not index.isValid() and self.model.canFetchMore(parent):
                self.model.fetchMore(parent)
                index = self.model.index_of_uid(node_uid)
            if not index.isValid():
                return False
            if step < len(chain) - 1:
                self.view.expand(index)
            parent = index
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def _update_stack(self) -> None:
        searching = bool(self.filters.query()) or self.filters.current().active
        if searching:
            self.stack.setCurrentWidget(self.results_view)
        elif self.model.hasChildren():
            self.stack.setCurrentWidget(self.view)
            self.status_line.setText(self.legend)
        else:
            self.stack.setCurrentWidget(self.empty)
            self.status_line.clear()
        self.status_line.setVisible(self.stack.currentWidget() is not self.empty)

    def _load_failed(self, message: str) -> None:
        dialogs.error(self, self.tr("Could not read the database"), message)

    # ------------------------------------------------------------------ search and filters

    def current_filter(self) -> PlanFilter:
        return self.filters.current()

    def set_filter(
        self,
        *,
        unit_uid: str | None = None,
        category: PlanCategory | None = None,
        status: PlanStatus | None = None,
        event_type: EventType | None = None,
    ) -> None:
        """Choose filters as a user does in the combo boxes."""
        self.filters.choose(unit_uid=unit_uid, category=category, status=status, event_type=event_type)

    def clear_filters(self) -> None:
        self.filters.clear()
        self.apply_filters()

    def apply_filters(self) -> None:
        """Run the search / filters now (typing runs it after a short pause)."""
        self.filters.timer.stop()
        query = self.filters.query()
        flt = self.filters.current()
        if self.engine is None or (not query and not flt.active):
            self.results.set_rows([])
            self._update_stack()
            self._update_actions()
            return
        try:
            if query:
                found = plan_queries.search_plans(self.engine, query, flt)
                self.results.set_results(found)
                total = len(found)
            else:
                rows, total = plan_queries.find_plans(self.engine, flt)
                self.results.set_plans(rows)
        except PlanmgrError as error:
            self.results.set_rows([])
            self.status_line.setText(error.message)
            self._update_stack()
            return
        shown = self.results.rowCount()
        if shown == 0:
            text = self.tr("No plan matches. Try fewer characters or clear the filters.")
        elif total > shown:
            text = self.tr("{total} plans match; the first {shown} are shown.").format(
                total=total, shown=shown
            )
        else:
            text = self.tr("{count} plans found. Double-click one to edit it.").format(count=shown)
        self._update_stack()
        self.status_line.setText(text)
        if shown:
            self.results_view.setCurrentIndex(self.results_proxy.index(0, 0))
        self._update_actions()
        self._detail_timer.start()

    def result_titles(self) -> list[str]:
        """The plan names in the result list, in the order shown."""
        proxy = self.results_proxy
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    def _reselect_result(self, uid: str | None) -> bool:
        if not uid:
            return False
        row = self.results.row_of_uid(uid)
        if row < 0:
            return False
        self.results_view.setCurrentIndex(self.results_proxy.mapFromSource(self.results.index(row, 0)))
        return True
