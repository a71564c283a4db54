"""Choose a plan (the parent plan in the editor): type to search, pick from the list."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.enums import PlanCategory
from planmgr.domain.errors import PlanmgrError
from planmgr.domain.i18n import join
from planmgr.services import plan_queries
from planmgr.services.plan_queries import PlanFilter, PlanRow
from planmgr.ui import theme
from planmgr.ui.plans.models import PlanListModel
from planmgr.ui.plans.sizing import settle_size

SEARCH_DELAY_MS = 250


class PlanPickerDialog(QDialog):
    """``picked(PlanRow)`` when the user chooses a plan; non-modal-safe (``open()``)."""

    picked = Signal(object)

    def __init__(
        self,
        engine: Engine,
        categories: Iterable[PlanCategory],
        exclude_uid: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose the parent plan"))
        self.engine = engine
        self.categories = [c for c in categories if c is not None]
        self.exclude_uid = exclude_uid
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search plan names and content"))
        self.search.addAction(theme.icon("magnify"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.note = QLabel()
        self.note.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.model = PlanListModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionHidden(5, True)
        self.view.doubleClicked.connect(lambda _index: self._choose())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Choose"))
        buttons.accepted.connect(self._choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        settle_size(self, 760, 460)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.view.selectionModel().selectionChanged.connect(self._update_ok)
        self.run_search()

    def run_search(self) -> None:
        query = self.search.text().strip()
        rows: list[PlanRow] = []
        try:
            if query:
                rows = [r.row for r in plan_queries.search_plans(self.engine, query)]
                if self.categories:
                    allowed = {c.value for c in self.categories}
                    rows = [r for r in rows if r.category in allowed]
            else:
                for category in self.categories:
                    rows.extend(plan_queries.find_plans(self.engine, PlanFilter(category=category))[0])
        except PlanmgrError as error:
            self.note.setText(error.message)
            return
        rows = [r for r in rows if r.uid != self.exclude_uid]
        self.model.set_plans(rows)
        if self.categories:
            kinds = join(c.text for c in self.categories)
            self.note.setText(
                self.tr("{count} plans; a parent must be: {kinds}").format(count=len(rows), kinds=kinds)
            )
        else:
            self.note.setText(self.tr("{count} plans").format(count=len(rows)))
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def _choose(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        self.picked.emit(self.model.row_at(rows[0].row()).row)
        self.accept()

    def select_uid(self, uid: str) -> None:
        row = self.model.row_of_uid(uid)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
