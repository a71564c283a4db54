"""Models of the evaluation: the score sheet of one drill and the items of a template."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planmgr.services.drill_evaluation import (
    ITEM_KINDS,
    SCALE5,
    YES_NO,
    ScoreItem,
    ScoreSection,
    ScoreTemplate,
    value_text,
)
from planmgr.ui import theme
from planmgr.ui.drills.models import ITEM_ROLE
from planmgr.ui.drills.table_base import ListTableModel

ModelIndex = QModelIndex | QPersistentModelIndex
ScoreValue = bool | int | None

# What each kind of item can be given, in the order the editor offers it.
CHOICES: dict[str, list[ScoreValue]] = {YES_NO: [None, True, False], SCALE5: [None, 5, 4, 3, 2, 1]}

_EDITABLE = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemNeverHasChildren
)


class ScoreModel(ListTableModel):
    """One row per score item; the last column holds the score and is editable."""

    SECTION, ITEM, KIND, WEIGHT, SCORE = range(5)
    scores_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        headers = (
            self.tr("Topic"),
            self.tr("Item"),
            self.tr("Scored as"),
            self.tr("Weight"),
            self.tr("Score"),
        )
        super().__init__(headers, parent)
        self.template: ScoreTemplate | None = None
        self._scores: dict[str, ScoreValue] = {}
        self.read_only = False

    def set_template(self, template: ScoreTemplate, scores: dict[str, ScoreValue] | None = None) -> None:
        """Show ``template``; scores of items it shares with the previous sheet are kept."""
        kept = self._scores if scores is None else scores
        self.template = template
        rows = [(section.title, item) for section in template.sections for item in section.items]
        self._scores = {i.key: kept.get(i.key) for _, i in rows if self._fits(i, kept.get(i.key))}
        self.set_items(rows)
        self.scores_changed.emit()

    @staticmethod
    def _fits(item: ScoreItem, value: object) -> bool:
        if value is None:
            return True
        if item.kind == YES_NO:
            return isinstance(value, bool)
        return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5

    def scores(self) -> dict[str, ScoreValue]:
        return {item.key: self._scores.get(item.key) for _, item in self._items}

    def set_score(self, key: str, value: ScoreValue) -> bool:
        for row, (_, item) in enumerate(self._items):
            if item.key == key:
                return self.setData(self.index(row, self.SCORE), value, Qt.ItemDataRole.EditRole)
        return False

    def cell(self, row: tuple[str, ScoreItem], column: int) -> str:
        section, item = row
        if column == self.SECTION:
            return section
        if column == self.ITEM:
            return item.text
        if column == self.KIND:
            return ITEM_KINDS.get(item.kind, item.kind)
        if column == self.WEIGHT:
            return f"{item.weight:g}"
        return value_text(item.kind, self._scores.get(item.key))

    def foreground(self, row: tuple[str, ScoreItem], column: int) -> str | None:
        if column == self.SCORE and self._scores.get(row[1].key) is None:
            return theme.NEUTRAL
        return None

    def tooltip(self, row: tuple[str, ScoreItem], column: int) -> str | None:
        return row[1].text if column == self.ITEM else None

    def item_flags(self, row: tuple[str, ScoreItem], column: int) -> Qt.ItemFlag:
        if column == self.SCORE and not self.read_only:
            return _EDITABLE
        return super().item_flags(row, column)

    def edit_data(self, row: tuple[str, ScoreItem], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole and column == self.SCORE:
            return self._scores.get(row[1].key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.WEIGHT, self.SCORE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.SCORE:
            return False
        _, item = self._items[index.row()]
        if not self._fits(item, value):
            return False
        self._scores[item.key] = value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.scores_changed.emit()
        return True


class ScoreDelegate(QStyledItemDelegate):
    """A drop-down of 是/否 or 1–5 (and 不适用) for the score column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        combo = QComboBox(parent)
        row = index.data(ITEM_ROLE)
        kind = row[1].kind if row else SCALE5
        for value in CHOICES.get(kind, [None]):
            combo.addItem(value_text(kind, value), value)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        for i in range(editor.count()):
            choice = editor.itemData(i)
            if choice == value and isinstance(choice, bool) == isinstance(value, bool):
                editor.setCurrentIndex(i)
                return

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


@dataclass
class _Row:
    section: str
    key: str
    text: str
    kind: str
    weight: float


class TemplateItemsModel(ListTableModel):
    """The items of a template being edited: topic, text, how it is scored, weight."""

    SECTION, TEXT, KIND, WEIGHT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((self.tr("Topic"), self.tr("Item"), self.tr("Scored as"), self.tr("Weight")), parent)

    def load(self, template: ScoreTemplate) -> None:
        self.set_items(
            [_Row(s.title, i.key, i.text, i.kind, i.weight) for s in template.sections for i in s.items]
        )

    def sections_of(
        self, template_key: str, name: str, source: str, grades: tuple[tuple[float, str], ...]
    ) -> ScoreTemplate:
        """The template as edited: items grouped by topic in the order the topics first appear."""
        order: list[str] = []
        grouped: dict[str, list[ScoreItem]] = {}
        for row in self._items:
            if row.section not in grouped:
                order.append(row.section)
                grouped[row.section] = []
            grouped[row.section].append(ScoreItem(row.key, row.text, row.kind, row.weight))
        sections = tuple(ScoreSection(title, tuple(grouped[title])) for title in order)
        return ScoreTemplate(template_key, name, source, sections, grades)

    def add_item(self, section: str, text: str = "") -> int:
        keys = {row.key for row in self._items}
        n = len(self._items) + 1
        while f"item{n}" in keys:
            n += 1
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(_Row(section, f"item{n}", text, SCALE5, 1.0))
        self.endInsertRows()
        return row

    def remove_item(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()

    def cell(self, row: _Row, column: int) -> str:
        if column == self.SECTION:
            return row.section
        if column == self.TEXT:
            return row.text
        if column == self.KIND:
            return ITEM_KINDS.get(row.kind, row.kind)
        return f"{row.weight:g}"

    def item_flags(self, row: _Row, column: int) -> Qt.ItemFlag:
        return _EDITABLE

    def edit_data(self, row: _Row, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.EditRole:
            return None
        return (row.section, row.text, row.kind, row.weight)[column]

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row: _Row = self._items[index.row()]
        column = index.column()
        if column == self.SECTION:
            row.section = " ".join(str(value).split())
        elif column == self.TEXT:
            row.text = " ".join(str(value).split())
        elif column == self.KIND:
            if value not in ITEM_KINDS:
                return False
            row.kind = str(value)
        else:
            try:
                row.weight = float(value)
            except (TypeError, ValueError):
                return False
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True


class KindDelegate(QStyledItemDelegate):
    """A drop-down of 是/否 and 1–5 分 for the "scored as" column of a template."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for kind, label in ITEM_KINDS.items():
            combo.addItem(label, kind)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
