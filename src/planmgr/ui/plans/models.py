"""Item models of the plan page and its dialogs: result list, event types, revision
triggers, versions, evaluations. Each holds plain service data; none queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from planmgr.domain.enums import EventType, PlanCategory, PlanStatus, UnitKind
from planmgr.domain.i18n import paren
from planmgr.domain.triggers import TRIGGERS_BY_ID, RevisionTrigger
from planmgr.services.plan_queries import PlanRow, SearchResult
from planmgr.services.plans import EvaluationSummary, VersionSummary
from planmgr.ui import theme
from planmgr.ui.texts import enum_text

ModelIndex = QModelIndex | QPersistentModelIndex
UID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


class _Table(QAbstractTableModel):
    """A read-only table of plain rows; subclasses say what each cell shows."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _READ_ONLY if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == UID_ROLE:
            return getattr(row, "uid", None)
        return self.cell(row, index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError


# --------------------------------------------------------------------------- plan list

TITLE, CATEGORY, STATUS, OWNER, VERSION, MATCH = range(6)


class PlanListModel(_Table):
    """Plans found by the filters or the search box (a flat list in place of the tree)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Plan name"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Owner unit"),
            self.tr("Version"),
            self.tr("Found in"),
        )

    def set_plans(self, rows: Sequence[PlanRow]) -> None:
        self.set_rows([SearchResult(row, "", None) for row in rows])

    def set_results(self, results: Sequence[SearchResult]) -> None:
        self.set_rows(results)

    def uid_at(self, row: int) -> str:
        return str(self._rows[row].row.uid)

    def row_of_uid(self, uid: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.row.uid == uid), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == UID_ROLE and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()].row.uid
        return super().data(index, role)

    def _match(self, result: SearchResult) -> str:
        if result.card_title:
            return self.tr("Handling card “{card}”: {text}").format(
                card=result.card_title, text=result.snippet
            )
        return result.snippet

    def cell(self, result: SearchResult, column: int, role: int) -> Any:
        row = result.row
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                row.title,
                enum_text(PlanCategory, row.category, row.category_label),
                enum_text(PlanStatus, row.status, row.status_label),
                row.owner_unit_name,
                row.version_label or self.tr("unpublished"),
                self._match(result),
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STATUS:
                return theme.plan_status_colour(row.status)
            if column in (VERSION, MATCH) and (column == MATCH or not row.version_label):
                return QColor(theme.NEUTRAL)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TITLE and row.parent_title:
                return self.tr("{title}\nunder: {parent}").format(title=row.title, parent=row.parent_title)
            if column == MATCH:
                return self._match(result)
        return None


# --------------------------------------------------------------------------- units


@dataclass(frozen=True)
class UnitChoice:
    """A unit to pick (owner of a plan, unit filter); ``uid`` None: “all units”."""

    uid: str | None
    name: str
    kind: UnitKind | None = None
    parent_name: str | None = None


class UnitChoiceModel(QAbstractListModel):
    """Units for a combo box: one model call instead of thousands of ``addItem`` calls
    (a county database has 5,000 units)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._units: list[UnitChoice] = []

    def set_units(self, units: Sequence[UnitChoice]) -> None:
        self.beginResetModel()
        self._units = list(units)
        self.endResetModel()

    def add(self, unit: UnitChoice) -> int:
        row = len(self._units)
        self.beginInsertRows(QModelIndex(), row, row)
        self._units.append(unit)
        self.endInsertRows()
        return row

    def unit_at(self, row: int) -> UnitChoice:
        return self._units[row]

    def row_of(self, uid: str | None) -> int:
        return next((i for i, u in enumerate(self._units) if u.uid == uid), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._units)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _READ_ONLY if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        unit = self._units[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return unit.name
        if role == Qt.ItemDataRole.UserRole:
            return unit.uid
        if role == Qt.ItemDataRole.ToolTipRole and unit.kind is not None:
            return unit.kind.text + (f" · {unit.parent_name}" if unit.parent_name else "")
        return None


# --------------------------------------------------------------------------- event types


class EventTypesModel(QAbstractListModel):
    """The event taxonomy as a checkable list (a plan covers one or more event types)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._types = list(EventType)
        self._checked: set[str] = set()
        self._unknown: list[str] = []  # ids written by a newer version: kept as they are

    def set_checked(self, values: Sequence[str]) -> None:
        self.beginResetModel()
        known = {t.value for t in self._types}
        self._checked = {v for v in values if v in known}
        self._unknown = [v for v in values if v not in known]
        self.endResetModel()

    def checked(self) -> list[str]:
        return [t.value for t in self._types if t.value in self._checked] + self._unknown

    def labels(self) -> list[str]:
        """The checked event types in the interface language."""
        return [t.text for t in self._types if t.value in self._checked]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._types)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._types)):
            return None
        member = self._types[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return member.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if member.value in self._checked else Qt.CheckState.Unchecked
        if role == UID_ROLE:
            return member.value
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        member = self._types[index.row()]
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        if state == Qt.CheckState.Checked:
            self._checked.add(member.value)
        else:
            self._checked.discard(member.value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


# --------------------------------------------------------------------------- triggers


class TriggerModel(_Table):
    """Revision triggers (reference data) with the article each comes from."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Reason for revision"), self.tr("Source"))

    def cell(self, trigger: RevisionTrigger, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return trigger.text if column == 0 else trigger.source_text
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QColor(theme.NEUTRAL)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == UID_ROLE and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()].id
        return super().data(index, role)

    def row_of_id(self, trigger_id: str | None) -> int:
        return next((i for i, t in enumerate(self._rows) if t.id == trigger_id), -1)


