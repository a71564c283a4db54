"""What changed since the last filing of the same plan: sections, contacts and response
levels highlighted (a major revision must be filed again, ENT Art.37)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from planmgr.domain import i18n
from planmgr.services.filing_stats import FilingDiff, FilingRow
from planmgr.ui import theme
from planmgr.ui.filings.models import DiffModel


class DiffDialog(QDialog):
    def __init__(self, row: FilingRow, diff: FilingDiff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes since the last filing — {plan}").format(plan=row.plan_title))
        self.setMinimumSize(640, 400)  # explicit: the layout does not resize the shown window
        self.resize(1000, 560)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = DiffModel(self)
        self.model.set_sections(diff.sections)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DiffModel.SECTION, 130)
        header.resizeSection(DiffModel.CHANGE, 60)
        header.resizeSection(DiffModel.OLD, 330)
        header.resizeSection(DiffModel.NEW, 330)
        header.setStretchLastSection(True)
        self.view.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._summarise(row, diff)

    def _summarise(self, row: FilingRow, diff: FilingDiff) -> None:
        previous = diff.previous
        if previous is None:
            self.summary.setText(
                self.tr("This is the first filing of “{plan}”: there is nothing to compare it with.").format(
                    plan=row.plan_title
                )
            )
            self.view.setVisible(False)
            return
        against = self.tr("Version {this} against version {old} (submitted {day}, {status}).").format(
            this=row.version_label,
            old=previous.version_label,
            day=previous.submitted_date.isoformat() if previous.submitted_date else "—",
            status=previous.effective_status.text,
        )
        changed = diff.changed
        if not changed:
            self.summary.setText(against + "\n" + self.tr("No section changed."))
            self.view.setVisible(False)
            return
        flags = sorted({flag for section in changed for flag in section.flag_texts})
        text = (
            html.escape(against)
            + "<br/>"
            + html.escape(
                self.tr("Changed sections: {sections}.").format(sections=i18n.join(s.text for s in changed))
            )
        )
        if flags:
            warning = self.tr("Check carefully — changed: {flags}.").format(flags=i18n.join(flags))
            text += f'<br/><b style="color:{theme.OVERDUE}">{html.escape(warning)}</b>'
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setText(text)
