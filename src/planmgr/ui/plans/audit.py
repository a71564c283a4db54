"""The audit trail of one plan (its own rows, its versions, its evaluations), read-only:
who changed what and when, with stored values shown as people read them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planmgr.domain.content import SECTIONS, section_lines, section_text
from planmgr.domain.enums import (
    AuditAction,
    EvaluationConclusion,
    EvaluationMethod,
    EventType,
    LabelledEnum,
    PlanCategory,
    PlanStatus,
)
from planmgr.domain.i18n import colon, join, semicolons
from planmgr.services.plans import AuditRow
from planmgr.ui import theme
from planmgr.ui.plans.models import trigger_text
from planmgr.ui.plans.sizing import settle_size
from planmgr.ui.texts import enum_text

ModelIndex = QModelIndex | QPersistentModelIndex

# Columns nobody reads in an audit trail (keys, the search index's business).
_HIDDEN_FIELDS = {"id", "uid", "plan_id", "owner_unit_id"}

_ENUM_FIELDS: dict[str, type[LabelledEnum]] = {
    "status": PlanStatus,
    "category": PlanCategory,
    "method": EvaluationMethod,
    "conclusion": EvaluationConclusion,
}


def field_label(field: str) -> str:
    labels = {
        "title": QCoreApplication.translate("PlanAudit", "plan name"),
        "category": QCoreApplication.translate("PlanAudit", "category"),
        "status": QCoreApplication.translate("PlanAudit", "status"),
        "event_types": QCoreApplication.translate("PlanAudit", "event types"),
        "parent_id": QCoreApplication.translate("PlanAudit", "parent plan"),
        "current_version_id": QCoreApplication.translate("PlanAudit", "version in force"),
        "content": QCoreApplication.translate("PlanAudit", "content"),
        "note": QCoreApplication.translate("PlanAudit", "note"),
        "pending_trigger": QCoreApplication.translate("PlanAudit", "reason for revision"),
        "revision_trigger": QCoreApplication.translate("PlanAudit", "reason for revision"),
        "deleted_at": QCoreApplication.translate("PlanAudit", "deleted"),
        "label": QCoreApplication.translate("PlanAudit", "version label"),
        "issued_date": QCoreApplication.translate("PlanAudit", "issued on"),
        "published_date": QCoreApplication.translate("PlanAudit", "published on"),
        "doc_number": QCoreApplication.translate("PlanAudit", "document number"),
        "approver": QCoreApplication.translate("PlanAudit", "approved by"),
        "major": QCoreApplication.translate("PlanAudit", "major revision"),
        "change_summary": QCoreApplication.translate("PlanAudit", "summary of changes"),
        "eval_date": QCoreApplication.translate("PlanAudit", "evaluation date"),
        "evaluators": QCoreApplication.translate("PlanAudit", "evaluators"),
        "method": QCoreApplication.translate("PlanAudit", "method"),
        "conclusion": QCoreApplication.translate("PlanAudit", "conclusion"),
        "findings": QCoreApplication.translate("PlanAudit", "findings"),
    }
    return labels.get(field, field)


def table_label(table: str) -> str:
    labels = {
        "plan": QCoreApplication.translate("PlanAudit", "plan"),
        "plan_version": QCoreApplication.translate("PlanAudit", "version"),
        "evaluation": QCoreApplication.translate("PlanAudit", "evaluation"),
    }
    return labels.get(table, table)


def value_text(field: str, value: Any) -> str:
    """A stored value as people read it (labels for enum ids, 是/否, section names)."""
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("PlanAudit", "(empty)")
    if field in _ENUM_FIELDS:
        try:
            return str(_ENUM_FIELDS[field](value).text)
        except ValueError:
            return str(value)
    if field == "event_types" and isinstance(value, list):
        return join(enum_text(EventType, str(item)) for item in value)
    if field in ("pending_trigger", "revision_trigger"):
        return trigger_text(str(value))
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("PlanAudit", "yes")
            if value
            else QCoreApplication.translate("PlanAudit", "no")
        )
    if field == "content" and isinstance(value, dict):
        filled = [section_text(k) for k in SECTIONS if section_lines(value, k)]
        return QCoreApplication.translate("PlanAudit", "sections: {sections}").format(
            sections=join(filled) or QCoreApplication.translate("PlanAudit", "none")
        )
    if isinstance(value, dict | list):
        return QCoreApplication.translate("PlanAudit", "(structured data)")
    return str(value)


def change_lines(action: str, changes: dict[str, Any]) -> list[str]:
    """One line per changed field: ``label: old → new`` (updates) or ``label: value``."""
    lines = []
    for field, value in changes.items():
        if field in _HIDDEN_FIELDS:
            continue
        label = field_label(field)
        if action == "update" and isinstance(value, list) and len(value) == 2:
            old, new = value
            if field == "content" and isinstance(old, dict) and isinstance(new, dict):
                changed = [
                    section_text(k) for k in SECTIONS if section_lines(old, k) != section_lines(new, k)
                ]
                lines.append(
                    QCoreApplication.translate("PlanAudit", "{field}: changed in {sections}").format(
                        field=label,
                        sections=join(changed) or QCoreApplication.translate("PlanAudit", "layout only"),
                    )
                )
            elif field in ("parent_id", "current_version_id"):
                lines.append(QCoreApplication.translate("PlanAudit", "{field}: changed").format(field=label))
            else:
                lines.append(colon(label, f"{value_text(field, old)} → {value_text(field, new)}"))
        else:
            lines.append(colon(label, value_text(field, value)))
    return lines


def local_time(stamp: str) -> str:
    """The service's UTC ``YYYY-MM-DD HH:MM:SS`` in this computer's time zone."""
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


WHEN, WHO, WHAT, ACTION, CHANGES = range(5)


class AuditModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            self.tr("Time"),
            self.tr("User"),
            self.tr("Record"),
            self.tr("Action"),
            self.tr("Changes"),
        )
        self._rows: list[AuditRow] = []
        self._lines: list[list[str]] = []

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._lines = [change_lines(r.action, r.changes) for r in self._rows]
        self.endResetModel()

    def lines(self, row: int) -> list[str]:
        return list(self._lines[row])

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN:
                return local_time(row.at)
            if column == WHO:
                return row.os_user
            if column == WHAT:
                return table_label(row.table)
            if column == ACTION:
                try:
                    return AuditAction(row.action).text
                except ValueError:
                    return row.action
            return semicolons(self._lines[index.row()])
        if role == Qt.ItemDataRole.ToolTipRole and column == CHANGES:
            return "\n".join(self._lines[index.row()])
        if role == Qt.ItemDataRole.ForegroundRole and column in (WHEN, WHO):
            return QColor(theme.NEUTRAL)
        return None


class AuditTrailDialog(QDialog):
    """Read-only: every change of the plan, its versions and evaluations, newest first."""

    def __init__(self, title: str, rows: Sequence[AuditRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail of “{title}”").format(title=title))
        self.model = AuditModel(self)
        self.model.set_rows(rows)
        self.view = QTableView()
        self.view.setObjectName("audit")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in (WHEN, WHO, WHAT, ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHANGES, QHeaderView.ResizeMode.Stretch)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select a row to see every field it changed."))
        if rows:
            text = self.tr(
                "{count} changes. The trail is written by the program itself and cannot be edited."
            )
        else:
            text = self.tr(
                "No change of this plan is recorded yet. Plans loaded in bulk (demo data, ledger "
                "imports) are recorded as one import, not plan by plan; every later change shows here."
            )
        note = QLabel(text.format(count=len(rows)))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {theme.NEUTRAL};")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setSizes([380, 120])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        settle_size(self, 980, 560)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        if rows:
            self.view.selectRow(0)

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.details.setPlainText("\n".join(self.model.lines(current.row())) if current.isValid() else "")
