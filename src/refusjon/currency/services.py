"""Norges Bank's exchange rates kept in the application: import its CSV export, and convert a
foreign amount to NOK at the rate of a day.

The rules (claims-format.md): a foreign amount is converted with Norges Bank's rate of the
payment date, on a day without a rate the latest earlier one, rounded to øre half up at once.
The file is read by the rules engine's reader (``refusjon.rules.rates``); this module stores
what it reads and looks it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from refusjon import clock
from refusjon.currency.models import ExchangeRate
from refusjon.rules.money import round_ore
from refusjon.rules.rates import ExchangeRates, RatesError

if TYPE_CHECKING:
    from refusjon.claims.models import User

# Norges Bank publishes no rate on weekends and bank holidays; the longest such gap (Maundy
# Thursday to Easter Monday) is under a week. A rate older than that means the stored rates
# are out of date, and converting with it would quietly use a months-old rate.
LONGEST_GAP = timedelta(days=7)

# What the model keeps: OBS_VALUE has 4 decimals, and UNIT_MULT moves them further right.
DECIMAL_PLACES = 10
LARGEST_RATE = Decimal(10) ** 10


class CurrencyError(Exception):
    """Rates that cannot be imported or found; the message says why, to the person who asked."""


class RatesFileError(CurrencyError):
    """A rates file that cannot be read; nothing of it is imported."""


class NoExchangeRate(CurrencyError):
    """No rate of the currency on the day or in the week before it."""

    def __init__(self, currency: str, day: date) -> None:
        super().__init__(
            _("There is no exchange rate for %(currency)s on %(day)s or in the week before.")
            % {"currency": currency, "day": formats.date_format(day)}
        )
        self.currency = currency
        self.day = day


@dataclass(frozen=True)
class Conversion:
    nok_amount: Decimal
    rate: Decimal
    rate_day: date


def to_nok(amount: Decimal, currency: str, day: date) -> Conversion:
    """``amount`` of ``currency`` in NOK at Norges Bank's rate of ``day`` (or the latest
    earlier one), rounded to øre half up at once."""
    if currency == "NOK":
        return Conversion(amount, Decimal(1), day)
    found = (
        ExchangeRate.objects.filter(currency=currency, day__lte=day, day__gt=day - LONGEST_GAP)
        .order_by("-day")
        .values_list("day", "nok_per_unit")
        .first()
    )
    if found is None:
        raise NoExchangeRate(currency, day)
    rate_day, rate = found
    return Conversion(round_ore(amount * rate), rate, rate_day)


@dataclass(frozen=True)
class CurrencyCount:
    """What an import did to the rates of one currency."""

    added: int
    updated: int
    unchanged: int
    first_day: date
    last_day: date

    @property
    def rates(self) -> int:
        return self.added + self.updated + self.unchanged


@dataclass(frozen=True)
class ImportResult:
    source: str
    by_currency: dict[str, CurrencyCount]

    @property
    def added(self) -> int:
        return sum(count.added for count in self.by_currency.values())

    @property
    def updated(self) -> int:
        return sum(count.updated for count in self.by_currency.values())

    @property
    def unchanged(self) -> int:
        return sum(count.unchanged for count in self.by_currency.values())


@transaction.atomic
def import_rates(
    path_or_file: str | Path | IO[str] | IO[bytes],
    *,
    by: User | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Store the rates of a Norges Bank CSV export: new days are added, changed values
    updated, the rest left alone, so importing a file twice changes nothing. A file with any
    bad row imports nothing."""
    now = now or clock.now()
    source, text = _read_text(path_or_file)
    rates = _parse(source, text)
    result = ImportResult(
        source,
        {
            currency: _store(currency, rates[currency], source=source, now=now)
            for currency in sorted(rates)
        },
    )
    # Imported here, not above: claims converts amounts through this module.
    from refusjon.claims.services import audit

    audit("currency.rates.imported", actor=by, now=now, source=source, **_summary(result))
    return result


def _read_text(path_or_file: str | Path | IO[str] | IO[bytes]) -> tuple[str, str]:
    """The file's name and text (UTF-8; Norges Bank's export starts with a byte-order mark)."""
    if isinstance(path_or_file, str | Path):
        path = Path(path_or_file)
        try:
            return path.name, path.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise RatesFileError(
                _("The rates file %(name)s cannot be opened: %(problem)s")
                % {"name": path, "problem": error.strerror or error}
            ) from error
        except UnicodeDecodeError as error:
            raise _unreadable(path.name, _("it is not UTF-8 text")) from error
    name = Path(str(getattr(path_or_file, "name", "") or "")).name
    content = path_or_file.read()
    if isinstance(content, str):
        return name, content.removeprefix("\ufeff")
    try:
        return name, content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _unreadable(name, _("it is not UTF-8 text")) from error


