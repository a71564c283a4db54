"""Calendar arithmetic for due dates: calendar months and Chinese working days.

DOMAIN.md §3: "working days" follow the Chinese calendar with its public holidays and
make-up working days (调休上班).  The built-in table is the installed ``chinese_calendar``
package (offline).  Offices keep one program version for years, so a later year's
放假安排 can be entered by hand (``HolidayYear``, kept in the database settings); for a
year known to neither, Monday–Friday are counted and the result is marked ``estimated``.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from planmgr.domain.errors import ValidationError
from planmgr.domain.i18n import tr

_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(day: date, months: int) -> date:
    """``day`` plus calendar months; a day past the month's end clamps to its last day.

    2024-08-31 + 6 months = 2025-02-28; 2024-02-29 + 12 months = 2025-02-28.
    """
    index = day.month - 1 + months
    year = day.year + index // 12
    month = index % 12 + 1
    last = 29 if month == 2 and _calendar.isleap(year) else _MONTH_DAYS[month]
    return date(year, month, day.day if day.day <= last else last)


@dataclass(frozen=True)
class HolidayYear:
    """One year's 放假安排 entered by an office: days off and make-up working days."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]  # 调休上班: weekend days that are working days


def make_holiday_year(year: int, holidays: Iterable[date], workdays: Iterable[date]) -> HolidayYear:
    """Validate a hand-entered 放假安排; ``ValidationError`` on a wrong date."""
    if not 1900 <= year <= 2200:
        raise ValidationError(tr("年份不正确：{year}", year=year))
    days_off = frozenset(holidays)
    days_on = frozenset(workdays)
    outside = sorted(d for d in days_off | days_on if d.year != year)
    if outside:
        raise ValidationError(
            tr("{year} 年的放假安排中有不属于该年的日期：{day}", year=year, day=outside[0].isoformat())
        )
    both = sorted(days_off & days_on)
    if both:
        raise ValidationError(tr("同一天不能既放假又调休上班：{day}", day=both[0].isoformat()))
    weekday_on = sorted(d for d in days_on if d.weekday() < 5)
    if weekday_on:
        raise ValidationError(
            tr("调休上班日应为周六或周日，{day} 本来就是工作日", day=weekday_on[0].isoformat())
        )
    return HolidayYear(year, days_off, days_on)


@dataclass(frozen=True, slots=True)
class WorkdayDate:
    """A date counted in working days; ``estimated`` if a year was counted Mon–Fri."""

    day: date
    estimated: bool


def _builtin_tables() -> tuple[range, frozenset[date], frozenset[date]]:
    from chinese_calendar import constants

    holidays = frozenset(constants.holidays)
    workdays = frozenset(constants.workdays)
    # The package itself supports exactly the years between its first and last holiday.
    years = range(min(holidays).year, max(holidays).year + 1)
    return years, holidays, workdays


class WorkdayCalendar:
    """Chinese working days: built-in years, then years entered by hand, else Mon–Fri.

    A year the built-in calendar knows is never replaced by an entered table.
    """

    def __init__(self, entered: Iterable[HolidayYear] = (), *, builtin: bool = True) -> None:
        if builtin:
            years, holidays, workdays = _builtin_tables()
        else:
            years, holidays, workdays = range(0), frozenset(), frozenset()
        self.builtin_years = years
        self._holidays = set(holidays)
        self._workdays = set(workdays)
        self._known = set(years)
        self.entered_years: set[int] = set()
        for table in entered:
            if table.year in self._known:
                continue
            self._known.add(table.year)
            self.entered_years.add(table.year)
            self._holidays |= table.holidays
            self._workdays |= table.workdays
        self._cache: dict[tuple[date, int], WorkdayDate] = {}

    def knows(self, year: int) -> bool:
        """Whether the holidays of ``year`` are known (built in or entered)."""
        return year in self._known

    def is_workday(self, day: date) -> bool:
        """Working day by the known calendar; Mon–Fri for an unknown year."""
        if day in self._workdays:
            return True
        return day.weekday() < 5 and day not in self._holidays

    def add_workdays(self, start: date, count: int) -> WorkdayDate:
        """The ``count``-th working day after ``start`` (day 1 = first working day after it).

        ``estimated`` is true when any day counted lies in a year the calendar does not know.
        """
        key = (start, count)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        if count < 1:
            raise ValueError("count must be positive")
        day = start
        left = count
        while left:
            day += timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        first = start + timedelta(days=1)
        estimated = not all(self.knows(year) for year in range(first.year, day.year + 1))
        result = WorkdayDate(day, estimated)
        self._cache[key] = result
        return result
