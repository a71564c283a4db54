"""Version history of a plan and a side-by-side diff of any two of its texts.

The diff is computed by ``domain.content.diff_content`` from the snapshots, section by
section. Lines whose phone numbers, time limits or response levels changed are what a
reviewer must not miss: they are coloured and carry a flag label (电话 / 时限 / 响应级别).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.domain import lifecycle
from planmgr.domain.content import LineChange, SectionDiff, diff_content, flag_text
from planmgr.domain.i18n import join
from planmgr.services import plans
from planmgr.ui import theme
from planmgr.ui.plans.models import VersionChoice, VersionsModel
from planmgr.ui.plans.sizing import settle_size

ModelIndex = QModelIndex | QPersistentModelIndex

OLD, NEW, FLAGS = range(3)
FLAGS_ROLE = Qt.ItemDataRole.UserRole + 10
KIND_ROLE = Qt.ItemDataRole.UserRole + 11

# Light backgrounds for changed cells; the status colours mark what must not be missed.
REMOVED_BG = "#FCE8E6"
ADDED_BG = "#E6F4EA"
CHANGED_BG = "#FEF7E0"
SECTION_BG = "#F1F3F4"


@dataclass(frozen=True)
class DiffRow:
    section: SectionDiff
    line: LineChange | None  # None: the row naming the section


class DiffModel(QAbstractTableModel):
    """Sections and their lines, old text left, new text right, flags in the last column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("Old"), self.tr("New"), self.tr("Watch")]
        self._diffs: list[SectionDiff] = []
        self._rows: list[DiffRow] = []
        self.only_changed = True

    def set_diff(self, diffs: list[SectionDiff], old_label: str = "", new_label: str = "") -> None:
        self.beginResetModel()
        self._diffs = list(diffs)
        self.headers[OLD] = old_label or self.tr("Old")
        self.headers[NEW] = new_label or self.tr("New")
        self._rows = self._build()
        self.endResetModel()

    def set_only_changed(self, only: bool) -> None:
        self.beginResetModel()
        self.only_changed = only
        self._rows = self._build()
        self.endResetModel()

    def _build(self) -> list[DiffRow]:
        rows: list[DiffRow] = []
        for section in self._diffs:
            if self.only_changed and not section.changed:
                continue
            if not section.lines:
                continue
            rows.append(DiffRow(section, None))
            rows.extend(DiffRow(section, line) for line in section.lines)
        return rows

    def diffs(self) -> list[SectionDiff]:
        return list(self._diffs)

    def section_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.line is None]

    def flag_counts(self) -> Counter[str]:
        return Counter(flag for s in self._diffs for line in s.lines for flag in line.flags)

    # ------------------------------------------------------------------ model

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return self.headers[section]
        return None

    def _kind_label(self, kind: str) -> str:
        labels = {"added": self.tr("added"), "removed": self.tr("removed"), "changed": self.tr("changed")}
        return labels.get(kind, "")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if row.line is None:
            return self._section_data(row.section, column, role)
        line = row.line
        if role == FLAGS_ROLE:
            return line.flags
        if role == KIND_ROLE:
            return line.kind
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == OLD:
                return line.old
            if column == NEW:
                return line.new
            if line.flags:
                return "⚑ " + join(line.flag_texts)
            return self._kind_label(line.kind)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(line, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.flags:
                return QColor(theme.OVERDUE)
            if line.kind == "same":
                return QColor(theme.NEUTRAL)
        if role == Qt.ItemDataRole.FontRole and line.flags:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _background(self, line: LineChange, column: int) -> QColor | None:
        if line.kind == "changed" and column in (OLD, NEW):
            return QColor(CHANGED_BG)
        if line.kind == "removed" and column == OLD:
            return QColor(REMOVED_BG)
        if line.kind == "added" and column == NEW:
            return QColor(ADDED_BG)
        if line.flags and column == FLAGS:
            return QColor(REMOVED_BG)
        return None

    def _section_data(self, section: SectionDiff, column: int, role: int) -> Any:
        if role == FLAGS_ROLE:
            return tuple(sorted(section.flags))
        if role == KIND_ROLE:
            return "section"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == OLD:
                state = self.tr("changed") if section.changed else self.tr("unchanged")
                return f"{section.text} — {state}"
            if column == FLAGS and section.flags:
                return "⚑ " + join(section.flag_texts)
            return ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(SECTION_BG)
        if role == Qt.ItemDataRole.ForegroundRole and column == FLAGS and section.flags:
            return QColor(theme.OVERDUE)
        return None


class DiffView(QTableView):
    """The diff table: section rows span the two text columns; long lines wrap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diff")
        self.diff_model = DiffModel(self)
        self.setModel(self.diff_model)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(OLD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NEW, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FLAGS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(FLAGS, 150)
        self.diff_model.modelReset.connect(self._span_sections)

    def _span_sections(self) -> None:
        self.clearSpans()
        for row in self.diff_model.section_rows():
            self.setSpan(row, OLD, 1, 2)


class VersionHistoryDialog(QDialog):
    """The plan's versions, and the diff of the two the user picks (old left, new right)."""

    def __init__(self, engine: Engine, plan_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        detail = plans.get_plan(engine, plan_uid)
        self.detail = detail
        self.setWindowTitle(self.tr("Versions of “{title}”").format(title=detail.summary.title))
        choices = [VersionChoice(v.uid, v.label, v) for v in detail.versions]
        if lifecycle.editable(detail.summary.status):
            choices.append(VersionChoice("", self.tr("Working text (not published)"), None))
        self._contents: dict[str, dict[str, Any]] = {"": detail.content}

        self.versions_model = VersionsModel(self)
        self.versions_model.set_rows(choices)
        self.versions_view = QTableView()
        self.versions_view.setObjectName("versions")
        self.versions_view.setModel(self.versions_model)
        self.versions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions_view.verticalHeader().hide()
        header = self.versions_view.horizontalHeader()
        for column in range(6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)

        self.old_combo = QComboBox()
        self.new_combo = QComboBox()
        for combo in (self.old_combo, self.new_combo):
            combo.setModel(self.versions_model)
            combo.setMinimumContentsLength(14)
        self.only_changed = QCheckBox(self.tr("Only sections that changed"))
        self.only_changed.setChecked(True)
        self.summary = QLabel()
        self.summary.setObjectName("diff-summary")
        self.summary.setWordWrap(True)
        self.diff = DiffView()
        compare = QHBoxLayout()
        compare.addWidget(QLabel(self.tr("Compare")))
        compare.addWidget(self.old_combo)
        compare.addWidget(QLabel(self.tr("with")))
        compare.addWidget(self.new_combo)
        compare.addStretch(1)
        compare.addWidget(self.only_changed)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(compare)
        bottom_layout.addWidget(self.summary)
        bottom_layout.addWidget(self.diff, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.versions_view)
        splitter.addWidget(bottom)
        splitter.setSizes([150, 500])
        splitter.setChildrenCollapsible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        settle_size(self, 1100, 660)
        count = len(choices)
        self.old_combo.setCurrentIndex(max(count - 2, 0))
        self.new_combo.setCurrentIndex(count - 1)
        self.old_combo.currentIndexChanged.connect(self.compare)
        self.new_combo.currentIndexChanged.connect(self.compare)
        self.only_changed.toggled.connect(self.diff.diff_model.set_only_changed)
        self.versions_view.doubleClicked.connect(self._compare_with_previous)
        self.compare()

    def _content(self, choice: VersionChoice) -> dict[str, Any]:
        if choice.uid not in self._contents:
            self._contents[choice.uid] = plans.version_content(self.engine, choice.uid)
        return self._contents[choice.uid]

    def choose(self, old_row: int, new_row: int) -> None:
        """Compare the texts in rows ``old_row`` and ``new_row`` of the version list."""
        self.old_combo.setCurrentIndex(old_row)
        self.new_combo.setCurrentIndex(new_row)

    def _compare_with_previous(self, index: QModelIndex) -> None:
        self.choose(max(index.row() - 1, 0), index.row())

    def compare(self) -> None:
        count = self.versions_model.rowCount()
        if count == 0:
            self.diff.diff_model.set_diff([])
            self.summary.setText(self.tr("Nothing to compare yet: the plan has no text."))
            return
        old = self.versions_model.row_at(self.old_combo.currentIndex())
        new = self.versions_model.row_at(self.new_combo.currentIndex())
        diffs = diff_content(self._content(old), self._content(new))
        self.diff.diff_model.set_diff(diffs, old.label, new.label)
        self._summarise(old, new, diffs)

    def _summarise(self, old: VersionChoice, new: VersionChoice, diffs: list[SectionDiff]) -> None:
        if old == new:
            text = (
                self.tr("Only one text so far: publish a new version to compare.")
                if self.versions_model.rowCount() == 1
                else self.tr("The same text is chosen on both sides.")
            )
            self.summary.setText(text)
            self.summary.setStyleSheet(f"color: {theme.NEUTRAL};")
            return
        changed = [d.text for d in diffs if d.changed]
        if not changed:
            self.summary.setText(
                self.tr("No difference between {old} and {new}.").format(old=old.label, new=new.label)
            )
            self.summary.setStyleSheet(f"color: {theme.NEUTRAL};")
            return
        counts = self.diff.diff_model.flag_counts()
        text = self.tr("{count} sections changed: {sections}.").format(
            count=len(changed), sections=join(changed)
        )
        if counts:
            watch = join(f"{flag_text(flag)} {n}" for flag, n in sorted(counts.items()))
            text += " " + self.tr("Check the changed lines marked ⚑: {watch}.").format(watch=watch)
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {theme.OVERDUE if counts else theme.NEUTRAL};")
