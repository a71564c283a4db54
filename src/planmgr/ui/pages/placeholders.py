"""Pages whose features come in later issues: a calm note of what will be here and what
to do meanwhile, never a blank page."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy import Engine

from planmgr.ui.ops import OpRunner
from planmgr.ui.widgets import EmptyState, PageHeader


class Placeholder(QWidget):
    """Base of a page still to be built; subclasses call ``_build`` with their texts."""

    def __init__(self, ops: OpRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops

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
