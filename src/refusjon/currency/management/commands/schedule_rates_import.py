"""``manage.py schedule_rates_import``: start the daily import of exchange rates.

Safe to run on every start (``manage.py serve`` does): it asks for the next run only when none
is waiting. Does nothing unless REFUSJON_RATES_SOURCE is set.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from refusjon import clock
from refusjon.currency.tasks import next_import, schedule_rates_import


class Command(BaseCommand):
    help = "Ask for the next daily import of exchange rates, unless one is waiting already."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.REFUSJON_RATES_SOURCE:
            self.stdout.write("No REFUSJON_RATES_SOURCE: no daily import of exchange rates.")
        elif schedule_rates_import():
            when = next_import(clock.now())
            self.stdout.write(f"Exchange rates will be imported at {when:%Y-%m-%d %H:%M %Z}.")
        else:
            self.stdout.write("The next import of exchange rates is already waiting.")
