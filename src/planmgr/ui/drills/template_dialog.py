"""Editing the evaluation templates (``drill_evaluation`` template functions).

Evaluations already recorded keep the template they were made with; a change applies to
evaluations made from now on.
"""

from __future__ import annotations

import re
import uuid
from functools import partial

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain.i18n import semicolons
from planmgr.services import drill_evaluation
from planmgr.services.drill_evaluation import DEFAULT_GRADES, ScoreTemplate
from planmgr.ui import dialogs, theme
from planmgr.ui.drills.evaluation_models import KindDelegate, TemplateItemsModel
from planmgr.ui.ops import OpRunner


def grades_text(grades: tuple[tuple[float, str], ...] | list[tuple[float, str]]) -> str:
    return semicolons(f"{floor:g} {label}" for floor, label in grades)


def parse_grades(text: str) -> tuple[tuple[float, str], ...] | None:
    """Grade bands from ``90 优秀；75 良好；60 合格；0 不合格``; ``None`` if a part is unreadable."""
    bands: list[tuple[float, str]] = []
    for part in re.split(r"[;；,，\n]+", text):
        part = part.strip()
        if not part:
            continue
        match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:分)?\s*(\S.*)", part)
        if match is None:
            return None
        bands.append((float(match.group(1)), match.group(2).strip()))
    return tuple(bands) if bands else None


class TemplateDialog(QDialog):
    """Pick a template on the left, edit its items on the right, save through ``ops``."""

    templates_changed = Signal()

    def __init__(self, engine: Engine, ops: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.ops = ops
        self.setWindowTitle(self.tr("Evaluation templates"))
        self.resize(980, 600)
        self.setMinimumSize(800, 480)
        self.templates: list[ScoreTemplate] = []
        self.current: ScoreTemplate | None = None

        self.names = QStringListModel(self)
        self.list = QListView()
        self.list.setModel(self.names)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMaximumWidth(220)
        self.new_button = QPushButton(theme.icon("plus"), self.tr("New template"))
        self.delete_button = QPushButton(theme.icon("delete-outline"), self.tr("Delete"))
        self.reset_button = QPushButton(theme.icon("restore"), self.tr("Restore defaults"))
        self.new_button.clicked.connect(self.new_template)
        self.delete_button.clicked.connect(self.delete_template)
        self.reset_button.clicked.connect(self.reset_templates)

        self.name = QLineEdit()
        self.source = QLineEdit()
        self.grades = QLineEdit()
        self.grades.setToolTip(self.tr("From the highest band down; the lowest starts at 0."))
        self.items = TemplateItemsModel(self)
        self.view = QTableView()
        self.view.setModel(self.items)
        self.view.setItemDelegateForColumn(TemplateItemsModel.KIND, KindDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TemplateItemsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(TemplateItemsModel.SECTION, 150)
        self.add_item_button = QPushButton(theme.icon("plus"), self.tr("Add item"))
        self.remove_item_button = QPushButton(theme.icon("delete-outline"), self.tr("Remove item"))
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_item_button.clicked.connect(self.remove_item)
        self.save_button = QPushButton(theme.icon("content-save-outline"), self.tr("Save template"))
        self.save_button.clicked.connect(self.save)
        note = QLabel(
            self.tr(
                "Double-click a cell to change it. Items are scored yes/no or 1–5; evaluations already "
                "recorded keep the template they were made with."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {theme.NEUTRAL};")

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        left.addWidget(self.delete_button)
        left.addWidget(self.reset_button)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Based on"), self.source)
        form.addRow(self.tr("Grades"), self.grades)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.add_item_button)
        item_buttons.addWidget(self.remove_item_button)
        item_buttons.addStretch(1)
        item_buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.view, 1)
        right.addLayout(item_buttons)
        right.addWidget(note)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.list.selectionModel().currentChanged.connect(self._picked)
        self.reload()

    # ------------------------------------------------------------------ showing

    def reload(self, keep: str | None = None) -> None:
        self.templates = drill_evaluation.list_templates(self.engine)
        self.names.setStringList([t.name for t in self.templates])
        keys = [t.key for t in self.templates]
        row = keys.index(keep) if keep in keys else 0
        if self.templates:
            self.list.setCurrentIndex(self.names.index(row, 0))
            self.show_template(self.templates[row])

    def _picked(self) -> None:
        row = self.list.currentIndex().row()
        if 0 <= row < len(self.templates):
            self.show_template(self.templates[row])

    def show_template(self, template: ScoreTemplate) -> None:
        self.current = template
        self.name.setText(template.name)
        self.source.setText(template.source)
        self.grades.setText(grades_text(template.grades))
        self.items.load(template)

    def edited(self) -> ScoreTemplate | None:
        """The template as edited, or ``None`` (after telling the user) if the grades do not read."""
        assert self.current is not None
        grades = parse_grades(self.grades.text())
        if grades is None:
            dialogs.error(
                self,
                self.tr("Grades not understood"),
                self.tr("Write the grades as “90 Excellent; 75 Good; 60 Pass; 0 Fail”."),
            )
            return None
        return self.items.sections_of(self.current.key, self.name.text(), self.source.text(), grades)

    # ------------------------------------------------------------------ editing

    def add_item(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        section = self.items.item_at(rows[0].row()).section if rows else self.tr("New topic")
        row = self.items.add_item(section, self.tr("New item"))
        self.view.selectRow(row)
        self.view.edit(self.items.index(row, TemplateItemsModel.TEXT))

    def remove_item(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.items.remove_item(rows[0].row())

    def new_template(self) -> None:
        """A copy of the one shown, under a new key, to adapt."""
        base = self.current or drill_evaluation.DEFAULT_TEMPLATES[0]
        copy = ScoreTemplate(
            f"custom-{uuid.uuid4().hex[:8]}",
            self.tr("{name} (copy)").format(name=base.name),
            base.source,
            base.sections,
            base.grades or tuple(DEFAULT_GRADES),
        )
        self._run(self.tr("Saving the template"), partial(drill_evaluation.save_template, self.engine, copy))

    def save(self) -> None:
        template = self.edited()
        if template is not None:
            self._run(
                self.tr("Saving the template"), partial(drill_evaluation.save_template, self.engine, template)
            )

    def delete_template(self) -> None:
        if self.current is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Delete the template"),
            self.tr("Delete the template “{name}”? Evaluations made with it keep their copy.").format(
                name=self.current.name
            ),
        ):
            return
        self._run(
            self.tr("Deleting the template"),
            partial(drill_evaluation.delete_template, self.engine, self.current.key),
        )

    def reset_templates(self) -> None:
        if not dialogs.ask(
            self,
            self.tr("Restore the default templates"),
            self.tr("Replace every template with the built-in ones (AQ/T 9009, GB/T 46792)?"),
        ):
            return
        self._run(self.tr("Restoring the templates"), partial(drill_evaluation.reset_templates, self.engine))

    def _run(self, title: str, job: partial[object]) -> None:
        self.ops.run(title, job, on_success=self._saved, cancellable=False)

    def _saved(self, result: object) -> None:
        keep = result.key if isinstance(result, ScoreTemplate) else None
        self.reload(keep)
        self.templates_changed.emit()
