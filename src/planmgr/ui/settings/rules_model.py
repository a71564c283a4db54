"""The rule table with this database's overrides, editable (cycle or deadline, on/off).

Edits stay in the model (``pending``) until the page saves them through ``ops``; a row
whose value differs from the rule's default (DOMAIN.md §3) is shown in bold, an unsaved
edit in the accent colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planmgr.domain.rules import DEFAULT_RULES, MAX_DEADLINE_WORKDAYS, MAX_INTERVAL_MONTHS, DueKind, Rule
from planmgr.services.region_rules import RuleSetting
from planmgr.ui import theme

ModelIndex = QModelIndex | QPersistentModelIndex

TITLE, KIND, DEFAULT, VALUE, ENABLED, SOURCE = range(6)
_BASE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass
class RuleChange:
    """What the user changed on one rule (``reset``: back to the default)."""

    value: int | None = None
    enabled: bool | None = None
    reset: bool = False


class RuleTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rules: list[RuleSetting] = []
        self.pending: dict[str, RuleChange] = {}
        self.headers = (
            self.tr("Rule"),
            self.tr("What"),
            self.tr("Default"),
            self.tr("In this database"),
            self.tr("On"),
            self.tr("Source"),
        )
        self._accent = QColor(theme.ACCENT)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rules(self, rules: Sequence[RuleSetting]) -> None:
        self.beginResetModel()
        self.rules = list(rules)
        self.pending = {}
        self.endResetModel()

    # ------------------------------------------------------------------ values

    @staticmethod
    def _stored(rule: Rule) -> int | None:
        return rule.interval_months if rule.interval_months is not None else rule.deadline_workdays

    def value(self, row: int) -> int | None:
        setting = self.rules[row]
        change = self.pending.get(setting.default.id)
        if change is not None and change.reset:
            return self._stored(setting.default)
        if change is not None and change.value is not None:
            return change.value
        return self._stored(setting.effective)

    def enabled(self, row: int) -> bool:
        setting = self.rules[row]
        change = self.pending.get(setting.default.id)
        if change is not None and change.reset:
            return setting.default.enabled
        if change is not None and change.enabled is not None:
            return change.enabled
        return setting.effective.enabled

    def period(self, rule: Rule, value: int | None) -> str:
        """How a value of ``rule`` reads: every n months, or within n working days."""
        if value is None:
            return rule.period_text
        if rule.interval_months is not None:
            return self.tr("Every {n} months").format(n=value)
        return self.tr("Within {n} working days").format(n=value)

    def longest_texts(self) -> dict[int, list[str]]:
        """The longest texts of the short columns (kind, default, value) in the interface
        language, to size them: the English is longer than the Chinese."""
        periods = [rule.period_text for rule in DEFAULT_RULES]
        periods += [self.period(rule, 99) for rule in DEFAULT_RULES if self._stored(rule) is not None]
        return {KIND: DueKind.texts(), DEFAULT: periods, VALUE: periods}

    def differs(self, row: int) -> bool:
        default = self.rules[row].default
        return self.value(row) != self._stored(default) or self.enabled(row) != default.enabled

    def row_of(self, rule_id: str) -> int:
        return next(i for i, s in enumerate(self.rules) if s.default.id == rule_id)

    def reset(self, row: int) -> None:
        """Back to the default of DOMAIN.md §3 (saved with the other edits)."""
        self.pending[self.rules[row].default.id] = RuleChange(reset=True)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # ------------------------------------------------------------------ model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rules)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        return self.headers[section] if horizontal and 0 <= section < len(self.headers) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        rule = self.rules[index.row()].default
        if index.column() == VALUE and self._stored(rule) is not None:
            return _BASE | Qt.ItemFlag.ItemIsEditable
        if index.column() == ENABLED:
            return _BASE | Qt.ItemFlag.ItemIsUserCheckable
        return _BASE

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rules):
            return None
        row, column = index.row(), index.column()
        setting = self.rules[row]
        rule = setting.default
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return rule.title_text
            if column == KIND:
                return rule.kind.text
            if column == DEFAULT:
                return self.period(rule, self._stored(rule))
            if column == VALUE:
                return self.period(rule, self.value(row))
            if column == SOURCE:
                return rule.source_text
            return None
        if role == Qt.ItemDataRole.EditRole and column == VALUE:
            return self.value(row)
        if role == Qt.ItemDataRole.CheckStateRole and column == ENABLED:
            return Qt.CheckState.Checked if self.enabled(row) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and column in (VALUE, ENABLED) and self.differs(row):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and column == VALUE and rule.id in self.pending:
            return self._accent
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Default: {period}, counted from: {anchor}\nSource: {source}").format(
                period=rule.period_text, anchor=rule.anchor.text, source=rule.source_text
            )
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        ):
            return False
        row, column = index.row(), index.column()
        rule_id = self.rules[row].default.id
        change = self.pending.get(rule_id)
        if change is None:
            change = RuleChange()
        elif change.reset:  # edited after a reset: the other values are the defaults
            default = self.rules[row].default
            change = RuleChange(value=self._stored(default), enabled=default.enabled)
        if column == VALUE and role == Qt.ItemDataRole.EditRole:
            try:
                number = int(value)
            except (TypeError, ValueError):
                return False
            if number < 1:
                return False
            change.value = number
        elif column == ENABLED and role == Qt.ItemDataRole.CheckStateRole:
            change.enabled = Qt.CheckState(value) == Qt.CheckState.Checked
        else:
            return False
        self.pending[rule_id] = change
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True


class PeriodDelegate(QStyledItemDelegate):
    """A spin box for a rule's months or working days, within what the rule table allows."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        model = index.model()
        editor = QSpinBox(parent)
        editor.setFrame(False)
        maximum = MAX_INTERVAL_MONTHS
        if isinstance(model, RuleTableModel) and model.rules[index.row()].default.interval_months is None:
            maximum = MAX_DEADLINE_WORKDAYS
        editor.setRange(1, maximum)
        return editor
