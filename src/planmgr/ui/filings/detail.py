"""The panel beside the filings list: one filing's facts, materials, answer and what can be
done with it next (the buttons shown depend on the side — office or enterprise — and the status)."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planmgr.domain.enums import FilingStatus
from planmgr.domain.i18n import paren
from planmgr.services.filing_stats import FilingRow
from planmgr.services.filings import material_text
from planmgr.ui import theme
from planmgr.ui.filings.models import FILING_STATUS_COLOURS
from planmgr.ui.widgets import larger


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


class FilingDetail(QScrollArea):
    """Facts of the selected filing and the buttons for what comes next."""

    check_requested = Signal(str)
    diff_requested = Signal(str)
    reply_requested = Signal(str)
    form_requested = Signal(str, str)  # kind, uid

    def __init__(self, office: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        self.row: FilingRow | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(300)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 4, 4, 4)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setFont(larger(self.title.font(), 2, bold=True))
        self.status = QLabel()
        self.status.setFont(larger(self.status.font(), 1, bold=True))
        self.status.setWordWrap(True)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._fact_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("unit", self.tr("Filing unit:")),
            ("uscc", self.tr("Credit code:")),
            ("version", self.tr("Version:")),
            ("published", self.tr("Published:")),
            ("authority", self.tr("Authority:")),
            ("submitted", self.tr("Submitted:")),
            ("check_due", self.tr("Check due:")),
            ("number", self.tr("Filing number:")),
            ("registered", self.tr("Registered:")),
            ("fingerprint", self.tr("Fingerprint:")),
        ):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._fact_labels[key] = label
            self.facts.addRow(caption, label)
        self.materials = QLabel()
        self.materials.setWordWrap(True)
        self.materials.setTextFormat(Qt.TextFormat.RichText)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)

        self.check_button = QPushButton(
            theme.icon("clipboard-check-outline"), self.tr("Formal check and answer…")
        )
        self.check_button.clicked.connect(lambda: self._emit(self.check_requested))
        self.reply_button = QPushButton(
            theme.icon("email-arrow-right-outline"), self.tr("Export answer file…")
        )
        self.reply_button.clicked.connect(lambda: self._emit(self.reply_requested))
        self.diff_button = QPushButton(theme.icon("compare-horizontal"), self.tr("Compare with last filing…"))
        self.diff_button.clicked.connect(lambda: self._emit(self.diff_requested))
        self.declaration_button = QPushButton(
            theme.icon("printer-outline"), self.tr("Print declaration form…")
        )
        self.declaration_button.clicked.connect(lambda: self._form("declaration"))
        self.registration_button = QPushButton(
            theme.icon("printer-outline"), self.tr("Print registration form…")
        )
        self.registration_button.clicked.connect(lambda: self._form("registration"))
        self.notice_button = QPushButton(theme.icon("printer-outline"), self.tr("Print one-time notice…"))
        self.notice_button.clicked.connect(lambda: self._form("notice"))
        self.check_form_button = QPushButton(
            theme.icon("printer-outline"), self.tr("Print formal check form…")
        )
        self.check_form_button.clicked.connect(lambda: self._form("check"))
        self.buttons = [
            self.check_button,
            self.reply_button,
            self.diff_button,
            self.registration_button,
            self.notice_button,
            self.check_form_button,
            self.declaration_button,
        ]
        self.empty = QLabel(self.tr("Select a filing in the list to see its details."))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {theme.NEUTRAL};")

        layout.addWidget(self.empty)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(self.facts)
        layout.addWidget(self.materials)
        layout.addWidget(self.notice)
        for button in self.buttons:
            layout.addWidget(button)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_row(None)

    def _emit(self, signal: SignalInstance) -> None:
        if self.row is not None:
            signal.emit(self.row.uid)

    def _form(self, kind: str) -> None:
        if self.row is not None:
            self.form_requested.emit(kind, self.row.uid)

    def show_row(self, row: FilingRow | None) -> None:
        self.row = row
        shown = row is not None
        self.empty.setVisible(not shown)
        for widget in (self.title, self.status, self.materials, self.notice):
            widget.setVisible(shown)
        for i in range(self.facts.rowCount()):
            self.facts.setRowVisible(i, shown)
        for button in self.buttons:
            button.setVisible(False)
        if row is None:
            return
        self.title.setText(row.plan_title)
        status = row.effective_status
        text = status.text
        if status is FilingStatus.DEEMED_FILED:
            text += self.tr(" (no answer within the check period, ENT Art.28)")
        elif status is FilingStatus.SUBMITTED and row.check_due:
            text += self.tr(" — check due by {day}").format(day=_day(row.check_due))
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {FILING_STATUS_COLOURS[status]};")
        values = {
            "unit": row.unit_name,
            "uscc": row.unit_uscc or "—",
            "version": paren(row.version_label, row.plan_category.text),
            "published": _day(row.published_date),
            "authority": row.authority_name or "—",
            "submitted": _day(row.submitted_date),
            "check_due": _day(row.check_due) if row.status is FilingStatus.SUBMITTED else "—",
            "number": row.filing_number or "—",
            "registered": _day(row.registered_date),
            "fingerprint": row.fingerprint or "—",
        }
        for key, value in values.items():
            self._fact_labels[key].setText(value)
        self.materials.setText(self._materials_html(row))
        self.notice.setText(self._notice_html(row))
        self.notice.setVisible(bool(row.return_notice) and row.status is FilingStatus.RETURNED)
        by_package = row.package_uid is not None
        if self.office:
            self.check_button.setVisible(row.status is FilingStatus.SUBMITTED)
            self.reply_button.setVisible(
                by_package and row.status in (FilingStatus.FILED, FilingStatus.RETURNED)
            )
            self.registration_button.setVisible(row.status is FilingStatus.FILED and bool(row.filing_number))
            self.notice_button.setVisible(row.status is FilingStatus.RETURNED)
            self.check_form_button.setVisible(True)
            self.diff_button.setVisible(True)
        self.declaration_button.setVisible(by_package)

    def _materials_html(self, row: FilingRow) -> str:
        if not row.materials:
            return ""
        lines = []
        for m in row.materials:
            mark, colour = ("✓", theme.OK) if m.provided else ("✗", theme.OVERDUE)
            name = f" — {html.escape(m.filename)}" if m.filename else ""
            missing = "" if m.provided else self.tr(" (not provided)")
            mark_html = f'<span style="color:{colour}">{mark}</span>'
            lines.append(f"{mark_html} {html.escape(material_text(m.item))}{name}{html.escape(missing)}")
        heading = self.tr("Materials")
        return f"<b>{html.escape(heading)}</b><br/>" + "<br/>".join(lines)

    def _notice_html(self, row: FilingRow) -> str:
        items = "".join(f"<li>{html.escape(item)}</li>" for item in row.return_notice)
        head = self.tr("Returned on {day}; missing, all at once:").format(day=_day(row.returned_date))
        hint = (
            ""
            if self.office
            else "<br/>" + html.escape(self.tr("Complete them, then file again with New filing."))
        )
        return f'<b style="color:{theme.OVERDUE}">{html.escape(head)}</b><ol>{items}</ol>{hint}'
