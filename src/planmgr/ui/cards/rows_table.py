"""The table that edits a card's steps or contacts: rows move by drag-and-drop and by
buttons; long step texts are edited in a multi-line editor."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planmgr.ui import theme
from planmgr.ui.cards.models import ROWS_MIME, RowsModel

Index = QModelIndex | QPersistentModelIndex


class MultilineDelegate(QStyledItemDelegate):
    """Edits a cell in a plain-text box (Enter starts a new line; leaving the cell saves)."""

    MIN_HEIGHT = 96

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        rect.setHeight(max(rect.height(), self.MIN_HEIGHT))
        editor.setGeometry(rect)


class RowsTable(QTableView):
    """A ``RowsModel`` in a table: drag a row (its number on the left, or any cell) and drop
    it between two others; the model moves it, so the rows keep their content."""

    def __init__(self, model: RowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        for signal in (model.modelReset, model.rowsInserted, model.rowsMoved, model.dataChanged):
            signal.connect(self.resizeRowsToContents)

    def rows_model(self) -> RowsModel:
        model = self.model()
        assert isinstance(model, RowsModel)
        return model

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.rows_model().rowCount():
            self.setCurrentIndex(self.rows_model().index(row, 0))
            self.selectRow(row)

    def drop_row(self, event: QDropEvent) -> int:
        """Where a drop at the event's position puts the rows: before the row under it, or
        after it when in its lower half; below the last row: the end."""
        position = event.position().toPoint()
        index = self.indexAt(position)
        if not index.isValid():
            return self.rows_model().rowCount()
        rect = self.visualRect(index)
        return index.row() + (1 if position.y() > rect.center().y() else 0)

    def dropEvent(self, event: QDropEvent) -> None:
        model = self.rows_model()
        data = event.mimeData()
        if data is None or not data.hasFormat(ROWS_MIME):
            event.ignore()
            return
        row = self.drop_row(event)
        dragged = model.dragged_rows(data)
        first = dragged[0] if dragged else None
        moved = model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, QModelIndex())
        if not moved:
            event.ignore()
            return
        # The model did the move. After a drag that ends in MoveAction the view removes the
        # dragged rows itself (QListView avoids that with a private flag); an accepted drop
        # reporting no action keeps it from removing the moved rows a second time.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if first is not None:
            self.select_row(row - 1 if row > first else row)
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()


class RowsEditor(QWidget):
    """A ``RowsTable`` with add / remove / move up / move down buttons beside it."""

    def __init__(
        self, model: RowsModel, add_text: str, remove_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.table = RowsTable(model)
        self.add_button = QPushButton(theme.icon("plus"), add_text)
        self.remove_button = QPushButton(theme.icon("minus"), remove_text)
        self.up_button = QPushButton(theme.icon("arrow-up"), self.tr("Move up"))
        self.down_button = QPushButton(theme.icon("arrow-down"), self.tr("Move down"))
        self.up_button.setShortcut("Alt+Up")
        self.down_button.setShortcut("Alt+Down")
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        self.extra = buttons  # callers append their own buttons
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        column = QWidget()
        column.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        layout.addWidget(column)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        model.rowsInserted.connect(self._update_buttons)
        model.rowsRemoved.connect(self._update_buttons)
        model.rowsMoved.connect(self._update_buttons)
        self._update_buttons()

    def add_row(self) -> None:
        current = self.table.current_row()
        row = current + 1 if current >= 0 else self.model.rowCount()
        self.model.insertRows(row, 1)
        self.table.select_row(row)
        self.table.edit(self.model.index(row, 0))

    def remove_row(self) -> None:
        row = self.table.current_row()
        if row >= 0:
            self.model.removeRows(row, 1)
            self.table.select_row(min(row, self.model.rowCount() - 1))

    def move_current(self, offset: int) -> None:
        row = self.table.current_row()
        if row >= 0:
            self.table.select_row(self.model.move_row(row, offset))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.current_row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
