"""``manage.py schedule_jobs``: start the daily jobs (exchange rates, old sign-in records,
the students' reminders and interim replies).

Safe to run on every start (``manage.py serve`` does): each job is asked for only when no run
of it is waiting. Where the worker runs apart from ``serve``, run it when the worker starts.
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from refusjon import clock
from refusjon.notices import services as notices
from refusjon.web.signin_records import RUN_AT, schedule_signin_cleanup


class Command(BaseCommand):
    help = "Ask for the next run of each daily job, unless one is waiting already."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("schedule_rates_import", stdout=self.stdout)
        if schedule_signin_cleanup():
            when = clock.next_at(RUN_AT, after=clock.now())
            self.stdout.write(f"Old sign-in records will be removed at {when:%Y-%m-%d %H:%M %Z}.")
        else:
            self.stdout.write("The next removal of old sign-in records is already waiting.")
        if notices.schedule_daily_notices():
            when = clock.next_at(notices.RUN_AT, after=clock.now())
            self.stdout.write(
                f"Reminders and interim replies will be sent at {when:%Y-%m-%d %H:%M %Z}."
            )
        else:
            self.stdout.write("The next run of reminders and interim replies is already waiting.")
