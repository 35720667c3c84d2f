"""Norwegian bank days: when a payment can be made.

Banks in Norway do not settle on Saturdays and Sundays, on the public holidays (helligdager,
lov om helligdager og helligdagsfred § 2, and 1 and 17 May), nor on Christmas Eve and New
Year's Eve. The moveable holidays follow Easter Sunday (the Gregorian computus).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def closed_days(year: int) -> frozenset[date]:
    """The weekdays of ``year`` on which Norwegian banks do not settle payments."""
    easter = easter_sunday(year)
    moveable = (
        -3,
        -2,
        1,
        39,
        50,
    )  # Maundy Thursday, Good Friday, Easter and Whit Monday, Ascension
    fixed = ((1, 1), (5, 1), (5, 17), (12, 24), (12, 25), (12, 26), (12, 31))
    return frozenset(
        [easter + timedelta(days=offset) for offset in moveable]
        + [date(year, month, day) for month, day in fixed]
    )


def is_bank_day(day: date) -> bool:
    return day.weekday() < 5 and day not in closed_days(day.year)


def next_bank_day(after: date) -> date:
    """The first bank day after ``after``: the earliest a run prepared that day can be paid."""
    day = after + timedelta(days=1)
    while not is_bank_day(day):
        day += timedelta(days=1)
    return day
