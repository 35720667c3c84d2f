"""A foreign amount in NOK: Norges Bank's rate of the day or the latest earlier one, rounded
to øre half up at once."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from refusjon.currency.models import ExchangeRate
from refusjon.currency.services import Conversion, NoExchangeRate, to_nok

pytestmark = pytest.mark.django_db


def rates(currency: str, *days_and_rates: tuple[str, str]) -> None:
    for day, rate in days_and_rates:
        ExchangeRate.objects.create(
            currency=currency,
            day=date.fromisoformat(day),
            nok_per_unit=Decimal(rate),
            imported_at=datetime(2026, 11, 2, tzinfo=UTC),
        )


def test_an_amount_is_converted_at_the_rate_of_its_day() -> None:
    rates("USD", ("2026-03-02", "10.1270"), ("2026-03-03", "10.1803"))
    assert to_nok(Decimal("100.00"), "USD", date(2026, 3, 3)) == Conversion(
        Decimal("1018.03"), Decimal("10.1803"), date(2026, 3, 3)
    )


def test_on_a_sunday_the_rate_of_friday_applies() -> None:
    rates("USD", ("2026-02-27", "10.0500"), ("2026-03-02", "10.1270"))
    conversion = to_nok(Decimal("100.00"), "USD", date(2026, 3, 1))
    assert (conversion.nok_amount, conversion.rate_day) == (Decimal("1005.00"), date(2026, 2, 27))


def test_on_easter_monday_the_rate_of_the_wednesday_before_applies() -> None:
    # 2026: Maundy Thursday 2 April to Easter Monday 6 April, no rates.
    rates("EUR", ("2026-04-01", "11.5000"), ("2026-04-07", "11.6000"))
    conversion = to_nok(Decimal("10.00"), "EUR", date(2026, 4, 6))
    assert (conversion.nok_amount, conversion.rate_day) == (Decimal("115.00"), date(2026, 4, 1))


def test_a_per_hundred_currency_is_converted_per_unit() -> None:
    rates("JPY", ("2026-03-02", "0.065310"))
    assert to_nok(Decimal("3000"), "JPY", date(2026, 3, 2)).nok_amount == Decimal("195.93")


def test_the_converted_amount_is_rounded_to_ore_half_up() -> None:
    rates("USD", ("2026-03-02", "10.1000"))
    # 10.05 × 10.1 = 101.505: half up gives 101.51 (banker's rounding would give 101.50).
    assert to_nok(Decimal("10.05"), "USD", date(2026, 3, 2)).nok_amount == Decimal("101.51")
    assert to_nok(Decimal("10.04"), "USD", date(2026, 3, 2)).nok_amount == Decimal("101.40")


def test_nok_is_its_own_amount() -> None:
    assert to_nok(Decimal("160.00"), "NOK", date(2026, 3, 2)).nok_amount == Decimal("160.00")


def test_without_a_rate_the_error_names_the_currency_and_the_day() -> None:
    rates("USD", ("2026-03-02", "10.1270"))
    with pytest.raises(NoExchangeRate) as raised:
        to_nok(Decimal("10.00"), "GBP", date(2026, 3, 2))
    assert (raised.value.currency, raised.value.day) == ("GBP", date(2026, 3, 2))
    assert str(raised.value) == (
        "There is no exchange rate for GBP on March 2, 2026 or in the week before."
    )


def test_the_error_gives_the_day_as_the_reader_writes_it() -> None:
    with translation.override("nb"), pytest.raises(NoExchangeRate, match=re.escape("2. mars 2026")):
        to_nok(Decimal("10.00"), "GBP", date(2026, 3, 2))


def test_a_day_before_the_first_rate_has_no_rate() -> None:
    rates("USD", ("2026-03-02", "10.1270"))
    with pytest.raises(NoExchangeRate):
        to_nok(Decimal("10.00"), "USD", date(2026, 2, 27))


def test_a_rate_more_than_a_week_old_is_not_used() -> None:
    # Rates not imported for months must not convert today's expenses at an old rate.
    rates("USD", ("2026-03-02", "10.1270"))
    assert to_nok(Decimal("1"), "USD", date(2026, 3, 8)).rate_day == date(2026, 3, 2)
    with pytest.raises(NoExchangeRate):
        to_nok(Decimal("1"), "USD", date(2026, 3, 9))


def test_a_conversion_is_one_query(django_assert_num_queries: DjangoAssertNumQueries) -> None:
    rates("USD", ("2026-02-27", "10.0500"), ("2026-03-02", "10.1270"))
    with django_assert_num_queries(1):
        to_nok(Decimal("10.00"), "USD", date(2026, 3, 1))


def test_the_rate_is_found_through_the_currency_and_day_index() -> None:
    """The lookup reads the (currency, day) index in order, without sorting, on either
    database. PostgreSQL would scan a table this small whole; told not to, it shows the index
    serves the query."""
    lookup = ExchangeRate.objects.filter(
        currency="USD", day__lte=date(2026, 3, 1), day__gt=date(2026, 2, 22)
    ).order_by("-day")
    if connection.vendor == "sqlite":
        plan = lookup.explain()
        assert "USING INDEX" in plan and "currency=? AND day" in plan, plan
        assert "TEMP B-TREE" not in plan, plan  # read in index order: no sorting
    else:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            plan = lookup.explain()
        assert "Index" in plan and "Sort" not in plan, plan
