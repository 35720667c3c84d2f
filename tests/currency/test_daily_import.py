"""The daily import of exchange rates runs as a background job: from a file or an address,
once a day at the time set, tried again when it fails (both databases, the real worker)."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from refusjon.claims.models import AuditEntry
from refusjon.currency.models import ExchangeRate
from refusjon.currency.tasks import import_rates_daily, next_import, schedule_rates_import
from refusjon.jobs import failed_jobs
from tests.conftest import Clock
from tests.currency.conftest import rates_file, row
from tests.factories import NOW
from tests.jobs import run_worker, use_database_jobs, waiting_jobs

DAILY = import_rates_daily.module_path


@pytest.fixture(autouse=True)
def database_jobs(settings: Any, transactional_db: None) -> None:
    use_database_jobs(settings)
    settings.REFUSJON_RATES_IMPORT_AT = "17:15"


@pytest.fixture
def rates(tmp_path: Path) -> Path:
    return rates_file(
        tmp_path, row("USD", "2026-10-30", "10.1270"), row("EUR", "2026-10-30", "11.7")
    )


@pytest.fixture
def served(rates: Path) -> Iterator[str]:
    """The rates file served over HTTP on the loopback address, as Norges Bank would."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(rates.parent), **kwargs)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{rates.name}"
    server.shutdown()


def test_the_next_import_is_at_the_time_of_day_in_oslo() -> None:
    # NOW is 11:00 in Oslo on 2 November: today's 17:15 is still ahead.
    assert next_import(NOW) == datetime(2026, 11, 2, 16, 15, tzinfo=UTC)
    assert next_import(datetime(2026, 11, 2, 16, 15, tzinfo=UTC)) == datetime(
        2026, 11, 3, 16, 15, tzinfo=UTC
    )
    # Summer time: 17:15 in Oslo is 15:15 UTC.
    assert next_import(datetime(2026, 6, 1, 20, 0, tzinfo=UTC)) == datetime(
        2026, 6, 2, 15, 15, tzinfo=UTC
    )


def test_without_a_source_nothing_is_scheduled(settings: Any) -> None:
    settings.REFUSJON_RATES_SOURCE = ""
    assert schedule_rates_import() is False
    assert DBTaskResult.objects.count() == 0


def test_only_one_import_is_ever_waiting(settings: Any, rates: Path) -> None:
    settings.REFUSJON_RATES_SOURCE = str(rates)

    out = io.StringIO()
    call_command("schedule_rates_import", stdout=out)
    assert "Exchange rates will be imported at 2026-11-02 17:15" in out.getvalue()
    assert schedule_rates_import() is False

    [waiting] = DBTaskResult.objects.filter(task_path=DAILY)
    assert waiting.run_after == datetime(2026, 11, 2, 16, 15, tzinfo=UTC)


def test_the_daily_job_imports_the_file_and_asks_for_tomorrows(
    settings: Any, rates: Path, clock: Clock
) -> None:
    settings.REFUSJON_RATES_SOURCE = str(rates)
    import_rates_daily.enqueue()  # as if today's time had come

    run_worker(max_tasks=1)

    assert ExchangeRate.objects.get(currency="USD").nok_per_unit == Decimal("10.1270")
    assert AuditEntry.objects.filter(action="currency.rates.imported").count() == 1
    # Tomorrow's run waits (the test clock stands before the wall clock, so it is due at once
    # for the worker; a second run changes nothing).
    assert DBTaskResult.objects.filter(task_path=DAILY, status="READY").count() == 1
    run_worker(max_tasks=1)
    assert ExchangeRate.objects.count() == 2


def test_the_daily_job_fetches_an_address(settings: Any, served: str) -> None:
    settings.REFUSJON_RATES_SOURCE = served
    import_rates_daily.enqueue()

    run_worker(max_tasks=1)

    assert ExchangeRate.objects.get(currency="EUR").nok_per_unit == Decimal("11.7")
    entry = AuditEntry.objects.get(action="currency.rates.imported")
    assert entry.data["source"] == "rates.csv"


def test_an_import_that_keeps_failing_is_shown_to_staff(settings: Any, tmp_path: Path) -> None:
    settings.REFUSJON_RATES_SOURCE = str(tmp_path / "missing.csv")
    import_rates_daily.enqueue()

    # Its four attempts (the next day's run is asked for once, and waits).
    run_worker(max_tasks=4)

    [failed] = failed_jobs(since=NOW)
    assert str(failed.label) == "Importing exchange rates"
    assert failed.attempts == 4
    assert "missing.csv" in failed.error
    assert waiting_jobs(DAILY) == 1
    assert ExchangeRate.objects.count() == 0