def _unreadable(source: str, problem: str) -> RatesFileError:
    return RatesFileError(
        _("The rates file %(name)s was not imported: %(problem)s")
        % {"name": source or "-", "problem": problem}
    )


class _Collected(ExchangeRates):
    """The engine's reader, keeping every rate it reads by currency and day, for storing."""

    def __init__(self) -> None:
        super().__init__()
        self.read: dict[str, dict[date, Decimal]] = {}

    def add(self, currency: str, day: date, nok_per_unit: Decimal) -> None:
        _check_rate(currency, day, nok_per_unit)
        days = self.read.setdefault(currency, {})
        if days.get(day, nok_per_unit) != nok_per_unit:
            raise RatesError(f"two different rates for {currency} on {day.isoformat()}")
        days[day] = nok_per_unit
        super().add(currency, day, nok_per_unit)


def _check_rate(currency: str, day: date, nok_per_unit: Decimal) -> None:
    """Refuse what the database would refuse or quietly change, naming the row and column."""
    row = f"{currency} on {day.isoformat()}"
    if not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
        raise RatesError(f"BASE_CUR {currency!r} ({day.isoformat()}) is not a currency code")
    if not currency.isupper():
        raise RatesError(f"BASE_CUR {currency!r} ({day.isoformat()}) is not in capitals")
    if not (nok_per_unit.is_finite() and 0 < nok_per_unit < LARGEST_RATE):
        raise RatesError(f"OBS_VALUE of {row} is {nok_per_unit}, not a plausible rate")
    if nok_per_unit != nok_per_unit.quantize(Decimal(1).scaleb(-DECIMAL_PLACES)):
        raise RatesError(f"OBS_VALUE of {row} has more than {DECIMAL_PLACES} decimals")


def _parse(source: str, text: str) -> dict[str, dict[date, Decimal]]:
    try:
        rates = _Collected.from_norges_bank_csv(text.splitlines())
    except RatesError as error:
        raise _unreadable(source, _problem(error)) from error
    assert isinstance(rates, _Collected)
    if not rates.read:
        raise _unreadable(source, _("it holds no exchange rates to NOK"))
    return rates.read


def _problem(error: RatesError) -> str:
    """The engine's message, without its "rates file" prefix, naming the column it leaves out."""
    problem = str(error).removeprefix("rates file, ").removeprefix("rates file: ")
    if isinstance(error.__cause__, InvalidOperation):
        # Of a row's fields the reader makes only OBS_VALUE a Decimal, and Python's message
        # for a bad one ("[<class 'decimal.ConversionSyntax'>]") names nothing.
        problem = problem.split(":")[0] + ": OBS_VALUE is not a number"
    return problem


def _store(
    currency: str, rates: dict[date, Decimal], *, source: str, now: datetime
) -> CurrencyCount:
    """Add the new days of one currency and update the changed ones, in a few queries."""
    stored = {
        row.day: row
        for row in ExchangeRate.objects.filter(
            currency=currency, day__range=(min(rates), max(rates))
        ).only("pk", "day", "nok_per_unit")
    }
    added = [
        ExchangeRate(currency=currency, day=day, nok_per_unit=rate, imported_at=now, source=source)
        for day, rate in rates.items()
        if day not in stored
    ]
    updated = []
    for day, rate in rates.items():
        row = stored.get(day)
        if row is not None and row.nok_per_unit != rate:
            row.nok_per_unit, row.imported_at, row.source = rate, now, source
            updated.append(row)
    ExchangeRate.objects.bulk_create(added, batch_size=500)
    ExchangeRate.objects.bulk_update(
        updated, ["nok_per_unit", "imported_at", "source"], batch_size=500
    )
    return CurrencyCount(
        added=len(added),
        updated=len(updated),
        unchanged=len(rates) - len(added) - len(updated),
        first_day=min(rates),
        last_day=max(rates),
    )


def _summary(result: ImportResult) -> dict[str, Any]:
    return {
        "currencies": {
            currency: {
                "added": count.added,
                "updated": count.updated,
                "unchanged": count.unchanged,
                "first_day": count.first_day.isoformat(),
                "last_day": count.last_day.isoformat(),
            }
            for currency, count in result.by_currency.items()
        }
    }
