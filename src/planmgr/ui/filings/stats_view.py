"""备案率统计: the filing rate of key enterprises (重点企业) and of must-file enterprises (ENT
Art.26 list) per town and in total, who is missing and why, exported as xlsx."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.ui import dialogs, theme
from planmgr.ui.filings.actions import suggested_path
from planmgr.ui.filings.models import MissingModel, TownRateModel
from planmgr.ui.ops import OpRunner


def _table(model: Any, sortable: bool = False) -> QTableView:
    view = QTableView()
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        view.setModel(proxy)
        view.setSortingEnabled(True)
    else:
        view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class StatisticsView(QWidget):
    def __init__(
        self, ops: OpRunner | None, engine: Callable[[], Engine | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self._engine = engine
        self.stats: Any = None
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setToolTip(self.tr("A submission unanswered past its check period counts as filed."))
        self.refresh_button = QPushButton(theme.icon("refresh"), self.tr("Count"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(theme.icon("microsoft-excel"), self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("As of:")))
        bar.addWidget(self.as_of)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rates = TownRateModel(self)
        self.rates_view = _table(self.rates)
        header = self.rates_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.missing = MissingModel(self)
        self.missing_view = _table(self.missing, sortable=True)
        self.missing_view.horizontalHeader().resizeSection(0, 140)
        self.missing_view.horizontalHeader().resizeSection(1, 300)
        self.missing_label = QLabel()
        self.missing_label.setFont(self.missing_label.font())
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.missing_label)
        lower_layout.addWidget(self.missing_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.rates_view)
        splitter.addWidget(lower)
        splitter.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def as_of_date(self) -> date:
        value = self.as_of.date()
        return date(value.year(), value.month(), value.day())

    def refresh(self) -> None:
        engine = self._engine()
        if engine is None or self.ops is None:
            return
        as_of = self.as_of_date()

        def job() -> Any:
            from planmgr.services.filing_stats import filing_statistics

            return filing_statistics(engine, as_of=as_of)

        self.refresh_button.setEnabled(False)
        self.ops.run(
            self.tr("Counting filing rates"),
            job,
            on_success=self.show_statistics,
            on_failure=lambda _: self.refresh_button.setEnabled(True),
            cancellable=False,
        )

    def show_statistics(self, stats: Any) -> None:
        self.stats = stats
        self.refresh_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.rates.set_rates(stats.towns, stats.total)
        self.missing.set_missing(stats.missing)
        total = stats.total

        def rate(value: float | None) -> str:
            return "—" if value is None else f"{value:.1%}"

        self.summary.setText(
            self.tr(
                "As of {day}: key enterprises {key_filed}/{key_total} filed ({key_rate}); must-file "
                "enterprises {must_filed}/{must_total} filed ({must_rate}). Deemed filings count as filed."
            ).format(
                day=stats.as_of.isoformat(),
                key_filed=total.key_filed,
                key_total=total.key_total,
                key_rate=rate(total.key_rate),
                must_filed=total.must_filed,
                must_total=total.must_total,
                must_rate=rate(total.must_rate),
            )
        )
        self.missing_label.setText(
            self.tr("Enterprises not filed: {count}").format(count=len(stats.missing))
            if stats.missing
            else self.tr("Every counted enterprise has filed.")
        )

    def export(self) -> None:
        if self.stats is None or self.ops is None:
            return
        path = dialogs.pick_save_file(
            self,
            self.tr("Export the filing statistics"),
            self.tr("Excel workbooks (*.xlsx)"),
            suggested_path(self.tr("filing rates-{day}.xlsx").format(day=self.stats.as_of.isoformat())),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        stats = self.stats

        def job() -> Any:
            from planmgr.services.filing_stats_xlsx import write_statistics_xlsx

            write_statistics_xlsx(stats, path)
            return path

        self.ops.run(
            self.tr("Exporting the filing statistics"),
            job,
            on_success=lambda saved: dialogs.inform(
                self, self.tr("Statistics exported"), self.tr("Saved to:\n{path}").format(path=saved)
            ),
            cancellable=False,
        )
