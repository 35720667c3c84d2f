"""Exchange rates from Norges Bank's CSV export.

The export is semicolon separated and quoted, one row per currency and day, with (among others)
the columns ``BASE_CUR``, ``QUOTE_CUR``, ``UNIT_MULT`` and ``TIME_PERIOD``, ``OBS_VALUE``.
``UNIT_MULT`` is a power of ten: 2 means the value is NOK per 100 units (JPY, SEK, DKK, ...).
On a day without a rate (weekends, holidays) the latest earlier rate applies.
"""

from __future__ import annotations

import bisect
import csv
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from refusjon.rules.money import round_ore

REQUIRED_COLUMNS = ("BASE_CUR", "QUOTE_CUR", "UNIT_MULT", "TIME_PERIOD", "OBS_VALUE")


class RatesError(Exception):
    """A rates file that cannot be read."""


class RateMissing(LookupError):
    def __init__(self, currency: str, day: date) -> None:
        super().__init__(f"no exchange rate for {currency} on {day.isoformat()}")
        self.currency = currency
        self.day = day


class ExchangeRates:
    """NOK per unit of each currency, by day."""

    def __init__(self) -> None:
        self._days: dict[str, list[int]] = {}
        self._rates: dict[str, list[tuple[date, Decimal]]] = {}

    def add(self, currency: str, day: date, nok_per_unit: Decimal) -> None:
        days = self._days.setdefault(currency, [])
        rates = self._rates.setdefault(currency, [])
        index = bisect.bisect_left(days, day.toordinal())
        if index < len(days) and days[index] == day.toordinal():
            rates[index] = (day, nok_per_unit)
        else:
            days.insert(index, day.toordinal())
            rates.insert(index, (day, nok_per_unit))

    def rate(self, currency: str, day: date) -> tuple[date, Decimal]:
        """The rate in force on ``day`` and the day it was published."""
        days = self._days.get(currency)
        index = bisect.bisect_right(days, day.toordinal()) - 1 if days else -1
        if index < 0:
            raise RateMissing(currency, day)
        return self._rates[currency][index]

    def to_nok(self, amount: Decimal, currency: str, day: date) -> Decimal:
        """``amount`` of ``currency`` in NOK at the rate of ``day``, rounded to øre at once."""
        if currency == "NOK":
            return amount
        return round_ore(amount * self.rate(currency, day)[1])

    @classmethod
    def from_norges_bank_csv(cls, lines: Iterable[str]) -> ExchangeRates:
        """Read Norges Bank's CSV export (semicolon separated, quoted)."""
        rates = cls()
        reader = csv.DictReader(lines, delimiter=";")
        missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise RatesError(f"rates file: missing column(s) {', '.join(missing)}")
        for number, row in enumerate(reader, start=2):
            if row["QUOTE_CUR"] != "NOK" or not row["OBS_VALUE"]:
                continue
            try:
                day = date.fromisoformat(row["TIME_PERIOD"])
                value = Decimal(row["OBS_VALUE"].replace(",", "."))
                multiplier = int(row["UNIT_MULT"] or 0)
            except (ValueError, InvalidOperation) as error:
                raise RatesError(f"rates file, line {number}: {error}") from error
            rates.add(row["BASE_CUR"], day, value.scaleb(-multiplier))
        return rates
