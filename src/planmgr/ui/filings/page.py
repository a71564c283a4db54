"""备案 page. What it shows follows the database's mode (``services.settings.get_identity``):

- office (受理部门): the filings received — import, formal check, register or return, answer
  files, diff — and the filing-rate statistics;
- enterprise: the filings sent — the 备案 wizard, the answer files — with their status.

A database not registered yet (``planmgr init``) gets an empty state saying so.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget
from sqlalchemy import Engine

from planmgr.domain.enums import DatabaseMode
from planmgr.ui import dialogs, theme
from planmgr.ui.filings.list_view import FilingsListView
from planmgr.ui.filings.stats_view import StatisticsView
from planmgr.ui.ops import OpRunner
from planmgr.ui.widgets import EmptyState, PageHeader


class FilingsPage(QWidget):
    # Something was written (a package, an answer, a ledger): the main window has the other
    # pages read again when next shown.
    data_changed = Signal()

    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.engine: Engine | None = None
        self.mode: DatabaseMode | None = None
        self.header = PageHeader(self.tr("Filings"))
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.subtitle.setWordWrap(True)

        self.office = FilingsListView(ops, lambda: self.engine, office=True)
        self.statistics = StatisticsView(ops, lambda: self.engine)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.office, theme.icon("format-list-bulleted"), self.tr("Filings received"))
        self.tabs.addTab(self.statistics, theme.icon("chart-bar"), self.tr("Filing rates"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.office.changed.connect(self._office_changed)
        self._stats_stale = True

        self.enterprise = FilingsListView(ops, lambda: self.engine, office=False)
        self.office.changed.connect(self.data_changed)
        self.enterprise.changed.connect(self.data_changed)
        self.unregistered = EmptyState(
            "clipboard-alert-outline",
            self.tr("This database has no own unit yet"),
            self.tr(
                "Filing needs to know who this database belongs to: an enterprise that files its plans, "
                "or an emergency office that receives them. Register it first: planmgr init --db "
                "DATABASE --unit-name NAME --unit-kind KIND --mode office|enterprise"
            ),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.enterprise)
        self.stack.addWidget(self.unregistered)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.stack, 1)
        self._show_mode()

    @property
    def current(self) -> FilingsListView | None:
        """The filings list of this database's side (``None`` before it is registered)."""
        if self.mode is DatabaseMode.OFFICE:
            return self.office
        if self.mode is DatabaseMode.ENTERPRISE:
            return self.enterprise
        return None

    @property
    def empty(self) -> EmptyState:
        """The empty state the page shows when there is nothing to list."""
        view = self.current
        return view.empty if view is not None else self.unregistered

    def focus_search(self) -> None:
        """Ctrl+F: the search box of the filings list."""
        view = self.current
        if view is not None:
            if view is self.office:
                self.tabs.setCurrentWidget(self.office)
            view.search.setFocus()
            view.search.selectAll()

    def set_engine(self, engine: Engine | None) -> None:
        self.engine = engine
        self.refresh()

    def refresh(self) -> None:
        from planmgr.domain.errors import PlanmgrError
        from planmgr.services.settings import get_identity

        identity = None
        if self.engine is not None:
            try:
                identity = get_identity(self.engine)
            except PlanmgrError as error:
                dialogs.error(self, self.tr("Could not read the database"), error.message)
        self.mode = identity.mode if identity is not None else None
        self._show_mode(identity.unit_name if identity else None)
        view = self.current
        if view is not None:
            view.reload()
        self._stats_stale = True
        if self.mode is DatabaseMode.OFFICE and self.tabs.currentWidget() is self.statistics:
            self._load_statistics()

    def _show_mode(self, unit_name: str | None = None) -> None:
        if self.mode is DatabaseMode.OFFICE:
            self.stack.setCurrentWidget(self.tabs)
            self.subtitle.setText(
                self.tr(
                    "{unit} receives filings: check each submission within 5 working days, then register "
                    "it or return it listing everything missing at once (ENT Art.28)."
                ).format(unit=unit_name or "")
            )
        elif self.mode is DatabaseMode.ENTERPRISE:
            self.stack.setCurrentWidget(self.enterprise)
            self.subtitle.setText(
                self.tr(
                    "{unit} files its published plans with the authority within 20 working days (ENT Art.26)."
                ).format(unit=unit_name or "")
            )
        else:
            self.stack.setCurrentWidget(self.unregistered)
            self.subtitle.setText("")
        self.subtitle.setVisible(bool(self.subtitle.text()))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.statistics and self._stats_stale:
            self._load_statistics()

    def _load_statistics(self) -> None:
        self._stats_stale = False
        self.statistics.refresh()

    def _office_changed(self) -> None:
        self._stats_stale = True
