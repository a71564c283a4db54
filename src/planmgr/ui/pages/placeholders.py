"""Pages whose features come in later issues: a calm note of what will be here and what
to do meanwhile, never a blank page."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy import Engine

from planmgr.ui.widgets import EmptyState, PageHeader


class _Placeholder(QWidget):
    def _build(self, title: str, icon_name: str, heading: str, hint: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(PageHeader(title))
        self.empty = EmptyState(icon_name, heading, hint)
        layout.addWidget(self.empty, 1)

    def set_engine(self, engine: Engine | None) -> None:
        """Nothing to load yet."""

    def refresh(self) -> None:
        """Nothing to load yet."""


class DrillsPage(_Placeholder):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build(
            self.tr("Drills"),
            "run-fast",
            self.tr("No drill records here yet"),
            self.tr(
                "Planned and completed drills, their evaluations and summaries will be kept on this "
                "page. Until it is ready, import a drills ledger from the command line: "
                "planmgr ledger import drills FILE.xlsx --db DATABASE"
            ),
        )


class FilingsPage(_Placeholder):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build(
            self.tr("Filings"),
            "clipboard-check-outline",
            self.tr("No filings here yet"),
            self.tr(
                "Submissions of plans for filing, returned filings with their one-time notice of "
                "missing materials, and filing numbers will be tracked on this page. Meanwhile: "
                "planmgr filing list --db DATABASE"
            ),
        )


class CardsPage(_Placeholder):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build(
            self.tr("Handling cards"),
            "card-account-details-outline",
            self.tr("No handling cards here yet"),
            self.tr(
                "Emergency handling cards for each post, drawn from on-site plans, will be edited and "
                "printed on this page. Meanwhile they can be printed from the command line: "
                "planmgr print cards --db DATABASE --all -o cards.pdf"
            ),
        )


class SettingsPage(_Placeholder):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build(
            self.tr("Settings"),
            "cog-outline",
            self.tr("Settings are not editable here yet"),
            self.tr(
                "This database's own unit, its mode (emergency office or enterprise) and regional "
                "rules will be set on this page. Meanwhile, register the own unit with: "
                "planmgr init --db DATABASE --unit-name NAME --unit-kind KIND"
            ),
        )