def trigger_short(trigger_id: str | None) -> str:
    """A trigger as a list shows it (without its source); unknown ids as stored."""
    trigger = TRIGGERS_BY_ID.get(trigger_id or "")
    return trigger.text if trigger else (trigger_id or "")


def trigger_text(trigger_id: str | None) -> str:
    """A trigger as people read it: its label and source; unknown ids as stored."""
    if not trigger_id:
        return ""
    trigger = TRIGGERS_BY_ID.get(trigger_id)
    if trigger is None:
        return trigger_id
    return paren(trigger.text, trigger.source_text)


# --------------------------------------------------------------------------- versions


@dataclass(frozen=True)
class VersionChoice:
    """A version to compare: a published one, or the working text (``uid`` empty)."""

    uid: str
    label: str
    version: VersionSummary | None


class VersionsModel(_Table):
    """A plan's published versions, oldest first, then its working text if it differs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Version"),
            self.tr("Published"),
            self.tr("Document number"),
            self.tr("Approved by"),
            self.tr("Reason for revision"),
            self.tr("Major"),
            self.tr("Summary of changes"),
        )

    def cell(self, choice: VersionChoice, column: int, role: int) -> Any:
        version = choice.version
        if role == Qt.ItemDataRole.DisplayRole:
            if version is None:
                return choice.label if column == 0 else ""
            values = (
                version.label,
                day(version.published_date),
                version.doc_number or "",
                version.approver or "",
                trigger_short(version.revision_trigger),
                self.tr("yes") if version.major else "",
                version.change_summary or "",
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and version is not None and column in (4, 6):
            return trigger_text(version.revision_trigger) if column == 4 else version.change_summary
        if role == Qt.ItemDataRole.ForegroundRole and version is None:
            return QColor(theme.DUE_SOON)
        if role == Qt.ItemDataRole.FontRole and version is not None and version.major and column == 5:
            font = QFont()
            font.setBold(True)
            return font
        return None


# --------------------------------------------------------------------------- evaluations


class EvaluationsModel(_Table):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Date"),
            self.tr("Method"),
            self.tr("Conclusion"),
            self.tr("Evaluators"),
            self.tr("Findings"),
        )

    def cell(self, evaluation: EvaluationSummary, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                day(evaluation.eval_date),
                evaluation.method.text,
                evaluation.conclusion.text,
                evaluation.evaluators or "",
                evaluation.findings or "",
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            colours = {"keep": theme.OK, "revise": theme.DUE_SOON, "abolish": theme.OVERDUE}
            return QColor(colours.get(evaluation.conclusion.value, theme.NEUTRAL))
        return None
