"""首页看板: what is in this database at a glance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget
from sqlalchemy import Engine

from planmgr.domain.enums import PlanStatus
from planmgr.services import hierarchy
from planmgr.ui import dialogs, theme
from planmgr.ui.ops import OpRunner
from planmgr.ui.widgets import EmptyState, PageHeader, larger


class _Figure(QFrame):
    """A number with its caption, in the status colour it stands for."""

    def __init__(self, caption: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(150)
        self.number = QLabel("0", alignment=Qt.AlignmentFlag.AlignCenter)
        self.number.setFont(larger(self.number.font(), 12, bold=True))
        self.number.setStyleSheet(f"color: {colour};")
        self.caption = QLabel(caption, alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))


class DashboardPage(QWidget):
    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        engine: Engine | None = None
        self.engine = engine
        self.units = _Figure(self.tr("Units"), theme.ICON_COLOUR)
        self.plans = _Figure(self.tr("Plans"), theme.ICON_COLOUR)
        self.by_status = {
            status.value: _Figure(status.label, theme.PLAN_STATUS_COLOURS[status.value])
            for status in PlanStatus
        }
        figures = QWidget()
        grid = QGridLayout(figures)
        grid.addWidget(self.units, 0, 0)
        grid.addWidget(self.plans, 0, 1)
        for i, figure in enumerate(self.by_status.values()):
            grid.addWidget(figure, 1 + i // 3, i % 3)
        grid.setRowStretch(4, 1)
        self.note = QLabel(
            self.tr(
                "Due drills, evaluations and filings will be listed here. Until then, the command "
                "planmgr due --db DATABASE lists them."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.content = content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(figures)
        inner.addWidget(self.note)
        inner.addStretch(1)
        self.empty = EmptyState(
            "database-outline",
            self.tr("This database is empty"),
            self.tr(
                "Register your own unit (planmgr init), then import the units and plans ledgers "
                "(planmgr ledger import units|plans FILE.xlsx --db DATABASE). To look around first, "
                "open the demo database: planmgr gui --demo"
            ),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(PageHeader(self.tr("Dashboard")))
        layout.addWidget(self.stack, 1)
        self.refresh()

    def set_engine(self, engine: Engine | None) -> None:
        self.engine = engine
        self.refresh()

    def refresh(self) -> None:
        from planmgr.domain.errors import PlanmgrError

        if self.engine is None:
            self.stack.setCurrentWidget(self.empty)
            return
        try:
            counts = hierarchy.overview(self.engine)
        except PlanmgrError as error:
            dialogs.error(self, self.tr("Could not read the database"), error.message)
            return
        self.units.set_value(counts.unit_count)
        self.plans.set_value(counts.plan_count)
        for status, figure in self.by_status.items():
            figure.set_value(counts.plans_by_status.get(status, 0))
        empty = counts.unit_count == 0 and counts.plan_count == 0
        self.stack.setCurrentWidget(self.empty if empty else self.content)
