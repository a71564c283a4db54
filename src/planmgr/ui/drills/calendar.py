"""The month view of the drill plan: a calendar with the drills written on their days, and
the list of the drills of the chosen day. A drill of several days is on each of them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planmgr.services.drill_lists import DrillSummary
from planmgr.ui import theme
from planmgr.ui.drills.models import DrillFilterProxy, DrillTableModel, status_colour
from planmgr.ui.drills.small_dialogs import from_qdate, to_qdate

MAX_LINES = 3  # drill titles written in a day's cell; more show as "+n"
SELECTED_FILL = "#E8F0FE"


class DrillCalendar(QCalendarWidget):
    """A month grid; each day lists the titles of its drills in their status colour."""

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setMinimumSize(560, 360)
        self.by_day: dict[date, list[DrillSummary]] = {}

    def set_drills(self, drills: Iterable[DrillSummary]) -> None:
        by_day: dict[date, list[DrillSummary]] = defaultdict(list)
        for drill in drills:
            for day in drill.days:
                by_day[day].append(drill)
        self.by_day = dict(by_day)
        self.updateCells()

    def drills_on(self, day: date) -> list[DrillSummary]:
        return list(self.by_day.get(day, ()))

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate | date) -> None:
        """The day number at the top, then the day's drills, one line each in their status colour."""
        day = qdate if isinstance(qdate, date) else from_qdate(qdate)
        in_month = day.month == self.monthShown() and day.year == self.yearShown()
        selected = day == from_qdate(self.selectedDate())
        painter.save()
        painter.fillRect(rect, QColor(SELECTED_FILL if selected else "#FFFFFF"))
        if selected or day == self.today:
            painter.setPen(QPen(QColor(theme.ACCENT), 2 if selected else 1))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        font = QFont(painter.font())
        font.setBold(day == self.today)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        number_colour = theme.ICON_COLOUR if in_month else "#BDC1C6"
        painter.setPen(QColor(number_colour))
        number_box = QRect(rect.left() + 6, rect.top() + 2, rect.width() - 12, metrics.height())
        painter.drawText(number_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
        drills = self.by_day.get(day)
        if drills:
            self._paint_drills(painter, rect, number_box.bottom() + 2, drills, in_month)
        painter.restore()

    def _paint_drills(
        self, painter: QPainter, rect: QRect, top: int, drills: list[DrillSummary], strong: bool
    ) -> None:
        font = QFont(painter.font())
        font.setBold(False)
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        line = metrics.height() + 1
        room = max((rect.bottom() - top) // line, 1)
        fits = min(room, MAX_LINES)
        shown = drills if len(drills) <= fits else drills[: max(fits - 1, 0)]
        for i, drill in enumerate(shown):
            box = QRect(rect.left() + 4, top + i * line, rect.width() - 8, line)
            mark = QColor(status_colour(drill, self.today))
            if not strong:
                mark.setAlpha(110)
            painter.fillRect(QRect(box.left(), box.top() + 2, 3, line - 4), mark)
            painter.setPen(QColor(theme.ICON_COLOUR if strong else theme.NEUTRAL))
            text = metrics.elidedText(drill.title, Qt.TextElideMode.ElideRight, box.width() - 8)
            painter.drawText(box.adjusted(7, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
        if len(shown) < len(drills):
            painter.setPen(QColor(theme.NEUTRAL))
            box = QRect(rect.left() + 11, top + len(shown) * line, rect.width() - 15, line)
            more = self.tr("+{n} more").format(n=len(drills) - len(shown))
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, more)


class MonthView(QWidget):
    """Calendar on the left, the chosen day's drills on the right (same columns as the list)."""

    drill_activated = Signal(str)  # uid
    month_changed = Signal(int, int)  # year, month

    def __init__(
        self, source: DrillTableModel, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.calendar = DrillCalendar(today=today)
        self.day_proxy = DrillFilterProxy(self)
        self.day_proxy.setSourceModel(source)
        self.day_label = QLabel()
        self.day_view = QTableView()
        self.day_view.setModel(self.day_proxy)
        self.day_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.day_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.day_view.verticalHeader().hide()
        for column in range(source.columnCount()):
            if column not in (DrillTableModel.TITLE, DrillTableModel.UNIT, DrillTableModel.STATUS):
                self.day_view.hideColumn(column)
        header = self.day_view.horizontalHeader()
        header.setSectionResizeMode(DrillTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.day_view.doubleClicked.connect(self._activated)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.day_label)
        column.addWidget(self.day_view, 1)
        splitter = QSplitter()
        splitter.addWidget(self.calendar)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.calendar.selectionChanged.connect(self._day_chosen)
        self.calendar.currentPageChanged.connect(self.month_changed)
        self._day_chosen()

    def show_drills(self, drills: Iterable[DrillSummary], filters: DrillFilterProxy) -> None:
        """Write ``drills`` (already filtered) on the calendar; the day list uses the same filters."""
        self.calendar.set_drills(drills)
        self.day_proxy.copy_filters(filters, year=False)
        self._day_chosen()

    def show_day(self, day: date) -> None:
        self.calendar.setSelectedDate(to_qdate(day))
        self._day_chosen()

    def selected_day(self) -> date:
        return from_qdate(self.calendar.selectedDate())

    def _day_chosen(self) -> None:
        day = self.selected_day()
        self.day_proxy.set_filters(day=day)
        count = self.day_proxy.rowCount()
        if count:
            self.day_label.setText(self.tr("{date}: {n} drills").format(date=day.isoformat(), n=count))
        else:
            self.day_label.setText(self.tr("{date}: no drill").format(date=day.isoformat()))

    def _activated(self) -> None:
        index = self.day_view.currentIndex()
        if index.isValid():
            self.drill_activated.emit(self.day_proxy.drill_at(index.row()).uid)
