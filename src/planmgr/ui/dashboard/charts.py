"""The dashboard's charts (QtCharts): plans per category, drills per month, the filing rate
of key enterprises. Each chart takes the plain data of ``services.dashboard`` and draws it;
colours are the status colours of every page (DESIGN.md §10)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from planmgr.services.dashboard import CategoryCount, KeyFilingRate, MonthCount
from planmgr.ui import theme
from planmgr.ui.widgets import larger

PLANNED_COLOUR = "#9AA0A6"  # a lighter neutral: planned drills are not done yet
MAX_TOWNS = 12  # the filing-rate chart shows the towns furthest from the target


class _Chart(QChartView):
    """A chart view with the app's font, no animation, and a title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(320, 260)
        self._new_chart()

    def _new_chart(self) -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitleFont(larger(self.font(), 1, bold=True))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(self.font())
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        return chart

    def _value_axis(self, maximum: float, *, percent: bool = False) -> QValueAxis:
        axis = QValueAxis()
        axis.setLabelsFont(self.font())
        if percent:
            axis.setRange(0, 100)
            axis.setTickCount(6)
            axis.setLabelFormat("%d%%")
        else:
            top = max(1, int(maximum))
            step = max(1, -(-top // 5))  # at most ~5 intervals of whole numbers
            axis.setRange(0, step * -(-top // step))
            axis.setTickCount(-(-top // step) + 1)
            axis.setLabelFormat("%d")
        return axis

    def _category_axis(self, labels: Sequence[str]) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        axis.append(list(labels))
        axis.setLabelsFont(self.font())
        return axis


def _bar_set(name: str, colour: str, values: Sequence[float]) -> QBarSet:
    bars = QBarSet(name)
    bars.setColor(QColor(colour))
    bars.setBorderColor(QColor(colour))
    bars.append([float(v) for v in values])
    return bars


class CategoryChart(_Chart):
    """Plans per category (those that have any), stacked: in force, in preparation, retired."""

    def set_data(self, categories: Sequence[CategoryCount]) -> None:
        shown = [c for c in categories if c.total][::-1]  # the first category at the top
        chart = self._new_chart()
        chart.setTitle(self.tr("Plans by category"))
        self.labels = [c.category.text for c in shown]
        series = QHorizontalStackedBarSeries()
        series.append(_bar_set(self.tr("In force"), theme.OK, [c.in_force for c in shown]))
        series.append(
            _bar_set(self.tr("Drafting or in review"), theme.DUE_SOON, [c.preparing for c in shown])
        )
        series.append(_bar_set(self.tr("Superseded or abolished"), theme.NEUTRAL, [c.retired for c in shown]))
        series.setBarWidth(0.6)
        chart.addSeries(series)
        values = self._value_axis(max((c.total for c in shown), default=0))
        labels = self._category_axis(self.labels)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(labels, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        series.attachAxis(labels)


class DrillsChart(_Chart):
    """Drills per month over the last twelve months: done, and still planned."""

    def set_data(self, months: Sequence[MonthCount]) -> None:
        chart = self._new_chart()
        if months:
            chart.setTitle(
                self.tr("Drills per month, {first} to {last}").format(
                    first=months[0].label, last=months[-1].label
                )
            )
        self.labels = [str(m.month) for m in months]  # 12 bars share ~400 px: numbers, titled
        series = QStackedBarSeries()
        series.append(_bar_set(self.tr("Done"), theme.ACCENT, [m.done for m in months]))
        series.append(_bar_set(self.tr("Planned"), PLANNED_COLOUR, [m.planned for m in months]))
        series.setBarWidth(0.7)
        chart.addSeries(series)
        labels = self._category_axis(self.labels)
        labels.setTitleText(self.tr("Month"))
        labels.setTitleFont(self.font())
        values = self._value_axis(max((m.done + m.planned for m in months), default=0))
        chart.addAxis(labels, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(labels)
        series.attachAxis(values)


class FilingRateChart(_Chart):
    """重点企业应急预案备案率 per town (the towns furthest from 100% when there are many);
    a town at the target in green, below it in amber."""

    def set_data(self, rate: KeyFilingRate) -> None:
        chart = self._new_chart()
        if rate.rate is None:
            chart.setTitle(self.tr("Filing rate of key enterprises: no key enterprises registered"))
        else:
            chart.setTitle(
                self.tr("Filing rate of key enterprises {rate:.1f}% ({filed}/{total}), target 100%").format(
                    rate=rate.rate * 100, filed=rate.filed, total=rate.total
                )
            )
        towns = sorted((t for t in rate.towns if t.total), key=lambda t: (t.rate or 0.0, t.town_name))
        self.truncated = len(towns) > MAX_TOWNS
        towns = towns[:MAX_TOWNS][::-1]  # the lowest at the top
        self.labels = [f"{t.town_name} {t.filed}/{t.total}" for t in towns]
        percents = [round((t.rate or 0.0) * 100, 1) for t in towns]
        reached = [p if p >= rate.target * 100 else 0.0 for p in percents]
        below = [p if p < rate.target * 100 else 0.0 for p in percents]
        series = QHorizontalStackedBarSeries()
        series.append(_bar_set(self.tr("Target reached"), theme.OK, reached))
        series.append(_bar_set(self.tr("Below target"), theme.DUE_SOON, below))
        series.setBarWidth(0.6)
        chart.addSeries(series)
        values = self._value_axis(100, percent=True)
        labels = self._category_axis(self.labels)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(labels, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        series.attachAxis(labels)
