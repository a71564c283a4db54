"""Editors of the structured content: 适用范围 as text, every other section as its own
table with add / remove / move buttons (domain.content: SECTIONS, SECTION_COLUMNS)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planmgr.domain.content import MAJOR_SECTIONS, section_text
from planmgr.ui import theme
from planmgr.ui.plans.section_models import SectionTableModel

# Columns that take the spare width (long text); the others keep a fixed width.
WIDE_COLUMNS: dict[str, tuple[str, ...]] = {
    "grading": ("criteria",),
    "response_levels": ("condition", "lead"),
    "work_groups": ("members", "duties"),
    "procedure": ("action",),
    "contacts": ("name",),
    "resources": ("name", "location"),
}


class SectionEditor(QWidget):
    """One table-like section: the rows, and buttons to add, remove and reorder them."""

    edited = Signal()

    def __init__(self, key: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.model = SectionTableModel(key, self)
        self.model.edited.connect(self.edited)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.view = QTableView()
        self.view.setObjectName(f"section-{key}")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.view.horizontalHeader()
        wide = WIDE_COLUMNS.get(key, tuple(self.model.keys))
        for column, name in enumerate(self.model.keys):
            if name in wide:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, 130)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.add_button = QPushButton(theme.icon("plus"), self.tr("Add row"))
        self.remove_button = QPushButton(theme.icon("minus"), self.tr("Remove"))
        self.up_button = QPushButton(theme.icon("arrow-up"), self.tr("Move up"))
        self.down_button = QPushButton(theme.icon("arrow-down"), self.tr("Move down"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        current = self.view.currentIndex()
        return current.row() if current.isValid() else -1

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def add_row(self) -> int:
        selected = self.selected_row()
        row = self.model.insert_row(selected + 1 if selected >= 0 else None)
        self._select(row)
        self.view.setFocus()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.selected_row() >= 0:
            rows = [self.selected_row()]
        self.model.remove_rows(rows)
        if self.model.rowCount():
            self._select(min(rows[0] if rows else 0, self.model.rowCount() - 1))
        self._update_buttons()

    def move_selected(self, delta: int) -> None:
        row = self.selected_row()
        if row >= 0:
            self._select(self.model.move_row(row, delta))

    def set_read_only(self, read_only: bool) -> None:
        self.model.set_read_only(read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        writable = not self.model.read_only
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and row >= 0)
        self.up_button.setEnabled(writable and row > 0)
        self.down_button.setEnabled(writable and 0 <= row < self.model.rowCount() - 1)


class ContentEditor(QWidget):
    """Every section of a plan's structured content; ``pages`` are shown one at a time
    by the plan editor (a section list on its left)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: dict[str, Any] = {}
        self.scope = QPlainTextEdit()
        self.scope.setObjectName("section-scope")
        self.scope.setPlaceholderText(
            self.tr("Where and to which events this plan applies, e.g. events in the town's area …")
        )
        self.scope.textChanged.connect(self.edited)
        hints = {
            "grading": self.tr(
                "Event grades (particularly serious, grade I … ordinary, grade IV) and their criteria. "
                "Keep them apart from the response levels (GB/T 29639-2020 §6.1.2)."
            ),
            "response_levels": self.tr(
                "Response levels (level 1 is the highest), when each starts and who leads it."
            ),
            "work_groups": self.tr(
                "The command structure: each work group, who leads it, its members and duties."
            ),
            "procedure": self.tr(
                "The response steps in order, who does each and its time limit (e.g. within 30 min). "
                "Use the buttons to change the order."
            ),
            "measures": self.tr("The main handling measures, one per row."),
            "precautions": self.tr("What responders must watch out for, one per row."),
            "contacts": self.tr("Who to call: unit or person, role, phone number."),
            "resources": self.tr(
                "Emergency resources: name, quantity, where they are stored, who keeps them."
            ),
        }
        self.sections: dict[str, SectionEditor] = {}
        for key, hint in hints.items():
            editor = SectionEditor(key, hint)
            editor.edited.connect(self.edited)
            self.sections[key] = editor
        scope_page = QWidget()
        scope_layout = QVBoxLayout(scope_page)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        scope_hint = QLabel(self.tr("The area, events and situations this plan covers."))
        scope_hint.setStyleSheet(f"color: {theme.NEUTRAL};")
        scope_layout.addWidget(scope_hint)
        scope_layout.addWidget(self.scope, 1)
        self.pages: dict[str, QWidget] = {"scope": scope_page, **self.sections}

    @staticmethod
    def section_title(key: str) -> str:
        title = section_text(key)
        return f"{title} ★" if key in MAJOR_SECTIONS else title

    def load(self, content: dict[str, Any]) -> None:
        self._original = dict(content)
        scope = content.get("scope") or ""
        self.scope.blockSignals(True)
        self.scope.setPlainText(scope if isinstance(scope, str) else "\n".join(map(str, scope)))
        self.scope.blockSignals(False)
        for key, editor in self.sections.items():
            editor.model.load(content.get(key))

    def content(self) -> dict[str, Any]:
        """The edited content; keys this editor does not know are kept as they were."""
        result = dict(self._original)
        scope = self.scope.toPlainText().strip()
        result["scope"] = scope
        for key, editor in self.sections.items():
            result[key] = editor.model.content()
        return {k: v for k, v in result.items() if v not in ("", [], None) or k in self._original}

    def set_read_only(self, read_only: bool) -> None:
        self.scope.setReadOnly(read_only)
        for editor in self.sections.values():
            editor.set_read_only(read_only)
