"""A page showing one lazy tree (plans or units) with an empty state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QStackedWidget, QTreeView, QVBoxLayout, QWidget
from sqlalchemy import Engine

from planmgr.ui import dialogs
from planmgr.ui.models.lazy_tree import LazyTreeModel
from planmgr.ui.widgets import EmptyState, PageHeader


class TreePage(QWidget):
    """Title, a one-line hint, the tree (or the empty state when the database has none)."""

    model: LazyTreeModel

    def _build(
        self,
        title: str,
        hint: str,
        model: LazyTreeModel,
        empty: EmptyState,
        column_widths: tuple[int, ...],
    ) -> None:
        """Lay the page out (subclasses call this from ``__init__`` once they can ``tr()``)."""
        self.model = model
        self.model.load_failed.connect(self._load_failed)
        self.view = QTreeView()
        self.view.setModel(model)
        self.view.setUniformRowHeights(True)  # lets the view skip measuring every row
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        self.view.setAnimated(False)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate(column_widths, start=1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.empty = empty
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(PageHeader(title))
        layout.addWidget(self.hint)
        layout.addWidget(self.stack, 1)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self._update_empty()

    def set_engine(self, engine: Engine | None) -> None:
        self.model.set_engine(engine)  # type: ignore[attr-defined]

    def refresh(self) -> None:
        self.model.reload()

    def _update_empty(self) -> None:
        has_rows = self.model.hasChildren()
        self.stack.setCurrentWidget(self.view if has_rows else self.empty)
        self.hint.setVisible(has_rows)

    def _load_failed(self, message: str) -> None:
        dialogs.error(self, self.tr("Could not read the database"), message)

    def expand_top(self) -> None:
        """Expand the first top-level nodes (what a user does first; used by the screenshot)."""
        for row in range(self.model.rowCount()):
            self.view.expand(self.model.index(row, 0))

    def select_first(self) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
