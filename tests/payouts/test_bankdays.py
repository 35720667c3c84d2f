"""Norwegian bank days: a run prepared before a weekend or a holiday is paid after it."""

from __future__ import annotations

from datetime import date

import pytest

from refusjon.payouts.bankdays import easter_sunday, is_bank_day, next_bank_day


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    ("after", "paid_on"),
    [
        (date(2026, 11, 19), date(2026, 11, 20)),  # Thursday → Friday
        (date(2026, 11, 20), date(2026, 11, 23)),  # Friday → Monday
        (date(2026, 4, 1), date(2026, 4, 7)),  # Maundy Thursday to Easter Monday closed
        (date(2026, 5, 13), date(2026, 5, 15)),  # Ascension Day, Thursday 14 May
        (date(2026, 5, 22), date(2026, 5, 26)),  # weekend, then Whit Monday 25 May
        (date(2027, 5, 14), date(2027, 5, 18)),  # 17 May 2027 is a Monday
        (date(2026, 12, 23), date(2026, 12, 28)),  # 24, 25, 26 December, then Sunday
        (date(2026, 12, 30), date(2027, 1, 4)),  # 31 December, 1 January, weekend
    ],
)
def test_the_next_bank_day(after: date, paid_on: date) -> None:
    assert next_bank_day(after) == paid_on
    assert is_bank_day(paid_on)
