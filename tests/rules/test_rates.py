"""Norges Bank's CSV export: units, per-100 currencies, days without a rate."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from refusjon.rules.rates import ExchangeRates, RateMissing, RatesError

HEADER = (
    '"FREQ";"Frequency";"BASE_CUR";"Base Currency";"QUOTE_CUR";"Quote Currency";"TENOR";'
    '"Tenor";"DECIMALS";"Decimals";"CALCULATED";"Calculated";"UNIT_MULT";"Unit Multiplier";'
    '"COLLECTION";"Collection Indicator";"TIME_PERIOD";"OBS_VALUE"'
)


def row(currency: str, day: str, value: str, unit_mult: str = "0") -> str:
    return (
        f'"B";"Business";"{currency}";"x";"NOK";"Norwegian krone";"SP";"Spot";"4";"4";'
        f'"false";"false";"{unit_mult}";"Units";"C";"ECB";"{day}";"{value}"'
    )


RATES = ExchangeRates.from_norges_bank_csv(
    [
        HEADER,
        row("USD", "2024-03-01", "10.5000"),
        row("USD", "2024-03-04", "10.6000"),
        row("JPY", "2024-03-01", "7.0000", unit_mult="2"),
    ]
)


def test_a_unit_currency_converts_at_the_day_rate_rounded_to_ore() -> None:
    assert RATES.to_nok(Decimal("10.005"), "USD", date(2024, 3, 1)) == Decimal("105.05")


def test_a_per_100_currency_is_divided_by_100() -> None:
    assert RATES.to_nok(Decimal("7000"), "JPY", date(2024, 3, 1)) == Decimal("490.00")


def test_a_weekend_uses_the_latest_earlier_rate() -> None:
    assert RATES.rate("USD", date(2024, 3, 3)) == (date(2024, 3, 1), Decimal("10.5000"))
    assert RATES.rate("USD", date(2024, 3, 4))[1] == Decimal("10.6000")


def test_a_day_before_any_rate_is_missing_with_currency_and_day() -> None:
    with pytest.raises(RateMissing, match="no exchange rate for USD on 2024-02-29"):
        RATES.rate("USD", date(2024, 2, 29))
    with pytest.raises(RateMissing, match="XYZ"):
        RATES.rate("XYZ", date(2024, 3, 1))


def test_nok_needs_no_rate() -> None:
    assert RATES.to_nok(Decimal("12.34"), "NOK", date(1999, 1, 1)) == Decimal("12.34")


def test_a_broken_value_names_the_line() -> None:
    with pytest.raises(RatesError, match="line 2"):
        ExchangeRates.from_norges_bank_csv([HEADER, row("USD", "2024-03-01", "ten")])
