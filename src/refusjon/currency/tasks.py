"""The daily import of exchange rates, as a background job.

REFUSJON_RATES_SOURCE names where Norges Bank's CSV export is fetched from: a file (a path)
or an address (``https://…``); REFUSJON_RATES_IMPORT_AT the time of day in Oslo (default
17:15, after Norges Bank publishes the day's rates at about 16:00). Each run first asks for the
next day's, so a day that fails does not end the series, and there is only ever one run
waiting. ``manage.py serve`` starts the series; where the worker runs apart, run
``manage.py schedule_rates_import`` when it starts.

Importing is idempotent (the service adds new days and leaves the rest), so a run tried again,
or run twice, changes nothing the second time.
"""

from __future__ import annotations

import io
import urllib.request
from datetime import datetime, time
from typing import IO
from urllib.parse import urlparse

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.currency import services
from refusjon.jobs import ask_once, job

# Norges Bank's export of every currency for a year is about 2 MB.
LARGEST_FILE = 20 * 1024 * 1024
FETCH_TIMEOUT_SECONDS = 30


@job(label=_("Importing exchange rates"), attempts=4)
def import_rates_daily() -> None:
    """Ask for tomorrow's run, then import today's file (when a source is set)."""
    schedule_rates_import()
    source = settings.REFUSJON_RATES_SOURCE
    if source:
        services.import_rates(fetch(source))


def schedule_rates_import(*, now: datetime | None = None) -> bool:
    """Ask for the next daily import, unless one is already waiting or no source is set;
    whether one was asked for. Only the database backend keeps a job for later."""
    if not settings.REFUSJON_RATES_SOURCE:
        return False
    return ask_once(import_rates_daily, run_after=next_import(now or clock.now()))


def next_import(now: datetime) -> datetime:
    """The next moment at the configured time of day in Oslo, after ``now``."""
    return clock.next_at(time.fromisoformat(settings.REFUSJON_RATES_IMPORT_AT), after=now)


def fetch(source: str) -> str | IO[bytes]:
    """The rates file: a path as it is (the import reads it), or what an http(s) address
    answers, at most :data:`LARGEST_FILE` bytes."""
    address = urlparse(source)
    if address.scheme not in ("http", "https"):
        return source
    request = urllib.request.Request(source, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as answer:
        content = answer.read(LARGEST_FILE + 1)
    if len(content) > LARGEST_FILE:
        raise services.RatesFileError(f"{source}: larger than {LARGEST_FILE} bytes")
    return _Download(content, address.path.rsplit("/", 1)[-1] or "rates.csv")


class _Download(io.BytesIO):
    """Downloaded bytes with the name the import reports them by."""

    def __init__(self, content: bytes, name: str) -> None:
        super().__init__(content)
        self.name = name
