"""Working days and calendar months, with dates worked out by hand.

2025 National Day + Mid-Autumn (国务院办公厅 2025 放假安排): 10月1日至8日放假调休，共8天；
9月28日（星期日）、10月11日（星期六）上班.
"""

from __future__ import annotations

from datetime import date

import pytest

from planmgr.domain.errors import ValidationError
from planmgr.domain.workdays import WorkdayCalendar, WorkdayDate, add_months, make_holiday_year


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


# -- calendar months -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 8, 31), 6, date(2025, 2, 28)),  # month end clamps (DOMAIN.md §3 example)
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day, next year has none
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # leap day to leap day
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # clamps into a leap February
        (date(2024, 11, 30), 3, date(2025, 2, 28)),  # across the year end
        (date(2023, 1, 31), 36, date(2026, 1, 31)),
        (date(2025, 3, 15), 24, date(2027, 3, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


# -- built-in Chinese calendar -------------------------------------------------------------


def test_publication_the_day_before_national_day_2025(cal: WorkdayCalendar) -> None:
    # Day 1 = Thu 10-09 (10-01..10-08 off), 2 = Fri 10-10, 3 = Sat 10-11 (make-up),
    # 4–8 = 10-13..17, 9–13 = 10-20..24, 14–18 = 10-27..31, 19 = Mon 11-03, 20 = Tue 11-04.
    assert cal.add_workdays(date(2025, 9, 30), 20) == WorkdayDate(date(2025, 11, 4), False)


def test_make_up_working_saturday_counts(cal: WorkdayCalendar) -> None:
    # Submitted Thu 10-09: 1 = Fri 10-10, 2 = Sat 10-11 (上班), 3 = 10-13, 4 = 10-14, 5 = Wed 10-15.
    # Counting Mon–Fri only would give Thu 10-16.
    assert cal.is_workday(date(2025, 10, 11))
    assert cal.add_workdays(date(2025, 10, 9), 5).day == date(2025, 10, 15)


def test_make_up_working_sunday_before_the_holiday(cal: WorkdayCalendar) -> None:
    # Submitted Thu 09-25: 1 = Fri 09-26, 2 = Sun 09-28 (上班), 3 = 09-29, 4 = 09-30, 5 = Thu 10-09.
    assert cal.add_workdays(date(2025, 9, 25), 5).day == date(2025, 10, 9)


def test_starting_inside_a_holiday(cal: WorkdayCalendar) -> None:
    assert not cal.is_workday(date(2025, 10, 3))
    assert cal.add_workdays(date(2025, 10, 3), 1).day == date(2025, 10, 9)


def test_builtin_calendar_knows_the_recent_years(cal: WorkdayCalendar) -> None:
    assert cal.knows(2025)
    assert 2004 in cal.builtin_years and 2025 in cal.builtin_years
    assert not cal.knows(2035)


# -- years the calendar does not know ------------------------------------------------------


def test_unknown_year_counts_monday_to_friday_and_says_so(cal: WorkdayCalendar) -> None:
    # 2035-01-01 is a Monday: 1–4 = 01-02..05, 5–9 = 01-08..12, 10–14, 15–19, 20 = Mon 01-29.
    assert cal.add_workdays(date(2035, 1, 1), 20) == WorkdayDate(date(2035, 1, 29), True)


def test_counting_into_an_unknown_year_is_estimated() -> None:
    only_2030 = WorkdayCalendar([make_holiday_year(2030, [], [])], builtin=False)
    assert only_2030.add_workdays(date(2030, 11, 1), 5).estimated is False
    # 2030-12-20 (Fri) + 20 working days runs into 2031, which nobody entered.
    later = only_2030.add_workdays(date(2030, 12, 20), 20)
    assert later.day.year == 2031 and later.estimated is True


def test_entered_holiday_table_is_used_instead_of_the_estimate() -> None:
    # A made-up 2035 arrangement: 02-07 (Wed) .. 02-13 (Tue) off, Sun 02-04 worked.
    table = make_holiday_year(
        2035,
        [date(2035, 2, d) for d in range(7, 14)],
        [date(2035, 2, 4)],
    )
    entered = WorkdayCalendar([table])
    # From Thu 02-01: 1 = Fri 02-02, 2 = Sun 02-04, 3 = 02-05, 4 = 02-06, 5 = Wed 02-14.
    assert entered.add_workdays(date(2035, 2, 1), 5) == WorkdayDate(date(2035, 2, 14), False)
    # Without the table: 02-02, 02-05, 02-06, 02-07, 02-08, estimated.
    assert WorkdayCalendar().add_workdays(date(2035, 2, 1), 5) == WorkdayDate(date(2035, 2, 8), True)


def test_entered_table_never_replaces_a_builtin_year() -> None:
    wrong = make_holiday_year(2025, [date(2025, 10, 9)], [])
    cal = WorkdayCalendar([wrong])
    assert cal.is_workday(date(2025, 10, 9))
    assert 2025 not in cal.entered_years


@pytest.mark.parametrize(
    ("holidays", "workdays", "message"),
    [
        ([date(2034, 12, 31)], [], "不属于该年"),
        ([date(2035, 2, 7)], [date(2035, 2, 7)], "既放假又调休上班"),
        ([], [date(2035, 2, 5)], "本来就是工作日"),
    ],
)
def test_holiday_table_rejects_wrong_dates(holidays: list[date], workdays: list[date], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make_holiday_year(2035, holidays, workdays)
