"""Reading a year's 放假安排 as an office types it from the State Council's notice.

One date or range per line, or several separated by commas: ``2027-10-01``, ``2027/10/1``,
``2027年10月1日``, ``10月1日``, ``10-1``; ranges with 至, ~, ～ or a dash between two dates:
``10月1日至7日``, ``2027-10-01~2027-10-07``, ``10-1~10-7``. A date without a year takes the
year being entered. No widgets: testable on its own; the messages are translated by the
Qt catalogue (context ``Holidays``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from planmgr.domain.errors import ValidationError

_SEPARATORS = re.compile(r"[,，、;；\n]+")
_RANGE = re.compile(r"\s*(?:至|到|~|～|—|–|(?<=\d)\s+-\s+(?=\d))\s*")
_FULL = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DAY = re.compile(r"^(\d{1,2})\s*日?$")
_MAX_RANGE_DAYS = 31


def _one(text: str, year: int, month: int | None = None) -> date:
    """A single date; ``month`` lets the end of ``10月1日至7日`` be a bare day."""
    text = text.strip()
    try:
        if found := _FULL.match(text):
            return date(int(found[1]), int(found[2]), int(found[3]))
        if found := _MONTH_DAY.match(text):
            return date(year, int(found[1]), int(found[2]))
        if month is not None and (found := _DAY.match(text)):
            return date(year, month, int(found[1]))
    except ValueError:
        raise ValidationError(
            QCoreApplication.translate("Holidays", "No such date: {text}").format(text=text)
        ) from None
    raise ValidationError(
        QCoreApplication.translate(
            "Holidays", "Unrecognised date: {text} (write it as {year}-10-01 or 10-1)"
        ).format(text=text, year=year)
    )


def parse_days(text: str, year: int) -> list[date]:
    """Every day named in ``text`` (sorted, without repeats); ``ValidationError`` in Chinese."""
    days: set[date] = set()
    for part in _SEPARATORS.split(text):
        part = part.strip()
        if not part:
            continue
        ends = _RANGE.split(part)
        if len(ends) == 1:
            days.add(_one(part, year))
            continue
        if len(ends) != 2:
            raise ValidationError(
                QCoreApplication.translate("Holidays", "Unrecognised date range: {text}").format(text=part)
            )
        first = _one(ends[0], year)
        last = _one(ends[1], first.year, first.month)
        if last < first:
            raise ValidationError(
                QCoreApplication.translate("Holidays", "The date range ends before it starts: {text}").format(
                    text=part
                )
            )
        if (last - first).days >= _MAX_RANGE_DAYS:
            raise ValidationError(
                QCoreApplication.translate(
                    "Holidays", "The date range is too long (more than {days} days): {text}"
                ).format(days=_MAX_RANGE_DAYS, text=part)
            )
        days.update(first + timedelta(days=n) for n in range((last - first).days + 1))
    return sorted(days)


def format_days(days: Iterable[date]) -> str:
    """Days as the editor shows them: consecutive days as one range per line."""
    ordered = sorted(days)
    lines: list[str] = []
    start = previous = None
    for day in [*ordered, None]:
        if day is not None and previous is not None and day == previous + timedelta(days=1):
            previous = day
            continue
        if start is not None and previous is not None:
            lines.append(
                start.isoformat()
                if start == previous
                else QCoreApplication.translate("Holidays", "{first} ~ {last}").format(
                    first=start.isoformat(), last=previous.isoformat()
                )
            )
        start = previous = day
    return "\n".join(lines)
