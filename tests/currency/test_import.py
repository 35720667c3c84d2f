"""Importing Norges Bank's CSV export: stored once, updated when it changes, all or nothing."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from refusjon.claims.models import AuditEntry, User
from refusjon.currency.models import ExchangeRate
from refusjon.currency.services import RatesFileError, import_rates
from tests.conftest import CASES
from tests.currency.conftest import rates_file, row

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)

ROWS = (
    row("USD", "2026-03-02", "10.1270"),
    row("USD", "2026-03-03", "10.1803"),
    row("JPY", "2026-03-02", "6.5310", unit_mult="2"),
)


def stored() -> dict[tuple[str, date], Decimal]:
    return {(rate.currency, rate.day): rate.nok_per_unit for rate in ExchangeRate.objects.all()}


def test_rates_are_stored_as_nok_per_one_unit(tmp_path: Path) -> None:
    result = import_rates(rates_file(tmp_path, *ROWS), now=NOW)
    assert stored() == {
        ("USD", date(2026, 3, 2)): Decimal("10.1270"),
        ("USD", date(2026, 3, 3)): Decimal("10.1803"),
        ("JPY", date(2026, 3, 2)): Decimal("0.065310"),  # UNIT_MULT 2: NOK per 100 yen
    }
    assert (result.source, result.added, result.updated, result.unchanged) == ("rates.csv", 3, 0, 0)
    usd = result.by_currency["USD"]
    assert (usd.rates, usd.first_day, usd.last_day) == (2, date(2026, 3, 2), date(2026, 3, 3))


def test_importing_the_same_file_twice_changes_nothing(tmp_path: Path) -> None:
    path = rates_file(tmp_path, *ROWS)
    import_rates(path, now=NOW)
    before = list(ExchangeRate.objects.values())
    again = import_rates(path, now=LATER)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert list(ExchangeRate.objects.values()) == before


def test_a_corrected_rate_is_updated_and_the_others_are_left_alone(tmp_path: Path) -> None:
    import_rates(rates_file(tmp_path, *ROWS), now=NOW)
    corrected = rates_file(
        tmp_path,
        row("USD", "2026-03-02", "10.1270"),
        row("USD", "2026-03-03", "10.2000"),
        row("USD", "2026-03-04", "10.2100"),
        name="corrected.csv",
    )
    result = import_rates(corrected, now=LATER)
    assert result.by_currency["USD"].added == 1
    assert result.by_currency["USD"].updated == 1
    assert result.by_currency["USD"].unchanged == 1
    changed = ExchangeRate.objects.get(currency="USD", day=date(2026, 3, 3))
    assert (changed.nok_per_unit, changed.source, changed.imported_at) == (
        Decimal("10.2000"),
        "corrected.csv",
        LATER,
    )
    kept = ExchangeRate.objects.get(currency="USD", day=date(2026, 3, 2))
    assert (kept.source, kept.imported_at) == ("rates.csv", NOW)
    assert ExchangeRate.objects.filter(currency="JPY").count() == 1


@pytest.mark.parametrize(
    ("bad_row", "named"),
    [
        (row("USD", "2026-03-04", "ti kroner"), ["line 5", "OBS_VALUE"]),
        (row("USD", "2026-02-30", "10.2000"), ["line 5", "day is out of range"]),
        (row("USD", "2026-03-04", "10.2000", unit_mult="x"), ["line 5", "'x'"]),
        (row("USD", "2026-03-04", "-10.2000"), ["OBS_VALUE", "USD on 2026-03-04"]),
        (row("USDX", "2026-03-04", "10.2000"), ["BASE_CUR", "'USDX'"]),
        (row("USD", "2026-03-02", "10.9999"), ["two different rates", "USD on 2026-03-02"]),
    ],
)
def test_a_bad_row_is_named_and_nothing_of_the_file_is_imported(
    tmp_path: Path, bad_row: str, named: list[str]
) -> None:
    import_rates(rates_file(tmp_path, row("EUR", "2026-03-02", "11.7000")), now=NOW)
    before = stored()
    path = rates_file(tmp_path, *ROWS, bad_row, row("GBP", "2026-03-02", "13.4000"), name="b.csv")
    with pytest.raises(RatesFileError) as raised:
        import_rates(path, now=LATER)
    assert "b.csv" in str(raised.value)
    for part in named:
        assert part in str(raised.value)
    assert stored() == before
    assert AuditEntry.objects.filter(action="currency.rates.imported").count() == 1


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text('"BASE_CUR";"QUOTE_CUR";"TIME_PERIOD"\n"USD";"NOK";"2026-03-02"\n')
    with pytest.raises(RatesFileError, match="UNIT_MULT, OBS_VALUE"):
        import_rates(path)
    assert not ExchangeRate.objects.exists()


def test_a_file_without_rates_to_nok_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RatesFileError, match="no exchange rates to NOK"):
        import_rates(rates_file(tmp_path))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(RatesFileError, match=re.escape("nowhere.csv")):
        import_rates(tmp_path / "nowhere.csv")


def test_an_uploaded_file_is_read_as_norges_bank_sends_it(tmp_path: Path) -> None:
    upload = io.BytesIO(rates_file(tmp_path, *ROWS).read_bytes())
    upload.name = "/uploads/valutakurser.csv"
    result = import_rates(upload, now=NOW)
    assert (result.source, result.added) == ("valutakurser.csv", 3)


def test_each_import_is_logged_with_what_it_did(tmp_path: Path, bob: User) -> None:
    import_rates(rates_file(tmp_path, *ROWS), by=bob, now=NOW)
    entry = AuditEntry.objects.get(action="currency.rates.imported")
    assert (entry.actor, entry.at, entry.data["source"]) == (bob, NOW, "rates.csv")
    assert entry.data["currencies"]["USD"] == {
        "added": 2,
        "updated": 0,
        "unchanged": 0,
        "first_day": "2026-03-02",
        "last_day": "2026-03-03",
    }


def test_the_spec_cases_rates_are_imported() -> None:
    result = import_rates(CASES / "rates.csv", now=NOW)
    assert set(result.by_currency) == {"AUD", "JPY", "USD"}
    jpy = ExchangeRate.objects.get(currency="JPY", day=date(2024, 9, 13))
    assert jpy.nok_per_unit == Decimal("0.074874")
