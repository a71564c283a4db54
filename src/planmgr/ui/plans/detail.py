"""The side panel of the plan page: the selected plan at a glance and what falls due."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from planmgr.domain.due import DueItem
from planmgr.domain.enums import EventType, PlanCategory, PlanStatus
from planmgr.domain.i18n import colon, join, paren
from planmgr.services.plan_queries import PlanRow
from planmgr.services.plans import PlanDetail
from planmgr.ui import theme
from planmgr.ui.plans.models import day, trigger_text
from planmgr.ui.texts import enum_text
from planmgr.ui.widgets import larger

DUE_COLOURS = {"overdue": theme.OVERDUE, "due_soon": theme.DUE_SOON, "ok": theme.OK}


def _event_labels(values: Sequence[str]) -> str:
    return join(enum_text(EventType, value) for value in values)


class PlanDetailPanel(QScrollArea):
    """Shows one plan (``show_plan``) or a hint when none is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(240)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 4, 4, 4)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setFont(larger(self.title.font(), 2, bold=True))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due_title = QLabel(self.tr("Due"))
        self.due_title.setFont(larger(self.due_title.font(), 0, bold=True))
        self.due = QLabel()
        self.due.setObjectName("due")
        self.due.setWordWrap(True)
        self.due.setTextFormat(Qt.TextFormat.RichText)
        for widget in (self.title, self.facts, self.due_title, self.due):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        self.clear()

    def clear(self) -> None:
        self.title.setText(self.tr("No plan selected"))
        self.facts.setText(
            html.escape(
                self.tr("Select a plan to see its versions and what falls due. Right-click for actions.")
            )
        )
        self.due_title.hide()
        self.due.hide()

    def show_plan(self, row: PlanRow, detail: PlanDetail, due: Sequence[DueItem]) -> None:
        self.title.setText(row.title)
        summary = detail.summary
        colour = theme.PLAN_STATUS_COLOURS.get(row.status, theme.NEUTRAL)
        status = enum_text(PlanStatus, row.status, row.status_label)
        facts: list[tuple[str, str]] = [
            (self.tr("Category"), html.escape(enum_text(PlanCategory, row.category, row.category_label))),
            (self.tr("Status"), f'<span style="color:{colour}">{html.escape(status)}</span>'),
            (self.tr("Owner unit"), html.escape(row.owner_unit_name)),
            (self.tr("Parent plan"), html.escape(row.parent_title or self.tr("(top level)"))),
        ]
        if row.event_types:
            facts.append((self.tr("Event types"), html.escape(_event_labels(row.event_types))))
        current = summary.current_version
        if current is not None:
            version = current.label
            if current.published_date:
                version = paren(version, day(current.published_date))
            if current.doc_number:
                version += f" {current.doc_number}"
            facts.append((self.tr("Version in force"), html.escape(version)))
        else:
            facts.append((self.tr("Version in force"), html.escape(self.tr("not published yet"))))
        facts.append((self.tr("Versions"), str(len(detail.versions))))
        if row.pending_trigger:
            facts.append((self.tr("Revision because"), html.escape(trigger_text(row.pending_trigger))))
        self.facts.setText("<br>".join(colon(f"<b>{html.escape(k)}", f"</b>{v}") for k, v in facts))
        self.due_title.show()
        self.due.show()
        if not due:
            self.due.setText(html.escape(self.tr("Nothing due for this plan.")))
            return
        lines = []
        for item in due:
            colour = DUE_COLOURS.get(item.status.value, theme.NEUTRAL)
            text = f"{item.kind.text} {day(item.due_date)} · {item.status.text}"
            lines.append(f'<span style="color:{colour}">● {html.escape(text)}</span>')
        self.due.setText("<br>".join(lines))
