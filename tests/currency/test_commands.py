"""``manage.py import_rates`` says what it did; ``manage.py demo`` brings the rates it needs."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from refusjon.claims.models import ExpenseLine
from refusjon.currency.models import ExchangeRate
from tests.currency.conftest import rates_file, row

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_rates", *args, stdout=out)
    return out.getvalue()


def test_the_command_tells_how_many_rates_of_each_currency_and_for_which_days(
    tmp_path: Path,
) -> None:
    path = rates_file(
        tmp_path,
        row("USD", "2026-03-02", "10.1270"),
        row("USD", "2026-03-03", "10.1803"),
        row("JPY", "2026-03-02", "6.5310", unit_mult="2"),
    )
    assert run(str(path)).splitlines() == [
        "Imported rates.csv, currencies: 2",
        "  JPY  2026-03-02 – 2026-03-02  rates: 1  added: 1  updated: 0  unchanged: 0",
        "  USD  2026-03-02 – 2026-03-03  rates: 2  added: 2  updated: 0  unchanged: 0",
        "Rates added: 3, updated: 0",
    ]
    assert run(str(path)).splitlines()[-1] == "Nothing changed: every rate was already there."


def test_the_command_refuses_a_bad_file_with_its_reason(tmp_path: Path) -> None:
    path = rates_file(tmp_path, row("USD", "2026-03-02", "ti kroner"))
    with pytest.raises(CommandError, match="line 2: OBS_VALUE is not a number"):
        run(str(path))
    assert not ExchangeRate.objects.exists()


def test_the_demo_claims_in_dollars_are_converted_with_the_shipped_rates() -> None:
    call_command("demo", stdout=StringIO())
    assert set(ExchangeRate.objects.values_list("currency", flat=True)) == {
        "AUD",
        "EUR",
        "GBP",
        "JPY",
        "USD",
    }
    lines = ExpenseLine.objects.filter(claim__applicant__username="hanna")
    assert lines.count() == 2
    for line in lines:  # at the rate of the day, or of the last bank day before it
        rates = ExchangeRate.objects.filter(currency="USD", day__lte=line.service_on)
        rate = rates.order_by("-day").values_list("nok_per_unit", flat=True)[0]
        assert (line.currency, line.nok_amount) == (
            "USD",
            (line.amount * rate).quantize(Decimal("0.01")),
        )
