"""Item models of the handling-card page: the card list (with stale cards marked) and its
filter proxy, and the editable, reorderable rows of a card's steps and contacts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cmp_to_key
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QCollator,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon

from planmgr.services.cards import CardContactData, CardStepData, CardSummary
from planmgr.ui import theme

Index = QModelIndex | QPersistentModelIndex

UID_ROLE = Qt.ItemDataRole.UserRole + 1
STALE_ROLE = Qt.ItemDataRole.UserRole + 2
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 3

STALE_TINT = "#FEF3E0"
"""Background of a stale card's row: a light tint of the amber status colour."""


class CardTableModel(QAbstractTableModel):
    """The cards (``CardSummary`` rows); stale ones carry the amber status colour, a warning
    icon and a tooltip. ``checkable``: the first column has check boxes (the print centre),
    kept by card uid across reloads."""

    TITLE, NUMBER, POST, PLACE, UNIT, PLAN, VERSION, ISSUED, STATUS = range(9)

    def __init__(self, *, checkable: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checkable = checkable
        self.cards: list[CardSummary] = []
        self.checked: set[str] = set()
        self._headers = [
            self.tr("Card"),
            self.tr("No."),
            self.tr("Post"),
            self.tr("Place"),
            self.tr("Unit"),
            self.tr("Plan"),
            self.tr("Version"),
            self.tr("Issued"),
            self.tr("Status"),
        ]
        self._stale_icon: QIcon | None = None
        self._card_icon: QIcon | None = None
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    # ------------------------------------------------------------------ content

    def set_cards(self, cards: Sequence[CardSummary]) -> None:
        """Show ``cards`` (in the column order the user sorted by, if any); with check
        boxes, cards not shown before start checked."""
        before = {card.uid for card in self.cards}
        self.beginResetModel()
        self.cards = self._sorted(list(cards))
        uids = {card.uid for card in self.cards}
        self.checked = (self.checked | (uids - before)) & uids
        self.endResetModel()

    # ------------------------------------------------------------------ sorting

    def _sort_key(self, column: int) -> Any:
        if column == self.STATUS:
            return lambda card: 0 if card.stale else 1  # stale first when ascending
        if column == self.ISSUED:
            return lambda card: card.issued_date.isoformat() if card.issued_date else ""
        collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        collator.setNumericMode(True)
        compare = cmp_to_key(collator.compare)
        return lambda card: compare(self._text(card, column))

    def _sorted(self, cards: list[CardSummary]) -> list[CardSummary]:
        column, order = self._sort
        if column < 0:
            return cards  # as the service lists them: by unit, number, title
        return sorted(cards, key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the cards here, in Python (collated as Chinese, numbers by value): a sort
        proxy would call ``data`` a million times for 25,000 cards."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [index.row() for index in old]
        positions = {id(card): row for row, card in enumerate(self.cards)}
        self.cards = self._sorted(self.cards)
        new_row = {positions[id(card)]: row for row, card in enumerate(self.cards)}
        self.changePersistentIndexList(
            old, [self.index(new_row[r], i.column()) for r, i in zip(old_rows, old, strict=True)]
        )
        self.layoutChanged.emit()

    def card(self, row: int) -> CardSummary:
        return self.cards[row]

    def row_of(self, uid: str) -> int:
        for row, card in enumerate(self.cards):
            if card.uid == uid:
                return row
        return -1

    def set_checked(self, uids: Iterable[str]) -> None:
        self.checked = set(uids) & {card.uid for card in self.cards}
        if self.cards:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.cards) - 1, 0), [Qt.ItemDataRole.CheckStateRole]
            )

    # ------------------------------------------------------------------ Qt interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self._headers[section] if horizontal and 0 <= section < len(self._headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self.checkable and index.column() == self.TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _text(self, card: CardSummary, column: int) -> str:
        if column == self.TITLE:
            return card.title
        if column == self.NUMBER:
            return card.number or ""
        if column == self.POST:
            return card.post
        if column == self.PLACE:
            return card.place
        if column == self.UNIT:
            return card.unit_name
        if column == self.PLAN:
            return card.plan_title or self.tr("(no plan)")
        if column == self.VERSION:
            return card.version_label
        if column == self.ISSUED:
            return card.issued_date.isoformat() if card.issued_date else ""
        return self.tr("Plan changed") if card.stale else self.tr("Current")

    def stale_tooltip(self, card: CardSummary) -> str:
        return self.tr(
            "The plan changed since this card: {plan} has published a newer version than the one "
            "this card follows. Bring the card up to date before printing it."
        ).format(plan=card.plan_title or "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(card, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if card.stale:
                return self.stale_tooltip(card)
            if column in (self.TITLE, self.PLAN, self.UNIT, self.PLACE):
                return self._text(card, column)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE:
            return self._icon(card.stale)
        if role == Qt.ItemDataRole.ForegroundRole and card.stale and column in (self.TITLE, self.STATUS):
            return QColor(theme.DUE_SOON)
        if role == Qt.ItemDataRole.BackgroundRole and card.stale:
            return QColor(STALE_TINT)
        if role == Qt.ItemDataRole.FontRole and card.stale and column == self.STATUS:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and column == self.TITLE:
            return Qt.CheckState.Checked if card.uid in self.checked else Qt.CheckState.Unchecked
        if role == UID_ROLE:
            return card.uid
        if role == STALE_ROLE:
            return card.stale
        if role == SUMMARY_ROLE:
            return card
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.checkable and index.isValid() and index.column() == self.TITLE):
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        uid = self.cards[index.row()].uid
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(uid)
        else:
            self.checked.discard(uid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def _icon(self, stale: bool) -> QIcon:
        if stale:
            if self._stale_icon is None:
                self._stale_icon = theme.icon("alert-outline", theme.DUE_SOON)
            return self._stale_icon
        if self._card_icon is None:
            self._card_icon = theme.icon("card-account-details-outline", theme.NEUTRAL)
        return self._card_icon


class CardFilterProxy(QSortFilterProxyModel):
    """Cards of one plan, one unit, a post (part of its name), stale only, a search text.

    Sorting is passed on to the ``CardTableModel`` (see its ``sort``); the proxy keeps its
    order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan_uid: str | None = None
        self.unit_uid: str | None = None
        self.post = ""
        self.stale_only = False
        self.text = ""
        self.active = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def set_filter(
        self,
        *,
        plan_uid: str | None = None,
        unit_uid: str | None = None,
        post: str = "",
        stale_only: bool = False,
        text: str = "",
    ) -> None:
        self.beginFilterChange()
        self.plan_uid, self.unit_uid = plan_uid, unit_uid
        self.post, self.stale_only, self.text = post.strip().casefold(), stale_only, text.strip().casefold()
        self.active = bool(plan_uid or unit_uid or self.post or stale_only or self.text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, card: CardSummary) -> bool:
        if not self.active:
            return True
        if self.plan_uid is not None and card.plan_uid != self.plan_uid:
            return False
        if self.unit_uid is not None and card.unit_uid != self.unit_uid:
            return False
        if self.post and self.post not in card.post.casefold():
            return False
        if self.stale_only and not card.stale:
            return False
        if self.text:
            haystack = " ".join(
                (card.title, card.number or "", card.post, card.place, card.unit_name, card.plan_title or "")
            )
            return self.text in haystack.casefold()
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.active:
            return True  # called 25,000 times on a county's database: keep it short
        model = self.sourceModel()
        if not isinstance(model, CardTableModel) or source_parent.isValid():
            return False
        return self.accepts(model.card(source_row))

    def summaries(self) -> list[CardSummary]:
        """The cards shown, in the order shown (the proxy filters but never reorders)."""
        model = self.sourceModel()
        if not isinstance(model, CardTableModel):
            return []
        return [card for card in model.cards if self.accepts(card)]

    def uids(self) -> list[str]:
        return [card.uid for card in self.summaries()]


class ChoiceModel(QAbstractListModel):
    """(label, uid) pairs for a combo box: thousands of plans load at once, not item by item."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, str | None]] = []

    def set_items(self, items: Sequence[tuple[str, str | None]]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        label, uid = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return label
        if role == Qt.ItemDataRole.UserRole:
            return uid
        return None


# --- the rows of a card: steps and contacts ----------------------------------------------

ROWS_MIME = "application/x-planmgr-card-rows"


class RowsModel(QAbstractTableModel):
    """Editable rows that keep their order: insert, remove, move (buttons and drag-and-drop).

    A drag carries the rows' positions; dropping them between rows moves them there
    (``dropMimeData`` → ``moveRows``), so the rows keep their identity and nothing is copied.
    """

    EMPTY: ClassVar[tuple[Any, ...]] = ()
    CHECK_COLUMNS: ClassVar[frozenset[int]] = frozenset()

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self.rows: list[list[Any]] = []

    # ------------------------------------------------------------------ shape

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1) if 0 <= section < len(self.rows) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() in self.CHECK_COLUMNS:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    # ------------------------------------------------------------------ values

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        value = self.rows[index.row()][index.column()]
        if index.column() in self.CHECK_COLUMNS:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole and value:
            return value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return False
        column = index.column()
        if column in self.CHECK_COLUMNS:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            self.rows[index.row()][column] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            self.rows[index.row()][column] = "" if value is None else str(value)
        else:
            return False
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def set_rows(self, rows: Iterable[Sequence[Any]]) -> None:
        self.beginResetModel()
        self.rows = [list(row) for row in rows]
        self.endResetModel()

    # ------------------------------------------------------------------ structure

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not 0 <= row <= len(self.rows):
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self.rows[row:row] = [list(self.EMPTY) for _ in range(count)]
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self.rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self.rows[row : row + count]
        self.endRemoveRows()
        return True

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """Move ``count`` rows from ``source_row`` to before ``destination_child`` (Qt's
        convention: the destination counts rows before the move)."""
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > len(self.rows):
            return False
        if not 0 <= destination_child <= len(self.rows):
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # onto itself: nothing moves (beginMoveRows refuses it too)
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row + count - 1, QModelIndex(), destination_child
        ):
            return False
        block = self.rows[source_row : source_row + count]
        del self.rows[source_row : source_row + count]
        at = destination_child - count if destination_child > source_row else destination_child
        self.rows[at:at] = block
        self.endMoveRows()
        return True

    def move_row(self, row: int, offset: int) -> int:
        """Move one row up (-1) or down (+1); its new row, or ``row`` if it cannot move."""
        target = row + offset
        if not (0 <= row < len(self.rows) and 0 <= target < len(self.rows)):
            return row
        destination = target if offset < 0 else target + 1
        return target if self.moveRows(QModelIndex(), row, 1, QModelIndex(), destination) else row

    # ------------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime = QMimeData()
        mime.setData(ROWS_MIME, QByteArray(json.dumps({"model": id(self), "rows": rows}).encode()))
        return mime

    def dragged_rows(self, data: QMimeData) -> list[int] | None:
        """The contiguous rows of this model a drag carries, else ``None``."""
        if not data.hasFormat(ROWS_MIME):
            return None
        try:
            payload = json.loads(bytes(data.data(ROWS_MIME).data()).decode())
        except ValueError:
            return None
        rows = payload.get("rows") if isinstance(payload, dict) else None
        if payload.get("model") != id(self) or not isinstance(rows, list) or not rows:
            return None
        if rows != list(range(rows[0], rows[0] + len(rows))) or rows[-1] >= len(self.rows) or rows[0] < 0:
            return None
        return rows

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self.dragged_rows(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged rows to ``row`` (dropped on a row: before it; -1: the end)."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        rows = self.dragged_rows(data) if action == Qt.DropAction.MoveAction else None
        if rows is None:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        if rows[0] <= row <= rows[-1] + 1:
            return True  # dropped where they already are
        return self.moveRows(QModelIndex(), rows[0], len(rows), QModelIndex(), row)


class StepsModel(RowsModel):
    """A card's ordered steps: what to do, and which post does it."""

    ACTION, RESPONSIBLE = range(2)
    EMPTY = ("", "")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Action"), self.tr("Responsible post")]

    def set_steps(self, steps: Iterable[CardStepData]) -> None:
        self.set_rows((step.action, step.responsible) for step in steps)

    def steps(self) -> tuple[CardStepData, ...]:
        return tuple(CardStepData(str(action), str(responsible)) for action, responsible in self.rows)


class ContactsModel(RowsModel):
    """A card's contacts: name, phone, and whether it is outside the unit."""

    NAME, PHONE, EXTERNAL = range(3)
    EMPTY = ("", "", False)
    CHECK_COLUMNS = frozenset({2})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Name"), self.tr("Phone"), self.tr("External")]

    def set_contacts(self, contacts: Iterable[CardContactData]) -> None:
        self.set_rows((c.name, c.phone, c.external) for c in contacts)

    def contacts(self) -> tuple[CardContactData, ...]:
        return tuple(CardContactData(str(name), str(phone), bool(ext)) for name, phone, ext in self.rows)

    def add_missing(self, contacts: Iterable[CardContactData]) -> int:
        """Append the contacts whose phone number is not listed yet; how many were added."""
        phones = {str(row[self.PHONE]).strip() for row in self.rows}
        new = [c for c in contacts if c.phone.strip() not in phones]
        if new:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            self.rows.extend([c.name, c.phone, c.external] for c in new)
            self.endInsertRows()
        return len(new)
